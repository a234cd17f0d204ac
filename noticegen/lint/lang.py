"""Which language diagnostics and rule documentation are written in."""

from __future__ import annotations

import os
from collections.abc import Mapping

from noticegen.lint.registry import LANGS

DEFAULT = "en"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def from_environment(env: Mapping[str, str] | None = None) -> str:
    """The locale's language if it is one we write (``fi_FI.UTF-8`` → fi), else English.

    Follows POSIX precedence: the first of LC_ALL, LC_MESSAGES, LANG that is set wins.
    """
    env = os.environ if env is None else env
    for variable in _LOCALE_VARIABLES:
        value = env.get(variable, "")
        if value:
            lang = value[:2].lower()
            return lang if lang in LANGS else DEFAULT
    return DEFAULT


def message_language(option: str | None = None, configured: str | None = None,
                     env: Mapping[str, str] | None = None) -> str:
    """A command's ``--lang`` first, then the global one (``noticegen --lang fi build``),
    then the project setting, then the locale, then English."""
    from noticegen import config

    for choice in (option, config.MESSAGE_LANG, configured):
        if choice:
            return choice
    return from_environment(env)
