"""`noticegen schema`: the JSON Schema of the notice YAML."""

import sys

import typer

from noticegen.l10n import N_


def register(app: typer.Typer) -> None:
    app.command(help=N_("Print the JSON Schema of the notice YAML (for editors and other "
                        "tools)."))(schema)


def schema() -> None:
    """`noticegen schema`."""
    from noticegen.schema import schema_text

    sys.stdout.write(schema_text())
