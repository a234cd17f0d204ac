"""Worker pools leave Ctrl-C to the command and are stopped, not waited for, when it stops."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from concurrent.futures import CancelledError, Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from noticegen.processes import pool

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forked workers (Linux)")
FORK = multiprocessing.get_context("fork") if sys.platform == "linux" else None


def _sigint_handler() -> str:
    return str(signal.getsignal(signal.SIGINT))


def _pid_then_sleep(folder: str, seconds: float) -> int:
    Path(folder, str(os.getpid())).touch()
    time.sleep(seconds)
    return os.getpid()


def _outcome(future: Future[int]) -> str:
    try:
        future.result(timeout=0)
    except (BrokenProcessPool, CancelledError) as exc:
        return type(exc).__name__
    return "finished"


def test_workers_ignore_ctrl_c() -> None:
    """Ctrl-C reaches every process of the command; only the command itself handles it."""
    with pool(2, FORK) as workers:
        assert {workers.submit(_sigint_handler).result() for _ in range(4)} == {str(signal.SIG_IGN)}
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_normal_end_waits_for_the_work() -> None:
    with pool(2, FORK) as workers:
        results = list(workers.map(abs, range(-5, 5)))
    assert results == [abs(i) for i in range(-5, 5)]


@pytest.mark.parametrize("exc", [KeyboardInterrupt, ValueError, GeneratorExit])
def test_leaving_early_stops_the_workers_without_waiting(tmp_path: Path, exc: type[BaseException]) -> None:
    """Before: the pool waited for the work in progress (a batch took 1-2 s to stop after
    Ctrl-C) and could block for ever when a worker was sending a result nobody read."""
    futures: list[Future[int]] = []
    with pytest.raises(exc), pool(2, FORK) as workers:
        futures = [workers.submit(_pid_then_sleep, str(tmp_path), 20) for _ in range(3)]
        while len(list(tmp_path.iterdir())) < 2:  # both workers busy
            time.sleep(0.01)
        raise exc
    # queued work is dropped (cancelled, or failed when already handed to a worker)
    assert {_outcome(f) for f in futures} <= {"BrokenProcessPool", "CancelledError"}
    for pid in (int(p.name) for p in tmp_path.iterdir()):
        assert not Path(f"/proc/{pid}").exists(), "the worker was stopped and reaped"
