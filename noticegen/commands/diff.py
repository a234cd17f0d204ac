"""`noticegen diff`: what changed between two versions of a notice, in plain words per language."""

from enum import Enum
from typing import Annotated

import typer

from noticegen.l10n import N_

HELP = N_("""Say what changed between two versions of a notice: purposes, legal bases,
recipients, transfers, retention, cookies and contacts added, removed or changed.

Exit 0 when the comparison was made, as `git diff` does (with --exit-code: 0 when nothing
changed, 1 when something did), 2 when a notice cannot be read or is not valid. The
version history (`notice.changes`) and lint settings are not compared.""")

EXAMPLES = N_("""
Examples:

  noticegen diff old.yaml tietosuojaseloste.yaml

  noticegen diff --lang fi --format markdown v1.yaml v2.yaml >> CHANGELOG.md

  git show HEAD~1:notice.yaml | noticegen diff - notice.yaml
""")


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command(help=HELP, epilog=EXAMPLES)(diff)


def diff(
    old: Annotated[str, typer.Argument(
        help=N_("The earlier version of the notice ('-' reads standard input)."),
        # TRANSLATORS: a metavar: the file of the earlier version of a notice.
        metavar=N_("OLD.yaml"))],
    new: Annotated[str, typer.Argument(
        help=N_("The later version of the notice."),
        # TRANSLATORS: a metavar: the file of the later version of a notice.
        metavar=N_("NEW.yaml"))],
    lang: Annotated[list[str] | None, typer.Option(
        "--lang", "-l", help=N_("Language of the sentences; repeat for several (default: every "
                                "language of the new notice)."), show_default=False,
        # TRANSLATORS: a metavar: a language code.
        metavar=N_("LANG"))] = None,
    format: Annotated[DiffFormat, typer.Option(
        "--format", "-f", help=N_("text (sentences), markdown (a list for a change log) or json "
                                  "(the same as data)."))] = DiffFormat.text,
    exit_code: Annotated[bool, typer.Option(
        "--exit-code", help=N_("Exit 1 when something changed, as `git diff --exit-code` does "
                               "(without it: 0 whether or not anything changed)."))] = False,
) -> None:
    """`noticegen diff`; its help is HELP."""
    import json
    import re
    import sys

    from noticegen.cli import say
    from noticegen.config import settings_for
    from noticegen.diffing import as_data, as_text, compare
    from noticegen.l10n import message_language, ntr, tr
    from noticegen.pipeline import check_file
    from noticegen.report import report

    words = message_language(None, settings_for(new).lang)
    if old == "-" and new == "-":
        raise typer.BadParameter(tr(words, "only one of OLD and NEW can be '-'"))
    for code in lang or []:
        if not re.fullmatch(r"[a-z]{2}", code):
            raise typer.BadParameter(tr(words, "'{value}' is not a two-letter language code such "
                                        "as fi or en", value=code), param_hint="--lang")
    checked = [check_file(path, lint=False) for path in (old, new)]
    broken = [c for c in checked if c.resolved is None]
    if broken:
        report([d for c in broken for d in c.errors], "text", sys.stderr, lang=words)
        say(ntr(words, "noticegen diff: {files}: not a valid notice; `noticegen check` tells more.",
                "noticegen diff: {files}: not valid notices; `noticegen check` tells more.",
                len(broken), files=", ".join(c.path for c in broken)))
        raise typer.Exit(2)
    before, after = (c.resolved for c in checked)
    assert before is not None and after is not None
    langs = list(dict.fromkeys(lang)) if lang else list(after.languages)
    cmp = compare(before, after)
    if format is DiffFormat.json:
        typer.echo(json.dumps({"old": old, "new": new, **as_data(cmp, langs)},
                              ensure_ascii=False, indent=2))
    else:
        typer.echo(as_text(cmp, langs, markdown=format is DiffFormat.markdown), nl=False)
        if not cmp.changes:
            # A message to the user, not a sentence of the notice: in the language of --lang,
            # else in the language every command's messages are in.
            talk = lang[0] if lang else message_language(
                None, settings_for(new).lang, notice_language=after.languages[0])
            say(tr(talk, "No changes."))
    raise typer.Exit(1 if exit_code and cmp.changes else 0)
