"""`noticegen rules` lists the lint rules; `noticegen explain CODE|NAME` prints one in full."""

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from noticegen.lint.registry import Rule

EXAMPLES_RULES = """
Examples:

  noticegen rules

  noticegen rules --group cookies --lang fi

  noticegen rules --format json > rules.json
"""

EXAMPLES_EXPLAIN = """
Examples:

  noticegen explain NG101

  noticegen explain law-repealed --lang fi
"""


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class Language(str, Enum):
    fi = "fi"
    en = "en"


LangOption = Annotated[Language | None, typer.Option(
    "--lang", help="Language: fi or en (default: NOTICEGEN_LANG, the project setting, the locale, "
    "else en).",
    show_default=False)]

_WORDS = {
    "en": {"error": "error", "warning": "warning", "groups": "Groups", "source": "Source",
           "message": "Message", "fix": "Fix", "fails": "Fails", "passes": "Passes",
           "severity": "Severity", "disable": "To switch it off for one register, purpose, "
           "recipient or cookie, or for the whole notice (say why):",
           "core": "A core check: it always runs and cannot be switched off.",
           "reason": "why it does not apply"},
    "fi": {"error": "virhe", "warning": "varoitus", "groups": "Ryhmät", "source": "Lähde",
           "message": "Viesti", "fix": "Korjaus", "fails": "Virheellinen", "passes": "Oikein",
           "severity": "Vakavuus", "disable": "Säännön voi poistaa käytöstä yhden rekisterin, "
           "käyttötarkoituksen, vastaanottajan tai evästeen osalta tai koko selosteesta "
           "(kirjaa syy):",
           "core": "Perustarkistus: se tehdään aina, eikä sitä voi poistaa käytöstä.",
           "reason": "miksi sääntö ei koske tätä"},
}


def register(app: typer.Typer) -> None:
    app.command("rules", epilog=EXAMPLES_RULES)(rules)
    app.command("explain", epilog=EXAMPLES_EXPLAIN)(explain)


def _language(option: Language | None) -> str:
    from noticegen.config import settings_for
    from noticegen.lint.lang import message_language

    return message_language(option.value if option else None, settings_for("-").lang)


def rules(
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="Output: text or json.")]
    = ListFormat.text,
    group: Annotated[str | None, typer.Option(
        "--group", "-g", help="Only the rules of one group, e.g. cookies or core.",
        show_default=False)] = None,
    lang: LangOption = None,
) -> None:
    """List the rules: code, name, severity, groups and what each checks."""
    from noticegen.lint.registry import all_rules

    language = _language(lang)
    selected = [r for r in all_rules() if group is None or group in r.groups]
    if format is ListFormat.json:
        import json

        typer.echo(json.dumps([_as_dict(r, language) for r in selected], ensure_ascii=False,
                              indent=2))
        return
    rows = [(r.code, r.name, _WORDS[language][r.severity.value], ",".join(r.groups),
             r.doc.summary(language)) for r in selected]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(4)]
    for row in rows:
        typer.echo("  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True))
                   + "  " + row[4])


def _as_dict(rule: "Rule", lang: str) -> dict[str, object]:
    return {
        "code": rule.code, "name": rule.name, "severity": rule.severity.value,
        "groups": list(rule.groups), "core": rule.core, "source": rule.source,
        "summary": rule.doc.summary(lang), "description": rule.doc.text[lang],
        "message": template(rule.message[lang]), "hint": template(rule.hint[lang]),
        "fails": rule.doc.fail, "passes": rule.doc.passes,
    }


def explain(
    rule: Annotated[str, typer.Argument(help="A rule's code (NG101) or name "
                                              "(purpose-no-legal-basis).", metavar="CODE|NAME")],
    lang: LangOption = None,
) -> None:
    """Explain one rule: what it checks and why, the legal source, how to fix it, examples."""
    from noticegen.errors import UsageError
    from noticegen.lint.registry import lookup, suggest

    found = lookup(rule)
    if found is None:
        close = suggest(rule)
        advice = f"Did you mean {_label(close)}? " if close else ""
        raise UsageError(f"unknown rule '{rule}'", hint=advice + "`noticegen rules` lists them.")
    typer.echo(explanation(found, _language(lang)), nl=False)


def _label(ref: str) -> str:
    from noticegen.lint.registry import lookup

    rule = lookup(ref)
    return f"{rule.code} ({rule.name})" if rule is not None else ref


def template(text: str) -> str:
    """A message or hint as written, placeholders kept: `{{` and `}}` shown as braces."""
    return text.replace("{{", "{").replace("}}", "}")


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" if line else "\n" for line in text.splitlines())


def explanation(rule: "Rule", lang: str) -> str:
    """The full text `explain` prints."""
    w = _WORDS[lang]
    parts = [
        f"{rule.code} {rule.name}\n",
        f"{w['severity']}: {w[rule.severity.value]} · {w['groups']}: {', '.join(rule.groups)} · "
        f"{w['source']}: {rule.source}\n\n",
        rule.doc.text[lang] + "\n\n",
        f"{w['message']}: {template(rule.message[lang])}\n",
        f"{w['fix']}: {template(rule.hint[lang])}\n",
    ]
    if rule.doc.fail:
        parts.append(f"\n{w['fails']}:\n{_indent(rule.doc.fail)}")
    if rule.doc.passes:
        parts.append(f"\n{w['passes']}:\n{_indent(rule.doc.passes)}")
    if rule.core:
        parts.append(f"\n{w['core']}\n")
    else:
        parts.append(f"\n{w['disable']}\n" + _indent(
            f"lint:\n  disable:\n    - {{rule: {rule.code}, reason: \"{w['reason']}\"}}"))
    return "".join(parts)
