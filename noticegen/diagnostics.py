"""Diagnostic: one problem found in a notice, with its position, severity and rule code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from noticegen.l10n import N_, tr

Loc = tuple[str | int, ...]

SHOWN = 60
"""How many characters of a user's value a message quotes; the rest becomes "…"."""
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters and DEL, other than tab and newline."""
_CONTROL_ANY = re.compile("[\x00-\x1f\x7f-\x9f]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\x1b": "\\e", "\x00": "\\0", "\x07": "\\a"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or f"\\x{ord(char):02x}"


def escape_controls(text: str, *, keep_lines: bool = True) -> str:
    """``text`` with control characters written as YAML escapes (``\\e``, ``\\x07``…), so
    that printing it cannot move the cursor, clear the terminal or start an escape sequence.
    Tab and newline stay as they are unless ``keep_lines`` is false."""
    pattern = _CONTROL if keep_lines else _CONTROL_ANY
    return pattern.sub(_escape, text) if pattern.search(text) else text


def shown(value: object, limit: int = SHOWN) -> str:
    """A user's value as a message quotes it: at most ``limit`` characters, then "…", with
    control characters and line breaks escaped. A 3 MB value gives a short message."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return escape_controls(text, keep_lines=False)


class Severity(str, Enum):
    """How bad a diagnostic is. Errors fail `check` and stop `build`; warnings do not (unless --strict)."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


SEVERITY_WORDS = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning")}


def severity_word(severity: Severity, lang: str) -> str:
    """``error`` or ``warning`` in the message language (the reports, `noticegen explain`)."""
    return tr(lang, SEVERITY_WORDS[severity])


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem in a notice file. Positions are 1-based; 0 means unknown.

    ``loc`` is the path in the YAML data (keys and list indexes); the SourceMap turns it
    into ``line``/``column``. ``hint`` tells the user how to fix it.
    """

    file: str
    line: int
    column: int
    severity: Severity = field(compare=False)
    code: str
    message: str = field(compare=False)
    hint: str = field(default="", compare=False)
    loc: Loc = field(default=(), compare=False)
    name: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        # Messages quote the user's values: whatever path a value took, a control character
        # in it reaches the terminal (or a CI log) escaped, never as itself.
        for attr in ("message", "hint"):
            text = getattr(self, attr)
            if _CONTROL.search(text):
                object.__setattr__(self, attr, escape_controls(text))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def with_position(self, file: str, line: int, column: int) -> Diagnostic:
        return replace(self, file=file, line=line, column=column)

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable form used by ``--format json``."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "hint": self.hint,
            "path": "/".join(str(p) for p in self.loc),
        }


def error(code: str, message: str, *, loc: Loc = (), hint: str = "", name: str = "") -> Diagnostic:
    """A positionless error; the pipeline fills in the position from ``loc``."""
    return Diagnostic("", 0, 0, Severity.ERROR, code, message, hint, loc, name)


def warning(code: str, message: str, *, loc: Loc = (), hint: str = "", name: str = "") -> Diagnostic:
    """A positionless warning; the pipeline fills in the position from ``loc``."""
    return Diagnostic("", 0, 0, Severity.WARNING, code, message, hint, loc, name)
