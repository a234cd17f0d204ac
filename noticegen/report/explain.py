"""A rule explained in full: what `noticegen explain` prints, and the help a SARIF report
gives each rule. Imports no lint module (a SARIF report of an up-to-date build loads none)."""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

from noticegen.diagnostics import Severity, severity_word
from noticegen.l10n import N_, tr

if TYPE_CHECKING:
    from noticegen.lint.registry import Rule, Text

_WORDS = {
    "groups": N_("Groups"), "source": N_("Source"), "message": N_("Message"), "fix": N_("Fix"),
    "fails": N_("Fails"), "passes": N_("Passes"), "severity": N_("Severity"),
    "disable": N_("To switch it off for one register, purpose, recipient or cookie, or for the "
                  "whole notice (say why):"),
    "core": N_("A core check: it always runs and cannot be switched off."),
    "reason": N_("why it does not apply"),
}
"""The headings of `explain`, translated where they are shown."""


def words(lang: str) -> dict[str, str]:
    """The headings of `explain` and the severities, in ``lang``."""
    out = {key: tr(lang, text) for key, text in _WORDS.items()}
    out.update({s.value: severity_word(s, lang) for s in Severity})
    return out


def in_language(texts: Text, lang: str) -> str:
    """A rule's text in ``lang``; English where the rule has none in it yet."""
    return texts.get(lang) or texts["en"]


def template(text: str) -> str:
    """A message or hint as written, placeholders kept: `{{` and `}}` shown as braces."""
    return text.replace("{{", "{").replace("}}", "}")


def example(text: str, rule: Rule) -> str:
    """A message or hint as `explain` shows it to people: each ``{placeholder}`` (the value the
    diagnostic quotes, which depends on the notice) shown as "…". A core check's texts are
    not templates: they are shown as written."""
    if rule.core:
        return text
    return "".join(literal + ("…" if field is not None else "")
                   for literal, field, _, _ in string.Formatter().parse(text))


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" if line else "\n" for line in text.splitlines())


def explanation(rule: Rule, lang: str) -> str:
    """The full text `explain` prints."""
    w = words(lang)
    parts = [
        f"{rule.code} {rule.name}\n",
        f"{w['severity']}: {w[rule.severity.value]} · {w['groups']}: {', '.join(rule.groups)} · "
        f"{w['source']}: {tr(lang, rule.source)}\n\n",
        in_language(rule.doc.text, lang) + "\n\n",
        f"{w['message']}: {example(in_language(rule.message, lang), rule)}\n",
        f"{w['fix']}: {example(in_language(rule.hint, lang), rule)}\n",
    ]
    if rule.doc.fail:
        parts.append(f"\n{w['fails']}:\n{_indent(rule.doc.failing(lang))}")
    if rule.doc.passes:
        parts.append(f"\n{w['passes']}:\n{_indent(rule.doc.passing(lang))}")
    if rule.core:
        parts.append(f"\n{w['core']}\n")
    else:
        parts.append(f"\n{w['disable']}\n" + _indent(
            f"lint:\n  disable:\n    - {{rule: {rule.code}, reason: \"{w['reason']}\"}}"))
    return "".join(parts)
