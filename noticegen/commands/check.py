"""`noticegen check`: validate notices and report their diagnostics (no file is written).

The work is noticegen/checking.py's.
"""

from enum import Enum
from typing import Annotated

import typer

from noticegen.commands import FILE, FILES_HELP, message_language_option
from noticegen.defaults import CHECK_IN_WORKERS_FROM
from noticegen.l10n import N_
from noticegen.usage import filled

HELP = N_("""Validate notices: exit 0 when valid, 1 when a notice has errors, 2 on a usage error.

Project settings (strict, disable, lang) are read from noticegen.toml or the
[tool.noticegen] table of pyproject.toml in the notice's folder or above it.""")

EXAMPLES = N_("""
Examples:

  noticegen check examples/qualitydesk.yaml

  noticegen check --format json notices/*.yaml > report.json

  cat notice.yaml | noticegen check -
""")


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"




def register(app: typer.Typer) -> None:
    app.command(help=HELP, epilog=EXAMPLES)(check)


def check(
    files: Annotated[list[str], typer.Argument(
        help=FILES_HELP, metavar=FILE)],
    format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f", help=N_("Output: text, json, github, sarif or gitlab (GitLab Code "
                                  "Quality; default: github inside GitHub Actions, else "
                                  "text)."))] = None,
    strict: Annotated[bool, typer.Option("--strict",
                                         help=N_("Warnings fail the check too."))] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", help=N_("Language of the messages: fi, sv or en (default: NOTICEGEN_LANG, "
                          "the project setting, the locale, else en)."),
        callback=message_language_option, show_default=False)] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, metavar="N", help=filled(N_(
            "Files checked at once, each worker a process of its own (default: the number of "
            "CPU cores for {count} files or more, else 1). The output is the same for any "
            "number; 1 checks in this process."), count=CHECK_IN_WORKERS_FROM),
        show_default=False)] = None,
    consent_config: Annotated[str | None, typer.Option(
        "--consent-config", metavar=FILE, help=N_(
            "A consent banner's configuration (the JSON of vanilla-cookieconsent 3.x or Klaro "
            "0.7.x, or YAML) to compare with the notice: its categories and cookies must be "
            "the notice's (rules NG801-NG804). One notice only."),
        show_default=False)] = None,
) -> None:
    """`noticegen check`; its help is HELP."""
    from noticegen.checking import check_and_report

    raise typer.Exit(check_and_report(files, format.value if format else None, strict=strict,
                                      lang=lang, jobs=jobs, consent_config=consent_config))
