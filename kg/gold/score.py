"""Scoring extraction against hand-written gold annotations: precision, recall, F1.

Gold format (``tests/fixtures/gold/articles.jsonl``, one article per line): the
article fields plus ``gold.entities`` (``key``, ``type``, ...) and
``gold.triples`` (``subject``, ``predicate``, ``object`` as ``{"key"}`` for an
entity or ``{"text"}`` for a concept, ``polarity``, ``hedged``, ``sentence``).

Matching rules, chosen so that scores reward what an analyst needs:

* entities match on ``(key, type)``;
* triples match on subject key, predicate and object: the same key for an
  entity, and for a concept a token overlap (Jaccard >= 0.5) or containment
  of the gold text's tokens in the extracted text, because a concept's exact
  span is a matter of taste, its content is not;
* each gold triple matches at most one extracted triple (and vice versa);
* polarity and hedging are reported as agreement over matched triples;
* structural triples (``AFFILIATED_WITH``) are scored only for articles whose
  gold has some, since the gold set annotates statements and events.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from kg.gazetteer.actors import alias_keys
from kg.model import STRUCTURAL_PREDICATES, Article, Concept, Extraction, Triple

T = TypeVar("T")

JACCARD_MIN = 0.5
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class GoldArticle:
    article: Article
    entities: tuple[dict[str, Any], ...]
    triples: tuple[dict[str, Any], ...]


def canonical_key(key: str) -> str:
    """The key the gazetteer gives the actor a gold key names: a variant spelling scores as the same actor."""
    return alias_keys().get(key, key)


def _canonical(gold: dict[str, Any]) -> dict[str, Any]:
    """A gold triple or entity with its keys made canonical."""
    out = dict(gold)
    for name in ("key", "subject"):
        if isinstance(out.get(name), str):
            out[name] = canonical_key(out[name])
    if isinstance(out.get("object"), dict) and "key" in out["object"]:
        out["object"] = {**out["object"], "key": canonical_key(out["object"]["key"])}
    return out


def read_json_lines(path: str | Path, what: str, parse: Callable[[dict[str, Any]], T]) -> list[T]:
    """``parse`` of every record of a JSON Lines file; bad input raises ValueError naming the file, the
    line and ``what`` a record should have been."""
    out = []
    with Path(path).open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                out.append(parse(json.loads(line)))
            except (ValueError, TypeError, AttributeError, KeyError) as exc:
                raise ValueError(f"{path}:{lineno}: not {what}: {exc}") from exc
    return out


def _gold_article(record: dict[str, Any]) -> GoldArticle:
    gold = record.get("gold") or {}
    article = Article.from_dict({k: v for k, v in record.items() if k != "gold"})
    entities = tuple(_canonical(e) for e in gold.get("entities", ()))
    triples = tuple(_canonical(t) for t in gold.get("triples", ()))
    return GoldArticle(article, entities, triples)


def read_gold(path: str | Path) -> list[GoldArticle]:
    """Gold articles of a JSON Lines file (raises ValueError naming the line on bad input).

    Keys a gold author spelled from a name variant the gazetteer lists as an alias are read as the
    gazetteer's key (the extractor cannot know which spelling an author chose)."""
    return read_json_lines(path, "a gold article", _gold_article)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Group:
    """Scores of one language (or of everything)."""

    articles: int = 0
    entities: Score = field(default_factory=Score)
    triples: Score = field(default_factory=Score)
    polarity_agree: int = 0
    hedged_agree: int = 0

    def to_dict(self) -> dict[str, Any]:
        matched = self.triples.tp
        return {
            "articles": self.articles,
            "entities": self.entities.to_dict(),
            "triples": self.triples.to_dict(),
            "polarity_accuracy": round(self.polarity_agree / matched, 4) if matched else None,
            "hedged_accuracy": round(self.hedged_agree / matched, 4) if matched else None,
        }


@dataclass(frozen=True)
class Problem:
    """A miss (gold not extracted) or a false positive (extracted, not in gold)."""

    article_id: str
    kind: str  # "missed entity", "false entity", "missed triple", "false triple"
    what: str

    def to_dict(self) -> dict[str, str]:
        return {"article_id": self.article_id, "kind": self.kind, "what": self.what}


@dataclass
class Report:
    by_lang: dict[str, Group] = field(default_factory=dict)
    overall: Group = field(default_factory=Group)
    problems: list[Problem] = field(default_factory=list)
    #: triple scores per predicate name (gold predicate for misses, extracted one for false triples)
    by_predicate: dict[str, Score] = field(default_factory=dict)
    #: triple scores when triples match on their PLOVER type instead of the predicate name
    #: (speech acts without a type keep their predicate name as the type)
    by_type: dict[str, Score] = field(default_factory=dict)
    #: (gold predicate, extracted predicate) -> count, for gold triples missed by name whose subject and
    #: object an extracted triple of another predicate has
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def typed(self) -> Score:
        """All triples scored by PLOVER type."""
        total = Score()
        for score in self.by_type.values():
            total.add(score)
        return total

    def to_dict(self, with_problems: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "overall": self.overall.to_dict(),
            "languages": {lang: g.to_dict() for lang, g in sorted(self.by_lang.items())},
            "by_type_overall": self.typed.to_dict(),
            "predicates": {name: sc.to_dict() for name, sc in sorted(self.by_predicate.items())},
            "types": {name: sc.to_dict() for name, sc in sorted(self.by_type.items())},
            "confusion": [
                {"gold": g, "extracted": x, "count": n}
                for (g, x), n in sorted(self.confusion.items(), key=lambda i: -i[1])
            ],
        }
        if with_problems:
            out["problems"] = [p.to_dict() for p in self.problems]
        return out


def tokens(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def concept_matches(gold_text: str, text: str) -> bool:
    """Token-overlap match of a concept: Jaccard >= 0.5, or the gold's tokens all inside the extracted text."""
    g, p = tokens(gold_text), tokens(text)
    if not g or not p:
        return False
    return len(g & p) / len(g | p) >= JACCARD_MIN or g <= p


def gold_type(gold: dict[str, Any]) -> str:
    """The PLOVER type of a gold triple (its ``plover`` field, else the vocabulary's), or its predicate name."""
    from kg.predicates import PREDICATES

    if "plover" in gold:
        return gold["plover"] or str(gold.get("predicate"))
    pred = PREDICATES.get(str(gold.get("predicate")))
    return (pred.plover if pred else None) or str(gold.get("predicate"))


def triple_type(triple: Triple) -> str:
    return triple.plover or triple.predicate


def triple_matches(gold: dict[str, Any], triple: Triple, by: str = "predicate") -> bool:
    if gold.get("subject") != triple.subject.key:
        return False
    if by == "predicate" and gold.get("predicate") != triple.predicate:
        return False
    if by == "type" and gold_type(gold) != triple_type(triple):
        return False
    return arguments_match(gold, triple)


def arguments_match(gold: dict[str, Any], triple: Triple) -> bool:
    """Same object: the same entity key, or a concept whose text overlaps the gold text."""
    obj = gold.get("object") or {}
    if "key" in obj:
        return obj["key"] == triple.object.key and not isinstance(triple.object, Concept)
    return isinstance(triple.object, Concept) and concept_matches(str(obj.get("text", "")), triple.object.text)


def describe_gold(t: dict[str, Any]) -> str:
    obj = t.get("object") or {}
    target = obj.get("key") or repr(obj.get("text", ""))
    flags = _flags(t.get("polarity", "positive"), bool(t.get("hedged")))
    return f"{t.get('subject')} {t.get('predicate')} {target}{flags} (sentence {t.get('sentence', '?')})"


def describe_triple(t: Triple) -> str:
    target = repr(t.object.text) if isinstance(t.object, Concept) else t.object.key
    return f"{t.subject.key} {t.predicate} {target}{_flags(t.polarity, t.hedged)} (sentence {t.provenance.sentence})"


def _flags(polarity: str, hedged: bool) -> str:
    flags = [f for f, on in (("negative", polarity == "negative"), ("hedged", hedged)) if on]
    return f" [{', '.join(flags)}]" if flags else ""


def _match(golds, candidates, matches) -> tuple[list[tuple[dict, int | None]], set[int]]:
    """Greedy one-to-one matching: each gold triple's first unused candidate that ``matches``."""
    used: set[int] = set()
    out = []
    for g in golds:
        hit = next((i for i, t in enumerate(candidates) if i not in used and matches(g, t)), None)
        if hit is not None:
            used.add(hit)
        out.append((g, hit))
    return out, used


def score_breakdown(gold: GoldArticle, extraction: Extraction, report: Report) -> None:
    """Add one article's per-predicate and per-type scores and its confusions to ``report``."""
    structural = any(t.get("predicate") in STRUCTURAL_PREDICATES for t in gold.triples)
    candidates = [t for t in extraction.triples if structural or t.predicate not in STRUCTURAL_PREDICATES]
    for by, table, name_gold, name_got in (
        ("predicate", report.by_predicate, lambda g: str(g.get("predicate")), lambda t: t.predicate),
        ("type", report.by_type, gold_type, triple_type),
    ):
        pairs, used = _match(gold.triples, candidates, lambda g, t, by=by: triple_matches(g, t, by))
        for g, hit in pairs:
            score = table.setdefault(name_gold(g), Score())
            if hit is None:
                score.fn += 1
            else:
                score.tp += 1
        for i, t in enumerate(candidates):
            if i not in used:
                table.setdefault(name_got(t), Score()).fp += 1
        if by == "predicate":
            left = [c for i, c in enumerate(candidates) if i not in used]
            missed = [g for g, hit in pairs if hit is None]
            for g, hit in _match(
                missed, left, lambda g, t: g.get("subject") == t.subject.key and arguments_match(g, t)
            )[0]:
                if hit is not None:
                    key = (str(g.get("predicate")), left[hit].predicate)
                    report.confusion[key] = report.confusion.get(key, 0) + 1


def score_article(gold: GoldArticle, extraction: Extraction) -> tuple[Group, list[Problem]]:
    """Scores and problems of one article."""
    aid = gold.article.id
    group = Group(articles=1)
    problems: list[Problem] = []

    gold_ents = {(e["key"], e["type"]) for e in gold.entities}
    got_ents = {(e.key, e.type) for e in extraction.entities}
    group.entities = Score(len(gold_ents & got_ents), len(got_ents - gold_ents), len(gold_ents - got_ents))
    problems += [Problem(aid, "missed entity", f"{k} ({t})") for k, t in sorted(gold_ents - got_ents)]
    problems += [Problem(aid, "false entity", f"{k} ({t})") for k, t in sorted(got_ents - gold_ents)]

    structural = any(t.get("predicate") in STRUCTURAL_PREDICATES for t in gold.triples)
    candidates = [t for t in extraction.triples if structural or t.predicate not in STRUCTURAL_PREDICATES]
    used: set[int] = set()
    for g in gold.triples:
        hit = next((i for i, t in enumerate(candidates) if i not in used and triple_matches(g, t)), None)
        if hit is None:
            group.triples.fn += 1
            problems.append(Problem(aid, "missed triple", describe_gold(g)))
            continue
        used.add(hit)
        group.triples.tp += 1
        t = candidates[hit]
        group.polarity_agree += t.polarity == g.get("polarity", "positive")
        group.hedged_agree += t.hedged == bool(g.get("hedged", False))
    for i, t in enumerate(candidates):
        if i not in used:
            group.triples.fp += 1
            problems.append(Problem(aid, "false triple", describe_triple(t)))
    return group, problems


def evaluate(gold: Iterable[GoldArticle], extractions: Iterable[Extraction]) -> Report:
    """Score extractions (matched to gold articles by article id; a missing extraction counts as empty)."""
    by_id = {e.article.id: e for e in extractions}
    report = Report()
    for g in gold:
        extraction = by_id.get(g.article.id, Extraction(g.article))
        group, problems = score_article(g, extraction)
        lang = g.article.lang or "?"
        target = report.by_lang.setdefault(lang, Group())
        for acc in (target, report.overall):
            acc.articles += 1
            acc.entities.add(group.entities)
            acc.triples.add(group.triples)
            acc.polarity_agree += group.polarity_agree
            acc.hedged_agree += group.hedged_agree
        report.problems += problems
        score_breakdown(g, extraction, report)
    return report


def extract_gold(gold: list[GoldArticle], extractor=None, on_skip=None) -> Iterator[Extraction]:
    """Run the extractor over the gold articles (their ``lang`` fields decide the pipelines)."""
    from kg.extract.pipeline import Extractor

    extractor = extractor or Extractor()
    yield from extractor.extract((g.article for g in gold), on_skip=on_skip)


def evaluate_file(path: str | Path, extractor=None) -> Report:
    gold = read_gold(path)
    return evaluate(gold, extract_gold(gold, extractor))
