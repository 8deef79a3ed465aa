"""The article reader: every kind of bad input is reported with its place, and reading goes on."""

from __future__ import annotations

import io
import json
import os
import struct
import zlib
from pathlib import Path

import pytest

from kg.read import InputError, read_articles
from kg.read.files import _read_stdin


def tiny_png() -> bytes:
    """A valid 1x1 PNG, generated here so no binary fixture is checked in."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def read(*paths) -> tuple[list, list[InputError]]:
    errors: list[InputError] = []
    return list(read_articles(paths, on_error=errors.append)), errors


def test_plain_text_file_is_one_article_with_a_content_id(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Moskau weist die Berichte zurück.\n", encoding="utf-8")
    (article,), errors = read(f)
    assert not errors
    assert article.text.startswith("Moskau weist")
    assert read(f)[0][0].id == article.id


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf  \n"])
def test_empty_and_whitespace_only_files_are_reported(tmp_path, content):
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    articles, errors = read(f)
    assert articles == []
    assert [str(e) for e in errors] == [f"{f}: empty article (no text); skipped"]


def test_png_renamed_to_txt_is_refused_as_binary(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(tiny_png())
    articles, (err,) = read(f)
    assert articles == [] and err.source == str(f) and "PNG image" in err.message


def test_random_control_bytes_are_refused_as_binary(tmp_path):
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(range(0, 32)) * 50)
    articles, (err,) = read(f)
    assert articles == [] and "binary" in err.message


def test_latin1_german_text_is_decoded_correctly(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Selenskij äußerte sich am Donnerstag in Kiew.".encode("latin-1"))
    (article,), errors = read(f)
    assert not errors
    assert "Selenskij äußerte" in article.text


def test_cp1252_quotes_and_utf16_with_bom_are_decoded(tmp_path):
    cp = tmp_path / "cp1252.txt"
    cp.write_bytes("„Wir bestreiten das“, sagte er – in Moskau.".encode("cp1252"))
    u16 = tmp_path / "utf16.txt"
    u16.write_bytes("Selenskij äußerte Zweifel.".encode("utf-16"))
    articles, errors = read(cp, u16)
    assert not errors
    assert articles[0].text == "„Wir bestreiten das“, sagte er – in Moskau."
    assert articles[1].text == "Selenskij äußerte Zweifel."


def test_invalid_utf8_bytes_never_stop_reading(tmp_path):
    f = tmp_path / "mixed.txt"
    f.write_bytes(b"Kiew \x81\x8d\x90 meldet Angriffe.")  # bytes undefined even in cp1252
    (article,), errors = read(f)
    assert not errors and article.text.startswith("Kiew ") and article.text.endswith("meldet Angriffe.")


def test_stray_nul_bytes_are_removed_not_fatal(tmp_path):
    f = tmp_path / "nul.txt"
    f.write_bytes(b"Russland dementiert\x00 die Berichte. " + b"Moskau schweigt dazu. " * 20)
    (article,), errors = read(f)
    assert not errors and "\x00" not in article.text and "dementiert die" in article.text


def test_jsonl_malformed_line_in_the_middle_is_reported_with_its_line_number(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text(
        json.dumps({"id": "a", "text": "Erster Artikel."})
        + "\n"
        + '{"id": "b", "text": "kaputt\n'
        + json.dumps({"id": "c", "text": "Dritter Artikel."})
        + "\n",
        encoding="utf-8",
    )
    articles, (err,) = read(f)
    assert [a.id for a in articles] == ["a", "c"]
    assert err.source == str(f) and err.line == 2 and "malformed JSON" in str(err) and f"{f}:2:" in str(err)


@pytest.mark.parametrize(
    "record, fragment",
    [
        ({"id": "x", "title": "kein Text"}, "missing required field 'text'"),
        ({"id": "x", "text": 42}, "'text' must be a string"),
        ({"id": "x", "text": None}, "missing required field 'text'"),
        ({"id": "x", "text": "ok", "published": "gestern"}, "not an ISO date"),
        ({"id": "x", "text": "ok", "title": ["a"]}, "'title' must be a string"),
        ({"id": {"nested": 1}, "text": "ok"}, "'id' must be a string"),
        (["not", "an", "object"], "must be a JSON object"),
        ("just a string", "must be a JSON object"),
        ({"id": "x", "text": "   "}, "empty text"),
    ],
)
def test_jsonl_records_with_missing_or_wrong_fields_are_skipped_with_a_reason(tmp_path, record, fragment):
    f = tmp_path / "bad.jsonl"
    f.write_text(json.dumps({"id": "ok", "text": "Gut."}) + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    articles, (err,) = read(f)
    assert [a.id for a in articles] == ["ok"]
    assert err.line == 2 and fragment in err.message


def test_jsonl_line_that_is_not_utf8_is_decoded_as_windows_1252(tmp_path):
    f = tmp_path / "enc.jsonl"
    f.write_bytes(b'{"id": "a", "text": "gut"}\n{"id": "b", "text": "\xe4u\xdferte"}\n')
    articles, errors = read(f)  # decoded as Windows-1252, as for text files (README; issue 13, item 14)
    assert not errors and [(a.id, a.text) for a in articles] == [("a", "gut"), ("b", "\u00e4u\u00dferte")]


def test_jsonl_nul_and_lone_surrogates_are_cleaned_but_other_text_kept_verbatim(tmp_path):
    text = 'MATCH (n) DETACH DELETE n // "quoted" \\ back\u200fslash\u202e\x00 end \ud800'
    f = tmp_path / "odd.jsonl"
    f.write_text(json.dumps({"id": "odd", "text": text, "title": "T\x00itel"}) + "\n", encoding="utf-8")
    (article,), errors = read(f)
    assert not errors
    # Bidi controls are invisible format characters: removed from the text (issue 13, item 14), kept elsewhere.
    assert article.text == 'MATCH (n) DETACH DELETE n // "quoted" \\ backslash end \ufffd'
    assert article.title == "Titel"
    article.text.encode("utf-8")  # always encodable


def test_ten_megabyte_article_is_refused_without_reading_it_whole(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_bytes(b"Wort " * 2_000_000)  # 10 MB
    articles, (err,) = read(f)
    assert articles == [] and "skipped, not read" in err.message and "10,000,000 bytes" in err.message


def test_article_over_the_character_limit_is_refused_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_MAX_ARTICLE_CHARS", "1000")
    f = tmp_path / "long.txt"
    f.write_text("a" * 1500, encoding="utf-8")
    g = tmp_path / "long.jsonl"
    g.write_text(json.dumps({"id": "big", "text": "b" * 1001}) + "\n" + json.dumps({"id": "s", "text": "x"}) + "\n")
    articles, errors = read(f, g)
    assert [a.id for a in articles] == ["s"]
    assert [e.line for e in errors] == [None, 1]
    assert all("more than the limit of 1,000" in e.message and "not truncated" in e.message for e in errors)


def test_overlong_jsonl_line_is_skipped_and_the_next_line_still_read(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_MAX_ARTICLE_CHARS", "1000")
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"id": "big", "text": "b" * 200_000}) + "\n" + json.dumps({"id": "s", "text": "x"}) + "\n")
    articles, (err,) = read(f)
    assert [a.id for a in articles] == ["s"] and err.line == 1 and "line longer than" in err.message


def test_missing_path_broken_symlink_and_fifo_are_reported_not_hung_on(tmp_path):
    missing = tmp_path / "nope.txt"
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    articles, errors = read(missing, broken, fifo)
    assert articles == []
    assert [(e.source, e.message.split(" (")[0].split(",")[0]) for e in errors] == [
        (str(missing), "no such file or directory"),
        (str(broken), "broken symbolic link"),
        (str(fifo), "is a FIFO"),
    ]


def test_directory_is_read_recursively_and_bad_members_are_reported(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Zweiter.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Erster.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(tiny_png())
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    articles, errors = read(tmp_path)
    assert [a.text for a in articles] == ["Erster.", "Zweiter."]
    assert sorted(Path(e.source).name for e in errors) == ["c.txt", "dangling.txt"]


def test_directory_without_articles_is_reported(tmp_path):
    (tmp_path / "x.csv").write_text("a,b")
    articles, (err,) = read(tmp_path)
    assert articles == [] and "holds no .txt" in err.message


def test_stdin_jsonl_and_plain_text():
    jsonl = io.BufferedReader(io.BytesIO(b'\n{"id": "s1", "text": "Eins."}\n{oops\n'))
    errors: list[InputError] = []
    articles = list(_read_stdin(errors.append, jsonl))
    assert [a.id for a in articles] == ["s1"] and errors[0].source == "<stdin>" and errors[0].line == 3
    plain = io.BufferedReader(io.BytesIO("Selenskij äußerte sich.".encode("latin-1")))
    (article,) = _read_stdin(errors.append, plain)
    assert article.text == "Selenskij äußerte sich."


def test_default_error_handler_raises_with_the_place():
    with pytest.raises(ValueError, match=r"does-not-exist\.txt: no such file"):
        list(read_articles(["/does-not-exist.txt"]))


def test_default_limit_accepts_long_features_and_refuses_dumps(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_MAX_ARTICLE_CHARS", raising=False)
    ok, big = tmp_path / "feature.txt", tmp_path / "dump.txt"
    ok.write_text("Wort " * 40_000, encoding="utf-8")  # 200,000 characters: the limit itself
    big.write_text("Wort " * 40_000 + "x", encoding="utf-8")
    articles, (err,) = read(ok, big)
    assert len(articles) == 1 and err.source == str(big) and "limit of 200,000" in err.message


def test_clean_record_cleans_every_string_of_a_json_record():
    from kg.read.clean import clean_record

    record = {"name": "A\x00B", "aliases": ["x\ud800", "ok"], "count": 3, "nested": {"t\x00": "\udfff"}, "n": None}
    assert clean_record(record) == {
        "name": "AB",
        "aliases": ["x\ufffd", "ok"],
        "count": 3,
        "nested": {"t": "\ufffd"},
        "n": None,
    }
