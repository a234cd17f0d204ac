"""Many notices checked and rendered, in this process or in worker processes, in file order.

`noticegen build` takes the notices from ``notices`` one at a time and stages each one's
files before it takes the next; `noticegen check` takes them from ``checked``. Workers are
forked where the platform allows it and start with the models and rules (and for a build the
templates and locale data) already loaded.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from noticegen import defaults
from noticegen.config import words
from noticegen.errors import NoticegenError, UsageError
from noticegen.l10n import N_, tr
from noticegen.progress import bar

if TYPE_CHECKING:
    from noticegen.pipeline import Checked
    from noticegen.render import RenderOptions
    from noticegen.resolve import ResolvedNotice
# What is imported inside functions here is what a rebuild of notices that are all up to date
# never uses (it loads this module for Job, and plans): pipeline (the YAML loader, the models),
# processes (multiprocessing, socket), the renderer (Jinja, Babel, markdown-it) and the rules
# that warm the workers. Imported here, a rebuild of 40 up-to-date notices took 1.61 s of CPU
# instead of 1.47 s (A/B on a loaded machine); tests/test_uptodate.py pins what it loads.


@dataclass(frozen=True)
class Job:
    """How every notice of one `build` is built: its options, and nothing else.

    The up-to-date key covers the whole of it (``dataclasses.astuple``, noticegen/builder/uptodate.py),
    so an option added here can never be left out of the key and let a build skip a notice
    built with another value (tests/test_uptodate.py::test_every_field_of_the_job_is_in_the_key).
    How the work is spread over processes changes no byte, so it is not an option here.
    """

    langs: tuple[str, ...] = ()
    """Languages to build; none: every language the notice declares."""
    formats: tuple[str, ...] = ()
    """Formats to build; none: those the notice calls for (``render.chosen_formats``)."""
    templates: Path | None = None
    """The --templates folder, absolute."""
    heading_level: int = defaults.HEADING_LEVEL
    strict: bool = False
    id_prefix: str = defaults.ID_PREFIX
    """Prefix of every id, as `--id-prefix`."""

    def render(self, result: Checked, processes: int = 1) -> dict[str, bytes]:
        """A checked notice's files, in memory: the one way a notice is built, by the
        sequential build, the workers and `preview` alike. A large notice's languages are
        rendered in up to ``processes`` processes at once (noticegen/render/apart.py)."""
        from noticegen.render import render_all
        from noticegen.render.apart import render_apart, worth_splitting

        resolved, chosen, options = self._prepared(result)
        if worth_splitting(resolved, chosen, processes):
            return render_apart(resolved, languages=chosen, formats=self.formats,
                                options=options, processes=processes)
        return render_all(resolved, languages=chosen, formats=self.formats, options=options)

    def render_each(self, result: Checked) -> Iterator[tuple[str, dict[str, bytes]]]:
        """The files of :meth:`render` as they are made, the first language's page first
        (``render.render_each``): `preview` serves it before the rest is made."""
        from noticegen.render import render_each

        resolved, chosen, options = self._prepared(result)
        return render_each(resolved, languages=chosen, formats=self.formats, options=options)

    def _prepared(self, result: Checked) -> tuple[ResolvedNotice, list[str], RenderOptions]:
        """The notice, its languages to build (a language it lacks is a usage error) and the
        options of its rendering."""
        from noticegen.render import RenderOptions
        from noticegen.render.environment import language

        resolved = result.resolved
        assert resolved is not None  # no errors, so it resolved
        chosen = list(self.langs) or list(resolved.languages)
        missing = [code for code in chosen if code not in resolved.languages]
        if missing:
            lang = words(result.path)
            raise UsageError(
                tr(lang, "{file} is not written in {missing} (its languages: {languages})",
                   file=result.path, missing=", ".join(missing),
                   languages=", ".join(resolved.languages)),
                hint=tr(lang, "add the language to notice.languages and its texts, or drop it "
                        "from --lang"))
        for code in chosen:
            language(code, self.templates)  # a language without templates is a usage error
        options = RenderOptions(heading_level=self.heading_level, templates_dir=self.templates,
                                id_prefix=self.id_prefix, languages=tuple(chosen))
        return resolved, chosen, options


@dataclass
class CheckedNotice:
    """One notice checked, and rendered already if a worker built it.

    From a worker: the check's result without its models, and the notice's files; checked in
    this process: the whole result, rendered when ``files`` is asked (so not after a notice
    that failed). A user error is raised where a build without workers raises it: one that
    stopped the check (a broken settings file) when its file's turn comes, one that stopped the
    rendering (a language the notice lacks) when its files are asked for.
    """

    checked: Checked
    languages: tuple[str, ...] = ()
    rendered: dict[str, bytes] | None = None
    check_error: NoticegenError | None = None
    render_error: NoticegenError | None = None

    def files(self, job: Job, processes: int = 1) -> dict[str, bytes]:
        """The notice's files: rendered in a worker already, or now."""
        if self.render_error is not None:
            raise self.render_error
        if self.rendered is not None:
            return self.rendered
        return job.render(self.checked, processes)


def notices(files: list[str], workers: int, job: Job, progress: bool) -> Generator[CheckedNotice]:
    """Every notice checked, in the order of ``files``: by ``workers`` processes (which render
    it too), or here."""
    from noticegen.pipeline import check_file

    if workers > 1:
        yield from _in_workers(files, workers, _build_chunk, job, N_("Building"), progress,
                               warm=lambda: _warm_build(job))
        return
    with bar(len(files), N_("Building"), progress) as advance:
        for path in files:
            result = check_file(path)
            try:
                yield CheckedNotice(result, _languages(result))
            finally:  # the caller is done with it: it asks for the next one, or closes us
                advance(1)


def checked(files: list[str], workers: int, lang: str | None,
            progress: bool) -> Generator[Checked]:
    """Every notice checked, in the order of ``files``, by ``workers`` processes or here;
    ``lang`` is the language of the messages. A user error that stops a check (a broken
    settings file) is raised when its file's turn comes, as in sequence."""
    if workers == 1:
        from noticegen.pipeline import check_files

        yield from check_files(files, lang=lang, progress=progress)
        return
    for notice in _in_workers(files, workers, _check_chunk, lang, N_("Checking"), progress,
                              warm=_warm_check, lang=lang):
        yield notice.checked


def _languages(result: Checked) -> tuple[str, ...]:
    """The languages a checked notice is written in (none when it did not resolve)."""
    return tuple(result.resolved.languages) if result.resolved else ()


def worker_count(jobs: int | None, files: Sequence[str]) -> int:
    """How many worker processes: --jobs (default: the CPU cores), never more than notices.
    Standard input can be read once only, so `-` builds in this process."""
    if "-" in files:
        return 1
    return max(1, min(cores(jobs), len(files)))


def cores(jobs: int | None) -> int:
    """--jobs, or by default the number of CPU cores."""
    return jobs or os.cpu_count() or 1


T = TypeVar("T")
Chunk = list[tuple[int, str]]
"""Some notice files, each with its place in the command's list."""


def _in_workers(files: list[str], workers: int,
                work: Callable[[Chunk, T], dict[int, CheckedNotice]], arg: T,
                label: str, progress: bool, *, warm: Callable[[], None],
                lang: str | None = None) -> Generator[CheckedNotice]:
    """``work(chunk, arg)`` on every file in ``workers`` processes; results in the order of
    ``files``, each as soon as it and those before it are done; ``label`` names the work on
    the progress bar, in ``lang`` (by default the language of the messages).

    Each worker takes chunks of notices and keeps its caches (and for a build its Jinja
    environments and compiled templates) from one notice to the next. Workers are forked where
    the platform allows it, so they start with what ``warm`` has loaded here.
    """
    import multiprocessing

    from noticegen.builder.processes import Pool, can_fork

    fork = can_fork()
    context = multiprocessing.get_context("fork" if fork else None)
    if fork:
        warm()
    size = max(1, min(16, -(-len(files) // (workers * 4))))  # ceil: about 4 chunks per worker
    chunks = [[(i, files[i]) for i in range(start, min(start + size, len(files)))]
              for start in range(0, len(files), size)]
    done: dict[int, CheckedNotice] = {}  # finished out of order, waiting for those before them
    following = 0
    # stopped early (an error, Ctrl-C, the caller gives up): the pool stops its workers
    with Pool(workers, context) as pool, bar(len(files), label, progress, lang) as advance:
        for finished in pool.each(work, [(chunk, arg) for chunk in chunks]):
            done.update(finished)
            advance(len(finished))
            while following in done:
                notice = done.pop(following)
                following += 1
                if notice.check_error is not None:  # stops the command, as in sequence
                    raise notice.check_error
                yield notice


def _warm_check() -> None:
    """Before forking: load the models and rules once, so that workers start with them
    instead of each loading them again. (No Jinja, Babel or markdown-it: `check` never needs
    them.) Only an optimisation: anything that fails here fails again, and is reported, in a
    worker."""
    from noticegen.lint.registry import all_rules
    from noticegen.validate import validate  # noqa: F401  (imports the models)

    with contextlib.suppress(Exception):
        all_rules()


def _warm_build(job: Job) -> None:
    """Before forking: what `check` workers load, and the templates and locale data."""
    from babel import Locale

    from noticegen.render.environment import available_languages, environment, language

    _warm_check()
    with contextlib.suppress(Exception):
        for code in job.langs or available_languages(job.templates):
            env = environment(code, job.templates)
            for name in env.list_templates(extensions=["html"]):
                env.get_template(name)
            Locale.parse(language(code, job.templates).locale).territories  # noqa: B018


def _check_in_worker(path: str, lang: str | None) -> tuple[Checked | None, CheckedNotice]:
    """In a worker: check one notice. Returns the whole result (None after a user error that
    stops the command) and what travels back: the result without its models."""
    from noticegen.pipeline import Checked, check_file

    try:
        result = check_file(path, lang=lang)
    except NoticegenError as exc:
        return None, CheckedNotice(Checked(path), check_error=exc)
    return result, CheckedNotice(result.without_models(), _languages(result))


def _check_chunk(chunk: Chunk, lang: str | None) -> dict[int, CheckedNotice]:
    """In a worker: check some notices."""
    return {index: _check_in_worker(path, lang)[1] for index, path in chunk}


def _build_chunk(chunk: Chunk, job: Job) -> dict[int, CheckedNotice]:
    """In a worker: check and render some notices."""
    out: dict[int, CheckedNotice] = {}
    for index, path in chunk:
        result, notice = _check_in_worker(path, None)
        if result is not None and not result.fails(job.strict):
            try:
                notice.rendered = job.render(result)
            except NoticegenError as exc:
                notice.render_error = exc
        out[index] = notice
    return out


__all__ = ["CheckedNotice", "Job", "checked", "cores", "notices", "worker_count"]
