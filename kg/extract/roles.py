"""Roles and affiliations: role phrases next to names, and role nouns that refer back.

"der ukrainische Präsident Wladimir Selenskij", "Lavrov, Russia's foreign minister," give a person a
role and a state or organisation; "der Präsident" alone refers to the one person named before in
that role.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.found import Found
from kg.gazetteer import country_key, holders

if TYPE_CHECKING:
    from kg.extract.resolve import Analyzer

_ROLE_SCAN = 8


def roles(a: Analyzer) -> None:
    """Attach roles and groups found next to person mentions; widen mentions over left role phrases."""
    a.group_at = {
        i: f.key for f in a.found if a.info[f.key].type in ("Country", "Organization") for i in range(f.start, f.end)
    }
    for f in a.found:
        info = a.info[f.key]
        if info.type != "Person" or f.via == "pronoun":
            continue
        left = left_role_phrase(a, f.start) or _apposed_title(a, f.start, f.end)
        phrase = left or right_role_phrase(a, f.end) or dep_role_phrase(a, f.start, f.end)
        if not phrase:
            continue
        role, group = read_phrase(a, phrase)
        if role is None:
            continue
        a.role_used.update(phrase)
        # A left title names the role, unless it is one the known role narrows or a generic one
        # ("North Korean leader Kim Jong Un" keeps "supreme leader").
        known = person_role(a, f.key)
        if (info.role is None or left) and not _same_role(known, role) and not (known and role in _GENERIC_ROLES):
            info.role = role
        if group is not None:
            if a.info[group].type == "Country" and (info.country is None or left):
                info.country = group.split(":", 1)[1]
            elif info.country is None and group in a.recs:
                info.country = a.recs[group].country  # "Pentagonsprecher John Kirby": the Pentagon's state
            info.groups.append((group, role, f.start))
        if left:
            f.start = min(i for i in left if role_token(a, i) is not None)


def role_anaphora(a: Analyzer) -> None:
    """ "der Präsident", "the Ukrainian president" without a name: the one person named before in that role.

    Only after a definite article, only for a title not marked plural by the morphology, only when
    exactly one earlier person of the article has that role (and the state, if the phrase names
    one); else unresolved.
    """
    articles = a.lex.words("definite_articles")
    if not articles:
        return
    covered = {i for f in a.found if a.info[f.key].type == "Person" for i in range(f.start, f.end)}
    added = []
    replaced: set[tuple[int, int]] = set()
    for m in a.raw:
        role = m.value if m.kind == "role" else m.role if m.kind == "compound" else None
        if m.kind == "compound" and role is None:
            role = ""  # "die SPD-Politikerin": no role title, perhaps an epithet (below)
        if role is None or m.start in a.role_used or m.start in covered:
            continue
        if "Plur" in a.doc[m.start].morph.get("Number"):
            continue  # "die Abgeordneten stimmten": many, not the one named before
        state = a.group_at.get(m.start) if m.kind == "compound" else None
        i = m.start - 1
        while i >= 0 and m.start - i <= 3 and i in a.group_at and a.doc[i].lower_ not in articles:
            state = state or a.group_at[i]
            i -= 1
        if i < 0 or a.doc[i].lower_ not in articles:
            continue
        candidates = {
            f.key
            for f in a.found
            if f.start < m.start
            and f.via != "pronoun"
            and _same_role(person_role(a, f.key), role)
            and (state is None or person_state(a, f.key) == state)
        }
        if not candidates and m.kind == "compound":
            # "sagte der FDP-Vorsitzende", "die SPD-Politikerin": an epithet of a party or body names the
            # person spoken of last, when no one of that role is known
            candidates = _epithet_referent(a, m.start, a.group_at.get(m.start))
        if len(candidates) == 1:
            if m.kind == "compound":
                # "dem US-Präsidenten" after "US-Präsident Donald Trump": the person, not the state the
                # compound's first part names (which the person's record still carries).
                replaced.add((m.start, m.end))
            added.append(Found(m.start, m.end, candidates.pop(), "partial", 0.6, None))
        elif not candidates and state is not None:
            # Nobody of the article: the one person who held that office of that state in the article's
            # year ("der russische Präsident" in 2024 is Putin), by the gazetteer's terms of office; else,
            # with no date or no known holder, the state the office serves ("the Iranian foreign minister
            # warned ...": Iran), as a title compounded with its state already is ("US-Präsident").
            held = holders(role, state.removeprefix("country:"), a.year) if a.year is not None else []
            key = held[0] if len(held) == 1 and held[0] in a.recs else None
            if key is not None:
                info = a.info.get(key) or a._record_info(a.recs[key])
                added.append(Found(m.start, m.end, info.key, "partial", 0.5, None))
            elif role and state in a.info:
                added.append(Found(m.start, m.end, state, "metonym", 0.5, None))
    if replaced:
        a.found = [f for f in a.found if (f.start, f.end) not in replaced or a.info[f.key].type == "Person"]
    a.found.extend(added)


def _epithet_referent(a: Analyzer, start: int, group: str | None) -> set[str]:
    """The person an organisation's epithet ("der FDP-Vorsitzende", "die Grünen-Politikerin") refers to: the
    last person named before it in this or the two sentences before, if the compound's last part is one of
    the language's ``party_epithets``; a state's compound ("der US-Präsident") is a role, not an epithet."""
    words = a.lex.words("party_epithets")
    last = a.doc[start].lower_.rsplit("-", 1)[-1]
    if not words or last not in words or group is None or a.info[group].type != "Organization":
        return set()
    sent = a.sent_of[start]
    people = [
        f for f in a.found
        if f.end <= start and f.via != "pronoun" and a.info[f.key].type == "Person" and sent - a.sent_of[f.start] <= 2
    ]  # fmt: skip
    return {max(people, key=lambda f: f.start).key} if people else set()


def person_role(a: Analyzer, key: str) -> str | None:
    info = a.info[key]
    if info.type != "Person":
        return None
    rec = a.recs.get(key)
    return info.role or (rec.role if rec is not None else None)


def person_state(a: Analyzer, key: str) -> str | None:
    rec = a.recs.get(key)
    code = a.info[key].country or (rec.country if rec is not None else None)
    return country_key(code) if code else None


def role_token(a: Analyzer, i: int) -> str | None:
    raw = a.raw_at.get(i)
    if raw is None:
        return None
    if raw.kind == "role":
        return raw.value
    if raw.kind == "compound":
        return raw.role
    return None


def group_token(a: Analyzer, i: int) -> bool:
    """Does token ``i`` name a state or organisation (via any mention found)?"""
    return i in a.group_at


def left_role_phrase(a: Analyzer, start: int) -> list[int]:
    """Tokens of "der ukrainische Präsident" / "Russia's foreign minister" left of a name."""
    sent = a.sent_of[start]
    tokens: list[int] = []
    i = start - 1
    while i >= 0 and start - i <= _ROLE_SCAN and a.sent_of[i] == sent:
        if role_token(a, i) is not None or group_token(a, i) or a.doc[i].lower_ in a.glue:
            tokens.append(i)
            i -= 1
            continue
        break
    # Role titles, states and glue words only, with at least one role title
    # ("der ukrainische Präsident", "Präsident der Ukraine", "Russia's foreign minister").
    core = [i for i in tokens if a.doc[i].lower_ not in a.glue]
    if not any(role_token(a, i) is not None for i in core):
        return []
    return core


def _apposed_title(a: Analyzer, start: int, end: int) -> list[int]:
    """ "Der Generalsekretär der Nato, Mark Rutte, sagte": a title set off before the name by a comma, the name
    closed by a comma or the sentence's end, is the name's left role phrase."""
    if start < 2 or a.doc[start - 1].text != "," or end >= len(a.doc) or a.doc[end].text not in (",", ".", ")"):
        return []
    return left_role_phrase(a, start - 1)


def right_role_phrase(a: Analyzer, end: int) -> list[int]:
    """Tokens of an apposition ", Russia's foreign minister," right of a name."""
    if end >= len(a.doc) or a.doc[end].text not in (",", "(", "–", "—"):
        return []
    sent = a.sent_of[end]
    tokens: list[int] = []
    i = end + 1
    while i < len(a.doc) and i - end <= _ROLE_SCAN and a.sent_of[i] == sent:
        if role_token(a, i) is not None or group_token(a, i) or a.doc[i].lower_ in a.glue:
            tokens.append(i)
            i += 1
            continue
        break
    if i < len(a.doc) and a.sent_of[i] == sent and not a.doc[i].is_punct:
        return []
    core = [i for i in tokens if a.doc[i].lower_ not in a.glue]
    return core if any(role_token(a, i) is not None for i in core) else []


def dep_role_phrase(a: Analyzer, start: int, end: int) -> list[int]:
    """A role noun linked to the name by an apposition-like dependency, with its modifiers."""
    if not a.has_dep:
        return []
    span = a.doc[start:end]
    root = span.root
    candidates: list[Token] = []
    if root.dep_ in a.appos and root.head.i != root.i:
        candidates.append(root.head)
    candidates.extend(c for c in root.children if c.dep_ in a.appos)
    for cand in candidates:
        if start <= cand.i < end or role_token(a, cand.i) is None:
            continue
        return [cand.i] + [c.i for c in cand.children if group_token(a, c.i)]
    return []


def read_phrase(a: Analyzer, tokens: list[int]) -> tuple[str | None, str | None]:
    """(canonical role, group key) of a role phrase; the role nearest the name wins."""
    role = None
    group = None
    for i in tokens:
        if role is None:
            role = role_token(a, i)
        if group is None and i in a.group_at:
            group = a.group_at[i]
    return role, group


#: Canonical roles that say someone leads, not which office: they never replace a known role
#: ("Belarusian leader Alexander Lukashenko" stays president, "Kremlchef Putin" too).
_GENERIC_ROLES = frozenset({"leader", "head"})

#: Canonical roles starting with these are a deputy's, not a narrower kind of the rest:
#: "the president" is not the vice president, "der Außenminister" not the deputy foreign minister.
_DEPUTY_PREFIXES = ("deputy ", "vice ", "lieutenant ")


def _same_role(known: str | None, said: str) -> bool:
    """Whether a role noun refers to a person of that role: the same role, or a generic one it narrows
    ("die Ministerin" for a foreign minister named before; not "the president" for a vice president)."""
    if known is None:
        return False
    return known == said or (known.endswith(" " + said) and not known.startswith(_DEPUTY_PREFIXES))
