"""The notice files a command is given: folders are expanded to the notices under them."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from noticegen.errors import UsageError
from noticegen.l10n import message_language, tr

SUFFIXES = (".yaml", ".yml")
"""What a notice file under a folder ends with; other files (noticegen.toml) are skipped."""


def expand(args: list[str]) -> list[str]:
    """Each folder in ``args`` replaced by the notice files under it, sorted; files as given
    (a file named twice is checked twice, as before folders were taken).

    Under a folder, ``*.yaml`` and ``*.yml`` files at any depth are taken, except hidden files
    and anything in hidden folders (``.git``, ``.github``), and, inside a Git work tree, files
    that Git ignores (``.gitignore``), so an ignored build or cache folder is not checked. A
    folder with no notice file stays as it is, and reading it reports the problem.
    """
    out: list[str] = []
    for arg in args:
        folder = Path(arg)
        if arg == "-" or not folder.is_dir():
            out.append(arg)
            continue
        found = sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES and p.is_file()
                       and not any(part.startswith(".") for part in p.relative_to(folder).parts))
        found = _not_ignored(folder, found)
        out.extend(str(p) for p in found) if found else out.append(arg)
    return out


def _not_ignored(folder: Path, paths: list[Path]) -> list[Path]:
    """The paths Git does not ignore; all of them outside a work tree or without git."""
    if not paths:
        return paths
    try:
        proc = subprocess.run(["git", "-C", str(folder), "check-ignore", "--no-index", "-z",
                               "--stdin"], input=b"\0".join(str(p.resolve()).encode() for p in paths),
                              capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return paths
    if proc.returncode not in (0, 1):  # 128: not a work tree
        return paths
    ignored = {Path(p.decode()) for p in proc.stdout.split(b"\0") if p}
    return [p for p in paths if p.resolve() not in ignored]


def stdin_once(files: Sequence[str], lang: str | None = None) -> None:
    """A usage error when ``-`` is given more than once: the second read finds it empty."""
    if files.count("-") > 1:
        words = message_language(lang)
        raise UsageError(tr(words, "'-' (standard input) can be given only once"),
                         hint=tr(words, "Standard input can be read once; save the other notice "
                                 "to a file."))
