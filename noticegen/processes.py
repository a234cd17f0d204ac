"""Worker processes that leave Ctrl-C to the command and stop when it stops.

A terminal sends Ctrl-C to every process of the command, workers included. Left to themselves,
workers print tracebacks, go on with the work already queued, and can block for ever sending a
result that nobody reads any more; so they ignore it, and the command, which handles it once,
stops them without waiting for their work.
"""

import contextlib
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


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the command turns SIGTERM into an exception (noticegen/interrupts.py); a worker that
    # inherited that would catch it as a failed task and go on, so terminating it would not
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _terminate(executor: ProcessPoolExecutor) -> None:
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    # Before 3.14 the pool has no public way to stop its workers; it keeps them in _processes
    # (pid -> Process). Once they are gone, shutdown() marks the unfinished work as failed.
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            process.terminate()
