"""The command line: thin commands over the pipeline; user errors become messages and exit codes."""

import os
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from noticegen import __version__
from noticegen.commands import message_language_option
from noticegen.console import State
from noticegen.errors import NoticegenError
from noticegen.interrupts import guarded, install
from noticegen.l10n import N_
from noticegen.usage import Abort, ClickException, Group, localize_commands, localized

GLOBAL_FLAGS = ("--quiet", "-q", "--verbose", "-v", "--no-color")
"""Options of every command, accepted after the command's name too (`noticegen build -q`)."""
GLOBAL_VALUED = ("--lang",)
"""Likewise, for the commands that have no option of that name of their own."""


def _hoisted(group: TyperGroup, ctx: Any, args: list[str]) -> list[str]:
    """The arguments with the global options that follow the command's name moved in front
    of it, where the group parses them. A command's own option of the same name keeps it
    (`build --lang fi` chooses the languages to build), so do option values (`--out -q` is a
    folder) and everything after `--`."""
    i = 0
    while i < len(args) and args[i].startswith("-"):  # the group's own options
        i += 2 if args[i] in GLOBAL_VALUED else 1
    if i >= len(args):
        return args
    command = group.get_command(ctx, args[i])
    if command is None:
        return args
    own: dict[str, bool] = {}  # option name -> takes a value
    for param in command.params:
        if getattr(param, "param_type_name", "") == "option":  # (typer vendors click)
            for name in (*param.opts, *param.secondary_opts):
                own[name] = not getattr(param, "is_flag", False) and not getattr(param, "count", False)
    front, rest = args[: i + 1], []
    tail = args[i + 1:]
    j = 0
    while j < len(tail):
        arg = tail[j]
        name = arg.split("=", 1)[0]
        if arg == "--":
            rest.extend(tail[j:])
            break
        if arg in GLOBAL_FLAGS and arg not in own:
            front.insert(i, arg)
            i += 1
        elif len(arg) > 2 and arg[1] != "-" and _global_short(arg[:2], own):
            # combined short flags (`-qv`, `-qj2`): the global ones in front move ahead, the
            # rest stays the command's own, as if written apart
            k = 1
            while k < len(arg) and _global_short(f"-{arg[k]}", own):
                front.insert(i, f"-{arg[k]}")
                i += 1
                k += 1
            if k < len(arg):
                tail[j] = f"-{arg[k:]}"
                continue
        elif name in GLOBAL_VALUED and name not in own:
            taken = [arg] if "=" in arg else tail[j: j + 2]
            front[i:i] = taken
            i += len(taken)
            j += len(taken)
            continue
        else:
            rest.append(arg)
            if own.get(arg):  # its value follows: keep it with the option
                rest.extend(tail[j + 1: j + 2])
                j += 1
        j += 1
    return front + rest


def _global_short(flag: str, own: dict[str, bool]) -> bool:
    """``-q`` or ``-v`` meaning the global option (not an option of the command's own)."""
    return len(flag) == 2 and flag in GLOBAL_FLAGS and flag not in own


class _Group(Group):
    """Turns user errors raised anywhere in a command into a message and an exit code, and
    Ctrl-C into ``noticegen: interrupted`` and exit 130 (typer exits without a word); the
    library's usage errors and help pages are in the user's language (noticegen.usage)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """One run; the message language it was given (``--lang``) ends with it, so that a run
        in the same process (tests, a program that calls noticegen) does not inherit it."""
        from noticegen import config

        try:
            return super().main(*args, **kwargs)
        finally:
            config.MESSAGE_LANG = config.COMMAND_LANG = None

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # typer builds a Pydantic validator per option here (it imports Pydantic: tens of ms),
        # and would end a Ctrl-C in that time with a silent exit 130
        args = _hoisted(self, ctx, args)
        _early_language(self, ctx, args)
        try:
            return guarded(lambda: super(_Group, self).parse_args(ctx, args))
        except ClickException as exc:
            raise localized(exc) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return guarded(lambda: super(_Group, self).invoke(ctx))
        except NoticegenError as exc:
            raise fail(exc) from None
        except ClickException as exc:
            raise localized(exc) from None
        except Abort:  # a question's answer never came (the input ended): click's "Aborted!"
            from noticegen.l10n import tr

            typer.echo(err=True)  # (after the question, on a line of its own)
            typer.echo(tr(_language(), "Aborted!"), err=True)
            raise typer.Exit(1) from None


def _early_language(group: TyperGroup, ctx: Any, args: list[str]) -> None:
    """``--lang`` as the message language before any option is taken: ``--help`` is taken
    first (it is eager), and a usage error may stop the parsing before ``--lang``'s own
    callback runs. The global one (in front of the command's name, where ``_hoisted`` put it),
    then a command's own message ``--lang`` (check, rules, explain), which wins. A value that is
    not a message language is left to the callback, which reports it."""
    from noticegen import config
    from noticegen.commands import message_language_option
    from noticegen.l10n import message_languages

    config.MESSAGE_LANG = config.COMMAND_LANG = None  # a new run (tests run many in a process)
    i, command = 0, None
    while i < len(args):
        arg = args[i]
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else \
            args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        if arg == "--" or (command is None and not arg.startswith("-")):
            if arg == "--" or command is not None:
                return
            found = group.get_command(ctx, arg)
            params = getattr(found, "params", ())
            if not any(getattr(getattr(p, "callback", None), "__wrapped__", None)
                       is message_language_option  # (typer wraps a callback)
                       and "--lang" in getattr(p, "opts", ()) for p in params):
                return  # its --lang, if any, is not the messages' (build: the notice's)
            command = arg
        elif value in message_languages() and command is None:
            config.MESSAGE_LANG = value
        elif value in message_languages():
            config.COMMAND_LANG = value
        i += 2 if value is not None and not arg.startswith("--lang=") else 1


app = typer.Typer(
    name="noticegen",
    cls=_Group,
    help=N_("Compile privacy notices (tietosuojaseloste) from one YAML description: check them "
            "against the GDPR and build HTML, Markdown and text in Finnish, Swedish and English."),
    # TRANSLATORS: FILE is the metavar of `check` and `build`, as their help shows it.
    epilog=N_("Start with `noticegen init`, then `noticegen check FILE` and `noticegen build "
              "FILE`. Guides: docs/getting-started.fi.md (suomeksi) and docs/getting-started.md."),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def fail(exc: NoticegenError) -> typer.Exit:
    """Print a user error without a traceback and return the Exit to raise."""
    from noticegen.l10n import tr

    lang = _language()
    typer.echo(f"noticegen: {tr(lang, 'error')}: {exc.message}", err=True)
    if exc.hint:
        typer.echo(f"    {tr(lang, 'fix:')} {exc.hint}", err=True)
    return typer.Exit(exc.exit_code)


def _language() -> str:
    """The message language where no notice is at hand: the same rule as every message (the
    project setting of the current folder included); English when the setting that would
    choose it is itself the error being reported (NOTICEGEN_LANG=xx)."""
    from noticegen.config import words

    return words()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"noticegen {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help=N_("Show the version and exit."))] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=N_("Print only problems."))] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                          help=N_("Print more detail."))] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help=N_(
        "No colours, also at a terminal (as NO_COLOR=1 does)."))] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", help=N_("Language of the messages: fi, sv or en (a command's own --lang "
                          "wins)."), callback=message_language_option, show_default=False)] = None,
) -> None:
    """Compile privacy notices from YAML.

    --quiet, --verbose, --no-color and --lang may also follow the command's name
    (`noticegen build -q notice.yaml`), except where the command has an option of that name.
    """
    from noticegen import config

    State.quiet = quiet
    State.verbose = verbose
    State.no_color = no_color
    config.MESSAGE_LANG = lang


def _register_commands() -> None:
    import importlib

    from noticegen.commands import COMMAND_MODULES

    for name in COMMAND_MODULES:
        importlib.import_module(f"noticegen.commands.{name}").register(app)


_register_commands()
localize_commands(app)


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
