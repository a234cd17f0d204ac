"""Many notices checked and rendered, in this process or in worker processes, in file order.

`noticegen build` takes the notices from ``notices`` one at a time and stages each one's
files before it takes the next; `noticegen check` takes them from ``checked``. Workers are
forked where the platform allows it and start with the models and rules (and for a build the
templates and locale data) already loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

from noticegen.progress import bar

if TYPE_CHECKING:
    from noticegen.diagnostics import Diagnostic
    from noticegen.errors import NoticegenError
    from noticegen.pipeline import Checked


@dataclass(frozen=True)
class Done:
    """What `build` says about one notice once its files are in place."""

    folder: Path
    names: list[str]
    """The files built, relative to ``folder``."""
    changed: int
    languages: tuple[str, ...]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fresh: bool = False
    """Already built as it would be now: skipped."""
    base: str | None = None
    """What it was built from besides its input (see noticegen.uptodate); None: not
    recorded."""
    source: str = ""
    """The SHA-256 of the input it was built from."""
    reason: str = ""
    """Why it was built and not skipped (shown with --verbose)."""
    digests: dict[str, str] = field(default_factory=dict)
    """Each built file's name and the hash of its content, for the record."""


def notices(files: list[str], workers: int, job: Job, progress: bool) -> Generator[Built]:
    """Every notice checked, in the order of ``files``: by ``workers`` processes (which render
    it too), or here, where it is rendered only when asked (so not after a failed notice)."""
    from noticegen.pipeline import check_file

    if workers > 1:
        yield from _in_workers(files, workers, _build_chunk, job, "Building", progress,
                               warm=lambda: _warm_build(job))
        return
    with bar(len(files), "Building", progress) as advance:
        for path in files:
            result = check_file(path)
            try:
                yield Built(result, _languages(result))
            finally:  # the caller is done with it: it asks for the next one, or closes us
                advance(1)


def checked(files: list[str], workers: int, lang: str | None,
            progress: bool) -> Generator[Checked]:
    """Every notice checked, in the order of ``files``, by ``workers`` processes or here;
    ``lang`` is the language of the messages. A user error that stops a check (a broken
    settings file) is raised when its file's turn comes, as in sequence."""
    from noticegen.pipeline import check_files

    if workers == 1:
        yield from check_files(files, lang=lang, progress=progress)
        return
    for built in _in_workers(files, workers, _check_chunk, lang, "Checking", progress,
                             warm=_warm_check):
        yield built.checked


def render_one(result: Checked, *, langs: list[str], formats: list[str], user_dir: Path | None,
               heading_level: int, processes: int = 1, id_prefix: str = "ng-",
               ) -> dict[str, bytes]:
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
                            id_prefix=id_prefix, languages=tuple(chosen))
    if worth_splitting(resolved, chosen, processes):
        return render_apart(resolved, languages=chosen, formats=formats, options=options,
                            processes=processes)
    return render_all(resolved, languages=chosen, formats=formats, options=options)


@dataclass(frozen=True)
class Job:
    """What every notice of one `build` is built with (sent to each worker)."""

    langs: list[str]
    formats: list[str]
    templates: Path | None
    heading_level: int
    strict: bool
    processes: int = 1
    """Processes one notice's languages may be rendered in (when no workers build notices)."""
    id_prefix: str = "ng-"
    """Prefix of every id, as `--id-prefix`."""

    @property
    def user_dir(self) -> Path | None:
        return self.resolve(self.templates)

    @staticmethod
    def resolve(templates: Path | None) -> Path | None:
        """The --templates folder as an absolute path."""
        return templates.resolve() if templates is not None else None


@dataclass
class Built:
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

    def rendered(self, job: Job) -> dict[str, bytes]:
        """The notice's files: rendered in a worker already, or now."""
        if self.render_error is not None:
            _raise(self.render_error)
        if self.files is not None:
            return self.files
        return render_one(self.checked, langs=job.langs, formats=job.formats,
                          user_dir=job.user_dir, heading_level=job.heading_level,
                          processes=job.processes, id_prefix=job.id_prefix)


def _languages(result: Checked) -> tuple[str, ...]:
    """The languages a checked notice is written in (none when it did not resolve)."""
    return tuple(result.resolved.languages) if result.resolved else ()


def _raise(error: tuple[type[NoticegenError], str, str]) -> NoReturn:
    kind, message, hint = error
    raise kind(message, hint=hint)


def worker_count(jobs: int | None, files: Sequence[str]) -> int:
    """How many worker processes: --jobs (default: the CPU cores), never more than notices.
    Standard input can be read once only, so `-` builds in this process."""
    if "-" in files:
        return 1
    return max(1, min(cores(jobs), len(files)))


def cores(jobs: int | None) -> int:
    """--jobs, or by default the number of CPU cores."""
    import os

    return jobs or os.cpu_count() or 1


T = TypeVar("T")


def _in_workers(files: list[str], workers: int,
                work: Callable[[list[tuple[int, str]], T], dict[int, Built]], arg: T,
                label: str, progress: bool, *, warm: Callable[[], None]) -> Generator[Built]:
    """``work(chunk, arg)`` on every file in ``workers`` processes; results in the order of
    ``files``, each as soon as it and those before it are done.

    Each worker takes chunks of notices and keeps its caches (and for a build its Jinja
    environments and compiled templates) from one notice to the next. Workers are forked where
    the platform allows it, so they start with what ``warm`` has loaded here.
    """
    import multiprocessing
    from concurrent.futures import as_completed

    from noticegen.processes import pool as worker_pool
    from noticegen.render.apart import can_fork

    fork = can_fork()
    context = multiprocessing.get_context("fork" if fork else None)
    if fork:
        warm()
    size = max(1, min(16, -(-len(files) // (workers * 4))))  # ceil: about 4 chunks per worker
    chunks = [list(range(i, min(i + size, len(files)))) for i in range(0, len(files), size)]
    done: dict[int, Built] = {}  # finished out of order, waiting for those before them
    following = 0
    # stopped early (an error, Ctrl-C, the caller gives up): the pool stops its workers
    with worker_pool(workers, context) as pool, bar(len(files), label, progress) as advance:
        futures = {pool.submit(work, [(i, files[i]) for i in chunk], arg) for chunk in chunks}
        for future in as_completed(futures):
            futures.discard(future)  # a done future holds its files: let them go
            finished = future.result()
            done.update(finished)
            advance(len(finished))
            while following in done:
                built = done.pop(following)
                following += 1
                if built.check_error is not None:  # stops the command, as in sequence
                    _raise(built.check_error)
                yield built


def _warm_check() -> None:
    """Before forking: load the models and rules once, so that workers start with them
    instead of each loading them again. (No Jinja, Babel or markdown-it: `check` never needs
    them.) Only an optimisation: anything that fails here fails again, and is reported, in a
    worker."""
    import contextlib

    from noticegen.lint.registry import all_rules
    from noticegen.validate import validate  # noqa: F401  (imports the models)

    with contextlib.suppress(Exception):
        all_rules()


def _warm_build(job: Job) -> None:
    """Before forking: what `check` workers load, and the templates and locale data."""
    import contextlib

    from babel import Locale

    from noticegen.render.environment import available_languages, environment, language

    _warm_check()
    user_dir = job.user_dir
    with contextlib.suppress(Exception):
        for code in job.langs or available_languages(user_dir):
            env = environment(code, user_dir)
            for name in env.list_templates(extensions=["html"]):
                env.get_template(name)
            Locale.parse(language(code, user_dir).locale).territories  # noqa: B018


def _check_in_worker(path: str, lang: str | None) -> tuple[Checked | None, Built]:
    """In a worker: check one notice. Returns the whole result (None after a user error that
    stops the command) and what travels back: the result without its models."""
    from noticegen.errors import NoticegenError
    from noticegen.pipeline import Checked, check_file

    try:
        result = check_file(path, lang=lang)
    except NoticegenError as exc:
        return None, Built(Checked(path), check_error=(type(exc), exc.message, exc.hint))
    return result, Built(result.without_models(), _languages(result))


def _check_chunk(items: list[tuple[int, str]], lang: str | None) -> dict[int, Built]:
    """In a worker: check some notices."""
    return {index: _check_in_worker(path, lang)[1] for index, path in items}


def _build_chunk(items: list[tuple[int, str]], job: Job) -> dict[int, Built]:
    """In a worker: check and render some notices."""
    from noticegen.errors import NoticegenError

    out: dict[int, Built] = {}
    for index, path in items:
        result, built = _check_in_worker(path, None)
        if result is not None and not result.fails(job.strict):
            try:
                built.files = render_one(result, langs=job.langs, formats=job.formats,
                                         user_dir=job.user_dir, heading_level=job.heading_level,
                                         id_prefix=job.id_prefix)
            except NoticegenError as exc:
                built.render_error = (type(exc), exc.message, exc.hint)
        out[index] = built
    return out


__all__ = ["Built", "Done", "Job", "checked", "cores", "notices", "render_one", "worker_count"]
