"""Articles from paths: files by suffix, directories recursively, ``-`` for standard input (see :mod:`kg.read`)."""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kg.model import Article
from kg.read.articles import fields_article, text_article
from kg.read.clean import max_article_chars
from kg.read.decode import binary_reason, decode_text, max_file_bytes
from kg.read.errors import ErrorHandler, InputError, raise_error
from kg.read.formats import FEED_SUFFIXES, HTML_SUFFIXES, feed_fields, html_fields
from kg.read.jsonl import JSONL_SUFFIXES, jsonl_articles
from kg.read.seen import SeenIds

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
#: Every suffix a directory is searched for.
ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
#: A page or feed holds markup around its text: its file may be this many times an article's bytes.
MARKUP_FACTOR = 20


def unknown_summary(files: Iterable[str | Path], shown: int = 10) -> str:
    """``skipped 3 files of unknown type: a.csv, b.png, c.zip`` (the first ``shown`` names)."""
    names = [str(f) for f in files]
    listed = ", ".join(names[:shown]) + (f", ... ({len(names) - shown} more)" if len(names) > shown else "")
    return f"skipped {len(names)} file{'s' if len(names) != 1 else ''} of unknown type: {listed}"


def _iter_files(path: Path, on_unknown: Callable[[Path], None] | None = None) -> Iterator[Path]:
    for child in sorted(path.rglob("*")):
        if child.is_dir() or any(part.startswith(".") for part in child.relative_to(path).parts):
            continue
        if child.suffix.lower() in ARTICLE_SUFFIXES:
            yield child
        elif on_unknown is not None:
            on_unknown(child)


def article_files(path: Path, on_unknown: Callable[[Path], None] | None = None) -> list[Path]:
    """The files of directory ``path`` read as articles, in reading order; the others go to ``on_unknown``."""
    return list(_iter_files(path, on_unknown))


def unreadable_reason(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file, or None when it is a regular file.

    Check this before opening: opening a FIFO blocks until someone writes to it.
    """
    if path.is_symlink() and not path.exists():
        return "broken symbolic link (its target does not exist)"
    if not path.exists():
        return "no such file or directory"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return "is a directory"
    if not stat.S_ISREG(mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket or device"
        return f"is {kind}, not a regular file; give articles as files or on stdin (-)"
    return None


def _read_file(path: Path, on_error: ErrorHandler, seen: SeenIds) -> Iterator[Article]:
    source = str(path)
    reason = unreadable_reason(path)
    if reason is not None:
        on_error(InputError(source, reason))
        return
    try:
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as f:
                yield from jsonl_articles(f, source, on_error, seen)
            return
        limit = max_article_chars()
        size = path.stat().st_size
        markup = suffix in HTML_SUFFIXES or suffix in FEED_SUFFIXES
        if size > max_file_bytes(limit) * (MARKUP_FACTOR if markup else 1):
            on_error(
                InputError(
                    source,
                    f"file has {size:,} bytes, more than any article kg accepts "
                    f"({limit:,} characters, KG_MAX_ARTICLE_CHARS); skipped, not read",
                )
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        on_error(InputError(source, f"cannot read: {exc.strerror or exc}"))
        return
    if suffix in FEED_SUFFIXES:
        yield from _feed_articles(data, source, on_error, seen)
        return
    text, err = decode_text(data, source)
    if err is not None:
        on_error(err)
        return
    assert text is not None
    if suffix in HTML_SUFFIXES:
        fields = html_fields(text, source)
        if not fields.text.strip():
            on_error(InputError(source, "web page without article text (no main text found); skipped"))
            return
        yield from fields_article(fields, source, on_error, seen)
        return
    yield from text_article(text, source, on_error, seen, suffix)


def _feed_articles(data: bytes, source: str, on_error: ErrorHandler, seen: SeenIds) -> Iterator[Article]:
    reason = binary_reason(data)
    if reason is not None:
        on_error(InputError(source, f"looks like {reason}; skipped"))
        return
    feed = feed_fields(data)
    if feed.problem is not None:
        on_error(InputError(source, feed.problem))
        return
    if not feed.entries:
        on_error(InputError(source, "feed without entries; nothing read"))
    for number, fields in enumerate(feed.entries, start=1):
        where = f"{source} entry {number}" + (f" ({fields.title})" if fields.title else "")
        yield from fields_article(fields, where, on_error, seen)


def read_articles(
    paths: Iterable[str | Path],
    on_error: ErrorHandler = raise_error,
    on_unknown: Callable[[Path], None] | None = None,
) -> Iterator[Article]:
    """Yield the articles of ``paths`` one at a time, reporting bad input (and repeated ids) to ``on_error``.

    Files of a directory that are no articles' type go to ``on_unknown`` (see :func:`unknown_summary`).
    """
    seen = SeenIds()
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin(on_error, seen=seen)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for child in _iter_files(path, on_unknown):
                found = True
                yield from _read_file(child, on_error, seen)
            if not found:
                on_error(InputError(str(path), "directory holds no .txt, .md, .jsonl, .html or feed files"))
        else:
            yield from _read_file(path, on_error, seen)


def _read_stdin(
    on_error: ErrorHandler, stream: BinaryIO | None = None, seen: SeenIds | None = None
) -> Iterator[Article]:
    seen = seen if seen is not None else SeenIds()
    if stream is None and sys.stdin is None:  # started with stdin closed (`kg ingest - <&-`)
        on_error(InputError("<stdin>", "standard input is closed; nothing read"))
        return
    stream = stream or sys.stdin.buffer
    head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from jsonl_articles(stream, "<stdin>", on_error, seen)
        return
    limit = max_article_chars()
    data = stream.read(max_file_bytes(limit) + 1)
    if len(data) > max_file_bytes(limit):
        on_error(
            InputError(
                "<stdin>",
                f"more than {max_file_bytes(limit):,} bytes, larger than any article kg accepts "
                f"({limit:,} characters); skipped",
            )
        )
        return
    text, err = decode_text(data, "<stdin>")
    if err is not None:
        on_error(err)
        return
    assert text is not None
    yield from text_article(text, "<stdin>", on_error, seen)
