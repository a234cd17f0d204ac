"""Ctrl-C ends a run the same way at any moment: ``noticegen: interrupted``, exit 130, no traceback.

Imports nothing: the console script (``noticegen/__main__.py``) uses it before the libraries
are imported, which takes a tenth of a second, so that an interrupt while they load is
handled too.
"""

import sys
from collections.abc import Callable
from typing import NoReturn, TypeVar

T = TypeVar("T")

EXIT_CODE = 130
"""128 + SIGINT, what shells report for a program stopped by Ctrl-C."""


def interrupted(exc: BaseException) -> bool:
    """Whether ``exc`` is Ctrl-C, or an error that Python raised in its place.

    Python 3.11 wraps whatever a class body's ``__set_name__`` raises in a RuntimeError, so a
    Ctrl-C that lands while a module defines a dataclass (any lazy import) arrives as a
    ``RuntimeError`` caused by ``KeyboardInterrupt``.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def stop() -> NoReturn:
    """End the run after Ctrl-C."""
    sys.stderr.write("noticegen: interrupted\n")
    sys.stderr.flush()
    raise SystemExit(EXIT_CODE) from None


def guarded(call: Callable[[], T]) -> T:
    """``call()``, with Ctrl-C (plain or wrapped) turned into :func:`stop`."""
    try:
        return call()
    except (KeyboardInterrupt, Exception) as exc:
        if not interrupted(exc):
            raise
        stop()
