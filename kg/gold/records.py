"""Scoring on event records: one sentence each, coded with the event type and the actors' countries.

This is how event datasets are coded (one PLOVER type per sentence, the source and target actor's
state), and how analysts count: did kg find an event of the right type in the sentence, and does its
doer belong to the right state? A records file is JSON Lines with ``id``, ``lang``, ``text``,
``plover`` and ``source``/``target`` (ISO3, ``"IGO"`` for an international organisation, or null for
an actor of no state). Three figures:

* ``type_recall``: share of sentences with a triple of the gold type;
* ``source_recall``: share with a triple of the gold type whose subject is of the gold source state;
* ``type_precision``: share of the typed triples (those with a PLOVER type) that carry the gold type.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.gold.score import read_json_lines
from kg.model import Article, Entity, Extraction, Triple


@dataclass(frozen=True, slots=True)
class Record:
    """One coded sentence."""

    article: Article
    plover: str
    source: str | None
    target: str | None


@dataclass
class RecordScore:
    """Counts over a set of records, overall or for one language or type."""

    sentences: int = 0
    typed: int = 0
    sourced: int = 0
    typed_triples: int = 0
    right_typed_triples: int = 0
    empty: int = 0

    def add(self, hit: bool, sourced: bool, typed_triples: int, right: int, empty: bool) -> None:
        self.sentences += 1
        self.typed += hit
        self.sourced += sourced
        self.typed_triples += typed_triples
        self.right_typed_triples += right
        self.empty += empty

    @property
    def type_recall(self) -> float:
        return self.typed / self.sentences if self.sentences else 0.0

    @property
    def source_recall(self) -> float:
        return self.sourced / self.sentences if self.sentences else 0.0

    @property
    def type_precision(self) -> float:
        return self.right_typed_triples / self.typed_triples if self.typed_triples else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "type_recall": round(self.type_recall, 3),
            "source_recall": round(self.source_recall, 3),
            "type_precision": round(self.type_precision, 3),
            "no_triple": self.empty,
        }


@dataclass
class RecordReport:
    overall: RecordScore = field(default_factory=RecordScore)
    by_lang: dict[str, RecordScore] = field(default_factory=dict)
    by_type: dict[str, RecordScore] = field(default_factory=dict)
    #: (record id, gold type, source, what came out) of the sentences without the right type
    misses: list[tuple[str, str, str | None, str]] = field(default_factory=list)

    def to_dict(self, with_misses: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "overall": self.overall.to_dict(),
            "by_lang": {k: v.to_dict() for k, v in sorted(self.by_lang.items())},
            "by_type": {k: v.to_dict() for k, v in sorted(self.by_type.items())},
        }
        if with_misses:
            out["misses"] = [{"id": i, "gold": g, "source": s, "got": x} for i, g, s, x in self.misses]
        return out


def is_records_file(path: str | Path) -> bool:
    """The file's first record is a coded sentence (``plover`` at top level, no ``gold`` block)."""
    with Path(path).open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    first = json.loads(line)
                except ValueError:
                    return False
                return isinstance(first, dict) and "plover" in first and "gold" not in first
    return False


def _record(row: dict[str, Any]) -> Record:
    article = Article.create(row["text"], id=row["id"], lang=row.get("lang"))
    return Record(article, str(row["plover"]), row.get("source"), row.get("target"))


def read_records(path: str | Path) -> list[Record]:
    """The records of a JSON Lines file (raises ValueError naming the line on bad input)."""
    return read_json_lines(path, "an event record", _record)


def actor_state(entity: Entity) -> str | None:
    """The state an actor belongs to as a record codes it: ISO3, "IGO", or None."""
    if entity.type == "Country":
        return entity.key.removeprefix("country:")
    if entity.sector == "IGO" and entity.country is None:
        return "IGO"
    return entity.country


def score_record(record: Record, triples: Iterable[Triple], report: RecordReport) -> None:
    typed = [t for t in triples if t.plover]
    right = [t for t in typed if t.plover == record.plover]
    sourced = any(actor_state(t.subject) == record.source for t in right)
    lang = record.article.lang or "?"
    for score in (report.overall, report.by_lang.setdefault(lang, RecordScore()),
                  report.by_type.setdefault(record.plover, RecordScore())):  # fmt: skip
        score.add(bool(right), sourced, len(typed), len(right), not typed)
    if not right:
        got = ", ".join(f"{t.subject.key} {t.predicate} ({t.plover})" for t in typed) or "-"
        report.misses.append((record.article.id, record.plover, record.source, got))


def evaluate_records(records: list[Record], extractions: Iterable[Extraction]) -> RecordReport:
    """Score extractions (matched by article id; a missing one counts as no triple)."""
    by_id = {e.article.id: e for e in extractions}
    report = RecordReport()
    for record in records:
        extraction = by_id.get(record.article.id, Extraction(record.article))
        score_record(record, extraction.triples, report)
    return report
