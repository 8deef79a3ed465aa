"""Parse repairs of reported speech put before its reporting verb.

"Sie sei in Sicherheit, teilte der Minister mit": a weak parser hangs the words of the fronted report on
the reporting verb itself, its "sei" as the verb's auxiliary and its "Sie" as a second subject, and the
statement loses its content and its speaker (the later repair of double subjects keeps the first subject).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from kg.extract.deps import Scheme


def rehang_fronted_reports(doc: Doc, scheme: Scheme, is_speech_act: Callable[[Token], bool]) -> int:
    """Make the clause before the comma right in front of a speech verb that verb's content clause.

    An auxiliary or copula of the verb standing before that comma cannot be the verb's own (no comma
    parts a verb from its auxiliary): it is the verb of the fronted clause. With the speaker after the
    verb, that auxiliary heads the words before the comma the parse hung on the speech verb, and becomes
    its clausal complement. The number of clauses rehung.
    """
    # (the copula too: "Die Lage sei ruhig, teilte ... mit" with "sei" as the speech verb's "cop")
    auxiliaries = scheme.labels("auxiliary", "passive_auxiliary", "predicative")
    content, subjects = scheme.label("clausal_complement"), scheme.labels("subject")
    subject, arguments = scheme.label("subject"), scheme.labels("subject", "object", "indirect_object")
    obliques, case = scheme.labels("oblique"), scheme.labels("case")
    if not auxiliaries or content is None or subject is None or not doc.has_annotation("DEP"):
        return 0
    rehung = 0
    for v in doc:
        comma = v.i - 1
        if v.pos_ != "VERB" or comma < 1 or doc[comma].text != ",":
            continue
        start = v.sent.start
        left = [c for c in v.children if start <= c.i < comma]
        head = next((c for c in left if c.dep_ in auxiliaries and c.pos_ in ("AUX", "VERB")), None)
        if head is None and left and not any(c.dep_ == content for c in left):
            # "Guaidó sei der legitime Präsident, ..., sagte Merkel" with the fronted words hung on the speech
            # verb under a name: the first subjunctive verb before the comma heads what was said
            head = next((t for t in doc[start:comma] if t.pos_ in ("AUX", "VERB") and "Sub" in t.morph.get("Mood")),
                        None)
        # (a bare noun phrase the parse called oblique is one too: "teilte der Minister mit" read as a dative)
        speakers = [c for c in v.children if c.i > v.i and c.pos_ in ("NOUN", "PROPN") and (
            c.dep_ in arguments or (c.dep_ in obliques and not any(k.dep_ in case for k in c.children)))]
        if head is None or not speakers or not is_speech_act(v):
            continue
        head.head, head.dep_ = v, content  # (first: a word of ``left`` may have headed it)
        for c in left:
            if c is not head:
                c.head = head
        doc[comma].head = head
        if len(speakers) == 1 and not any(c.dep_ in subjects for c in v.children):
            speakers[0].dep_ = subject  # (what was said was the parse's reason to call the speaker an object)
        rehung += 1
    return rehung


def split_clauses_at_semicolons(doc: Doc, scheme: Scheme) -> int:
    """Make a clause the parse made the complement of a verb after a semicolon an independent clause.

    "The United States has blamed Iran for the attacks; Tehran has denied any involvement": parsed with
    "blamed" as the content of "denied", the accusation becomes what Iran denies, and is lost as an act. A
    semicolon ends a sentence's clause: nothing before it is the complement of a verb after it. The number
    of clauses split off.
    """
    content, parataxis = scheme.labels("clausal_complement"), scheme.label("parataxis")
    subject = scheme.label("subject")
    if not content or parataxis is None or subject is None or not doc.has_annotation("DEP"):
        return 0
    split = 0
    for c in doc:
        v = c.head
        if c.dep_ not in content or v.i <= c.i:
            continue
        semi = next((t.i for t in doc[c.i + 1 : v.i] if t.text == ";"), None)
        if semi is None:
            continue
        c.dep_ = parataxis
        # ("...; Teheran bestreitet jede Beteiligung" with "Teheran" hung on the clause before the semicolon:
        # the words after it are the second clause's, a bare noun its subject)
        for t in doc[semi + 1 : v.i]:
            if t.head.i < semi:
                t.head = v
                if t.pos_ in ("NOUN", "PROPN"):
                    t.dep_ = subject
        split += 1
    return split


def rehang_content_from_channels(
    doc: Doc, scheme: Scheme, is_speech_act: Callable[[Token], bool], complementizers: frozenset[str]
) -> int:
    """Make a that-clause the parse hung on the channel of a speech act the act's content clause.

    "The ministry said in a statement that the duties would take effect", "told Trump in a phone call that
    ...", "sagte in einer Erklärung, dass ...": parsed as a clause modifying "statement", the statement loses
    what was said. A clause opened by a complementizer right after the noun of the verb's prepositional
    phrase is what the speech act says. The number of clauses rehung.
    """
    modifiers, markers = scheme.labels("relative_clause"), scheme.labels("marker")
    content, pobj = scheme.label("clausal_complement"), scheme.labels("prepositional_object")
    if not modifiers or content is None or not doc.has_annotation("DEP"):
        return 0
    rehung = 0
    for c in doc:
        n = c.head
        if c.dep_ not in modifiers or n.pos_ not in ("NOUN", "PROPN") or c.i <= n.i:
            continue
        if not any(m.dep_ in markers and m.lower_ in complementizers and m.i < c.i for m in c.children):
            continue  # (a relative clause: "a statement that was read out")
        # the noun's verb: through its preposition (ClearNLP "prep" -> "pobj") or with a "case" child (UD "obl")
        prep = n.head if n.dep_ in pobj and n.head.pos_ == "ADP" else None
        v = prep.head if prep is not None else n.head
        has_case = prep is not None or any(k.pos_ == "ADP" and k.i < n.i for k in n.children)
        if not has_case or v.i >= n.i or v.pos_ != "VERB" or not is_speech_act(v):
            continue
        c.head, c.dep_ = v, content
        rehung += 1
    return rehung


def subjects_read_as_objects_of_speech(doc: Doc, scheme: Scheme, is_speech_act: Callable[[Token], bool]) -> int:
    """Make the object of a speech verb the subject of the finite clause right after it, and that clause what
    was said.

    "Police said more than 30 articles ... since 2019 had called for sanctions": with "since" taken for the
    clause's marker, the parser makes "articles" the object of "said" and "had called" an adverbial clause
    without a subject, which then inherited the police as its subject. A finite verb (one with an
    auxiliary) has a subject; the noun phrase between the speech verb and it is that subject. The number
    of clauses repaired.
    """
    objects, adverbial = scheme.labels("object"), scheme.labels("adverbial_clause")
    content, subject = scheme.label("clausal_complement"), scheme.label("subject")
    subjects, auxiliaries = scheme.labels("subject", "passive_subject"), scheme.labels("auxiliary")
    if content is None or subject is None or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for v in doc:
        if v.pos_ != "VERB" or not v.n_rights:
            continue
        kids = list(v.rights)
        n = next((c for c in kids if c.dep_ in objects and c.pos_ in ("NOUN", "PROPN")), None)
        c = next((k for k in kids if n is not None and k.dep_ in adverbial and k.i > n.right_edge.i), None)
        if c is None or not is_speech_act(v) or any(k.dep_ in subjects for k in c.children):
            continue
        aux = [k for k in c.children if k.dep_ in auxiliaries and k.i < c.i]
        if not aux or any(t.pos_ in ("VERB", "AUX") for t in doc[n.right_edge.i + 1 : aux[0].i]):
            continue
        n.head, n.dep_ = c, subject
        c.dep_ = content
        repaired += 1
    return repaired
