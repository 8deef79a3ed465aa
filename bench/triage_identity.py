"""Does sentence triage change kg's output? Every record, with triage and without, compared.

    python bench/triage_identity.py                  # dev set, gold fixtures, bench corpus, long articles
    python bench/triage_identity.py FILE.jsonl ...   # any article files kg reads

For each corpus it prints the share of identical triples (``same / union``; a triple is its whole
JSON record: subject, predicate, object, provenance with sentence index and offsets, flags), the
same for entities (with their mention counts), and lists every difference. ``bench/run.py``'s
``triage_same_output`` is :func:`compare`'s triple share over the bench corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass
class Identity:
    """Triples and entities of one corpus, with and without triage."""

    triples_full: int = 0
    triples_same: int = 0
    triples_union: int = 0
    entities_union: int = 0
    entities_same: int = 0
    differences: list[str] = field(default_factory=list)

    @property
    def triple_share(self) -> float:
        return self.triples_same / self.triples_union if self.triples_union else 1.0

    @property
    def entity_share(self) -> float:
        return self.entities_same / self.entities_union if self.entities_union else 1.0


def _records(extractions: Iterable[Any]) -> dict[str, tuple[set[str], set[str]]]:
    """article id -> (triple records, entity records with mention counts) as canonical JSON."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    for ex in extractions:
        triples, entities = set(), set()
        for record in ex.to_records():
            text = json.dumps(record, sort_keys=True, ensure_ascii=False)
            if record.get("kind") == "triple":
                triples.add(text)
            elif record.get("kind") == "entity":
                entities.add(text)
        counts = json.dumps(sorted(ex.mentions), ensure_ascii=False)
        entities.add(f"mention counts {counts}")
        out[ex.article.id] = (triples, entities)
    return out


def _short(record: str) -> str:
    if record.startswith("mention counts"):
        return record[:300]
    r = json.loads(record)
    if r.get("kind") == "triple":
        prov = r.get("provenance") or {}
        subj = r.get("subject", {})
        obj = r.get("object", {})
        name = (lambda x: x.get("key") or x.get("text") or x) if True else None
        return (
            f"{name(subj) if isinstance(subj, dict) else subj} {r.get('predicate')} "
            f"{name(obj) if isinstance(obj, dict) else obj} @sent {prov.get('sentence')} "
            f"[{prov.get('start')}:{prov.get('end')}]"
        )
    return f"{r.get('key')} {r.get('name')} aliases={r.get('aliases')}"


def compare(articles: list[Any]) -> Identity:
    """Extract ``articles`` with and without triage and compare the records."""
    from kg.extract.pipeline import Extractor

    full = _records(Extractor(triage=False).extract(articles))
    triaged = _records(Extractor(triage=True).extract(articles))
    result = Identity()
    for aid in full.keys() | triaged.keys():
        (ft, fe), (tt, te) = full.get(aid, (set(), set())), triaged.get(aid, (set(), set()))
        result.triples_full += len(ft)
        result.triples_same += len(ft & tt)
        result.triples_union += len(ft | tt)
        result.entities_same += len(fe & te)
        result.entities_union += len(fe | te)
        for r in sorted(ft - tt):
            result.differences.append(f"{aid}: only without triage: {_short(r)}")
        for r in sorted(tt - ft):
            result.differences.append(f"{aid}: only with triage:    {_short(r)}")
        for r in sorted(fe - te):
            result.differences.append(f"{aid}: entity only without triage: {_short(r)}")
        for r in sorted(te - fe):
            result.differences.append(f"{aid}: entity only with triage:    {_short(r)}")
    return result


def corpora() -> dict[str, list[Any]]:
    """The corpora of the identity check: dev set, gold fixtures, bench corpus, long articles."""
    from bench import corpus, longform
    from bench import run as bench_run
    from kg.read import read_articles

    out: dict[str, list[Any]] = {}
    if bench_run.DEV_SET.is_file():
        out["dev"] = bench_run.dev_articles(1)
    for name in ("articles", "heldout_wire"):
        path = ROOT / "tests" / "fixtures" / "gold" / f"{name}.jsonl"
        out[f"gold/{name}"] = list(read_articles([path]))
    out["bench"] = list(corpus.generate(60))
    out["long"] = list(longform.generate(24))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args(argv)
    if args.paths:
        from kg.read import read_articles

        sets = {" ".join(args.paths): list(read_articles([Path(p) for p in args.paths]))}
    else:
        sets = corpora()
    for name, articles in sets.items():
        r = compare(articles)
        print(
            f"{name}: {len(articles)} articles; triples {r.triples_same}/{r.triples_union} same "
            f"({r.triple_share:.4f}), {r.triples_full} without triage; entities {r.entities_same}/"
            f"{r.entities_union} same ({r.entity_share:.4f})"
        )
        for line in r.differences:
            print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
