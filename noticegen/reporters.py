"""Reporters: diagnostics → text for people, JSON for tools, GitHub annotations for workflows."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from noticegen import sarif
from noticegen.diagnostics import Diagnostic

Reporter = Callable[[Sequence[Diagnostic], TextIO, bool], None]


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, never with NO_COLOR (https://no-color.org) or --no-color."""
    from noticegen.cli import State

    if os.environ.get("NO_COLOR") or State.no_color:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def text(diags: Sequence[Diagnostic], out: TextIO, colour: bool) -> None:
    """`file:line:col: error CODE message`, then the fix on an indented line."""
    for d in diags:
        where = f"{d.file}:{d.line}:{d.column}" if d.line else d.file
        sev = _paint(str(d.severity), "1;31" if d.is_error else "1;33", colour)
        code = _paint(d.code, "2", colour)
        out.write(f"{where}: {sev} {code} {d.message}\n")
        if d.hint:
            out.write(f"    {_paint('fix:', '36', colour)} {d.hint}\n")


def as_json(diags: Sequence[Diagnostic], out: TextIO, colour: bool) -> None:
    """A JSON list of objects with file, line, column, severity, code, message."""
    json.dump([d.to_dict() for d in diags], out, ensure_ascii=False, indent=2)
    out.write("\n")


def _gh_escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(diags: Sequence[Diagnostic], out: TextIO, colour: bool) -> None:
    """GitHub Actions workflow commands: annotations on the changed lines."""
    for d in diags:
        level = "error" if d.is_error else "warning"
        props = [f"file={_gh_escape(d.file, prop=True)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column}"]
        props.append(f"title={_gh_escape(d.code, prop=True)}")
        message = d.message + (f" Fix: {d.hint}" if d.hint else "")
        out.write(f"::{level} {','.join(props)}::{_gh_escape(message)}\n")


REPORTERS: dict[str, Reporter] = {"text": text, "json": as_json, "github": github,
                                  "sarif": sarif.report}


def default_format() -> str:
    """`github` inside GitHub Actions, else `text`."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def report(diags: Sequence[Diagnostic], fmt: str, out: TextIO | None = None) -> None:
    out = out if out is not None else sys.stdout  # looked up per call: tests swap sys.stdout
    if getattr(out, "errors", None) == "strict" and hasattr(out, "reconfigure"):
        # A console that cannot show "ä" or "→" (cp1252, ascii) gets \u escapes, not a traceback;
        # in JSON output those are still the same characters.
        out.reconfigure(errors="backslashreplace")
    REPORTERS[fmt](diags, out, use_colour(out) and fmt == "text")
