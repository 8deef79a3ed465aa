"""A Ctrl-C during kg's imports and model loading is raised after them, never lost.

Libraries kg imports can swallow a KeyboardInterrupt raised inside their own import (a
``try: import ... except`` fallback, a C extension's init): CI saw ``kg ingest`` interrupted in
its first second run to the end and exit 0. The blocks below stand in for such a library.
"""

from __future__ import annotations

import os
import signal
import threading

import pytest

from kg.interrupts import deferred_interrupts


def swallowing_library() -> None:
    """Receives Ctrl-C and, as some third-party imports do, carries on as if nothing happened."""
    try:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):  # give the interpreter bytecode boundaries to run the handler at
            pass
    except BaseException:
        pass


def test_the_stand_in_really_loses_an_interrupt_without_deferral():
    swallowing_library()  # nothing raised: the failure the deferral exists for


def test_nested_blocks_raise_once_at_the_end_of_the_outermost():
    order: list[str] = []
    with pytest.raises(KeyboardInterrupt), deferred_interrupts():
        with deferred_interrupts():
            swallowing_library()
        order.append("after the inner block")
    assert order == ["after the inner block"]


def test_an_interrupt_inside_the_block_is_raised_when_the_block_ends():
    reached_end_of_block = False
    with pytest.raises(KeyboardInterrupt), deferred_interrupts():
        swallowing_library()
        reached_end_of_block = True
    assert reached_end_of_block


def test_no_interrupt_means_no_exception_and_the_default_handler_is_back():
    with deferred_interrupts():
        pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_after_a_deferred_interrupt_ctrl_c_works_normally_again():
    with pytest.raises(KeyboardInterrupt), deferred_interrupts():
        swallowing_library()
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(1000):
            pass


def test_an_ignored_sigint_stays_ignored():
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with deferred_interrupts():
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
            os.kill(os.getpid(), signal.SIGINT)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


def test_outside_the_main_thread_the_block_changes_nothing():
    seen: list[object] = []

    def body() -> None:
        with deferred_interrupts():
            seen.append(signal.getsignal(signal.SIGINT))

    thread = threading.Thread(target=body)
    thread.start()
    thread.join()
    assert seen == [signal.default_int_handler]
