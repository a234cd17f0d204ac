"""`noticegen schema`: the JSON Schema of the notice YAML."""

import typer


def register(app: typer.Typer) -> None:
    app.command()(schema)


def schema() -> None:
    """Print the JSON Schema of the notice YAML (for editors and other tools)."""
    import sys

    from noticegen.schema import schema_text

    sys.stdout.write(schema_text())
