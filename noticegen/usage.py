"""Help and usage errors in the user's language: the command-line library's own words (the help
page's frame, "Usage:", "Options", "Show this message and exit.", and the usage errors, "No such
option", "Missing argument", "Invalid value for …", "Try 'noticegen -h' for help.") and the
commands' own texts (each command's help and examples, each option's and argument's help and
metavar).

typer (0.2x) vendors a copy of click whose texts are plain English strings, not gettext
calls, so no catalogue installed for the standard library's ``gettext`` could reach them.
noticegen supplies them itself, from its own catalogues and by the one rule of the message
language (:func:`noticegen.config.words`), at the two places the library lets a program choose:

- every command's context makes help with :class:`Formatter` (``Context.formatter_class``):
  the usage line, the section headings and the library's own option texts pass through it;
- a usage error is raised again as :class:`LocalizedUsageError` (``cli._Group`` does it for
  every command), whose message is made here from the error's kind and parameter, and whose
  ``show`` writes click's layout with our words. The exit code stays 2.

The commands' own texts are written in English in ``noticegen/cli.py`` and
``noticegen/commands/``, marked ``N_("…")`` (a text with a value the code fills in,
``filled(N_("… {count} …"), count=16)``), and typer keeps them as they are; they are translated
where help is shown: :class:`Command` and :class:`Group` translate their help, short help and
examples (:func:`own`), the formatter an option's help and the metavars (``FILE``) of the usage
line and of the option rows.

In English the output is click's, word for word, except where click passed on a validation
library's sentence ("Input should be a valid integer…"): that is a sentence of ours now.
Nothing here reads a catalogue until help or an error is shown (``check``'s start-up is
unchanged).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import DefaultPlaceholder

from noticegen.l10n import N_, tr

try:  # typer 0.2x: its own copy of click
    from typer._click import Context, HelpFormatter
    from typer._click.exceptions import (
        BadOptionUsage,
        BadParameter,
        ClickException,
        MissingParameter,
        NoSuchOption,
        UsageError,
    )
except ImportError:  # pragma: no cover - older typer, on click itself
    from click import Context, HelpFormatter  # type: ignore[assignment]
    from click.exceptions import (  # type: ignore[assignment]
        BadOptionUsage,
        BadParameter,
        ClickException,
        MissingParameter,
        NoSuchOption,
        UsageError,
    )

Abort = typer.Abort
"""What a prompt raises when its answer never comes (the input ended)."""

LIBRARY_TEXTS = {text: text for text in (
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("Options"), N_("Arguments"), N_("Commands"),
    N_("[OPTIONS]"), N_("COMMAND [ARGS]..."),
)}
"""The library's fixed texts, as it writes them: help texts, section headings, the
placeholders of the usage line. Each is a message of the catalogue."""

LIBRARY_TYPES = {text: text for text in (
    N_("<str>"), N_("<int>"), N_("<int range>"), N_("<file>"), N_("<dir>"), N_("<list[str]>"),
)}
"""How the library names the type of an argument's or option's value in the help (``FILE
<list[str]>``, ``--out <dir>``), where the command gives no metavar of its own."""

_FILLED: dict[str, tuple[str, dict[str, object]]] = {}


def filled(message: str, /, **values: object) -> str:
    """A command's help text with values the code fills in (a default, the list of formats):
    the English text, as typer shows it; help in another language translates ``message`` and
    fills in the same values (:func:`own`)."""
    text = message.format(**values)
    _FILLED[text] = (message, values)
    return text


def own(lang: str, text: str) -> str:
    """A command's own text (its help, its examples, an option's help or metavar) in ``lang``:
    the message of the catalogue it was written as (``N_`` or :func:`filled`); a text that is
    none, as it is."""
    if not text:
        return text  # (gettext's "" is the catalogue's header)
    found = _FILLED.get(text)
    if found is not None:
        return tr(lang, found[0], **found[1])
    return tr(lang, text)


_EXTRAS = r"\[(required|default: (?P<default>[^\]]*))\]$"


def _lang() -> str:
    from noticegen.config import words

    return words()


class Formatter(HelpFormatter):
    """click's help formatter in the user's language: the library's words, the options' help
    texts, and the metavars of the command whose help it writes (``metavars``)."""

    metavars: tuple[str, ...] = ()

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        lang = _lang()
        for text in (LIBRARY_TEXTS["[OPTIONS]"], LIBRARY_TEXTS["COMMAND [ARGS]..."]):
            args = args.replace(text, tr(lang, text))
        super().write_usage(prog, self._names(lang, args), prefix=tr(lang, "Usage:") + " ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(tr(_lang(), heading) if heading in LIBRARY_TEXTS else heading)

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        lang = _lang()
        super().write_dl([(self._names(lang, term), _definition(lang, text))
                          for term, text in rows], *args, **kwargs)

    def _names(self, lang: str, text: str) -> str:
        """A usage line or an option's name column with the metavars (``FILE``) and the
        library's names of types (``<dir>``) in ``lang``."""
        names = [*self.metavars, *(t for t in LIBRARY_TYPES if t in text)]
        if not names:
            return text
        pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.sub(rf"(?<![\w-])(?:{pattern})(?![\w-])", lambda m: own(lang, m[0]), text)


def _definition(lang: str, text: str) -> str:
    """An option's help in ``lang``: its own text (a message of the catalogue), the library's
    ("Show this message and exit."), and ``[required]`` and ``[default: …]`` at its end."""
    if text in LIBRARY_TEXTS:
        return tr(lang, text)
    extra = re.search(_EXTRAS, text)
    if extra is None:
        found = re.search(_OTHER_EXTRAS, text)  # none, or a range of numbers: [x>=1]
        return text if found is None else _own_part(lang, text[: found.start()]) + found[0]
    said = (tr(lang, "[required]") if extra["default"] is None
            else tr(lang, "[default: {value}]", value=extra["default"]))
    return _own_part(lang, text[: extra.start()]) + said


_OTHER_EXTRAS = r"\[[^\[\]]*\]$|$"


def _own_part(lang: str, text: str) -> str:
    """The help before the library's ``[…]``, in ``lang``, with the spaces between kept."""
    help = text.rstrip(" ")
    return own(lang, help) + text[len(help):]


class LocalizedContext(Context):
    formatter_class = Formatter

    def make_formatter(self) -> HelpFormatter:
        formatter = super().make_formatter()
        if isinstance(formatter, Formatter):
            formatter.metavars = tuple(p.metavar for p in self.command.params if p.metavar)
        return formatter


class _OwnTexts:
    """A command's own help, short help (in its group's list) and examples in the user's
    language: click formats them as always, from the translated texts."""

    help: str | None
    epilog: str | None
    short_help: str | None

    @contextmanager
    def _in_language(self) -> Iterator[None]:
        lang = _lang()
        written = self.help, self.epilog, self.short_help
        self.help, self.epilog, self.short_help = (text and own(lang, text) for text in written)
        try:
            yield
        finally:
            self.help, self.epilog, self.short_help = written

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        with self._in_language():
            super().format_help_text(ctx, formatter)  # type: ignore[misc]

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        with self._in_language():
            super().format_epilog(ctx, formatter)  # type: ignore[misc]

    def get_short_help_str(self, limit: int = 45) -> str:
        with self._in_language():
            return super().get_short_help_str(limit)  # type: ignore[misc, no-any-return]

    def shell_complete(self, ctx: Any, incomplete: str) -> Any:
        """The completions of an option's or a subcommand's name, each with its help in the
        user's language (zsh and fish show it)."""
        items = super().shell_complete(ctx, incomplete)  # type: ignore[misc]
        lang = _lang()
        for item in items:
            if getattr(item, "help", None):
                item.help = own(lang, item.help)
        return items


class Command(_OwnTexts, TyperCommand):
    """A command whose help speaks the user's language."""

    context_class = LocalizedContext


class Group(_OwnTexts, TyperGroup):
    """A group of commands (``catalog``, ``cache``, and noticegen itself) whose help speaks
    the user's language."""

    context_class = LocalizedContext


class LocalizedUsageError(UsageError):
    """A usage error of the library, in the user's language, shown as click shows one:
    the usage line, how to get help, the error."""

    def __init__(self, message: str, ctx: Any) -> None:
        super().__init__(message, ctx)

    def format_message(self) -> str:
        return self.message

    def show(self, file: Any = None) -> None:
        lang = _lang()
        lines = []
        ctx = self.ctx
        if ctx is not None:
            lines.append(ctx.get_usage())
            if ctx.command.get_help_option(ctx) is not None:
                lines.append(tr(lang, "Try '{command}' for help.",
                                command=f"{ctx.command_path} {ctx.help_option_names[0]}"))
            lines.append("")
        lines.append(tr(lang, "Error: {message}", message=self.message))
        typer.echo("\n".join(lines), err=True)


def localized(exc: ClickException) -> ClickException:
    """A usage error of the library as :class:`LocalizedUsageError` (other exceptions, and one
    already localized, as they are)."""
    if not isinstance(exc, UsageError) or isinstance(exc, LocalizedUsageError):
        return exc
    localized = LocalizedUsageError(message(exc, _lang()), exc.ctx)
    localized.__cause__ = exc.__cause__
    return localized


_NO_SUCH_COMMAND = r"(?s)No such command '(?P<name>.*)'\.$"
_EXTRA_ARGUMENTS = r"(?s)Got unexpected extra arguments? \((?P<args>.*)\)$"
# (patterns, not compiled ones: compiling them at import would cost every command ~1 ms)


def message(exc: UsageError, lang: str) -> str:
    """What a usage error of the library says, in ``lang``: made from its kind and its
    parameter; its own English text where it is of a kind this does not know."""
    if isinstance(exc, NoSuchOption):
        text = tr(lang, "No such option: {option}", option=exc.option_name)
        if exc.possibilities:
            text += " " + tr(lang, "(Possible options: {options})",
                             options=", ".join(sorted(exc.possibilities)))
        return text
    if isinstance(exc, MissingParameter):
        name = _hint(exc)
        if getattr(exc.param, "param_type_name", "") == "option":
            return tr(lang, "Missing option {name}.", name=name)
        return tr(lang, "Missing argument {name}.", name=name)
    if isinstance(exc, BadParameter):
        return tr(lang, "Invalid value for {name}: {reason}", name=_hint(exc),
                  reason=_reason(exc, lang))
    if isinstance(exc, BadOptionUsage):
        if "does not take" in exc.message:
            return tr(lang, "Option '{option}' does not take a value.", option=exc.option_name)
        return tr(lang, "Option '{option}' requires an argument.", option=exc.option_name)
    found = re.match(_NO_SUCH_COMMAND, exc.message)
    if found:
        return tr(lang, "No such command '{name}'.", name=found["name"])
    found = re.match(_EXTRA_ARGUMENTS, exc.message)
    if found:
        return tr(lang, "Got unexpected extra arguments ({arguments})", arguments=found["args"])
    if exc.message == "Missing command.":
        return tr(lang, "Missing command.")
    return exc.message


_PATH_PROBLEMS = {
    "does not exist": N_("{path} does not exist."),
    "is a file": N_("{path} is a file, not a folder."),
    "is a directory": N_("{path} is a folder, not a file."),
    "is not readable": N_("{path} cannot be read."),
    "is not writable": N_("{path} cannot be written."),
}
"""What the library says of a path an option names (``--out notice.yaml``), as messages."""
_PATH = rf"(?s)\w+ (?P<path>'.*') (?P<problem>{'|'.join(_PATH_PROBLEMS)})\.$"


def _hint(exc: BadParameter) -> str:
    """The parameter as click names it in a message: ``'--format' / '-f'``, ``'FILE'``."""
    if exc.param_hint is not None:
        hints = [exc.param_hint] if isinstance(exc.param_hint, str) else exc.param_hint
        return " / ".join(repr(h) for h in hints)
    param = exc.param
    if param is None:
        return ""
    get_error_hint: Any = param.get_error_hint
    try:
        hint = str(get_error_hint())
    except TypeError:  # pragma: no cover - click's signature: (ctx)
        hint = str(get_error_hint(exc.ctx))
    metavar = getattr(param, "metavar", None)
    return hint.replace(f"'{metavar}'", f"'{own(_lang(), metavar)}'") if metavar else hint


def _reason(exc: BadParameter, lang: str) -> str:
    """Why the value is wrong: the validation error typer passed on, in ``lang``; a message of
    ours (a callback's) as it is."""
    from_validation = getattr(exc.__cause__, "errors", None)
    if from_validation is None:
        path = re.match(_PATH, exc.message)
        if path is None:
            return exc.message  # a callback's message: ours, in the user's language already
        return tr(lang, _PATH_PROBLEMS[path["problem"]], path=path["path"])
    error = from_validation()[0]
    value, kind = error.get("input"), error.get("type", "")
    param = exc.param
    choices = getattr(getattr(param, "type_descriptor", None), "choices", None)
    if choices:
        return tr(lang, "'{value}' is not one of {choices}.", value=value,
                  choices=", ".join(repr(str(getattr(c, "value", c))) for c in choices))
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return tr(lang, "'{value}' is not a whole number.", value=value)
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if kind.startswith(("less_than", "greater_than")) and low is not None and high is not None:
        return tr(lang, "{value} is not between {low} and {high}.", value=value, low=low,
                  high=high)
    if kind.startswith("greater_than") and low is not None:
        return tr(lang, "{value} is less than {low}.", value=value, low=low)
    if kind.startswith("less_than") and high is not None:
        return tr(lang, "{value} is more than {high}.", value=value, high=high)
    return exc.message.removeprefix("Value error, ")


def localize_commands(app: typer.Typer) -> None:
    """Make every command and group of ``app`` (and of its sub-apps) speak the user's language
    in its help: they get :class:`Command` and :class:`Group` where typer's own would do."""
    for info in app.registered_commands:
        if info.cls is None or info.cls is TyperCommand or isinstance(info.cls, DefaultPlaceholder):
            info.cls = Command
    for group in app.registered_groups:
        sub = group.typer_instance
        if sub is None:
            continue
        for where in (group, sub.info):
            if where.cls is None or where.cls is TyperGroup or isinstance(where.cls, DefaultPlaceholder):
                where.cls = Group
        localize_commands(sub)


__all__ = ["Abort", "ClickException", "Command", "Formatter", "Group", "LocalizedUsageError",
           "filled", "localize_commands", "localized", "message", "own"]
