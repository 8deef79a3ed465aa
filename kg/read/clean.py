"""Clean article text once, before any stage sees it.

Everything here is about text that would break a later stage rather than
about language: NUL characters (Neo4j and many tools mishandle them, and
:func:`kg.model.stable_hash` relies on their absence), lone UTF-16 surrogates
(JSON can spell them as ``\\ud800`` escapes, but they cannot be encoded as
UTF-8, so writing output or sending them to Neo4j would fail), and articles so
long that parsing them would exhaust memory (or that spaCy refuses, ``nlp.max_length``).

Article *text* additionally loses invisible format characters (:func:`clean_article_text`):
zero-width spaces, word joiners, a BOM inside the text, soft hyphens and bidirectional
controls. Pasted from web pages they sit inside names ("Rus\u200bsia") and make the same
name a different string to the gazetteer and the resolver. Zero-width (non-)joiners stay:
some scripts need them. Titles, ids and every other field keep them, as data.

Everything else, including quotes, backslashes and Cypher-looking fragments, is kept verbatim: it is data.
"""

from __future__ import annotations

import re
from typing import Any

from kg.config import DEFAULT_MAX_ARTICLE_CHARS, max_article_chars  # noqa: F401 - re-exported

# The longest article kg processes, in characters (about 30,000 words, several times the longest
# news feature). Parsing needs about 3 MB of memory per 1,000 characters (measured with the German
# pipeline: 100k chars -> 0.6 GB peak, 300k -> 1.1 GB), so spaCy's own ``nlp.max_length`` of
# 1,000,000 would mean ~3 GB for one article. A longer "article" is a mis-scraped dump, not news; it
# is refused, not truncated, because a silently cut article yields a graph that looks complete but is not.

_SURROGATES = re.compile("[\ud800-\udfff]")
#: Invisible format characters removed from article text: ZWSP, word joiner, BOM, soft hyphen, LRM/RLM/ALM,
#: the bidi embeddings, overrides and isolates.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    """Remove NUL characters and replace lone surrogates by U+FFFD; everything else is kept."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    return text


def clean_article_text(text: str) -> str:
    """:func:`clean_text`, and the invisible format characters that break name matching removed."""
    text = clean_text(text)
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def clean_optional(value: str | None) -> str | None:
    return clean_text(value) if value is not None else None


def size_problem(text: str, limit: int | None = None) -> str | None:
    """Why ``text`` is too large to be an article, or None when it is fine."""
    limit = limit or max_article_chars()
    if len(text) > limit:
        return (
            f"article has {len(text):,} characters, more than the limit of {limit:,} "
            f"(KG_MAX_ARTICLE_CHARS); skipped, not truncated"
        )
    return None


def clean_record(value: Any) -> Any:
    """``value`` (parsed JSON) with :func:`clean_text` applied to every string in it, keys included.

    For readers of kg's own JSON Lines (``kg load``): JSON can spell NUL and lone surrogates as
    ``\\u0000`` / ``\\ud800`` escapes, and a lone surrogate cannot be written to SQLite or Neo4j.
    """
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(k) if isinstance(k, str) else k: clean_record(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_record(v) for v in value]
    return value
