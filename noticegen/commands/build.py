"""`noticegen build`: check notices, render every language and format, write atomically."""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

if TYPE_CHECKING:
    from noticegen.diagnostics import Diagnostic
    from noticegen.errors import NoticegenError
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
        help="Notice YAML files; '-' reads standard input.", metavar="FILE")],
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
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Notices built at once, each worker a process of its own "
        "(default: the number of CPU cores); a single large notice has its languages rendered "
        "at once instead. The output is the same for any number; 1 builds in this process.",
        show_default=False)] = None,
) -> None:
    """Check the notices, then write HTML pages, fragments, Markdown, text and JSON.

    Nothing is written when any notice has errors (exit 1). Each file is replaced atomically,
    and files whose content did not change are left untouched. Exit 2 on a bad option.
    """
    from noticegen.cli import fail
    from noticegen.errors import NoticegenError

    try:
        _build(files, out=out, langs=_split(lang), formats=_split(format), templates=templates,
               heading_level=heading_level, strict=strict, check=check, jobs=jobs)
    except NoticegenError as exc:
        raise fail(exc) from None


def _split(values: Sequence[str] | None) -> list[str]:
    """`--lang fi,en` and `--lang fi --lang en` alike; order kept, duplicates dropped."""
    out: list[str] = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip() and v.strip() not in out)
    return out


def _build(files: list[str], *, out: Path, langs: list[str], formats: list[str],
           templates: Path | None, heading_level: int, strict: bool, check: bool = False,
           jobs: int | None = 1) -> None:
    """Check and render the notices one by one, staging each one's files as it is done, so
    that memory holds one notice's output at a time; nothing is moved into place unless every
    notice checks and renders."""
    from noticegen.cli import say
    from noticegen.errors import NoticegenError, UsageError
    from noticegen.reporters import default_format, report
    from noticegen.write import Staging, inside

    formats = formats or list(ALL_FORMATS)
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown:
        raise UsageError(f"unknown format {', '.join(map(repr, unknown))}",
                         hint=f"use one or more of {', '.join(ALL_FORMATS)}, comma-separated")
    if templates is not None and not templates.is_dir():
        raise UsageError(f"the templates folder {templates} does not exist")
    stems = _stems(files)
    workers = _workers(jobs, files)
    # Cores that no worker uses go to the languages of a large notice.
    job = _Job(langs, formats, templates, heading_level, strict,
               processes=_cores(jobs) if workers == 1 else 1)
    progress = _want_progress(len(files))
    diagnostics: list[Diagnostic] = []
    failed = 0
    render_error: NoticegenError | None = None
    built: list[_Done] = []
    stale: list[str] = []
    with Staging() as staging, closing(_built(files, workers, job, progress)) as notices:
        for stem, notice in zip(stems, notices, strict=True):
            result = notice.checked
            diagnostics.extend(result.diagnostics)
            if result.errors or ((strict or result.strict) and result.warnings):
                failed += 1
            if failed or render_error is not None:
                continue  # nothing will be written: only the remaining diagnostics matter
            try:
                rendered = notice.rendered(job)
            except NoticegenError as exc:
                render_error = exc
                continue
            targets = {inside(out, f"{stem}/{rel}"): data for rel, data in rendered.items()}
            if check:
                stale.extend(_stale(targets))
                changed = 0
            else:
                changed = sum(staging.add(target, data) for target, data in targets.items())
            built.append(_Done(out / stem, list(rendered), len(targets), changed,
                               notice.languages))
        report(diagnostics, default_format())
        if failed:
            what = "error(s)" if any(d.is_error for d in diagnostics) else "warning(s) (--strict)"
            say(f"{failed} of {len(files)} notice(s) have {what}: nothing was written.")
            raise typer.Exit(1)
        if render_error is not None:
            raise render_error
        if check:
            _report_stale(stale, sum(b.files for b in built))
            return
        staging.commit()
    _summarise(built, langs)


@dataclass(frozen=True)
class _Done:
    """What `build` says about one notice once its files are in place."""

    folder: Path
    names: list[str]
    files: int
    changed: int
    languages: tuple[str, ...]


def _summarise(built: list[_Done], langs: list[str]) -> None:
    from noticegen.cli import State, say

    if State.quiet:
        return
    for done in built:
        say(f"{done.folder}: {done.files} file(s) built, {done.changed} changed.")
    first = built[0]
    main_lang = (langs or list(first.languages))[:1]
    page = f"{main_lang[0]}/index.html" if main_lang else ""
    if page in first.names:
        say(f"Next: open {first.folder / page} in a browser.")


def _stale(targets: dict[Path, bytes]) -> list[str]:
    """`--check`: the built files that differ from what is on disk, and why."""
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
    return stale


def _report_stale(stale: list[str], total: int) -> None:
    from noticegen.cli import say

    if stale:
        for line in stale:
            typer.echo(f"stale: {line}")
        say(f"{len(stale)} of {total} built file(s) differ from what the notices build "
            "now. Run the same command without --check, and commit the result.")
        raise typer.Exit(1)
    say(f"{total} built file(s) are up to date.")


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


def _built(files: list[str], workers: int, job: _Job, progress: bool) -> Generator[_Built]:
    """Every notice checked, in the order of ``files``: by ``workers`` processes (which render
    it too), or here, where it is rendered only when asked (so not after a failed notice)."""
    from noticegen.pipeline import check_file

    if workers > 1:
        yield from _build_parallel(files, workers, job, progress)
        return
    for path in _progress(files, progress):
        result = check_file(path)
        yield _Built(result, tuple(result.resolved.languages) if result.resolved else ())


def _render_one(result: Checked, *, langs: list[str], formats: list[str], user_dir: Path | None,
                heading_level: int, processes: int = 1) -> dict[str, bytes]:
    """One checked notice's files, in memory; a large one's languages in up to ``processes``
    processes at once."""
    from noticegen.errors import UsageError
    from noticegen.render import RenderOptions, render_all
    from noticegen.render.apart import render_apart, worth_splitting
    from noticegen.render.environment import language

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
    if worth_splitting(resolved, chosen, processes):
        return render_apart(resolved, languages=chosen, formats=formats, options=options,
                            processes=processes)
    return render_all(resolved, languages=chosen, formats=formats, options=options)


# --- --jobs: notices built in worker processes ----------------------------------------------

@dataclass(frozen=True)
class _Job:
    """What every notice of one `build` is built with (sent to each worker)."""

    langs: list[str]
    formats: list[str]
    templates: Path | None
    heading_level: int
    strict: bool
    processes: int = 1
    """Processes one notice's languages may be rendered in (when no workers build notices)."""


@dataclass
class _Built:
    """One checked notice. From a worker: the check result without its models, and its files;
    checked here: the whole result, rendered by ``rendered``.

    A user error travels as its class, message and hint (exceptions do not pickle their
    keyword arguments): while checking (a broken settings file) it stops the build as it does
    in sequence; while rendering (a language the notice lacks) it is raised in file order.
    """

    checked: Checked
    languages: tuple[str, ...] = ()
    files: dict[str, bytes] | None = None
    check_error: tuple[type[NoticegenError], str, str] | None = None
    render_error: tuple[type[NoticegenError], str, str] | None = None

    def rendered(self, job: _Job) -> dict[str, bytes]:
        """The notice's files: rendered in a worker already, or now."""
        if self.render_error is not None:
            _raise(self.render_error)
        if self.files is not None:
            return self.files
        user_dir = job.templates.resolve() if job.templates is not None else None
        return _render_one(self.checked, langs=job.langs, formats=job.formats,
                           user_dir=user_dir, heading_level=job.heading_level,
                           processes=job.processes)


def _raise(error: tuple[type[NoticegenError], str, str]) -> NoReturn:
    kind, message, hint = error
    raise kind(message, hint=hint)


def _workers(jobs: int | None, files: Sequence[str]) -> int:
    """How many worker processes: --jobs (default: the CPU cores), never more than notices.
    Standard input can be read once only, so `-` builds in this process."""
    if "-" in files:
        return 1
    return max(1, min(_cores(jobs), len(files)))


def _cores(jobs: int | None) -> int:
    """--jobs, or by default the number of CPU cores."""
    import os

    return jobs or os.cpu_count() or 1


def _build_parallel(files: list[str], workers: int, job: _Job,
                    progress: bool) -> Generator[_Built]:
    """Check and render every notice in ``workers`` processes; results in the order of
    ``files``, each as soon as it and those before it are done.

    Each worker takes chunks of notices and keeps its Jinja environments, compiled templates
    and caches from one notice to the next. Workers are forked where the platform allows it,
    so they start with the modules this process has already imported.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    methods = multiprocessing.get_all_start_methods()
    fork = sys.platform == "linux" and "fork" in methods
    context = multiprocessing.get_context("fork" if fork else None)
    if fork:
        _warm(job)
    size = max(1, min(16, -(-len(files) // (workers * 4))))  # ceil: about 4 chunks per worker
    chunks = [list(range(i, min(i + size, len(files)))) for i in range(0, len(files), size)]
    done: dict[int, _Built] = {}  # finished out of order, waiting for those before them
    following = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(_build_chunk, [(i, files[i]) for i in chunk], job)
                   for chunk in chunks}
        try:
            with _counter(len(files), progress) as advance:
                for future in as_completed(futures):
                    futures.discard(future)  # a done future holds its files: let them go
                    finished = future.result()
                    done.update(finished)
                    advance(len(finished))
                    while following in done:
                        built = done.pop(following)
                        following += 1
                        if built.check_error is not None:  # stops the build, as in sequence
                            _raise(built.check_error)
                        yield built
        finally:  # stopped early (an error, Ctrl-C): chunks not yet started are dropped
            for future in futures:
                future.cancel()


def _warm(job: _Job) -> None:
    """Before forking: load what every worker needs (models, rules, vocabularies, templates,
    locale data) once, so that workers start with it instead of each loading it again.

    Only an optimisation: anything that fails here fails again, and is reported, in a worker.
    """
    import contextlib

    from babel import Locale

    from noticegen.lint.registry import all_rules
    from noticegen.render.environment import available_languages, environment, language
    from noticegen.validate import validate  # noqa: F401  (imports the models)

    user_dir = job.templates.resolve() if job.templates is not None else None
    with contextlib.suppress(Exception):
        all_rules()
        for code in job.langs or available_languages(user_dir):
            env = environment(code, user_dir)
            for name in env.list_templates(extensions=["html"]):
                env.get_template(name)
            Locale.parse(language(code, user_dir).locale).territories  # noqa: B018


def _build_chunk(items: list[tuple[int, str]], job: _Job) -> dict[int, _Built]:
    """In a worker: check and render some notices."""
    from noticegen.errors import NoticegenError
    from noticegen.pipeline import Checked, check_file

    user_dir = job.templates.resolve() if job.templates is not None else None
    out: dict[int, _Built] = {}
    for index, path in items:
        try:
            result = check_file(path)
        except NoticegenError as exc:
            out[index] = _Built(Checked(path), check_error=(type(exc), exc.message, exc.hint))
            continue
        lean = Checked(result.path, result.diagnostics, strict=result.strict)
        built = _Built(lean, tuple(result.resolved.languages) if result.resolved else ())
        if not (result.errors or ((job.strict or result.strict) and result.warnings)):
            try:
                built.files = _render_one(result, langs=job.langs, formats=job.formats,
                                          user_dir=user_dir, heading_level=job.heading_level)
            except NoticegenError as exc:
                built.render_error = (type(exc), exc.message, exc.hint)
        out[index] = built
    return out


@contextmanager
def _counter(total: int, show: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar advanced by hand (notices finish out of order in workers)."""
    if not show:
        yield lambda n: None
        return
    with typer.progressbar(length=total, label="Building", file=sys.stderr) as bar:
        yield bar.update


def _want_progress(count: int) -> bool:
    from noticegen.cli import State

    return count >= _PROGRESS_MIN_FILES and not State.quiet and sys.stderr.isatty()


def _progress(items: list[T], show: bool) -> Iterable[T]:
    if not show:
        yield from items
        return
    # typer's own progressbar: plain `click` is not a dependency of typer any more
    with typer.progressbar(items, label="Building", file=sys.stderr) as bar:
        yield from bar


__all__ = ["ALL_FORMATS", "build", "register"]
