"""SARIF 2.1.0 output for `check --format sarif`: code-scanning tools show diagnostics on lines."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from noticegen import __version__
from noticegen.diagnostics import Diagnostic
from noticegen.l10n import tr
from noticegen.report.explain import explanation, template

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/noticegen/noticegen"
SRCROOT = "%SRCROOT%"


Note = tuple[str, str, str]
"""A note of the run, not a problem: (file, kind, text in the message language). Kinds:
``limit``, what the check could not do ("2 rules stopped at a value that is missing…"), and
``default``, a default the notice was given (the supervisory authority)."""


def report(diags: Sequence[Diagnostic], out: TextIO, colour: bool = False, lang: str = "en", *,
           notes: Sequence[Note] = ()) -> None:
    """Write one SARIF log with one run holding every diagnostic (a reporter, see reporters.py);
    the messages are already in the message language, and so is the "Fix:" joining each
    message to its hint. ``notes`` become the run's tool execution notifications."""
    json.dump(sarif_log(diags, lang=lang, notes=notes), out, ensure_ascii=False, indent=2)
    out.write("\n")


def sarif_log(diags: Sequence[Diagnostic], *, cwd: Path | None = None,
              lang: str = "en", notes: Sequence[Note] = ()) -> dict[str, Any]:
    """The SARIF log as data. Files are given relative to %SRCROOT%, the root of the Git work
    tree that ``cwd`` (default: the current folder) is in, or ``cwd`` itself outside one: GitHub
    code scanning matches them against the repository's files from its root. ``notes`` are
    the run's ``invocations[0].toolExecutionNotifications`` (level "note"), each at its file;
    a run without notes has no ``invocations``."""
    here = (cwd or Path.cwd()).resolve()
    root = repository_root(here)
    rules = _rules(diags)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    invocations = [{
        "executionSuccessful": True,  # the check ran to its end; its findings are the results
        "toolExecutionNotifications": [_notification(note, here, root) for note in notes],
    }] if notes else []
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            **({"invocations": invocations} if invocations else {}),
            "tool": {"driver": {
                "name": "noticegen",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",  # the loader counts characters, not UTF-16 units
            "results": [_result(d, index, here, root, lang) for d in diags],
        }],
    }


def _notification(note: Note, cwd: Path, root: Path) -> dict[str, Any]:
    file, kind, text = note
    return {
        "level": "note",
        "message": {"text": sentence(text)},
        "locations": [{"physicalLocation": {"artifactLocation": artifact(file, cwd=cwd,
                                                                          root=root)}}],
        "properties": {"kind": kind},
    }


def repository_root(folder: Path) -> Path:
    """The Git work tree ``folder`` is in (the folder holding ``.git``), else ``folder``."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def sentence(text: str) -> str:
    """Text as a sentence of its own: a capital first letter and a full stop at the end."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _result(d: Diagnostic, index: dict[str, int], cwd: Path, root: Path,
            lang: str) -> dict[str, Any]:
    text = sentence(d.message)
    if d.hint:
        text = tr(lang, "{message} Fix: {hint}", message=text, hint=sentence(d.hint))
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index[d.code],
        "level": "error" if d.is_error else "warning",
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical(d, cwd, root)}],
    }
    if d.loc:
        result["properties"] = {"path": "/".join(str(p) for p in d.loc)}
    return result


def _physical(d: Diagnostic, cwd: Path, root: Path) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": artifact(d.file, cwd=cwd, root=root)}
    if d.line > 0:
        region = {"startLine": d.line}
        if d.column > 0:
            region["startColumn"] = d.column
        location["region"] = region
    return location


def artifact(file: str, *, cwd: Path | None = None, root: Path | None = None) -> dict[str, str]:
    """A file name as a SARIF artifact location: a URI relative to %SRCROOT% (``root``) when
    the file is under it, else a file:// URI. Relative names are relative to ``cwd``."""
    here = (cwd or Path.cwd()).resolve()
    relative = root_relative(file, here, root or here)
    if relative is None:
        return {"uri": Path(os.path.normpath(here / file)).as_uri()}
    return {"uri": quote(relative), "uriBaseId": SRCROOT}


def root_relative(file: str, cwd: Path, root: Path) -> str | None:
    """A file's path relative to ``root``, with ``/``; None when it is outside ``root``."""
    if file == "<stdin>":
        return file
    try:
        return Path(os.path.normpath(cwd / file)).relative_to(root).as_posix()
    except ValueError:
        return None


RULES_PAGE = f"{INFORMATION_URI}/blob/v{{version}}/docs/rules.md"
"""docs/rules.md as it was at the release that wrote the log (a tag: docs/releasing.md)."""


def help_uri(code: str, name: str, core: bool) -> str:
    """The rule's section of docs/rules.md (its heading `### NG101 purpose-no-legal-basis`);
    the core checks (NG0xx) have no section of their own there, so their link is the page."""
    page = RULES_PAGE.format(version=__version__)
    return page if core else f"{page}#{code.lower()}-{name}"


def _rules(diags: Iterable[Diagnostic]) -> list[dict[str, Any]]:
    """Every rule of the lint registry, then any other code that occurs (by code)."""
    rules = {r["id"]: r for r in _registry_rules()}
    for d in diags:
        if d.code not in rules:
            rules[d.code] = {
                "id": d.code,
                **({"name": d.name} if d.name else {}),
                "shortDescription": {"text": d.name or d.code},
                "defaultConfiguration": {"level": "error" if d.is_error else "warning"},
            }
    return list(rules.values())


def _registry_rules() -> list[dict[str, Any]]:
    from noticegen.lint.registry import all_rules  # not at the top: an up-to-date build loads no lint

    out = []
    for rule in all_rules():
        text = rule.doc.text.get("en", "")
        uri = help_uri(rule.code, rule.name, rule.core)
        help_md = text + f"\n\n**Fix:** {template(rule.hint['en'])}" if rule.hint.get("en") else text
        if rule.doc.fail:
            help_md += f"\n\nFails:\n\n```yaml\n{rule.doc.fail}\n```"
        if rule.doc.passes:
            help_md += f"\n\nPasses:\n\n```yaml\n{rule.doc.passes}\n```"
        help_md += f"\n\n[{rule.code} in docs/rules.md]({uri})"
        out.append({
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.doc.summary("en") or rule.name},
            "fullDescription": {"text": text or rule.name},
            "helpUri": uri,
            # What `noticegen explain CODE` prints: the rule, its source, message, fix, examples.
            "help": {"text": explanation(rule, "en"), "markdown": help_md},
            "defaultConfiguration": {"level": rule.severity.value},
            "properties": {"tags": list(rule.groups), "source": rule.source},
        })
    return out
