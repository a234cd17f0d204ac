"""Ctrl-C and SIGTERM, the one place noticegen handles signals.

A run ends the same way at any moment: one line, exit 130 or 143, no traceback. Both unwind the
run as an exception, so whatever a build has staged is removed and every output file stays as
it was. SIGTERM is how a CI job is cancelled, how ``timeout`` and ``docker stop`` end a
process; left to its default it would kill a build on the spot and strand its temp files.

Three moments need more than that: while files are written (:func:`held`), while worker
processes are forked (:func:`held` too) and in a worker itself (:func:`in_worker`).

Imports only a few standard modules: the console script (``noticegen/__main__.py``) uses it
before the libraries are imported, which takes a tenth of a second, so that an interrupt while
they load is handled too.
"""

import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import NoReturn, TypeVar

T = TypeVar("T")


class Terminated(BaseException):
    """SIGTERM, raised in the main thread as Ctrl-C raises KeyboardInterrupt."""


def N_(message: str) -> str:
    """Marks a message for the catalogues, as ``noticegen.l10n.N_`` does: this module imports
    nothing of noticegen's before the run is guarded."""
    return message


STOPS: dict[type[BaseException], tuple[str, int]] = {
    KeyboardInterrupt: (N_("interrupted"), 128 + signal.SIGINT),  # 130, as shells report Ctrl-C
    Terminated: (N_("terminated"), 128 + signal.SIGTERM),  # 143
}
HELD = (signal.SIGINT, signal.SIGTERM)
"""The signals that end a run."""


def install() -> None:
    """Turn SIGTERM into :class:`Terminated` (main thread only; a handler set by someone else,
    or an ignored SIGTERM, is left alone)."""
    if _main_thread() and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _terminated)


def _terminated(signum: int, frame: object) -> NoReturn:
    raise Terminated


def _main_thread() -> bool:
    """Handlers can be set, and are run, only in the main thread (CliRunner may use another)."""
    return threading.current_thread() is threading.main_thread()


def stopped_by(exc: BaseException) -> type[BaseException] | None:
    """KeyboardInterrupt or Terminated if ``exc`` is one, or an error Python raised in its place.

    Python 3.11 wraps whatever a class body's ``__set_name__`` raises in a RuntimeError, so a
    Ctrl-C that lands while a module defines a dataclass (any lazy import) arrives as a
    ``RuntimeError`` caused by ``KeyboardInterrupt``.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        for kind in STOPS:
            if isinstance(current, kind):
                return kind
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def stop(kind: type[BaseException]) -> NoReturn:
    """End the run after Ctrl-C or SIGTERM."""
    word, code = STOPS[kind]
    sys.stderr.write(f"noticegen: {_said(word)}\n")
    sys.stderr.flush()
    raise SystemExit(code) from None


def _said(word: str) -> str:
    """``word`` in the language of the messages; as written while noticegen's modules are still
    being imported (Ctrl-C at once)."""
    try:
        from noticegen.config import words
        from noticegen.l10n import tr

        return tr(words(), word)
    except Exception:
        return word


def guarded(call: Callable[[], T]) -> T:
    """``call()``, with Ctrl-C and SIGTERM (plain or wrapped) turned into :func:`stop`."""
    try:
        return call()
    except (KeyboardInterrupt, Terminated, Exception) as exc:
        kind = stopped_by(exc)
        if kind is None:
            raise
        stop(kind)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back until the block is over, then handled as usual, once each.

    Around file writes: Ctrl-C arriving between a temp file's creation and its bookkeeping
    would strand it. Around the fork of worker processes: Python runs its at-fork hooks
    (logging has some) around each fork, and a KeyboardInterrupt raised in one of them is
    printed as "Exception ignored" and lost; a build once went on to the end so (once in 240
    tries). The workers start with the signals blocked and release them in :func:`in_worker`.

    Blocking them in this thread is not enough when other threads run (preview's server): the
    kernel hands the signal to one of those, and Python runs the handler in the main thread
    straight away. So the handlers are also swapped for one that only notes the signal, and
    each noted signal is raised again, to the real handler, at the end.
    """
    if not hasattr(signal, "pthread_sigmask") or not _main_thread():
        yield
        return
    noted: list[int] = []
    handlers = {signum: signal.getsignal(signum) for signum in HELD}
    swapped = [signum for signum, handler in handlers.items() if handler is not None]  # None: set in C
    for signum in swapped:
        signal.signal(signum, lambda number, _frame: noted.append(number))
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # what was pending is noted now
        for signum in swapped:
            signal.signal(signum, handlers[signum])
        for number in dict.fromkeys(noted):
            signal.raise_signal(number)


def in_worker() -> None:
    """In a worker process: leave Ctrl-C to the command, die of SIGTERM, release what
    :func:`held` blocked while the worker was forked.

    A terminal sends Ctrl-C to every process of the command; a worker that handled it would
    print a traceback and go on with its work, so it ignores it, and the command stops it. The
    command turns SIGTERM into an exception; a worker that inherited that would catch it as a
    failed task and go on, so terminating it would not end it.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)


@contextlib.contextmanager
def as_ctrl_c() -> Iterator[None]:
    """Ctrl-C and SIGTERM raise KeyboardInterrupt in the block, even when the shell started the
    command with SIGINT ignored (`noticegen preview … &`): a server stops on either."""
    def stop(signum: int, frame: object) -> NoReturn:
        raise KeyboardInterrupt

    if not _main_thread():
        yield
        return
    before = {signum: signal.signal(signum, stop) for signum in HELD}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
