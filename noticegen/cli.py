"""The command line: thin commands over the pipeline; user errors become messages and exit codes."""

import os
import sys
from collections.abc import Sequence
from enum import Enum
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from noticegen import __version__
from noticegen.errors import NoticegenError
from noticegen.interrupts import guarded, install

EXAMPLES_CHECK = """
Examples:

  noticegen check examples/qualitydesk.yaml

  noticegen check --format json notices/*.yaml > report.json

  cat notice.yaml | noticegen check -
"""

class _Group(TyperGroup):
    """Turns user errors raised anywhere in a command into a message and an exit code, and
    Ctrl-C into ``noticegen: interrupted`` and exit 130 (typer exits without a word)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # typer builds a Pydantic validator per option here (it imports Pydantic: tens of ms),
        # and would end a Ctrl-C in that time with a silent exit 130
        return guarded(lambda: super(_Group, self).parse_args(ctx, args))

    def invoke(self, ctx: Any) -> Any:
        try:
            return guarded(lambda: super(_Group, self).invoke(ctx))
        except NoticegenError as exc:
            raise fail(exc) from None


app = typer.Typer(
    name="noticegen",
    cls=_Group,
    help="Compile privacy notices (tietosuojaseloste) from one YAML description: check them "
    "against the GDPR and build HTML, Markdown and text in Finnish and English.",
    epilog="Start with `noticegen init`, then `noticegen check FILE` and `noticegen build FILE`. "
    "Guides: docs/getting-started.fi.md (suomeksi) and docs/getting-started.md.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    """Options shared by every command."""

    quiet = False
    verbose = False


def say(message: str) -> None:
    """A progress or summary line for people, on stderr; silent with --quiet."""
    if not State.quiet:
        typer.echo(message, err=True)


def fail(exc: NoticegenError) -> typer.Exit:
    """Print a user error without a traceback and return the Exit to raise."""
    typer.echo(f"noticegen: error: {exc.message}", err=True)
    if exc.hint:
        typer.echo(f"    fix: {exc.hint}", err=True)
    return typer.Exit(exc.exit_code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"noticegen {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print more detail.")] = False,
) -> None:
    """Compile privacy notices from YAML."""
    State.quiet = quiet
    State.verbose = verbose


class MessageLanguage(str, Enum):
    fi = "fi"
    en = "en"


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


CHECK_IN_WORKERS_FROM = 16
"""Files from which `check` uses workers by default: checking a typical notice takes about
12 ms, and below this starting the workers gains little (benchmarks/README.md)."""


_STDIN_TWICE = {
    "en": ("'-' (standard input) can be given only once",
           "Standard input can be read once; save the other notice to a file."),
    "fi": ("'-' (vakiosyöte) voi olla vain kerran",
           "Vakiosyötteen voi lukea vain kerran; tallenna toinen seloste tiedostoon."),
}


def stdin_once(files: Sequence[str], lang: str | None = None) -> None:
    """A usage error when ``-`` is given more than once: the second read finds it empty."""
    if files.count("-") > 1:
        from noticegen.errors import UsageError
        from noticegen.lint.lang import message_language

        message, hint = _STDIN_TWICE.get(message_language(lang), _STDIN_TWICE["en"])
        raise UsageError(message, hint=hint)


@app.command(epilog=EXAMPLES_CHECK)
def check(
    files: Annotated[list[str], typer.Argument(help="Notice YAML files; '-' reads standard input.",
                                               metavar="FILE")],
    format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f", help="Output: text, json, github or sarif (default: github inside "
        "GitHub Actions, else text).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
    lang: Annotated[MessageLanguage | None, typer.Option(
        "--lang", help="Language of the rule messages: fi or en (default: the project "
        "setting, else the locale, else en). Messages about the YAML itself (NG0xx) are mostly "
        "in English.", show_default=False)] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="Files checked at once, each worker a process of its own "
        f"(default: the number of CPU cores for {CHECK_IN_WORKERS_FROM} files or more, else "
        "1). The output is the same for any number; 1 checks in this process.",
        show_default=False)] = None,
) -> None:
    """Validate notices: exit 0 when valid, 1 when a notice has errors, 2 on a usage error.

    Project settings (strict, disable, lang) are read from noticegen.toml or the
    [tool.noticegen] table of pyproject.toml in the notice's folder or above it.
    """
    from noticegen.pipeline import check_files
    from noticegen.progress import wanted
    from noticegen.reporters import default_format, report

    fmt = (format.value if format else None) or default_format()
    code, progress = (lang.value if lang else None), wanted(len(files))
    stdin_once(files, code)
    if jobs == 1 or (jobs is None and len(files) < CHECK_IN_WORKERS_FROM):
        results = list(check_files(files, lang=code, progress=progress))
    else:  # (noticegen.batch is not imported for a few files)
        from noticegen.batch import checked, worker_count

        results = list(checked(files, worker_count(jobs, files), code, progress))
    diags = [d for r in results for d in r.diagnostics]
    report(diags, fmt)
    failed = [r for r in results if r.fails(strict)]
    if fmt == "text":
        for r in results:
            for line in [*r.notes, *(r.defaults if State.verbose else [])]:
                say(f"{r.path}: note: {line}")
        errors = sum(len(r.errors) for r in results)
        warnings = sum(len(r.warnings) for r in results)
        if failed:
            say(f"{len(failed)} of {len(results)} file(s) failed: {errors} error(s), "
                f"{warnings} warning(s).")
        elif State.verbose or not State.quiet:
            say(f"{len(results)} file(s) checked: no errors, {warnings} warning(s).")
    raise typer.Exit(1 if failed else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the notice YAML (for editors and other tools)."""
    from noticegen.schema import schema_text

    sys.stdout.write(schema_text())


def _register_commands() -> None:
    import importlib

    from noticegen.commands import COMMAND_MODULES

    for name in COMMAND_MODULES:
        importlib.import_module(f"noticegen.commands.{name}").register(app)


_register_commands()


GC_THRESHOLD = (20_000, 50, 100)
"""Collect young objects every 20,000 allocations instead of 700. A command builds large trees
that live until it exits (YAML nodes, models, HTML), and the default collector kept traversing
them: about 40% of `check` on a notice with 2,000 cookies (benchmarks/README.md)."""


def main() -> None:
    """Console-script entry point."""
    import gc

    gc.set_threshold(*GC_THRESHOLD)
    # Pydantic looks for plugins (observability hooks) in the metadata of every installed
    # distribution before it builds the first model: 20-60 ms, for hooks a command-line run
    # has no use for. Setting the variable yourself (e.g. to a list of plugin names) wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    install()  # SIGTERM unwinds the run like Ctrl-C
    try:
        guarded(app)
    except NoticegenError as exc:
        raise SystemExit(fail(exc).exit_code) from None
