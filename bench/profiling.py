"""Profile kg's extraction or loading with pyinstrument and print the call tree's heaviest frames.

    python bench/profiling.py extract [--n 32]      # kg extraction of N corpus articles, 1 process
    python bench/profiling.py load [--n 1000]       # kg's Neo4j loader on N synthetic articles (NEO4J_URI; wipes it)
    python bench/profiling.py components            # CPU seconds per pipeline component, per language, on the
                                                    # dev set, the bench corpus and the long articles; triage's
                                                    # cheap pass and parsed share beside them

The README's profiler evidence comes from here. The pipelines are loaded
before profiling starts, so the profile shows steady-state work only.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import baseline, corpus, synthetic  # noqa: E402
from bench import run as bench_run  # noqa: E402  (sets the model environment like the bench)


def profile_extract(n: int, workers: int) -> None:
    from pyinstrument import Profiler

    from kg.extract.pipeline import Extractor

    extractor = Extractor(workers=workers)
    articles = list(corpus.generate(n))
    bench_run.consume(extractor.extract(articles[:4]))  # load pipelines outside the profile
    with Profiler(interval=0.002) as profiler:
        bench_run.consume(extractor.extract(articles))
    print(profiler.output_text(unicode=False, color=False, show_all=False, short_mode=False))


def _component_seconds(extractor, lang: str, articles: list) -> tuple[dict[str, float], float]:
    """CPU seconds per component (and kg's own work, and triage's cheap pass) over ``articles``."""
    import time

    from kg.extract import triage
    from kg.extract.pipeline import parse_text

    pipeline = extractor._language(lang)
    nlp, texts = pipeline.nlp, [parse_text(a) for a in articles]
    list(nlp.pipe(texts[:2]))  # warm
    seconds: dict[str, float] = {}
    started = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    seconds["tokenizer"] = time.process_time() - started
    for component, proc in nlp.pipeline:
        started = time.process_time()
        docs = list(proc.pipe(docs, batch_size=64))
        seconds[component] = time.process_time() - started
    started = time.process_time()
    for article, doc in zip(articles, docs, strict=True):
        extractor._finish(pipeline, article, doc)
    seconds["kg entities+relations"] = time.process_time() - started
    cheap = [nlp.make_doc(t) for t in texts]
    space = triage.space_joins_next(nlp)
    started = time.process_time()
    plans = triage._decide(nlp, cheap, lang, space)
    seconds["triage cheap pass"] = time.process_time() - started
    runs = [r for p in plans for r in p]
    kept = sum(len(r[3]) for r in runs if r[2]) / max(1, sum(len(r[3]) for r in runs))
    return seconds, kept


def profile_components(n: int) -> None:
    """Per language and corpus: CPU seconds of each spaCy component over the whole texts, of kg's own
    work (entities + relations), and of triage's cheap pass (tokenizer, sentencizer, marks, NER probe)."""
    from bench import longform
    from kg.extract.pipeline import Extractor

    sets = {"dev": bench_run.dev_articles(1), "bench": list(corpus.generate(n)), "long": list(longform.generate(12))}
    extractor = Extractor(triage=False)
    for name, articles in sets.items():
        for lang in ("de", "en"):
            chosen = [a for a in articles if a.lang == lang]
            if not chosen:
                continue
            seconds, kept = _component_seconds(extractor, lang, chosen)
            total = sum(v for k, v in seconds.items() if k != "triage cheap pass")
            words = sum(len(a.text.split()) for a in chosen)
            print(f"{name} {lang}: {len(chosen)} articles, {words} words; full path {total:.2f} CPU s; "
                  f"triage keeps {kept:.0%} of sentences")  # fmt: skip
            for key, value in seconds.items():
                print(f"    {key:24s} {value:7.3f} s  {100 * value / total:5.1f} %")


def profile_load(n: int, batch_size: int) -> None:
    from pyinstrument import Profiler

    from kg.load import connect_neo4j
    from kg.load.neo4j_writer import Neo4jStore

    if not os.environ.get("NEO4J_URI"):
        sys.exit("profile load needs NEO4J_URI (a scratch server: the database is emptied)")
    driver = connect_neo4j()
    extractions = list(synthetic.extractions(n))
    baseline.reset(driver)
    store = Neo4jStore(driver, batch_size=batch_size)
    store.ensure_schema()
    with Profiler(interval=0.002) as profiler:
        store.write(extractions)
    baseline.reset(driver)
    print(profiler.output_text(unicode=False, color=False))
    print(dict(store.statements))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("extract", "load", "components"))
    parser.add_argument("--n", type=int, default=None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args()
    if args.what == "extract":
        profile_extract(args.n or 32, args.workers)
    elif args.what == "components":
        profile_components(args.n or 40)
    else:
        profile_load(args.n or 1000, args.batch_size)


if __name__ == "__main__":
    main()
