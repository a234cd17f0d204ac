"""Which language messages are written in: one rule for every command.

``--lang``, then the ``NOTICEGEN_LANG`` environment variable, then the project setting
(``lang`` in ``noticegen.toml`` / ``[tool.noticegen]``), then the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``; on Windows, where these are usually unset, the system locale that
Python's ``locale`` module reports), then the notice's first language where the command has a
notice and the locale names no language we write (``C.UTF-8``), then English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from noticegen.lint.registry import LANGS

DEFAULT = "en"
ENV_VARIABLE = "NOTICEGEN_LANG"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
# Windows names its locales in English words ("Finnish_Finland"), POSIX by code ("fi_FI").
_LOCALE_NAMES = {"finnish": "fi", "swedish": "sv", "english": "en"}


def locale_language(env: Mapping[str, str] | None = None, *,
                    system: str | None = None) -> str | None:
    """The two-letter language of the user's locale, or None when it names none (C, POSIX).

    The first of LC_ALL, LC_MESSAGES, LANG that is set wins (POSIX precedence). When none is
    set, as on Windows, the system locale decides: ``system``, or when the real environment is
    read (``env`` None), what ``locale.getlocale()`` says.
    """
    environ = os.environ if env is None else env
    for variable in _LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            return _code(value)
    if system is None and env is None:
        system = _system_locale()
    return _code(system) if system else None


def _system_locale() -> str:
    import locale

    try:
        return locale.getlocale()[0] or ""
    except ValueError:  # an unparsable locale name
        return ""


def _code(name: str) -> str | None:
    head = name.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    if head in _LOCALE_NAMES:
        return _LOCALE_NAMES[head]
    return head if len(head) == 2 and head.isalpha() else None


def from_environment(env: Mapping[str, str] | None = None, *, system: str | None = None) -> str:
    """The locale's language if it is one we write (``fi_FI.UTF-8`` → fi), else English."""
    lang = locale_language(env, system=system)
    return lang if lang in LANGS else DEFAULT


def from_variable(env: Mapping[str, str] | None = None) -> str | None:
    """``NOTICEGEN_LANG``, when set; a language we do not write is a usage error."""
    value = (os.environ if env is None else env).get(ENV_VARIABLE, "").strip()
    if not value:
        return None
    if value not in LANGS:
        from noticegen.errors import UsageError

        raise UsageError(f"{ENV_VARIABLE}={value}: the messages are written in "
                         f"{', '.join(LANGS)}", hint=f"Set {ENV_VARIABLE} to one of "
                         f"{', '.join(LANGS)}, or unset it.")
    return value


def message_language(option: str | None = None, configured: str | None = None,
                     env: Mapping[str, str] | None = None, *, system: str | None = None,
                     notice_language: str | None = None) -> str:
    """A command's ``--lang`` first, then the global one (``noticegen --lang fi build``), then
    NOTICEGEN_LANG, then the project setting, then the locale, then (where a command has one,
    and the locale names no language we write) the notice's first language, then English."""
    from noticegen import config

    for choice in (option, config.MESSAGE_LANG):
        if choice:
            return choice
    chosen = from_variable(env) or configured
    if chosen:
        return chosen
    lang = locale_language(env, system=system)
    if lang in LANGS:
        return lang
    return notice_language if notice_language in LANGS else DEFAULT
