"""The word-level knowledge relation extraction needs for one language, read from ``kg/lang/<code>/``.

Hedges, negation words, complementizers, attribution cues, verb forms the
lemmatizer may miss, and how separable particles join their verb. Loaded
once per language; the algorithms in :mod:`kg.extract.relations` only ever
see this object, never a literal word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token

from kg.lang import get_language
from kg.predicate_lexicon import PredicateLexicon, lexicon
from kg.predicates import Predicate


@dataclass(frozen=True)
class AttributionCue:
    """A phrase naming a content's source: "laut X", "according to X", "X zufolge"."""

    words: tuple[str, ...]
    source: str  # "after": the source follows the cue; "before": it precedes it
    predicate: str
    #: False for cues a speaker uses ("X reported, citing Y, that ..."): with a speech verb in the
    #: sentence, the verb's subject is the source and the cue names only where it got it
    with_speech: bool = True


@dataclass(frozen=True)
class LanguageCues:
    lang: str
    lexicon: PredicateLexicon
    hedges: frozenset[str]
    negations: frozenset[str]
    complementizers: frozenset[str]
    cues: tuple[AttributionCue, ...]
    source_nouns: frozenset[str]
    quote_markers: tuple[tuple[str, ...], ...]
    verb_forms: dict[str, str]
    particle_join: str
    passive_auxiliaries: frozenset[str]
    agent_prepositions: frozenset[str]
    inflections: tuple[tuple[str, str], ...] = ()
    participle_prefixes: tuple[str, ...] = ()
    #: separable verb particles, longest first ("zurück", "ab"): "abgedreht" is "ab" + "gedreht"
    separable_particles: tuple[str, ...] = ()
    #: whether a verb's preposition may complete it into a vocabulary verb ("call on")
    prepositional_verbs: bool = False
    #: first words of the attribution cues: a sentence without any of them has no cue
    cue_starts: frozenset[str] = frozenset()
    #: words that only strengthen a negation ("any", "jegliche"): not part of what is denied
    polarity_items: frozenset[str] = frozenset()
    #: quotation marks, opening -> closing
    quote_pairs: tuple[tuple[str, str], ...] = ()
    #: word -> modality it gives the verb it governs ("would" -> intention, "must" -> obligation)
    modals: dict[str, str] = field(default_factory=dict)
    #: predicative adjectives of intention ("ready to", "bereit, ... zu")
    intent_adjectives: frozenset[str] = frozenset()
    #: verbs whose infinitive complement did not happen ("failed to deliver", "versäumte, ... zu liefern")
    negative_implicatives: frozenset[str] = frozenset()
    #: prepositions of place ("in Moskau"): a name they govern is where, not who (entity_grammar.toml)
    place_prepositions: frozenset[str] = frozenset()
    #: markers of a parenthetical reporting clause ("wie die Polizei mitteilte"): what it hangs on was reported
    parenthetical_markers: frozenset[str] = frozenset()
    #: auxiliaries that open a condition by inversion ("should the talks fail", "sollten die Gespräche scheitern")
    inverted_conditions: frozenset[str] = frozenset()
    #: nouns of quantity whose phrase names the actor ("thousands of protesters", "Hunderte Demonstranten")
    quantity_nouns: frozenset[str] = frozenset()
    #: auxiliaries and modals of a verb-final clause, for the parse repair (kg/extract/parse_repair.py)
    clause_auxiliaries: frozenset[str] = frozenset()
    #: perfect auxiliaries whose second participle takes objects ("haben", not "sein"; coordination_repair.py)
    object_perfect_auxiliaries: frozenset[str] = frozenset()
    #: the first of two accusative objects of a subjectless verb is its subject (German middle field)
    first_object_is_subject: bool = False
    #: main clauses put one phrase before the finite verb: a bare actor phrase there is the subject
    verb_second: bool = False
    #: adversative words of a verb-first conjunct after a comma ("..., sagte aber zu, ..."), for the parse repair
    adversatives: frozenset[str] = frozenset()
    #: verbs that have their complement done by others: their subject is its doer ("ließ ... verhaften")
    causatives: frozenset[str] = frozenset()
    #: nouns an object phrase looks through to the noun of its "of" phrase ("a package of sanctions")
    container_nouns: frozenset[str] = frozenset()
    #: articles that never open a nominative ("dem", "den"), and those that do not with a feminine noun ("der")
    oblique_articles: frozenset[str] = frozenset()
    oblique_feminine_articles: frozenset[str] = frozenset()
    #: endings of a third-person subjunctive the morphology may miss ("greife", "liefere"), as a tuple
    subjunctive_endings: tuple[str, ...] = ()
    #: endings a past indicative shares with the subjunctive ("sagte" beside "halte"), as a tuple
    preterite_endings: tuple[str, ...] = ()
    #: fine-grained tags of a finite verb, which a tagger may give a word whose coarse tag it got wrong
    finite_tags: frozenset[str] = frozenset()
    #: markers of an infinitive ("zu", "to")
    infinitive_markers: frozenset[str] = frozenset()
    #: contracted prepositions and the preposition they contain ("zur" -> "zu", "im" -> "in")
    contractions: Mapping[str, str] = field(default_factory=dict)
    #: words and prepositions that make a phrase the subject's companions ("gemeinsam mit", "alongside")
    comitative_words: frozenset[str] = frozenset()
    comitative_prepositions: frozenset[str] = frozenset()
    #: nouns of time ("Montag", "night"): a phrase of theirs says when; and prepositions that join a phrase to
    #: one as part of a time span ("in der Nacht zum Mittwoch")
    time_nouns: frozenset[str] = frozenset()
    time_range_prepositions: frozenset[str] = frozenset()
    #: infinitive markers that after an object make "verb marker" a reading ("told X to leave": a directive)
    directive_markers: frozenset[str] = frozenset()
    #: prepositions of a statement's topic ("äußerte sich nicht zu den Vorwürfen", "did not comment on it")
    topic_prepositions: frozenset[str] = frozenset()
    #: words that open a predicative complement ("als", "as"): such a phrase is never an object
    predicative_markers: frozenset[str] = frozenset()
    #: complementizers of an indirect question ("asked whether", "fragte, ob"): a question is no demand
    question_markers: frozenset[str] = frozenset()
    #: auxiliaries of the perfect ("may have sent" is epistemic, "might send" hypothetical)
    perfect_auxiliaries: frozenset[str] = frozenset()
    #: relative pronouns: a relative clause's subject that stands for the noun the clause modifies
    relative_pronouns: frozenset[str] = frozenset()
    #: nouns for "the two" ("beide Seiten", "both sides"), lower-case phrases
    pair_nouns: frozenset[str] = frozenset()
    #: reciprocal words ("each other", "gegenseitig"), lower-case, as token tuples
    reciprocal_words: tuple[tuple[str, ...], ...] = ()
    #: determiners that mark an accusative object by themselves ("den", "einen"): see verbs.toml
    object_determiners: frozenset[str] = frozenset()

    def is_hedge(self, token: Token) -> bool:
        return token.text.lower() in self.hedges

    def is_negation(self, token: Token) -> bool:
        return token.text.lower() in self.negations

    def not_nominative(self, noun: Token, determiners: frozenset[str]) -> bool:
        """Whether the phrase of ``noun`` is not in the nominative, by its article ("der Regierung", "dem
        Minister") or by the morphology of noun and article together (the small tagger errs on either alone)."""
        articles = [c for c in noun.children if c.dep_ in determiners and "Art" in c.morph.get("PronType")]
        for art in articles:
            word = art.lower_
            feminine = "Fem" in noun.morph.get("Gender") and "Plur" not in noun.morph.get("Number")
            if word in self.oblique_articles or (feminine and word in self.oblique_feminine_articles):
                return True
        cases = [noun.morph.get("Case")] + [a.morph.get("Case") for a in articles]
        return len(cases) > 1 and all(case and "Nom" not in case for case in cases)

    def is_polarity_item(self, token: Token) -> bool:
        return token.text.lower() in self.polarity_items

    def modality(self, verb: Token, auxiliaries: list[Token]) -> str | None:
        """The modality ("intention", "obligation", "possibility", "condition") of ``verb``, or None if realis.

        Read off the verb's auxiliaries and marker children ("would send", "must free", "if ... attacks",
        "werde liefern", "müsse freilassen") and a governing intention adjective ("ready to open").
        """
        markers = [
            c for c in verb.children if c.pos_ in ("AUX", "SCONJ", "PART", "ADV") and not self.own_particle(verb, c)
        ]
        words = [w for t in [*auxiliaries, *markers] for w in (t.text.lower(), t.lemma_.lower())]
        for word in words:
            found = self.modals.get(word)
            if found == "possibility" and any(w in self.perfect_auxiliaries for w in words):
                return None  # "may have sent": a hedged claim that it happened, not a hypothetical
            if found is not None:
                return found
        head = verb.head
        if head.i != verb.i and (head.lemma_.lower() in self.intent_adjectives or self.intends(head, [])):
            return "intention"  # "ready to open", "plant, Truppen zu entsenden" (a weak lemma: "plant", "erwaren")
        return None

    def own_particle(self, verb: Token, c: Token) -> bool:
        """Whether ``c`` is the separable particle of a lexicon verb ``verb`` ("stellte ... [bereit]", not "ready")."""
        if c.lower_ not in self.separable_particles:
            return False
        return any(lemma.startswith(c.lower_) for lemma in self.candidates(self.verb_lemmas(verb, [c])))

    def intends(self, verb: Token, particles: list[Token]) -> bool:
        """Whether ``verb`` (with its particles) is one of intention, by kg's own lemmas ("plant", "kündigte
        ... an"): what it governs has not happened yet."""
        return any(self.modals.get(lemma) == "intention" for lemma in self.verb_lemmas(verb, particles))

    def predicative_phrase(self, doc: Doc, head: Token) -> bool:
        """Whether the phrase of ``head`` opens with a predicative marker ("als Provokation", "as a threat").

        A marker before a number compares a quantity ("mehr als 200 Demonstranten", "weniger als zehn"): the
        phrase is then the object itself, not what the object is called.
        """
        first = doc[head.left_edge.i]
        before = doc[first.i - 1] if first.i > 0 else None
        quote = first.is_punct or first.pos_ == "PUNCT"
        if quote and first.i < head.i and before is not None and before.text.lower() in self.predicative_markers:
            first = before  # "wies die Vorwürfe als „unbegründet“ zurück": the marker hung on the verb
        return first.text.lower() in self.predicative_markers and not self.compares_quantity(first)

    def compares_quantity(self, marker: Token) -> bool:
        """Whether a predicative marker compares a number ("mehr als 200"): then it is no marker."""
        nxt = marker.i + 1
        return (
            marker.text.lower() in self.predicative_markers and nxt < len(marker.doc) and marker.doc[nxt].pos_ == "NUM"
        )

    def join_particle(self, lemma: str, particle: str) -> str:
        """The vocabulary lemma of a verb with a separated particle."""
        if self.particle_join == "prefix":
            return particle + lemma
        return f"{lemma} {particle}"

    def verb_lemmas(self, token: Token, particles: list[Token]) -> list[str]:
        """Candidate vocabulary lemmas of a verb token, most specific first."""
        text = token.text.lower()
        bases = [token.lemma_.lower()]
        form = self.verb_forms.get(text) or self._particle_form(text)
        if form:
            bases.append(form)
        bases.append(text)
        bases += self.regular_lemmas(text)
        bases = list(dict.fromkeys(bases))
        out = [self.join_particle(b, p.text.lower()) for p in particles for b in bases]
        return out + bases

    def _particle_form(self, text: str) -> str | None:
        """The infinitive of an irregular form with its separable particle joined ("zurückwies" in a clause
        with the verb last, "zusammengezogen"): the particle and the listed form of the rest ("wies" -> "weisen")."""
        # (one C-level test first: most forms, of every verb in every sentence, begin with no particle)
        for particle in self.separable_particles if text.startswith(self.separable_particles) else ():
            rest = text[len(particle) :]
            if text.startswith(particle) and len(rest) > 3 and rest in self.verb_forms:
                return particle + self.verb_forms[rest]
        return None

    def preps_of(self, pred: Predicate) -> frozenset[str]:
        """The prepositions of ``pred`` in this language, with their contracted forms ("zu" also as "zur")."""
        preps = pred.preps.get(self.lang, frozenset())
        if not self.contractions or not preps:
            return preps
        return preps | {c for c, base in self.contractions.items() if base in preps}

    def infix_infinitive(self, token: Token) -> bool:
        """Whether ``token`` is an infinitive with its marker inside, after a separable particle
        ("beizulegen", "abzugeben"): a zu-infinitive without a "zu" of its own."""
        return _infix_after_particle(self.separable_particles, token.lower_, self.infinitive_markers, 2)

    def regular_lemmas(self, text: str) -> list[str]:
        """Infinitives a regularly inflected form may come from, by the language's ending rules."""
        stems = [text] + [
            text[len(p) :] for p in self.participle_prefixes if text.startswith(p) and len(text) > len(p) + 3
        ]
        # "abgedreht", "abzudrehen": a separable particle keeps the participle prefix or "zu" behind it
        if not self.separable_particles or not text.startswith(self.separable_particles):
            return self._inflected(stems)
        infixes = (*self.participle_prefixes, *self.infinitive_markers)
        split = [
            (particle, infix, particle + text[len(particle) + len(infix) :])
            for particle in self.separable_particles if text.startswith(particle)
            for infix in infixes if text.startswith(infix, len(particle))
        ]  # fmt: skip
        stems += [joined for particle, infix, joined in split if len(text) > len(particle) + len(infix) + 3]
        # ("abzudrehen" is the infinitive itself once "zu" is out)
        out = [joined for _, infix, joined in split if infix in self.infinitive_markers]
        return out + self._inflected(stems)

    def _inflected(self, stems: list[str]) -> list[str]:
        """Infinitives of ``stems`` by the language's ending rules."""
        out = []
        for stem in stems:
            for ending, infinitive in self.inflections:
                if stem.endswith(ending) and len(stem) > len(ending) + 2:
                    out.append(stem[: -len(ending)] + infinitive)
        return out

    def candidates(self, forms: list[str]) -> list[str]:
        """The verb's candidate lemmas (:meth:`verb_lemmas`) that the vocabulary knows (cheap pre-check before
        reading the frame)."""
        return [lemma for lemma in forms if self.lexicon.has_verb(lemma)]

    def predicate_for(
        self, token: Token, particles: list[Token], objects: tuple[str, ...], lemmas: list[str] | None = None
    ) -> tuple[str, Predicate, str | None] | None:
        """``(lemma, predicate, deciding object noun)`` the verb ``token`` expresses, given its object lemmas."""
        for lemma in lemmas if lemmas is not None else self.verb_lemmas(token, particles):
            if self.lexicon.has_verb(lemma):
                hit = self.lexicon.lookup_with_noun(lemma, objects)
                if hit is not None:
                    return lemma, hit[0], hit[1]
        return None


def particle_participle(cues: LanguageCues, token: Token) -> bool:
    """Whether ``token`` is a participle with its separable particle before the participle prefix
    ("vorgeworfen", "ausgewiesen"): never the finite verb of a main clause, whatever the tagger says."""
    return _infix_after_particle(cues.separable_particles, token.lower_, cues.participle_prefixes, 3)


def subjunctive_by_ending(cues: LanguageCues, token: Token) -> bool:
    """Whether ``token`` has a subjunctive ending the morphology may have read as indicative ("habe" as a first
    person, "greife"): the language's ``subjunctive_endings``, unless it also has a past indicative's ending
    ("sagte") and the morphology reads it so."""
    text = token.lower_
    if not cues.subjunctive_endings or not text.endswith(cues.subjunctive_endings):
        return False
    return not (cues.preterite_endings and text.endswith(cues.preterite_endings) and "Ind" in token.morph.get("Mood"))


def _infix_after_particle(particles: tuple[str, ...], text: str, infixes: Iterable[str], stem: int) -> bool:
    """Whether ``text`` is a separable particle, one of ``infixes`` ("zu", "ge") and more than ``stem`` letters."""
    return any(
        text.startswith(infix, len(particle)) and len(text) > len(particle) + len(infix) + stem
        for particle in particles if text.startswith(particle)
        for infix in infixes
    )  # fmt: skip


def marked_infinitive(cues: LanguageCues, token: Token, marker_labels: frozenset[str]) -> bool:
    """Whether ``token`` is an infinitive with its marker, a child of its own ("zu schützen") or inside it
    ("zusammenzuarbeiten"); never in a language without infinitive markers."""
    markers = cues.infinitive_markers
    return bool(markers) and (
        any(c.dep_ in marker_labels and c.lower_ in markers for c in token.children) or cues.infix_infinitive(token)
    )


@cache
def cues_for(lang: str) -> LanguageCues:
    data = get_language(lang)
    attribution = data.toml("attribution")
    verbs = data.toml("verbs")
    modality = data.toml("modality")
    cues = tuple(
        AttributionCue(
            tuple(w.lower() for w in c["words"]),
            c.get("source", "after"),
            c.get("predicate", "REPORTS"),
            bool(c.get("with_speech", True)),
        )
        for c in attribution.get("cue", ())
    )
    return LanguageCues(
        lang=lang,
        lexicon=lexicon(lang),
        hedges=frozenset(w.lower() for w in data.lines("hedges")),
        negations=frozenset(w.lower() for w in data.lines("negations")),
        complementizers=frozenset(w.lower() for w in data.lines("complementizers")),
        cues=cues,
        source_nouns=frozenset(w.lower() for w in attribution.get("source_nouns", ())),
        place_prepositions=frozenset(
            w.lower() for w in data.toml("entity_grammar").get("locative_prepositions", ())
        ),
        parenthetical_markers=frozenset(w.lower() for w in attribution.get("parenthetical_markers", ())),
        quote_markers=tuple(tuple(w.lower() for w in m) for m in attribution.get("quote_markers", ())),
        verb_forms={row[0].lower(): row[1].lower() for row in data.tsv("verb_forms") if len(row) >= 2},
        particle_join=verbs.get("particle_join", "prefix"),
        passive_auxiliaries=frozenset(verbs.get("passive_auxiliaries", ())),
        agent_prepositions=frozenset(w.lower() for w in verbs.get("agent_prepositions", ())),
        inflections=tuple((a.lower(), b.lower()) for a, b in verbs.get("inflections", ())),
        participle_prefixes=tuple(verbs.get("participle_prefixes", ())),
        separable_particles=tuple(
            sorted((w.lower() for w in verbs.get("separable_particles", ())), key=len, reverse=True)
        ),
        prepositional_verbs=bool(verbs.get("prepositional_verbs", False)),
        cue_starts=frozenset(c.words[0] for c in cues if c.words),
        polarity_items=frozenset(w.lower() for w in data.lines("polarity_items")),
        quote_pairs=tuple((str(a), str(b)) for a, b in data.toml("quotes").get("pairs", ())),
        modals={w.lower(): kind for kind, words in modality.get("modals", {}).items() for w in words},
        intent_adjectives=frozenset(w.lower() for w in modality.get("intent_adjectives", ())),
        negative_implicatives=frozenset(w.lower() for w in modality.get("negative_implicatives", ())),
        inverted_conditions=frozenset(w.lower() for w in modality.get("inverted_conditions", ())),
        perfect_auxiliaries=frozenset(w.lower() for w in modality.get("perfect_auxiliaries", ())),
        question_markers=frozenset(w.lower() for w in modality.get("question_markers", ())),
        subjunctive_endings=tuple(w.lower() for w in verbs.get("subjunctive_endings", ())),
        finite_tags=frozenset(verbs.get("finite_tags", ())),
        preterite_endings=tuple(w.lower() for w in verbs.get("preterite_endings", ())),
        infinitive_markers=frozenset(w.lower() for w in verbs.get("infinitive_markers", ())),
        directive_markers=frozenset(w.lower() for w in verbs.get("directive_markers", ())),
        time_nouns=frozenset(w.lower() for w in verbs.get("time_nouns", ())),
        comitative_words=frozenset(w.lower() for w in verbs.get("comitative_words", ())),
        contractions={k.lower(): v.lower() for k, v in verbs.get("contractions", {}).items()},
        comitative_prepositions=frozenset(w.lower() for w in verbs.get("comitative_prepositions", ())),
        time_range_prepositions=frozenset(w.lower() for w in verbs.get("time_range_prepositions", ())),
        topic_prepositions=frozenset(w.lower() for w in verbs.get("topic_prepositions", ())),
        predicative_markers=frozenset(w.lower() for w in verbs.get("predicative_markers", ())),
        quantity_nouns=frozenset(w.lower() for w in verbs.get("quantity_nouns", ())),
        container_nouns=frozenset(w.lower() for w in verbs.get("container_nouns", ())),
        oblique_articles=frozenset(w.lower() for w in verbs.get("oblique_articles", ())),
        oblique_feminine_articles=frozenset(w.lower() for w in verbs.get("oblique_feminine_articles", ())),
        causatives=frozenset(w.lower() for w in verbs.get("causative_verbs", ())),
        clause_auxiliaries=frozenset(w.lower() for w in verbs.get("clause_auxiliaries", ())),
        object_perfect_auxiliaries=frozenset(w.lower() for w in verbs.get("object_perfect_auxiliaries", ())),
        first_object_is_subject=bool(verbs.get("first_object_is_subject", False)),
        verb_second=bool(verbs.get("verb_second", False)),
        adversatives=frozenset(w.lower() for w in verbs.get("adversatives", ())),
        relative_pronouns=frozenset(w.lower() for w in verbs.get("relative_pronouns", ())),
        object_determiners=frozenset(w.lower() for w in verbs.get("object_determiners", ())),
        reciprocal_words=tuple(tuple(w.lower().split()) for w in verbs.get("reciprocal_words", ())),
        pair_nouns=frozenset(w.lower() for w in verbs.get("pair_nouns", ())),
    )
