"""Pre-extracted input for the load benchmark: :class:`~kg.model.Extraction` records without spaCy.

The load figures must measure loading only, at a scale (hundreds of thousands
of relationships) that extraction on two cores could not produce inside the
benchmark's time budget. So the extractions are built directly from the
corpus cast with the shape real extraction output has: per article about ten
canonical entities (states, office holders, an organisation) with mention
counts, and a dozen triples whose objects are entities or statement concepts
that involve entities, with a sentence of evidence each. Deterministic per
``(seed, index)`` like :mod:`bench.corpus`.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from bench.actors import ORGANISATIONS, STATES, State
from kg.model import Article, Concept, Entity, Extraction, Provenance, Triple, slugify

#: Predicates of the vocabulary the synthetic triples use (all in kg's whitelist).
PREDICATES = ("STATES", "DENIES", "ACCUSES", "WARNS", "THREATENS", "MEETS", "SUPPORTS", "DEPLOYS")
STATEMENTS = (
    "no agreement that ignores its security interests",
    "troops were moved closer to the border",
    "the talks are to resume next month",
    "sanctions will be answered with measures of its own",
    "air defence systems will be delivered by the end of the year",
    "ammunition was supplied in breach of the embargo",
)


def _country(st: State) -> Entity:
    return Entity(f"country:{st.code}", st.en.removeprefix("the "), "Country", (st.en,), st.code)


def _person(name: str, st: State, role: str) -> Entity:
    return Entity(f"person:{slugify(name)}", name, "Person", (name, name.split()[-1]), st.code, role)


def _org(index: int) -> Entity:
    org = ORGANISATIONS[index]
    name = org.en.removeprefix("the ")
    return Entity(f"org:{slugify(name)}", name, "Organization", (name, org.short))


def extraction(index: int, seed: int = 1) -> Extraction:
    """The ``index``-th synthetic extraction: same arguments, same records."""
    rng = random.Random(f"synthetic:{seed}:{index}")
    a, b, c = rng.sample(STATES, 3)
    actors = [_country(a), _country(b), _country(c)]
    for st in (a, b):
        actors += [
            _person(st.leader_en, st, st.leader_title_en.lower()),
            _person(st.fm_en, st, "foreign minister"),
            _person(st.dm_en, st, "defence minister"),
        ]
    actors.append(_org(rng.randrange(len(ORGANISATIONS))))
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(366))
    art_id = f"synthetic-{seed}-{index:07d}"
    article = Article(art_id, f"Synthetic article {index}.", None, f"Synthetic {index}", "kg-bench", published, "en")

    triples = []
    for sentence in range(12):
        subject = rng.choice(actors)
        predicate = rng.choice(PREDICATES)
        if rng.random() < 0.5:
            involved = rng.sample(actors, 2)
            statement = f"{involved[0].name}: {rng.choice(STATEMENTS)} ({involved[1].name})"
            obj: Entity | Concept = Concept.create(statement, "en", [e.key for e in involved])
        else:
            obj = rng.choice([e for e in actors if e.key != subject.key])
        target = obj.name if isinstance(obj, Entity) else obj.text
        evidence = f"{subject.name} {predicate.lower()} {target} (sentence {sentence})."
        prov = Provenance(art_id, sentence, sentence * 120, sentence * 120 + len(evidence), evidence)
        triples.append(
            Triple(
                subject,
                predicate,
                obj,
                prov,
                verb=predicate.lower(),
                polarity="negative" if rng.random() < 0.1 else "positive",
                hedged=rng.random() < 0.15,
                confidence=round(rng.uniform(0.5, 1.0), 2),
            )
        )
    mentions = tuple((e.key, rng.randint(1, 6)) for e in actors)
    return Extraction(article, tuple(actors), tuple(triples), mentions)


def extractions(n: int, seed: int = 1) -> Iterator[Extraction]:
    for i in range(n):
        yield extraction(i, seed)
