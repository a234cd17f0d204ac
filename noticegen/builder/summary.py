"""What `noticegen build` says when it is done: each notice's folder, built or up to date, and
the page to open next."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from noticegen.console import State, say
from noticegen.l10n import ntr, tr

if TYPE_CHECKING:
    from noticegen.builder.uptodate import Step


def summarise(steps: list[Step], langs: list[str], words: str) -> None:
    """One line per notice, the skipped ones counted, and the page to open (not with --quiet)."""
    if State.quiet:
        return
    for step in steps:
        if step.entry is not None:
            say(ntr(words, "{folder}: up to date, {count} file(s) unchanged.",
                    "{folder}: up to date, {count} file(s) unchanged.", len(step.names),
                    folder=shown(step.folder)))
        else:
            why = f" ({step.reason[words]})" if State.verbose and step.reason else ""
            say(ntr(words, "{folder}: {count} file(s) built, {changed} changed{why}.",
                    "{folder}: {count} file(s) built, {changed} changed{why}.", len(step.names),
                    folder=shown(step.folder), changed=step.changed, why=why))
    skipped = sum(step.entry is not None for step in steps)
    if skipped:
        say(ntr(words, "Skipped {count} notice(s) built before from the same input and options; "
                "--force rebuilds them.", "Skipped {count} notice(s) built before from the same "
                "input and options; --force rebuilds them.", skipped))
    first = steps[0]
    main_lang = (langs or list(first.languages))[:1]
    page = f"{main_lang[0]}/index.html" if main_lang else ""
    if page in first.names:
        say(tr(words, "Next: open {page} in a browser.", page=shown(first.folder / page)))


def shown(path: Path) -> str:
    """A path as messages print it: relative to the current folder when it is inside it, as
    `check` prints the files it was given."""
    try:
        return str(path.relative_to(Path.cwd().resolve())) if path.is_absolute() else str(path)
    except ValueError:
        return os.fspath(path)
