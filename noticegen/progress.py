"""A progress bar on standard error for batch work, shown only to a person at a terminal.

Not with ``--quiet``, not when standard error is a file or a pipe (CI logs, editors), and not
for fewer than ``MIN_FILES`` files, which finish before a bar would be worth reading.
"""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

MIN_FILES = 4


def wanted(count: int) -> bool:
    """Whether work on ``count`` files should show a bar."""
    from noticegen.console import State

    return count >= MIN_FILES and not State.quiet and sys.stderr.isatty()


@contextmanager
def bar(total: int, label: str, show: bool,
        lang: str | None = None) -> Iterator[Callable[[int], None]]:
    """A bar of ``total`` steps, advanced by hand (workers finish out of order); yields the
    function that advances it. Leaving the block ends the line, also on Ctrl-C. ``label`` is a
    message (``N_("Checking")``), shown in ``lang``, by default the language of the messages."""
    if not show:
        yield lambda n: None
        return
    import typer

    from noticegen.config import words
    from noticegen.l10n import tr

    label = tr(lang or words(), label)
    with typer.progressbar(length=total, label=label, file=sys.stderr) as progress:
        yield progress.update
