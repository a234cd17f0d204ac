"""The id prefix of `build --id-prefix`: checked without importing the renderer."""

from __future__ import annotations

import re

from noticegen.errors import UsageError

# Empty, or a letter first and only letters, digits, "-", "_" and {lang} after it, so that every
# id it makes is a valid HTML id and CSS identifier; {lang} becomes the language code.
_ID_PREFIX = re.compile(r"(?:[A-Za-z](?:[A-Za-z0-9_-]|\{lang\})*)?")


def check_id_prefix(prefix: str, lang: str | None = None) -> str:
    """The prefix, if every id it makes is a valid HTML id and CSS identifier; else a UsageError
    in ``lang`` (by default the language of the messages)."""
    if _ID_PREFIX.fullmatch(prefix) is None:
        from noticegen.config import words
        from noticegen.l10n import tr

        lang = lang or words()
        raise UsageError(tr(lang, "the id prefix '{prefix}' cannot start an HTML id",
                            prefix=prefix),
                         hint=tr(lang, "start it with a letter and use only letters, digits, "
                                 "'-', '_' and {placeholder}, e.g. {example} or {other}",
                                 placeholder="{lang}", example="ng-", other="ng-{lang}-"))
    return prefix


__all__ = ["check_id_prefix"]
