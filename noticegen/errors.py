"""The one user-error hierarchy: anything the CLI turns into a message and an exit code."""

from __future__ import annotations


class NoticegenError(Exception):
    """A problem the user can fix; never shown with a traceback."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(NoticegenError):
    """The command line itself is wrong (exit code 2)."""

    exit_code = 2


class InputError(NoticegenError):
    """An input file cannot be read or is not a notice (exit code 1)."""


class OutputError(NoticegenError):
    """Output could not be written; earlier output is left as it was (exit code 1)."""
