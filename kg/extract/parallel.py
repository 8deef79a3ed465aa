"""Extraction over worker processes on one machine, and language regrouping for batching.

Two problems this module solves, both measured by ``bench/run.py``:

1. A real feed interleaves languages (de, en, de, ...). Feeding only
   *consecutive* same-language articles to ``nlp.pipe`` then means batches of
   one. :func:`extract_grouped` reads a bounded window of articles, runs each
   language's articles of the window as one batch, and yields the results in
   input order again.
2. spaCy's own ``n_process`` parallelises only the parse: every ``Doc`` is
   serialised back to the parent, which then does entity resolution and
   relation reading alone, so the parent becomes the bottleneck (and with
   interleaved languages spaCy starts new processes for every run of one
   language). :func:`extract_parallel` instead sends whole chunks of articles
   to a process pool whose workers each own an extractor; only the small
   :class:`~kg.model.Extraction` objects come back.

Output order always equals input order; at most ``2 * workers`` chunks are in
flight, so memory does not grow with the corpus; skipped and failed articles reach
``on_skip`` in the parent, in input order, and are counted in the parent's
:class:`~kg.extract.report.RunReport` (with the models the workers found missing).

This module is part of extraction and imports nothing of :mod:`kg.extract.pipeline`: the
worker's extractor comes from a factory the :class:`~kg.extract.pipeline.Extractor` passes in.

Workers die with their parent (:func:`_die_with_parent`): a parent killed with
SIGKILL cannot shut its pool down, and a worker blocked waiting for work would
otherwise live on, holding a pipeline's memory, indefinitely.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from itertools import islice
from typing import Any

from kg.config import mp_start_method
from kg.extract.furniture import with_furniture
from kg.extract.report import RunReport
from kg.model import Article, Extraction

#: Called with an article that is not extracted and the reason (``Extractor.extract``'s ``on_skip``).
OnSkip = Callable[[Article, str], None]
#: Extracts a list of articles: yields served articles' extractions in order, reports the others to
#: ``on_skip`` (language not served) or ``on_fail`` (extraction raised); ``Extractor.extract_runs``.
RunFn = Callable[..., Iterable[Extraction]]

#: Articles per chunk sent to a worker: big enough to batch, small enough to balance two cores.
DEFAULT_CHUNK = 8
#: Articles regrouped by language at a time in one process.
DEFAULT_WINDOW = 64

# One entry per outcome of an article: ("ok", Extraction), ("skip", reason) or ("fail", message).
Outcome = tuple[str, Any]


def _outcomes(run: RunFn, language_of: Callable[[Article], str | None], articles: list[Article]) -> list[Outcome]:
    """Outcomes of ``articles`` in input order, each language's articles run as one batch."""
    groups: dict[str | None, list[int]] = {}
    # An article without `lang` is handed to `run` as a copy carrying the detected code, so the
    # language is detected once, not twice; its extraction gets the original article back.
    given: list[Article] = []
    for pos, article in enumerate(articles):
        code = language_of(article)
        given.append(replace(article, lang=code) if code is not None and article.lang is None else article)
        groups.setdefault(code, []).append(pos)
    outcomes: list[Outcome | None] = [None] * len(articles)
    for positions in groups.values():
        group = [given[p] for p in positions]
        # Results and skips arrive in group order; walk a cursor to give each its position.
        # Identity, not id: the same article may legitimately appear twice.
        cursor = 0

        def place(article: Article, kind: str, value: Any, group: list[Article] = group, positions=positions) -> None:
            nonlocal cursor
            while cursor < len(group) and group[cursor] is not article:
                cursor += 1
            if cursor == len(group):
                raise RuntimeError(f"the extractor returned article {article.id} out of order or as a copy")
            pos = positions[cursor]
            if kind == "ok" and value.article is not articles[pos]:
                value = replace(value, article=articles[pos])
            outcomes[pos] = (kind, value)
            cursor += 1

        skip = lambda art, reason, place=place: place(art, "skip", reason)  # noqa: E731
        fail = lambda art, message, place=place: place(art, "fail", message)  # noqa: E731
        for extraction in run(group, skip, on_fail=fail):
            place(extraction.article, "ok", extraction)
    return [o if o is not None else ("skip", "not extracted") for o in outcomes]


def _emit(
    articles: list[Article], outcomes: list[Outcome], on_skip: OnSkip | None, report: RunReport | None
) -> Iterator[Extraction]:
    """The chunk's extractions in input order; the others counted in ``report`` and handed to ``on_skip``."""
    for article, (kind, value) in zip(articles, outcomes, strict=True):
        if kind == "ok":
            if report is not None:
                report.extracted += 1
            yield with_furniture(value)  # the dateline's place and agency, in every process layout
            continue
        if report is not None:
            (report.failed if kind == "fail" else report.skipped).append((article.id, value))
        if on_skip is not None:
            on_skip(article, value)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def _balanced_chunks(articles: Iterable[Article], size: int, workers: int) -> Iterator[list[Article]]:
    """Chunks of ``size`` articles, except at the end of the stream, where the rest is cut finer.

    With whole chunks to the end, the last round leaves workers idle: 40 articles in chunks of 8
    are 3 chunks for one worker and 2 for the other, so two processes could be at most 1.67x as
    fast as one. Looking ``2 * workers`` chunks ahead, the articles left when the input ends are
    dealt in chunks of about a quarter of a worker's share, so the workers finish together.
    """
    it = iter(articles)
    buffer: deque[Article] = deque()
    lookahead = 2 * workers * size
    step = size
    exhausted = False
    while True:
        while not exhausted and len(buffer) < lookahead:
            nxt = next(it, None)
            if nxt is None:
                exhausted = True
                step = max(1, min(size, -(-len(buffer) // (4 * workers))))  # the tail's chunk size, fixed once
            else:
                buffer.append(nxt)
        if not buffer:
            return
        yield [buffer.popleft() for _ in range(min(step, len(buffer)))]


def extract_grouped(
    run: RunFn,
    language_of: Callable[[Article], str | None],
    articles: Iterable[Article],
    on_skip: OnSkip | None = None,
    window: int = DEFAULT_WINDOW,
    report: RunReport | None = None,
) -> Iterator[Extraction]:
    """In this process: regroup each ``window`` of articles by language, yield in input order."""
    for chunk in _chunks(articles, window):
        yield from _emit(chunk, _outcomes(run, language_of, chunk), on_skip, report)


# -- worker processes ----------------------------------------------------------------------------------------------

_worker_extractor: Any = None


#: How often a worker checks that its parent is still alive, where the kernel cannot tell it (seconds).
PARENT_POLL_S = 1.0


def _die_with_parent(parent: int) -> None:
    """End this worker when process ``parent`` ends, however it ends (SIGKILL included).

    Linux: the kernel sends SIGKILL when the parent goes (``PR_SET_PDEATHSIG``). Everywhere, and
    for the moment before that was set: a daemon thread sees the worker re-parented and exits.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent was gone before the line above
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def _init_worker(make_extractor: Callable[[], Any], parent: int | None = None) -> None:
    """Build this worker's single-process extractor (pipelines load on first use, once per worker)."""
    global _worker_extractor

    # The parent's SIGTERM handler (turn it into Ctrl-C) is the parent's: the pool stops workers with SIGTERM.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if parent is not None:
        _die_with_parent(parent)

    _worker_extractor = make_extractor()


def _work(articles: list[Article]) -> tuple[list[Outcome], dict[str, str]]:
    """The chunk's outcomes, and the models this worker found missing (the parent's report needs them)."""
    ex = _worker_extractor
    # `extract_runs` is the extractor's plain same-language loop (`extract` would regroup again).
    return _outcomes(ex.extract_runs, ex.language_of, articles), dict(ex.missing_models)


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` where available (workers inherit loaded pipelines), else the platform default.

    ``KG_MP_START`` overrides (``spawn``/``forkserver``) for platforms or
    embedding applications where forking a threaded parent is unsafe.
    """
    method = mp_start_method()
    if method:
        return multiprocessing.get_context(method)
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def extract_parallel(
    articles: Iterable[Article],
    *,
    workers: int,
    make_extractor: Callable[[], Any],
    on_skip: OnSkip | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    report: RunReport | None = None,
) -> Iterator[Extraction]:
    """Extract ``articles`` in ``workers`` processes; yields in input order, streaming.

    ``make_extractor()`` builds each worker's single-process extractor (picklable, e.g. a
    ``functools.partial`` of :class:`~kg.extract.pipeline.Extractor`). Worker errors are raised
    here, in the parent, when their chunk's turn comes (``on_error="raise"``). Closing the
    generator early cancels the chunks not yet started.
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    # Forked workers share the parent's memory (loaded pipelines included) copy-on-write; the cyclic
    # GC in a worker would write to every inherited object it scans and so copy those pages. Frozen
    # objects are never scanned.
    gc.freeze()
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(),
        initializer=_init_worker,
        initargs=(make_extractor, os.getpid()),
    )
    in_flight: deque[tuple[list[Article], Future[tuple[list[Outcome], dict[str, str]]]]] = deque()

    def finished(chunk: list[Article], future: Future[tuple[list[Outcome], dict[str, str]]]) -> Iterator[Extraction]:
        outcomes, missing = future.result()
        if report is not None:
            report.missing_models.update(missing)  # before the chunk's skips reach on_skip
        return _emit(chunk, outcomes, on_skip, report)

    try:
        for chunk in _balanced_chunks(articles, chunk_size, workers):
            in_flight.append((chunk, pool.submit(_work, chunk)))
            if len(in_flight) >= 2 * workers:  # keep every worker busy, but no more than that in memory
                yield from finished(*in_flight.popleft())
        while in_flight:
            yield from finished(*in_flight.popleft())
    finally:
        for _, future in in_flight:
            future.cancel()
        try:
            pool.shutdown(wait=True, cancel_futures=True)
        except RuntimeError:
            # An abandoned generator finalized by the garbage collector in the pool's own manager thread
            # (seen when SIGTERM interrupts kg ingest under load): that thread cannot wait for itself; the
            # pool is shut down all the same and its workers exit with their parent.
            pool.shutdown(wait=False, cancel_futures=True)
        gc.unfreeze()
