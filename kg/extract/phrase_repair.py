"""Parse repairs inside noun phrases and of a clause's one subject, made before anything reads the parse.

Things grammar forbids and a small parser still produces, each of which costs a clause its actor or its verb:

- a truncated first part heads its coordination ("[Staats-] und Regierungschefs der G7"): the full word is
  the head, the truncated part its conjunct;
- an article heads its phrase ("[Der] von den Streitkräften kontrollierte Sender teilte mit"): an article
  always belongs to a noun after it;
- a clause has two subjects ("Moskau wies [die Vorwürfe] zurück", "Die Ukraine begrüßte [die Entscheidung]"):
  one of them is an object;
- a noun is the conjunct of a verb ("abgelehnt und [den Staaten] mit Krieg gedroht"): it is the next verb's;
- a finite verb modifies a noun ("Moskau [kündigte] Gegenmaßnahmen an"): it heads its clause, also when the
  tagger took it for an adjective in a sentence that has no verb ("Estland und Lettland [verhängten]/ADJ
  Einreiseverbote").

The repairs speak abstract roles (:mod:`kg.extract.deps`), so they hold for UD and TIGER parses alike.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from kg.extract.deps import Scheme
from kg.extract.syntax import finite, take_over, take_place

#: How far an article may stand before its noun ("der von den Streitkräften des Landes kontrollierte Sender").
_PHRASE_REACH = 8
_NOMINAL = ("NOUN", "PROPN")


def attach_truncated_conjuncts(doc: Doc, scheme: Scheme) -> int:
    """Make the full word of "Staats- und Regierungschefs" the head of its coordination.

    A truncated word (ending in a hyphen) only abbreviates the full word's second part; it cannot head a
    phrase, take its article or be a verb's subject. The full word takes its place and label, and the
    truncated part becomes its conjunct. The number of phrases repaired.
    """
    conjuncts, label = scheme.labels("conjunct"), scheme.label("conjunct")
    if label is None or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for t in doc:
        if len(t.text) < 3 or not t.text.endswith("-") or not t.text[-2].isalpha():
            continue
        full = [c for c in t.children if c.dep_ in conjuncts and c.i > t.i and c.pos_ in (*_NOMINAL, "ADJ")]
        if not full:
            continue
        f = full[0]
        take_over(f, t, label)
        repaired += 1
    return repaired


def attach_stray_articles(doc: Doc, scheme: Scheme) -> int:
    """Give an article that a parse made a verb's argument back to its noun.

    "Der von den Streitkräften kontrollierte Fernsehsender teilte mit": parsed with "Der" as the subject and
    "Fernsehsender" as an argument of the participle, the clause has no actor. An article (``PronType=Art``)
    heads nothing: its noun is the first noun after it that has no preposition and no determiner of its
    own, with no finite verb or comma in between. When that noun hangs on the article's head or on a word
    between the two, the noun takes the article's place and label, the article becomes its determiner, and
    a participle between them that hung elsewhere becomes the noun's modifier. The number repaired.
    """
    arguments = scheme.labels("subject", "passive_subject", "object", "indirect_object", "oblique")
    det, modifier = scheme.label("determiner"), scheme.label("modifier")
    case, determiners = scheme.labels("case"), scheme.labels("determiner")
    if det is None or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for art in doc:
        if art.pos_ != "DET" or art.dep_ not in arguments or "Art" not in art.morph.get("PronType"):
            continue
        if any(c.pos_ in _NOMINAL for c in art.children):
            continue
        noun = _noun_of(doc, art, case, determiners)
        if noun is None or not (noun.head.i == art.head.i or art.i < noun.head.i < noun.i):
            continue
        inner = [t for t in doc[art.i + 1 : noun.i] if not art.i <= t.head.i <= noun.i]
        if noun.head.i != art.head.i or noun.dep_ not in arguments:
            take_place(noun, art)
        art.head, art.dep_ = noun, det
        for t in inner:
            if t.pos_ in ("ADJ", "VERB") and modifier is not None:
                t.head, t.dep_ = noun, modifier
        repaired += 1
    return repaired


def _noun_of(doc: Doc, art: Token, case: frozenset[str], determiners: frozenset[str]) -> Token | None:
    """The noun an article belongs to: the next one of its own phrase, or None."""
    for t in doc[art.i + 1 : art.i + 1 + _PHRASE_REACH]:
        if t.text in (",", ";", ":") or (t.pos_ in ("VERB", "AUX") and finite(t)):
            return None
        if t.pos_ in _NOMINAL:
            own = [c for c in t.children if c.i < t.i and (c.dep_ in case or (c.dep_ in determiners and c.i > art.i))]
            if not own:
                return t
    return None


def split_double_subjects(doc: Doc, scheme: Scheme) -> int:
    """Make the second of two subjects of one verb its object: a clause has one subject.

    "Moskau wies die Vorwürfe zurück" parsed with two subjects loses its object; a name labelled an adverb
    or a bare oblique ("Pakistan bestreitet jede Verwicklung", "Kanzler Scholz hat Minister Lindner
    entlassen") counts as one of them: a name is never an adverb, nor without a preposition an oblique. Word
    order decides, as a reader does when case is ambiguous: the first is the subject, unless morphology
    says the first is not nominative and the second is only nominative ("Den Vorschlag lehnte der Minister
    ab"). The other becomes the indirect object if its case is dative, else the object; where the verb
    already has an object, a title right before the object's name is that name's ("Orbán hat Außenminister
    Szijjártó gerügt"), and a name between the verb and its object the indirect object ("Japan stellte
    Bangladesch 20 Millionen Dollar bereit"). A name before the verb labelled an adverb, where the verb has no
    other subject, is the subject. The number of clauses repaired.
    """
    subjects, objects = scheme.labels("subject"), scheme.labels("object", "indirect_object")
    # a name labelled an adverb or a bare oblique: never an adverb, and without a preposition no oblique
    bare_labels = scheme.labels("modifier", "oblique") - scheme.labels("temporal", "noun_modifier")
    case = scheme.labels("case")
    subject, obj, iobj = scheme.label("subject"), scheme.label("object"), scheme.label("indirect_object")
    part = scheme.label("name_part")
    if subject is None or obj is None or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX", "ADV"):
            continue
        kids = list(verb.children)
        found = [
            c for c in kids
            if c.pos_ in _NOMINAL and (c.dep_ in subjects or (c.pos_ == "PROPN" and c.dep_ in bare_labels))
            and not any(k.dep_ in case for k in c.children)
        ]  # fmt: skip
        if len(found) == 1 and found[0].dep_ not in subjects and found[0].i < verb.i:
            found[0].dep_ = subject  # "Mark Rutte, ..., verurteilte": the name before the verb, labelled an adverb
            repaired += 1
            continue
        if len(found) != 2 or not any(c.dep_ in subjects for c in found):
            continue
        objs = [c for c in kids if c.dep_ in objects]
        if objs:
            # "Orbán hat Außenminister Szijjártó gerügt": the title right before the object's name is its own
            title = next((o for o in objs if o.i == found[1].i + 1 and o.pos_ in _NOMINAL), None)
            if title is not None and part is not None and found[1].pos_ == "NOUN":
                found[1].head, found[1].dep_ = title, part
                repaired += 1
            elif iobj is not None and found[1].pos_ == "PROPN" and found[0].i < verb.i < found[1].i < objs[0].i:
                # "Japan stellte Bangladesch 20 Millionen Dollar bereit": a name between the verb and its object
                found[1].dep_ = iobj  # is whom it is given to, said to, accused
                repaired += 1
            continue
        first, second = found
        fc, sc = _case(first, marked=True), _case(second)
        if fc and "Nom" not in fc and sc == {"Nom"}:
            first, second = second, first
            sc = fc
        first.dep_ = subject
        second.dep_ = _object_label(sc, obj, iobj)
        repaired += 1
    return repaired


def _case(t: Token, *, marked: bool = False) -> set[str]:
    """The cases the noun or its determiner allow (empty when neither says).

    ``marked``: only what the article says. A bare name's own case is the tagger's guess ("Peking bestritt
    die Darstellung": "Peking" tagged accusative), and trusting it would swap subject and object.
    """
    own = set() if marked else set(t.morph.get("Case"))
    for c in t.children:
        if c.pos_ == "DET" and c.i < t.i and c.morph.get("Case"):
            own = own & set(c.morph.get("Case")) if own else set(c.morph.get("Case"))
    return own


def _object_label(case: set[str], obj: str, iobj: str | None) -> str:
    """The label of a noun phrase that is a verb's object: the indirect object when its case is only dative."""
    dative = "Dat" in case and not case & {"Nom", "Acc"}
    return iobj if iobj is not None and dative else obj


def attach_nominal_conjuncts(doc: Doc, scheme: Scheme) -> int:
    """Give a noun phrase the parse made the conjunct of a verb to the verb that follows it in its conjunct.

    "hat den Abzug abgelehnt und den Vereinigten Staaten mit Krieg gedroht": parsed with "Staaten" as the
    conjunct of "abgelehnt", the threat loses whom it threatens. Conjuncts are of one kind; a noun is no
    conjunct of a verb. When the next verb of the same coordination follows the noun, the noun is that
    verb's argument: the indirect object if its case is dative, else the object. The number repaired.
    """
    conjuncts = scheme.labels("conjunct")
    obj, iobj = scheme.label("object"), scheme.label("indirect_object")
    if obj is None or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for t in doc:
        if t.pos_ not in _NOMINAL or t.dep_ not in conjuncts or t.head.pos_ not in ("VERB", "AUX"):
            continue
        after = [c for c in t.head.children if c.dep_ in conjuncts and c.i > t.i and c.pos_ in ("VERB", "AUX")]
        if not after or any(w.text in (",", ";") for w in doc[t.i : after[0].i]):
            continue
        t.head, t.dep_ = after[0], _object_label(_case(t), obj, iobj)
        repaired += 1
    return repaired


def retag_verbs_of_verbless_sentences(doc: Doc, scheme: Scheme, is_verb: Callable[[Token], bool]) -> set[int]:
    """Tag as a finite verb the adjective that stands where a verb stands.

    A sentence always has a verb; when the tagger found none, an attributive "adjective" right after a noun
    phrase that the vocabulary knows as a verb form ("verhängten", ``is_verb``) is the verb. So is such an
    "adjective" the parse made a root without a copula, in any sentence ("Danach [empfing] Erdogan
    Selenskyj", "Unterdessen [beschuldigte] Aserbaidschan Armenien, ... zu haben"). :func:`raise_finite_modifiers`
    then makes it head its clause. The indices of the words retagged.
    """
    modifiers, roots, predicative = scheme.labels("modifier"), scheme.labels("root"), scheme.labels("predicative")
    retagged = set()
    for sent in doc.sents:
        # (or one whose root is a noun: "Netanjahu [wies]/ADJ Forderungen ... zurück und sagte, ...")
        verbless = not any(t.pos_ in ("VERB", "AUX") for t in sent) or sent.root.pos_ in _NOMINAL
        for t in sent:
            attribute = (
                verbless and t.dep_ in modifiers and t.i > sent.start and doc[t.i - 1].pos_ in _NOMINAL
                and t.head.i > t.i and t.head.pos_ in _NOMINAL
            )  # fmt: skip
            root = t.dep_ in roots and not any(c.dep_ in predicative for c in t.children)
            if t.pos_ == "ADJ" and (attribute or root) and is_verb(t):
                t.pos_ = "VERB"
                t.set_morph("VerbForm=Fin")
                retagged.add(t.i)
                break
    return retagged


def verbs_hung_as_auxiliaries(
    doc: Doc, scheme: Scheme, is_verb: Callable[[Token], bool], auxiliaries: frozenset[str]
) -> set[int]:
    """Finite verbs of the vocabulary the parse made a copula or an auxiliary of a word after them.

    Only a form of an auxiliary ("hat", "ist", "wird", "soll") is one; a weak tagger also calls rarer strong
    past forms auxiliaries ("Russland [bestritt]/cop die Vorwürfe"), and the clause then has a noun for its
    verb. :func:`raise_finite_modifiers` makes such a word head its clause.
    """
    hung = scheme.labels("auxiliary", "passive_auxiliary", "predicative")
    return {
        t.i
        for t in doc
        if t.dep_ in hung and t.pos_ in ("VERB", "AUX") and finite(t) and t.head.i > t.i
        and t.lemma_.lower() not in auxiliaries and is_verb(t)
    }  # fmt: skip


def verbs_before_their_particles(doc: Doc, scheme: Scheme, own_particle: Callable[[Token, Token], bool]) -> set[int]:
    """Tag as a finite verb the "modifier" after a coordinator whose separable particle ends the clause.

    "Die SDF sprachen von Toten und [warfen]/ADJA Ankara [vor]": a weak tagger calls the strong past "warfen"
    an adjective of "Ankara" and hangs "vor" on the first verb. A particle that joins the word into a
    vocabulary verb (``own_particle``: "vor" + "werfen") proves the word is that verb; the particle, and the
    words between them the parse hung on the first verb ("schloss ... [nicht länger] aus"), become its own,
    and :func:`raise_finite_modifiers` makes it head its clause. The indices of the words retagged.
    """
    modifiers, particles = scheme.labels("modifier"), scheme.labels("particle")
    found: set[int] = set()
    for t in doc:
        if t.dep_ not in modifiers or t.pos_ not in ("VERB", "ADJ") or t.i == 0 or doc[t.i - 1].pos_ != "CCONJ":
            continue
        for p in doc[t.i + 1 : t.sent.end]:
            if p.text == "," or p.pos_ == "CCONJ":
                break
            if p.dep_ in particles and p.head.i < t.i and own_particle(t, p):
                t.pos_ = "VERB"
                t.set_morph("VerbForm=Fin")
                old = p.head
                for w in [*doc[t.i + 1 : p.i], p]:
                    if w.head.i == old.i:
                        w.head = t  # (and what the parse hung on the first verb between them: "länger")
                        for g in w.children:
                            if g.pos_ == "PART" and g.i < w.i:
                                g.head = t  # the "nicht" of "nicht länger" negates the verb
                found.add(t.i)
                break
    return found


def raise_finite_modifiers(doc: Doc, scheme: Scheme, verbs: set[int] | frozenset[int] = frozenset()) -> int:
    """Make a finite verb the parse hung on a noun as its modifier the head of its clause again.

    "Moskau kündigte Gegenmaßnahmen an", parsed as a noun phrase "kündigte Gegenmaßnahmen" with "Moskau" as a
    modifier, has no verb at all. A finite verb is never an attributive modifier. Proof that the word is used
    as a verb: the separable particle ("an") after the noun (a participle used as an adjective carries its
    particle joined, "angekündigte"), or the verb's own place (:func:`_in_verb_place`: "Die USA setzten
    Finanzhilfen aus", "Conille dankte Kenia und versprach ..."). Then the verb takes the noun's place and label,
    the noun becomes its object, a bare noun phrase before the verb that hung on the noun its subject, and the
    particle its particle. A noun the parse made another verb's argument leaves that verb as its conjunct.
    ``verbs``: words known to be verbs (:func:`retag_verbs_of_verbless_sentences`,
    :func:`verbs_hung_as_auxiliaries`), wherever they stand and whatever their label. The
    number of clauses repaired.
    """
    modifiers, particles = scheme.labels("modifier"), scheme.labels("particle")
    case, subjects, conjuncts = scheme.labels("case"), scheme.labels("subject"), scheme.labels("conjunct")
    subject, obj = scheme.label("subject"), scheme.label("object")
    if subject is None or obj is None or not conjuncts or not particles or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for t in doc:
        n = t.head
        # (a weak tagger may call the verb an auxiliary: "Henry [dankte]/AUX Kenia")
        if t.pos_ not in ("VERB", "AUX") or not (t.dep_ in modifiers or t.i in verbs) or not finite(t):
            continue
        if n.pos_ not in _NOMINAL or n.i <= t.i:
            continue
        prts = [p for p in doc[n.i + 1 : n.sent.end] if p.dep_ in particles and p.head.i in (n.i, t.i)]
        if not prts and t.i not in verbs and not _in_verb_place(t, n, scheme):
            continue
        before = [c for c in n.children if c.i < t.i]
        h, root = n.head, n.head.head.i == n.head.i
        if h.i == n.i:
            t.head, t.dep_ = t, n.dep_
        elif root and h.pos_ in ("VERB", "AUX") and h.i > t.i:
            # "setzten Hilfen aus, und Minister Blinken forderte ...": the noun was the next clause's argument;
            # that verb becomes the restored one's conjunct and takes the noun's conjunct as its subject.
            _split_coordination(t, n, h, scheme)
        elif root and h.pos_ in _NOMINAL and h.i < t.i:
            # "Premier Conille dankte Kenia und versprach ...": the root noun is the verb's subject, and the
            # verbs coordinated with it the verb's conjuncts.
            t.head, t.dep_ = t, h.dep_
            for c in h.children:
                if c.dep_ in conjuncts and c.i > t.i and c.pos_ in ("VERB", "AUX"):
                    c.head = t
            h.head, h.dep_ = t, subject
        else:
            t.head, t.dep_ = n.head, n.dep_
        n.head, n.dep_ = t, obj
        for c in before:
            c.head = t
            bare = c.pos_ in _NOMINAL and not any(k.dep_ in case for k in c.children)
            if bare and not any(k.dep_ in subjects for k in t.children):
                c.dep_ = subject
        for p in [*prts, *(c for c in n.children if c.pos_ == "PUNCT" and prts and c.i > prts[0].i)]:
            p.head = t  # (and the sentence's final stop, which hung on the noun)
        repaired += 1
    return repaired


def _split_coordination(t: Token, n: Token, h: Token, scheme: Scheme) -> None:
    """Make the verb ``t`` the root and the verb ``h`` after it its conjunct, and give ``h`` its subject back:
    the conjunct of ``t``'s noun ``n`` after the coordinator ("Minister" in "setzten Hilfen aus, und Minister
    Blinken forderte"). A main clause has one phrase before its verb, so an object of ``h`` between that subject
    and ``h`` is the subject's apposition ("Blinken"); a second subject after ``h`` is left to
    :func:`split_double_subjects`."""
    conjuncts, subjects = scheme.labels("conjunct"), scheme.labels("subject")
    objects, appos = scheme.labels("object"), scheme.label("apposition")
    t.head, t.dep_ = t, h.dep_
    h.head, h.dep_ = t, scheme.label("conjunct")
    own = [c for c in n.children if c.dep_ in conjuncts and t.i < c.i < h.i]
    if not own or any(c.dep_ in subjects and c.i < h.i and c != n for c in h.children):
        return
    s = own[-1]
    s.head, s.dep_ = h, scheme.label("subject")
    for c in h.children:
        if c.dep_ in objects and s.i < c.i < h.i and c.pos_ in _NOMINAL and appos is not None:
            c.head, c.dep_ = s, appos


def _in_verb_place(t: Token, n: Token, scheme: Scheme) -> bool:
    """Whether the finite verb ``t`` the parse hung on the noun ``n`` stands where a verb, not an attribute, stands.

    An attribute follows its phrase's article ("die vereinbarte Waffenruhe") or a word of its own phrase ("im
    pakistanisch kontrollierten Teil"); a verb in second place follows its subject ("Die USA setzten ...",
    "Conille dankte ..."), a pronoun ("es gebe") or a conjunction ("und drohte ..."), and its clause has no
    other finite verb before it ("hat ... großangelegte Manöver abgehalten").
    """
    determiners = scheme.labels("determiner")
    if any(c.dep_ in determiners and c.i < t.i for c in n.children) or t.i == t.sent.start:
        return False
    left = t.doc[t.i - 1]
    if left.pos_ not in ("PROPN", "NOUN", "PRON", "CCONJ") or set(left.morph.get("Case")) & {"Dat", "Gen"}:
        return False
    for w in reversed(t.doc[t.sent.start : t.i]):
        if w.pos_ == "CCONJ" or w.text == ",":
            break
        if w.pos_ in ("VERB", "AUX") and finite(w):
            return False
    return True
