"""Articles as users have them: saved web pages, feed files, text with front matter, a title line.

Used by :mod:`kg.read.articles` and :mod:`kg.read.files`; each function turns one file's content into
article fields, with maintained libraries doing the parsing:

* HTML pages (``.html``, ``.htm``, ``.xhtml``): main text, title, date, site name and URL by
  ``trafilatura`` (boilerplate such as menus and footers is left out);
* RSS and Atom feeds (``.rss``, ``.atom``, ``.xml``): one article per entry by ``feedparser``; its
  text is the entry's content (else its summary) as plain text, its id the entry's id (else its link);
* Markdown and text with front matter (``---`` YAML, ``+++`` TOML) by ``python-frontmatter``:
  ``title``, ``date`` (or ``published``), ``source``, ``url`` (or ``link``), ``lang`` (or
  ``language``) and ``id`` become the article's fields;
* a plain text whose first line has no sentence-final punctuation (``Kremlin rejects report``
  then a blank or the body) has that line as its title, not as part of its first sentence; a
  Markdown heading (``# ...``) on the first line likewise.

A text file's id stays what it was before titles and front matter were read: the hash of the
whole file's text (unless the front matter gives an ``id``), so a store loaded by an older kg sees
the same article, changed, and replaces it instead of adding a second copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kg.model import parse_date

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})

#: A first line ending like a sentence (or a lead-in) is text, not a title.
_SENTENCE_END = re.compile(r"[.!?…:;,]['\"”’»«)\]]*$")
#: Longest first line still taken as a title.
MAX_TITLE_CHARS = 200


@dataclass
class Fields:
    """Article fields read from one record, and the problems found in it (each one a message)."""

    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    lang: str | None = None
    id: str | None = None
    problems: list[str] = field(default_factory=list)


def to_date(value: Any) -> date | None:
    """The model's date reading of a YAML date/datetime or of the text of any other value, blanks around it ignored
    (YAML reads ``date: 20240101`` as a number); ValueError when it is no date."""
    if value is None or isinstance(value, date):
        return parse_date(value)
    text = str(value)
    return parse_date(text.strip() or text)  # blanks alone stay an error; only an empty field is no date


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


# --- plain text and Markdown -----------------------------------------------------------------------------------


def split_title(text: str, markdown: bool = False) -> tuple[str | None, str]:
    """``(title, body)``: the first line as the title when it reads as one, else ``(None, text)``.

    A title is a first line of at most :data:`MAX_TITLE_CHARS` characters, holding a letter, not
    ending with sentence-final punctuation, and followed by more text. In Markdown a first line
    ``# Heading`` is a title whatever it ends with.
    """
    stripped = text.lstrip("\n")
    first, newline, rest = stripped.partition("\n")
    if not newline or not rest.strip():
        return None, text
    line = first.strip()
    heading = markdown and re.match(r"#{1,6}\s+", line) is not None
    if heading:
        line = re.sub(r"^#{1,6}\s+", "", line).rstrip("#").strip()
    elif _SENTENCE_END.search(line):
        return None, text
    if not line or len(line) > MAX_TITLE_CHARS or not any(ch.isalpha() for ch in line):
        return None, text
    return line, rest.lstrip("\n")


def text_fields(text: str, suffix: str) -> Fields:
    """The fields of a ``.txt``/``.md`` file's text: front matter first, then a title line."""
    markdown = suffix in (".md", ".markdown")
    fields = Fields(text)
    if text.startswith(("---", "+++")):
        fields = _front_matter(text)
    if fields.title is None:
        title, body = split_title(fields.text, markdown)
        fields.title, fields.text = title, body
    elif markdown:  # a heading repeating the front matter's title is not the text
        title, body = split_title(fields.text, markdown=True)
        if title is not None and title.casefold() == fields.title.casefold():
            fields.text = body
    return fields


def _front_matter(text: str) -> Fields:
    import frontmatter

    try:
        post = frontmatter.loads(text)
    except Exception as exc:  # a YAML/TOML error: the library raises the parser's own exceptions
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return Fields(text, problems=[f"front matter is not valid ({first}); read as plain text"])
    meta = post.metadata
    if not isinstance(meta, dict) or not meta:
        return Fields(text)
    fields = Fields(post.content)
    get = lambda *names: next((meta[n] for n in names if meta.get(n) not in (None, "")), None)  # noqa: E731
    fields.title = _text_or_none(get("title"))
    fields.url = _text_or_none(get("url", "link"))
    fields.source = _text_or_none(get("source", "publisher", "site"))
    fields.lang = _text_or_none(get("lang", "language"))
    fields.id = _text_or_none(get("id"))
    raw_date = get("date", "published")
    try:
        fields.published = to_date(raw_date)
    except (ValueError, TypeError):
        fields.problems.append(f"front matter date {raw_date!r} is not a date (YYYY-MM-DD); article read without it")
    return fields


# --- HTML ------------------------------------------------------------------------------------------------------


def html_fields(html: str, source: str) -> Fields:
    """The main text and metadata of a saved web page; an empty text when it holds none."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        return Fields("")
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    title = _text_or_none(doc.title)
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]  # the page's heading repeats its title
    fields = Fields("\n\n".join(paragraphs), title=title, url=_text_or_none(doc.url))
    fields.source = _text_or_none(doc.sitename) or _text_or_none(doc.hostname)
    fields.lang = _text_or_none(getattr(doc, "language", None))
    if fields.lang is None and (declared := re.search(r"<html[^>]*?\blang=[\"']?([A-Za-z]{2,3})\b", html[:4096], re.I)):
        fields.lang = declared.group(1).lower()
    try:
        fields.published = to_date(doc.date)
    except (ValueError, TypeError):
        fields.problems.append(f"page date {doc.date!r} is not a date; article read without it")
    return fields


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): paragraphs and line breaks kept."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml's parser errors on hostile input
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for br in root.xpath(".//br"):  # a line break inside a paragraph: the sentence goes on
        br.tail = " " + (br.tail or "")
    for block in root.xpath(".//p|.//div|.//li|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    text = root.text_content()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# --- feeds -----------------------------------------------------------------------------------------------------


@dataclass
class Feed:
    entries: list[Fields]
    problem: str | None = None  # the whole file is not a feed


def feed_fields(data: bytes) -> Feed:
    """One :class:`Fields` per entry of an RSS or Atom feed (``problem`` set when it is none)."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            reason = parsed.get("bozo_exception")
            return Feed([], f"not an RSS or Atom feed ({reason}); skipped" if reason else "not an RSS or Atom feed")
        if not parsed.get("version"):
            return Feed([], "not an RSS or Atom feed; skipped")
        return Feed([])
    source = _text_or_none(parsed.feed.get("title"))
    feed_lang = _text_or_none(parsed.feed.get("language"))
    entries = []
    for entry in parsed.entries:
        content = entry.get("content") or []
        body = next((c.get("value") for c in content if c.get("value")), None) or entry.get("summary") or ""
        fields = Fields(html_to_text(body), title=_text_or_none(entry.get("title")))
        fields.url = _text_or_none(entry.get("link"))
        fields.id = _text_or_none(entry.get("id")) or fields.url
        fields.source = source
        fields.lang = feed_lang.split("-")[0].lower() if feed_lang else None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            fields.published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
        entries.append(fields)
    return Feed(entries)
