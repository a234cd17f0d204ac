"""The sub-commands, one module each.

Each module defines ``register(app: typer.Typer) -> None`` and must stay cheap to import (every
run imports them all, `--help` too): it holds the command's options and help, and the command
function imports the module that does the work in one place, at its start (e.g.
noticegen/checking.py, noticegen/builder/build.py, noticegen/preview/); that module imports what
it needs at its top. At a command module's own top only what every run has loaded anyway
(typer, noticegen.config, noticegen.console, noticegen.l10n, noticegen.errors). A module whose
annotations need no name imported only for type checking leaves out
``from __future__ import annotations``:
typer reads every command's signature, even for ``--help``, and evaluating the annotations
from strings cost about 3 ms of its 80 (benchmarks/README.md).

A command's help, its options' help, its examples and its metavars are messages, written in
English and marked ``N_("…")`` (``filled(N_("…"), …)`` with a value in them); the help pages
translate them (noticegen.usage, docs/translating.md).
"""

import typer

from noticegen import config
from noticegen.l10n import N_, message_languages, tr

COMMAND_MODULES = ("check", "schema", "build", "rules", "catalog", "init", "diff", "preview",
                   "cache")
"""In the order `noticegen --help` lists them."""

# TRANSLATORS: a metavar: what a command's help calls an argument or an option's value that is
# a file, in capitals (check, build, preview; check --consent-config).
FILE = N_("FILE")
FILES_HELP = N_("Notice YAML files, or folders (every *.yaml and *.yml under them, except "
                "hidden and Git-ignored ones); '-' reads standard input.")
"""The help of `check`'s and `build`'s FILE."""


def message_language_option(value: str | None) -> str | None:
    """``--lang``'s check for the language of the messages (the global ``--lang``, and those of
    check, rules and explain): one with a message catalogue (noticegen/locale/<lang>/)."""
    if value is None:
        return value
    if value in message_languages():
        # a command's own --lang wins over the global one, for every message of the run (its
        # callback runs after the group's options are taken)
        config.MESSAGE_LANG = value
        return value
    raise typer.BadParameter(tr(config.words(), "the messages are written in {languages}, not {value}",
                                languages=", ".join(message_languages()), value=value))
