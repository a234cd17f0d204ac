"""`noticegen check`: validate notices and report their diagnostics (no file is written).

Imports no rendering library (Jinja, Babel, markdown-it): tests/test_check_jobs.py and the
startup benchmark hold it to the import floor of typer, pydantic and yaml.
"""

from enum import Enum
from typing import Annotated

import typer

from noticegen.commands import FILE, FILES_HELP, message_language_option
from noticegen.l10n import N_
from noticegen.usage import filled

HELP = N_("""Validate notices: exit 0 when valid, 1 when a notice has errors, 2 on a usage error.

Project settings (strict, disable, lang) are read from noticegen.toml or the
[tool.noticegen] table of pyproject.toml in the notice's folder or above it.""")

EXAMPLES = N_("""
Examples:

  noticegen check examples/qualitydesk.yaml

  noticegen check --format json notices/*.yaml > report.json

  cat notice.yaml | noticegen check -
""")


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"


CHECK_IN_WORKERS_FROM = 16
"""Files from which `check` uses workers by default: checking a typical notice takes about
12 ms, and below this starting the workers gains little (benchmarks/README.md)."""


def register(app: typer.Typer) -> None:
    app.command(help=HELP, epilog=EXAMPLES)(check)


def check(
    files: Annotated[list[str], typer.Argument(
        help=FILES_HELP, metavar=FILE)],
    format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f", help=N_("Output: text, json, github, sarif or gitlab (GitLab Code "
                                  "Quality; default: github inside GitHub Actions, else "
                                  "text)."))] = None,
    strict: Annotated[bool, typer.Option("--strict",
                                         help=N_("Warnings fail the check too."))] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", help=N_("Language of the messages: fi, sv or en (default: NOTICEGEN_LANG, "
                          "the project setting, the locale, else en)."),
        callback=message_language_option, show_default=False)] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, metavar="N", help=filled(N_(
            "Files checked at once, each worker a process of its own (default: the number of "
            "CPU cores for {count} files or more, else 1). The output is the same for any "
            "number; 1 checks in this process."), count=CHECK_IN_WORKERS_FROM),
        show_default=False)] = None,
    consent_config: Annotated[str | None, typer.Option(
        "--consent-config", metavar=FILE, help=N_(
            "A consent banner's configuration (the JSON of vanilla-cookieconsent 3.x or Klaro "
            "0.7.x, or YAML) to compare with the notice: its categories and cookies must be "
            "the notice's (rules NG801-NG804). One notice only."),
        show_default=False)] = None,
) -> None:
    """`noticegen check`; its help is HELP."""
    from noticegen.cli import State, exit_code, say, stdin_once
    from noticegen.config import settings_for
    from noticegen.errors import UsageError
    from noticegen.inputs import expand
    from noticegen.l10n import message_language, ntr, tr
    from noticegen.pipeline import check_consent_config, check_file, check_files
    from noticegen.progress import wanted
    from noticegen.report import default_format, report

    files = expand(files)
    fmt = (format.value if format else None) or default_format()
    code, progress = lang, wanted(len(files))
    stdin_once(files, code)
    if consent_config is not None:
        if len(files) != 1:
            words = message_language(code, settings_for(files[0]).lang if files else None)
            raise UsageError(tr(words, "--consent-config compares one notice with one banner"),
                             hint=tr(words, "give one notice file; check the others without it"))
        results = [check_consent_config(check_file(files[0], lang=code), consent_config,
                                        lang=code)]
    elif jobs == 1 or (jobs is None and len(files) < CHECK_IN_WORKERS_FROM):
        results = list(check_files(files, lang=code, progress=progress))
    else:  # (noticegen.builder.batch is not imported for a few files)
        from noticegen.builder.batch import checked, worker_count

        results = list(checked(files, worker_count(jobs, files), code, progress))
    diags = [d for r in results for d in r.diagnostics]
    words = message_language(code, settings_for(files[0]).lang if files else None)
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
    raise typer.Exit(exit_code(diags, failed=bool(failed)))


def _errors(lang: str, count: int) -> str:
    from noticegen.l10n import ntr

    return ntr(lang, "{count} error(s)", "{count} error(s)", count)


def _warnings(lang: str, count: int) -> str:
    from noticegen.l10n import ntr

    return ntr(lang, "{count} warning(s)", "{count} warning(s)", count)
