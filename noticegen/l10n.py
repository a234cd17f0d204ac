"""Every localized text noticegen shows, read from one place per language.

Three kinds of data, one reader each, all here:

- messages of the command line, the diagnostics, explain, diff, init and preview: gettext
  catalogues, ``noticegen/locale/<lang>/LC_MESSAGES/noticegen.po`` (edited by translators with
  any PO editor, kept up to date with ``pybabel extract/update/compile``: docs/translating.md)
  and the compiled ``noticegen.mo`` beside it, which is what runs;
- the notice's own prose: ``templates/<lang>/strings.yaml`` and ``language.yaml``
  (:func:`notice_language`);
- the labels of controlled values (legal bases, rights, categories…): ``noticegen/vocab/*.yaml``
  (:func:`vocabulary`).

A language is a folder of data: a catalogue under ``locale/`` makes a message language, a
``templates/<lang>/`` folder a notice language; no code lists them. Messages are looked up by
their English text (the gettext convention: the source stays readable and ``pybabel extract``
finds them); ``tests/test_l10n.py`` proves every message exists in every catalogue.

Only the standard library's :mod:`gettext` runs here (``check`` imports neither Babel nor
Jinja); a catalogue is read the first time one of its messages is needed.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from noticegen.render.environment import Language
    from noticegen.vocab import Term

DOMAIN = "noticegen"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE = "en"
"""The language the messages are written in, in the code (their gettext ids)."""


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined (a table at module level); it is
    translated where it is shown, with :func:`tr`."""
    return message


@cache
def message_languages() -> tuple[str, ...]:
    """The languages messages can be shown in: those with a compiled catalogue, sorted."""
    return tuple(sorted(path.parent.parent.name
                        for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")))


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``; without one, the messages as written (English)."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as file:
            return gettext.GNUTranslations(file)
    except FileNotFoundError:
        return gettext.NullTranslations()


def tr(lang: str, message: str, /, **params: object) -> str:
    """``message`` in ``lang``, its ``{placeholders}`` filled from ``params`` (after the
    translation, so a value with braces in it stays as it is)."""
    text = catalogue(lang).gettext(message)
    return text.format(**params) if params else text


def ntr(lang: str, singular: str, plural: str, count: int, /, **params: object) -> str:
    """The form of a message for ``count`` (``1 tiedosto``, ``2 tiedostoa``) in ``lang``;
    ``{count}`` and the ``params`` are filled in."""
    return catalogue(lang).ngettext(singular, plural, count).format(count=count, **params)


_SPEAKING: ContextVar[str | None] = ContextVar("noticegen_message_language", default=None)


@contextmanager
def speaking(lang: str | None) -> Iterator[None]:
    """Within this block, :func:`spoken` is ``lang``: for messages made where no language is
    passed down (the models' validators, which Pydantic calls)."""
    token = _SPEAKING.set(lang)
    try:
        yield
    finally:
        _SPEAKING.reset(token)


def spoken() -> str:
    """The message language of the enclosing :func:`speaking` block, else the environment's."""
    return _SPEAKING.get() or from_environment()


class Translated(Mapping[str, str]):
    """One message in every language, as the rule registry holds texts (``{"en": …,
    "fi": …}``), read from the catalogues when it is looked up; ``params`` fill its
    ``{placeholders}`` after the translation, and ``context`` tells apart one English word
    that other languages write in several forms (:func:`C_`)."""

    __slots__ = ("context", "message", "params")

    def __init__(self, message: str, /, *, context: str | None = None, **params: object) -> None:
        self.message = message
        self.context = context
        self.params = params

    def __getitem__(self, lang: str) -> str:
        if lang not in message_languages():
            raise KeyError(lang)
        if self.context is None:
            return tr(lang, self.message, **self.params)
        text = catalogue(lang).pgettext(self.context, self.message)
        return text.format(**self.params) if self.params else text

    def __iter__(self) -> Iterator[str]:
        return iter(message_languages())

    def __len__(self) -> int:
        return len(message_languages())

    def __repr__(self) -> str:
        return f"Translated({self.message!r})"


def C_(context: str, message: str) -> Translated:
    """A message in a ``context``: one English word (``Finnish``) that another language writes
    in a form of its own for each use (``suomenkielinen``, ``suomenkielisestä``)."""
    return Translated(message, context=context)


def notice_language(lang: str, user_dir: Path | None = None) -> Language:
    """A notice language's data: ``templates/<lang>/language.yaml`` and ``strings.yaml``."""
    from noticegen.render.environment import language

    return language(lang, user_dir)


def notice_languages() -> list[str]:
    """The built-in notice languages: the ``templates/<lang>/`` folders."""
    from noticegen.render.environment import available_languages

    return available_languages()


def vocabulary(name: str) -> Mapping[str, Term]:
    """One vocabulary (``legal_bases``, ``rights``…): its terms with their labels per language."""
    from noticegen import vocab

    return vocab.vocabulary(name)


# --------------------------------------------------------------------- the message language
# ``--lang``, then the ``NOTICEGEN_LANG`` environment variable, then the project setting
# (``lang`` in ``noticegen.toml`` / ``[tool.noticegen]``), then the locale (``LC_ALL``,
# ``LC_MESSAGES``, ``LANG``; on Windows, where these are usually unset, the system locale that
# Python's ``locale`` module reports), then the notice's first language where the command has a
# notice and the locale names no language we write (``C.UTF-8``), then English.

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
    return lang if lang in message_languages() else DEFAULT


def from_variable(env: Mapping[str, str] | None = None) -> str | None:
    """``NOTICEGEN_LANG``, when set; a language we do not write is a usage error."""
    value = (os.environ if env is None else env).get(ENV_VARIABLE, "").strip()
    if not value:
        return None
    if value not in message_languages():
        from noticegen.errors import UsageError

        lang = from_environment(env)
        known = ", ".join(message_languages())
        raise UsageError(tr(lang, "{variable}={value}: the messages are written in {languages}",
                            variable=ENV_VARIABLE, value=value, languages=known),
                         hint=tr(lang, "Set {variable} to one of {languages}, or unset it.",
                                 variable=ENV_VARIABLE, languages=known))
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
    if lang in message_languages():
        return lang
    return notice_language if notice_language in message_languages() else DEFAULT
