"""Ctrl-C and SIGTERM end a run the same way at any moment: one line, exit 130 or 143, no traceback.

Both unwind the run as an exception, so whatever a build has staged is removed and every output
file stays as it was. SIGTERM is how a CI job is cancelled, how ``timeout`` and ``docker stop``
end a process; left to its default it would kill a build on the spot and strand its temp files.

Imports only a few standard modules: the console script (``noticegen/__main__.py``) uses it
before the libraries are imported, which takes a tenth of a second, so that an interrupt while
they load is handled too.
"""

import signal
import sys
import threading
from collections.abc import Callable
from typing import NoReturn, TypeVar

T = TypeVar("T")


class Terminated(BaseException):
    """SIGTERM, raised in the main thread as Ctrl-C raises KeyboardInterrupt."""


STOPS: dict[type[BaseException], tuple[str, int]] = {
    KeyboardInterrupt: ("interrupted", 128 + signal.SIGINT),  # 130, as shells report Ctrl-C
    Terminated: ("terminated", 128 + signal.SIGTERM),  # 143
}


def install() -> None:
    """Turn SIGTERM into :class:`Terminated` (main thread only; a handler set by someone else,
    or an ignored SIGTERM, is left alone)."""
    if threading.current_thread() is threading.main_thread() \
            and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _terminated)


def _terminated(signum: int, frame: object) -> NoReturn:
    raise Terminated


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
    sys.stderr.write(f"noticegen: {word}\n")
    sys.stderr.flush()
    raise SystemExit(code) from None


def guarded(call: Callable[[], T]) -> T:
    """``call()``, with Ctrl-C and SIGTERM (plain or wrapped) turned into :func:`stop`."""
    try:
        return call()
    except (KeyboardInterrupt, Terminated, Exception) as exc:
        kind = stopped_by(exc)
        if kind is None:
            raise
        stop(kind)
