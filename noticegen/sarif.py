"""SARIF 2.1.0 output for `check --format sarif`: code-scanning tools show diagnostics on lines."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from noticegen.diagnostics import Diagnostic

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/noticegen/noticegen"
SRCROOT = "%SRCROOT%"


def report(diags: Sequence[Diagnostic], out: TextIO, colour: bool = False) -> None:
    """Write one SARIF log with one run holding every diagnostic (a reporter, see reporters.py)."""
    json.dump(sarif_log(diags), out, ensure_ascii=False, indent=2)
    out.write("\n")


def sarif_log(diags: Sequence[Diagnostic], *, cwd: Path | None = None) -> dict[str, Any]:
    """The SARIF log as data. Relative paths are relative to ``cwd`` (%SRCROOT%)."""
    from noticegen import __version__

    rules = _rules(diags)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    root = (cwd or Path.cwd()).resolve()
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "noticegen",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",  # the loader counts characters, not UTF-16 units
            "results": [_result(d, index) for d in diags],
        }],
    }


def _result(d: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    text = d.message + (f" Fix: {d.hint}" if d.hint else "")
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index[d.code],
        "level": "error" if d.is_error else "warning",
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical(d)}],
    }
    if d.loc:
        result["properties"] = {"path": "/".join(str(p) for p in d.loc)}
    return result


def _physical(d: Diagnostic) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": artifact(d.file)}
    if d.line > 0:
        region = {"startLine": d.line}
        if d.column > 0:
            region["startColumn"] = d.column
        location["region"] = region
    return location


def artifact(file: str) -> dict[str, str]:
    """A file name as a SARIF artifact location: a relative URI under %SRCROOT%, or file://."""
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(file.replace(os.sep, "/")), "uriBaseId": SRCROOT}


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
    from noticegen.lint.registry import all_rules

    out = []
    for rule in all_rules():
        text = rule.doc.text.get("en", "")
        help_md = text
        if rule.doc.fail:
            help_md += f"\n\nFails:\n\n```yaml\n{rule.doc.fail}\n```"
        if rule.doc.passes:
            help_md += f"\n\nPasses:\n\n```yaml\n{rule.doc.passes}\n```"
        out.append({
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.doc.summary("en") or rule.name},
            "fullDescription": {"text": text or rule.name},
            "help": {"text": text or rule.name, "markdown": help_md or rule.name},
            "defaultConfiguration": {"level": rule.severity.value},
            "properties": {"tags": list(rule.groups), "source": rule.source},
        })
    return out
