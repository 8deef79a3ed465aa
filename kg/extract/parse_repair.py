"""Parse repairs made to a whole document before anything reads it.

A small German news parser often hangs a perfect-tense clause on its finite auxiliary: in "Die
Polizei hat den Bürgermeister in seinem Haus festgenommen" the subject and object become children of
"hat", and "festgenommen" its ``xcomp`` (or "hat" an ``aux`` that still holds the arguments). Every
reader then asks the participle for its subject and objects and finds none. In a Universal
Dependencies analysis the content verb heads its clause, so the repair moves the auxiliary's
arguments to the verb and puts the verb where the auxiliary was.

Which words are auxiliaries is language data (``clause_auxiliaries`` in ``kg/lang/<xx>/verbs.toml``);
a language without the list, or a scheme where auxiliaries head their verb by design (TIGER), is left
as parsed.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from kg.extract.deps import Scheme
from kg.extract.syntax import finite

#: Words of a noun phrase before its head: "a [new ceasefire] deal".
_NOMINAL_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET"})

#: Verb forms an auxiliary combines with: past participle, infinitive.
_NONFINITE = frozenset({"Part", "Inf"})


def lift_auxiliary_arguments(doc: Doc, scheme: Scheme, auxiliaries: Iterable[str]) -> int:
    """Move the arguments a parse hung on an auxiliary to its verb; the number of clauses repaired."""
    aux_lemmas = frozenset(a.lower() for a in auxiliaries)
    if not aux_lemmas or scheme.aux_heads_verb or not doc.has_annotation("DEP"):
        return 0
    aux_labels = scheme.labels("auxiliary")
    complement = scheme.labels("open_complement", "clausal_complement", "object")
    copulas, subjects = scheme.labels("predicative"), scheme.labels("subject")
    repaired = 0
    for aux in list(doc):
        # (a tagger may call a perfect-tense "haben" a full verb: the non-finite verb it closes decides)
        if aux.pos_ not in ("AUX", "VERB") or aux.lemma_.lower() not in aux_lemmas:
            continue
        verb = _verb_of(aux, aux_labels, complement)
        if verb is None:
            continue
        # In UD an auxiliary governs nothing: whatever the parse hung on it belongs to the verb.
        movers = [c for c in aux.children if c.i != verb.i]
        if verb.is_ancestor(aux):
            # The verb already governs the auxiliary's phrase: only the auxiliary's arguments move (and the
            # auxiliary itself, if it hangs lower down: re-rooting the verb there would make a cycle).
            if aux.head.i == verb.i and not movers:
                continue
            if aux.dep_ in copulas and aux.head.pos_ in _NOMINAL_WORDS:
                # "Truppen haben die Hafenstadt ... angegriffen" with "haben" a copula of the object: the
                # subject the parse gave that noun is the verb's
                movers += [c for c in aux.head.children if c.dep_ in subjects]
            if aux.head.i != verb.i:
                aux.head, aux.dep_ = verb, "aux"
        elif aux.dep_ in copulas and aux.head.pos_ in _NOMINAL_WORDS and aux.head.is_ancestor(verb):
            # "Truppen haben die Hafenstadt Odessa ... angegriffen" parsed as "haben" a copula of the object
            # "Hafenstadt", the clause's root, with the participle below it: the participle takes the noun's
            # place, the noun becomes its object, the subject the parse gave the noun is the verb's, and a
            # name right after the noun (made the participle's subject) is the noun's apposition.
            noun = aux.head
            verb.head = verb if noun.head.i == noun.i else noun.head
            verb.dep_ = noun.dep_
            noun.head, noun.dep_ = verb, scheme.label("object") or "obj"
            movers += [c for c in noun.children if c.dep_ in subjects or c.i < aux.i]
            for c in list(verb.children):
                if c.dep_ in subjects and c.i == noun.i + 1 and c.pos_ == "PROPN":
                    c.head, c.dep_ = noun, scheme.label("apposition") or "appos"
            aux.head, aux.dep_ = verb, "aux"
        elif aux.dep_ not in aux_labels:
            # The auxiliary heads the clause: the verb takes its place, the auxiliary goes below it.
            # The verb first takes the auxiliary's head (itself at the root), then the auxiliary hangs
            # below it, so the tree never has a cycle.
            old_head, aux_dep = (None if aux.head.i == aux.i else aux.head), aux.dep_
            verb.head = old_head if old_head is not None else verb
            verb.dep_ = aux_dep
            aux.head = verb
            aux.dep_ = "aux"
        elif not movers:
            continue
        for c in movers:
            c.head = verb
        repaired += 1
    return repaired


def _verb_of(aux: Token, aux_labels: frozenset[str], complement: frozenset[str]) -> Token | None:
    """The non-finite verb ``aux`` belongs to: its head when it is attached as an auxiliary, else its
    nearest non-finite verb complement to the right ("hat ... verhängt")."""
    if aux.dep_ in aux_labels:
        head = aux.head
        return head if head.i > aux.i and head.pos_ in ("VERB", "AUX") else None
    for c in aux.rights:
        if c.dep_ in complement and c.pos_ == "VERB" and _nonfinite(c):
            return c
    if not finite(aux):
        return None
    return _right_bracket(aux)


def _nonfinite(tok: Token) -> bool:
    """A participle or infinitive (a weak morphologizer may leave the form unset: no finite features)."""
    forms = set(tok.morph.get("VerbForm"))
    return bool(_NONFINITE & forms) or not (forms or tok.morph.get("Person"))


def _right_bracket(aux: Token) -> Token | None:
    """The non-finite verb closing a finite auxiliary's main clause, whatever the parse made of it
    ("Die Polizei hat den Oppositionsführer, einen Gegner des Präsidenten, festgenommen", with the
    participle as a relative clause of "Oppositionsführer").

    The verb is the first one after the auxiliary that is non-finite or ends the clause (a participle
    like "verhängt" is also a present-tense form, and a tagger may say so), with no other verb,
    relative pronoun or subordinator between them, no subject of its own, and no finite verb right
    after it (which would make it part of a subordinate clause: "..., die gelöst werden müssen").
    """
    sent = aux.sent
    # ("Truppen haben die Hafenstadt Odessa angegriffen": the fronted subject is the clause's; a subject the
    # parse gave the closing verb after the auxiliary is a misread object or name)
    fronted_subject = any(t.dep_.startswith("nsubj") for t in aux.doc[sent.start : aux.i])
    for tok in aux.doc[aux.i + 1 : sent.end]:
        if tok.pos_ == "SCONJ" or "Rel" in tok.morph.get("PronType"):
            return None
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        after = next((t for t in aux.doc[tok.i + 1 : sent.end] if t.text not in ("„", "“", '"')), None)
        final = after is None or after.is_punct
        if not (_nonfinite(tok) or (final and tok.pos_ == "VERB")):
            return None
        if any(c.dep_.startswith("nsubj") for c in tok.children) and not fronted_subject:
            return None  # (its own subject: a subordinate clause's verb, unless the subject stands before aux)
        if after is not None and after.pos_ in ("VERB", "AUX") and not _nonfinite(after):
            return None
        return tok if tok.pos_ == "VERB" else None
    return None


def raise_fronted_modifiers(doc: Doc, scheme: Scheme) -> int:
    """Give a verb back the first of two prepositional phrases a parse chained the wrong way round.

    In "drohte mit Abgaben auf digitale Dienstleistungen" a weak parser may make "Dienstleistungen" the
    verb's oblique and hang "mit Abgaben" on it as a modifier, although a prepositional modifier never
    precedes its noun in German or English: the first phrase is the verb's ("drohte mit Abgaben") and the
    second modifies it. Only the pattern "P1 N1 ... P2 N2" with N1 below N2 is changed, so a modifier
    inside a prenominal participle ("mit den von Russland besetzten Gebieten") stays where it is. The
    number of phrases repaired.
    """
    if not doc.has_annotation("DEP"):
        return 0
    modifier = scheme.labels("noun_modifier") - scheme.labels("genitive")
    case = scheme.labels("case")
    oblique = scheme.labels("oblique", "object")
    repaired = 0
    for n in list(doc):
        head = n.head
        if n.dep_ not in modifier or head.i <= n.i or head.dep_ not in oblique or head.head.i == head.i:
            continue
        own_case = [c for c in n.children if c.dep_ in case and c.i < n.i]
        head_case = [c for c in head.children if c.dep_ in case and n.right_edge.i < c.i < head.i]
        if not own_case or not head_case or head.head.pos_ not in ("VERB", "AUX"):
            continue
        verb, dep, own_dep = head.head, head.dep_, n.dep_
        n.head, n.dep_ = verb, dep
        head.head, head.dep_ = n, own_dep
        repaired += 1
    return repaired


def nominalize_determined_verbs(doc: Doc, scheme: Scheme) -> int:
    """Read a "verb" with an article as the noun it is: "struck [a ceasefire deal]", tagged "deal"/VERB.

    An article never governs a verb. A tagger that takes a noun for a verb makes the parser build a clause
    ("ceasefire" its subject, "deal" a clausal complement) and the verb before it loses its object, so a
    gated reading ("strike a deal": an agreement) falls back to the plain one (an attack). The token becomes
    the object of its head and its subject before it a compound of it. The number of tokens repaired.
    """
    if not doc.has_annotation("DEP") or not doc.has_annotation("POS"):
        return 0
    determiners = scheme.labels("determiner")
    clauses = scheme.labels("clausal_complement", "open_complement")
    subjects = scheme.labels("subject")
    obj = min(scheme.labels("object"), default=None)
    compound = min(scheme.labels("name_part"), default=None)
    if obj is None or compound is None:
        return 0
    repaired = 0
    for t in doc:
        if t.pos_ != "VERB" or t.dep_ not in clauses or t.head.i > t.i or t.head.pos_ not in ("VERB", "AUX"):
            continue
        first = doc[t.left_edge.i]
        if not (first.dep_ in determiners and "Art" in first.morph.get("PronType")) or first.i == t.i:
            continue
        # "a ceasefire deal": only an article and nominal words before it, no auxiliary or marker of a clause.
        if any(w.pos_ not in _NOMINAL_WORDS for w in doc[first.i + 1 : t.i]):
            continue
        if any(c.dep_ in scheme.labels("auxiliary", "marker") for c in t.children):
            continue
        t.pos_, t.dep_ = "NOUN", obj
        for c in t.lefts:
            if c.dep_ in subjects:
                c.dep_ = compound
        repaired += 1
    return repaired


def restore_subjects(
    doc: Doc, scheme: Scheme, passive_auxiliaries: Iterable[str] = (), first_object_is_subject: bool = False
) -> int:
    """Give a verb back the subject a parse labelled as something else, where grammar says it must be one.

    After a fronted phrase the German subject follows the finite verb ("Nach Angaben der Opposition
    haben Regierungstruppen mehrere Dörfer beschossen"), and a small parser may label it an object, or
    the object a passive subject. Four rules, each grounded in grammar, not in one model's habits:

    - a conjunction is never a subject ("..., bestreitet aber, ..."): it becomes a coordinator;
    - a verb without a passive auxiliary has no passive subject: with only a perfect "haben" the
      phrase is an object;
    - a verb's first object, if the morphology calls it nominative only, is the subject;
    - with ``first_object_is_subject`` (a language data flag: German puts the subject first in the
      middle field), the first of two accusative objects of a verb that has no subject is the subject,
      since a verb takes one accusative object.

    A conjunct or infinitive is left alone (its subject is another verb's: "hat ... eingeräumt und seinem
    Herausforderer gratuliert", "die Gewalt zu beenden"). The number of tokens repaired.
    """
    if not doc.has_annotation("DEP"):
        return 0
    objects = scheme.labels("object")
    subjects = scheme.labels("subject")
    passive_subjects = scheme.labels("passive_subject")
    obliques, case = scheme.labels("oblique") - scheme.labels("temporal"), scheme.labels("case")
    subject, obj, coordinator = scheme.label("subject"), scheme.label("object"), scheme.label("coordinator")
    if subject is None or obj is None:
        return 0
    shared = scheme.labels("conjunct", "open_complement", "clausal_complement", "parataxis", "unclassified")
    markers = scheme.labels("marker")
    auxiliaries = scheme.labels("auxiliary")
    passive_aux = frozenset(a.lower() for a in passive_auxiliaries)
    repaired = 0
    for t in doc:
        if t.dep_ in subjects and t.pos_ == "CCONJ" and coordinator is not None:
            t.dep_ = coordinator
            repaired += 1
    children: dict[int, list[Token]] = {}
    for t in doc:
        if t.head.i != t.i:
            children.setdefault(t.head.i, []).append(t)  # (one pass: Token.children is slow)
    aux_labels = auxiliaries | scheme.labels("passive_auxiliary")
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in shared:
            continue
        kids = children.get(verb.i, [])
        if any(c.dep_ in markers for c in kids):
            continue
        auxes = [c for c in kids if c.dep_ in aux_labels]
        if passive_aux and auxes and not any(a.lemma_.lower() in passive_aux for a in auxes):
            # "haben ... die Stadt angegriffen": a perfect, not a passive, so no passive subject
            for c in kids:
                if c.dep_ in passive_subjects and c.pos_ in ("NOUN", "PROPN"):
                    c.dep_ = obj
                    repaired += 1
        if any(c.dep_ in subjects or c.dep_ in passive_subjects for c in kids):
            continue
        nominal = [c for c in kids if c.dep_ in objects and c.pos_ in ("NOUN", "PROPN")]
        # a bare noun labelled oblique after the object is a second object in all but name ("sollen Milizen
        # ... Zivilisten getötet haben")
        bare = [
            c for c in kids if c.dep_ in obliques and c.pos_ in ("NOUN", "PROPN") and nominal and c.i > nominal[0].i
            and not any(k.dep_ in case for k in c.children)
        ]  # fmt: skip
        # (the first phrase decides: a weak morphologizer's case follows the label it was given)
        two = len(nominal) + len(bare) > 1
        if nominal and (nominal[0].morph.get("Case") == ["Nom"] or (first_object_is_subject and two)):
            nominal[0].dep_ = subject
            repaired += 1
    return repaired


def join_verb_first_conjuncts(doc: Doc, scheme: Scheme, adversatives: Iterable[str] = ()) -> int:
    """Make a verb-first clause after a comma the conjunct of the clause before it, not its speech frame.

    "Die Nato lehnte einen Beitritt ab, sagte aber zu, die Zusammenarbeit zu vertiefen": a small parser reads
    the first clause as the fronted content of "sagte ... zu" ("..., sagte X"), so the second verb has no
    subject and the first is what was said. A fronted content is reported speech with a speaker after the
    verb; here the first clause is indicative with its own subject, and the second verb has no subject (or,
    next to an adversative such as "aber", only a common noun the parse labelled so: "verlangte aber eine
    Reform"). Then both verbs share the first clause's subject, as in "und". Only for verb-second languages,
    whose data names the adversatives. The number of clauses repaired.
    """
    words = frozenset(w.lower() for w in adversatives)
    if not words or not doc.has_annotation("DEP"):
        return 0
    fronted = scheme.labels("clausal_complement", "parataxis")
    subjects = scheme.labels("subject")
    conj, obj = scheme.label("conjunct"), scheme.label("object")
    if conj is None or obj is None:
        return 0
    repaired = 0
    for b in list(doc):
        # (cheap tests first: the morphology is parsed on every access)
        if b.pos_ != "VERB" or b.i == 0 or doc[b.i - 1].text != ",":
            continue
        if not finite(b):
            continue
        firsts = [c for c in b.children if c.dep_ in fronted and c.i < b.i and c.pos_ in ("VERB", "AUX")]
        if not firsts:
            continue
        a = firsts[0]
        heads_finite = [a, *(c for c in a.children if c.dep_ in scheme.labels("auxiliary"))]
        if not any(finite(t) for t in heads_finite):
            continue  # "Chérizier, genannt „Barbecue“, ... drohte": a participle phrase, no clause
        if "Sub" in a.morph.get("Mood") or not any(c.dep_ in subjects and c.i < a.i for c in a.children):
            continue  # reported speech ("Tunesien nehme ..., sagte Saied") or no clause of its own
        if any("Rel" in c.morph.get("PronType") or c.pos_ == "SCONJ" for c in a.children):
            continue  # a relative or subordinate clause ("..., der das Bündnis anführt, drohte"), no main clause
        own = [c for c in b.children if c.dep_ in subjects]
        # (the parse may hang "aber" anywhere: "warnte Ankara aber davor" has it on "davor")
        marked = any(t.text.lower() in words for t in doc[b.i + 1 : b.i + 4])
        # Next to "aber" a name is an object too ("..., warnte Ankara aber davor"): a new speaker would need a
        # reported first clause. Without it, only a common noun the morphology calls accusative ("..., rief die
        # Bevölkerung zur Ruhe auf").
        if any(not (marked and c.pos_ in ("NOUN", "PROPN")) and not _accusative_noun(c) for c in own):
            continue  # "..., sagte der Sprecher": a speaker of its own
        for c in own:
            c.dep_ = obj
        a.head, a.dep_ = (b.head if b.head.i != b.i else a), b.dep_
        b.head, b.dep_ = a, conj
        repaired += 1
    # The mirror image: "Der Kreml bestätigte das Treffen, bestritt aber, dass ...", with the second verb made a
    # complement of the first. A finite verb right after the comma, without subject, next to an adversative, is
    # a conjunct, not what the first verb says.
    for b in list(doc):
        if b.pos_ != "VERB" or b.i == 0 or doc[b.i - 1].text != ",":
            continue
        if not finite(b):
            continue
        a = b.head
        if b.dep_ not in fronted or a.i >= b.i or a.pos_ not in ("VERB", "AUX") or "Sub" in b.morph.get("Mood"):
            continue
        if any(c.dep_ in subjects for c in b.children) or not any(c.text.lower() in words for c in b.children):
            continue
        b.dep_ = conj
        repaired += 1
    # And in the perfect: "Die Regierung hat den Angriff verurteilt, sich aber gegen Vergeltung ausgesprochen". A
    # non-finite verb after a comma, next to an adversative, without subject or auxiliary of its own, shares the
    # auxiliary of the verb before it: the second half of one perfect, not its complement.
    aux_labels = scheme.labels("auxiliary")
    for b in list(doc):
        if b.pos_ != "VERB" or b.dep_ not in fronted or b.head.i >= b.i or finite(b):
            continue
        a, start = b.head, b.left_edge.i
        start += doc[start].text == ","  # (the comma may hang on the verb itself)
        if start == 0 or doc[start - 1].text != "," or not any(c.dep_ in aux_labels for c in a.children):
            continue
        kids = list(b.children)
        if any(c.dep_ in subjects or c.dep_ in aux_labels for c in kids) or not any(
            c.text.lower() in words for c in kids
        ):
            continue
        b.dep_ = conj
        repaired += 1
    return repaired


def _accusative_noun(t: Token) -> bool:
    """A common noun, no name, that the morphology calls accusative only."""
    return t.pos_ == "NOUN" and not t.ent_type_ and t.morph.get("Case") == ["Acc"]


def raise_from_time_nouns(
    doc: Doc, scheme: Scheme, time_nouns: Iterable[str], range_prepositions: Iterable[str] = ()
) -> int:
    """Give the verb a prepositional phrase the parse hung on a time adverbial of it.

    "telefonierte am Abend mit seinem Amtskollegen": a small parser may make "mit ... Amtskollegen" a
    modifier of "Abend", and the call loses its partner. A time noun (language data) takes no such
    modifier, except one that makes a time span with it ("in der Nacht zum Mittwoch", "the night of
    March 3"): those prepositions (data too) stay. The number of phrases repaired.
    """
    nouns = frozenset(w.lower() for w in time_nouns)
    ranges = frozenset(w.lower() for w in range_prepositions)
    if not nouns or not doc.has_annotation("DEP"):
        return 0
    oblique = scheme.label("oblique")
    obliques = scheme.labels("oblique")
    case = scheme.labels("case")
    modifier = scheme.labels("noun_modifier") - scheme.labels("genitive")
    glued, subjects, obj = scheme.labels("name_part", "apposition"), scheme.labels("subject"), scheme.label("object")
    if oblique is None:
        return 0
    repaired = 0
    for t in list(doc):
        if t.text.lower() not in nouns or t.dep_ not in obliques or t.head.pos_ not in ("VERB", "AUX"):
            continue
        for c in list(t.children):
            preps = [k for k in c.children if k.dep_ in case and k.i < c.i]
            if c.i > t.i and c.dep_ in modifier and preps and preps[0].text.lower() not in ranges:
                c.head, c.dep_ = t.head, oblique
                repaired += 1
            elif (
                c.i == t.i + 1
                and c.dep_ in glued
                and c.pos_ in ("PROPN", "NOUN")
                and not preps
                and obj
                and any(k.dep_ in subjects for k in t.head.children)
                and not any(k.dep_ == obj for k in t.head.children)
            ):
                # "haben am Sonntag Odessa angegriffen", "hatte am Dienstag Untersuchungshaft angeordnet": a name
                # or bare noun right after a day is no part of it
                c.head, c.dep_ = t.head, obj
                repaired += 1
    return repaired
