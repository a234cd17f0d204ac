"""The work of `noticegen diff`: two notice files checked, compared and the changes printed."""

import json
import re
import sys

import typer

from noticegen import pipeline
from noticegen.config import settings_for
from noticegen.console import say
from noticegen.diffing.compare import compare
from noticegen.diffing.words import as_data, as_text
from noticegen.l10n import message_language, ntr, tr
from noticegen.report import report


def diff_files(old: str, new: str, lang: list[str] | None, format: str) -> bool:
    """Print what changed from ``old`` to ``new`` in ``format`` (text, markdown or json), in
    the languages ``lang`` (none: every language of the new notice); whether anything did.
    Exit 2 when a notice cannot be read or is not valid."""
    words = message_language(None, settings_for(new).lang)
    if old == "-" and new == "-":
        raise typer.BadParameter(tr(words, "only one of OLD and NEW can be '-'"))
    for code in lang or []:
        if not re.fullmatch(r"[a-z]{2}", code):
            raise typer.BadParameter(tr(words, "'{value}' is not a two-letter language code such "
                                        "as fi or en", value=code), param_hint="--lang")
    checked = [pipeline.check_file(path, lint=False) for path in (old, new)]
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
    if format == "json":
        typer.echo(json.dumps({"old": old, "new": new, **as_data(cmp, langs)},
                              ensure_ascii=False, indent=2))
    else:
        typer.echo(as_text(cmp, langs, markdown=format == "markdown"), nl=False)
        if not cmp.changes:
            # A message to the user, not a sentence of the notice: in the language of --lang,
            # else in the language every command's messages are in.
            talk = lang[0] if lang else message_language(
                None, settings_for(new).lang, notice_language=after.languages[0])
            say(tr(talk, "No changes."))
    return bool(cmp.changes)
