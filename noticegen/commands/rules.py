"""`noticegen rules` lists the lint rules; `noticegen explain CODE|NAME` prints one in full."""

from enum import Enum
from typing import Annotated

import typer

from noticegen.commands import message_language_option
from noticegen.l10n import N_

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



def register(app: typer.Typer) -> None:
    app.command("rules", help=HELP_RULES, epilog=EXAMPLES_RULES)(rules)
    app.command("explain", help=HELP_EXPLAIN, epilog=EXAMPLES_EXPLAIN)(explain)


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
    from noticegen.lint import listing

    listing.list_rules(format is ListFormat.json, group, lang)


def explain(
    rule: Annotated[str, typer.Argument(
        help=N_("A rule's code (NG101) or name (purpose-no-legal-basis)."),
        # TRANSLATORS: a metavar: a rule's code or its name.
        metavar=N_("CODE|NAME"))],
    lang: LangOption = None,
) -> None:
    """`noticegen explain`; its help is HELP_EXPLAIN."""
    from noticegen.lint import listing

    listing.explain(rule, lang)
