"""kg's benchmark: every figure measured in one run, on one corpus, against same-run baselines.

    python bench/run.py            # full sizes (long: see README "Performance")
    python bench/run.py --quick    # small sizes, < 3 minutes on an idle 2-core machine

Prints a table, then one ``name: value`` line per figure (the names below are
a contract: CI's smoke test and the README read them), and writes everything,
including the sizes used and every repetition, to ``bench/results/latest.json``.

Figures:
    extract_overhead        kg extraction wall time / bare ``nlp.pipe`` (same texts, same pipelines); median of reps
    extract_articles_per_s  kg extraction, one process
    extract_tokens_per_s    same run, tokens as spaCy counts them
    extract_scaling_2proc   throughput with 2 worker processes / with 1
    load_rel_per_s          relationships per second merged into Neo4j by kg's loader (fresh database, load only)
    load_vs_baseline        kg's loader throughput / the minimal UNWIND-MERGE loader's (bench/baseline.py)
    reingest_speedup        first ``kg ingest`` (extract + load) / re-ingest of the same, unchanged corpus
    peak_rss_mb_1k          peak RSS streaming the small corpus into the embedded store (fresh process)
    peak_rss_mb_20k         same with the large corpus: flat memory means these two are about equal
    extract_articles_per_s_long  kg extraction, one process, of long articles (1,000-2,000 words, mostly
                            sentences without actors: bench/longform.py)
    extract_articles_per_s_dev   kg extraction, one process, of ../shared/eval/dev/articles.jsonl
    extract_articles_per_s_dev_2proc  the same with 2 worker processes (what day_of_news_hours uses)
    load_vs_ceiling         kg's loader throughput / bare CREATE of the very same relationships (same
                            properties, kg's schema, nodes already there: bench/baseline.py bare_create)
    bulk_import_rel_per_s   relationships per second through ``scripts/neo4j import`` (neo4j-admin's offline
                            importer, its JVM start included; export, server start and schema apart, in detail)
    extract_articles_per_s_triage  kg extraction with sentence triage (the default), one process, of the long
                            articles (where triage matters: most sentences name no actor)
    triage_speedup          that rate / the same articles with ``triage=False`` (the full path), same run,
                            alternating, median of reps
    triage_same_output      share of identical triple records (with triage / without, whole records: sentence,
                            offsets, evidence, flags) over the bench corpus, the long articles and the dev set
                            (bench/triage_identity.py lists every difference)
    day_of_news_hours       150,000 articles of the dev set's mean length: extraction at the measured 2-process
                            rate on the dev set, plus loading its relationships at load_rel_per_s

Neo4j: the server in ``NEO4J_URI`` (credentials as kg reads them), or a
``scripts/neo4j`` server started for the run and stopped after it. The load
figures need an empty database and leave it empty: a database that already
holds data is refused unless ``--wipe`` is given.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import baseline, corpus, synthetic  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SCRIPTS_NEO4J = ROOT / "scripts" / "neo4j"

# Like scripts/env.sh: the shared pipelines when the user has chosen none (subprocesses inherit this).
for _lang, _dir in (("DE", "de_kg_news_sm"), ("EN", "en_core_web_sm")):
    if not os.environ.get(f"KG_MODEL_{_lang}") and (ROOT.parent / "shared" / "models" / _dir).is_dir():
        os.environ[f"KG_MODEL_{_lang}"] = str(ROOT.parent / "shared" / "models" / _dir)

#: Figure name -> (target, "min" if the value must be at least the target, "max" if at most; None: no target).
TARGETS: dict[str, tuple[float | None, str]] = {
    "extract_overhead": (1.15, "max"),
    "extract_articles_per_s": (None, ""),
    "extract_tokens_per_s": (None, ""),
    "extract_scaling_2proc": (1.8, "min"),
    "load_rel_per_s": (50_000, "min"),
    "load_vs_baseline": (0.8, "min"),
    "reingest_speedup": (5.0, "min"),
    "peak_rss_mb_1k": (None, ""),
    "peak_rss_mb_20k": (None, ""),
    "extract_articles_per_s_long": (None, ""),
    "extract_articles_per_s_dev": (None, ""),
    "extract_articles_per_s_dev_2proc": (None, ""),
    "load_vs_ceiling": (0.6, "min"),
    "bulk_import_rel_per_s": (100_000, "min"),
    "extract_articles_per_s_triage": (None, ""),
    "triage_speedup": (2.0, "min"),
    "triage_same_output": (0.99, "min"),
    "day_of_news_hours": (2.0, "max"),
}

#: Articles a day of news brings (day_of_news_hours), and where the dev set is.
DAY_OF_NEWS_ARTICLES = 150_000
DEV_SET = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"


@dataclass(frozen=True)
class Sizes:
    """How much work each figure does; ``--quick`` and the full run differ only here."""

    extract_n: int  # articles for overhead and single-process throughput
    extract_reps: int
    scale_n: int  # articles for the 1-vs-2-process comparison
    scale_reps: int
    load_n: int  # synthetic pre-extracted articles (about 30 relationships each)
    load_reps: int
    reingest_n: int
    rss_small: int
    rss_large: int
    long_n: int = 6  # long articles (extract_articles_per_s_long)
    dev_copies: int = 1  # the dev set's articles, this many times over (new ids), for the dev rates
    bulk_n: int = 300  # synthetic articles for bulk_import_rel_per_s
    batch_size: int = 5000  # kg loader batch size (triples per transaction), as `kg load` defaults


QUICK = Sizes(
    extract_n=16,
    extract_reps=5,  # the machines are noisy: 5 alternating repetitions for the median
    scale_n=48,
    scale_reps=2,
    load_n=1000,
    load_reps=3,
    reingest_n=16,
    # >= the extractor's 64-article regrouping window, so both sizes parse full batches.
    rss_small=64,
    rss_large=200,
    long_n=4,
    dev_copies=1,
    bulk_n=300,
)
FULL = Sizes(
    extract_n=60,
    extract_reps=3,
    scale_n=120,
    scale_reps=2,
    load_n=4_000,
    load_reps=3,
    reingest_n=100,
    rss_small=1_000,
    rss_large=20_000,
    long_n=24,
    dev_copies=4,
    bulk_n=40_000,
)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def alternate(reps: int, first: Callable[[], float], second: Callable[[], float]) -> tuple[list[float], list[float]]:
    """Run two measurements ``reps`` times each in alternating order (AB, BA, AB, ...) to cancel drift."""
    a: list[float] = []
    b: list[float] = []
    for rep in range(reps):
        if rep % 2 == 0:
            a.append(first())
            b.append(second())
        else:
            b.append(second())
            a.append(first())
    return a, b


# -- extraction ------------------------------------------------------------------------------------------------


def kg_pipelines(langs: Iterable[str]) -> dict[str, Any]:
    """The very ``Language`` objects kg's extractor runs (same components), for the bare baseline.

    ``load_pipeline`` caches per (model, exclude), so with the extractor's own
    ``EXCLUDE`` this returns the identical objects, not look-alikes.
    """
    from kg.extract.pipeline import EXCLUDE
    from kg.spacy_models import load_pipeline

    return {lang: load_pipeline(lang, exclude=EXCLUDE) for lang in langs}


def consume(extractions: Iterable[Any]) -> int:
    return sum(1 for _ in extractions)


def refuse_skips(article: Any, reason: str) -> None:
    """A skipped article would make kg look faster than the baseline: stop instead."""
    raise RuntimeError(f"kg skipped benchmark article {article.id}: {reason}")


def bench_extraction(sizes: Sizes, out: dict[str, Any]) -> list[Any]:
    """extract_overhead, extract_articles_per_s, extract_tokens_per_s, extract_scaling_2proc."""
    from kg.extract.pipeline import Extractor

    articles = list(corpus.generate(sizes.extract_n))
    by_lang: dict[str, list[str]] = {}
    for art in articles:
        by_lang.setdefault(art.lang or "en", []).append(art.text)

    # The full path (no triage): the overhead over bare nlp.pipe is of the same work; triage has its own figures.
    single = Extractor(workers=1, triage=False)
    batch_size = getattr(single, "batch_size", 64)
    # Warm-up: load the pipelines (cached per process) and touch every code path once.
    consume(single.extract(articles[:4], on_skip=refuse_skips))
    nlps = kg_pipelines(by_lang)
    tokens = baseline.bare_pipe(nlps, {k: v[:2] for k, v in by_lang.items()}, batch_size)

    extractions: list[Any] = []

    cpu: dict[str, list[float]] = {"kg": [], "bare": []}

    def run_kg() -> float:
        cpu0 = time.process_time()
        dt, result = timed(lambda: list(single.extract(articles, on_skip=refuse_skips)))
        cpu["kg"].append(time.process_time() - cpu0)
        extractions[:] = result
        return dt

    def run_bare() -> float:
        nonlocal tokens
        cpu0 = time.process_time()
        dt, tokens = timed(lambda: baseline.bare_pipe(nlps, by_lang, batch_size))
        cpu["bare"].append(time.process_time() - cpu0)
        return dt

    log(f"extraction: {len(articles)} articles x {sizes.extract_reps} reps, kg vs bare nlp.pipe")
    kg_times, bare_times = alternate(sizes.extract_reps, run_kg, run_bare)
    kg_med, bare_med = statistics.median(kg_times), statistics.median(bare_times)
    out["extract_overhead"] = kg_med / bare_med
    out["extract_articles_per_s"] = len(articles) / kg_med
    out["extract_tokens_per_s"] = tokens / kg_med
    out["_detail"]["extraction"] = {
        "articles": len(articles),
        "tokens": tokens,
        "kg_seconds": kg_times,
        "bare_seconds": bare_times,
        # CPU seconds of this process: steadier than wall time when other work shares the cores.
        "kg_cpu_seconds": cpu["kg"],
        "bare_cpu_seconds": cpu["bare"],
        "overhead_cpu": statistics.median(cpu["kg"]) / statistics.median(cpu["bare"]),
        "pipelines": {lang: nlp.pipe_names for lang, nlp in nlps.items()},
        "batch_size": batch_size,
        "triples": sum(len(ex.triples) for ex in extractions),
        "entities": sum(len(ex.entities) for ex in extractions),
    }

    scale_articles = list(corpus.generate(sizes.scale_n, start=sizes.extract_n))
    double = Extractor(workers=2, triage=False)
    consume(double.extract(articles[:4]))  # start (or warm) the pool if the extractor keeps one
    log(f"scaling: {len(scale_articles)} articles, 1 vs 2 worker processes")
    one, two = alternate(
        sizes.scale_reps,
        lambda: timed(lambda: consume(single.extract(scale_articles)))[0],
        lambda: timed(lambda: consume(double.extract(scale_articles)))[0],
    )
    out["extract_scaling_2proc"] = statistics.median(one) / statistics.median(two)
    out["_detail"]["scaling"] = {"articles": len(scale_articles), "seconds_1proc": one, "seconds_2proc": two}
    _close(double)
    _close(single)
    return extractions


def dev_articles(copies: int) -> list[Any]:
    """The dev set's articles (``copies`` times over, each copy with its own ids), without their gold."""
    from kg.model import Article

    records = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for copy in range(copies):
        for r in records:
            published = r.get("published")
            out.append(
                Article(
                    f"{r['id']}-copy{copy}",
                    r["text"],
                    r.get("url"),
                    r.get("title"),
                    r.get("source"),
                    date.fromisoformat(published) if published else None,
                    r.get("lang"),
                )
            )
    return out


def bench_long_and_dev(sizes: Sizes, out: dict[str, Any]) -> None:
    """extract_articles_per_s_long, extract_articles_per_s_dev(_2proc); the dev set's relationships per article."""
    from bench import longform
    from kg.extract.pipeline import Extractor
    from kg.load.rows import build_rows

    single = Extractor(workers=1)
    long_articles = list(longform.generate(sizes.long_n))
    consume(single.extract(long_articles[:1]))  # warm-up: pipelines loaded, code paths touched
    log(f"long articles: {len(long_articles)} of {min(len(a.text.split()) for a in long_articles)}-"
        f"{max(len(a.text.split()) for a in long_articles)} words, 1 process")  # fmt: skip
    long_times = [timed(lambda: consume(single.extract(long_articles)))[0] for _ in range(2)]
    out["extract_articles_per_s_long"] = len(long_articles) / statistics.median(long_times)
    out["_detail"]["long"] = {
        "articles": len(long_articles),
        "mean_words": statistics.mean(len(a.text.split()) for a in long_articles),
        "seconds": long_times,
    }
    if not DEV_SET.is_file():
        log(f"dev set: {DEV_SET} is missing; no dev figures")
        _close(single)
        return
    dev = dev_articles(sizes.dev_copies)
    double = Extractor(workers=2)
    consume(double.extract(dev[:4]))
    log(f"dev set: {len(dev)} articles (mean {statistics.mean(len(a.text.split()) for a in dev):.0f} words), "
        "1 vs 2 processes")  # fmt: skip
    extractions: list[Any] = []

    def run_single() -> float:
        dt, result = timed(lambda: list(single.extract(dev)))
        extractions[:] = result
        return dt

    one, two = alternate(2, run_single, lambda: timed(lambda: consume(double.extract(dev)))[0])
    rows = build_rows(extractions)
    rels = len(rows.mentions) + len(rows.involves) + rows.triple_count
    out["extract_articles_per_s_dev"] = len(dev) / statistics.median(one)
    out["extract_articles_per_s_dev_2proc"] = len(dev) / statistics.median(two)
    out["_detail"]["dev"] = {
        "articles": len(dev),
        "mean_words": statistics.mean(len(a.text.split()) for a in dev),
        "seconds_1proc": one,
        "seconds_2proc": two,
        "relationships": rels,
        "relationships_per_article": rels / len(dev),
        "triples": rows.triple_count,
    }
    _close(double)
    _close(single)


def bench_triage(sizes: Sizes, out: dict[str, Any]) -> None:
    """extract_articles_per_s_triage, triage_speedup (long articles), triage_same_output (records compared)."""
    from bench import longform, triage_identity
    from kg.extract.pipeline import Extractor

    triaged, full = Extractor(workers=1, triage=True), Extractor(workers=1, triage=False)
    long_articles = list(longform.generate(sizes.long_n))
    consume(triaged.extract(long_articles[:1], on_skip=refuse_skips))
    consume(full.extract(long_articles[:1], on_skip=refuse_skips))
    log(f"triage: {len(long_articles)} long articles x {sizes.extract_reps} reps, triage vs --no-triage")
    before = replace(triaged.triage_counts)
    cpu: dict[str, list[float]] = {"triage": [], "full": []}

    def run(extractor: Any, key: str) -> float:
        cpu0 = time.process_time()
        dt = timed(lambda: consume(extractor.extract(long_articles, on_skip=refuse_skips)))[0]
        cpu[key].append(time.process_time() - cpu0)
        return dt

    tri_times, full_times = alternate(sizes.extract_reps, lambda: run(triaged, "triage"), lambda: run(full, "full"))
    counts = triaged.triage_counts
    tri_med, full_med = statistics.median(tri_times), statistics.median(full_times)
    out["extract_articles_per_s_triage"] = len(long_articles) / tri_med
    out["triage_speedup"] = full_med / tri_med
    log("triage: identity of the output with and without triage")
    corpora = {"bench": list(corpus.generate(sizes.extract_n)), "long": long_articles}
    if DEV_SET.is_file():
        corpora["dev"] = dev_articles(1)
    same = union = 0
    identity: dict[str, Any] = {}
    for name, arts in corpora.items():
        result = triage_identity.compare(arts)
        same, union = same + result.triples_same, union + result.triples_union
        identity[name] = {
            "articles": len(arts),
            "triple_share": result.triple_share,
            "entity_share": result.entity_share,
            "differences": result.differences,
        }
    out["triage_same_output"] = same / union if union else 1.0
    reps = sizes.extract_reps
    out["_detail"]["triage"] = {
        "articles": len(long_articles),
        "seconds_triage": tri_times,
        "seconds_full": full_times,
        # CPU seconds of this process: steadier than wall time when other work shares the cores.
        "cpu_seconds_triage": cpu["triage"],
        "cpu_seconds_full": cpu["full"],
        "speedup_cpu": statistics.median(cpu["full"]) / statistics.median(cpu["triage"]),
        "sentences": (counts.sentences - before.sentences) // reps,
        "sentences_parsed": (counts.parsed - before.parsed) // reps,
        "fallback_articles": (counts.fallbacks - before.fallbacks) // reps,
        "identity": identity,
    }
    _close(triaged)
    _close(full)


def day_of_news(out: dict[str, Any]) -> None:
    """day_of_news_hours from the dev set's 2-process rate and relationships per article and load_rel_per_s."""
    dev = out["_detail"].get("dev")
    if not dev or "load_rel_per_s" not in out:
        return
    # The dev rates are measured with the extractor's default, which is triage (KG_TRIAGE) when on.
    extract_s = DAY_OF_NEWS_ARTICLES / out["extract_articles_per_s_dev_2proc"]
    load_s = DAY_OF_NEWS_ARTICLES * dev["relationships_per_article"] / out["load_rel_per_s"]
    out["day_of_news_hours"] = (extract_s + load_s) / 3600
    out["_detail"]["day_of_news"] = {
        "articles": DAY_OF_NEWS_ARTICLES,
        "triage": _triage_default(),
        "extract_hours": extract_s / 3600,
        "load_hours": load_s / 3600,
        "relationships": DAY_OF_NEWS_ARTICLES * dev["relationships_per_article"],
    }


def _triage_default() -> bool:
    from kg.config import triage_enabled

    return triage_enabled()


def _close(extractor: Any) -> None:
    close = getattr(extractor, "close", None)
    if callable(close):
        close()


# -- loading ---------------------------------------------------------------------------------------------------


def bench_load(sizes: Sizes, driver: Any, database: str | None, out: dict[str, Any]) -> None:
    """load_rel_per_s and load_vs_baseline on the same synthetic pre-extracted rows, fresh database each run."""
    from kg.load.neo4j_writer import Neo4jStore

    extractions = list(synthetic.extractions(sizes.load_n))
    rows = baseline.flatten(extractions)
    counts: dict[str, list[int]] = {"kg": [], "baseline": []}

    def run_kg() -> float:
        baseline.reset(driver, database)
        store = Neo4jStore(driver, database, batch_size=sizes.batch_size)
        store.ensure_schema()  # constraints before load, not timed: a one-off per database
        dt, _ = timed(lambda: store.write(extractions))
        counts["kg"].append(baseline.relationship_count(driver, database))
        return dt

    def run_baseline() -> float:
        baseline.reset(driver, database)
        baseline.ensure_minimal_schema(driver, database)
        dt, _ = timed(lambda: baseline.MinimalLoader(driver, database).load(rows))
        counts["baseline"].append(baseline.relationship_count(driver, database))
        return dt

    # Neo4j's JIT makes the first seconds of writing 2x slower: warm the server up on other rows first.
    log("load: warming up the server, then measuring its bare relationship-creation ceiling")
    warm = list(synthetic.extractions(max(300, sizes.load_n // 5), seed=2))
    baseline.reset(driver, database)
    Neo4jStore(driver, database, batch_size=sizes.batch_size).write(warm)
    baseline.reset(driver, database)
    baseline.ensure_minimal_schema(driver, database)
    baseline.MinimalLoader(driver, database).load(baseline.flatten(warm))
    ceilings = [baseline.server_ceiling(driver, database) for _ in range(2)]

    log(f"load: {len(extractions)} synthetic articles x {sizes.load_reps} reps, kg loader vs minimal loader")
    kg_times, base_times = alternate(sizes.load_reps, run_kg, run_baseline)
    rels = counts["kg"][0]
    if set(counts["kg"]) != {rels} or set(counts["baseline"]) != {rels}:
        log(f"WARNING: relationship counts differ between runs/loaders: {counts}")
    kg_rate = rels / statistics.median(kg_times)
    base_rate = counts["baseline"][0] / statistics.median(base_times)
    out["load_rel_per_s"] = kg_rate
    out["load_vs_baseline"] = kg_rate / base_rate
    out["_detail"]["load"] = {
        "articles": len(extractions),
        "relationships": rels,
        "relationship_counts": counts,
        "kg_seconds": kg_times,
        "baseline_seconds": base_times,
        "baseline_rel_per_s": base_rate,
        "server_ceiling_rel_per_s": max(ceilings),
        "kg_batch_size": sizes.batch_size,
    }
    baseline.reset(driver, database)


def bench_ceiling(sizes: Sizes, driver: Any, database: str | None, out: dict[str, Any]) -> None:
    """load_vs_ceiling: kg's loader against bare CREATE of the same relationships, same run, same rows."""
    extractions = list(synthetic.extractions(sizes.load_n))
    chunk = 2 * sizes.batch_size  # about what one of kg's batches holds (triples, mentions, involves)
    log(f"ceiling: bare CREATE of the relationships of {len(extractions)} articles x {sizes.load_reps} reps")
    runs = [baseline.bare_create(driver, database, extractions, chunk) for _ in range(sizes.load_reps)]
    rate = runs[0][1] / statistics.median(dt for dt, _ in runs)
    out["load_vs_ceiling"] = out["load_rel_per_s"] / rate
    out["_detail"]["ceiling"] = {
        "relationships": runs[0][1],
        "seconds": [dt for dt, _ in runs],
        "bare_create_rel_per_s": rate,
        "chunk": chunk,
    }
    baseline.reset(driver, database)


def bench_bulk(sizes: Sizes, out: dict[str, Any]) -> None:
    """bulk_import_rel_per_s: synthetic articles into the embedded store, ``kg export --format neo4j-import``,
    then ``scripts/neo4j import`` into a scratch server of its own (KG_BENCH_BULK_NEO4J_PORT, default 7698)."""
    import re

    from kg.load.bulk import export_store
    from kg.load.local_store import LocalStore

    port = os.environ.get("KG_BENCH_BULK_NEO4J_PORT", "7698")
    with tempfile.TemporaryDirectory(prefix="kg-bench-bulk-") as tmp:
        env = {**os.environ, "NEO4J_PORT": port, "NEO4J_HOME": str(Path(tmp) / "home")}
        for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "NEO4J_HTTP_PORT"):
            env.pop(name, None)
        env.setdefault("NEO4J_HEAP", "1g")
        log(f"bulk: {sizes.bulk_n} synthetic articles into an embedded store, exported, imported on port {port}")
        local = LocalStore(Path(tmp) / "store")
        try:
            local.write(synthetic.extractions(sizes.bulk_n, seed=3))
            export_s, files = timed(lambda: export_store(local, Path(tmp) / "import"))
        finally:
            local.close()
        wall, proc = timed(
            lambda: subprocess.run(
                [sys.executable, str(SCRIPTS_NEO4J), "import", str(Path(tmp) / "import")],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
        )
        try:
            if proc.returncode != 0:
                raise RuntimeError(f"scripts/neo4j import failed: {proc.stderr.strip()[-1500:]}")
            tool = re.search(r"import: (\d+) relationships in ([\d.]+)s.*own time ([\d.na]+)s", proc.stderr)
            schema = re.search(r"schema: .* in ([\d.]+)s", proc.stderr)
            assert tool and schema, proc.stderr
            rels, import_s = int(tool.group(1)), float(tool.group(2))
            from neo4j import GraphDatabase

            with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", "kg-dev-password")) as drv:
                stored = drv.execute_query("MATCH ()-[r]->() RETURN count(r) AS c")[0][0]["c"]
        finally:
            subprocess.run([sys.executable, str(SCRIPTS_NEO4J), "stop"], env=env, capture_output=True, check=False)
    if stored != files.relationships:
        log(f"WARNING: bulk import stored {stored} relationships of {files.relationships} exported")
    out["bulk_import_rel_per_s"] = rels / import_s
    out["_detail"]["bulk"] = {
        "articles": sizes.bulk_n,
        "nodes": files.nodes,
        "relationships": rels,
        "stored_relationships": stored,
        "export_seconds": export_s,
        "import_tool_seconds": import_s,
        "importer_own_seconds": float(tool.group(3)),  # as neo4j-admin reports it: JVM start-up aside
        "importer_own_rel_per_s": rels / float(tool.group(3)),
        "schema_seconds": float(schema.group(1)),
        "script_wall_seconds": wall,
        "end_to_end_rel_per_s": rels / (export_s + wall),
    }


def bench_reingest(sizes: Sizes, driver: Any, database: str | None, out: dict[str, Any]) -> None:
    """reingest_speedup: ``kg ingest`` twice over the same JSON Lines corpus, in this process (models warm)."""
    from click.testing import CliRunner

    from kg.cli.ingest import command as ingest

    baseline.reset(driver, database)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        path = corpus.write_jsonl(Path(tmp) / "corpus.jsonl", sizes.reingest_n)
        runner = CliRunner()
        args = [str(path), "--neo4j", "--transaction-size", str(sizes.batch_size)]
        log(f"re-ingest: kg ingest of {sizes.reingest_n} articles, then again unchanged")
        first, r1 = timed(lambda: runner.invoke(ingest, args, catch_exceptions=False))
        second, r2 = timed(lambda: runner.invoke(ingest, args, catch_exceptions=False))
    for result in (r1, r2):
        if result.exit_code != 0:
            raise RuntimeError(f"kg ingest exited {result.exit_code}: {result.output[-2000:]}")
    out["reingest_speedup"] = first / second
    out["_detail"]["reingest"] = {
        "articles": sizes.reingest_n,
        "first_seconds": first,
        "second_seconds": second,
        "second_output": r2.output[-600:],
    }
    baseline.reset(driver, database)


# -- memory ----------------------------------------------------------------------------------------------------


def measure_rss(n: int) -> dict[str, Any]:
    """Peak RSS of a fresh interpreter streaming ``n`` articles into a temporary embedded store."""
    with tempfile.TemporaryDirectory(prefix="kg-rss-") as tmp:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        proc = subprocess.run(
            [sys.executable, "-m", "bench.rss", "--n", str(n), "--store", str(Path(tmp) / "store")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if proc.returncode != 0:
        raise RuntimeError(f"bench.rss --n {n} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def bench_memory(sizes: Sizes, out: dict[str, Any]) -> None:
    for name, n in (("peak_rss_mb_1k", sizes.rss_small), ("peak_rss_mb_20k", sizes.rss_large)):
        log(f"memory: {n} articles streamed into the embedded store in a fresh process")
        result = measure_rss(n)
        out[name] = result["peak_rss_mb"]
        out["_detail"][name] = result


# -- Neo4j -----------------------------------------------------------------------------------------------------


class Neo4jServer:
    """The server in ``NEO4J_URI``, or a throw-away ``scripts/neo4j`` server of the bench's own.

    Without ``NEO4J_URI`` the bench never touches anyone's server: it starts
    one on ``KG_BENCH_NEO4J_PORT`` (default 7699) with a temporary home, and
    :meth:`close` stops it and deletes the home, unless a server was already
    running on that port, which is then used and left running.
    """

    def __init__(self) -> None:
        self.env: dict[str, str] | None = None
        self.home: tempfile.TemporaryDirectory[str] | None = None
        if not os.environ.get("NEO4J_URI"):
            port = os.environ.get("KG_BENCH_NEO4J_PORT", "7699")
            env = {**os.environ, "NEO4J_PORT": port}
            status = subprocess.run([sys.executable, str(SCRIPTS_NEO4J), "status"], env=env, capture_output=True)
            if status.returncode != 0:
                self.home = tempfile.TemporaryDirectory(prefix="kg-bench-neo4j-")
                env["NEO4J_HOME"] = self.home.name
                env.setdefault("NEO4J_HEAP", "1g")
                log(f"NEO4J_URI is not set: starting a scratch Neo4j on port {port}")
                proc = subprocess.run(
                    [sys.executable, str(SCRIPTS_NEO4J), "start"], env=env, capture_output=True, text=True, check=False
                )
                if proc.returncode != 0:
                    raise RuntimeError(f"scripts/neo4j start failed: {proc.stderr.strip()[-800:]}")
                self.env = env
            os.environ["NEO4J_URI"] = f"bolt://127.0.0.1:{port}"
        from kg.config import neo4j_settings
        from kg.load import connect_neo4j

        self.settings = neo4j_settings()
        self.driver = connect_neo4j(self.settings)

    def close(self) -> None:
        self.driver.close()
        if self.env is not None:
            subprocess.run([sys.executable, str(SCRIPTS_NEO4J), "stop"], env=self.env, capture_output=True, check=False)
        if self.home is not None:
            self.home.cleanup()


def node_count(driver: Any, database: str | None) -> int:
    records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=database)
    return int(records[0]["c"])


# -- report ----------------------------------------------------------------------------------------------------


def verdict(name: str, value: float) -> str:
    target, kind = TARGETS[name]
    if target is None:
        return ""
    ok = value >= target if kind == "min" else value <= target
    return ("met" if ok else "NOT met") + f" ({'>=' if kind == 'min' else '<='} {target:g})"


def fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3f}"


def report(results: dict[str, Any], detail: dict[str, Any], sizes: Sizes) -> None:
    notes = {
        "extract_overhead": f"{sizes.extract_n} articles, median of {sizes.extract_reps}; CPU-time ratio "
        f"{detail.get('extraction', {}).get('overhead_cpu', 0):.3f}",
        "extract_articles_per_s": "1 process",
        "extract_tokens_per_s": "1 process",
        "extract_scaling_2proc": f"{sizes.scale_n} articles",
        "load_rel_per_s": f"{detail.get('load', {}).get('relationships', '?')} rels; server ceiling "
        f"{detail.get('load', {}).get('server_ceiling_rel_per_s', 0):,.0f}/s",
        "load_vs_baseline": "vs bench/baseline.py MinimalLoader",
        "reingest_speedup": f"{sizes.reingest_n} articles, kg ingest --neo4j",
        "peak_rss_mb_1k": f"N = {sizes.rss_small}",
        "peak_rss_mb_20k": f"N = {sizes.rss_large}",
        **new_notes(detail),
    }
    print(f"{'figure':<24} {'value':>12}  {'target':<18} notes")
    print("-" * 90)
    measured = [name for name in TARGETS if name in results]
    for name in measured:
        print(f"{name:<24} {fmt(results[name]):>12}  {verdict(name, results[name]):<18} {notes[name]}")
    print()
    print(f"rss_n_small: {sizes.rss_small}")
    print(f"rss_n_large: {sizes.rss_large}")
    for name in measured:
        print(f"{name}: {results[name]:.4g}")


def markdown(payload: dict[str, Any]) -> str:
    """The figures of a results file as the Markdown table the README shows."""
    figures, detail, sizes = payload["figures"], payload["detail"], payload["sizes"]
    extraction, load = detail.get("extraction", {}), detail.get("load", {})
    scaling, reingest = detail.get("scaling", {}), detail.get("reingest", {})
    one = statistics.median(scaling.get("seconds_1proc") or [0])
    two = statistics.median(scaling.get("seconds_2proc") or [0])
    notes = {
        "extract_overhead": f"{sizes['extract_n']} articles ({extraction.get('tokens', '?')} tokens), median of "
        f"{sizes['extract_reps']}; CPU-time ratio {extraction.get('overhead_cpu', 0):.3f}",
        "extract_articles_per_s": "1 process",
        "extract_tokens_per_s": "1 process",
        "extract_scaling_2proc": f"{sizes['scale_n']} articles; 1 process {one:.1f} s, 2 processes {two:.1f} s",
        "load_rel_per_s": f"{load.get('relationships', '?')} relationships of {sizes['load_n']} articles; "
        f"server ceiling {load.get('server_ceiling_rel_per_s', 0):,.0f}/s",
        "load_vs_baseline": f"minimal loader {load.get('baseline_rel_per_s', 0):,.0f} rel/s",
        "reingest_speedup": f"{sizes['reingest_n']} articles: {reingest.get('first_seconds', 0):.1f} s, "
        f"then {reingest.get('second_seconds', 0):.2f} s",
        "peak_rss_mb_1k": f"N = {sizes['rss_small']}",
        "peak_rss_mb_20k": f"N = {sizes['rss_large']}",
        **new_notes(detail),
    }
    lines = ["| figure | value | target | notes |", "|---|---:|---|---|"]
    for name in TARGETS:
        if name in figures:
            lines.append(f"| `{name}` | {fmt(figures[name])} | {verdict(name, figures[name])} | {notes[name]} |")
    return "\n".join(lines)


def new_notes(detail: dict[str, Any]) -> dict[str, str]:
    """Notes of the issue-15 figures, for the table and the README's Markdown."""
    long, dev, ceiling = detail.get("long", {}), detail.get("dev", {}), detail.get("ceiling", {})
    bulk, day = detail.get("bulk", {}), detail.get("day_of_news", {})
    triage = detail.get("triage", {})
    return {
        "extract_articles_per_s_long": f"{long.get('articles', '?')} articles, mean "
        f"{long.get('mean_words', 0):.0f} words, 1 process",
        "extract_articles_per_s_dev": f"{dev.get('articles', '?')} articles, mean {dev.get('mean_words', 0):.0f} "
        "words, 1 process",
        "extract_articles_per_s_dev_2proc": "same, 2 processes",
        "load_vs_ceiling": f"bare CREATE of the same {ceiling.get('relationships', '?')} relationships "
        f"{ceiling.get('bare_create_rel_per_s', 0):,.0f}/s",
        "bulk_import_rel_per_s": f"{bulk.get('relationships', '?')} rels: tool {bulk.get('import_tool_seconds', 0):.1f}"
        f" s, export {bulk.get('export_seconds', 0):.1f} s, schema {bulk.get('schema_seconds', 0):.1f} s",
        "extract_articles_per_s_triage": f"{triage.get('articles', '?')} long articles, 1 process; "
        f"{triage.get('sentences_parsed', '?')} of {triage.get('sentences', '?')} sentences parsed",
        "triage_speedup": f"vs --no-triage, same articles, same run; CPU-time ratio {triage.get('speedup_cpu', 0):.2f}",
        "triage_same_output": "triples; per corpus: "
        + ", ".join(f"{k} {v['triple_share']:.4f}" for k, v in triage.get("identity", {}).items()),
        "day_of_news_hours": f"extract {day.get('extract_hours', 0):.2f} h + load {day.get('load_hours', 0):.2f} h"
        f"{' (triage)' if day.get('triage') else ''}",
    }


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"cores": os.cpu_count(), "python": platform.python_version()}
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line)
        meminfo = Path("/proc/meminfo").read_text().split()
        info["ram_gb"] = round(int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024**2, 1)
    except (OSError, StopIteration, ValueError):
        pass
    info["loadavg_at_start"] = os.getloadavg()
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kg benchmark (see module docstring)")
    parser.add_argument("--quick", action="store_true", help="small sizes for CI (< 3 minutes idle)")
    parser.add_argument("--wipe", action="store_true", help="allow emptying a Neo4j database that holds data")
    parser.add_argument("--rss-n", help="the two memory corpus sizes, e.g. 1000,20000")
    parser.add_argument("--load-n", type=int, help="synthetic articles for the load figures")
    parser.add_argument("--extract-n", type=int, help="articles for the extraction figures")
    parser.add_argument("--batch-size", type=int, help="kg loader batch size (rows)")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    parser.add_argument("--markdown", type=Path, help="print the README table of a results file and exit")
    parser.add_argument(
        "--only",
        default="extract,long,triage,load,ceiling,reingest,bulk,memory",
        help="comma-separated subset, for development (ceiling needs load)",
    )
    args = parser.parse_args(argv)

    if args.markdown:
        print(markdown(json.loads(args.markdown.read_text(encoding="utf-8"))))
        return 0
    sizes = QUICK if args.quick else FULL
    if args.rss_n:
        small, large = (int(x) for x in args.rss_n.split(","))
        sizes = replace(sizes, rss_small=small, rss_large=large)
    if args.load_n:
        sizes = replace(sizes, load_n=args.load_n)
    if args.extract_n:
        sizes = replace(sizes, extract_n=args.extract_n)
    if args.batch_size:
        sizes = replace(sizes, batch_size=args.batch_size)

    only = set(args.only.split(","))
    results: dict[str, Any] = {"_detail": {}}
    started = time.perf_counter()
    info = machine()
    server = Neo4jServer()
    try:
        db = server.settings.database
        if ({"load", "reingest"} & only) and node_count(server.driver, db) and not args.wipe:
            print(
                "bench: the Neo4j database holds data and the load figures need an empty one; "
                "point NEO4J_URI at a scratch server or pass --wipe to delete everything in it",
                file=sys.stderr,
            )
            return 2
        if "extract" in only:
            bench_extraction(sizes, results)
        if "long" in only:
            bench_long_and_dev(sizes, results)
        if "triage" in only:
            bench_triage(sizes, results)
        if "load" in only:
            bench_load(sizes, server.driver, db, results)
            if "ceiling" in only:
                bench_ceiling(sizes, server.driver, db, results)
        if "reingest" in only:
            bench_reingest(sizes, server.driver, db, results)
    finally:
        try:
            from kg.load.schema import ensure_schema

            ensure_schema(server.driver, server.settings.database)  # leave kg's schema, as tests expect
        finally:
            server.close()
    if "bulk" in only:
        bench_bulk(sizes, results)
    if "memory" in only:
        bench_memory(sizes, results)
    day_of_news(results)

    detail = results.pop("_detail")
    report(results, detail, sizes)
    payload = {
        "mode": "quick" if args.quick else "full",
        "sizes": asdict(sizes),
        "machine": info,
        "seconds": round(time.perf_counter() - started, 1),
        "figures": results,
        "detail": detail,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
    log(f"done in {payload['seconds']} s; results in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
