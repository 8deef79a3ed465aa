"""Events: an actor does something to another actor or thing.

The target is an actor object, a dative ("granted them asylum"), an actor in one of the
predicate's target prepositions ("sanctions on Iran"), or one inside the object phrase ("den
Geschäftsträger Nordkoreas"); otherwise, unless the predicate needs an actor, the theme is a
concept. A state's own sector is its instrument, not its target ("withdrew its troops").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.arguments import Arg
from kg.extract.event_objects import aimed_object, state_of
from kg.extract.event_phrases import (
    NON_ACTORS,
    actors_inside,
    forms,
    modifies,
    modifying_group,
    named_deed,
    preposition,
    target_phrases,
)
from kg.extract.places import in_place_phrase
from kg.extract.sectors import find_sector_noun
from kg.extract.syntax import is_punct
from kg.gazetteer import lexicon as gazetteer_lexicon
from kg.gazetteer import records
from kg.model import Concept, Entity, Triple
from kg.predicates import Predicate

if TYPE_CHECKING:
    from kg.extract.reader import SentenceReader


def event_triples(
    r: SentenceReader, v: Token, pred: Predicate, lemma: str, subjects: list[Arg], fallback: bool
) -> list[Triple]:
    # ("voted for Sweden's accession": the measure is what the prepositional verb is about, never an actor
    # named inside it)
    measures = prepositional_objects(r, v, lemma)
    objects = r._object_tokens(v) + measures
    object_nouns = pred.objects.get(r.lang, frozenset())
    light = r.cues.lexicon.light_nouns.get(lemma, frozenset())
    # "retaliated with tariffs on American goods", "reagierte mit Gegenzöllen": the deed noun of a
    # prepositional light-verb construction is the verb's object.
    prep_args = r._prep_args(v)
    prep_deeds = [n for prep, n in prep_args if prep and {f"{prep} {f}" for f in forms(n)} & light]
    objects += [n for n in prep_deeds if n not in objects]
    theme_is_noun = (
        bool(prep_deeds)
        or pred.gated(r.lang, lemma)
        or any(not forms(o).isdisjoint(light) or not forms(o).isdisjoint(object_nouns) for o in objects)
    )
    targets: list[Arg] = []
    allowed = r.cues.preps_of(pred)
    agents = set(r._agents(v)) if r._is_passive(v) else set()
    # "reiste gemeinsam mit Meloni nach Tunis": companions act too, no targets (but "fought alongside the army")
    companions = [n for prep, n in prep_args if _comitative(r, prep, n) and not lemma.endswith(f" {prep}")]
    doers = {a.mention.entity.key for a in subjects}
    subjects = subjects + [
        Arg(m, 0.9) for n in companions for m in r._entities(n) if m.entity.key not in doers and not stateless(m.entity)
    ]
    doers = {a.mention.entity.key for a in subjects}
    sources = r.cues.source_nouns
    own = [n for prep, n in prep_args if prep in allowed and n not in agents and n not in prep_deeds]
    target_nouns = [n for n in own if n not in companions and not {n.lower_, n.lemma_.lower()} & sources]  # "Angaben"
    preps = [Arg(m) for n in target_nouns for m in r._entities(n)]
    if not preps and theme_is_noun:
        # "Sanktionen gegen iranische Drohnenhersteller", "tariffs on steel from Canada and Mexico": the
        # actors named inside the target phrase.
        preps = [Arg(m, 0.9) for n in target_nouns for m in actors_inside(r, n, pred.demonym_target)]
    # "attacked Russian troops in the Kursk region", "shelled the city of Kharkiv": an actor or place that
    # is the object itself is the target, whatever phrase follows (not a state's own forces: "sent troops
    # to Belarus" aims at Belarus).
    own_states = {state_of(a.mention.entity) for a in subjects}
    # (never the deed noun of a prepositional construction: "in Brand gesetzt" names the act, not a place Brand)
    direct = [
        Arg(m) for o in objects if o not in prep_deeds and r.index.at(o.i) is not None for m in r._entities(o)
        if m.entity.type not in NON_ACTORS and not stateless(m.entity)
        and not any(_own_forces(m.entity, st) for st in own_states)
    ]  # fmt: skip
    if theme_is_noun and direct and not pred.partners:
        targets = direct
    elif theme_is_noun:
        # "liefert Waffen an Russland", "Sanktionen gegen Iran": the actor is in a prepositional phrase
        # or inside the theme noun's phrase ("den Geschäftsträger Nordkoreas").
        # "granted them asylum", "lieferte der Ukraine Waffen": a dative names the recipient.
        datives = [c for c in r.ch(v, "indirect_object") if c.pos_ != "ADP"]
        # (and a bare dative the parse labelled oblique: "hat der Ukraine das Gas abgedreht")
        # (not the subject itself, which a weak parse may also label oblique)
        datives += [
            c for c in r.arguments.bare_obliques(v)
            if c not in objects and c not in datives and not any(m.entity.key in doers for m in r._entities(c))
        ]  # fmt: skip
        if pred.places and preps and all(in_place_phrase(r, a.mention) for a in preps):
            # "struck Houthi targets in Yemen": where they were hit is no target when the object names whose
            # a thing hit, named by no actor, is hit there: the place says where ("setzten in Kathmandu das
            # Parlamentsgebäude in Brand"); with only the deed noun the place is the target ("Luftangriffe im Jemen")
            things = [o for o in objects if o not in prep_deeds and forms(o).isdisjoint(light)
                      and forms(o).isdisjoint(object_nouns) and r.index.at(o.i) is None]  # fmt: skip
            inside = [Arg(m, 0.9) for o in objects for m in actors_inside(r, o, pred.demonym_target)]
            preps = inside or ([] if things else preps)
        targets = preps or [Arg(m) for d in datives for m in r._entities(d)]
        if not targets:
            # "issued arrest warrants for X, Y and Z", "verhängte Sanktionen gegen X": the deed noun's own
            # target preposition, with every conjunct.
            for o in objects:
                for nouns in target_phrases(r, o, allowed):
                    found = [m for n in nouns for m in r._entities(n)]
                    found = found or [m for n in nouns for m in actors_inside(r, n, pred.demonym_target)]
                    targets += [Arg(m, 0.9) for m in found]
        if pred.partners and targets:
            # "unterzeichnete mit Biden ein Sicherheitsabkommen", "signed a deal with Iran": the actors of
            # the predicate's prepositions sign it too; what they signed is the theme.
            subjects = subjects + [a for a in targets if a.mention.entity.key not in doers]
            targets = []
        elif not targets:
            # "tariffs of 25 percent on steel imports from Canada and Mexico": the actors named nearest.
            # (for an act on people a place phrase says where: "killed 12 people in southern Nigeria")
            targets = [
                Arg(m, 0.9) for o in objects for m in actors_inside(r, o, pred.demonym_target)
                if (pred.demonym_target or not modifies(r, m, o))
                and not (pred.people_target and in_place_phrase(r, m))
            ]  # fmt: skip
    else:
        for o in objects + r.ch(v, "indirect_object"):
            # An actor inside the object phrase ("North Korea's envoy"), not a place ("ports on the Black Sea").
            inside = None if o in measures else r._entity_inside(o, demonyms=pred.demonym_target)
            if inside is not None and not pred.demonym_target and modifies(r, inside, o):
                inside = None  # "vetoed a UN Security Council resolution": the resolution, not the Council
            if inside is not None and in_place_phrase(r, inside):
                inside = None  # "killed two fighters in southern Lebanon": where, not whom
            ms = r._entities(o) or ([inside] if inside else [])
            if o in measures:
                ms = [m for m in ms if m.start <= o.i < m.end]  # the measure's own name only
            targets += [Arg(m) for m in ms if not stateless(m.entity)]
        if not targets:
            # (a place phrase says where - beside an object, not what was taken or whom it was done to: "zündeten in
            # Santiago Metrostationen an", but "wies Diplomaten aus Argentinien aus"; for an act on people never whom,
            # "verschleppten Menschen in den Gazastreifen"; a visit's place stands for its state)
            on_people = not (pred.places or pred.actor_target)
            # (so does one beside an actor's phrase: "haben in Homs auf Rebellen geschossen"; a state there is a
            # place too - "haben in Kuwait Hunderte verschleppt" - but not whose envoys were expelled: "wies die
            # Diplomaten aus Argentinien aus")
            places = ("Location",) if pred.envoy_roles else ("Location", "Country")
            aimed = bool(objects) or any(a.mention.entity.type not in ("Location", "Country") for a in preps)
            beside = aimed and not pred.envoy_roles and (pred.places or on_people)
            targets = [a for a in preps if not in_place_phrase(r, a.mention) or not (
                (beside and objects) or ((beside or on_people) and a.mention.entity.type in places)
            )]  # fmt: skip
        if not targets and pred.demonym_target:
            # "fired water cannon at a Philippine vessel": the actor named in the target phrase.
            targets = [Arg(m, 0.9) for n in target_nouns for m in actors_inside(r, n, True)]
    targets = [t for t in targets if not stateless(t.mention.entity)]
    if pred.places and pred.demonym_target:
        # "struck a Syrian air base", "beschossen kurdische Stellungen": what was hit is the phrase, as event
        # coding's gold writes it; a state only an adjective names is no target ("Ziele in Pakistan" is one)
        # ("torched two police stations", "set the parliament building alight": a sector noun modifying the
        # noun of what was hit names the building, not its actor)
        targets = [t for t in targets if t.mention.via != "demonym" and not modifying_group(r, t.mention)]
    if pred.places:
        targets = [_as_place(r, t) for t in targets]
    if pred.actor_target:
        # "hosted the Olympic Games": an event or thing is no actor to meet, visit or supply.
        targets = [t for t in targets if t.mention.entity.type not in NON_ACTORS]
    if pred.thing_target:
        # "seized a British-flagged tanker", "resigned as Bolivia's president": a place or the text
        targets = [t for t in targets if t.mention.entity.type == "Location"]
    negative = r._negated(v, objects)
    hedged = r._hedged(v)
    out = []
    if not targets and pred.reciprocal and len(subjects) > 1:
        # "Putin und Kim trafen sich": each met the other.
        for a in subjects:
            for b in subjects:
                if a is not b:
                    conf = r._confidence(a, b, hedged=hedged, fallback=fallback)
                    t = r._make(
                        a,
                        pred,
                        b.mention.entity,
                        v,
                        lemma,
                        negative=negative,
                        hedged=hedged,
                        conf=conf,
                        reported_by=r._reported_by(v, a.mention.entity.key),
                    )
                    if t is not None:
                        out.append(t)
        return out
    theme = None
    if not targets and pred.actor_target:
        return out
    if not targets:
        # The theme is what was done to: an object that is not the noun naming the deed, else the deed
        # noun's prepositional object ("launched attacks on foreign networks"), else the deed noun itself
        # ("legte sein Amt nieder": the office).
        deed = [o for o in objects if not forms(o).isdisjoint(light)]
        rest = [o for o in objects if o not in deed]
        things = [o for o in rest if forms(o).isdisjoint(object_nouns)] or rest
        if not things:
            # the deed noun's prepositional object through a preposition of the predicate ("launched attacks
            # on foreign networks"), unless the phrase is the deed's own name ("declared a state of emergency");
            # another phrase says where or how far, not what ("imposed a curfew in Srinagar")
            named = [o for o in deed if named_deed(r, o, light)]
            things = named or [
                n for o in deed for c in r.kids.get(o.i, ()) if preposition(r, c) in allowed for n in r._pp_noun(c)
            ] or deed  # fmt: skip
        theme = r._np_concept(things, v, allowed)
        means = deed + [o for o in rest if not forms(o).isdisjoint(object_nouns)]
        if means and len(means) == len(objects) and target_nouns and (pred.people_target or pred.places):
            # "fired tear gas at protesters", "fired missiles at an air base": the deed noun or the weapon names
            # the means; the predicate's phrase whom or what
            theme = r._pp_concept(target_nouns[0], None) or theme
        if theme is None and not objects and target_nouns:
            # "haben sich auf ein Friedensabkommen geeinigt", "fired on protesters": with no object, the
            # phrase of the predicate's own preposition is what the act is about or aimed at.
            theme = r._pp_concept(target_nouns[0], None)
        if theme is None and not objects:
            # "agreed to extend the border controls", "einigten sich darauf, ...": the clause is what.
            clause = r._clause(v, [])
            if clause is not None:
                theme = r._concept(*r._clause_span(v, clause))
        if theme is None and not (pred.bare and not objects):
            return []
    for subj in subjects:
        reported = r._reported_by(v, subj.mention.entity.key)
        if not targets and theme is None:
            # A complete event without an object ("students protested in Tbilisi", "Pashinyan resigned"):
            # what it is about is the subject's office, or the verb's own phrase.
            theme = _bare_theme(r, v, pred, subj)
            if theme is None:
                continue
        # "withdrew its troops", "sent its own forces": a state's own armed forces are its instrument, not
        # the target of its act (its own civilians or opposition are targets: "detained opposition activists").
        own = state_of(subj.mention.entity)
        aimed = [t for t in targets if not _own_forces(t.mention.entity, own)]
        # ("zog seine Truppen aus Mali ab" with "seine Truppen" of no state the parse could name: the same)
        means_only = (targets and not aimed) or (not targets and objects and all(_forces_noun(r, o) for o in objects))
        if means_only:
            # "zog seine Soldaten aus Mali ab", "withdrew its troops": the own forces are the means; the
            # target is the state of the predicate's preposition, else what was done is the theme.
            aimed = [a for a in preps if not _own_forces(a.mention.entity, own)]
            # ("seine Soldaten aus Mali": the phrase may hang on the forces themselves)
            aimed = aimed or [
                Arg(m, 0.9) for o in objects for nouns in target_phrases(r, o, allowed)
                for n in nouns for m in r._entities(n)
            ]  # fmt: skip
            if not aimed:
                theme = theme or r._np_concept(objects, v, allowed)
                if theme is None:
                    continue
                targets = []
        pairs = (
            [(aimed_object(r, pred, t, own, v, objects, allowed), (t,)) for t in aimed]
            if targets or aimed
            else [(theme, ())]
        )
        for obj, extra in pairs:
            conf = r._confidence(subj, *extra, hedged=hedged, fallback=fallback)
            t = r._make(subj, pred, obj, v, lemma, negative=negative, hedged=hedged, conf=conf, reported_by=reported)
            if t is not None:
                out.append(t)
    return out


def _comitative(r: SentenceReader, prep: str, n: Token) -> bool:
    """Whether the phrase of ``n`` names companions of the subject: its preposition is one of the language's
    ``comitative_prepositions`` ("alongside"), or a ``comitative_words`` adverb stands right before its
    preposition ("gemeinsam mit", "together with")."""
    cues = r.cues
    if prep in cues.comitative_prepositions:
        return True
    doc = r.span.doc
    first = n.left_edge.i if n.left_edge.pos_ == "ADP" else n.left_edge.i - 1
    return first > r.span.start and doc[first - 1].lower_ in cues.comitative_words


def prepositional_objects(r: SentenceReader, v: Token, lemma: str) -> list[Token]:
    """The nouns of the preposition a prepositional verb's lemma ends in ("voted against the tariffs",
    "called for restraint"): its object."""
    return [n for prep, n in r._prep_args(v) if prep and lemma.endswith(" " + prep)]


def _forces_noun(r: SentenceReader, o: Token) -> bool:
    """Whether ``o`` is a bare noun of armed forces ("Truppen", "troops") with a possessive of its own."""
    noun = find_sector_noun(r.lang, o.lower_) or find_sector_noun(r.lang, o.lemma_)
    return noun is not None and noun.sector == "MIL" and any(c.dep_ in r.s.labels("determiner") and
                                                             "Yes" in c.morph.get("Poss") for c in o.children)


def _own_forces(entity: Entity, state: str | None) -> bool:
    """``entity`` is the armed forces of ``state``; a state's forces of no named state are its own ("sent
    troops"), while rebels' or gunmen's are a target ("rebels attacked soldiers")."""
    return entity.type == "Group" and (
        entity.key == f"group:{state}-MIL" or (state is not None and entity.key == "group:MIL")
    )


def stateless(entity: Entity) -> bool:
    """A group of no known state, a sector ("gunmen", "police": ``group:INS``) or a collective the NER
    named ("jihadists"): a doer, never what an act is aimed at (state-bound groups are ``group:RUS-MIL``)."""
    return entity.type == "Group" and entity.country is None and entity.key.count("-") == 0


def _bare_theme(r: SentenceReader, v: Token, pred: Predicate, subj: Arg) -> Concept | None:
    """The object of an event that needs none: the subject's role ("resigned": the office), else the
    verb's phrase without its subject ("marched through the streets of Tbilisi")."""
    allowed = r.cues.preps_of(pred)
    if pred.bare == "role":
        # "stepped down from his post", "trat von seinem Amt zurück": the office the sentence names, else
        # the subject's role.
        named = [n for prep, n in r._prep_args(v) if prep in allowed and n.pos_ == "NOUN"]
        if named:
            return r._np_concept(named[:1])
        if subj.mention.entity.role:
            return Concept.create(subj.mention.entity.role, r.lang)
    else:
        # "protestierten gegen die Reform", "protested against the law": what it is against.
        named = [n for prep, n in r._prep_args(v) if prep in allowed and n.pos_ in ("NOUN", "PROPN")]
        if named:
            return r._pp_concept(named[0], None)
    subjects = {t.i for s in r._subject_tokens(v)[0] for t in r.span.doc[s.left_edge.i : s.right_edge.i + 1]}
    toks = [t for t in r.span.doc[v.i : v.right_edge.i + 1] if t.i not in subjects]
    while toks and is_punct(toks[-1]):
        toks.pop()
    return r._concept(toks[0].i, toks[-1].i + 1, drop_marker=False) if toks else None


def _as_place(r: SentenceReader, target: Arg) -> Arg:
    """A capital standing for its state, as the target of an act on places, is the city ("seized
    Damascus" takes the city, not Syria): the gazetteer place the mention's words name."""
    m = target.mention
    if m.via != "metonym" or m.entity.type != "Country":
        return target
    state = m.entity.key.removeprefix("country:")
    recs = records()
    for key in gazetteer_lexicon(r.lang).names.get(m.text, ()):
        rec = recs.get(key)
        if rec is not None and rec.type == "Location" and rec.metonym_of == state:
            return Arg(replace(m, entity=rec.entity()), target.confidence)
    return target
