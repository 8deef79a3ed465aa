"""kg extract: inputs of every accepted kind, both output formats, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.model import extractions_from_records

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DE = "Russland hat die Berichte über nordkoreanische Truppen zurückgewiesen."
EN = "North Korea denied that it had sent troops to Russia, KCNA reported."


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["extract", *args], input=input)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "de.txt").write_text(DE, encoding="utf-8")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "en.md").write_text(EN, encoding="utf-8")
    records = [{"id": "j1", "lang": "en", "title": "T", "text": EN}, {"id": "j2", "text": DE}]
    (tmp_path / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return tmp_path


def test_jsonl_output_round_trips_through_the_data_model(inputs, nlp_de, nlp_en):
    result = run(str(inputs / "articles.jsonl"), str(inputs / "de.txt"), str(inputs / "more"))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    extractions = list(extractions_from_records(records))
    assert [e.article.id for e in extractions][:2] == ["j1", "j2"]
    assert len(extractions) == 4
    assert next(r for r in records if r["kind"] == "article")["title"] == "T"
    assert records == [r for e in extractions for r in e.to_records()]
    denials = {(t.subject.key, t.predicate) for e in extractions for t in e.triples}
    assert ("country:RUS", "DENIES") in denials and ("country:PRK", "DENIES") in denials


def test_table_output_names_subject_predicate_and_object(inputs, nlp_de):
    result = run("--format", "table", str(inputs / "de.txt"))
    assert result.exit_code == 0, result.output
    assert "Russia" in result.stdout and "DENIES" in result.stdout and "zurückweisen" in result.stdout


def test_table_header_names_the_article_by_title_or_file_with_id_language_and_date(inputs, nlp_de, nlp_en):
    (inputs / "titled.jsonl").write_text(
        json.dumps({"id": "t1", "lang": "en", "title": "Moscow [bold]rejects[/bold] reports", "published": "2024-10-24",
                    "text": EN}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    result = run("--format", "table", str(inputs / "titled.jsonl"), str(inputs / "more"))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # A title is printed as written (markup in article text is data), then id, language, date and file.
    assert lines[0].strip() == "Moscow [bold]rejects[/bold] reports"
    assert lines[1].split() == ["id", "t1", "·", "en", "·", "published", "2024-10-24", "·", "titled.jsonl"]
    # A text file has no title: its file name heads the table; its language was detected.
    at = lines.index("en.md")
    assert lines[at + 1].split()[:4] == ["id", lines[at + 1].split()[1], "·", "en"]
    assert "(detected)" in lines[at + 1] and "no date" in lines[at + 1]


def test_stdin_and_lang_option(nlp_de):
    result = run("--lang", "de", "-", input=DE)
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout.splitlines()[0])
    assert article["kind"] == "article" and article["lang"] == "de"


def test_bad_inputs_are_reported_and_the_rest_is_processed(inputs, nlp_de, nlp_en):
    (inputs / "bad.jsonl").write_text('{"id": "ok", "lang": "en", "text": "Russia denied it."}\n{oops\n', "utf-8")
    (inputs / "fr.txt").write_text("Le gouvernement français a démenti ces informations mardi soir à Paris.", "utf-8")
    result = run(str(inputs / "bad.jsonl"), str(inputs / "missing.txt"), str(inputs / "fr.txt"))
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines() if '"kind": "article"' in line]
    assert ids == ["ok"]
    assert "bad.jsonl:2" in result.stderr and "missing.txt" in result.stderr and "unsupported language" in result.stderr


def test_a_missing_model_exits_3_with_the_resolvers_message(monkeypatch, inputs):
    monkeypatch.setenv("KG_MODEL_DE", str(inputs / "no-such-model"))
    result = run("--lang", "de", str(inputs / "de.txt"))
    assert result.exit_code == 3


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_missing_model_met_in_the_input_exits_3(monkeypatch, inputs, workers):
    """No --lang: the model is found missing while extracting, in a worker with --workers 2."""
    monkeypatch.setenv("KG_MODEL_DE", str(inputs / "no-such-model"))
    result = run("--workers", workers, str(inputs / "de.txt"))
    assert result.exit_code == 3
    assert "KG_MODEL_DE" in result.stderr and "warning" not in result.stderr
    assert "KG_MODEL_DE" in result.stderr


def test_the_examples_extract_cleanly(nlp_de, nlp_en):
    result = run(str(EXAMPLES))
    assert result.exit_code == 0, result.stderr
    extractions = list(extractions_from_records(json.loads(line) for line in result.stdout.splitlines()))
    assert len(extractions) >= 5
    assert all(e.triples for e in extractions)


def test_two_workers_write_the_same_records_as_one(inputs, nlp_de, nlp_en):
    one = run(str(inputs))
    two = run("--workers", "2", str(inputs))
    assert one.exit_code == two.exit_code == 0, two.output
    assert one.stdout == two.stdout
