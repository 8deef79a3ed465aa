"""Parse repairs of coordinated clauses, made before anything reads the parse.

- An infinitive clause after two coordinated verbs belongs to the last of them. "Biden drohte mit
  Sanktionen und forderte die Generäle auf, die Macht abzugeben": a small parser hangs "abzugeben" on the
  first verb, so the threat's content becomes the demand's. An infinitive clause is the complement of the
  verb whose clause it closes, never of a verb across another clause ("drohte, die Botschaft zu schließen,
  und forderte ..." keeps it on the first).
- A participle joined to a perfect shares its "haben" and subject: a noun after "und" is its object
  ("haben Dörfer beschossen und Dutzende Zivilisten getötet" does not make the dead the killers).
- An indicative verb after a reported clause continues the speaker's clause: "Stubb sagte, Finnland werde
  ..., und kündigte an, ..." announces Stubb's plan, not Finland's. So does a speech act parsed as a
  second content clause: "Biden said the strikes were ... and warned that ..." warns, it does not say.

Which words mark an infinitive is language data (``infinitive_markers`` in ``kg/lang/<xx>/verbs.toml``,
read through :class:`~kg.extract.cues.LanguageCues`); a language without them is left as parsed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from kg.extract.cues import LanguageCues, marked_infinitive, subjunctive_by_ending
from kg.extract.deps import Scheme
from kg.extract.syntax import finite, take_over, take_place


def attach_infinitives_to_last_conjunct(doc: Doc, scheme: Scheme, cues: LanguageCues) -> int:
    """Move an infinitive clause from the first of two coordinated verbs to the second, where it stands
    after the second verb's comma; the number of infinitives moved."""
    markers = cues.infinitive_markers
    complement, conj = scheme.label("open_complement"), scheme.label("conjunct")
    if not markers or complement is None or conj is None or not doc.has_annotation("DEP"):
        return 0
    hangs = scheme.labels("open_complement", "clausal_complement", "conjunct", "parataxis", "unclassified")
    marker_labels = scheme.labels("marker")
    moved = 0
    for inf in doc:
        a = inf.head
        if inf.pos_ != "VERB" or inf.dep_ not in hangs or a.i >= inf.i or a.pos_ not in ("VERB", "AUX"):
            continue
        start = inf.left_edge.i
        start += doc[start].text == ","  # (the comma may hang on the infinitive itself)
        if start == 0 or doc[start - 1].text != ",":
            continue
        if not marked_infinitive(cues, inf, marker_labels):
            continue
        # the last finite conjunct of the first verb between it and the infinitive's comma
        between = [b for b in a.children if b.dep_ == conj and a.i < b.i < start and b.pos_ == "VERB" and finite(b)]
        if not between:
            continue
        b = between[-1]
        if any(t.pos_ in ("VERB", "AUX") and t.i != b.i for t in doc[b.i + 1 : start - 1]):
            continue  # another verb's clause stands between: the comma is not the second verb's
        inf.head, inf.dep_ = b, complement
        moved += 1
    return moved


def raise_conjuncts_out_of_reports(doc: Doc, scheme: Scheme, cues: LanguageCues | None = None) -> int:
    """Make an indicative verb after a reported clause the conjunct of the speech verb, not of the report.

    "Stubb sagte, Finnland werde seine Infrastruktur schützen, und kündigte an, ...": a small parser joins
    "kündigte" to "schützen", so the announcement becomes part of what Stubb said Finland would do, with
    Finland's subject. The reported clause is in the subjunctive; an indicative verb without a subject of
    its own after it continues the clause of the speaker. With ``cues``, a verb the morphology misreads
    counts by its ending (:func:`~kg.extract.cues.subjunctive_by_ending`): "er habe die Gruppe angeführt,
    und trat zurück" reports with "habe" read as a first person, and "trat" is no subjunctive. The number
    of verbs moved.
    """
    conj, content = scheme.label("conjunct"), scheme.labels("clausal_complement")
    if conj is None or not content or not doc.has_annotation("DEP"):
        return 0
    aux_labels = scheme.labels("auxiliary")
    moved = 0
    for b in doc:
        a = b.head
        if b.dep_ != conj or b.pos_ != "VERB" or a.i >= b.i or a.dep_ not in content or a.head.i >= a.i:
            continue
        if "Ind" not in b.morph.get("Mood") or _has_subject(b, scheme):
            continue
        if cues is not None and subjunctive_by_ending(cues, b):
            continue  # "..., er gehe ... und werde ...": read as indicative, still part of the report
        reported = [a, *(c for c in a.children if c.dep_ in aux_labels)]
        if not any(_subjunctive(t, cues) for t in reported) or a.head.pos_ != "VERB":
            continue
        b.head = a.head
        moved += 1
    return moved


def _subjunctive(t: Token, cues: LanguageCues | None) -> bool:
    return "Sub" in t.morph.get("Mood") or (cues is not None and subjunctive_by_ending(cues, t))


def _reporting_verb(t: Token, content: frozenset[str]) -> Token | None:
    """The verb whose content clause holds ``t`` (climbing through the clause's verbs), if any."""
    while t.dep_ not in content and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX"):
        t = t.head
    return t.head if t.dep_ in content else None


def _has_subject(verb: Token, scheme: Scheme) -> bool:
    subjects = scheme.labels("subject", "passive_subject")
    return any(c.dep_ in subjects for c in verb.children)


def raise_speech_acts_out_of_reports(doc: Doc, scheme: Scheme, is_speech_act: Callable[[Token], bool]) -> int:
    """Make a speech act parsed as a second content clause the speaker's own second act.

    "Biden said the strikes were ... and warned that ...": the parser hangs "warned" on "said" as another
    content clause, with the coordinator left inside the first, so the warning is read as part of what was
    said. A verb of speaking (``is_speech_act``) without a subject of its own, right after a coordinator and
    after another content clause of the same verb, is that verb's conjunct. The number of verbs moved.
    """
    conj, content = scheme.label("conjunct"), scheme.labels("clausal_complement")
    if conj is None or not content or not doc.has_annotation("DEP"):
        return 0
    moved = 0
    for b in doc:
        a = b.head
        if b.pos_ != "VERB" or b.dep_ not in content or b.i == 0 or doc[b.i - 1].pos_ != "CCONJ" or not finite(b):
            continue
        if _has_subject(b, scheme) or not any(c.dep_ in content and c.i < b.i for c in a.children):
            continue
        if is_speech_act(b):
            b.dep_ = conj
            doc[b.i - 1].head = b  # the coordinator goes with its conjunct, out of the reported clause
            moved += 1
    return moved


def raise_participle_acts_out_of_reports(
    doc: Doc, scheme: Scheme, is_speech_act: Callable[[Token], bool]
) -> int:
    """Make a participle speech act after a reported clause the speaker's own act.

    "Erdogan said Sweden had not done enough, saying it still harboured militants": the parser hangs
    "saying" on the reported verb, so the second statement became Sweden's and part of the first. A present
    participle of speaking (``is_speech_act``) after a comma, without a subject of its own, inside a content
    clause of a speech verb, continues the speaker's sentence ("..., adding that ...", "..., insisting ...");
    it goes to that verb, with its comma. The number of participles moved.
    """
    content, adverbial = scheme.labels("clausal_complement"), scheme.label("adverbial_clause")
    if not content or adverbial is None or not doc.has_annotation("DEP"):
        return 0
    moved = 0
    for b in doc:
        if b.pos_ != "VERB" or "Prog" not in b.morph.get("Aspect") or b.i == 0 or doc[b.i - 1].text != ",":
            continue
        if _has_subject(b, scheme) or not is_speech_act(b):
            continue
        if is_speech_act(b.head):
            continue  # already on a speech verb: "said, adding ..."
        speaker = _reporting_verb(b.head, content)
        if speaker is None or speaker.i > b.i or not is_speech_act(speaker):
            continue
        b.head, b.dep_ = speaker, adverbial
        doc[b.i - 1].head = b  # the comma goes with the participle, out of the reported clause
        moved += 1
    return moved


def raise_past_conjuncts_out_of_infinitives(doc: Doc, scheme: Scheme) -> int:
    """Make a past-tense verb joined to an infinitive inside a reported clause the speaker's conjunct.

    "Blinken said Washington would continue to stand with its allies and accused China of ...": the parser
    joins "accused" to "stand", so the accusation became Washington's. A finite past verb cannot share an
    infinitive's modal or marker; without a subject of its own it continues the clause of the past-tense
    verb whose content clause holds the infinitive. The number of verbs moved.
    """
    conj, content = scheme.label("conjunct"), scheme.labels("clausal_complement")
    past = [
        b for b in doc if b.dep_ == conj and b.pos_ == "VERB" and b.head.i < b.i and not _has_subject(b, scheme)
        and "Past" in b.morph.get("Tense") and "Fin" in b.morph.get("VerbForm")
        and "Inf" in b.head.morph.get("VerbForm")
    ] if conj is not None and content and doc.has_annotation("DEP") else []  # fmt: skip
    moved = 0
    for b in past:
        speaker = _reporting_verb(b.head, content)
        if speaker is None or speaker.i > b.head.i or "Past" not in speaker.morph.get("Tense"):
            continue
        b.head = speaker
        if doc[b.i - 1].pos_ == "CCONJ":
            doc[b.i - 1].head = b  # the coordinator goes with its conjunct, out of the reported clause
        moved += 1
    return moved


def objects_of_perfect_conjuncts(
    doc: Doc, scheme: Scheme, auxiliaries: Iterable[str], participle: Callable[[Token], bool] = lambda t: False
) -> int:
    """Make the parsed subject of a second participle sharing a perfect's "haben" its object.

    "Regierungstruppen haben Dörfer beschossen und Dutzende Zivilisten getötet": a small parser makes
    "Zivilisten" the subject of "getötet", and the dead become the killers. A participle joined to another
    that has the auxiliary shares that auxiliary and its subject; with an auxiliary that takes objects
    (``object_perfect_auxiliaries`` in ``kg/lang/<xx>/verbs.toml``: "haben", not "sein", whose second
    participle may have a subject of its own: "Tausende sind geflohen und Hunderte gestorben") a noun
    after the conjunction is an object. A form ``participle`` calls one ("vorgeworfen": a separable particle
    before the participle prefix) counts as one even where the tagger calls it finite. The number of nouns
    relabelled.
    """
    aux_words = frozenset(w.lower() for w in auxiliaries)
    conj, obj = scheme.label("conjunct"), scheme.label("object")
    if not aux_words or conj is None or obj is None or not doc.has_annotation("DEP"):
        return 0
    subjects, aux_labels, case = scheme.labels("subject"), scheme.labels("auxiliary"), scheme.labels("case")
    repaired = 0
    for b in doc:
        a = b.head
        if b.dep_ != conj or b.pos_ != "VERB" or (finite(b) and not participle(b)) or a.i >= b.i or a.pos_ != "VERB":
            continue
        kids = list(b.children)
        if any(c.dep_ in aux_labels for c in kids):
            continue  # a perfect of its own
        first = list(a.children)
        if not any(c.dep_ in aux_labels and c.lemma_.lower() in aux_words for c in first):
            continue
        if not any(c.dep_ in subjects or (c.i < a.i and _bare_nominal(c, case)) for c in first):
            continue  # (the subject, or the bare phrase before the verb a parse gave another label: "Litauen hat ...")
        for c in kids:
            if c.dep_ in subjects and c.pos_ in ("NOUN", "PROPN") and c.i > a.i:
                c.dep_ = obj
                repaired += 1
    return repaired


def _bare_nominal(t: Token, case: frozenset[str]) -> bool:
    """A noun or name without a preposition of its own."""
    return t.pos_ in ("NOUN", "PROPN") and not any(k.dep_ in case for k in t.children)


def raise_verbs_hung_on_infinitives(doc: Doc, scheme: Scheme, cues: LanguageCues) -> int:
    """Give the verb before a comma the words of its clause that the parse hung on the marked infinitive after.

    "Nur Stunden später warfen sich beide Seiten gegenseitig vor, die Waffenruhe gebrochen zu haben": a weak
    tagger calls "warfen" an infinitive auxiliary of "gebrochen", or hangs "beide Seiten" and "vor" on it, and
    the accusation loses its verb, its subject or its particle. No word before the comma that opens a "zu"
    infinitive belongs to it: a vocabulary verb there is the head of the clause (no auxiliary governs across
    the comma), and the infinitive its complement; a separable particle there is that verb's. The number of
    clauses repaired.
    """
    aux_labels, complement = scheme.labels("auxiliary"), scheme.label("open_complement")
    particle, case = scheme.label("particle"), scheme.labels("case")
    if not cues.infinitive_markers or complement is None or particle is None or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for h in doc:
        if h.pos_ != "VERB":  # (cheap test first: this runs on every token of every article)
            continue
        marked = any(c.lower_ in cues.infinitive_markers and c.pos_ == "PART" for c in h.children)
        if not (marked or cues.infix_infinitive(h)):
            continue
        hung = [c for c in h.children if c.i < h.i and c.dep_ in aux_labels and c.lemma_.lower()
                not in cues.clause_auxiliaries]  # fmt: skip
        t = hung[0] if hung else (h.head if h.head.i < h.i and h.head.pos_ in ("VERB", "AUX") else None)
        # the comma that opens the infinitive: the first after the verb (a later one may close a relative clause)
        comma = next((w.i for w in doc[t.i + 1 : h.i] if w.text == ","), None) if t is not None else None
        if t is None or comma is None:
            continue
        prts = [w for w in doc[t.i + 1 : comma] if w.lower_ in cues.separable_particles and not _governs(w, case)]
        early = [c for c in h.children if c.i < comma and c.i != t.i]
        if not early or not cues.candidates(cues.verb_lemmas(t, prts)):
            continue
        if hung:
            take_place(t, h)
            h.head, h.dep_ = t, complement
        for w in [*early, *prts]:
            w.head = t
        for p in prts:
            p.dep_ = particle
        repaired += 1
    return repaired


def _governs(w: Token, case: frozenset[str]) -> bool:
    """Whether the word has a case-marked child, i.e. is a preposition's noun rather than a particle."""
    return any(c.dep_ in case for c in w.children)


def raise_verbs_hung_before_coordinators(doc: Doc, scheme: Scheme, verbs: set[int] | frozenset[int]) -> int:
    """Make a finite verb the parse hung as an auxiliary on the verb after a coordinator head that coordination.

    "Das Ministerium bestritt jede Verwicklung und erklärte, ...": a weak tagger calls the strong past form
    "bestritt" an auxiliary and hangs it, with its subject and object, on "erklärte"; the denial then has
    no verb. No auxiliary is parted from its verb by a coordinator, so a vocabulary verb (``verbs``, from
    :func:`kg.extract.phrase_repair.verbs_hung_as_auxiliaries`) with the coordinator of its head between
    them is the first conjunct: it takes its head's place, the head becomes its conjunct, and the words
    before the coordinator that hung on the head go to it (a second subject there is left to
    :func:`kg.extract.phrase_repair.split_double_subjects`). The number of clauses repaired.
    """
    conj, coordinators = scheme.label("conjunct"), scheme.labels("coordinator")
    if conj is None or not coordinators or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for i in sorted(verbs):
        t = doc[i]
        h = t.head
        if h.i <= t.i or h.pos_ not in ("VERB", "AUX"):
            continue
        cc = next((c for c in h.children if c.dep_ in coordinators and t.i < c.i < h.i), None)
        if cc is None:
            continue
        take_over(t, h, conj, [c for c in h.children if c.i < cc.i and c is not t])
        repaired += 1
    return repaired


def conjuncts_parsed_as_complements(doc: Doc, scheme: Scheme) -> int:
    """Make a finite verb the parse made the complement of the verb before it, after a coordinator, its conjunct.

    "Das Ministerium bestritt jede Verwicklung und erklärte, ...": parsed with "erklärte" as the open
    complement of "bestritt" and "Verwicklung" as its subject, the denial has no object and swallows the
    statement. A complement clause has no coordinator of its own before its verb, nor a finite verb without a
    marker; such a verb is the conjunct, and the words it took from before the coordinator are the first
    verb's (the object "Verwicklung"). The number of verbs relabelled.
    """
    conj, obj = scheme.label("conjunct"), scheme.label("object")
    complements = scheme.labels("open_complement", "clausal_complement", "parataxis")
    coordinators, markers, subjects = scheme.labels("coordinator"), scheme.labels("marker"), scheme.labels("subject")
    if conj is None or obj is None or not complements or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for b in doc:
        a = b.head
        if b.dep_ not in complements or b.pos_ != "VERB" or not finite(b) or a.i >= b.i or a.pos_ != "VERB":
            continue
        kids = list(b.children)
        cc = next((c for c in kids if c.dep_ in coordinators and a.i < c.i < b.i), None)
        if cc is None or any(c.dep_ in markers for c in kids):
            continue
        if all(c.dep_ in coordinators or c.pos_ == "PUNCT" for c in kids):
            continue  # "wies die Kritik als „inakzeptabel“ zurück": a comparison's word, no clause of its own
        b.dep_ = conj
        for c in kids:
            if a.i < c.i < cc.i:
                c.head = a
                if c.dep_ in subjects and any(k.dep_ in subjects for k in a.children if k is not c):
                    c.dep_ = obj  # (the first verb has its subject: the phrase after it is its object)
        repaired += 1
    return repaired


def raise_verb_conjuncts_of_nouns(doc: Doc, scheme: Scheme) -> int:
    """Make a verb the parse coordinated with a noun the conjunct of the verb above that noun.

    "Die SDF sprachen von sieben Toten und warfen Ankara vor, ...": parsed with "warfen" as a conjunct of
    "Toten", the accusation sits inside what was spoken of. Nouns coordinate with nouns; a verb after the
    coordinator, with an object or particle of its own, is the next act of the clause whose verb governs
    the noun. The number of verbs rehung.
    """
    conj, coordinators = scheme.label("conjunct"), scheme.labels("coordinator")
    arguments = scheme.labels("object", "indirect_object", "particle")
    if conj is None or not doc.has_annotation("DEP"):
        return 0
    rehung = 0
    for b in doc:
        n = b.head
        if b.dep_ != conj or b.pos_ != "VERB" or n.pos_ not in ("NOUN", "PROPN", "ADJ") or n.i >= b.i:
            continue
        if not any(c.dep_ in coordinators and c.i < b.i for c in b.children) or not any(
            c.dep_ in arguments for c in b.children
        ):
            continue
        v = n.head
        while v.head.i != v.i and v.pos_ not in ("VERB", "AUX"):
            v = v.head
        if v.pos_ in ("VERB", "AUX") and v.i < b.i:
            b.head = v
            rehung += 1
    return rehung
