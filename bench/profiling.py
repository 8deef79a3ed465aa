"""Profile kg's extraction or loading with pyinstrument and print the call tree's heaviest frames.

    python bench/profiling.py extract [--n 32]      # kg extraction of N corpus articles, 1 process
    python bench/profiling.py load [--n 1000]       # kg's Neo4j loader on N synthetic articles (NEO4J_URI; wipes it)

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
    parser.add_argument("what", choices=("extract", "load"))
    parser.add_argument("--n", type=int, default=None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args()
    if args.what == "extract":
        profile_extract(args.n or 32, args.workers)
    else:
        profile_load(args.n or 1000, args.batch_size)


if __name__ == "__main__":
    main()
