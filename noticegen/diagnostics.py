"""Diagnostic: one problem found in a notice, with its position, severity and rule code."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

Loc = tuple[str | int, ...]


class Severity(str, Enum):
    """How bad a diagnostic is. Errors fail `check` and stop `build`; warnings do not (unless --strict)."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


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
