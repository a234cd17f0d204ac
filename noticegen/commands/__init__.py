"""Sub-commands beyond `check` and `schema`, one module each.

Each module defines ``register(app: typer.Typer) -> None`` and must stay cheap to import:
heavy libraries are imported inside the command functions.
"""

COMMAND_MODULES = ("build", "rules", "catalog", "init", "diff", "preview", "cache")
