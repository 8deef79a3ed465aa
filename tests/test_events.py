"""``kg export --format events``: one CSV row per triple, the same from the embedded store and from Neo4j."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph.events import EVENT_COLUMNS
from kg.load import LocalStore, Neo4jStore
from tests.test_store_fields import NO_ATTACK, ev_01, ev_02, event_corpus

STATES_ID, ACCUSES_ID = (t.id for t in ev_01().triples)
ATTACKS_ID = ev_02().triples[0].id

#: The event table of tests.test_store_fields.event_corpus, row by row (CSV cells as read back).
EXPECTED = [
    {
        "date": "2024-10-24",
        "source_key": "group:RUS-GOV",
        "source_name": "Russian government",
        "source_country": "RUS",
        "source_sector": "GOV",
        "predicate": "STATES",
        "cameo": "010",
        "plover": "STATEMENT",
        "quad": "1",
        "goldstein": "0.0",
        "target_key": "",
        "target_name": "",
        "target_country": "",
        "target_sector": "",
        "target_text": NO_ATTACK.text,
        "polarity": "positive",
        "hedged": "false",
        "reported_by": "",
        "addressee": "org:reuters",
        "modality": "",
        "article_id": "ev-01",
        "url": "https://example.org/ev-01",
        "sentence": "0",
        "evidence": "The Russian government told Reuters there would be no attack on Kyiv.",
        "triple_id": STATES_ID,
    },
    {
        "date": "2024-10-24",
        "source_key": "country:UKR",
        "source_name": "Ukraine",
        "source_country": "UKR",
        "source_sector": "",
        "predicate": "ACCUSES",
        "cameo": "112",
        "plover": "ACCUSE",
        "quad": "3",
        "goldstein": "-2.0",
        "target_key": "country:RUS",
        "target_name": "Russia",
        "target_country": "RUS",
        "target_sector": "",
        "target_text": "",
        "polarity": "positive",
        "hedged": "false",
        "reported_by": "",
        "addressee": "",
        "modality": "",
        "article_id": "ev-01",
        "url": "https://example.org/ev-01",
        "sentence": "1",
        "evidence": "Ukraine accused Russia.",
        "triple_id": ACCUSES_ID,
    },
    {
        "date": "2024-10-26",
        "source_key": "group:RUS-GOV",
        "source_name": "Russian government",
        "source_country": "RUS",  # ev-02 did not know it: the store kept ev-01's
        "source_sector": "GOV",
        "predicate": "ATTACKS",
        "cameo": "190",
        "plover": "ASSAULT",
        "quad": "4",
        "goldstein": "-10.0",
        "target_key": "country:UKR",
        "target_name": "Ukraine",
        "target_country": "UKR",
        "target_sector": "",
        "target_text": "",
        "polarity": "negative",
        "hedged": "true",
        "reported_by": "country:UKR",
        "addressee": "",
        "modality": "threatened",
        "article_id": "ev-02",
        "url": "",
        "sentence": "0",
        "evidence": "Moscow threatened to strike Ukraine if it joined NATO, officials said.",
        "triple_id": ATTACKS_ID,
    },
]


def read_table(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def export_events(args: list[str], out, n: int = 3) -> bytes:
    result = CliRunner().invoke(cli, ["export", *args, "--format", "events", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"kg: wrote {n} events to {out}" in result.stderr
    return out.read_bytes()


def check_table(data: bytes) -> None:
    header, rows = read_table(data)
    assert header == list(EVENT_COLUMNS)
    assert rows == EXPECTED


def test_events_from_the_local_store(tmp_path):
    with LocalStore(tmp_path / "s") as store:
        store.write(event_corpus())
    data = export_events(["--store", str(tmp_path / "s")], tmp_path / "events.csv")
    check_table(data)
    assert data.startswith(b"date,source_key,source_name,source_country,source_sector,predicate,cameo,")


def test_events_to_stdout_and_parquet_refused(tmp_path):
    with LocalStore(tmp_path / "s") as store:
        store.write(event_corpus())
    result = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "s"), "--format", "events"])
    assert result.exit_code == 0, result.output
    check_table(result.stdout_bytes)
    out = tmp_path / "events.parquet"
    refused = CliRunner().invoke(
        cli, ["export", "--store", str(tmp_path / "s"), "--format", "events", "--out", str(out)]
    )
    assert refused.exit_code == 2 and "CSV only" in refused.stderr and not out.exists()


def test_an_empty_store_gives_the_header_only(tmp_path):
    LocalStore(tmp_path / "s").close()
    result = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "s"), "--format", "events"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ",".join(EVENT_COLUMNS) + "\n"


def test_affiliations_are_rows_and_undated_articles_come_last(tmp_path):
    from dataclasses import replace

    from tests.test_local_store import corpus

    undated = replace(ev_02(), article=replace(ev_02().article, published=None))
    with LocalStore(tmp_path / "s") as store:
        store.write([undated, *corpus()])
    _, rows = read_table(export_events(["--store", str(tmp_path / "s")], tmp_path / "e.csv", n=9))
    assert [r["date"] for r in rows[:-1]] == sorted(r["date"] for r in rows[:-1])
    assert rows[-1]["article_id"] == "ev-02" and rows[-1]["date"] == ""
    affiliated = [r for r in rows if r["predicate"] == "AFFILIATED_WITH"]
    assert len(affiliated) == 1 and affiliated[0]["source_key"] == "person:vladimir-putin"
    assert affiliated[0]["target_key"] == "country:RUS" and affiliated[0]["cameo"] == ""


@pytest.mark.neo4j
def test_events_from_neo4j_are_the_same_rows(neo4j_db, tmp_path):
    Neo4jStore(neo4j_db).write(event_corpus())
    data = export_events(["--neo4j"], tmp_path / "neo4j.csv")
    check_table(data)
    with LocalStore(tmp_path / "s") as store:
        store.write(event_corpus())
    assert data == export_events(["--store", str(tmp_path / "s")], tmp_path / "local.csv")
