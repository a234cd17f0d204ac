"""Sub-commands beyond `check` and `schema`, one module each.

Each module defines ``register(app: typer.Typer) -> None`` and must stay cheap to import:
heavy libraries are imported inside the command functions. A module whose annotations need
no name imported only for type checking leaves out ``from __future__ import annotations``:
typer reads every command's signature, even for ``--help``, and evaluating the annotations
from strings cost about 3 ms of its 80 (benchmarks/README.md).
"""

COMMAND_MODULES = ("build", "rules", "catalog", "init", "diff", "preview", "cache")
