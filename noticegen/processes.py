"""Worker processes that leave Ctrl-C to the command and stop when it stops.

A terminal sends Ctrl-C to every process of the command, workers included. Left to themselves,
workers print tracebacks, go on with the work already queued, and can block for ever sending a
result that nobody reads any more; so they ignore it, and the command, which handles it once,
stops them without waiting for their work.

Workers are started before the pool is handed out, with Ctrl-C and SIGTERM held back while they
are forked: a signal that arrives during a fork is then handled once the fork is over, instead
of inside Python's at-fork hooks, which can only print it and go on.
"""

import contextlib
import multiprocessing
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext

from noticegen.errors import NoticegenError


@contextlib.contextmanager
def pool(workers: int, context: BaseContext | None = None) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers ignore SIGINT. Leaving the ``with`` block normally waits
    for them as usual; leaving it by an exception (an error, Ctrl-C, SIGTERM, a generator
    closed early) terminates them and drops the work not yet done. A worker that dies is a
    user error (exit 1) with a hint, not a traceback."""
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                   initializer=_ignore_interrupts)
    try:
        _start(executor, context)
        yield executor
    except BrokenProcessPool as exc:  # a worker was killed: the out-of-memory killer, kill -9
        _terminate(executor)
        raise NoticegenError(
            "a worker process stopped unexpectedly, so nothing was written",
            hint="if the computer ran out of memory, run the command again with fewer "
                 "workers (--jobs 1 uses none)") from exc
    except BaseException:
        _terminate(executor)
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


_HELD = {signal.SIGINT, signal.SIGTERM}


def _start(executor: ProcessPoolExecutor, context: BaseContext | None) -> None:
    """Fork the workers now, with Ctrl-C and SIGTERM held back until they are forked.

    A pool of forked workers forks them all at its first task. Python runs its at-fork hooks
    (logging has some) around each fork, and a KeyboardInterrupt raised in one of them is
    printed as "Exception ignored" and lost: the build went on to the end (once in 240 tries).
    Held back, the signal is handled when the mask is lifted, here, as an exception the
    caller's cleanup sees. Pools that spawn their workers (not Linux) run no at-fork hooks.
    """
    method = (context or multiprocessing.get_context()).get_start_method()
    if method != "fork" or not hasattr(signal, "pthread_sigmask"):
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        executor.submit(int)  # forks every worker; the pool's thread starts with the mask too
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the command turns SIGTERM into an exception (noticegen/interrupts.py); a worker that
    # inherited that would catch it as a failed task and go on, so terminating it would not
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # forked while they were held back (see _start)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


def _terminate(executor: ProcessPoolExecutor) -> None:
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
    else:
        # Before 3.14 the pool has no public way to stop its workers; it keeps them in
        # _processes (pid -> Process). Once they are gone, shutdown() marks the unfinished work
        # as failed.
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            with contextlib.suppress(Exception):
                process.terminate()
    _end_results(executor)


def _end_results(executor: ProcessPoolExecutor) -> None:
    """Let the pool's thread see that no more results will come.

    A worker stopped while sending a result (a notice's files, several MB, do not fit in the
    pipe at once) leaves that thread waiting for the rest of it, and shutdown() waiting for the
    thread: Ctrl-C then hung the command for ever (about 1 in 50 tries). The pipe only ends
    when every copy of its writing end is closed, and this process holds one it never writes
    to (workers inherit it). Closed, the half-sent result ends in EOF once the workers are
    gone, which the thread takes as a broken pool and stops.
    """
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.close()
