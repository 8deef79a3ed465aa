"""Article furniture: the dateline and agency slug that open wire copy ("KYIV, March 3 (Reuters) -").

A dateline says where and by whom an article was filed; it is never an actor of
the first sentence ("OSLO (Reuters) - The government said ..." is not Norway
speaking). :func:`split_dateline` finds it with one language-neutral pattern
(press conventions are the same in German and English copy: a short place
name, an optional date, the agency in parentheses, a dash or colon), so the
extractor can store place and agency on the :class:`~kg.model.Article` and
parse only the body after it. The parser must not see the dateline, not even as
blank space: a run of spaces is a token, and a small model tags it as anything
(a preposition before "Saudi-Arabien" makes the subject an oblique). Evidence
offsets are shifted back by the dateline's length (:func:`in_article`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.model import Extraction, Triple

# One to four capitalised words ("KYIV", "Den Haag", "Rio de Janeiro"); lower-case only for name particles.
_PLACE = r"[A-ZÄÖÜÉ][\w'’.\-]*(?:[ /](?:[A-ZÄÖÜÉ][\w'’.\-]*|de|da|del|al|el|la|le|am|an)){0,3}"
DATELINE = re.compile(
    rf"^\s*(?P<place>{_PLACE})"
    r"(?:\s*,\s*(?P<date>[^()\n.!?]{1,32}?))?"
    r"\s*\((?P<agency>[A-Za-z][\w.&/\-]{0,20}(?: [A-Z][\w.&/\-]{0,15})?)\)\s*[-–—:]+\s*"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of an article: what it says and how many characters it takes."""

    place: str
    agency: str
    end: int


def split_dateline(text: str) -> Dateline | None:
    """The dateline opening ``text``, or None when the article has none."""
    m = DATELINE.match(text[:160])
    if m is None:
        return None
    return Dateline(place=m.group("place").strip(), agency=m.group("agency").strip(), end=m.end())


def body(text: str, dateline: Dateline | None) -> str:
    """``text`` without its dateline: what is parsed."""
    return text if dateline is None else text[dateline.end :]


def in_article(triples: list[Triple], dateline: Dateline | None) -> list[Triple]:
    """Triples read from the :func:`body`, with evidence offsets into the whole article text."""
    if dateline is None or not dateline.end:
        return triples
    shift = dateline.end
    return [
        replace(t, provenance=replace(t.provenance, start=t.provenance.start + shift, end=t.provenance.end + shift))
        for t in triples
    ]


def with_furniture(extraction: Extraction) -> Extraction:
    """The extraction with its article's dateline place and agency (kept when the article has its own)."""
    art = extraction.article
    found = split_dateline(art.text)
    if found is None or (art.place and art.agency):
        return extraction
    article = replace(art, place=art.place or found.place, agency=art.agency or found.agency)
    return replace(extraction, article=article)
