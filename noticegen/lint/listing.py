"""The work of `noticegen rules` (the rules listed) and `noticegen explain` (one in full)."""

from __future__ import annotations

import json

import typer

from noticegen.config import settings_for
from noticegen.errors import UsageError
from noticegen.l10n import message_language, tr
from noticegen.lint.registry import Rule, all_rules, lookup, suggest
from noticegen.report.explain import explanation, in_language, template, words


def _language(option: str | None) -> str:
    return message_language(option, settings_for("-").lang)


def list_rules(json_format: bool, group: str | None, lang: str | None) -> None:
    """Print the rules (those of ``group``, or all) as a table or as JSON."""
    language = _language(lang)
    selected = [r for r in all_rules() if group is None or group in r.groups]
    if json_format:
        typer.echo(json.dumps([_as_dict(r, language) for r in selected], ensure_ascii=False,
                              indent=2))
        return
    severities = words(language)
    rows = [(r.code, r.name, severities[r.severity.value], ",".join(r.groups),
             r.doc.summary(language)) for r in selected]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(4)]
    for row in rows:
        typer.echo("  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True))
                   + "  " + row[4])


def _as_dict(rule: Rule, lang: str) -> dict[str, object]:
    return {
        "code": rule.code, "name": rule.name, "severity": rule.severity.value,
        "groups": list(rule.groups), "core": rule.core, "source": rule.source,
        "summary": rule.doc.summary(lang), "description": in_language(rule.doc.text, lang),
        "message": template(in_language(rule.message, lang)),
        "hint": template(in_language(rule.hint, lang)),
        "fails": rule.doc.failing(lang), "passes": rule.doc.passing(lang),
    }


def explain(ref: str, lang: str | None) -> None:
    """Print one rule (a code or a name) in full; a usage error, with the closest rule, for
    one that does not exist."""
    found = lookup(ref)
    if found is None:
        close = suggest(ref)
        language = _language(lang)
        advice = tr(language, "Did you mean {rule}?", rule=_label(close)) + " " if close else ""
        raise UsageError(tr(language, "unknown rule '{rule}'", rule=ref),
                         hint=advice + tr(language, "`noticegen rules` lists them."))
    typer.echo(explanation(found, _language(lang)), nl=False)


def _label(ref: str) -> str:
    rule = lookup(ref)
    return f"{rule.code} ({rule.name})" if rule is not None else ref
