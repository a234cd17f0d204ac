"""`noticegen build`: check notices, render every language and format, write atomically."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from noticegen import defaults
from noticegen.commands import FILE, FILES_HELP
from noticegen.l10n import N_
from noticegen.render import FORMATS
from noticegen.usage import filled

if TYPE_CHECKING:
    from noticegen.builder.uptodate import Step
    from noticegen.diagnostics import Diagnostic

EXAMPLES = N_("""
Examples:

  noticegen build examples/qualitydesk.yaml

  noticegen build notices/*.yaml --out site/privacy --lang fi,en

  noticegen build notice.yaml --format fragment --heading-level 2

  noticegen build notice.yaml --format fragment --id-prefix ng-{lang}-

  noticegen build notice.yaml --templates my-templates    # see docs/templates.md
""")

DEFAULT_FORMATS = tuple(name for name, fmt in FORMATS.items() if fmt.when is None)
DEFAULT_OUT = Path("dist")


HELP = N_("""Check the notices, then write HTML pages, fragments, Markdown, text and JSON.

Nothing is written when any notice has errors (exit 1). Each file is replaced atomically,
and files whose content did not change are left untouched. A notice already built into
OUT from the same input and options, whose files are still as they were left, is not built
again (--force builds it). Exit 2 on a bad option.""")


# TRANSLATORS: a metavar: one language code or several, comma-separated.
LANGS = N_("LANG[,LANG...]")
# TRANSLATORS: a metavar: one output format or several, comma-separated.
FORMATS_METAVAR = N_("FORMAT[,FORMAT...]")
# TRANSLATORS: a metavar: the text put in front of every id.
PREFIX = N_("PREFIX")
OPTIONS = {
    "out": N_("Output folder; each notice goes to OUT/<file name>/ (default: the project's "
              "[build] out, else dist)."),
    "lang": N_("Languages to build, comma-separated (default: every language the notice "
               "declares)."),
    "format": filled(N_(
        "Formats, comma-separated: {formats} (default: {defaults}; short, the short notices for "
        "forms, when the notice gives its address (notice.url); and the consent-banner "
        "configurations cookieconsent, klaro when the notice has cookies that need consent)."),
        formats=", ".join(FORMATS), defaults=", ".join(DEFAULT_FORMATS)),
    "templates": N_("A folder of template overrides (<lang>/ and _shared/ inside), searched "
                    "before the built-in templates."),
    "heading_level": filled(N_(
        "Top heading level of the fragment (its title is <hN>); pages always start at <h1> "
        "(default: the project's [build] heading_level, else {level})."),
        level=defaults.HEADING_LEVEL),
    "id_prefix": filled(N_(
        "Prefix of every id and in-page link, the same in pages, fragments and Markdown; {lang} "
        "stands for the language code, so that ng-{lang}- lets the fragments of several "
        "languages share one page (default: the project's [build] id_prefix, else {prefix})."),
        lang="{lang}", prefix=defaults.ID_PREFIX),
    "strict": N_("Warnings stop the build too."),
    "check": N_("Write nothing; exit 1 and name the files in OUT that differ from what the "
                "notices build now, and those no notice given builds (for CI and pre-commit)."),
    "jobs": N_("Notices built at once, each worker a process of its own (default: the number of "
               "CPU cores); a single large notice has its languages rendered at once instead. "
               "The output is the same for any number; 1 builds in this process."),
    "force": N_("Rebuild every notice, also those already built into OUT from the same input, "
                "options, settings and noticegen (which are otherwise skipped)."),
}
"""The options' help. Outside the signature: this module's annotations are strings (``from
__future__ import annotations``), which typer evaluates again for every run of every command,
and a text in them is parsed each time (benchmarks/README.md)."""


def register(app: typer.Typer) -> None:
    app.command(help=HELP, epilog=EXAMPLES)(build)


def build(
    files: Annotated[list[str], typer.Argument(help=FILES_HELP, metavar=FILE)],
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help=OPTIONS["out"], file_okay=False, show_default=False)] = None,
    lang: Annotated[list[str] | None, typer.Option(
        "--lang", "-l", help=OPTIONS["lang"], metavar=LANGS, show_default=False)] = None,
    format: Annotated[list[str] | None, typer.Option(
        "--format", "-f", help=OPTIONS["format"], metavar=FORMATS_METAVAR,
        show_default=False)] = None,
    templates: Annotated[Path | None, typer.Option(
        "--templates", "-t", help=OPTIONS["templates"], file_okay=False,
        show_default=False)] = None,
    heading_level: Annotated[int | None, typer.Option(
        "--heading-level", min=1, max=4, metavar="N", help=OPTIONS["heading_level"],
        show_default=False)] = None,
    id_prefix: Annotated[str | None, typer.Option(
        "--id-prefix", metavar=PREFIX, help=OPTIONS["id_prefix"], show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help=OPTIONS["strict"])] = False,
    check: Annotated[bool, typer.Option("--check", help=OPTIONS["check"])] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, metavar="N", help=OPTIONS["jobs"], show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help=OPTIONS["force"])] = False,
) -> None:
    """`noticegen build`; its help is HELP."""
    from noticegen.config import settings_for
    from noticegen.inputs import expand

    # The project's settings where the command runs: the same for `build` and `--check`.
    project = settings_for("-").build
    _build(expand(files), out=out or project.out or DEFAULT_OUT,
           langs=_split(lang) or list(project.lang or ()),
           formats=_split(format) or list(project.formats or ()), templates=templates,
           heading_level=heading_level or project.heading_level or defaults.HEADING_LEVEL,
           strict=strict, check=check, jobs=jobs, force=force,
           id_prefix=id_prefix if id_prefix is not None else
           project.id_prefix if project.id_prefix is not None else defaults.ID_PREFIX)


def _split(values: Sequence[str] | None) -> list[str]:
    """`--lang fi,en` and `--lang fi --lang en` alike; order kept, duplicates dropped."""
    out: list[str] = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip() and v.strip() not in out)
    return out


def _build(files: list[str], *, out: Path, langs: list[str], formats: list[str],
           templates: Path | None, heading_level: int, strict: bool, check: bool = False,
           jobs: int | None = 1, force: bool = False, id_prefix: str = defaults.ID_PREFIX) -> None:
    """Plan, then check → render → stage each notice in turn, then commit: each one's files
    are staged as it is done, so that memory holds one notice's output at a time, and nothing
    is moved into place unless every notice checks and renders. Notices already built as they
    would be now are skipped."""
    from contextlib import closing

    from noticegen.builder import uptodate
    from noticegen.builder.batch import Job, cores, notices, worker_count
    from noticegen.builder.write import Staging, inside
    from noticegen.cli import exit_code, say, stdin_once
    from noticegen.config import settings_for
    from noticegen.errors import NoticegenError, UsageError
    from noticegen.idprefix import check_id_prefix
    from noticegen.l10n import message_language, ntr, tr
    from noticegen.progress import wanted
    from noticegen.report import default_format, report

    # No --format: Job.render chooses, notice by notice (the banner configurations only for a
    # notice with cookies that need consent).
    words = message_language(None, settings_for(files[0] if files else "-").lang)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(tr(words, "unknown format {formats}", formats=", ".join(map(repr, unknown))),
                         hint=tr(words, "use one or more of {formats}, comma-separated",
                                 formats=", ".join(FORMATS)))
    check_id_prefix(id_prefix, words)
    if templates is not None and not templates.is_dir():
        raise UsageError(tr(words, "the templates folder {folder} does not exist",
                            folder=templates))
    stdin_once(files)
    job = Job(tuple(langs), tuple(formats), templates.resolve() if templates else None,
              heading_level, strict, id_prefix)
    record = None if check else uptodate.Record.open(out)
    steps = uptodate.plan(files, [out / stem for stem in _stems(files)], job, record=record,
                          force=force)
    stale = [step for step in steps if step.entry is None]
    workers = worker_count(jobs, [step.path for step in stale])
    processes = cores(jobs) if workers == 1 else 1  # cores no worker uses: a large notice's languages
    diagnostics: list[Diagnostic] = []
    failed = 0
    render_error: NoticegenError | None = None
    differ: list[str] = []
    expected: set[Path] = set()  # --check: every file the notices build now
    with Staging() as staging, closing(notices([step.path for step in stale], workers, job,
                                               wanted(len(stale)))) as checked:
        for step in steps:
            if step.entry is not None:
                step.skip(step.entry)
                diagnostics.extend(step.diagnostics)
                continue
            notice = next(checked)  # check
            result = notice.checked
            diagnostics.extend(result.diagnostics)
            failed += result.fails(strict)
            if failed or render_error is not None:
                continue  # nothing will be written: only the remaining diagnostics matter
            try:
                rendered = notice.files(job, processes)  # render
            except NoticegenError as exc:
                render_error = exc
                continue
            targets = {inside(out, f"{step.folder.name}/{rel}"): data
                       for rel, data in rendered.items()}
            if check:
                differ.extend(_stale(targets, words))
                expected.update(targets)
            else:  # stage
                step.changed = sum(staging.add(target, data) for target, data in targets.items())
            step.names, step.languages = list(rendered), notice.languages
            step.diagnostics = result.diagnostics
            if step.base is not None:  # recorded as built from the bytes it was checked from
                step.source = result.digest
                step.digests = {rel: uptodate.digest(data) for rel, data in rendered.items()}
        report(diagnostics, default_format(), lang=words)
        if failed:
            errors = any(d.is_error for d in diagnostics)
            if errors and check:
                say(ntr(words, "{failed} of {count} notice(s) have error(s): nothing was compared.",
                        "{failed} of {count} notice(s) have error(s): nothing was compared.",
                        len(files), failed=failed))
            elif errors:
                say(ntr(words, "{failed} of {count} notice(s) have error(s): nothing was written.",
                        "{failed} of {count} notice(s) have error(s): nothing was written.",
                        len(files), failed=failed))
            elif check:
                say(ntr(words, "{failed} of {count} notice(s) have warning(s) (--strict): nothing "
                        "was compared.", "{failed} of {count} notice(s) have warning(s) "
                        "(--strict): nothing was compared.", len(files), failed=failed))
            else:
                say(ntr(words, "{failed} of {count} notice(s) have warning(s) (--strict): nothing "
                        "was written.", "{failed} of {count} notice(s) have warning(s) "
                        "(--strict): nothing was written.", len(files), failed=failed))
            raise typer.Exit(exit_code(diagnostics, failed=True))
        if render_error is not None:
            raise render_error
        if check:
            differ.extend(_left_over(out, expected, words))
            _report_stale(differ, sum(len(step.names) for step in steps), words)
            return
        staging.commit()  # commit
    if record is not None:
        for step in steps:
            record.remember(step)
        record.save()
    _summarise(steps, langs, words)


def _summarise(steps: list[Step], langs: list[str], words: str) -> None:
    from noticegen.cli import State, say
    from noticegen.l10n import ntr, tr

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


def _stale(targets: dict[Path, bytes], lang: str) -> list[str]:
    """`--check`: the built files that differ from what is on disk, and why."""
    from noticegen.l10n import tr

    stale: list[str] = []
    for path, data in sorted(targets.items()):
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            stale.append(tr(lang, "{path} (missing)", path=shown(path)))
            continue
        except OSError as exc:
            stale.append(tr(lang, "{path} (unreadable: {reason})", path=shown(path),
                            reason=exc.strerror))
            continue
        if current != data:
            stale.append(tr(lang, "{path} (out of date)", path=shown(path)))
    return stale


def _left_over(out: Path, expected: set[Path], lang: str) -> list[str]:
    """`--check`: the files anywhere in OUT that none of the notices builds now (a language or
    format dropped, a notice renamed or removed, a file left by an older noticegen), so give
    `--check` every notice that builds into OUT. Hidden files and folders (`.gitkeep`,
    `.nojekyll`) are not looked at: noticegen never writes one."""
    from noticegen.l10n import tr

    root = out.resolve()
    if not root.is_dir():
        return []
    return [tr(lang, "{path} (no notice builds it)", path=shown(path)) for path in sorted(root.rglob("*"))
            if not any(part.startswith(".") for part in path.relative_to(root).parts)
            and path.is_file() and path not in expected]


def _report_stale(stale: list[str], total: int, lang: str) -> None:
    from noticegen.cli import say
    from noticegen.l10n import ntr, tr

    if stale:
        for line in stale:
            typer.echo(tr(lang, "stale: {file}", file=line))
        say(ntr(lang, "{count} file(s) differ from what the notices build now ({total} built "
                "file(s) compared). Run the same command without --check, remove the files no "
                "notice builds, and commit the result.", "{count} file(s) differ from what the "
                "notices build now ({total} built file(s) compared). Run the same command "
                "without --check, remove the files no notice builds, and commit the result.",
                len(stale), total=total))
        raise typer.Exit(1)
    say(ntr(lang, "{count} built file(s) are up to date.", "{count} built file(s) are up to date.",
            total))


def _stems(files: Sequence[str]) -> list[str]:
    """One output folder name per file; two files may not share one."""
    from noticegen.builder.write import safe_segment
    from noticegen.errors import UsageError
    from noticegen.l10n import message_language, tr

    stems = [safe_segment("notice" if f == "-" else Path(f).stem) for f in files]
    seen: dict[str, str] = {}
    for stem, path in zip(stems, files, strict=True):
        if stem in seen:
            words = message_language()
            raise UsageError(tr(words, "{first} and {second} would both be written to "
                                       "<out>/{stem}/", first=seen[stem], second=path, stem=stem),
                             hint=tr(words, "rename one of the files, or build them one at a "
                                            "time"))
        seen[stem] = path
    return stems


__all__ = ["build", "register"]
