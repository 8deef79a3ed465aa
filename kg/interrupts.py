"""Ctrl-C that third-party code cannot swallow.

A KeyboardInterrupt raised while Python imports a library can vanish: import machinery, C
extensions and ``try: import x / except ...`` fallbacks in libraries kg imports (the Neo4j driver
importing pandas, networkx, spaCy's entry points) have been seen to lose it, and a ``kg ingest``
interrupted in its first second then ran to the end with exit 0. Inside :func:`deferred_interrupts`
a Ctrl-C is only recorded, and raised as KeyboardInterrupt when the block ends, in kg's own code,
where every command handles it (summary, exit 130).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold SIGINT for the block's duration; raise KeyboardInterrupt at its end if one came.

    Acts only in the main thread and only while SIGINT has Python's default handler: a process
    started with SIGINT ignored (``nohup``, a background job) or a host with its own handler
    (a notebook kernel) keeps its behaviour. Nested blocks defer to the outermost one.
    """
    if threading.current_thread() is not threading.main_thread() or (
        signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    came: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, frame: came.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if came:
        raise KeyboardInterrupt
