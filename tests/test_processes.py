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

from noticegen.errors import NoticegenError
from noticegen.interrupts import install
from noticegen.processes import pool

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forked workers (Linux)")
FORK = multiprocessing.get_context("fork") if sys.platform == "linux" else None


def _pid_then_sleep(folder: str, seconds: float) -> int:
    Path(folder, str(os.getpid())).touch()
    time.sleep(seconds)
    return os.getpid()


def _die() -> None:
    """In a worker: what the out-of-memory killer does."""
    os.kill(os.getpid(), signal.SIGKILL)


def _outcome(future: Future[int]) -> str:
    try:
        future.result(timeout=0)
    except (BrokenProcessPool, CancelledError) as exc:
        return type(exc).__name__
    return "finished"


def _handlers() -> tuple[str, str]:
    return str(signal.getsignal(signal.SIGINT)), str(signal.getsignal(signal.SIGTERM))


def test_workers_ignore_ctrl_c_and_die_of_sigterm() -> None:
    """Ctrl-C reaches every process of the command; only the command itself handles it. The
    command turns SIGTERM into an exception; its workers must not inherit that, or terminating
    them would only fail the task they are on."""
    previous = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        install()
        with pool(2, FORK) as workers:
            seen = {workers.submit(_handlers).result() for _ in range(4)}
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert seen == {(str(signal.SIG_IGN), str(signal.SIG_DFL))}
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_worker_that_dies_is_a_user_error() -> None:
    with pytest.raises(NoticegenError, match="worker process stopped unexpectedly") as caught, \
            pool(2, FORK) as workers:
        workers.submit(_die).result()
    assert "--jobs 1" in caught.value.hint


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
        deadline = time.monotonic() + 60
        while len(list(tmp_path.iterdir())) < 2:  # both workers busy
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.01)
        raise exc
    # queued work is dropped (cancelled, or failed when already handed to a worker)
    assert {_outcome(f) for f in futures} <= {"BrokenProcessPool", "CancelledError"}
    for pid in (int(p.name) for p in tmp_path.iterdir()):
        assert not Path(f"/proc/{pid}").exists(), "the worker was stopped and reaped"


_HALF_SENT = """
import gc, multiprocessing, os, struct, sys, time
from multiprocessing.queues import SimpleQueue
from noticegen.processes import pool

def half_send():
    # What a worker that is stopped while sending a large result leaves in the pipe: the
    # result's length and its first bytes. (A worker's one SimpleQueue is its result queue.)
    results, = [o for o in gc.get_objects() if type(o) is SimpleQueue]
    os.write(results._writer.fileno(), struct.pack("!i", 1 << 20) + b"x" * 99)
    time.sleep(120)

try:
    with pool(1, multiprocessing.get_context("fork")) as workers:
        workers.submit(half_send)
        time.sleep(1)  # the pool's thread now waits for the rest of that result
        raise KeyboardInterrupt
except KeyboardInterrupt:
    print("stopped", flush=True)
"""


def test_stopping_while_a_result_is_half_sent_does_not_hang() -> None:
    """Ctrl-C that stopped a worker halfway through sending a notice's files left the pool's
    thread waiting for the rest of them for ever (the CI run of 839f07f timed out so)."""
    import contextlib
    import subprocess

    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", _HALF_SENT], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("the pool did not stop: it waits for a result that will never come")
    finally:  # the worker too, whatever happened
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
    assert (out, proc.returncode) == ("stopped\n", 0), err
    assert time.monotonic() - started < 30


_SIGNAL_DURING_FORK = """
import multiprocessing, os, signal, sys
from noticegen.interrupts import Terminated, install
from noticegen.processes import pool

install()
# A signal that lands while the workers are forked: Python handles it inside an at-fork hook
# (here the one that sends it; in the build it was logging's).
os.register_at_fork(after_in_parent=lambda: os.kill(os.getpid(), signal.SIG%s))
try:
    with pool(2, multiprocessing.get_context("fork")) as workers:
        print(sum(workers.map(abs, range(10))), flush=True)
except (KeyboardInterrupt, Terminated) as exc:
    print(type(exc).__name__, flush=True)
"""


@pytest.mark.parametrize(("sig", "raised"), [("INT", "KeyboardInterrupt"), ("TERM", "Terminated")])
def test_a_signal_during_the_fork_of_the_workers_is_not_lost(sig: str, raised: str) -> None:
    """A KeyboardInterrupt raised in an at-fork hook is printed as "Exception ignored" and
    lost: a Ctrl-C was once lost so, and the build ran to the end. Held back during the fork,
    the signal stops the command afterwards. Fails without the mask in processes._start: the
    script prints 45 and the warnings."""
    import subprocess

    proc = subprocess.run([sys.executable, "-c", _SIGNAL_DURING_FORK % sig], capture_output=True,
                          text=True, timeout=60)
    assert (proc.stdout, proc.stderr, proc.returncode) == (f"{raised}\n", "", 0)
