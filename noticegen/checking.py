"""The work of `noticegen check`: check the files (here, or in workers for many), report their
diagnostics, sum them up and give the exit code.

Imports no rendering library (Jinja, Babel, markdown-it), nor the workers' module for a few
files: tests/test_check_jobs.py and the startup benchmark hold `check` to the import floor of
typer, pydantic and yaml.
"""

from noticegen import pipeline
from noticegen.config import settings_for
from noticegen.console import State, exit_code, say
from noticegen.defaults import CHECK_IN_WORKERS_FROM
from noticegen.errors import UsageError
from noticegen.inputs import expand, stdin_once
from noticegen.l10n import message_language, ntr, tr
from noticegen.progress import wanted
from noticegen.report import default_format, report


def check_and_report(files: list[str], fmt: str | None, *, strict: bool, lang: str | None,
                     jobs: int | None, consent_config: str | None) -> int:
    """Check ``files`` (folders expanded), report in ``fmt`` (None: the default for where it
    runs) and say how it went; returns the exit code. ``lang``: the language of the messages
    (`check --lang`)."""
    files = expand(files)
    fmt = fmt or default_format()
    progress = wanted(len(files))
    stdin_once(files, lang)
    if consent_config is not None:
        if len(files) != 1:
            words = message_language(lang, settings_for(files[0]).lang if files else None)
            raise UsageError(tr(words, "--consent-config compares one notice with one banner"),
                             hint=tr(words, "give one notice file; check the others without it"))
        results = [pipeline.check_consent_config(pipeline.check_file(files[0], lang=lang),
                                                 consent_config, lang=lang)]
    elif jobs == 1 or (jobs is None and len(files) < CHECK_IN_WORKERS_FROM):
        results = list(pipeline.check_files(files, lang=lang, progress=progress))
    else:  # (noticegen.builder.batch, which starts the workers, is not imported for a few files)
        from noticegen.builder.batch import checked, worker_count

        results = list(checked(files, worker_count(jobs, files), lang, progress))
    diags = [d for r in results for d in r.diagnostics]
    words = message_language(lang, settings_for(files[0]).lang if files else None)
    report(diags, fmt, lang=words, notes=[(r.path, kind, line) for r in results
                                          for kind, lines in (("limit", r.notes),
                                                              ("default", r.defaults))
                                          for line in lines])
    failed = [r for r in results if r.fails(strict)]
    if fmt == "text":
        for r in results:
            for line in [*r.notes, *(r.defaults if State.verbose else [])]:
                say(tr(words, "{file}: note: {text}", file=r.path, text=line))
        errors = sum(len(r.errors) for r in results)
        warnings = sum(len(r.warnings) for r in results)
        if failed:
            say(tr(words, "{files}: {errors}, {warnings}.", files=ntr(
                words, "{failed} of {count} file(s) failed", "{failed} of {count} file(s) failed",
                len(results), failed=len(failed)), errors=_errors(words, errors),
                warnings=_warnings(words, warnings)))
        elif State.verbose or not State.quiet:
            say(tr(words, "{files}: no errors, {warnings}.", files=ntr(
                words, "{count} file(s) checked", "{count} file(s) checked", len(results)),
                warnings=_warnings(words, warnings)))
    return exit_code(diags, failed=bool(failed))


def _errors(lang: str, count: int) -> str:
    return ntr(lang, "{count} error(s)", "{count} error(s)", count)


def _warnings(lang: str, count: int) -> str:
    return ntr(lang, "{count} warning(s)", "{count} warning(s)", count)
