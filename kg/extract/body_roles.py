"""Office holders of an organisation, named by their office: "die Außenminister der EU", "EU foreign ministers".

"EU-Außenminister" already stands for the EU when nobody in the article holds the office (a compound's first
part names its organisation, :mod:`kg.extract.roles`). The same office with the organisation in a genitive or
"of" phrase ("Die Staats- und Regierungschefs der G7 verurteilten ...") is the same actor and is resolved the
same way: to the organisation; so is an English title after the organisation's name ("EU foreign ministers
agreed ...", where the parse may make the name a modifier rather than a compound). A title some named person
of the article holds was resolved before this pass runs (role anaphora) and is left alone; so is a title owned
by a state ("der Präsident der Ukraine" is a person, by :mod:`kg.extract.roles`). Members stand for their
organisation the same way ("Kämpfer der Hamas", "representatives of the Taliban"), and so do its voices ("ein
Sprecher der Bundesregierung", "a spokesman for NATO"); members and voices stand for a sector's body too.
Which words join the two, and which nouns name members and voices, is language data (``owner_prepositions``,
``voice_prepositions``, ``genitive_articles``, ``definite_articles``, ``member_nouns``, ``voice_nouns``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.found import Found

if TYPE_CHECKING:
    from kg.extract.resolve import Analyzer

#: how many joining words may stand between the title and the organisation ("of the", "der")
_GLUE = 2


def organisation_offices(a: Analyzer) -> None:
    """Resolve every unresolved role title or member noun next to an organisation's name to that organisation."""
    owners = a.lex.words("owner_prepositions") | a.genitive_articles
    glue = owners | a.lex.words("definite_articles")
    if not owners:
        return
    covered = {i for f in a.found for i in range(f.start, f.end)}
    starts = {f.start: f for f in a.found}
    ends = {f.end: f for f in a.found}
    members, voices = a.lex.words("member_nouns"), a.lex.words("voice_nouns")
    voice_owners = owners | a.lex.words("voice_prepositions")
    voice_glue = glue | voice_owners
    spans = [(m.start, m.end) for m in a.raw if m.kind == "role" and m.start not in a.role_used]
    bodies = {t.i for t in a.doc if t.lower_ in members or t.lower_ in voices}
    spans += [(i, i + 1) for i in sorted(bodies)]
    added: list[Found] = []
    for start, end in spans:
        if any(i in covered for i in range(start, end)):
            continue
        # Members and voices speak for a sector's body too ("ein Sprecher der russischen Regierung", "a
        # spokeswoman for the Kenyan police"); an office of a sector is a person's ("der Chef der Polizei").
        voice = a.doc[start].lower_ in voices
        joins, joined_by = (voice_owners, voice_glue) if voice else (owners, glue)
        org = _owner_after(a, end, joins, joined_by, starts, start in bodies)
        if org is not None:
            if _names_person(a, org.end) or _names_person(a, start - 1, back=True):
                continue  # "der Generalsekretär der Nato, Mark Rutte,": the title of a named person
        elif voice:
            continue  # "a senior Houthi official, Ali al-Qahoum,": the name's own reading decides
        else:
            org = ends.get(start)  # "EU foreign ministers", "NATO defence ministers"
            if org is None or a.info[org.key].type != "Organization" or _names_person(a, end - 1):
                continue
        added.append(Found(start, end, org.key, "partial", 0.5, None))
    a.found.extend(added)
    a.found.sort(key=lambda f: f.start)


def _owner_after(
    a: Analyzer, end: int, owners: frozenset[str], glue: frozenset[str], starts: dict, groups: bool = False
) -> Found | None:
    """The organisation (or, with ``groups``, sector group) of a genitive or "of" phrase right after token
    ``end``, in the same sentence."""
    j = end
    while j < len(a.doc) and j - end < _GLUE and a.doc[j].lower_ in glue:
        j += 1
    if j == end or not any(a.doc[i].lower_ in owners for i in range(end, j)):
        return None
    org = starts.get(j)
    types = ("Organization", "Group") if groups else ("Organization",)
    if org is None or a.info[org.key].type not in types or a.sent_of[j] != a.sent_of[end - 1]:
        return None
    return org


def _names_person(a: Analyzer, i: int, back: bool = False) -> bool:
    """Does a person's name stand right after token ``i`` (or right before it, ``back``), a comma allowed?"""
    step = -1 if back else 1
    if 0 <= i < len(a.doc) and a.doc[i].text in (",", "(", "–", "—"):
        i += step
    return any(a.info[f.key].type == "Person" and (f.end - 1 == i if back else f.start == i) for f in a.found)
