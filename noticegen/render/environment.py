"""Jinja environments, one per (language, templates folder), and the per-language settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from noticegen.cache import read_yaml
from noticegen.config import words
from noticegen.diagnostics import shown
from noticegen.errors import InputError, UsageError
from noticegen.l10n import tr
from noticegen.resources import templates_dir

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment

    from noticegen.render.formatting import Units

SHARED = "_shared"
LANGUAGE_FILE = "language.yaml"
STRINGS_FILE = "strings.yaml"
_REQUIRED = ("name", "locale", "date_format")
# The interface strings the shared templates (templates/_shared) use.
STRINGS = ("title", "contents", "languages", "none", "session", "name", "business_id", "position",
           "address", "email", "phone", "website", "visiting_address", "postal_address",
           "switchboard")
ARTICLE_FORMS = ("article", "paragraph", "point")


@dataclass(frozen=True)
class Language:
    """A language's settings, from ``templates/<lang>/language.yaml`` (data, not code)."""

    code: str
    name: str
    """The language's own name, for the language switcher: Suomi, English, Svenska."""
    locale: str
    """The Babel locale, e.g. fi_FI, en_GB."""
    date_format: str
    """A CLDR date pattern, e.g. ``d.M.y`` → 28.5.2018."""
    strings: Mapping[str, str]
    """Short interface strings used by the shared templates (contents, language switcher…)."""
    articles: Mapping[str, str]
    """How a GDPR provision is cited: patterns for an article, a paragraph and a point."""
    messages: Mapping[str, str] = field(default_factory=dict)
    """The prose of the shared section templates, from ``strings.yaml``: key → text."""
    units: Units = ()
    """The language's own names of duration units where CLDR's differ (``units:`` in
    ``language.yaml``): CLDR unit → plural form → pattern with ``{0}``."""


def search_path(lang: str, user_dir: Path | None) -> list[Path]:
    """Where templates are looked up, first match wins: user language, built-in language, shared."""
    builtin = templates_dir()
    dirs = [builtin / lang, builtin / SHARED]
    if user_dir is not None:
        dirs = [user_dir / lang, builtin / lang, user_dir / SHARED, builtin / SHARED]
    return dirs


def available_languages(user_dir: Path | None = None) -> list[str]:
    """The languages that have a ``language.yaml`` in the built-in or the user's templates."""
    roots = [templates_dir()] + ([user_dir] if user_dir is not None else [])
    found = {p.parent.name for root in roots for p in root.glob(f"*/{LANGUAGE_FILE}")}
    return sorted(found - {SHARED})


@cache
def language(lang: str, user_dir: Path | None = None) -> Language:
    """The settings of ``lang``; the user's ``language.yaml`` overrides the built-in one key by key."""
    data: dict[str, Any] = {}
    files = [d / LANGUAGE_FILE for d in reversed(search_path(lang, user_dir)) if d.name == lang]
    for path in files:
        if path.is_file():
            _merge(data, _read_yaml(path))
    said = words()
    if not data:
        known = ", ".join(available_languages(user_dir)) or "-"
        raise UsageError(
            tr(said, "there are no templates for the language '{lang}' (available: {known})",
               lang=lang, known=known),
            hint=tr(said, "add a folder {folder} with a {file} and templates, and pass its parent "
                    "folder with --templates (see docs/templates.md)", folder=f"{lang}/",
                    file=LANGUAGE_FILE),
        )
    missing = [key for key in _REQUIRED if not isinstance(data.get(key), str)]
    strings, articles = data.get("strings") or {}, data.get("articles") or {}
    missing += [f"strings.{key}" for key in STRINGS if not isinstance(strings.get(key), str)]
    missing += [f"articles.{key}" for key in ARTICLE_FORMS if not isinstance(articles.get(key), str)]
    if missing:
        raise InputError(tr(said, "{file} for '{lang}' lacks {keys}", file=LANGUAGE_FILE,
                            lang=lang, keys=", ".join(missing)),
                         hint=tr(said, "copy {file} and translate every entry",
                                 file=f"templates/en/{LANGUAGE_FILE}"))
    if user_dir is not None and not _known_locale(data["locale"]):  # (the built-in ones are)
        raise InputError(tr(said, "{file} for '{lang}': '{locale}' is not a locale Babel knows",
                            file=LANGUAGE_FILE, lang=lang, locale=shown(data["locale"])),
                         hint=tr(said, "write a locale such as fi_FI, sv_FI or en_GB"))
    return Language(
        code=lang,
        name=data["name"],
        locale=data["locale"],
        date_format=data["date_format"],
        strings=dict(strings),
        articles=dict(articles),
        messages=_messages(lang, user_dir),
        units=_units(lang, data.get("units")),
    )


def _units(lang: str, data: Any) -> Units:
    """``units:`` of ``language.yaml`` as hashable data: {duration-day: {one: "{0} dag", …}}."""
    if data is None:
        return ()
    ok = isinstance(data, dict) and all(
        isinstance(forms, dict) and "other" in forms
        and all(isinstance(p, str) and "{0}" in p for p in forms.values())
        for forms in data.values())
    if not ok:
        said = words()
        raise InputError(tr(said, "{file} for '{lang}': units must map a unit to its plural "
                            "forms, each a text with {placeholder}", file=LANGUAGE_FILE,
                            lang=lang, placeholder="{0}"),
                         hint=tr(said, "write e.g. {example}",
                                 example='units: {duration-day: {one: "{0} dag", '
                                 'other: "{0} dagar"}}'))
    return tuple(sorted((str(unit), tuple(sorted((str(k), v) for k, v in forms.items())))
                        for unit, forms in data.items()))


def _known_locale(name: str) -> bool:
    """Whether Babel has data for ``name`` (``fi_FI``): nothing else reaches Babel, which
    would otherwise fail at the first date (``xx_INVALID``) or look for a file by that name
    (``../../etc/passwd``)."""
    from babel.localedata import locale_identifiers

    return name in _identifiers(locale_identifiers)


@cache
def _identifiers(source: Any) -> frozenset[str]:
    return frozenset(source())


def _messages(lang: str, user_dir: Path | None) -> dict[str, str]:
    """The language's ``strings.yaml``: the built-in one, then the user's merged over it."""
    messages: dict[str, str] = {}
    for folder in reversed(search_path(lang, user_dir)):
        path = folder / STRINGS_FILE
        if folder.name != lang or not path.is_file():
            continue
        for key, value in _read_yaml(path).items():
            if not isinstance(value, str):
                said = words()
                raise InputError(tr(said, "{file}: the string '{key}' must be text", file=path,
                                    key=key),
                                 hint=tr(said, "quote it, e.g. {example}", example=f'{key}: "…"'))
            messages[str(key)] = value
    return messages


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = read_yaml(path)
    except (OSError, ValueError, yaml.YAMLError) as exc:  # ValueError: not UTF-8
        # (the reason is the library's or the system's own words)
        raise InputError(tr(words(), "cannot read {file}: {reason}", file=path,
                            reason=exc)) from None
    if not isinstance(data, dict):
        raise InputError(tr(words(), "{file}: expected a mapping of settings", file=path))
    return data


def _merge(into: dict[str, Any], update: Mapping[str, Any]) -> None:
    for key, value in update.items():
        if isinstance(value, Mapping) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = dict(value) if isinstance(value, Mapping) else value


@cache
def environment(lang: str, user_dir: Path | None = None) -> Environment:
    """The Jinja environment for one language: strict, autoescaping, helpers registered.

    With a user's templates folder it is Jinja's SandboxedEnvironment: a template there may
    print and format what it is given, but not reach Python's internals through it
    (`cycler.__init__.__globals__.os` ran commands). The built-in templates are trusted and
    render unsandboxed (the sandbox checks every attribute and call).
    """
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from noticegen.render.helpers import helpers

    sandboxed = user_dir is not None
    kind = SandboxedEnvironment if sandboxed else Environment
    env = kind(
        loader=FileSystemLoader([str(d) for d in search_path(lang, user_dir)]),
        bytecode_cache=_shared_bytecode(sandboxed),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    filters, globals_ = helpers(language(lang, user_dir))
    env.filters.update(filters)
    env.globals.update(globals_)
    return env


@cache
def _shared_bytecode(sandboxed: bool = False) -> BytecodeCache:
    """Compiled templates shared by every language's environment, and kept on disk.

    The section templates are the same files for every language: without the shared store,
    each environment compiled them again (about 100 ms per language). Below it, a file per
    template in noticegen's cache folder (noticegen/cache.py) keeps them between runs. Compiled
    templates are code, so each file is signed with this user's key and one that does not
    verify is compiled again, never loaded (Jinja's own FileSystemBytecodeCache loaded any
    `__jinja2_<key>.cache` it found: one planted in a repository's cache folder ran a command).
    Entries are keyed by the template's path and checked against its source by Jinja, and
    kept apart for the sandbox: Jinja compiles a sandboxed template's calls differently, and
    the same template compiled unsandboxed would run unchecked in a sandboxed environment.
    """
    from jinja2 import BytecodeCache
    from jinja2.bccache import Bucket

    from noticegen.cache import folder, read_signed, store_signed

    where = folder("jinja")
    prefix = "sandboxed-" if sandboxed else ""

    class Shared(BytecodeCache):
        def __init__(self) -> None:
            self.store: dict[str, bytes] = {}

        def load_bytecode(self, bucket: Bucket) -> None:
            data = self.store.get(bucket.key)
            if data is None and where is not None:
                data = read_signed(where / f"{prefix}{bucket.key}.cache")
            if data is not None:
                try:
                    bucket.bytecode_from_string(data)
                except Exception:  # an unreadable entry is a miss: compile again
                    bucket.reset()
                if bucket.code is not None:
                    self.store[bucket.key] = data

        def dump_bytecode(self, bucket: Bucket) -> None:
            data = bucket.bytecode_to_string()
            self.store[bucket.key] = data
            if where is not None:
                store_signed(where / f"{prefix}{bucket.key}.cache", data)

    return Shared()


__all__ = ["Language", "available_languages", "environment", "language", "search_path"]
