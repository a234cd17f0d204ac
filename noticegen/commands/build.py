"""`noticegen build`: check notices, render every language and format in memory, write atomically."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

if TYPE_CHECKING:
    from noticegen.pipeline import Checked

EXAMPLES = """
Examples:

  noticegen build examples/qualitydesk.yaml

  noticegen build notices/*.yaml --out site/privacy --lang fi,en

  noticegen build notice.yaml --format fragment --heading-level 2

  noticegen build notice.yaml --templates my-templates    # see docs/templates.md
"""

ALL_FORMATS = ("page", "fragment", "md", "txt", "json")
T = TypeVar("T")
_PROGRESS_MIN_FILES = 4


def register(app: typer.Typer) -> None:
    app.command(epilog=EXAMPLES)(build)


def build(
    files: Annotated[list[str], typer.Argument(
        help="Notice YAML files; '-' reads standard input.", metavar="FILE...")],
    out: Annotated[Path, typer.Option(
        "--out", "-o", help="Output folder; each notice goes to OUT/<file name>/.",
        file_okay=False)] = Path("dist"),
    lang: Annotated[list[str] | None, typer.Option(
        "--lang", "-l", help="Languages to build, comma-separated (default: every language "
        "the notice declares).", metavar="LANG[,LANG...]", show_default=False)] = None,
    format: Annotated[list[str] | None, typer.Option(
        "--format", "-f", help=f"Formats, comma-separated: {', '.join(ALL_FORMATS)} "
        "(default: all).", metavar="FORMAT[,FORMAT...]", show_default=False)] = None,
    templates: Annotated[Path | None, typer.Option(
        "--templates", "-t", help="A folder of template overrides (<lang>/ and _shared/ "
        "inside), searched before the built-in templates.", file_okay=False,
        show_default=False)] = None,
    heading_level: Annotated[int, typer.Option(
        "--heading-level", min=1, max=4, help="Top heading level of the fragment (its title "
        "is <hN>); pages always start at <h1>.")] = 2,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Warnings stop the build too.")] = False,
    check: Annotated[bool, typer.Option(
        "--check", help="Write nothing; exit 1 and name the files in OUT that differ from "
        "what the notices build now (for CI and pre-commit).")] = False,
) -> None:
    """Check the notices, then write HTML pages, fragments, Markdown, text and JSON.

    Nothing is written when any notice has errors (exit 1). Each file is replaced atomically,
    and files whose content did not change are left untouched. Exit 2 on a bad option.
    """
    from noticegen.cli import fail
    from noticegen.errors import NoticegenError

    try:
        _build(files, out=out, langs=_split(lang), formats=_split(format), templates=templates,
               heading_level=heading_level, strict=strict, check=check)
    except NoticegenError as exc:
        raise fail(exc) from None


def _split(values: Sequence[str] | None) -> list[str]:
    """`--lang fi,en` and `--lang fi --lang en` alike; order kept, duplicates dropped."""
    out: list[str] = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip() and v.strip() not in out)
    return out


def _build(files: list[str], *, out: Path, langs: list[str], formats: list[str],
           templates: Path | None, heading_level: int, strict: bool, check: bool = False) -> None:
    from noticegen.cli import State, say
    from noticegen.errors import UsageError
    from noticegen.pipeline import check_file
    from noticegen.reporters import default_format, report

    formats = formats or list(ALL_FORMATS)
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown:
        raise UsageError(f"unknown format {', '.join(map(repr, unknown))}",
                         hint=f"use one or more of {', '.join(ALL_FORMATS)}, comma-separated")
    if templates is not None and not templates.is_dir():
        raise UsageError(f"the templates folder {templates} does not exist")
    stems = _stems(files)

    results = [check_file(path) for path in files]
    report([d for r in results for d in r.diagnostics], default_format())
    failed = [r for r in results if r.errors or ((strict or r.strict) and r.warnings)]
    if failed:
        what = "error(s)" if any(r.errors for r in failed) else "warning(s) (--strict)"
        say(f"{len(failed)} of {len(results)} notice(s) have {what}: nothing was written.")
        raise typer.Exit(1)

    rendered = _render(results, stems, langs=langs, formats=formats, templates=templates,
                       heading_level=heading_level, progress=_want_progress(len(results)))

    from noticegen.write import inside, write_all

    targets = {inside(out, f"{stem}/{rel}"): data
               for stem, files_ in rendered for rel, data in files_.items()}
    if check:
        _check_outputs(targets)
        return
    changed = set(write_all(targets))
    if State.quiet:
        return
    for stem, files_ in rendered:
        folder = out / stem
        count = sum(1 for rel in files_ if inside(out, f"{stem}/{rel}") in changed)
        say(f"{folder}: {len(files_)} file(s) built, {count} changed.")
    first_stem, first_files = rendered[0]
    main_lang = (langs or list(results[0].resolved.languages if results[0].resolved else []))[:1]
    page = f"{main_lang[0]}/index.html" if main_lang else ""
    if page in first_files:
        say(f"Next: open {out / first_stem / page} in a browser.")


def _check_outputs(targets: dict[Path, bytes]) -> None:
    """`--check`: compare what would be written with what is on disk; write nothing."""
    from noticegen.cli import say

    stale: list[str] = []
    for path, data in sorted(targets.items()):
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            stale.append(f"{path} (missing)")
            continue
        except OSError as exc:
            stale.append(f"{path} (unreadable: {exc.strerror})")
            continue
        if current != data:
            stale.append(f"{path} (out of date)")
    if stale:
        for line in stale:
            typer.echo(f"stale: {line}")
        say(f"{len(stale)} of {len(targets)} built file(s) differ from what the notices build "
            "now. Run the same command without --check, and commit the result.")
        raise typer.Exit(1)
    say(f"{len(targets)} built file(s) are up to date.")


def _stems(files: Sequence[str]) -> list[str]:
    """One output folder name per file; two files may not share one."""
    from noticegen.errors import UsageError
    from noticegen.write import safe_segment

    stems = [safe_segment("notice" if f == "-" else Path(f).stem) for f in files]
    seen: dict[str, str] = {}
    for stem, path in zip(stems, files, strict=True):
        if stem in seen:
            raise UsageError(f"{seen[stem]} and {path} would both be written to <out>/{stem}/",
                             hint="rename one of the files, or build them one at a time")
        seen[stem] = path
    return stems


def _render(results: list[Checked], stems: list[str], *, langs: list[str], formats: list[str],
            templates: Path | None, heading_level: int,
            progress: bool) -> list[tuple[str, dict[str, bytes]]]:
    """Everything in memory first: a failure here leaves the output folder untouched."""
    from noticegen.errors import UsageError
    from noticegen.render import RenderOptions, render_all
    from noticegen.render.environment import language

    user_dir = templates.resolve() if templates is not None else None
    out: list[tuple[str, dict[str, bytes]]] = []
    for result, stem in _progress(list(zip(results, stems, strict=True)), progress):
        resolved = result.resolved
        assert resolved is not None  # no errors, so it resolved
        chosen = langs or list(resolved.languages)
        missing = [code for code in chosen if code not in resolved.languages]
        if missing:
            raise UsageError(
                f"{result.path} is not written in {', '.join(missing)} "
                f"(its languages: {', '.join(resolved.languages)})",
                hint="add the language to notice.languages and its texts, or drop it from --lang")
        for code in chosen:
            language(code, user_dir)  # a language without templates is a usage error
        options = RenderOptions(heading_level=heading_level, templates_dir=user_dir,
                                languages=tuple(chosen))
        out.append((stem, render_all(resolved, languages=chosen, formats=formats,
                                     options=options)))
    return out


def _want_progress(count: int) -> bool:
    from noticegen.cli import State

    return count >= _PROGRESS_MIN_FILES and not State.quiet and sys.stderr.isatty()


def _progress(items: list[T], show: bool) -> Iterable[T]:
    if not show:
        yield from items
        return
    # typer's own progressbar: plain `click` is not a dependency of typer any more
    with typer.progressbar(items, label="Rendering", file=sys.stderr) as bar:
        yield from bar


__all__ = ["ALL_FORMATS", "build", "register"]
