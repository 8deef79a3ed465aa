"""Which entity a phrase of a sentence refers to: at its head, in its appositions, across its conjuncts.

The entity stage resolved the mentions (:class:`~kg.extract.mentions.MentionIndex`); what is left
for the relation stage is to find the mention that stands for a whole phrase - "Thousands of
protesters", "Sudan's army chief, General al-Burhan", "Mali, Burkina Faso and Niger".
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from kg.extract.mentions import Mention
from kg.extract.syntax import SentenceSyntax
from kg.lang import get_language
from kg.predicate_lexicon import deed_nouns


class PhraseEntities:
    """The mentions phrases of one sentence refer to, read through its :class:`SentenceSyntax`."""

    def __init__(self, syn: SentenceSyntax) -> None:
        self.syn = syn

    def entity_at(self, tok: Token) -> Mention | None:
        """The mention a phrase head refers to: at the head, or in its appositions, name parts, genitives."""
        if self.syn.index.at(tok.i) is None and tok.lower_ in self.syn.cues.quantity_nouns:
            # "Thousands of protesters", "Hunderte Demonstranten": the quantity's noun is the actor.
            for c in self.syn.kids.get(tok.i, ()):
                for n in [c, *self.syn.kids.get(c.i, ())]:
                    if n.i > tok.i and self.syn.index.at(n.i) is not None:
                        return self.syn.index.at(n.i)
        # A named person or organisation in apposition beats the state of a genitive: "Sudan's army chief,
        # General Abdel Fattah al-Burhan, said" is al-Burhan speaking, "Israel's Magen David Adom emergency
        # service said" the service, not the state.
        named = []
        # "a UN Security Council resolution", "the Kremlin decree": a name compounded before a noun that names
        # an act or a thing only modifies it (a role or sector noun, "the Kremlin spokesman", is the actor's).
        thing = tok.pos_ == "NOUN" and self.syn.index.at(tok.i) is None and tok.lemma_.lower() in deed_nouns(
            self.syn.cues.lang
        )
        # "Ortega's wife", "Maduros Ehefrau": the one whose kin it is, named before the noun, is someone else
        # (a name after it is the same person: "seine Ehefrau Rosario Murillo").
        kin = self.syn.index.at(tok.i) is None and _is_kin(self.syn.cues.lang, tok)
        for t in self.syn.walk(tok, self.syn.s.labels("apposition", "name_part"), 2):
            m = self.syn.index.at(t.i)
            if m is not None and t is tok:
                # ("Putins Tochter" parsed with the noun in apposition to the name: the daughter)
                return None if self._kin_after(tok, m) else m
            if (thing or kin) and t.i < tok.i:
                continue
            if m is not None and m.entity.type in ("Person", "Organization"):
                named.append(m)
        if named:  # "A senior Houthi official, Ali al-Qahoum": the person before their organisation
            return next((m for m in named if m.entity.type == "Person"), named[0])
        roles = self.syn.s.labels("apposition", "name_part", "genitive", "determiner")
        for t in self.syn.walk(tok, roles, 3):
            m = self.syn.index.at(t.i)
            if m is not None and not ((thing or kin) and self.syn.s.has(t, "name_part") and t.i < tok.i):
                if kin and t is not tok and not self.syn.s.has(t, "apposition"):
                    continue
                return m
        return None

    def _kin_after(self, tok: Token, m: Mention) -> bool:
        """Whether a kin noun right after mention ``m`` hangs on its head ``tok``: "[Putins] Tochter"."""
        return any(
            c.i == m.end and c.pos_ == "NOUN" and _is_kin(self.syn.cues.lang, c)
            for c in self.syn.ch(tok, "apposition", "name_part")
        )

    def _possessor_of_noun(self, t: Token, m: Mention) -> bool:
        """Whether conjunct ``t`` names only the possessor of a common noun after it: "Rosario Murillo,
        Ortegas Ehefrau, ..." parsed as a list; the wife is meant, not Ortega."""
        return any(c.i >= m.end and c.pos_ == "NOUN" for c in self.syn.ch(t, "name_part"))

    def entities(self, tok: Token) -> list[Mention]:
        """Mentions of ``tok`` and of every conjunct coordinated with it."""
        out = []
        # Conjuncts hang below the first conjunct (UD) or below the coordinator (TIGER: X cd-> und cj-> Y).
        # Weak parses label the middle of a list "Mali, Burkina Faso and Niger" an apposition: a state
        # in apposition to a state is a conjunct (a person's apposition, "Lavrov, Russia's minister", is not).
        first = self.entity_at(tok)
        labels = self.syn.s.labels("conjunct", "coordinator")
        if first is not None and first.entity.type == "Country":
            labels = labels | self.syn.s.labels("apposition")
        people_list = first is not None and first.entity.type == "Person" and self._is_list(tok)
        if people_list:
            # "warrants for Netanyahu, his former defence minister Yoav Gallant and Hamas commander Mohammed
            # Deif": a weak parse hangs the list's people on each other's titles; in a list (a coordinator
            # in the phrase) every person named in it is a member.
            labels = labels | self.syn.s.labels("apposition", "name_part", "noun_modifier")
        starts = [tok]
        if first is not None:
            # "Guyana's President Irfaan Ali and Venezuelan President Nicolas Maduro": a mention is one phrase,
            # and a conjunct the parse hung on its name rather than on its title is coordinated with it.
            doc = tok.doc
            starts += [t for t in doc[first.start : first.end] if t is not tok and self.syn.s.has(t, "apposition")]
        for t in (w for start in starts for w in self.syn.walk(start, labels, 4)):
            m = self.entity_at(t)
            if m is None or any(m.entity.key == o.entity.key for o in out):
                continue
            if people_list and t is not tok and m.entity.type != "Person":
                continue
            if self.syn.s.has(t, "apposition") and m.entity.type not in ("Country", "Person" if people_list else ""):
                continue
            if t is not tok and self._possessor_of_noun(t, m):
                continue
            out.append(m)
        out += [m for m in self._coordinated_groups(first) if all(m.entity.key != o.entity.key for o in out)]
        if out and all(m.via == "demonym" for m in out):
            # "den Deutsch-Iraner Jamshid Sharmahd", "the Iranian-born activist Narges Mohammadi": a person
            # named in apposition is the one meant; the demonym only describes them.
            # (a name right after the noun is its apposition whatever the parse calls it: "Der Kosovo-Serbe
            # Milan Radoičić" with the name as an unlabelled dependent)
            near = [c for c in self.syn.kids.get(tok.i, ()) if c.i == tok.i + 1]
            people = [m for c in [*self.syn.walk(tok, self.syn.s.labels("apposition", "name_part"), 2), *near]
                      if c is not tok for m in [self.entity_at(c)] if m is not None and m.entity.type == "Person"]
            if people:
                return people[:1]
        return out

    def _coordinated_groups(self, first: Mention | None) -> list[Mention]:
        """The groups of one sector coordinated before a group's own mention ("[Kenyan] and Ugandan officials",
        "[US], British and French troops"): each demonym names its state's group of the same noun."""
        out: list[Mention] = []
        if first is None or first.entity.type != "Group":
            return out
        doc, i = self.syn.span.doc, first.start
        while i >= self.syn.span.start + 2 and (doc[i - 1].pos_ == "CCONJ" or doc[i - 1].text == ","):
            m = self.syn.index.at(i - 2)
            if m is None or m.entity.type != "Group" or m.entity.sector != first.entity.sector:
                break
            out.append(m)
            i = m.start
        return out

    def _is_list(self, tok: Token) -> bool:
        """``tok``'s phrase is a list: a coordinator and a comma inside it, before its last word."""
        words = [t for t in tok.subtree if t.i <= tok.right_edge.i]
        return any(self.syn.s.has(t, "coordinator") for t in words) and any(t.text == "," for t in words)

    def entity_inside(self, tok: Token, demonyms: bool = False) -> Mention | None:
        """The first actor (no place) named in ``tok``'s subtree ("den Geschäftsträger Nordkoreas" -> North Korea).

        A demonym only describes the phrase it modifies ("drei israelische Frauen" are not Israel), unless
        ``demonyms``: for acts against places and things, "struck Iranian nuclear sites" strikes Iran.
        """
        within = self.syn.index.within(tok.left_edge.i, tok.right_edge.i + 1)
        # Places in the phrase are where, not whom ("ports on the Black Sea", "the West African bloc ECOWAS").
        found = [m for m in within if (demonyms or m.via != "demonym") and m.entity.type != "Location"]
        return found[0] if found else None

    def adjacent(self, i: int, step: int) -> Mention | None:
        """The mention right before (step=-1) or after (step=+1) token ``i``, inside the sentence."""
        j = i + step
        if not (self.syn.span.start <= j < self.syn.span.end):
            return None
        m = self.syn.index.at(j)
        return m


@cache
def _kin_nouns(lang: str) -> frozenset[str]:
    """Nouns of kinship (``kin_nouns`` in the language's entity_grammar.toml), lower case."""
    return frozenset(w.lower() for w in get_language(lang).toml("entity_grammar").get("kin_nouns", ()))


def _is_kin(lang: str, tok: Token) -> bool:
    return tok.lemma_.lower() in _kin_nouns(lang) or tok.lower_ in _kin_nouns(lang)
