"""The id prefix of `build --id-prefix`: checked without importing the renderer."""

from __future__ import annotations

import re

from noticegen.errors import UsageError

# Empty, or a letter first and only letters, digits, "-", "_" and {lang} after it, so that every
# id it makes is a valid HTML id and CSS identifier; {lang} becomes the language code.
_ID_PREFIX = re.compile(r"(?:[A-Za-z](?:[A-Za-z0-9_-]|\{lang\})*)?")


def check_id_prefix(prefix: str) -> str:
    """The prefix, if every id it makes is a valid HTML id and CSS identifier; else a UsageError."""
    if _ID_PREFIX.fullmatch(prefix) is None:
        raise UsageError(f"the id prefix '{prefix}' cannot start an HTML id",
                         hint="start it with a letter and use only letters, digits, '-', '_' "
                         "and {lang}, e.g. ng- or ng-{lang}-")
    return prefix


__all__ = ["check_id_prefix"]
