"""`noticegen diff`: what changed between two versions of a notice, in plain words per language."""

from enum import Enum
from typing import Annotated

import typer

from noticegen.l10n import N_

HELP = N_("""Say what changed between two versions of a notice: purposes, legal bases,
recipients, transfers, retention, cookies and contacts added, removed or changed.

Exit 0 when the comparison was made, as `git diff` does (with --exit-code: 0 when nothing
changed, 1 when something did), 2 when a notice cannot be read or is not valid. The
version history (`notice.changes`) and lint settings are not compared.""")

EXAMPLES = N_("""
Examples:

  noticegen diff old.yaml tietosuojaseloste.yaml

  noticegen diff --lang fi --format markdown v1.yaml v2.yaml >> CHANGELOG.md

  git show HEAD~1:notice.yaml | noticegen diff - notice.yaml
""")


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command(help=HELP, epilog=EXAMPLES)(diff)


def diff(
    old: Annotated[str, typer.Argument(
        help=N_("The earlier version of the notice ('-' reads standard input)."),
        # TRANSLATORS: a metavar: the file of the earlier version of a notice.
        metavar=N_("OLD.yaml"))],
    new: Annotated[str, typer.Argument(
        help=N_("The later version of the notice."),
        # TRANSLATORS: a metavar: the file of the later version of a notice.
        metavar=N_("NEW.yaml"))],
    lang: Annotated[list[str] | None, typer.Option(
        "--lang", "-l", help=N_("Language of the sentences; repeat for several (default: every "
                                "language of the new notice)."), show_default=False,
        # TRANSLATORS: a metavar: a language code.
        metavar=N_("LANG"))] = None,
    format: Annotated[DiffFormat, typer.Option(
        "--format", "-f", help=N_("text (sentences), markdown (a list for a change log) or json "
                                  "(the same as data)."))] = DiffFormat.text,
    exit_code: Annotated[bool, typer.Option(
        "--exit-code", help=N_("Exit 1 when something changed, as `git diff --exit-code` does "
                               "(without it: 0 whether or not anything changed)."))] = False,
) -> None:
    """`noticegen diff`; its help is HELP."""
    from noticegen.diffing.files import diff_files

    changed = diff_files(old, new, lang, format.value)
    raise typer.Exit(1 if exit_code and changed else 0)
