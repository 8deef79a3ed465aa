"""A verb's arguments: its subject, objects, agent and prepositional phrases, repaired for weak parses.

The answers are in the roles of :mod:`kg.extract.deps`, so the same for UD and TIGER parses, and
they hold the repairs for weak parses (several subject labels, a subject only in the German
prefield, objects labelled oblique), each grounded in grammar rather than in one model's habits.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lost_objects import marked_objects, raised_objects
from kg.extract.mentions import Mention
from kg.extract.phrase_entities import PhraseEntities
from kg.extract.syntax import NOMINAL_POS, VERBAL_POS, SentenceSyntax, finite, is_punct, oblique


class VerbArguments:
    """The arguments of the verbs of one sentence (objects memoised per verb)."""

    def __init__(self, syn: SentenceSyntax, refs: PhraseEntities) -> None:
        self.syn = syn
        self.refs = refs
        self._objects: dict[int, list[Token]] = {}

    def split_subjects(self, v: Token) -> tuple[list[Token], list[Token]]:
        """Subject-labelled children of ``v`` as (subjects, misattached objects).

        A verb has one subject (coordination hangs below it); several subject labels mean a parse went wrong.
        Then the subject is the one that is an actor, in the nominative if the morphology says so, closest
        before the verb ("Russland wies die Vorwürfe zurück", "the news agency KCNA accused ..."); subject-
        labelled phrases after it are objects.
        """
        subj = self.syn.ch(v, "subject")
        if len(subj) == 1 and subj[0].i > v.i and _prefield_subject(self, v):
            # "Estlands Regierungschef Kristen Michal forderte die EU auf": a bare actor phrase filling the
            # prefield of a verb-second clause is its subject, the phrase after the verb the object.
            return [], subj
        if len(subj) == 1 and subj[0].i > v.i and _shares_subject(self.syn, v, subj[0]):
            # "und warf der Bundesregierung vor", "und warf Washington vor": the parse labelled an object of a
            # coordinated verb its subject; the subject is the first conjunct's.
            return [], subj
        fronted = [c for c in self.syn.ch(v, "clausal_complement") if c.i < v.i]
        if fronted and (speaker := _speaker_after(self.syn, v, subj)) is not None:
            return [speaker], []
        if len(subj) < 2:
            return subj, []
        after = [t for t in subj if t.i > v.i]
        if self.syn.cues.verb_second and fronted and after:
            # "Tunesien nehme keine Almosen an, sagte Saied": the fronted content fills the prefield, so the
            # subject follows the verb; a subject label before the content belongs to the content's verb.
            return after[:1], []
        # Position and case decide, not which phrase happens to be a known actor: in "Die Außenministerin
        # hat Serbien davor gewarnt" or "sagte er der Agentur Interfax" the actor phrase is the object, and
        # taking it as the subject would invert the sentence. An unresolved subject gives no triple.
        pool = [t for t in subj if not t.morph.get("Case") or "Nom" in t.morph.get("Case")] or subj
        # The subject stands before the finite verb: "Die Philippinen haben China vorgeworfen" (China, in the
        # middle field after "haben", is the object the weak parse also labelled subject).
        finite = [a.i for a in self.syn.ch(v, "auxiliary") if a.i < v.i]
        anchor = min(finite) if finite and any(t.i < min(finite) for t in pool) else v.i
        before = [t for t in pool if t.i < anchor]
        chosen = before[-1] if before else pool[0]
        return [chosen], [t for t in subj if t.i > chosen.i]

    def prefield(self, v: Token) -> Mention | None:
        """The entity right before ``v`` when the parse gives ``v`` no entity subject in front of it.

        German and English main clauses put the subject before the finite verb
        (the German "Vorfeld"); a weak parse that labels the object after the
        verb as subject ("Moskau bestritt jede Beteiligung") is read that way.
        """
        if self.syn.is_passive(v):
            return None
        subj = self.syn.ch(v, "subject")
        if any(t.i < v.i for t in subj):
            return None
        if any(self.refs.entity_at(t) for t in subj) and not _prefield_subject(self, v):
            return None
        # The entity right before the verb, or before its finite auxiliary ("Pakistan habe ... angegriffen");
        # with an auxiliary before it, only there: what stands right before a participle is in the middle
        # field ("sollen Milizen ... Zivilisten getötet haben": the victims).
        before = [a.i for a in self.syn.auxiliaries(v) if a.i < v.i]
        for i in before or [v.i]:
            m = self.refs.adjacent(i, -1)
            # A subject never comes with a preposition ("Laut ... Interfax warnte ..." is not Interfax warning)
            # nor with an article of another case ("und dem Andenstaat vorgeworfen": the accused, a dative).
            if m is not None and not self.prepositional(self.syn.span.doc[i - 1]) and not oblique(self.syn, m):
                return m
        return None

    def prepositional(self, tok: Token) -> bool:
        """Whether ``tok``'s phrase is governed by a preposition (in either attachment style).

        A noun attached to another noun ("Nach Angaben des philippinischen Militärs": Militärs under
        Angaben) is inside that noun's prepositional phrase too.
        """
        labels = self.syn.s.labels("apposition", "name_part", "conjunct", "coordinator", "genitive", "oblique")
        for _ in range(6):
            if tok.dep_ not in labels or tok.head.i == tok.i:
                break
            if self.syn.s.has(tok, "oblique") and tok.head.pos_ not in NOMINAL_POS:
                break  # an oblique of the verb itself: its own case marker decides
            tok = tok.head
        return bool(self.syn.ch(tok, "case")) or (tok.head.pos_ == "ADP" and tok.head.i != tok.i)

    def bare_obliques(self, v: Token) -> list[Token]:
        """Nominal dependents without a preposition that a parse labelled oblique: objects in all but name.

        A determiner labelled as case marker ("keinerlei Unterstützung" parsed as ``case`` + ``obl``)
        is no preposition.
        """
        return [
            c
            for c in self.syn.ch(v, "oblique")
            if c.pos_ in ("NOUN", "PROPN", "PRON")
            and not any(
                k.pos_ not in ("DET", "PRON") and not self.syn.cues.compares_quantity(k) for k in self.syn.ch(c, "case")
            )
            # (a phrase of time is no object: "jeden Tag"; but a weak parse also labels "die Macht" temporal)
            and not (self.syn.s.has(c, "temporal") and _of_time(self.syn, c, v))
            # (nor a noun of a postposition: "[Einem Bericht der UN] zufolge")
            and self.syn.span.doc[c.right_edge.i].pos_ != "ADP"
        ]

    def object_tokens(self, v: Token) -> list[Token]:
        cached = self._objects.get(v.i)
        if cached is None:
            cached = self._objects[v.i] = self._read_objects(v)
        return list(cached)

    def _read_objects(self, v: Token) -> list[Token]:
        objs = [o for o in self.syn.ch(v, "object") if not _in_complement(self.syn, v, o)] + self.split_subjects(v)[1]
        causer = causative_head(self.syn, v)
        if causer is not None:
            # "ließ Hunderte Oppositionelle verhaften", "ließ die Truppen verlegen": the causer's other noun
            # phrases before the verb are its objects, whatever the weak parse labelled them.
            doer = set(self.split_subjects(causer)[0])
            objs += [c for c in self.syn.kids.get(causer.i, ()) if c.i < v.i and c not in doer
                     and c.pos_ in NOMINAL_POS and not self.syn.ch(c, "case")]  # fmt: skip
        if not objs:
            # "hat nach eigenen Angaben Ziele der Hisbollah angegriffen": a weak parse hangs the object on the
            # attribution phrase before it, as an apposition of "Angaben".
            sources = self.syn.cues.source_nouns
            objs = [a for c in self.syn.ch(v, "oblique") if c.lemma_.lower() in sources or c.lower_ in sources
                    for a in self.syn.ch(c, "apposition") if a.pos_ in NOMINAL_POS and a.i < v.i]  # fmt: skip
        if not objs:
            objs = self.bare_obliques(v)
        if not objs:
            objs = marked_objects(self.syn, v) or raised_objects(self, v)
        if self.prefield(v) is not None:
            objs += [t for t in self.syn.ch(v, "subject") if t.i > v.i and t not in objs]
        if self.syn.is_passive(v):
            objs += _passive_objects(self, v)
        # "verurteilte das Manöver als Provokation", "wies die Vorwürfe als unbegründet zurück": a
        # predicative "als"/"as" phrase says what the object is called; it is never the object.
        objs = [o for o in objs if not self.syn.cues.predicative_phrase(self.syn.span.doc, o)]
        # "hat sich entschuldigt", "defended themselves": a reflexive pronoun is part of the verb.
        objs = [o for o in objs if "Yes" not in o.morph.get("Reflex")]
        # "a 20% tariff that Trump imposed on China": a relative pronoun object stands for the noun the
        # clause modifies.
        if self.relative(v):
            relatives = self.syn.cues.relative_pronouns
            objs = [self.antecedent(v) if o.lower_ in relatives and o.pos_ in ("PRON", "DET") else o for o in objs]
        out = []
        for o in objs:
            out.append(o)
            out += [
                c
                for c in self.syn.walk(o, self.syn.s.labels("conjunct", "coordinator"), 4)
                if c is not o and c.pos_ in NOMINAL_POS
            ]
        return out

    def subject_tokens(self, v: Token) -> tuple[list[Token], bool]:
        """Subject heads of ``v`` (logical subject: the agent in the passive) and whether they were inherited."""
        if self.syn.is_passive(v):
            return self.agents(v), False
        causer = causative_head(self.syn, v)
        if causer is not None:
            # The one who has it done is the doer; the other phrases of "lassen" are what is done to.
            return self.split_subjects(causer)[0], True
        subj = self.split_subjects(v)[0]
        if subj and self.relative(v) and all(t.lower_ in self.syn.cues.relative_pronouns for t in subj):
            return [self.antecedent(v)], True  # "Russia, which has sent ...": the noun the clause modifies
        if subj:
            return subj, False
        controller = self.controller(v)
        if controller is not None:
            return [controller], True
        for aux in self.syn.ch(v, "auxiliary"):
            subj = self.syn.ch(aux, "subject")
            if subj:
                return subj, False
        for head in self.syn.chain_up(v):
            subj = self.split_subjects(head)[0]
            for aux in self.syn.ch(head, "auxiliary"):
                subj += self.syn.ch(aux, "subject")
            subj = subj or _prefield_token(self, head)
            if subj:
                return subj, True
        # A relative clause: "das Land, das ... angriff": the subject is the noun the clause modifies.
        if self.relative(v):
            return [self.antecedent(v)], True
        return [], False

    def relative(self, v: Token) -> bool:
        """Whether ``v`` heads a relative clause on a noun."""
        return self.syn.s.has(v, "relative_clause") and v.head.pos_ in NOMINAL_POS

    def antecedent(self, v: Token) -> Token:
        """The noun a relative clause stands for: the named head of an apposition it sits on
        ("James O'Brien, a senior US diplomat who was visiting ...": O'Brien), else the noun it modifies."""
        noun = v.head
        if self.syn.s.has(noun, "apposition") and noun.head.pos_ in NOMINAL_POS and noun.head.i != noun.i:
            return noun.head
        return noun

    def controller(self, v: Token) -> Token | None:
        """Object control: "quoted Austin as saying", "forderte Russland auf, ... abzuziehen".

        A subjectless complement of a verb that has an object takes that object as its subject.
        """
        head = v.head
        if head.pos_ == "ADP" and head.head.pos_ in VERBAL_POS:
            head = head.head
        elif not self.syn.s.has(v, "open_complement", "adverbial_clause") or self.syn.has_marker(v):
            return None
        if (
            self.syn.s.has(v, "adverbial_clause")
            and self.syn.participle(v)
            and not self.syn.s.has(v, "open_complement")
        ):
            return None  # "..., killing five": subject control (see SentenceSyntax.chain_up), not the head's object
        if head.i == v.i:
            return None
        objs = self.syn.ch(head, "object", "indirect_object") + self.split_subjects(head)[1]
        return next((o for o in objs if self.refs.entity_at(o) is not None), None)

    def agents(self, v: Token) -> list[Token]:
        out = []
        for a in self.syn.ch(v, "agent"):
            if a.pos_ == "ADP":
                out += [n for n in self.syn.ch(a, "prepositional_object") if n.pos_ in NOMINAL_POS]
            else:
                out.append(a)
        if not out:
            # Schemes or parses without an agent label: a "von"/"by" phrase of a passive verb.
            out = [n for prep, n in self.prep_args(v) if prep in self.syn.cues.agent_prepositions]
        return out

    def prep_args(self, v: Token) -> list[tuple[str, Token]]:
        """``(preposition, noun)`` pairs of ``v``'s prepositional dependents, in either attachment style."""
        out = []
        # ClearNLP labels "to X" after a transfer verb `dative`, like a bare indirect object.
        datives = [c for c in self.syn.ch(v, "indirect_object") if c.pos_ == "ADP"]
        for c in self.syn.ch(v, "oblique") + datives:
            if c.pos_ == "ADP":
                out += [(c.text.lower(), n) for n in self.syn.ch(c, "prepositional_object") if n.pos_ in NOMINAL_POS]
                # "pulled its troops out of Niger": a two-word preposition, the second hanging on the first.
                out += [(f"{c.text.lower()} {c2.text.lower()}", n) for c2 in self.syn.ch(c, "oblique")
                        if c2.pos_ == "ADP" and c2.i == c.i + 1
                        for n in self.syn.ch(c2, "prepositional_object") if n.pos_ in NOMINAL_POS]  # fmt: skip
            else:
                case = self.syn.ch(c, "case")
                out.append((case[0].text.lower() if case else "", c))
        return out


def _prefield_token(args: VerbArguments, v: Token) -> list[Token]:
    """The prefield actor of ``v`` as a subject token, if it has one ("Olaf Scholz verteidigte die Lieferung
    und sagte, ...": a conjunct without a subject takes it)."""
    m = args.refs.adjacent(v.i, -1) if _prefield_subject(args, v) else None
    return [_coordination_start(args.syn, args.syn.span.doc[m.end - 1])] if m is not None else []


def prefield_mentions(args: VerbArguments, v: Token) -> list[Mention]:
    """The prefield entity of ``v`` (:meth:`VerbArguments.prefield`) with the entities coordinated with it
    ("Die ... Nachbarländer Mali und Burkina Faso warnten": both)."""
    second = args.syn.s.has(v, "conjunct") and v.head.i < v.i and v.head.pos_ in VERBAL_POS
    # "Venezuela bestreitet jede Einmischung und hat mit Sanktionen gedroht": a second verb without a subject
    # of its own shares the first one's prefield, and only that
    m = args.prefield(v.head if second and not args.syn.ch(v, "subject") else v)
    if m is None:
        return []
    coordinated = args.refs.entities(_coordination_start(args.syn, args.syn.span.doc[m.end - 1]))
    return coordinated if any(c.entity.key == m.entity.key for c in coordinated) else [m]


def _coordination_start(syn: SentenceSyntax, tok: Token) -> Token:
    """The first conjunct of the coordination ``tok`` closes ("Mali und [Burkina Faso]")."""
    while syn.s.has(tok, "conjunct") and syn.span.start <= tok.head.i < tok.i:
        tok = tok.head
    return tok


def _speaker_after(syn: SentenceSyntax, v: Token, subj: list[Token]) -> Token | None:
    """The bare noun phrase right after a verb-second speech verb that follows its fronted content after a comma.

    "Tunesien nehme keine Almosen an, sagte Präsident Saied": the content fills the prefield, so a subject
    label inside it is the content's; the speaker follows the verb, whatever the parse labelled it.
    """
    doc = v.doc
    if not syn.cues.verb_second or not subj or any(t.i > v.i for t in subj):
        return None
    if v.i == 0 or doc[v.i - 1].text not in (",", "“", "”", '"', "»", "«"):
        return None
    after = [c for c in syn.kids.get(v.i, ()) if c.i > v.i and c.pos_ in NOMINAL_POS and not syn.ch(c, "case")]
    return after[0] if after and after[0].i <= v.i + 3 else None


#: Parts of speech an extended attribute holds besides nouns and adjectives ("die [ebenfalls von Militärs
#: regierten] Nachbarländer").
_ATTRIBUTE_POS = frozenset({"ADV", "ADP", "VERB", "NUM", "PART"})


def _prefield_subject(args: VerbArguments, v: Token) -> bool:
    """Whether, in a verb-second language (``verb_second`` in the language's verbs data), an actor phrase
    without preposition or oblique article is the whole prefield of finite ``v``: it starts the sentence
    and ends right before ``v`` ("Kristen Michal forderte die EU auf"). Then it is the subject, even where
    the parse labelled the phrase after the verb so ("Die EU forderte Michal" would need "den"/"dem")."""
    syn = args.syn
    if not syn.cues.verb_second or not finite(v):
        return False
    m = args.refs.adjacent(v.i, -1)
    if m is None or m.entity.type in ("Location", "Event"):
        return False
    doc = syn.span.doc
    # ("Estlands Regierungschef Kristen Michal": only words of the noun phrase before the mention; "Die
    # ebenfalls von Militärs regierten Nachbarländer Mali und ...": an extended attribute between the article
    # and its noun is part of it, whatever the tagger made of its participle)
    before = list(doc[syn.span.start : m.start])
    odd = [i for i, t in enumerate(before) if t.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "CCONJ")]
    attribute = bool(odd) and before[0].pos_ == "DET" and any(t.pos_ in ("NOUN", "PROPN") for t in before[odd[-1]:])
    if odd and not (attribute and all(before[i].pos_ in _ATTRIBUTE_POS for i in odd)):
        return False
    last = doc[v.i - 1]
    if args.prepositional(last) or doc[m.start].lower_ in syn.cues.oblique_articles:
        return False
    return not syn.cues.not_nominative(last, syn.s.labels("determiner"))


def _shares_subject(syn: SentenceSyntax, v: Token, after: Token) -> bool:
    """Whether ``v``, coordinated with a verb that has a subject, shares that subject, so that the phrase
    ``after`` it is an object: the verb comes right after its conjunction ("..., und warf Washington
    vor": a verb first in its conjunct leaves the subject out), or the phrase's article is no
    nominative's ("und warf dann der Bundesregierung vor")."""
    if not syn.s.has(v, "conjunct") or not syn.ch(v.head, "subject"):
        return False
    doc = syn.span.doc
    before = next((t for t in reversed(doc[syn.span.start : v.i]) if not is_punct(t)), None)
    if before is not None and syn.s.has(before, "coordinator") and before.head.i == v.i:
        return True
    return syn.cues.not_nominative(after, syn.s.labels("determiner"))


def _in_complement(syn: SentenceSyntax, v: Token, o: Token) -> bool:
    """Whether object ``o`` of ``v`` lies in ``v``'s infinitive or clause after the comma: "warf der SPD
    vor, mit der Agenda ihre Wurzeln verraten zu haben" (a weak parse hangs "Wurzeln" on "warf")."""
    doc = syn.span.doc
    comma = next((t.i for t in doc[v.i + 1 : o.i] if t.text == ","), None)
    if comma is None:
        return False
    return any(c.i > o.i for c in syn.ch(v, "open_complement", "clausal_complement"))


def causative_head(syn: SentenceSyntax, v: Token) -> Token | None:
    """The causative verb ``v`` completes ("Lukaschenko ließ Oppositionelle verhaften": "ließ")."""
    head = v.head
    if head.i != v.i and syn.s.has(v, "open_complement") and head.lemma_.lower() in syn.cues.causatives:
        return head
    return None


def _passive_objects(args: VerbArguments, v: Token) -> list[Token]:
    """What a passive verb is done to: its passive subject, the subject of a TIGER auxiliary chain above
    it, or the noun a reduced relative modifies ("diplomats expelled by Poland")."""
    syn = args.syn
    objs = syn.ch(v, "passive_subject")
    if args.relative(v) and not syn.ch(v, "passive_subject", "subject"):
        objs.append(args.antecedent(v))
    if syn.s.aux_heads_verb:
        objs += [s for u in syn.chain_up(v) for s in syn.ch(u, "subject")]
    return objs


def _of_time(syn: SentenceSyntax, c: Token, v: Token) -> bool:
    """Whether the phrase of ``c`` says when or how long: a time noun or a number in it ("letzte Woche"), or it
    stands before the clause's finite verb (there it may be the subject: "Ministerpräsident X lehnte ... ab")."""
    times = syn.cues.time_nouns
    if c.i < min([v.i, *(a.i for a in syn.auxiliaries(v))]):
        return True
    return any(t.lower_ in times or t.lemma_.lower() in times or t.like_num for t in c.subtree)
