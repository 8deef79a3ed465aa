"""Parse repairs made to a whole document before anything reads it: fronted modifiers, verbs a tagger
read as nouns, lost subjects, verb-first conjuncts, words hung on a day. (The repairs of a clause hung
on its auxiliary are in :mod:`kg.extract.auxiliary_repair`.)
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from kg.extract.deps import Scheme
from kg.extract.syntax import finite

#: Words of a noun phrase before its head: "a [new ceasefire] deal".
_NOMINAL_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET"})


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
            elif c.i == t.i + 1 and c.dep_ in glued and c.pos_ in ("PROPN", "NOUN") and not preps and obj and any(
                k.dep_ in subjects for k in t.head.children
            ) and not any(k.dep_ == obj for k in t.head.children):
                # "haben am Sonntag Odessa angegriffen", "hatte am Dienstag Untersuchungshaft angeordnet": a name
                # or bare noun right after a day is no part of it
                c.head, c.dep_ = t.head, obj
                repaired += 1
    return repaired


def prepositional_name_parts(doc: Doc, scheme: Scheme) -> int:
    """Make a name the parse compounded into the noun after it, behind a preposition, that noun's modifier.

    "hat gegen Silvio Berlusconi Anklage erhoben": a small parser makes "Berlusconi" a compound of
    "Anklage", with "gegen" on "Silvio", so the accused is no target and the charge a phrase of its own. A
    preposition opens no part of a name: the name part nearest the noun is a prepositional modifier of it,
    and the preposition is its case. The number of phrases repaired.
    """
    compound = scheme.labels("name_part")
    case, modifier = scheme.labels("case"), scheme.label("noun_modifier")
    if modifier is None or not case or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for t in doc:
        if t.dep_ not in compound or t.head.pos_ != "NOUN" or t.head.i < t.i:
            continue
        first = t.left_edge
        if first.pos_ != "ADP" or first.dep_ not in case:
            continue
        t.dep_ = modifier
        first.head = t
        repaired += 1
    return repaired


def verbs_of_verbless_roots(doc: Doc, scheme: Scheme) -> int:
    """Make a finite verb the parse coordinated with a sentence's nominal root that sentence's verb.

    "Ministerpräsident Benjamin Netanjahu wies Forderungen ... zurück und sagte, Israel werde ...": with
    "wies" tagged an adjective, a small parser makes the first noun the root of a verbless sentence and
    "sagte" its conjunct, so the statement has no speaker. A root noun phrase before a finite verb joined
    to it is that verb's subject, and the verb heads the sentence (unless it has a subject of its own).
    The number of sentences repaired.
    """
    conj, roots = scheme.label("conjunct"), scheme.labels("root")
    subject, subjects, case = scheme.label("subject"), scheme.labels("subject"), scheme.labels("case")
    if conj is None or subject is None or not roots or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for n in doc:
        if n.dep_ not in roots or n.pos_ not in ("NOUN", "PROPN") or any(c.dep_ in case for c in n.children):
            continue
        verb = next((b for b in n.children if b.dep_ == conj and b.i > n.i and b.pos_ == "VERB"), None)
        if verb is None or ("Fin" not in verb.morph.get("VerbForm") and not verb.morph.get("Person")):
            continue
        if any(c.dep_ in subjects for c in verb.children):
            continue
        verb.head, verb.dep_ = verb, n.dep_
        n.head, n.dep_ = verb, subject
        for c in list(n.children):
            if c.i > verb.i:
                c.head = verb  # the sentence's end and what follows the verb are the verb's
        repaired += 1
    return repaired
