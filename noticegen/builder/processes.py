"""Worker processes that leave Ctrl-C to the command and stop when it stops.

Built from multiprocessing's public parts only: a ``Process`` per worker, a ``Pipe`` to each,
and ``connection.wait`` for whichever worker answers or dies first. A pool of its own because
the standard ones each lack one of the guarantees the tests pin down (tests/test_processes.py):
``multiprocessing.Pool`` replaces a worker killed by the out-of-memory killer and waits for ever
for the task it had; ``ProcessPoolExecutor`` reports that, but has no public way before Python
3.14 to stop its workers on Ctrl-C, and its result thread could hang for ever on a result a
stopped worker had half sent (1 in 50 Ctrl-Cs, until it reached into its private pipe).

Here everything happens in the command's main thread: a worker that dies, also halfway through
sending its result, is an end of file on its pipe (a user error with a hint), and Ctrl-C or
SIGTERM interrupt the wait like any other.
"""

from __future__ import annotations

import multiprocessing
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from noticegen import interrupts
from noticegen.config import words
from noticegen.errors import NoticegenError
from noticegen.l10n import tr

R = TypeVar("R")


def can_fork() -> bool:
    """Whether worker processes can be forked here: on Linux (elsewhere forking a process that
    has loaded these libraries is unsafe or impossible), so that they start with what this
    process has loaded."""
    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


class Pool:
    """``size`` worker processes, forked (or spawned) when the ``with`` block is entered. However
    the block ends, they are terminated, not waited for: the work not yet done is dropped (an
    error, Ctrl-C, SIGTERM, a generator closed early), and at a normal end they are idle."""

    def __init__(self, size: int, context: BaseContext | None = None) -> None:
        self._context = context or multiprocessing.get_context()
        self._size = size
        self._workers: list[tuple[BaseProcess, Connection]] = []

    def __enter__(self) -> Pool:
        try:
            with interrupts.held():  # a signal during the forks is handled once they are over
                for _ in range(self._size):
                    ours, theirs = self._context.Pipe()
                    process: BaseProcess = self._context.Process(  # type: ignore[attr-defined]
                        target=_serve, args=(theirs,), daemon=True)  # (every concrete context has it)
                    process.start()
                    theirs.close()  # the worker's end only in the worker: its death is our EOF
                    self._workers.append((process, ours))
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        for process, _ in self._workers:
            process.terminate()
        for process, conn in self._workers:
            process.join()
            conn.close()

    def each(self, work: Callable[..., R], tasks: Iterable[tuple[Any, ...]]) -> Iterator[R]:
        """``work(*task)`` for every task, in the workers; each result as soon as it is done
        (not in the order of ``tasks``). An exception raised by ``work`` is raised here.

        A worker has its next task before it sends a result (:data:`AHEAD`), so that it does
        not wait while the command takes that result in and stages it; near the end, when
        fewer tasks wait than there are workers, each worker gets one at a time, so that none
        is left with two while another has none.
        """
        waiting = list(tasks)[::-1]
        sent = {conn: 0 for _, conn in self._workers}  # tasks each worker has not answered
        sentinels = {conn: process.sentinel for process, conn in self._workers}

        def give(conn: Connection) -> None:
            while waiting and sent[conn] < (AHEAD if len(waiting) >= len(sent) else 1):
                try:
                    conn.send((work, waiting.pop()))
                except OSError:
                    raise _died() from None
                sent[conn] += 1

        for conn in sent:
            give(conn)
        while any(sent.values()):
            busy = [conn for conn, count in sent.items() if count]
            ready = wait([*busy, *(sentinels[conn] for conn in busy)])
            for conn in busy:
                if conn not in ready and sentinels[conn] not in ready:
                    continue
                try:
                    reply = conn.recv()  # a worker that died: EOF, also halfway through a result
                except (EOFError, OSError):
                    raise _died() from None
                sent[conn] -= 1
                give(conn)  # before the result is taken in: the worker goes on meanwhile
                yield _result(reply)


AHEAD = 2
"""Tasks a worker holds at a time: the one it works on and the next. With one, a worker got
its next chunk only after the command had taken in its result and staged its files, and waited
meanwhile: `build --jobs 2` of 200 notices took 6.5% longer than with Python's pool, which
queues every task at once (benchmarks/README.md, section 9)."""


def _died() -> NoticegenError:
    """A worker was killed: the out-of-memory killer, kill -9."""
    lang = words()
    return NoticegenError(tr(lang, "a worker process stopped unexpectedly, so nothing was "
                             "written"),
                          hint=tr(lang, "if the computer ran out of memory, run the command "
                                  "again with fewer workers (--jobs 1 uses none)"))


def _result(reply: tuple[Any, ...]) -> Any:
    if reply[0] == "ok":
        return reply[1]
    _, exc, where = reply
    exc.add_note(f"Raised in a worker process:\n{where}")  # its traceback did not travel
    raise exc


def _serve(conn: Connection) -> None:
    """A worker: run each task the command sends and answer with its result, until it is
    terminated or the command is gone."""
    interrupts.in_worker()
    while True:
        try:
            work, args = conn.recv()
        except (EOFError, OSError):  # the command is gone
            return
        try:
            reply: tuple[Any, ...] = ("ok", work(*args))
        except Exception as exc:
            reply = ("error", exc, traceback.format_exc())
        try:
            conn.send(reply)
        except Exception:  # pickling failed (before anything was sent): send why instead
            conn.send(("error", RuntimeError("a worker's result could not be sent back"),
                       traceback.format_exc()))
