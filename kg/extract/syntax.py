"""One sentence's parse, read in abstract roles: the syntax relation extraction builds on.

:class:`SentenceSyntax` answers the questions frames are made of - which
children of a verb are its subject, objects, agent, prepositional phrases,
content clause; is it passive, negated, hedged; which entity does a phrase
refer to - in the roles of :mod:`kg.extract.deps`, so the answers are the
same for UD and TIGER parses. It also holds the repairs for weak parses
(several subject labels, a subject only in the German prefield, objects
labelled oblique), each grounded in grammar rather than in one model's
habits. Words come from :class:`~kg.extract.cues.LanguageCues`, entities
from the entity stage's :class:`~kg.extract.mentions.MentionIndex`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from kg.extract.cues import LanguageCues
from kg.extract.deps import Scheme
from kg.extract.mentions import Mention, MentionIndex

#: Verb-like parts of speech a vocabulary verb may carry (weak taggers call participles ADJ).
VERBAL_POS = frozenset({"VERB", "AUX", "ADJ"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})


class SentenceSyntax:
    """Role-level access to one parsed sentence (children indexed once, answers memoised per token)."""

    def __init__(
        self, cues: LanguageCues, scheme: Scheme, index: MentionIndex, span: Span, heads: Sequence[int]
    ) -> None:
        """``heads``: the head index of every token of ``span.doc``, read once per doc (Token.head builds objects)."""
        self.cues = cues
        self.s = scheme
        self.index = index
        self.span = span
        # The sentence's tokens and lower-cased words, created once: spaCy builds a new Token object on
        # every index or iteration, and a sentence is read token by token several times.
        self.tokens: list[Token] = list(span)
        self.words: list[str] = [t.text.lower() for t in self.tokens]
        # Children per token, built once: Token.children creates new objects on every call,
        # and frames ask for children dozens of times per verb.
        self.kids: dict[int, list[Token]] = {}
        for t in self.tokens:
            head = heads[t.i]
            if head != t.i:
                self.kids.setdefault(head, []).append(t)
        self._passive: dict[int, bool] = {}
        self._objects: dict[int, list[Token]] = {}

    # -- roles -----------------------------------------------------------------------

    def ch(self, token: Token, *roles: str) -> list[Token]:
        """Children of ``token`` whose label has one of ``roles``."""
        labels = self.s.labels(*roles)
        return [c for c in self.kids.get(token.i, ()) if c.dep_ in labels]

    def walk(self, token: Token, labels: frozenset[str], depth: int = 4) -> Iterable[Token]:
        """``token`` and its descendants reachable through ``labels``, breadth first."""
        out = [token]
        frontier = [token]
        for _ in range(depth):
            frontier = [c for t in frontier for c in self.kids.get(t.i, ()) if c.dep_ in labels]
            if not frontier:
                break
            out += frontier
        return out

    def _chain_up(self, v: Token, conjuncts: bool = True) -> list[Token]:
        """Verbs above ``v`` that share its subject: xcomp/conjoined verbs, TIGER auxiliaries heading ``oc``.

        ``conjuncts=False`` stops at a coordination: a conjoined verb shares the subject but not the
        auxiliaries, negation or modality ("was not enough and would keep blocking").
        """
        out = []
        cur = v
        for _ in range(4):
            head = cur.head
            if head.i == cur.i or not (self.span.start <= head.i < self.span.end):
                break
            shares_subject = (
                (self.s.has(cur, "open_complement") and not self._has_marker(cur))
                or (conjuncts and self.s.has(cur, "conjunct") and head.pos_ in VERBAL_POS)
                or (self.s.aux_heads_verb and self.s.has(cur, "clausal_complement") and head.pos_ == "AUX")
                # "..., accusing Washington of ...": a participial adverbial clause shares its head's subject.
                or (self.s.has(cur, "adverbial_clause") and not self._has_marker(cur) and self._participle(cur))
            )
            if not shares_subject:
                break
            out.append(head)
            cur = head
        return out

    @staticmethod
    def _participle(v: Token) -> bool:
        """A participle or gerund ("accusing", "citing"): by morphology, or by the Penn tag where there is none."""
        return bool({"Ger", "Part"} & set(v.morph.get("VerbForm"))) or v.tag_ in ("VBG", "VBN")

    def _has_marker(self, v: Token) -> bool:
        return any(c.text.lower() in self.cues.complementizers for c in self.ch(v, "marker"))

    def _auxiliaries(self, v: Token) -> list[Token]:
        auxes = self.ch(v, "auxiliary", "passive_auxiliary")
        auxes += [t for t in self._chain_up(v, conjuncts=False) if t.pos_ == "AUX"]
        return auxes

    def _is_passive(self, v: Token) -> bool:
        """Passive voice: a passive subject, or a passive auxiliary of the language ("werden", "be")."""
        cached = self._passive.get(v.i)
        if cached is None:
            cached = self._passive[v.i] = self._read_passive(v)
        return cached

    def _read_passive(self, v: Token) -> bool:
        if self.ch(v, "passive_subject"):
            return True
        aux = self.cues.passive_auxiliaries
        if any(t.lemma_.lower() in aux for t in self.ch(v, "passive_auxiliary")):
            return True
        if self.s.aux_heads_verb and "Part" in v.morph.get("VerbForm"):
            return any(t.lemma_.lower() in aux for t in self._chain_up(v) if t.pos_ == "AUX")
        return False

    def _split_subjects(self, v: Token) -> tuple[list[Token], list[Token]]:
        """Subject-labelled children of ``v`` as (subjects, misattached objects).

        A verb has one subject (coordination hangs below it); several subject
        labels mean a parse went wrong. Then the subject is the one that is an
        actor, in the nominative if the morphology says so, closest before the
        verb ("Russland wies die Vorwürfe zurück", "the news agency KCNA
        accused ..."); subject-labelled phrases after it are objects.
        """
        subj = self.ch(v, "subject")
        if len(subj) < 2:
            return subj, []
        # Position and case decide, not which phrase happens to be a known actor: in "Die Außenministerin
        # hat Serbien davor gewarnt" or "sagte er der Agentur Interfax" the actor phrase is the object, and
        # taking it as the subject would invert the sentence. An unresolved subject gives no triple.
        pool = [t for t in subj if not t.morph.get("Case") or "Nom" in t.morph.get("Case")] or subj
        # The subject stands before the finite verb: "Die Philippinen haben China vorgeworfen" (China, in the
        # middle field after "haben", is the object the weak parse also labelled subject).
        finite = [a.i for a in self.ch(v, "auxiliary") if a.i < v.i]
        anchor = min(finite) if finite and any(t.i < min(finite) for t in pool) else v.i
        before = [t for t in pool if t.i < anchor]
        chosen = before[-1] if before else pool[0]
        return [chosen], [t for t in subj if t.i > chosen.i]

    def _prefield(self, v: Token) -> Mention | None:
        """The entity right before ``v`` when the parse gives ``v`` no entity subject in front of it.

        German and English main clauses put the subject before the finite verb
        (the German "Vorfeld"); a weak parse that labels the object after the
        verb as subject ("Moskau bestritt jede Beteiligung") is read that way.
        """
        if self._is_passive(v):
            return None
        subj = self.ch(v, "subject")
        if any(t.i < v.i for t in subj) or any(self._entity_at(t) for t in subj):
            return None
        # The entity right before the verb, or before its finite auxiliary ("Pakistan habe ... angegriffen").
        for i in [v.i, *(a.i for a in self._auxiliaries(v) if a.i < v.i)]:
            m = self._adjacent(i, -1)
            # A subject never comes with a preposition: "Laut ... Interfax warnte ..." is not Interfax warning.
            if m is not None and not self._prepositional(self.span.doc[i - 1]):
                return m
        return None

    def _prepositional(self, tok: Token) -> bool:
        """Whether ``tok``'s phrase is governed by a preposition (in either attachment style).

        A noun attached to another noun ("Nach Angaben des philippinischen Militärs": Militärs under
        Angaben) is inside that noun's prepositional phrase too.
        """
        labels = self.s.labels("apposition", "name_part", "conjunct", "coordinator", "genitive", "oblique")
        for _ in range(6):
            if tok.dep_ not in labels or tok.head.i == tok.i:
                break
            if self.s.has(tok, "oblique") and tok.head.pos_ not in NOMINAL_POS:
                break  # an oblique of the verb itself: its own case marker decides
            tok = tok.head
        return bool(self.ch(tok, "case")) or (tok.head.pos_ == "ADP" and tok.head.i != tok.i)

    def _bare_obliques(self, v: Token) -> list[Token]:
        """Nominal dependents without a preposition that a parse labelled oblique: objects in all but name.

        A determiner labelled as case marker ("keinerlei Unterstützung" parsed as ``case`` + ``obl``)
        is no preposition.
        """
        return [
            c
            for c in self.ch(v, "oblique")
            if c.pos_ in ("NOUN", "PROPN")
            and not any(
                k.pos_ not in ("DET", "PRON") and not self.cues.compares_quantity(k) for k in self.ch(c, "case")
            )
            and not self.s.has(c, "temporal")
        ]

    def _marked_objects(self, v: Token) -> list[Token]:
        """An object the parse lost, found by its determiner's case ("bestellte am selben Tag den
        Geschäftsträger ein"): the first such phrase after ``v`` and before its particle or the next verb,
        not governed by a preposition. Only for languages whose data names such determiners."""
        marks = self.cues.object_determiners
        if not marks:
            return []
        doc = self.span.doc
        stop = min([p.i for p in self.ch(v, "particle") if p.i > v.i] or [self.span.end])
        for i in range(v.i + 1, stop):
            t = doc[i]
            if t.pos_ in ("VERB", "AUX") or t.text == ",":
                return []
            if t.pos_ != "DET" or t.lower_ not in marks or (i > 0 and doc[i - 1].pos_ == "ADP"):
                continue
            head = t.head
            if head.pos_ in NOMINAL_POS and head.i > t.i and not any(c.pos_ == "ADP" for c in self.ch(head, "case")):
                return [head]
        return []

    def _object_tokens(self, v: Token) -> list[Token]:
        cached = self._objects.get(v.i)
        if cached is None:
            cached = self._objects[v.i] = self._read_objects(v)
        return list(cached)

    def _read_objects(self, v: Token) -> list[Token]:
        objs = self.ch(v, "object") + self._split_subjects(v)[1]
        if not objs:
            objs = self._bare_obliques(v)
        if not objs:
            objs = self._marked_objects(v)
        if self._prefield(v) is not None:
            objs += [t for t in self.ch(v, "subject") if t.i > v.i and t not in objs]
        if self._is_passive(v):
            objs += self.ch(v, "passive_subject")
            if self.s.aux_heads_verb:
                for u in self._chain_up(v):
                    objs += self.ch(u, "subject")
        # "verurteilte das Manöver als Provokation", "wies die Vorwürfe als unbegründet zurück": a
        # predicative "als"/"as" phrase says what the object is called; it is never the object.
        objs = [o for o in objs if not self.cues.predicative_phrase(self.span.doc, o)]
        out = []
        for o in objs:
            out.append(o)
            out += [
                c
                for c in self.walk(o, self.s.labels("conjunct", "coordinator"), 4)
                if c is not o and c.pos_ in NOMINAL_POS
            ]
        return out

    def _subject_tokens(self, v: Token) -> tuple[list[Token], bool]:
        """Subject heads of ``v`` (logical subject: the agent in the passive) and whether they were inherited."""
        if self._is_passive(v):
            return self._agents(v), False
        subj = self._split_subjects(v)[0]
        if subj and self._relative(v) and all(t.lower_ in self.cues.relative_pronouns for t in subj):
            return [self._antecedent(v)], True  # "Russia, which has sent ...": the noun the clause modifies
        if subj:
            return subj, False
        controller = self._controller(v)
        if controller is not None:
            return [controller], True
        for aux in self.ch(v, "auxiliary"):
            subj = self.ch(aux, "subject")
            if subj:
                return subj, False
        for head in self._chain_up(v):
            subj = self._split_subjects(head)[0]
            for aux in self.ch(head, "auxiliary"):
                subj += self.ch(aux, "subject")
            if subj:
                return subj, True
        # A relative clause: "das Land, das ... angriff": the subject is the noun the clause modifies.
        if self._relative(v):
            return [self._antecedent(v)], True
        return [], False

    def _relative(self, v: Token) -> bool:
        """Whether ``v`` heads a relative clause on a noun."""
        return self.s.has(v, "relative_clause") and v.head.pos_ in NOMINAL_POS

    def _antecedent(self, v: Token) -> Token:
        """The noun a relative clause stands for: the named head of an apposition it sits on
        ("James O'Brien, a senior US diplomat who was visiting ...": O'Brien), else the noun it modifies."""
        noun = v.head
        if self.s.has(noun, "apposition") and noun.head.pos_ in NOMINAL_POS and noun.head.i != noun.i:
            return noun.head
        return noun

    def _controller(self, v: Token) -> Token | None:
        """Object control: "quoted Austin as saying", "forderte Russland auf, ... abzuziehen".

        A subjectless complement of a verb that has an object takes that object as its subject.
        """
        head = v.head
        if head.pos_ == "ADP" and head.head.pos_ in VERBAL_POS:
            head = head.head
        elif not self.s.has(v, "open_complement", "adverbial_clause") or self._has_marker(v):
            return None
        if self.s.has(v, "adverbial_clause") and self._participle(v) and not self.s.has(v, "open_complement"):
            return None  # "..., killing five": subject control (see _chain_up), not the head's object
        if head.i == v.i:
            return None
        objs = self.ch(head, "object", "indirect_object") + self._split_subjects(head)[1]
        return next((o for o in objs if self._entity_at(o) is not None), None)

    def _agents(self, v: Token) -> list[Token]:
        out = []
        for a in self.ch(v, "agent"):
            if a.pos_ == "ADP":
                out += [n for n in self.ch(a, "prepositional_object") if n.pos_ in NOMINAL_POS]
            else:
                out.append(a)
        if not out:
            # Schemes or parses without an agent label: a "von"/"by" phrase of a passive verb.
            out = [n for prep, n in self._prep_args(v) if prep in self.cues.agent_prepositions]
        return out

    def _prep_args(self, v: Token) -> list[tuple[str, Token]]:
        """``(preposition, noun)`` pairs of ``v``'s prepositional dependents, in either attachment style."""
        out = []
        # ClearNLP labels "to X" after a transfer verb `dative`, like a bare indirect object.
        datives = [c for c in self.ch(v, "indirect_object") if c.pos_ == "ADP"]
        for c in self.ch(v, "oblique") + datives:
            if c.pos_ == "ADP":
                out += [(c.text.lower(), n) for n in self.ch(c, "prepositional_object") if n.pos_ in NOMINAL_POS]
            else:
                case = self.ch(c, "case")
                out.append((case[0].text.lower() if case else "", c))
        return out

    # -- entities --------------------------------------------------------------------

    def _entity_at(self, tok: Token) -> Mention | None:
        """The mention a phrase head refers to: at the head, or in its appositions, name parts, genitives."""
        if self.index.at(tok.i) is None and tok.lower_ in self.cues.quantity_nouns:
            # "Thousands of protesters", "Hunderte Demonstranten": the quantity's noun is the actor.
            for c in self.kids.get(tok.i, ()):
                for n in [c, *self.kids.get(c.i, ())]:
                    if n.i > tok.i and self.index.at(n.i) is not None:
                        return self.index.at(n.i)
        # A named person or organisation in apposition beats the state of a genitive: "Sudan's army chief,
        # General Abdel Fattah al-Burhan, said" is al-Burhan speaking, "Israel's Magen David Adom emergency
        # service said" the service, not the state.
        named = []
        for t in self.walk(tok, self.s.labels("apposition", "name_part"), 2):
            m = self.index.at(t.i)
            if m is not None and t is tok:
                return m
            if m is not None and m.entity.type in ("Person", "Organization"):
                named.append(m)
        if named:  # "A senior Houthi official, Ali al-Qahoum": the person before their organisation
            return next((m for m in named if m.entity.type == "Person"), named[0])
        roles = self.s.labels("apposition", "name_part", "genitive", "determiner")
        for t in self.walk(tok, roles, 3):
            m = self.index.at(t.i)
            if m is not None:
                return m
        return None

    def _entities(self, tok: Token) -> list[Mention]:
        """Mentions of ``tok`` and of every conjunct coordinated with it."""
        out = []
        # Conjuncts hang below the first conjunct (UD) or below the coordinator (TIGER: X cd-> und cj-> Y).
        # Weak parses label the middle of a list "Mali, Burkina Faso and Niger" an apposition: a state
        # in apposition to a state is a conjunct (a person's apposition, "Lavrov, Russia's minister", is not).
        first = self._entity_at(tok)
        labels = self.s.labels("conjunct", "coordinator")
        if first is not None and first.entity.type == "Country":
            labels = labels | self.s.labels("apposition")
        for t in self.walk(tok, labels, 4):
            m = self._entity_at(t)
            if m is None or any(m.entity.key == o.entity.key for o in out):
                continue
            if self.s.has(t, "apposition") and m.entity.type != "Country":
                continue
            out.append(m)
        return out

    def _entity_inside(self, tok: Token, demonyms: bool = False) -> Mention | None:
        """The first actor (no place) named in ``tok``'s subtree ("den Geschäftsträger Nordkoreas" -> North Korea).

        A demonym only describes the phrase it modifies ("drei israelische Frauen" are not Israel), unless
        ``demonyms``: for acts against places and things, "struck Iranian nuclear sites" strikes Iran.
        """
        within = self.index.within(tok.left_edge.i, tok.right_edge.i + 1)
        # Places in the phrase are where, not whom ("ports on the Black Sea", "the West African bloc ECOWAS").
        found = [m for m in within if (demonyms or m.via != "demonym") and m.entity.type != "Location"]
        return found[0] if found else None

    def _adjacent(self, i: int, step: int) -> Mention | None:
        """The mention right before (step=-1) or after (step=+1) token ``i``, inside the sentence."""
        j = i + step
        if not (self.span.start <= j < self.span.end):
            return None
        m = self.index.at(j)
        return m

    # -- polarity and hedging --------------------------------------------------------

    def _negated(self, v: Token, objects: list[Token] = ()) -> bool:
        scope = [v, *self._auxiliaries(v)]
        for t in scope:
            for c in t.children:
                if self.s.has(c, "negation") or (self.cues.is_negation(c) and c.pos_ not in NOMINAL_POS):
                    return True
        # "keine Truppen schicken", "sent no troops": a negative determiner on the object.
        return any(self.cues.is_negation(d) for o in objects for d in o.children if d.i < o.i)

    def _hedged(self, v: Token) -> bool:
        for t in [v, *self._auxiliaries(v)]:
            if self.cues.is_hedge(t) and t is not v:
                return True
            if any(self.cues.is_hedge(c) for c in t.children):
                return True
        return False


def is_punct(token: Token) -> bool:
    """Punctuation by tag or by lexeme (hand-built Docs have tags but no lexical attributes)."""
    return token.pos_ == "PUNCT" or token.is_punct
