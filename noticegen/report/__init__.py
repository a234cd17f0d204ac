"""Reporters: diagnostics → text for people, JSON for tools, GitHub annotations for workflows."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from noticegen.console import State
from noticegen.diagnostics import Diagnostic, escape_controls, severity_word
from noticegen.l10n import SOURCE, message_language, tr
from noticegen.report import sarif

Reporter = Callable[[Sequence[Diagnostic], TextIO, bool, str], None]
"""(diagnostics, stream, colour, message language) → the report written to the stream."""


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, never with NO_COLOR (https://no-color.org) or --no-color."""
    if os.environ.get("NO_COLOR") or State.no_color:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def text(diags: Sequence[Diagnostic], out: TextIO, colour: bool, lang: str = SOURCE) -> None:
    """`file:line:col: error CODE message`, then the fix on an indented line."""
    fix = tr(lang, "fix:")
    for d in diags:
        name = escape_controls(d.file, keep_lines=False)  # a file name reaches a terminal too
        where = f"{name}:{d.line}:{d.column}" if d.line else name
        sev = _paint(severity_word(d.severity, lang), "1;31" if d.is_error else "1;33", colour)
        code = _paint(d.code, "2", colour)
        out.write(f"{where}: {sev} {code} {d.message}\n")
        if d.hint:
            out.write(f"    {_paint(fix, '36', colour)} {d.hint}\n")


def as_json(diags: Sequence[Diagnostic], out: TextIO, colour: bool, lang: str = SOURCE) -> None:
    """A JSON list of objects with file, line, column, severity, code, message."""
    json.dump([d.to_dict() for d in diags], out, ensure_ascii=False, indent=2)
    out.write("\n")


def _gh_escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(diags: Sequence[Diagnostic], out: TextIO, colour: bool, lang: str = SOURCE) -> None:
    """GitHub Actions workflow commands: annotations on the changed lines."""
    fix = tr(lang, "Fix:")
    for d in diags:
        level = "error" if d.is_error else "warning"
        props = [f"file={_gh_escape(d.file, prop=True)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column}"]
        props.append(f"title={_gh_escape(d.code, prop=True)}")
        message = d.message + (f" {fix} {d.hint}" if d.hint else "")
        out.write(f"::{level} {','.join(props)}::{_gh_escape(message)}\n")


GITLAB_SEVERITY = {True: "major", False: "minor"}
"""GitLab Code Quality severities (info, minor, major, critical, blocker) by is_error."""


def gitlab(diags: Sequence[Diagnostic], out: TextIO, colour: bool, lang: str = SOURCE) -> None:
    """A GitLab Code Quality report: merge requests show the problems on their lines.

    Paths are relative to the root of the Git work tree, as GitLab matches them; the
    fingerprint (the same problem in the next pipeline) is made of the file, the rule, the
    key path in the YAML and the message, not the line, which moves as the file is edited.
    """
    here = Path.cwd().resolve()
    root = sarif.repository_root(here)
    issues = []
    seen: dict[str, int] = {}
    fix = tr(lang, "Fix:")
    for d in diags:
        path = sarif.root_relative(d.file, here, root) or d.file
        key = "\0".join([path, d.code, "/".join(str(p) for p in d.loc), d.message])
        fingerprint = hashlib.sha256(key.encode()).hexdigest()
        seen[fingerprint] = seen.get(fingerprint, 0) + 1
        if seen[fingerprint] > 1:  # the same problem twice: each needs its own fingerprint
            fingerprint = hashlib.sha256(f"{key}\0{seen[fingerprint]}".encode()).hexdigest()
        description = sarif.sentence(d.message) + (f" {fix} {sarif.sentence(d.hint)}" if d.hint else "")
        issues.append({
            "type": "issue",
            "description": description,
            "check_name": f"{d.code} {d.name}".strip(),
            "severity": GITLAB_SEVERITY[d.is_error],
            "fingerprint": fingerprint,
            "location": {"path": path, "lines": {"begin": max(d.line, 1)}},
        })
    json.dump(issues, out, ensure_ascii=False, indent=2)
    out.write("\n")


REPORTERS: dict[str, Reporter] = {"text": text, "json": as_json, "github": github,
                                  "sarif": sarif.report, "gitlab": gitlab}


def default_format() -> str:
    """`github` inside GitHub Actions, else `text`."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def report(diags: Sequence[Diagnostic], fmt: str, out: TextIO | None = None, *,
           lang: str | None = None, notes: Sequence[sarif.Note] = ()) -> None:
    """Write ``diags`` in ``fmt``; the words around them (error, fix:) in ``lang``, by default
    the message language (noticegen.lint.lang). ``notes`` (the run's notes: rules skipped,
    defaults filled in) go into the SARIF log; the other formats leave them to the caller
    (`check` prints them after a text report) and keep their shape."""
    if lang is None:
        lang = message_language()
    out = out if out is not None else sys.stdout  # looked up per call: tests swap sys.stdout
    if getattr(out, "errors", None) == "strict" and hasattr(out, "reconfigure"):
        # A console that cannot show "ä" or "→" (cp1252, ascii) gets \u escapes, not a traceback;
        # in JSON output those are still the same characters.
        out.reconfigure(errors="backslashreplace")
    if fmt == "sarif":
        sarif.report(diags, out, False, lang, notes=notes)
        return
    REPORTERS[fmt](diags, out, use_colour(out) and fmt == "text", lang)
