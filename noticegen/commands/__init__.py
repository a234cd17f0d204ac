"""The sub-commands, one module each.

Each module defines ``register(app: typer.Typer) -> None`` and must stay cheap to import:
heavy libraries are imported inside the command functions. A module whose annotations need
no name imported only for type checking leaves out ``from __future__ import annotations``:
typer reads every command's signature, even for ``--help``, and evaluating the annotations
from strings cost about 3 ms of its 80 (benchmarks/README.md).
"""

from enum import Enum

COMMAND_MODULES = ("check", "schema", "build", "rules", "catalog", "init", "diff", "preview",
                   "cache")
"""In the order `noticegen --help` lists them."""


class MessageLanguage(str, Enum):
    """The languages of noticegen's messages (the global ``--lang``, and `check --lang`)."""

    fi = "fi"
    en = "en"
