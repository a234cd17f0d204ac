"""`noticegen rules` lists the lint rules; `noticegen explain CODE|NAME` prints one in full."""

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from noticegen.commands import message_language_option
from noticegen.l10n import N_, tr

if TYPE_CHECKING:
    from noticegen.lint.registry import Rule, Text

HELP_RULES = N_("List the rules: code, name, severity, groups and what each checks.")
EXAMPLES_RULES = N_("""
Examples:

  noticegen rules

  noticegen rules --group cookies --lang fi

  noticegen rules --format json > rules.json
""")

HELP_EXPLAIN = N_("Explain one rule: what it checks and why, the legal source, how to fix it, "
                  "examples.")
EXAMPLES_EXPLAIN = N_("""
Examples:

  noticegen explain NG101

  noticegen explain law-repealed --lang fi
""")


class ListFormat(str, Enum):
    text = "text"
    json = "json"


LangOption = Annotated[str | None, typer.Option(
    "--lang", help=N_("Language: fi, sv or en (default: NOTICEGEN_LANG, the project setting, "
                      "the locale, else en)."),
    callback=message_language_option, show_default=False)]

_WORDS = {
    "groups": N_("Groups"), "source": N_("Source"), "message": N_("Message"), "fix": N_("Fix"),
    "fails": N_("Fails"), "passes": N_("Passes"), "severity": N_("Severity"),
    "disable": N_("To switch it off for one register, purpose, recipient or cookie, or for the "
                  "whole notice (say why):"),
    "core": N_("A core check: it always runs and cannot be switched off."),
    "reason": N_("why it does not apply"),
}
"""The headings of `explain`, translated where they are shown."""


def _words(lang: str) -> dict[str, str]:
    from noticegen.diagnostics import Severity
    from noticegen.report import severity_word

    words = {key: tr(lang, text) for key, text in _WORDS.items()}
    words.update({s.value: severity_word(s, lang) for s in Severity})
    return words


def register(app: typer.Typer) -> None:
    app.command("rules", help=HELP_RULES, epilog=EXAMPLES_RULES)(rules)
    app.command("explain", help=HELP_EXPLAIN, epilog=EXAMPLES_EXPLAIN)(explain)


def _language(option: str | None) -> str:
    from noticegen.config import settings_for
    from noticegen.l10n import message_language

    return message_language(option, settings_for("-").lang)


def rules(
    format: Annotated[ListFormat, typer.Option("--format", "-f",
                                               help=N_("Output: text or json."))]
    = ListFormat.text,
    group: Annotated[str | None, typer.Option(
        "--group", "-g", help=N_("Only the rules of one group, e.g. cookies or core."),
        show_default=False)] = None,
    lang: LangOption = None,
) -> None:
    """`noticegen rules`; its help is HELP_RULES."""
    from noticegen.lint.registry import all_rules

    language = _language(lang)
    selected = [r for r in all_rules() if group is None or group in r.groups]
    if format is ListFormat.json:
        import json

        typer.echo(json.dumps([_as_dict(r, language) for r in selected], ensure_ascii=False,
                              indent=2))
        return
    words = _words(language)
    rows = [(r.code, r.name, words[r.severity.value], ",".join(r.groups),
             r.doc.summary(language)) for r in selected]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(4)]
    for row in rows:
        typer.echo("  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True))
                   + "  " + row[4])


def _as_dict(rule: "Rule", lang: str) -> dict[str, object]:
    return {
        "code": rule.code, "name": rule.name, "severity": rule.severity.value,
        "groups": list(rule.groups), "core": rule.core, "source": rule.source,
        "summary": rule.doc.summary(lang), "description": in_language(rule.doc.text, lang),
        "message": template(in_language(rule.message, lang)),
        "hint": template(in_language(rule.hint, lang)),
        "fails": rule.doc.failing(lang), "passes": rule.doc.passing(lang),
    }


def explain(
    rule: Annotated[str, typer.Argument(
        help=N_("A rule's code (NG101) or name (purpose-no-legal-basis)."),
        # TRANSLATORS: a metavar: a rule's code or its name.
        metavar=N_("CODE|NAME"))],
    lang: LangOption = None,
) -> None:
    """`noticegen explain`; its help is HELP_EXPLAIN."""
    from noticegen.errors import UsageError
    from noticegen.lint.registry import lookup, suggest

    found = lookup(rule)
    if found is None:
        close = suggest(rule)
        words = _language(lang)
        advice = tr(words, "Did you mean {rule}?", rule=_label(close)) + " " if close else ""
        raise UsageError(tr(words, "unknown rule '{rule}'", rule=rule),
                         hint=advice + tr(words, "`noticegen rules` lists them."))
    typer.echo(explanation(found, _language(lang)), nl=False)


def _label(ref: str) -> str:
    from noticegen.lint.registry import lookup

    rule = lookup(ref)
    return f"{rule.code} ({rule.name})" if rule is not None else ref


def in_language(texts: "Text", lang: str) -> str:
    """A rule's text in ``lang``; English where the rule has none in it yet."""
    return texts.get(lang) or texts["en"]


def template(text: str) -> str:
    """A message or hint as written, placeholders kept: `{{` and `}}` shown as braces."""
    return text.replace("{{", "{").replace("}}", "}")


def example(text: str, rule: "Rule") -> str:
    """A message or hint as `explain` shows it to people: each ``{placeholder}`` (the value the
    diagnostic quotes, which depends on the notice) shown as "…". A core check's texts are
    not templates: they are shown as written."""
    import string

    if rule.core:
        return text
    return "".join(literal + ("…" if field is not None else "")
                   for literal, field, _, _ in string.Formatter().parse(text))


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" if line else "\n" for line in text.splitlines())


def explanation(rule: "Rule", lang: str) -> str:
    """The full text `explain` prints."""
    w = _words(lang)
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
