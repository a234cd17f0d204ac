"""`noticegen build --check`: what the notices build now compared with the files in OUT."""

from __future__ import annotations

from pathlib import Path

import typer

from noticegen.builder.summary import shown
from noticegen.console import say
from noticegen.l10n import ntr, tr


def stale(targets: dict[Path, bytes], lang: str) -> list[str]:
    """The built files that differ from what is on disk, and why."""
    out: list[str] = []
    for path, data in sorted(targets.items()):
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            out.append(tr(lang, "{path} (missing)", path=shown(path)))
            continue
        except OSError as exc:
            out.append(tr(lang, "{path} (unreadable: {reason})", path=shown(path),
                          reason=exc.strerror))
            continue
        if current != data:
            out.append(tr(lang, "{path} (out of date)", path=shown(path)))
    return out


def left_over(out: Path, expected: set[Path], lang: str) -> list[str]:
    """The files anywhere in OUT that none of the notices builds now (a language or format
    dropped, a notice renamed or removed, a file left by an older noticegen), so give
    `--check` every notice that builds into OUT. Hidden files and folders (`.gitkeep`,
    `.nojekyll`) are not looked at: noticegen never writes one."""
    root = out.resolve()
    if not root.is_dir():
        return []
    return [tr(lang, "{path} (no notice builds it)", path=shown(path)) for path in sorted(root.rglob("*"))
            if not any(part.startswith(".") for part in path.relative_to(root).parts)
            and path.is_file() and path not in expected]


def report_stale(differ: list[str], total: int, lang: str) -> None:
    """Name the files that differ and exit 1, or say that all ``total`` are up to date."""
    if differ:
        for line in differ:
            typer.echo(tr(lang, "stale: {file}", file=line))
        say(ntr(lang, "{count} file(s) differ from what the notices build now ({total} built "
                "file(s) compared). Run the same command without --check, remove the files no "
                "notice builds, and commit the result.", "{count} file(s) differ from what the "
                "notices build now ({total} built file(s) compared). Run the same command "
                "without --check, remove the files no notice builds, and commit the result.",
                len(differ), total=total))
        raise typer.Exit(1)
    say(ntr(lang, "{count} built file(s) are up to date.", "{count} built file(s) are up to date.",
            total))
