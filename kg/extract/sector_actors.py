"""Sector actors in an article: a state's sector noun resolved to its canonical actor.

The nouns and keys are :mod:`kg.extract.sectors`; this pass decides which state a sector noun
belongs to: the one in its phrase, the one it names itself ("Bundesregierung"), or the state the
article is about when that is unambiguous.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.cues import cues_for
from kg.extract.found import Found, Info
from kg.extract.places import preposition, stance_at
from kg.extract.sectors import (
    LOCAL_SECTORS,
    STATELESS_SECTORS,
    SectorNoun,
    find_sector_noun,
    sector_actor,
    sector_ending_at,
)
from kg.gazetteer.actors import alias_keys
from kg.lang import scheme_labels

if TYPE_CHECKING:
    from kg.extract.resolve import Analyzer


_FUNCTION_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PUNCT", "PART"})


def sector_info(a: Analyzer, iso3: str | None, noun: SectorNoun) -> Info:
    actor = sector_actor(iso3, noun)
    # A gazetteer organisation wins ("org:russian-ministry-of-defence"), also one whose alias the key
    # spells ("Chinese coast guard" -> org:china-coast-guard).
    rec = a.recs.get(actor.key) or a.recs.get(alias_keys().get(actor.key, ""))
    if rec is None and noun.institution:
        actor = sector_actor(iso3, replace(noun, org=None))  # "the army" of a state with no gazetteer army
    info = a.info.get(actor.key)
    if info is None:
        info = a._record_info(rec) if rec is not None else a._new_info(actor.key, actor.type, actor.name)
        info.country, info.sector = actor.country, actor.sector
    return info


def country_seat(a: Analyzer, start: int, end: int, iso3: str) -> bool:
    """A sector noun right before a locative or owner phrase naming a country is that country's sector.

    "die Militärjunta im Niger", "protesters in Georgia", "the government of Mali", "die Regierung der
    Ukraine", "die Regierung Malis" (added as one mention); not when the noun already belongs to an actor
    ("Russian troops in Ukraine" stay Russian).
    """
    noun = _owned_noun(a, start)
    if noun is None:
        return False
    if any(f.start <= noun < f.end for f in a.found) or noun in a.raw_at:
        return False
    hit = sector_ending_at(a, noun, lambda s: not s.named_only)  # "missiles in Germany" are not Germany's
    if hit is not None:
        a._add(hit[0], end, sector_info(a, iso3, hit[1]), "metonym", 0.9, None)
    return hit is not None


def _owned_noun(a: Analyzer, start: int) -> int | None:
    """The token a country name at ``start`` may own or seat: the one before its preposition of seat or
    owner ("in", "of", "von"), before a genitive article ("der Ukraine"), or right before the name."""
    before = start - 1
    if before < 1:
        return None
    word = a.doc[before].lower_
    if a.doc[before].pos_ == "ADP" and word in a.owner_prepositions:
        return before - 1
    if a.doc[before].pos_ == "DET" and word in a.genitive_articles:
        return before - 1
    if a.doc[before].pos_ in ("NOUN", "PROPN") and a.genitive_articles:
        return before  # "die Regierung Malis": a genitive name right after its noun
    return None


def self_naming_sectors(a: Analyzer) -> None:
    """Sector nouns no state was found for: their own state ("die Bundesregierung"), else the one state
    whose places their sentence names, else the article's.

    "Police said ...", "die Opposition", "protesters" name the sector of the state the article is
    about when that is unambiguous (one state has more mentions than all others together); in an
    article about several states they stay unresolved rather than guessed. A two-word form of the
    table is one actor ("government forces" are the military), and a named actor right beside the
    noun decides for it (:func:`_beside`).
    """
    taken = {i for f in a.found for i in range(f.start, f.end)}
    home = article_state(a)
    for tok in a.doc:
        # (a weak tagger may call "Bewaffnete" a number; only nouns are read)
        if (
            tok.i in taken
            or (tok.i in a.raw_at and not plural_title(a, tok.i))
            or tok.pos_ not in ("NOUN", "PROPN", "")
        ):
            continue
        end, noun = tok.i + 1, None
        if end < len(a.doc) and end not in taken and end not in a.raw_at:
            noun = a.sectors.get(a.doc[tok.i : end + 1].text.lower())  # "government forces", "riot police"
            end += noun is not None
        noun = noun or find_sector_noun(a.lex.code, tok.lower_) or find_sector_noun(a.lex.code, tok.lemma_)
        if noun is None or noun.named_only or (noun.counted_only and not _counted_subject(a, tok)):
            continue
        if noun.unique and _indefinite(a, tok):
            continue  # "called for a government of national unity": another one than the state's
        owned, beside = _beside(a, tok.i, end)
        if owned or _foreign(a, tok.i, end):
            continue
        local = None
        # Not a title ("Geheimdienst NIS"): the state of the sentence's places, else (in an article about no
        # one state) of its named actors, who may be what they are against ("forderten Zusammenarbeit mit Moskau").
        if noun.sector in LOCAL_SECTORS and beside is None and end not in a.raw_at:
            local = sentence_place_state(a, tok.i) or (None if home else sentence_actor_state(a, tok.i))
        own = _possessor_state(a, tok)
        state = noun.country or beside or own or _earlier_same_sector(a, tok, noun)
        if state is None and not _seated_unknown(a, end):
            state = local or home
        candidates = _ambiguous_demonym(a, end)
        if candidates is not None and state not in candidates:
            continue  # "die kongolesischen Behörden" in an article about France: of no state kg can tell
        if state is None and not _stateless(a, tok, noun):
            continue
        a._add(tok.i, end, sector_info(a, state, noun), "name" if noun.country else "partial",
                  0.9 if noun.country else 0.7, None)  # fmt: skip
        taken.update(range(tok.i, end))


def _seated_unknown(a: Analyzer, end: int) -> bool:
    """Whether a place kg does not know follows the sector noun ending at ``end`` ("die Staatsanwaltschaft
    von Agrigent", "police in Macuto"): the noun is that place's, so the article's state is no guess for it."""
    doc = a.doc
    if end + 1 >= len(doc) or doc[end].pos_ != "ADP" or doc[end].lower_ not in a.owner_prepositions:
        return False
    name = doc[end + 1] if doc[end + 1].pos_ != "DET" or end + 2 >= len(doc) else doc[end + 2]
    return name.pos_ == "PROPN" and not any(f.start <= name.i < f.end for f in a.found)


def _possessor_state(a: Analyzer, tok: Token) -> str | None:
    """The state of the clause's subject for a sector noun with a third-person possessive ("Die USA zogen
    ihre Soldaten aus Libyen ab", "France withdrew its troops"): their own, not the place's."""
    if not a.has_dep or not any("Yes" in d.morph.get("Poss") and "3" in d.morph.get("Person") for d in tok.lefts):
        return None
    verb = next((h for h in tok.ancestors if h.pos_ in ("VERB", "AUX")), None)
    subjects = scheme_labels("subject")
    for c in verb.children if verb is not None else ():
        f = next((f for f in a.found if c.dep_ in subjects and f.start <= c.i < f.end), None)
        if f is not None:
            return found_state(a, f.key)
    return None


def _earlier_same_sector(a: Analyzer, tok: Token, noun: SectorNoun) -> str | None:
    """The state of the group of this sector named last before a definite sector noun ("die Militärjunta in
    Myanmar ... die Junta", "Georgian police ... the police"): a definite noun refers back, as a role title
    does. Only groups of exactly this sector, named in one of the three sentences before."""
    if noun.org or not _definite(a, tok) or any(c.pos_ not in ("DET", "PUNCT") for c in tok.children):
        return None  # (a noun with modifiers of its own is no bare reference: "die Diplomaten aus Argentinien")
    sent = a.sent_of[tok.i]
    for f in sorted(a.found, key=lambda f: f.start, reverse=True):
        if f.start >= tok.i or not 0 < sent - a.sent_of[f.start] <= 3:
            continue  # (not one of its own sentence: "Kenias Regierung bestellte die Diplomaten ... ein")
        info = a.info[f.key]
        if info.type == "Group" and info.sector == noun.sector and info.country:
            return info.country
    return None


def _determiners(tok: Token) -> list[Token]:
    """The determiners of the sector noun ``tok`` (UD or TIGER labels), and the word right before it."""
    return [c for c in tok.lefts if c.dep_ in ("det", "nk", "poss")] + ([tok.nbor(-1)] if tok.i > 0 else [])


def _definite(a: Analyzer, tok: Token) -> bool:
    """Whether the sector noun ``tok`` has a definite article ("die Polizei", "the junta")."""
    articles = a.lex.words("definite_articles")
    return any(d.lower_ in articles for d in _determiners(tok))


def _indefinite(a: Analyzer, tok: Token) -> bool:
    """Whether the sector noun ``tok`` has an indefinite article ("a government", "eine Regierung")."""
    articles = a.lex.words("indefinite_articles")
    return any(d.lower_ in articles for d in tok.lefts if d.pos_ == "DET")


def _counted_subject(a: Analyzer, tok: Token) -> bool:
    """Whether ``tok`` is counted by a quantity noun and its phrase is a subject ("Tausende Menschen
    demonstrierten", "thousands of people marched"), or is such a quantity alone ("Zehntausende gingen")."""
    if not a.has_dep:
        return False
    subjects = scheme_labels("subject")
    if tok.lower_ in cues_for(a.lex.code).quantity_nouns:
        # "In Belgrad gingen Zehntausende auf die Straße": a quantity counting no noun is people, as a subject
        counted = [c for c in tok.children if c.pos_ in ("NOUN", "PROPN", "ADP")]
        return tok.dep_ in subjects and not counted and tok.head.pos_ in ("VERB", "AUX")
    counter = quantity_counter(a, tok, tok.i)
    if counter is None:
        return False
    return tok.dep_ in subjects or counter.dep_ in subjects


def quantity_counter(a: Analyzer, tok: Token, start: int) -> Token | None:
    """The quantity noun that counts ``tok``, whose phrase starts at ``start``: the word right before the
    phrase ("Tausende Georgier"), else ``tok``'s head or its head's head ("thousands of people")."""
    quantities = cues_for(a.lex.code).quantity_nouns
    near = ([a.doc[start - 1]] if start > 0 else []) + ([tok.head, tok.head.head] if a.has_dep else [])
    return next((t for t in near if t.i < tok.i and t.lower_ in quantities), None)


def _foreign(a: Analyzer, start: int, end: int) -> bool:
    """A sector noun marked as not the state's own ("foreign intelligence services", "westliche
    Geheimdienste"): it names no state the article is about (words: ``foreign_modifiers``)."""
    words = a.lex.words("foreign_modifiers")
    near = [*a.doc[end - 1].lefts, *([a.doc[start - 1]] if start > 0 else [])]
    return any(c.lower_ in words or c.lemma_.lower() in words for c in near)


def _ambiguous_demonym(a: Analyzer, end: int) -> frozenset[str] | None:
    """The states a modifier of the sector noun may name, if it is a demonym of several ("kongolesisch": the
    DR Congo or the Congo; data: ``ambiguous_demonyms``), else None."""
    table: dict[str, list[str]] = a.lex.grammar.get("ambiguous_demonyms", {})
    if not table:
        return None
    endings = a.lex.grammar.get("demonym_endings", [""])
    for c in a.doc[end - 1].lefts:
        for stem, states in table.items():
            if c.lower_.startswith(stem) and c.lower_[len(stem) :] in endings:
                return frozenset(states)
    return None


def _stateless(a: Analyzer, tok: Token, noun: SectorNoun) -> bool:
    """A sector noun of no found state is an actor of its own only when it is anonymous: a sector that
    acts without one state ("unknown gunmen", "Police arrested ..."), not definite ("the junta", "die
    Polizei", "the army" mean one state's, which the article has not made clear)."""
    if noun.org or noun.sector not in STATELESS_SECTORS:
        return False
    return not (_definite(a, tok) or any(d.dep_ == "poss" for d in _determiners(tok)))


def _beside(a: Analyzer, start: int, end: int) -> tuple[bool, str | None]:
    """What a named actor right beside the bare sector noun ``start:end`` makes of it: (not a sector, state).

    An organisation's or a group's noun is theirs ("Hamas militants", "Niger's military rulers", "die
    Firma Siemens"), not the article's state's; a person's is the sector of the person's state ("the
    Trump administration", "die Regierung Netanjahu") or, for a person of no known state, only their
    title ("Richterin Anna Meyer").
    """
    modifier, possessive, owners = None, a.lex.words("possessive_markers"), a.lex.words("owner_prepositions")
    for f in a.found:
        info = a.info[f.key]
        if info.type == "Country" and modifier is None and _modifies(a, f, start, end):
            modifier = f.key  # "drei amerikanische Rüstungsfirmen", "U.S. defence firms": whoever filed it
            continue
        # (a possessive marker may stand between: "Maduro's government")
        before = f.end == start or (f.end + 1 == start and a.doc[f.end].lower_ in possessive)
        after = f.start == end
        # ("die Regierung von Ministerpräsident Mariano Rajoy", "the government of Prime Minister X": a person's)
        after = after or (info.type == "Person" and end < f.start <= end + 3 and a.doc[end].lower_ in owners)
        if not (before or after):
            continue
        if info.type == "Person":
            state = found_state(a, f.key)
            return state is None, state
        if info.type == "Organization" or (before and info.type == "Group"):
            return True, None  # also "der russische Konzern Gazprom": the noun is Gazprom's title
    return False, (found_state(a, modifier) if modifier else None)


def _modifies(a: Analyzer, f: Found, start: int, end: int) -> bool:
    """Whether the state mention ``f`` is a modifier of the noun ``start:end``, with nothing but the
    noun's other modifiers between ("U.S. defence firms", "amerikanische Rüstungsfirmen")."""
    if f.end > start or start - f.end > 2 or stance_at(a, f.start):
        return False
    if f.via != "demonym" and not start <= a.doc[f.end - 1].head.i < end:
        return False  # a name must hang on the noun: "told Russia police had ..." is no modifier
    return all(t.pos_ in ("NOUN", "ADJ", "PROPN") and f.end <= t.head.i < end for t in a.doc[f.end : start])


def sentence_place_state(a: Analyzer, i: int) -> str | None:
    """The one state whose places the sentence of token ``i`` names ("gunmen attacked a police station in
    northwestern Pakistan", "killing five civilians" in Kharkiv), if there is exactly one."""
    sent = a.sent_of[i]
    states = set()
    for f in a.found:
        if a.sent_of[f.start] != sent:
            continue
        info = a.info[f.key]
        # (a demonym is no place: "eine Revolution nach georgischem Muster")
        place = info.type == "Country" and f.via != "demonym" and _in_locative_phrase(a, f.start)
        if _in_goal_phrase(a, f.start):
            continue  # "schickte Polizisten nach Haiti": the police were sent there, they are not Haiti's
        if info.type == "Location" or place:
            state = found_state(a, f.key)
        else:
            continue
        if state:
            states.add(state)
    return next(iter(states)) if len(states) == 1 else None


def sentence_actor_state(a: Analyzer, i: int) -> str | None:
    """The one state the named actors of token ``i``'s sentence belong to ("Maduro warf der Opposition
    vor": Venezuela's opposition), if they all belong to one; places do not count here."""
    sent = a.sent_of[i]
    states = set()
    for f in a.found:
        if a.sent_of[f.start] != sent:
            continue
        if a.info[f.key].type == "Location" or f.via == "demonym":
            continue  # (a demonym names no actor: "eine Revolution nach georgischem Muster")
        if _international_official(a, f.key):
            return None  # "Annan forderte die Rebellen auf": a UN official's nationality owns no sector
        state = found_state(a, f.key)
        if state is None:
            return None  # an actor of no known state: the noun may be theirs
        states.add(state)
    return next(iter(states)) if len(states) == 1 else None


def _international_official(a: Analyzer, key: str) -> bool:
    """Whether ``key`` is a person of an international organisation (the UN's secretary-general)."""
    rec = a.recs.get(key)
    org = a.recs.get(rec.org) if rec is not None and rec.org else None
    return a.info[key].type == "Person" and org is not None and org.sector == "IGO"


def _in_goal_phrase(a: Analyzer, i: int) -> bool:
    """Whether token ``i`` is the goal of a movement ("nach Haiti", "to Haiti")."""
    prep = preposition(a, a.doc[i])
    return prep is not None and prep.lower_ in a.goals


def _in_locative_phrase(a: Analyzer, i: int) -> bool:
    """Whether token ``i`` is in a locative phrase ("in Pakistan", "im Nordwesten Pakistans")."""
    tok = a.doc[i]
    for _ in range(3):
        prep = preposition(a, tok)
        if prep is not None:
            return prep.lower_ in a.locatives
        if tok.head.i == tok.i or tok.head.pos_ not in ("NOUN", "PROPN"):
            return False
        tok = tok.head
    return False


def plural_title(a: Analyzer, i: int) -> bool:
    """Whether token ``i`` is a role title in the plural ("die Soldaten", "die Richter"): a group, which
    a sector noun of the same form names, not one titled person."""
    raw = a.raw_at.get(i)
    return raw is not None and raw.kind == "role" and "Plur" in a.doc[i].morph.get("Number")


def _international(a: Analyzer, key: str) -> bool:
    """Whether the person ``key`` belongs to an organisation of no state (the UN, the EU, NATO)."""
    rec = a.recs.get(key)
    org = a.recs.get(rec.org) if rec is not None and rec.org else None
    return org is not None and org.country is None


def found_state(a: Analyzer, key: str) -> str | None:
    """The state (ISO3) of the actor or place ``key`` found in this document: the country itself, the
    state its resolution gave it, else its record's ("in Berlin": a place of the state)."""
    info = a.info[key]
    if info.type == "Country":
        return key.removeprefix("country:")
    rec = a.recs.get(key)
    return info.country or ((rec.country or rec.metonym_of) if rec is not None else None)


def article_state(a: Analyzer) -> str | None:
    """The state the article is about, if one has more mentions than all other states together, or
    shares the most mentions with others and is where the article was filed (its dateline).

    People count for their state: an article in which Venezuela's leaders speak about captured Americans
    is about Venezuela, though it names US soldiers and citizens more often than the country.
    """
    counts: dict[str, int] = {}
    for f in a.found:
        info = a.info[f.key]
        state = found_state(a, f.key)
        if state and info.type in ("Country", "Group", "Organization", "Location", "Person"):
            if info.type == "Person" and _international(a, f.key):
                continue  # Kofi Annan speaks for the UN, not for Ghana
            counts[state] = counts.get(state, 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)
    if counts[best] * 2 > sum(counts.values()):
        return best
    return a.filed_in if counts.get(a.filed_in or "", 0) == counts[best] else None
