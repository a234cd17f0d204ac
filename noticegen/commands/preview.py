"""`noticegen preview`: build into a temporary folder, serve it locally, rebuild on every save.

The work is noticegen/preview/'s."""

from pathlib import Path
from typing import Annotated

import typer

from noticegen.commands import FILE
from noticegen.l10n import N_

HELP = N_("""Build the notice into a temporary folder and serve it on http://127.0.0.1:PORT/.

The notice is rebuilt as soon as the file (or the templates folder) changes, and open
pages reload themselves. When the notice has errors, the pages show them. Ctrl-C stops
the server and deletes the temporary folder (exit 0).""")

EXAMPLES = N_("""
Examples:

  noticegen preview tietosuojaseloste.yaml

  noticegen preview notice.yaml --port 8080 --templates my-templates
""")


def register(app: typer.Typer) -> None:
    app.command(help=HELP, epilog=EXAMPLES)(preview)


def preview(
    file: Annotated[Path, typer.Argument(help=N_("The notice YAML file."), metavar=FILE,
                                         dir_okay=False)],
    port: Annotated[int, typer.Option(
        "--port", "-p", min=0, max=65535,
        help=N_("Port on 127.0.0.1; 0 picks a free one."))] = 8000,
    templates: Annotated[Path | None, typer.Option(
        "--templates", "-t", file_okay=False, help=N_(
            "A folder of template overrides (<lang>/ and _shared/ inside); changes to it are "
            "picked up too."), show_default=False)] = None,
) -> None:
    """`noticegen preview`; its help is HELP."""
    from noticegen.preview import serve_notice

    serve_notice(file, port, templates)
