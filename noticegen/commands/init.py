"""`noticegen init`: interview the owner and write a commented starter notice."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from noticegen.commands import message_language_option
from noticegen.l10n import N_

if TYPE_CHECKING:
    from noticegen.init.starter import Answers

HELP = N_("""Ask a few questions and write a starter notice that passes `noticegen check`.

Spots the owner must still decide are marked TODO: in the file; `check` reports them.
Exit 0 when written, 1 when PATH exists (without --force) or cannot be written.""")

EXAMPLES = N_("""
Examples:

  noticegen init                       # asks in Finnish, Swedish or English, per your locale

  noticegen init --lang en privacy-notice.yaml

  noticegen init --no-input -          # the defaults, to standard output
""")


def register(app: typer.Typer) -> None:
    app.command(help=HELP, epilog=EXAMPLES)(init)


def init(
    path: Annotated[str | None, typer.Argument(
        help=N_("Where to write the notice; '-' writes to standard output. Default: "
                "tietosuojaseloste.yaml (Finnish), dataskyddsbeskrivning.yaml (Swedish) or "
                "privacy-notice.yaml (English)."),
        # TRANSLATORS: a metavar: where a file is written, in capitals.
        metavar=N_("PATH"), show_default=False)] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help=N_("Language of the questions and of the file's comments: fi, sv or en "
                          "(default: NOTICEGEN_LANG, the project setting, the locale, else en)."),
        callback=message_language_option, show_default=False)] = None,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help=N_("Ask nothing; write the defaults, with TODO: markers to fill "
                              "in."))] = False,
    force: Annotated[bool, typer.Option(
        "--force", help=N_("Overwrite PATH if it exists."))] = False,
) -> None:
    """`noticegen init`; its help is HELP."""
    from noticegen.builder.write import write_atomic
    from noticegen.cli import say
    from noticegen.config import settings_for
    from noticegen.errors import OutputError
    from noticegen.init.interview import SAY, default_language, interview
    from noticegen.init.starter import count_todos, starter_text

    language = lang or default_language(configured=settings_for(str(path) if path else "-").lang)
    default_path = default_file_name(language)
    target = path or default_path
    to_stdout = target == "-"
    exists = OutputError(SAY["exists"](language).format(path=target),
                         hint=SAY["exists_hint"](language))
    if not to_stdout and Path(target).exists() and not force:
        raise exists  # before the questions: nobody wants to answer them for nothing
    answers = interview(language) if not no_input else _defaults(language)
    text = starter_text(answers, file_name=default_path if to_stdout else target)
    if to_stdout:
        typer.echo(text, nl=False)
        return
    if Path(target).exists() and not force:
        raise exists
    write_atomic(target, text.encode("utf-8"))
    say(SAY["written"](language).format(path=target))
    todos = count_todos(text)
    if todos:
        say(SAY["todo" if todos == 1 else "todos"](language).format(n=todos))
    say(SAY["next"](language).format(path=target))


def _defaults(lang: str) -> "Answers":
    """The answers of `--no-input`: Finnish and English, as most small businesses publish; in
    another language of the questions (Swedish), that language and Finnish."""
    from dataclasses import replace

    from noticegen.init.starter import Answers, default_languages

    answers = Answers(lang=lang)
    if lang in answers.languages:
        return answers
    return replace(answers, languages=default_languages(lang))


def default_file_name(lang: str) -> str:
    """The file init writes when no PATH is given, named in the language of the interview."""
    from noticegen.l10n import tr

    # TRANSLATORS: the file name `noticegen init` writes by default (letters, digits, hyphens).
    return tr(lang, "privacy-notice.yaml")
