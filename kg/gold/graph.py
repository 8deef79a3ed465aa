"""Extractions built from gold annotations (``kg.gold.graph``), for deterministic query tests and notebooks.

The gold format (``tests/fixtures/gold/articles.jsonl``, one article per line) annotates the
entities and triples a perfect extractor would find. Turning those annotations straight into
:class:`~kg.model.Extraction` records gives a graph whose contents are known exactly, so the
query library can be tested and demonstrated independently of model quality.

What the converter adds to the annotations, and why:

* evidence: the gold ``sentence`` index picks the sentence (split by spaCy's rule-based
  sentencizer, no model needed) that becomes the triple's provenance text and offsets;
* concept mentions: a ``{"text": ...}`` object may list ``"mentions"`` (entity keys); without
  it, the article's entities with a surface form at the start of a word of the text are taken.
  Surface forms are the entity's name and aliases plus the language data of ``kg/lang/<code>/``
  (``entity_aliases.tsv`` by key; for countries ``entity_countries.tsv`` and the adjective stems
  of ``entity_demonyms.tsv``), so "nordkoreanischer Soldaten" involves North Korea;
* mention counts: occurrences of those surface forms in the article (at least 1);
* cameo/plover: from the predicate vocabulary (:mod:`kg.predicates`), as the extractor does;
* affiliations: a person or organisation with a ``country`` gets ``AFFILIATED_WITH`` that
  country when the country is among the article's entities and the gold has no such triple,
  mirroring the resolver's role handling.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from kg.model import Article, Concept, Entity, Extraction, ModelError, Provenance, Triple
from kg.predicates import PREDICATES


def read_gold_records(path: str | Path) -> list[dict[str, Any]]:
    """The gold records of a JSON Lines file as plain dicts (blank lines skipped); :class:`ModelError` names a bad line.

    :func:`kg.gold.score.read_gold` reads the same files into :class:`~kg.gold.score.GoldArticle` for scoring.
    """
    records = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ModelError(f"{path}:{n}: not JSON: {exc}") from None
    return records


def gold_extractions(path: str | Path, *, affiliations: bool = True) -> list[Extraction]:
    """One :class:`Extraction` per gold article of ``path``."""
    return [gold_extraction(record, affiliations=affiliations) for record in read_gold_records(path)]


def gold_extraction(record: Mapping[str, Any], *, affiliations: bool = True) -> Extraction:
    """The extraction a perfect extractor would produce for one gold record."""
    article = Article.from_dict(record)
    gold = record.get("gold") or {}
    entities = {e.key: e for e in (Entity.from_dict(item) for item in gold.get("entities", []))}
    sentences = split_sentences(article.text, article.lang or "xx")

    def entity(key: str) -> Entity:
        if key not in entities:
            raise ModelError(f"article {article.id}: triple names {key!r}, which is not among its gold entities")
        return entities[key]

    triples: list[Triple] = []
    for item in gold.get("triples", []):
        obj_spec = item.get("object") or {}
        if "key" in obj_spec:
            obj: Entity | Concept = entity(obj_spec["key"])
        elif "text" in obj_spec:
            mentions = obj_spec.get("mentions")
            if mentions is None:
                mentions = [e.key for e in entities.values() if _occurs(e, obj_spec["text"], article.lang)]
            obj = Concept.create(obj_spec["text"], article.lang, [entity(k).key for k in mentions])
        else:
            raise ModelError(f"article {article.id}: a triple object needs 'key' or 'text'")
        triples.append(
            _triple(
                article,
                sentences,
                entity(item["subject"]),
                item["predicate"],
                obj,
                int(item.get("sentence", 0)),
                polarity=item.get("polarity", "positive"),
                hedged=bool(item.get("hedged", False)),
                reported_by=item.get("reported_by"),
            )
        )
    if affiliations:
        triples += _affiliations(article, sentences, entities, triples)
    counts = tuple((key, max(1, _count(e, article.text, article.lang))) for key, e in entities.items())
    return Extraction(article, tuple(entities.values()), tuple(triples), counts)


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans of ``text``'s sentences, by spaCy's rule-based sentencizer (deterministic, no model)."""
    nlp = _sentencizer(lang)
    return [(s.start_char, s.end_char) for s in nlp(text).sents]


@cache
def _sentencizer(lang: str):
    import spacy

    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError, ValueError):  # unknown language code: a multi-language tokenizer
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def _triple(
    article: Article,
    sentences: list[tuple[int, int]],
    subject: Entity,
    predicate: str,
    obj: Entity | Concept,
    sentence: int,
    **attrs: Any,
) -> Triple:
    start, end = sentences[sentence] if 0 <= sentence < len(sentences) else (0, len(article.text))
    spec = PREDICATES.get(predicate)
    return Triple(
        subject=subject,
        predicate=predicate,
        object=obj,
        provenance=Provenance(article.id, sentence, start, end, article.text[start:end]),
        **(spec.fields() if spec else {}),
        **attrs,
    )


def _affiliations(
    article: Article, sentences: list[tuple[int, int]], entities: Mapping[str, Entity], triples: list[Triple]
) -> list[Triple]:
    have = {(t.subject.key, t.object.key) for t in triples if t.predicate == "AFFILIATED_WITH"}
    subjects_with_affiliation = {s for s, _ in have}
    out = []
    for ent in entities.values():
        country_key = f"country:{ent.country}"
        if (
            ent.type not in ("Person", "Organization")
            or not ent.country
            or country_key not in entities
            or ent.key in subjects_with_affiliation
        ):
            continue
        first = next((i for i, (s, e) in enumerate(sentences) if _occurs(ent, article.text[s:e], article.lang)), 0)
        out.append(_triple(article, sentences, ent, "AFFILIATED_WITH", entities[country_key], first))
    return out


def _names(ent: Entity, lang: str | None) -> list[str]:
    """Surface forms of ``ent``: its name and aliases, plus what the language data knows of its key or country."""
    names = [ent.name, *ent.aliases]
    data = _language_forms(lang or "")
    names += data.get(ent.key, [])
    if ent.type == "Country" and ent.country:
        names += data.get(ent.country, [])
    return [n for n in dict.fromkeys(names) if n]


@cache
def _language_forms(lang: str) -> dict[str, list[str]]:
    """Entity key or ISO code -> surface forms, from ``kg/lang/<lang>/entity_*.tsv`` (empty for unknown languages)."""
    from kg.lang import UnsupportedLanguageError, get_language

    try:
        data = get_language(lang)
    except UnsupportedLanguageError:
        return {}
    forms: dict[str, list[str]] = {}
    for name in ("entity_aliases", "entity_countries", "entity_demonyms"):
        for key, *values in data.tsv(name):
            # "=Russen" marks an exact form in the demonym table; a stem ("russisch") matches its endings.
            forms.setdefault(key, []).extend(v.removeprefix("=") for v in values if v)
    return forms


def _pattern(ent: Entity, lang: str | None) -> re.Pattern[str]:
    # A form at the start of a word also matches longer forms ("Nordkorea" in "Nordkoreas").
    names = sorted(_names(ent, lang), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + ")", re.IGNORECASE)


def _occurs(ent: Entity, text: str, lang: str | None) -> bool:
    return bool(_pattern(ent, lang).search(text))


def _count(ent: Entity, text: str, lang: str | None) -> int:
    return len(_pattern(ent, lang).findall(text))


__all__: Iterable[str] = [
    "gold_extraction",
    "gold_extractions",
    "read_gold_records",
    "split_sentences",
]
