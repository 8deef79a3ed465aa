"""Where a NER name begins: titles, first names and demonyms at its edge (helpers of :mod:`kg.extract.entities`).

The NER's span is a guess; these rules decide, from the gazetteer's words, whether a title or a
state before a name belongs to it ("Juntasprecher Zaw Min Tun": no), whether a noun the tagger
misread is a first name, and whether a mention at the start of a NER name is the name's own first
word ("Ethiopian Airlines", "Abbas Mousavi") rather than a mention of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from kg.extract.sectors import sector_nouns

if TYPE_CHECKING:
    from kg.extract.entities import EntityMatcher, RawMention


def ner_name_at_start(
    matcher: EntityMatcher, doc: Doc, m: RawMention, start: int, end: int, etype: str
) -> bool | None:
    """Whether a NER name that begins with ``m``, the only mention inside it, wins over it; None when no
    rule here applies. It wins for an organisation opened by a demonym (:func:`demonym_opens_name`), a
    person whose first name is a known family name ("Abbas Mousavi" is not Mahmoud Abbas) or a place
    ("Milan Radoičić", "Jordan Bardella"), when the rest is a name, not a title ("Kyiv Mayor Vitali
    Klitschko")."""
    if m.start != start:
        return None
    if demonym_opens_name(matcher, doc, m, start, end, etype):
        return True
    if etype == "Organization" and m.kind == "name" and is_place(matcher, m) and _named_after(matcher, doc, m, end):
        return True  # "Azerbaijan Airlines", "Kenya Airways": an organisation named after its state
    if etype != "Person" or m.end >= end:
        return None
    rest_is_name = all(t.is_title and t.text not in matcher.role_words for t in doc[m.end : end])
    # (an actor or sector noun is no family name, however it is capitalised: "[Irans Staatsmedien]PER")
    rest_is_name = rest_is_name and not _actor_words(matcher, [t.lower_ for t in doc[m.end : end]])
    if m.kind == "short":
        return rest_is_name
    if m.kind == "name":
        return is_place(matcher, m) and rest_is_name
    return None


def is_place(matcher: EntityMatcher, m: RawMention | None) -> bool:
    """Whether ``m`` is a gazetteer name of a state or a place."""
    rec = matcher.records.get(m.value) if m is not None and m.kind == "name" else None
    return rec is not None and rec.type in ("Country", "Location")


def demonym_opens_name(
    matcher: EntityMatcher, doc: Doc, m: RawMention, start: int, end: int, etype: str
) -> bool:
    """Whether ``m``, the mention at ``start`` of the NER name ``doc[start:end]``, is a demonym that is part of an
    organisation's name: "Ethiopian Airlines", "the Sudanese Professionals Association" (every word capitalised,
    and the rest no actor or sector noun: "the Kazakh Foreign Ministry" is the state's ministry, read from the
    demonym and the noun)."""
    if etype != "Organization" or m.kind != "demonym" or m.end >= end or not all(
        t.is_title for t in doc[start:end]
    ):
        return False
    return not _actor_words(matcher, [t.lower_ for t in doc[m.end : end]])


def _named_after(matcher: EntityMatcher, doc: Doc, m: RawMention, end: int) -> bool:
    """Whether the rest of a NER organisation name after the state ``m`` is capitalised words of no actor or
    sector noun ("Airlines", not "Foreign Ministry"): the name of an organisation, not the state's body."""
    rest = doc[m.end : end]
    # (proper nouns, not capitalised nouns: "bei Ouagadougou Schutz zu gewähren" is no organisation)
    proper = all(t.is_title and t.pos_ == "PROPN" for t in rest)
    return len(rest) > 0 and proper and not _actor_words(matcher, [t.lower_ for t in rest])


def _actor_words(matcher: EntityMatcher, rest: list[str]) -> bool:
    """Whether lower-case words ``rest`` are, or hold, an actor or sector noun ("Foreign Ministry", "Staatsmedien")."""
    nouns, sectors = matcher.lex.actor_nouns, sector_nouns(matcher.lex.code)
    return " ".join(rest) in sectors or any(w in nouns or w in sectors for w in rest)


def demonym_named(matcher: EntityMatcher, doc: Doc, taken: dict[int, RawMention], start: int, end: int) -> bool:
    """Whether a NER person ``doc[start:end]`` is an organisation named with a demonym ("Lithuanian Railways",
    "Ethiopian Airlines"): it opens with a demonym, and no title or person the gazetteer knows is inside."""
    m = taken.get(start)
    if m is None or not demonym_opens_name(matcher, doc, m, start, end, "Organization"):
        return False
    words = doc[m.end : end]
    if any(t.text in matcher.role_words or t.text in matcher.lex.honorifics for t in words):
        return False
    return not any((k := taken.get(i)) is not None and k.kind in ("name", "short", "role") for i in range(m.end, end))


def title_before_name(matcher: EntityMatcher, doc: Doc, taken: dict[int, RawMention], i: int) -> bool:
    """A compound title, or a state's name right before a title, is no part of the name.

    "Juntasprecher Zaw Min Tun", "Haitis Übergangspremier Garry Conille" (languages that close compounds).
    """
    m = taken.get(i)
    rec = matcher.records.get(m.value) if m is not None and m.kind == "name" and m.end == i + 1 else None
    if rec is not None and rec.type == "Country":
        return i + 1 < len(doc) and ends_in_title(doc[i + 1].text, matcher.role_words)
    return ends_in_title(doc[i].text, matcher.role_words)


def ends_in_title(text: str, role_words: dict[str, str]) -> bool:
    """A title, or a closed compound ending in one ("Juntasprecher", "Übergangspremier")."""
    if text in role_words:
        return True
    return (
        len(text) >= 8
        and text[:1].isupper()
        and any(text[cut:].capitalize() in role_words for cut in range(3, len(text) - 3))
    )


def first_name_after_title(role_words: dict[str, str], doc: Doc, taken: dict[int, RawMention], i: int) -> bool:
    """Whether the noun at ``i`` is a first name the tagger took for a noun: it stands between a title
    and a person's name ("TPLF-Sprecher [Getachew] Reda")."""
    if doc[i].pos_ != "NOUN" or i == 0:
        return False
    before = taken.get(i - 1)
    return doc[i - 1].text in role_words or (before is not None and before.kind in ("role", "compound"))


def described_as_person(matcher: EntityMatcher, doc: Doc, end: int) -> bool:
    """Whether the NER name ending at ``end`` is followed by an apposition that describes a person: a comma,
    an article and a role title before the next punctuation ("Dowletmurat Tazhimuratov, a lawyer and
    journalist"; "X, ein Anwalt"). A weak NER calls such unknown names organisations."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].pos_ != "DET":
        return False
    for t in doc[end + 2 : end + 6]:
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return False
        if t.text in matcher.role_words or t.text.capitalize() in matcher.role_words:
            return True
    return False
