"""Read articles from files, directories, JSON Lines and stdin, as a stream.

Accepted inputs (the same for ``kg extract``, ``kg ingest``):

* ``.txt`` / ``.md`` files: one article each; id derived from the content;
* ``.jsonl`` / ``.ndjson`` files: one article object per line
  (``id, url, title, source, published, lang, text``);
* directories: the files above, recursively, in sorted order;
* ``-``: standard input, JSON Lines if the first non-blank character is
  ``{``, else one plain-text article.

Bad input never stops the stream: each problem is reported to ``on_error``
as an :class:`InputError` that names the file (and line), and reading goes on
with the next record. The caller decides the exit code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.model import Article, ModelError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: Articles larger than this are refused: a 10 MB "article" is a mis-scraped dump, not news.
MAX_ARTICLE_BYTES = 5_000_000


@dataclass(frozen=True)
class InputError:
    """One problem with one input: where it is and what is wrong."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


ErrorHandler = Callable[[InputError], None]


def _raise(err: InputError) -> None:
    raise ValueError(str(err))


def decode_text(data: bytes, source: str) -> tuple[str | None, InputError | None]:
    """Decode bytes as UTF-8, falling back to Windows-1252 for legacy Latin text.

    Returns ``(text, None)`` or ``(None, error)``. Binary data (NUL bytes or a
    high share of control characters) is refused rather than guessed at.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    sample = data[:4096]
    if b"\x00" in sample or (sample and sum(b < 9 or 13 < b < 32 for b in sample) / len(sample) > 0.05):
        return None, InputError(source, "looks like a binary file, not text; skipped")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        # cp1252 is the superset of Latin-1 that real scraped pages use.
        return data.decode("cp1252"), None
    except UnicodeDecodeError:
        return data.decode("latin-1"), None


def _clean(text: str) -> str:
    # NUL bytes are not valid in Neo4j strings and never meaningful in news text.
    return text.replace("\x00", "")


def _text_article(text: str, source: str, on_error: ErrorHandler) -> Iterator[Article]:
    text = _clean(text)
    if not text.strip():
        on_error(InputError(source, "empty article (no text); skipped"))
        return
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        on_error(InputError(source, f"article larger than {MAX_ARTICLE_BYTES // 1_000_000} MB; skipped"))
        return
    yield Article.create(text, source=None)


def _jsonl_articles(lines: Iterable[bytes], source: str, on_error: ErrorHandler) -> Iterator[Article]:
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            on_error(InputError(source, f"not valid UTF-8 ({exc.reason} at byte {exc.start}); line skipped", lineno))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            on_error(InputError(source, f"malformed JSON ({exc.msg}, column {exc.colno}); line skipped", lineno))
            continue
        try:
            article = Article.from_dict(record)
        except ModelError as exc:
            on_error(InputError(source, f"{exc}; line skipped", lineno))
            continue
        if not article.text.strip():
            on_error(InputError(source, "article has empty text; line skipped", lineno))
            continue
        if len(article.text.encode("utf-8")) > MAX_ARTICLE_BYTES:
            on_error(InputError(source, f"article larger than {MAX_ARTICLE_BYTES // 1_000_000} MB; skipped", lineno))
            continue
        yield Article(**{**_fields(article), "text": _clean(article.text)})


def _fields(article: Article) -> dict:
    return {name: getattr(article, name) for name in Article.__slots__}


def _iter_files(path: Path) -> Iterator[Path]:
    for child in sorted(path.rglob("*")):
        if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
            yield child


def _read_file(path: Path, on_error: ErrorHandler) -> Iterator[Article]:
    source = str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            with path.open("rb") as f:
                yield from _jsonl_articles(f, source, on_error)
        except OSError as exc:
            on_error(InputError(source, f"cannot read: {exc.strerror or exc}"))
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        on_error(InputError(source, f"cannot read: {exc.strerror or exc}"))
        return
    text, err = decode_text(data, source)
    if err is not None:
        on_error(err)
        return
    assert text is not None
    yield from _text_article(text, source, on_error)


def read_articles(paths: Iterable[str | Path], on_error: ErrorHandler = _raise) -> Iterator[Article]:
    """Yield the articles of ``paths`` one at a time, reporting bad input to ``on_error``."""
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin(on_error)
            continue
        path = Path(raw)
        if not path.exists():
            on_error(InputError(str(path), "no such file or directory"))
        elif path.is_dir():
            found = False
            for child in _iter_files(path):
                found = True
                yield from _read_file(child, on_error)
            if not found:
                on_error(InputError(str(path), "directory holds no .txt, .md or .jsonl files"))
        else:
            yield from _read_file(path, on_error)


def _read_stdin(on_error: ErrorHandler) -> Iterator[Article]:
    stream = sys.stdin.buffer
    head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    if head.lstrip().startswith(b"{"):
        yield from _jsonl_articles(stream, "<stdin>", on_error)
        return
    text, err = decode_text(stream.read(), "<stdin>")
    if err is not None:
        on_error(err)
        return
    assert text is not None
    yield from _text_article(text, "<stdin>", on_error)
