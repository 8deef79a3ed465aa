"""Bad input through the real CLI (`kg ingest`): every class is reported with the input's name, the good
articles are still loaded, and the exit code is 1 at the end (0 when everything was fine).

One `kg ingest` run over a directory holding every kind of bad input serves most tests (spaCy loads once);
each test then checks its own class. Bounded-time and Neo4j cases run separately.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.test_faults import summary_number
from tests.test_readers import tiny_png

KG = [sys.executable, "-c", "from kg.cli import main; main()"]
GOOD_DE = "Der ukrainische Präsident Wolodymyr Selenskyj warnte am Montag in Kiew vor neuen Angriffen Russlands."
GOOD_EN = "NATO Secretary General Mark Rutte said on Monday that Russia had moved more troops to the border."


def kg(*args: str, timeout: float = 300, **env: str | None) -> subprocess.CompletedProcess:
    full = {**os.environ}
    for name, value in env.items():
        if value is None:
            full.pop(name, None)
        else:
            full[name] = value
    return subprocess.run([*KG, *args], env=full, capture_output=True, text=True, timeout=timeout)


def articles_in(store: Path) -> dict[str, str | None]:
    conn = sqlite3.connect(store / "graph.sqlite")
    try:
        return dict(conn.execute("SELECT id, title FROM articles WHERE content_hash IS NOT NULL"))
    finally:
        conn.close()


@dataclass
class Run:
    dir: Path
    store: Path
    result: subprocess.CompletedProcess

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.result.stderr.splitlines() if line.startswith("kg: warning: ")]

    def warning_for(self, name: str) -> str:
        hits = [w for w in self.warnings if name in w]
        assert hits, f"no warning names {name!r}:\n" + "\n".join(self.warnings)
        return hits[0]


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory) -> Run:
    d = tmp_path_factory.mktemp("bad-input")
    (d / "good.txt").write_text(GOOD_DE, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("  \n\t \r\n   ", encoding="utf-8")
    (d / "photo.txt").write_bytes(tiny_png())
    (d / "latin1.txt").write_bytes(("Selenskij äußerte sich am Montag in Kiew. " + GOOD_DE).encode("latin-1"))
    (d / "invalid-utf8.txt").write_bytes(b"Moskau \xff\x81 bestreitet die Berichte \xc3 aus Kiew. " + GOOD_DE.encode())
    (d / "huge.txt").write_bytes(b"Krieg und Frieden. " * 550_000)  # ~10 MB
    lines = [
        json.dumps({"id": "j-ok-1", "lang": "de", "title": "eins", "text": GOOD_DE}),
        '{"id": "j-broken", "text": "unterbrochen',
        json.dumps({"id": "j-no-text", "title": "ohne Text"}),
        json.dumps({"id": "j-int-text", "text": 12345}),
        json.dumps({"id": "j-bad-date", "text": GOOD_EN, "published": "last Tuesday"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "j-fr", "lang": "fr", "text": "Le président français a parlé hier avec le chancelier."}),
        json.dumps({"id": "j-ok-2", "lang": "en", "title": "zwei", "text": GOOD_EN}),
    ]
    (d / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "dangling.txt").symlink_to(d / "does-not-exist.txt")
    os.mkfifo(d / "pipe.txt")
    (d / "empty-dir").mkdir()
    store = d.parent / f"{d.name}-store"
    t0 = time.monotonic()
    result = kg("ingest", "--store", str(store), str(d), str(d / "empty-dir"), str(d / "missing.txt"), timeout=600)
    assert time.monotonic() - t0 < 600
    return Run(d, store, result)


def test_bad_input_never_stops_the_run_and_exits_1_at_the_end(bad_run):
    assert bad_run.result.returncode == 1, bad_run.result.stderr
    assert "Traceback" not in bad_run.result.stderr
    stored = articles_in(bad_run.store)
    assert {"j-ok-1", "j-ok-2"} <= set(stored)
    assert len(stored) == 5  # good.txt, latin1.txt, invalid-utf8.txt and the two good JSON lines


def test_empty_and_whitespace_only_files_are_named(bad_run):
    assert bad_run.warning_for("empty.txt").endswith("empty article (no text); skipped")
    assert bad_run.warning_for("blank.txt").endswith("empty article (no text); skipped")


def test_binary_file_renamed_txt_is_refused(bad_run):
    assert "PNG image, not text" in bad_run.warning_for("photo.txt")


def test_latin1_and_invalid_utf8_files_are_read_not_refused(bad_run):
    assert not [w for w in bad_run.warnings if "latin1.txt" in w or "invalid-utf8.txt" in w]


def test_malformed_json_line_is_reported_with_file_and_line_and_the_rest_loaded(bad_run):
    assert f"{bad_run.dir / 'batch.jsonl'}:2: malformed JSON" in bad_run.warning_for("batch.jsonl:2")


@pytest.mark.parametrize(
    "line, fragment",
    [
        (3, "missing required field 'text'"),
        (4, "'text' must be a string"),
        (5, "not an ISO date"),
        (6, "must be a JSON object"),
    ],
)
def test_records_with_missing_or_wrongly_typed_fields_are_named(bad_run, line, fragment):
    assert fragment in bad_run.warning_for(f"batch.jsonl:{line}:")


def test_ten_megabyte_article_is_refused_with_a_clear_message(bad_run):
    warning = bad_run.warning_for("huge.txt")
    assert "more than any article kg accepts" in warning and "skipped" in warning


def test_unsupported_language_is_skipped_by_name_and_counted(bad_run):
    warning = bad_run.warning_for("j-fr")
    assert "unsupported language 'fr'" in warning
    assert summary_number(bad_run.result.stderr, "failed") == 1


def test_missing_paths_broken_links_fifos_and_empty_directories_are_named(bad_run):
    assert bad_run.warning_for("missing.txt").endswith("no such file or directory")
    assert "broken symbolic link" in bad_run.warning_for("dangling.txt")
    assert "FIFO" in bad_run.warning_for("pipe.txt")
    assert "holds no .txt" in bad_run.warning_for("empty-dir")


def test_clean_input_exits_0(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_DE, encoding="utf-8")
    result = kg("ingest", "--store", str(tmp_path / "store"), str(tmp_path / "a.txt"))
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr


def test_latin1_german_text_survives_extraction(nlp_de, tmp_path):
    from kg.extract.pipeline import Extractor
    from kg.read import read_articles

    f = tmp_path / "latin1.txt"
    f.write_bytes("Selenskij äußerte sich am Montag in Kiew zu den Angriffen.".encode("latin-1"))
    (article,) = read_articles([f])
    (extraction,) = Extractor(default_lang="de").extract([article])
    assert "Selenskij äußerte" in extraction.article.text


@pytest.mark.slow
def test_extremely_long_tokens_and_sentences_finish_in_bounded_time(tmp_path):
    rng = random.Random(7)
    words = ["Russland", "sagt", "dass", "Truppen", "kommen", "und", "Selenskij", "warnt", "vor", "Angriffen"]
    texts = {
        "sentence": " ".join(rng.choice(words) for _ in range(20_000)),  # 20,000 words, no punctuation
        "token": "Der Minister sagte: " + "x" * 50_000 + " und ging.",  # one 50,000-character token
        "mixed": "Kiew meldet " + "".join(rng.choice("ab-./:;(") for _ in range(50_000)) + " heute.",
    }
    records = [json.dumps({"id": name, "lang": "de", "text": text}) for name, text in texts.items()]
    (tmp_path / "long.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    t0 = time.monotonic()
    result = kg("ingest", "--store", str(tmp_path / "store"), str(tmp_path / "long.jsonl"), timeout=300)
    elapsed = time.monotonic() - t0
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(articles_in(tmp_path / "store")) == 3
    assert elapsed < 300  # generous: a bound, not a speed target


@pytest.mark.neo4j
def test_hostile_text_is_stored_verbatim_in_neo4j_never_executed(neo4j_db, neo4j_settings, tmp_path):
    db = neo4j_settings.database
    neo4j_db.execute_query("CREATE (:Sentinel {name: 'still here'})", database_=db)
    hostile = 'Kiew\'}) MATCH (n) DETACH DELETE n // "zitiert" C:\\Pfad\\ \u202eRTL\u200f \u0000Ende'
    record = {"id": "evil-1", "lang": "de", "title": hostile, "source": hostile, "text": GOOD_DE + " " + hostile}
    (tmp_path / "evil.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = kg("ingest", "--neo4j", str(tmp_path / "evil.jsonl"), NEO4J_URI=neo4j_settings.uri)
    assert result.returncode == 0, result.stderr
    rec, _, _ = neo4j_db.execute_query(
        "MATCH (a:Article {id: 'evil-1'}) RETURN a.title AS title, a.source AS source", database_=db
    )
    expected = hostile.replace("\u0000", "")  # NUL is the one character kg removes (documented)
    assert rec[0]["title"] == rec[0]["source"] == expected
    rec, _, _ = neo4j_db.execute_query("MATCH (s:Sentinel) RETURN count(s) AS n", database_=db)
    assert rec[0]["n"] == 1


def test_missing_spacy_model_is_an_environment_error_naming_the_setting(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_DE, encoding="utf-8")
    result = kg(
        "ingest",
        "--lang",
        "de",
        "--store",
        str(tmp_path / "s"),
        str(tmp_path / "a.txt"),
        KG_MODEL_DE=str(tmp_path / "no-such-model"),
    )
    assert result.returncode == 3, result.stderr
    assert "KG_MODEL_DE" in result.stderr and "Traceback" not in result.stderr


def test_kg_extract_reports_the_same_bad_inputs_and_prints_only_valid_records(bad_run):
    from kg.model import extractions_from_records

    result = kg("extract", str(bad_run.dir), timeout=600)
    assert result.returncode == 1, result.stderr[-3000:]
    warned = {line.split(": ")[2] for line in result.stderr.splitlines() if line.startswith("kg: warning: ")}
    only_given_to_ingest = {str(bad_run.dir / "missing.txt"), str(bad_run.dir / "empty-dir")}
    assert warned == {w.split(": ")[2] for w in bad_run.warnings} - only_given_to_ingest
    extractions = list(extractions_from_records(json.loads(line) for line in result.stdout.split("\n") if line))
    assert len(extractions) == 5


def test_kg_load_cleans_nul_and_lone_surrogate_escapes_instead_of_crashing(tmp_path):
    """JSON may spell NUL and lone surrogates as escapes; they cannot be stored, so kg load cleans them."""
    from tests.test_faults import synthetic_extractions

    records = [r for ex in synthetic_extractions(2) for r in ex.to_records()]
    records[0]["title"] = "Titel \ud83d mit\u0000 Rest"
    records[1]["name"] = "Name \udc00"
    path = tmp_path / "odd.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")  # ASCII escapes
    result = kg("load", "--store", str(tmp_path / "s"), str(path))
    assert result.returncode == 0, result.stderr[-3000:]
    assert articles_in(tmp_path / "s")[records[0]["id"]] == "Titel \ufffd mit Rest"


@pytest.mark.parametrize("kind", ["fifo", "directory", "broken-link", "missing"])
def test_kg_load_names_paths_it_cannot_read_and_never_blocks_on_a_fifo(tmp_path, kind):
    path = tmp_path / "input.jsonl"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "broken-link":
        path.symlink_to(tmp_path / "gone.jsonl")
    result = kg("load", "--store", str(tmp_path / "s"), str(path), timeout=30)
    assert result.returncode == 1, result.stderr
    assert f"kg: warning: {path}: " in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["ingest", "load"])
def test_absurdly_nested_json_is_a_bad_line_not_a_crash(tmp_path, command):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    result = kg(command, "--store", str(tmp_path / "s"), str(path), timeout=120)
    assert result.returncode == 1, result.stderr[-2000:]
    assert f"kg: warning: {path}:1: " in result.stderr and "Traceback" not in result.stderr


def test_export_to_an_unwritable_place_names_it_without_a_traceback(tmp_path):
    out = tmp_path / "no-such-dir" / "graph.graphml"
    result = kg("export", "--store", str(tmp_path / "s"), "--format", "graphml", "--out", str(out), timeout=120)
    assert result.returncode in (2, 3), result.stderr[-2000:]
    assert str(out) in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("setting", ["./models/none", "/no/such/model", "de.no_such_pkg", "de_no_such_pkg"])
def test_unusable_model_setting_is_exit_3_with_a_message_that_fits_it(tmp_path, setting):
    (tmp_path / "a.txt").write_text(GOOD_DE, encoding="utf-8")
    result = kg("ingest", "--lang", "de", "--store", str(tmp_path / "s"), str(tmp_path / "a.txt"), KG_MODEL_DE=setting)
    assert result.returncode == 3, result.stderr[-2000:]
    assert f"KG_MODEL_DE={setting}" in result.stderr and "Traceback" not in result.stderr
    if "/" in setting:  # a path: the fix is the path, not `spacy download <path>`
        assert "no such directory" in result.stderr and "spacy download" not in result.stderr
