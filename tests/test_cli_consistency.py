"""One CLI (issue 14 item 8): help on every option, one output option, one date filter, distinct size names."""

from __future__ import annotations

import csv
import io
import json

import click
import pytest
from click.testing import CliRunner

from kg.cli import COMMANDS, cli
from tests.test_cli_ingest import write_jsonl
from tests.test_local_store import corpus


def _commands() -> list[tuple[str, click.Command]]:
    found = []
    for name in COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None, name
        if isinstance(command, click.Group):
            found += [(f"{name} {sub}", c) for sub, c in command.commands.items()]
        else:
            found.append((name, command))
    return found


def test_every_visible_option_has_help_and_dates_read_yyyy_mm_dd():
    for name, command in _commands():
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.help, f"kg {name} {param.opts[0]} has no help text"
        result = CliRunner().invoke(cli, [*name.split(), "--help"])
        assert result.exit_code == 0, name
        assert "%Y" not in result.output, name
        if "--since" in result.output:
            assert "--since YYYY-MM-DD" in result.output and "--until YYYY-MM-DD" in result.output, name


def test_commands_that_print_rows_offer_the_same_format_option_and_hide_the_old_json_flag():
    for name in ("stats", "query", "analyze centrality", "analyze communities", "analyze ego", "analyze actors"):
        out = CliRunner().invoke(cli, [*name.split(), "--help"]).output
        assert "--format [table|json|csv]" in out, name
        assert "--json " not in out.replace("--json,", ""), name  # hidden; only named in --format's help


def test_sizes_have_distinct_names_and_the_old_batch_size_still_works(tmp_path):
    for name, new in (
        ("ingest", "--transaction-size"),
        ("load", "--transaction-size"),
        ("extract", "--parse-batch-size"),
    ):
        out = CliRunner().invoke(cli, [name, "--help"]).output
        assert new in out and "--batch-size " not in out, name
    path = tmp_path / "t.jsonl"
    write_jsonl(path, corpus())
    store = str(tmp_path / "store")
    old = CliRunner().invoke(cli, ["load", str(path), "--store", store, "--batch-size", "2"])
    assert old.exit_code == 0 and "--batch-size is deprecated; use --transaction-size" in old.stderr
    both = CliRunner().invoke(
        cli, ["load", str(path), "--store", store, "--batch-size", "2", "--transaction-size", "3"]
    )
    assert both.exit_code == 2 and both.stderr.startswith("kg: error: ")


@pytest.fixture
def store(tmp_path) -> str:
    path = tmp_path / "t.jsonl"
    write_jsonl(path, corpus())
    store = str(tmp_path / "store")
    assert CliRunner().invoke(cli, ["load", str(path), "--store", store]).exit_code == 0
    return store


def kg(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_analyze_and_stats_print_headed_tables_csv_and_json(store):
    table = kg("analyze", "actors", "--store", store).stdout.splitlines()
    assert table[0].split() == ["weight", "reported", "source", "target", "predicates"]
    assert kg("analyze", "communities", "--store", store).stdout.split()[:3] == ["community", "size", "actors"]
    assert kg("analyze", "centrality", "--store", store).stdout.split()[:5] == [
        "rank",
        "pagerank",
        "degree",
        "in",
        "out",
    ]
    rows = list(csv.DictReader(io.StringIO(kg("analyze", "actors", "--store", store, "--format", "csv").stdout)))
    assert ("country:RUS", "country:PRK") in {(r["source"], r["target"]) for r in rows}
    assert all(r["predicates"] and "\n" not in r["predicates"] for r in rows)
    counts = {
        r["what"]: int(r["count"])
        for r in csv.DictReader(io.StringIO(kg("stats", "--store", store, "--format", "csv").stdout))
    }
    assert counts["relationships"] == 20
    assert json.loads(kg("stats", "--store", store, "--format", "json").stdout)["relationships"] == 20


def test_the_deprecated_json_flag_is_format_json_with_a_note(store):
    old = kg("analyze", "centrality", "--store", store, "--json")
    new = kg("analyze", "centrality", "--store", store, "--format", "json")
    assert old.stdout == new.stdout and json.loads(old.stdout)
    assert "kg: note: --json is deprecated; use --format json" in old.stderr
    clash = CliRunner().invoke(cli, ["stats", "--store", store, "--json", "--format", "csv"])
    assert clash.exit_code == 2 and "kg: error: " in clash.stderr


def test_query_since_and_until_are_its_parameters_and_errors_say_kg_error():
    bad = CliRunner().invoke(cli, ["query", "entity_search", "-p", "text=x", "--since", "2024-10-01"])
    assert bad.exit_code == 2 and bad.stderr.startswith("kg: error: query 'entity_search' has no since parameter")
    typo = CliRunner().invoke(cli, ["query", "timeline", "-p", "actor=x", "--until", "soon"])
    assert typo.exit_code == 2 and "kg: error: " in typo.stderr and "'soon' is not a date" in typo.stderr
    clash = CliRunner().invoke(
        cli, ["query", "timeline", "-p", "actor=x", "-p", "since=2024-01-01", "--since", "2024-02-01"]
    )
    assert clash.exit_code == 2 and "disagree" in clash.stderr
    menu = CliRunner().invoke(cli, ["query"])
    assert menu.exit_code == 2 and menu.stderr.startswith("kg: error: give a query NAME")


def test_query_without_a_server_says_what_answers_on_the_embedded_store_and_how_to_start_neo4j(
    store, monkeypatch, tmp_path
):
    """Issue 14 item 7: after the quickstart (embedded store only) a named query says what to do instead."""
    monkeypatch.setenv("KG_STORE", store)
    env = {"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "s3cret-not-shown"}
    result = CliRunner().invoke(cli, ["query", "who_said_what", "-p", "actor=Russia"], env=env)
    assert result.exit_code == 3
    err = result.stderr
    assert err.startswith("kg: error: cannot reach Neo4j at bolt://127.0.0.1:1") and "s3cret-not-shown" not in err
    assert f"on the embedded store in {store} these answer without a server" in err
    for command in ("kg analyze actors", "kg analyze ego ACTOR", "scripts/neo4j start", "kg ingest --neo4j"):
        assert command in err, command
    assert "kg: note: kg query runs on Neo4j only" in err


def test_ingest_counts_its_input_first_when_cheap_and_its_summary_says_what_happened(tmp_path):
    """Issue 14 item 9: a total for the progress bar (files, JSON Lines lines), and a summary of each outcome."""
    from kg.cli.stores import count_articles

    (tmp_path / "a.txt").write_text("Russia denied it.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text('{"id": 1, "text": "x"}\n\n{"id": 2, "text": "y"}\n', encoding="utf-8")
    (tmp_path / "sub" / "notes.csv").write_text("not an article", encoding="utf-8")
    assert count_articles([str(tmp_path)]) == 3
    assert count_articles([str(tmp_path / "a.txt"), "-"]) is None  # standard input: unknown
    (tmp_path / "feed.rss").write_text("<rss/>", encoding="utf-8")
    assert count_articles([str(tmp_path / "feed.rss")]) is None  # entries are known only by parsing


@pytest.mark.model
def test_ingest_summary_names_read_unchanged_extracted_failed_written_triples_and_time(tmp_path, nlp_en):
    articles = tmp_path / "in.jsonl"
    french = "Le gouvernement français a démenti ces informations mardi soir à Paris."
    rows = [{"id": "ok", "lang": "en", "text": "North Korea denied that it had sent troops to Russia."}]
    rows.append({"id": "fr", "text": french})
    articles.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    store = str(tmp_path / "store")
    first = CliRunner().invoke(cli, ["ingest", str(articles), "--store", store])
    assert first.exit_code == 1  # the French article is reported
    line = first.stderr.splitlines()[-1]
    assert line.startswith("kg: articles read 2, unchanged 0, extracted 1, failed 1, written 1, ")
    assert ", triples " in line and " s, " in line and line.endswith(" articles/s")
    again = CliRunner().invoke(cli, ["ingest", str(articles), "--store", store])
    assert "articles read 2, unchanged 1, extracted 0, failed 1, written 0" in again.stderr
