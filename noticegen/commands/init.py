"""`noticegen init`: interview the owner and write a commented starter notice."""

from typing import Annotated

import typer

from noticegen.commands import message_language_option
from noticegen.l10n import N_

HELP = N_("""Ask a few questions and write a starter notice that passes `noticegen check`.

Spots the owner must still decide are marked TODO: in the file; `check` reports them.
Exit 0 when written, 1 when PATH exists (without --force) or cannot be written.""")

EXAMPLES = N_("""
Examples:

  noticegen init                       # asks in Finnish, Swedish or English, per your locale

  noticegen init --lang en privacy-notice.yaml

  noticegen init --no-input -          # the defaults, to standard output
""")


def register(app: typer.Typer) -> None:
    app.command(help=HELP, epilog=EXAMPLES)(init)


def init(
    path: Annotated[str | None, typer.Argument(
        help=N_("Where to write the notice; '-' writes to standard output. Default: "
                "tietosuojaseloste.yaml (Finnish), dataskyddsbeskrivning.yaml (Swedish) or "
                "privacy-notice.yaml (English)."),
        # TRANSLATORS: a metavar: where a file is written, in capitals.
        metavar=N_("PATH"), show_default=False)] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help=N_("Language of the questions and of the file's comments: fi, sv or en "
                          "(default: NOTICEGEN_LANG, the project setting, the locale, else en)."),
        callback=message_language_option, show_default=False)] = None,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help=N_("Ask nothing; write the defaults, with TODO: markers to fill "
                              "in."))] = False,
    force: Annotated[bool, typer.Option(
        "--force", help=N_("Overwrite PATH if it exists."))] = False,
) -> None:
    """`noticegen init`; its help is HELP."""
    from noticegen.init.create import create

    create(path, lang, no_input=no_input, force=force)
