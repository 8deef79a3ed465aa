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

Decoding: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252
(the superset of Latin-1 that legacy scraped pages use), so German Latin-1
text is read correctly. Binary files (images, archives, PDFs, or data with
NUL bytes or many control characters) are refused, not guessed at.

Limits: an article longer than :func:`kg.textprep.max_article_chars`
(200,000 characters, ``KG_MAX_ARTICLE_CHARS``) is refused with a message;
oversized files and JSON lines are refused without being read into memory.
"""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.model import Article, ModelError
from kg.textprep import clean_optional, clean_text, max_article_chars, size_problem

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

#: File signatures of formats that are certainly not article text.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"\x7fELF", "an executable"),
)


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


class _SeenIds:
    """The article ids read so far in one run, to report duplicates naming both places.

    Why: two records with the same id are one article to both stores, so the later one silently
    replaced the earlier (and ``123`` and ``"123"`` are the same id). An exact repeat is skipped; a
    different text, or the same id spelled as a number and a string, is read (the later one wins, as
    before) but reported, with the place of the first.
    """

    def __init__(self) -> None:
        self._first: dict[str, tuple[str, str, str]] = {}  # id -> (place, content hash, "string"/"number")

    def keep(self, article: Article, kind: str, source: str, line: int | None, on_error: ErrorHandler) -> bool:
        here = f"{source}:{line}" if line is not None else source
        seen = self._first.get(article.id)
        if seen is None:
            self._first[article.id] = (here, article.content_hash, kind)
            return True
        place, digest, first_kind = seen
        shown = article.id if len(article.id) <= 80 else article.id[:60] + "..."
        if kind != first_kind:
            on_error(InputError(source, f"article id {shown!r} as a {kind} is the same id as the {first_kind} "
                                f"at {place}; this record replaces that one", line))  # fmt: skip
        elif digest != article.content_hash:
            on_error(InputError(source, f"article id {shown!r} was already used at {place} with a different text; "
                                "this record replaces that one", line))  # fmt: skip
        else:
            on_error(InputError(source, f"article {shown!r} repeats {place} exactly; skipped", line))
            return False
        return True


def _max_bytes(chars: int) -> int:
    # A character is at most 4 bytes in UTF-8 (2 in UTF-16, 1 in cp1252).
    return 4 * chars + 16


def _max_json_line_bytes(chars: int) -> int:
    # JSON may spell a character as a 6-byte \\uXXXX escape; allow room for the other fields.
    return 6 * chars + 65_536


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks like a binary file, or None when it looks like text."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            return f"{what}, not text"
    sample = data[:8192]
    if not sample:
        return None
    nul = sample.count(0) / len(sample)
    controls = sum(b < 9 or 13 < b < 32 for b in sample) / len(sample)
    # A stray NUL in real text is removed later; data made of them is not text.
    if nul > 0.01 or controls > 0.05:
        return "binary data (control characters), not text"
    return None


def decode_text(data: bytes, source: str) -> tuple[str | None, InputError | None]:
    """Decode bytes as UTF-8 / UTF-16 (BOM) / Windows-1252, or report why they are not text.

    Returns ``(text, None)`` or ``(None, error)``.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, InputError(source, "starts with a UTF-16 byte-order mark but is not UTF-16; skipped")
    reason = binary_reason(data)
    if reason is not None:
        return None, InputError(source, f"looks like {reason}; skipped")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        # cp1252 is the superset of Latin-1 that real scraped pages use.
        return data.decode("cp1252"), None
    except UnicodeDecodeError:
        return data.decode("latin-1"), None


def _text_article(text: str, source: str, on_error: ErrorHandler, seen: _SeenIds | None = None) -> Iterator[Article]:
    text = clean_text(text)
    if not text.strip():
        on_error(InputError(source, "empty article (no text); skipped"))
        return
    problem = size_problem(text)
    if problem:
        on_error(InputError(source, problem))
        return
    article = Article.create(text)
    if seen is None or seen.keep(article, "string", source, None, on_error):
        yield article


def _clean_article(article: Article) -> Article:
    fields = {name: getattr(article, name) for name in Article.__slots__}
    for name in ("id", "text", "url", "title", "source", "lang"):
        fields[name] = clean_optional(fields[name])
    return Article(**fields)


def _bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of ``stream``; a line longer than ``max_bytes`` is skipped unread and yields None."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the overlong line in bounded chunks
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _jsonl_articles(
    stream: BinaryIO, source: str, on_error: ErrorHandler, seen: _SeenIds | None = None
) -> Iterator[Article]:
    seen = seen if seen is not None else _SeenIds()
    limit = max_article_chars()
    max_line = _max_json_line_bytes(limit)
    for lineno, raw in enumerate(_bounded_lines(stream, max_line), start=1):
        if raw is None:
            on_error(
                InputError(
                    source,
                    f"line longer than {max_line:,} bytes (articles are limited to {limit:,} characters); line skipped",
                    lineno,
                )
            )
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
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
        except RecursionError:
            on_error(InputError(source, "JSON nested too deeply; line skipped", lineno))
            continue
        raw_id = record.get("id") if isinstance(record, dict) else None
        if isinstance(raw_id, bool):  # JSON true/false: a bool is an int to Python, and would become "True"
            on_error(InputError(source, f"field 'id' must be a string or an integer, got {line_id(raw_id)}; "
                                "line skipped", lineno))  # fmt: skip
            continue
        try:
            article = _clean_article(Article.from_dict(record))
        except ModelError as exc:
            on_error(InputError(source, f"{exc}; line skipped", lineno))
            continue
        if not article.text.strip():
            on_error(InputError(source, "article has empty text; line skipped", lineno))
            continue
        problem = size_problem(article.text, limit)
        if problem:
            on_error(InputError(source, problem, lineno))
            continue
        if seen.keep(article, "number" if isinstance(raw_id, int) else "string", source, lineno, on_error):
            yield article


def line_id(value: bool) -> str:
    return "true" if value else "false"


def _iter_files(path: Path) -> Iterator[Path]:
    for child in sorted(path.rglob("*")):
        if child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES and not child.is_dir():
            yield child


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


def _read_file(path: Path, on_error: ErrorHandler, seen: _SeenIds) -> Iterator[Article]:
    source = str(path)
    reason = unreadable_reason(path)
    if reason is not None:
        on_error(InputError(source, reason))
        return
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as f:
                yield from _jsonl_articles(f, source, on_error, seen)
            return
        limit = max_article_chars()
        size = path.stat().st_size
        if size > _max_bytes(limit):
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
    text, err = decode_text(data, source)
    if err is not None:
        on_error(err)
        return
    assert text is not None
    yield from _text_article(text, source, on_error, seen)


def read_articles(paths: Iterable[str | Path], on_error: ErrorHandler = _raise) -> Iterator[Article]:
    """Yield the articles of ``paths`` one at a time, reporting bad input (and repeated ids) to ``on_error``."""
    seen = _SeenIds()
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin(on_error, seen=seen)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for child in _iter_files(path):
                found = True
                yield from _read_file(child, on_error, seen)
            if not found:
                on_error(InputError(str(path), "directory holds no .txt, .md or .jsonl files"))
        else:
            yield from _read_file(path, on_error, seen)


def _read_stdin(
    on_error: ErrorHandler, stream: BinaryIO | None = None, seen: _SeenIds | None = None
) -> Iterator[Article]:
    seen = seen if seen is not None else _SeenIds()
    if stream is None and sys.stdin is None:  # started with stdin closed (`kg ingest - <&-`)
        on_error(InputError("<stdin>", "standard input is closed; nothing read"))
        return
    stream = stream or sys.stdin.buffer
    head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from _jsonl_articles(stream, "<stdin>", on_error, seen)
        return
    limit = max_article_chars()
    data = stream.read(_max_bytes(limit) + 1)
    if len(data) > _max_bytes(limit):
        on_error(
            InputError(
                "<stdin>",
                f"more than {_max_bytes(limit):,} bytes, larger than any article kg accepts "
                f"({limit:,} characters); skipped",
            )
        )
        return
    text, err = decode_text(data, "<stdin>")
    if err is not None:
        on_error(err)
        return
    assert text is not None
    yield from _text_article(text, "<stdin>", on_error, seen)
