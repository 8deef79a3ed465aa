"""Read articles from files, directories, JSON Lines and stdin, as a stream.

Accepted inputs (the same for ``kg extract``, ``kg ingest``):

* ``.txt`` / ``.md`` files: one article each; id derived from the content; YAML/TOML front matter
  gives title, date, source, url, lang and id; a first line without sentence-final punctuation
  is the title (:mod:`kg.article_formats`);
* ``.html`` / ``.htm`` saved web pages: main text, title, date, site and URL (``trafilatura``);
* ``.rss`` / ``.atom`` / ``.xml`` feed files: one article per entry (``feedparser``);
* ``.jsonl`` / ``.ndjson`` files: one article object per line
  (``id, url, title, source, published, lang, text``);
* directories: the files above, recursively, in sorted order; the other files are passed to
  ``on_unknown`` (for a summary such as :func:`unknown_summary`), hidden ones (``.git/``) ignored;
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

import io
import json
import stat
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from kg.article_formats import FEED_SUFFIXES, HTML_SUFFIXES, Fields, feed_fields, html_fields, text_fields
from kg.model import Article, ModelError, stable_hash
from kg.textprep import clean_article_text, clean_optional, max_article_chars, size_problem

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: Every suffix a directory is searched for.
ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
#: A page or feed holds markup around its text: its file may be this many times an article's bytes.
MARKUP_FACTOR = 20

#: Where the articles read lately came from (``file`` or ``file:line``), for warnings that name the
#: file and not only the article id; bounded, as warnings come soon after an article is read.
_ORIGINS: OrderedDict[str, str] = OrderedDict()
_MAX_ORIGINS = 200_000


def _note_origin(article: Article, source: str, line: int | None = None) -> None:
    _ORIGINS[article.id] = f"{source}:{line}" if line is not None else source
    _ORIGINS.move_to_end(article.id)
    if len(_ORIGINS) > _MAX_ORIGINS:
        _ORIGINS.popitem(last=False)


def origin_of(article_id: str) -> str | None:
    """The file (``path`` or ``path:line``) the article with this id was read from lately, or None."""
    return _ORIGINS.get(article_id)


def unknown_summary(files: Iterable[str | Path], shown: int = 10) -> str:
    """``skipped 3 files of unknown type: a.csv, b.png, c.zip`` (the first ``shown`` names)."""
    names = [str(f) for f in files]
    listed = ", ".join(names[:shown]) + (f", ... ({len(names) - shown} more)" if len(names) > shown else "")
    return f"skipped {len(names)} file{'s' if len(names) != 1 else ''} of unknown type: {listed}"


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


def _text_article(
    text: str, source: str, on_error: ErrorHandler, seen: _SeenIds | None = None, suffix: str = ".txt"
) -> Iterator[Article]:
    text = clean_article_text(text)
    if not text.strip():
        on_error(InputError(source, "empty article (no text); skipped"))
        return
    problem = size_problem(text)
    if problem:
        on_error(InputError(source, problem))
        return
    fields = text_fields(text, suffix)
    # The id of the whole text, as before titles and front matter were read (kg.article_formats).
    yield from _fields_article(fields, source, on_error, seen, default_id=stable_hash("", text))


def _fields_article(
    fields: Fields,
    source: str,
    on_error: ErrorHandler,
    seen: _SeenIds | None,
    default_id: str | None = None,
    line: int | None = None,
) -> Iterator[Article]:
    """The article of ``fields`` read from ``source`` (problems reported, the article kept if it can be)."""
    for problem in fields.problems:
        on_error(InputError(source, problem, line))
    text = clean_article_text(fields.text)
    if not text.strip():
        on_error(InputError(source, "empty article (no text); skipped", line))
        return
    problem = size_problem(text)
    if problem:
        on_error(InputError(source, problem, line))
        return
    try:
        article = Article.create(
            text,
            id=clean_optional(fields.id) or default_id,
            url=clean_optional(fields.url),
            title=clean_optional(fields.title),
            source=clean_optional(fields.source),
            published=fields.published,
            lang=clean_optional(fields.lang),
        )
    except ModelError as exc:
        on_error(InputError(source, f"{exc}; skipped", line))
        return
    if seen is None or seen.keep(article, "string", source, line, on_error):
        _note_origin(article, source, line)
        yield article


def _clean_article(article: Article) -> Article:
    fields = {name: getattr(article, name) for name in Article.__slots__}
    for name in ("id", "url", "title", "source", "lang"):
        fields[name] = clean_optional(fields[name])
    fields["text"] = clean_article_text(fields["text"])
    return Article(**fields)


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
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


def article_from_json(
    line: str, source: str, lineno: int | None, on_error: ErrorHandler, limit: int | None = None
) -> tuple[Article, str] | None:
    """The article of one JSON Lines line, cleaned and within the size limit, and the kind of its id
    ("number" or "string"); else None, the reason reported to ``on_error``. Every reader of JSON articles
    uses it (``kg ingest``/``kg extract`` and the Spark job), so they clean and refuse alike.
    """
    limit = limit or max_article_chars()
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        on_error(InputError(source, f"malformed JSON ({exc.msg}, column {exc.colno}); line skipped", lineno))
        return None
    except RecursionError:
        on_error(InputError(source, "JSON nested too deeply; line skipped", lineno))
        return None
    raw_id = record.get("id") if isinstance(record, dict) else None
    if isinstance(raw_id, bool):  # JSON true/false: a bool is an int to Python, and would become "True"
        on_error(InputError(source, f"field 'id' must be a string or an integer, got {line_id(raw_id)}; "
                            "line skipped", lineno))  # fmt: skip
        return None
    try:
        article = _clean_article(Article.from_dict(record))
    except ModelError as exc:
        on_error(InputError(source, f"{exc}; line skipped", lineno))
        return None
    if not article.text.strip():
        on_error(InputError(source, "article has empty text; line skipped", lineno))
        return None
    problem = size_problem(article.text, limit)
    if problem:
        on_error(InputError(source, problem, lineno))
        return None
    return article, "number" if isinstance(raw_id, int) else "string"


def with_default_lang(articles: Iterable[Article], lang: str | None) -> Iterator[Article]:
    """``articles``, those that do not name their language given ``lang`` (``--lang``)."""
    for article in articles:
        yield replace(article, lang=lang) if lang and not article.lang else article


def _jsonl_articles(
    stream: BinaryIO, source: str, on_error: ErrorHandler, seen: _SeenIds | None = None
) -> Iterator[Article]:
    seen = seen if seen is not None else _SeenIds()
    limit = max_article_chars()
    max_line = _max_json_line_bytes(limit)
    encoding = _utf16_or_32(stream)
    if encoding is not None:  # lines end in two or four bytes there: split them after decoding
        stream = _Recoded(stream, encoding)  # type: ignore[assignment]
    for lineno, raw in enumerate(bounded_lines(stream, max_line), start=1):
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
        except UnicodeDecodeError:
            line = decode_text(raw, source)[0] or ""  # as for text files: Windows-1252, else Latin-1
        found = article_from_json(line, source, lineno, on_error, limit)
        if found is None:
            continue
        article, id_kind = found
        if seen.keep(article, id_kind, source, lineno, on_error):
            _note_origin(article, source, lineno)
            yield article


def _utf16_or_32(stream: BinaryIO) -> str | None:
    """``utf-16``/``utf-32`` when ``stream`` starts with that byte-order mark, else None."""
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


class _Recoded:
    """A UTF-16/32 byte stream read as UTF-8 lines, so the JSON Lines reader splits at real line ends."""

    def __init__(self, stream: BinaryIO, encoding: str) -> None:
        self._text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")

    def readline(self, size: int = -1) -> bytes:
        return self._text.readline(size).encode("utf-8", "surrogatepass")


def line_id(value: bool) -> str:
    return "true" if value else "false"


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


def _read_file(path: Path, on_error: ErrorHandler, seen: _SeenIds) -> Iterator[Article]:
    source = str(path)
    reason = unreadable_reason(path)
    if reason is not None:
        on_error(InputError(source, reason))
        return
    try:
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as f:
                yield from _jsonl_articles(f, source, on_error, seen)
            return
        limit = max_article_chars()
        size = path.stat().st_size
        markup = suffix in HTML_SUFFIXES or suffix in FEED_SUFFIXES
        if size > _max_bytes(limit) * (MARKUP_FACTOR if markup else 1):
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
        yield from _fields_article(fields, source, on_error, seen)
        return
    yield from _text_article(text, source, on_error, seen, suffix)


def _feed_articles(data: bytes, source: str, on_error: ErrorHandler, seen: _SeenIds) -> Iterator[Article]:
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
        yield from _fields_article(fields, where, on_error, seen)


def read_articles(
    paths: Iterable[str | Path],
    on_error: ErrorHandler = _raise,
    on_unknown: Callable[[Path], None] | None = None,
) -> Iterator[Article]:
    """Yield the articles of ``paths`` one at a time, reporting bad input (and repeated ids) to ``on_error``.

    Files of a directory that are no articles' type go to ``on_unknown`` (see :func:`unknown_summary`).
    """
    seen = _SeenIds()
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
