"""What a run says to people and how it ends: the options every command shares (``--quiet``,
``--verbose``, ``--no-color``), the progress and summary lines, the exit code.

Below the command line (noticegen/cli.py sets :class:`State`): the reporters, the progress
bar and the commands' work read it here, so that none of them imports the command line.
"""

from typing import Any

import typer


class State:
    """Options shared by every command."""

    quiet = False
    verbose = False
    no_color = False


def say(message: str) -> None:
    """A progress or summary line for people, on stderr; silent with --quiet."""
    if not State.quiet:
        typer.echo(message, err=True)


UNREADABLE = "NG000"
"""A file that does not exist, is a folder, cannot be read or is too large: a usage error."""


def exit_code(diags: list[Any], *, failed: bool) -> int:
    """2 when a file named on the command line cannot be read (as the README's table says),
    else 1 when a notice fails, else 0."""
    if any(d.code == UNREADABLE for d in diags):
        return 2
    return 1 if failed else 0
