"""The compiler's stages joined up: check = load → validate → resolve → lint."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from noticegen.diagnostics import Diagnostic
from noticegen.errors import InputError
from noticegen.source import SourceMap, load_path

if TYPE_CHECKING:
    from noticegen.model import Notice
    from noticegen.resolve import ResolvedNotice


@dataclass
class Checked:
    """The result of checking one file."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notice: Notice | None = None
    resolved: ResolvedNotice | None = None
    source_map: SourceMap | None = None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


def check_file(path: str, *, lint: bool = True) -> Checked:
    """Run every check on one notice file; never raises for problems in the file itself."""
    from noticegen.validate import validate

    try:
        loaded = load_path(path)
    except InputError as exc:
        name = "<stdin>" if path == "-" else path
        return Checked(path, [_file_error(name, exc)])
    result = Checked(path, list(loaded.diagnostics), source_map=loaded.source_map)
    if loaded.data is None:
        return result
    notice, diags = validate(loaded.data, loaded.source_map)
    result.diagnostics.extend(diags)
    if notice is None:
        return result
    from noticegen.resolve import resolve

    result.notice = notice
    result.resolved = resolve(notice)
    if lint:
        from noticegen.lint import run_lint

        result.diagnostics.extend(run_lint(result.resolved, loaded.source_map))
    result.diagnostics.sort()
    return result


def _file_error(name: str, exc: InputError) -> Diagnostic:
    from noticegen.diagnostics import Severity

    return Diagnostic(name, 0, 0, Severity.ERROR, "NG000", exc.message, exc.hint)
