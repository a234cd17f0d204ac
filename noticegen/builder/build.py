"""The work of `noticegen build`: plan → check → render → stage, notice by notice → report →
commit → record.

Each notice's files are staged as it is done, so that memory holds one notice's output at a
time, and nothing is moved into place unless every notice checks and renders. Notices already
built as they would be now are skipped (noticegen/builder/uptodate.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from noticegen import defaults
from noticegen.builder import batch, compare, uptodate
from noticegen.builder.summary import summarise
from noticegen.builder.write import Staging, inside, safe_segment
from noticegen.config import settings_for
from noticegen.console import exit_code, say
from noticegen.errors import NoticegenError, UsageError
from noticegen.idprefix import check_id_prefix
from noticegen.inputs import expand, stdin_once
from noticegen.l10n import message_language, ntr, tr
from noticegen.progress import wanted
from noticegen.render import FORMATS
from noticegen.report import default_format, report

if TYPE_CHECKING:
    from noticegen.diagnostics import Diagnostic

DEFAULT_OUT = Path("dist")


def build_notices(files: list[str], *, out: Path | None, lang: Sequence[str] | None,
                  format: Sequence[str] | None, templates: Path | None,
                  heading_level: int | None, id_prefix: str | None, strict: bool, check: bool,
                  jobs: int | None, force: bool) -> None:
    """`noticegen build` with its options as given: each one not given is the project's
    ``[build]`` setting where the command runs (the same for `build` and `--check`), else its
    default."""
    project = settings_for("-").build
    build(expand(files), out=out or project.out or DEFAULT_OUT,
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


def build(files: list[str], *, out: Path, langs: list[str], formats: list[str],
          templates: Path | None, heading_level: int, strict: bool, check: bool = False,
          jobs: int | None = 1, force: bool = False, id_prefix: str = defaults.ID_PREFIX) -> None:
    """Plan, then check → render → stage each notice in turn, then commit (with ``check``:
    compare with OUT instead)."""
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
    job = batch.Job(tuple(langs), tuple(formats), templates.resolve() if templates else None,
              heading_level, strict, id_prefix)
    record = None if check else uptodate.Record.open(out)
    steps = uptodate.plan(files, [out / stem for stem in _stems(files)], job, record=record,
                          force=force)
    stale = [step for step in steps if step.entry is None]
    workers = batch.worker_count(jobs, [step.path for step in stale])
    processes = batch.cores(jobs) if workers == 1 else 1  # cores no worker uses: a large notice's languages
    diagnostics: list[Diagnostic] = []
    failed = 0
    render_error: NoticegenError | None = None
    differ: list[str] = []
    expected: set[Path] = set()  # --check: every file the notices build now
    with Staging() as staging, closing(batch.notices([step.path for step in stale], workers, job,
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
                differ.extend(compare.stale(targets, words))
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
            _say_failed(failed, len(files), errors=any(d.is_error for d in diagnostics),
                        check=check, words=words)
            raise typer.Exit(exit_code(diagnostics, failed=True))
        if render_error is not None:
            raise render_error
        if check:
            differ.extend(compare.left_over(out, expected, words))
            compare.report_stale(differ, sum(len(step.names) for step in steps), words)
            return
        staging.commit()  # commit
    if record is not None:
        for step in steps:
            record.remember(step)
        record.save()
    summarise(steps, langs, words)


def _say_failed(failed: int, count: int, *, errors: bool, check: bool, words: str) -> None:
    """Why nothing was written (or compared): errors, or warnings with --strict."""
    if errors and check:
        say(ntr(words, "{failed} of {count} notice(s) have error(s): nothing was compared.",
                "{failed} of {count} notice(s) have error(s): nothing was compared.",
                count, failed=failed))
    elif errors:
        say(ntr(words, "{failed} of {count} notice(s) have error(s): nothing was written.",
                "{failed} of {count} notice(s) have error(s): nothing was written.",
                count, failed=failed))
    elif check:
        say(ntr(words, "{failed} of {count} notice(s) have warning(s) (--strict): nothing "
                "was compared.", "{failed} of {count} notice(s) have warning(s) "
                "(--strict): nothing was compared.", count, failed=failed))
    else:
        say(ntr(words, "{failed} of {count} notice(s) have warning(s) (--strict): nothing "
                "was written.", "{failed} of {count} notice(s) have warning(s) "
                "(--strict): nothing was written.", count, failed=failed))


def _stems(files: Sequence[str]) -> list[str]:
    """One output folder name per file; two files may not share one."""
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
