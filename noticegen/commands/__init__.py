"""The sub-commands, one module each.

Each module defines ``register(app: typer.Typer) -> None`` and must stay cheap to import:
heavy libraries are imported inside the command functions. A module whose annotations need
no name imported only for type checking leaves out ``from __future__ import annotations``:
typer reads every command's signature, even for ``--help``, and evaluating the annotations
from strings cost about 3 ms of its 80 (benchmarks/README.md).

A command's help, its options' help, its examples and its metavars are messages, written in
English and marked ``N_("…")`` (``filled(N_("…"), …)`` with a value in them); the help pages
translate them (noticegen.usage, docs/translating.md).
"""

from noticegen.l10n import N_

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
    from noticegen.l10n import message_languages, tr

    if value in message_languages():
        from noticegen import config

        # a command's own --lang wins over the global one, for every message of the run (its
        # callback runs after the group's options are taken)
        config.MESSAGE_LANG = value
        return value
    import typer

    from noticegen.cli import _language

    raise typer.BadParameter(tr(_language(), "the messages are written in {languages}, not {value}",
                                languages=", ".join(message_languages()), value=value))
