"""The work of `noticegen init`: the interview (or its defaults), then the starter notice
written to a file or to standard output."""

from dataclasses import replace
from pathlib import Path

import typer

from noticegen.builder.write import write_atomic
from noticegen.config import settings_for
from noticegen.console import say
from noticegen.errors import OutputError
from noticegen.init.interview import SAY, default_language, interview
from noticegen.init.starter import Answers, count_todos, default_languages, starter_text
from noticegen.l10n import tr


def create(path: str | None, lang: str | None, *, no_input: bool, force: bool) -> None:
    """Write the starter notice to ``path`` (``-``: standard output; None: the default file
    name in the language of the questions, ``lang``); ask nothing with ``no_input``; an
    existing file is overwritten only with ``force``."""
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


def _defaults(lang: str) -> Answers:
    """The answers of `--no-input`: Finnish and English, as most small businesses publish; in
    another language of the questions (Swedish), that language and Finnish."""
    answers = Answers(lang=lang)
    if lang in answers.languages:
        return answers
    return replace(answers, languages=default_languages(lang))


def default_file_name(lang: str) -> str:
    """The file init writes when no PATH is given, named in the language of the interview."""
    # TRANSLATORS: the file name `noticegen init` writes by default (letters, digits, hyphens).
    return tr(lang, "privacy-notice.yaml")
