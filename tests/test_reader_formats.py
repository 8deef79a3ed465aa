"""Articles as users have them: saved web pages, RSS/Atom feeds, front matter, a title line, other files named."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli
from kg.model import stable_hash
from kg.read import InputError, origin_of, read_articles, unknown_summary
from kg.read.formats import split_title

FORMATS = Path(__file__).resolve().parent / "fixtures" / "formats"


def read(*paths, unknown=None) -> tuple[list, list[InputError]]:
    errors: list[InputError] = []
    return list(read_articles(paths, on_error=errors.append, on_unknown=unknown)), errors


def test_html_page_gives_main_text_title_date_source_url_and_language():
    (article,), errors = read(FORMATS / "page.html")
    assert not errors
    assert article.title == "Harbour talks stall over grain corridor"
    assert article.published == date(2024, 11, 5)
    assert article.source == "Northwind Dispatch"
    assert article.url == "https://dispatch.example.org/world/2024/11/05/harbour-talks"
    assert article.lang == "en"
    assert article.text.startswith("Turkish President Recep Tayyip Erdogan met")  # not the heading again
    assert "He accused Russia of striking grain silos" in article.text
    for boilerplate in ("Home", "Most read", "Copyright", "Football results"):
        assert boilerplate not in article.text
    assert article.text.count("\n\n") == 2  # three paragraphs


def test_html_page_without_main_text_is_reported(tmp_path):
    page = tmp_path / "empty.htm"
    page.write_text("<html><head><title>Nothing</title></head><body><script>x()</script></body></html>")
    articles, (err,) = read(page)
    assert articles == [] and err.source == str(page) and "no main text" in err.message


def test_rss_items_are_articles_with_guid_or_link_ids_dates_and_the_feed_as_source():
    articles, errors = read(FORMATS / "feed.rss")
    assert not errors
    first, second = articles
    assert (first.id, first.title, first.published) == ("lakeside-2024-1101", "Berlin bestellt Botschafter ein",
                                                        date(2024, 11, 1))  # fmt: skip
    assert first.source == "Lakeside Wire: World" and first.lang == "de"
    assert first.url == "https://wire.example.net/world/berlin-botschafter"
    assert first.text == (
        "Das Auswärtige Amt hat am Freitag den Botschafter Nordkoreas einbestellt.\n\n"
        "Die Bundesregierung warf Pjöngjang vor, Soldaten nach Russland geschickt zu haben."
    )
    assert second.id == "https://wire.example.net/world/moskau-bericht"  # no guid: the link
    assert second.text.startswith("Der Kreml hat")


def test_atom_entry_content_becomes_plain_text_without_scripts():
    (entry,), errors = read(FORMATS / "feed.atom")
    assert not errors
    assert entry.id == "urn:example:harbourside:entry-7" and entry.published == date(2024, 11, 3)
    assert entry.source == "Harbourside Notes" and entry.url == "https://notes.example.com/2024/ceasefire-offer"
    assert entry.text == (
        "The government of Sudan offered a ceasefire to the rebels on Sunday.\n\n"
        "A rebel commander said that the group would study the offer."
    )


def test_xml_that_is_no_feed_is_reported_by_file(tmp_path):
    f = tmp_path / "data.xml"
    f.write_text("<?xml version='1.0'?><catalog><book id='1'/></catalog>")
    articles, (err,) = read(f)
    assert articles == [] and err.source == str(f) and "not an RSS or Atom feed" in err.message


def test_markdown_front_matter_gives_the_fields_and_the_repeated_heading_is_dropped():
    (article,), errors = read(FORMATS / "briefing.md")
    assert not errors
    assert (article.title, article.published, article.source, article.lang) == (
        "Summit in Beijing", date(2024, 10, 16), "Morning Briefing", "en")  # fmt: skip
    assert article.url == "https://briefing.example.org/summit-beijing"
    assert article.text.startswith("Chinese President Xi Jinping received")


def test_front_matter_with_a_bad_date_keeps_the_article_and_says_so(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("---\ntitle: Notiz\ndate: letzte Woche\nid: note-7\n---\nBerlin schweigt dazu.\n")
    (article,), (err,) = read(f)
    assert article.id == "note-7" and article.title == "Notiz" and article.published is None
    assert err.source == str(f) and "front matter date 'letzte Woche' is not a date" in err.message


def test_plain_text_title_line_is_the_title_not_sentence_zero_and_the_id_is_unchanged():
    path = FORMATS / "titled.txt"
    (article,), errors = read(path)
    assert not errors
    assert article.title == "EU agrees new sanctions package"
    assert article.text.startswith("The European Union imposed")
    # The id of the whole text, as kg gave it before titles were read: an old store replaces, not duplicates.
    assert article.id == stable_hash("", path.read_text(encoding="utf-8"))


def test_first_lines_that_read_as_sentences_stay_text():
    assert split_title("Moskau weist die Berichte zurück.\nDer Kreml schweigt.") == (
        None, "Moskau weist die Berichte zurück.\nDer Kreml schweigt.")  # fmt: skip
    assert split_title("Er sagte:\n„Wir bleiben.“")[0] is None
    assert split_title("„Wir bleiben“, sagte er.\nDann ging er.")[0] is None
    assert split_title("Nur eine Zeile ohne Punkt") == (None, "Nur eine Zeile ohne Punkt")
    assert split_title("2024\nZahlen.")[0] is None  # no letter: no title
    assert split_title("Putin in Peking\n\nXi empfing Putin.") == ("Putin in Peking", "Xi empfing Putin.")
    assert split_title("# Gipfel in Peking.\n\nXi empfing Putin.", markdown=True)[0] == "Gipfel in Peking."


def test_directory_names_the_files_of_unknown_type_and_ignores_hidden_ones(tmp_path):
    for name in ("page.html", "feed.rss", "titled.txt"):
        shutil.copy(FORMATS / name, tmp_path / name)
    (tmp_path / "a.csv").write_text("x,y")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.png").write_bytes(b"\x89PNG....")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    unknown: list[Path] = []
    articles, errors = read(tmp_path, unknown=unknown.append)
    assert len(articles) == 4 and not errors
    assert [p.relative_to(tmp_path).as_posix() for p in unknown] == ["a.csv", "sub/b.png"]
    assert unknown_summary(["a.csv", "b.png", "c.zip"]) == "skipped 3 files of unknown type: a.csv, b.png, c.zip"
    assert unknown_summary([f"{i}.bin" for i in range(12)], shown=2) == (
        "skipped 12 files of unknown type: 0.bin, 1.bin, ... (10 more)")  # fmt: skip


def test_origin_names_the_file_and_line_each_article_came_from(tmp_path):
    jl = tmp_path / "batch.jsonl"
    jl.write_text(json.dumps({"id": "j-1", "text": "Eins."}) + "\n" + json.dumps({"id": "j-2", "text": "Zwei."}) + "\n")
    articles, _ = read(jl, FORMATS / "titled.txt", FORMATS / "feed.rss")
    assert origin_of("j-2") == f"{jl}:2"
    assert origin_of(articles[2].id) == str(FORMATS / "titled.txt")
    assert origin_of("lakeside-2024-1101") == f"{FORMATS / 'feed.rss'} entry 1 (Berlin bestellt Botschafter ein)"


def test_extract_names_unknown_files_in_a_summary_and_warnings_name_the_file(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body></body></html>")
    (tmp_path / "notes.csv").write_text("a,b")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "ok.jsonl").write_text(json.dumps({"id": "x-1", "text": "  ", "title": "leer"}) + "\n")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 1  # the empty page and the empty record are bad input
    assert "kg: note: skipped 2 files of unknown type: " in result.stderr
    assert str(tmp_path / "logo.png") in result.stderr and str(tmp_path / "notes.csv") in result.stderr
    assert f"{tmp_path / 'empty.html'}: web page without article text" in result.stderr
    assert f"{tmp_path / 'ok.jsonl'}:1: article has empty text" in result.stderr


def test_article_label_names_the_file_of_a_known_article(tmp_path):
    from kg.cli.stores import article_label

    (article,), _ = read(FORMATS / "titled.txt")
    assert article_label(article.id) == f"article {article.id} ({FORMATS / 'titled.txt'})"
    assert article_label("never-read") == "article never-read"


def test_ingest_names_unknown_files_in_its_summary(tmp_path):
    data = tmp_path / "in"
    data.mkdir()
    (data / "notes.csv").write_text("a,b")
    (data / "empty.html").write_text("<html><body></body></html>")
    result = CliRunner().invoke(cli, ["ingest", str(data), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1, result.output  # the empty page is bad input
    assert f"kg: note: skipped 1 file of unknown type: {data / 'notes.csv'}" in result.stderr
    assert "articles read 0" in result.stderr
