"""Attribution cues: "laut X", "according to X", "X zufolge" make X the source of the sentence.

The rest of the sentence is what X REPORTS, and the events in it are reported_by X. Cues a speaker
uses ("citing X", "unter Berufung auf X") name no reporter when a reporting verb is in the sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.arguments import Arg
from kg.extract.mentions import Mention
from kg.extract.places import in_place_phrase
from kg.extract.syntax import is_punct
from kg.model import Triple
from kg.predicates import PREDICATES

if TYPE_CHECKING:
    from kg.extract.reader import SentenceReader


def attribution_triples(r: SentenceReader) -> list[Triple] | None:
    words = r.words
    if not r.cues.cue_starts.intersection(words):
        return None
    for cue in r.cues.cues:
        if not cue.with_speech and r.acts:
            continue  # "agencies, citing a Kremlin source, reported that ...": the agencies report
        n = len(cue.words)
        for k in range(len(words) - n + 1):
            if tuple(words[k : k + n]) != cue.words:
                continue
            start, end = r.span.start + k, r.span.start + k + n
            source = _cue_source(r, start, end, cue.source)
            if source is None:
                continue
            m, phrase = source
            rest_start, rest_end = r.span.start, r.span.end
            if phrase[0] == r.span.start or phrase[0] <= r.span.start + 1:
                rest_start = phrase[1]
            else:
                rest_end = phrase[0]
            concept = r._concept(rest_start, rest_end, drop_marker=False)
            if concept is None:
                return None
            r.sent.reported.append((rest_start, rest_end, m.entity.key, PREDICATES[cue.predicate]))
            pred = PREDICATES[cue.predicate]
            hedged = any(r.cues.is_hedge(t) for t in r.span.doc[rest_start:rest_end])
            subj = Arg(m)
            t = r._make(
                subj,
                pred,
                concept,
                r.span.doc[start],
                " ".join(cue.words),
                negative=False,
                hedged=hedged,
                conf=r._confidence(subj, hedged=hedged),
                reported_by=None,
            )
            return [t] if t is not None else None
    return None


def _cue_source(r: SentenceReader, start: int, end: int, where: str) -> tuple[Mention, tuple[int, int]] | None:
    """The source entity of an attribution cue and the token range of the whole attribution phrase."""
    if where == "after":
        for j in range(end, min(end + 8, r.span.end)):
            tok = r.span.doc[j]
            if (is_punct(tok) and tok.text in ",;:") or _clause_verb(r, tok):
                break  # the source's phrase ends there: a name after it is the clause's own
            m = r.index.at(j)
            if m is not None and _demonym_of_another(r, m):
                continue  # "nach Angaben des Zentralkomitees sudanesischer Ärzte": whose, not who
            if m is not None:
                stop = _phrase_end(r, m)
                m = _source_of_phrase(r, m, stop)
                if stop < r.span.end and r.span.doc[stop].text == ",":
                    stop += 1
                return m, (start, stop)
        return None
    for j in range(start - 1, max(start - 8, r.span.start - 1), -1):
        m = r.index.at(j)
        if m is not None:
            # "X zufolge": the phrase starts at the source's own phrase, with the noun it hangs on
            # ("[Einem Bericht der Vereinten Nationen] zufolge").
            top = r.span.doc[j]
            while top.head.i != top.i and top.head.i < start and top.head.pos_ in ("NOUN", "PROPN"):
                top = top.head
            first = min(m.start, top.left_edge.i)
            stop = end + 1 if end < r.span.end and r.span.doc[end].text == "," else end
            return m, (max(first, r.span.start), stop)
    return None


def _demonym_of_another(r: SentenceReader, m: Mention) -> bool:
    """Whether ``m`` is a demonym adjective of a noun other than the cue's own ("des Zentralkomitees sudanesischer
    Ärzte"): it says whose the source is, not who; of the cue's noun it is the source ("laut pakistanischen
    Angaben")."""
    tok = r.span.doc[m.start]
    if m.via != "demonym" or tok.pos_ != "ADJ":
        return False
    return not {tok.head.lower_, tok.head.lemma_.lower()} & r.cues.source_nouns


def _phrase_end(r: SentenceReader, m: Mention) -> int:
    """End of the noun phrase the cue's first mention is part of: "nach Angaben der [Nato]-geführten
    Schutztruppe Isaf", "according to [South Korea]'s Joint Chiefs of Staff". The phrase is the subtree of
    the highest nominal above the mention below the clause's verb, cut at a comma."""
    doc = r.span.doc
    top = doc[m.end - 1]
    while top.head.i != top.i and r.span.start <= top.head.i < r.span.end:
        head = top.head
        if head.head.i == head.i or _clause_verb(r, head):
            break  # the clause's verb ("NATO-led" is a modifier of the phrase, not its clause)
        top = head
    stop = max(m.end, top.right_edge.i + 1)
    # A weak parse may hang the clause's own phrases on the source: the phrase ends at a comma or at the
    # clause's verb ("Nach Angaben der TPLF | sollen eritreische Soldaten ...").
    end = next((t.i for t in doc[m.end : stop] if t.text in ",;:" or _clause_verb(r, t)), None)
    return end if end is not None else stop


def _clause_verb(r: SentenceReader, tok: Token) -> bool:
    """Whether ``tok`` is a verb of the clause, not a participle modifying a noun ("the NATO-led force")."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in r.syntax.s.labels("modifier", "name_part")


def _source_of_phrase(r: SentenceReader, first: Mention, stop: int) -> Mention:
    """The source a cue's phrase names: its last actor mention ("der Nato-geführten Schutztruppe Isaf" is
    Isaf, "einem Bericht der Nachrichtenagentur Reuters" Reuters), not one in a place phrase ("eines
    Sprechers in Moskau")."""
    found: list[Mention] = []
    for j in range(first.start, stop):
        m = r.index.at(j)
        if m is not None and (not found or found[-1] is not m) and m.start >= first.start:
            found.append(m)
    actors = [m for m in found if m.entity.type != "Location" and not in_place_phrase(r, m)]
    return actors[-1] if actors else first
