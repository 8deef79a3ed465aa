"""One memory measurement: stream N corpus articles through extraction into the embedded store.

Run by :mod:`bench.run` in a fresh interpreter per N, so the peak resident set
size it reports belongs to this corpus size alone. Prints one JSON object:
``{"n", "articles", "seconds", "peak_rss_mb"}``. Nothing is kept in memory
on purpose: the corpus is generated lazily and every extraction goes straight
to the store, which is exactly what must keep memory flat as N grows.

    python -m bench.rss --n 1000 --store /tmp/kg-rss [--workers 1]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import generate


def peak_rss_mb() -> float:
    """Peak RSS of this process and (separately counted) its finished worker processes, in MB.

    ``ru_maxrss`` is in KiB on Linux. Workers are separate processes: their
    peaks are added, an upper bound of what the run held at once.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def current_rss_mb() -> float:
    """Resident set size now (Linux ``/proc``; 0 elsewhere): with the peak, shows whether memory kept growing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)

    from kg.extract.pipeline import Extractor
    from kg.load import LocalStore

    started = time.perf_counter()
    extractor = Extractor(workers=args.workers)
    with LocalStore(args.store) as store:
        stats = store.write(extractor.extract(generate(args.n)))
    result = {
        "n": args.n,
        "articles": stats.articles_written,
        "seconds": round(time.perf_counter() - started, 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "rss_at_end_mb": round(current_rss_mb(), 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
