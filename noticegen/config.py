"""Project settings: `noticegen.toml` or `[tool.noticegen]` in `pyproject.toml`, found by walking up."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from noticegen.errors import NoticegenError
from noticegen.l10n import message_languages, tr

FILE_NAMES = ("noticegen.toml", "pyproject.toml")
"""Looked for in this order in each folder, from the notice's folder up to the root."""
MESSAGE_LANG: str | None = None
"""The global `--lang` (`noticegen --lang fi build`), set by the command line: after a
command's own --lang, before the project setting and the locale."""
COMMAND_LANG: str | None = None
"""A command's own message `--lang` (`check --lang sv`), as the command line reads it before
the options are taken (for `--help` and usage errors, which come first): before the global one."""


class ConfigError(NoticegenError):
    """The project settings file is wrong (exit code 2, like a wrong command line)."""

    exit_code = 2


def _lang() -> str:
    """The language of a message about the settings file, as far as it is known without that
    file: the global ``--lang``, NOTICEGEN_LANG, the locale."""
    from noticegen.l10n import message_language

    return message_language()


@dataclass(frozen=True)
class Settings:
    """What a project can set once for all its notices."""

    strict: bool = False
    """Warnings fail `check` too, as with `--strict`."""
    disable: tuple[str, ...] = ()
    """Rules (codes or names) switched off for every notice of the project."""
    lang: str | None = None
    """Language of the messages, `fi`, `sv` or `en` (`--lang` overrides it)."""
    path: Path | None = None
    """The file the settings came from (None: defaults)."""
    build: BuildSettings = field(default_factory=lambda: BuildSettings())
    """`noticegen build`'s options, from the `[build]` table (`[tool.noticegen.build]`)."""


@dataclass(frozen=True)
class BuildSettings:
    """Options of `noticegen build` written once for the project, so that `build` and
    `build --check` (in CI, in pre-commit) cannot be run with different ones. An option given
    on the command line wins; None: not set here."""

    out: Path | None = None
    """The output folder; a relative one is relative to the settings file's folder."""
    lang: tuple[str, ...] | None = None
    """Languages to build."""
    formats: tuple[str, ...] | None = None
    """Formats to build."""
    heading_level: int | None = None
    """Top heading level of the fragment."""
    id_prefix: str | None = None
    """Prefix of every id and in-page link (`build --id-prefix`)."""


def words(notice_path: str = "-") -> str:
    """The message language where a command has not passed one down (an error raised deep in a
    build): the global ``--lang``, NOTICEGEN_LANG, the project setting that applies to
    ``notice_path`` (``-``: the current folder), the locale. A settings file that cannot be read
    leaves the project setting out (its own error is reported where it is read); a wrong
    NOTICEGEN_LANG, English (that setting is itself the error being reported)."""
    from noticegen.l10n import message_language

    try:
        configured = settings_for(notice_path).lang
    except NoticegenError:
        configured = None
    try:
        return message_language(COMMAND_LANG, configured)
    except NoticegenError:
        return "en"


def settings_for(notice_path: str) -> Settings:
    """The settings that apply to a notice file (``-``: to the current folder)."""
    start = Path.cwd() if notice_path == "-" else Path(notice_path).resolve().parent
    return _settings_in(start)


@cache
def _settings_in(folder: Path) -> Settings:
    for candidate in (folder, *folder.parents):
        for name in FILE_NAMES:
            path = candidate / name
            if not path.is_file():
                continue
            table = _table(path)
            if table is not None:
                return parse(table, path)
    return Settings()


def _table(path: Path) -> dict[str, Any] | None:
    """The settings table of a file, or None for a pyproject.toml without [tool.noticegen]."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(tr(_lang(), "{path}: cannot be read ({error})", path=path, error=exc)) from None
    if path.name == "pyproject.toml" and "noticegen" not in text:
        return None  # no [tool.noticegen] can be in it: skip parsing (and importing) TOML
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(tr(_lang(), "{path}: invalid TOML: {error}", path=path, error=exc),
                          hint=tr(_lang(), "Check the quoting and brackets on that line.")) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("noticegen")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(tr(_lang(), "{path}: [tool.noticegen] must be a table", path=path))
        return table
    return data


def parse(table: dict[str, Any], path: Path) -> Settings:
    """Check a settings table and turn it into Settings; every mistake is a ConfigError."""
    where = f"{path}" + (" [tool.noticegen]" if path.name == "pyproject.toml" else "")
    unknown = sorted(set(table) - {"strict", "disable", "lang", "build"})
    if unknown:
        raise ConfigError(tr(_lang(), "{where}: unknown setting '{key}'", where=where, key=unknown[0]),
                          hint=tr(_lang(), "Known settings: strict, disable, lang, and the [build] table."))
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(tr(_lang(), "{where}: strict must be true or false", where=where))
    lang = table.get("lang")
    if lang is not None and lang not in message_languages():
        raise ConfigError(tr(_lang(), "{where}: lang must be one of {languages}, not {value}", where=where,
                               languages=", ".join(message_languages()), value=repr(lang)))
    disable = table.get("disable", [])
    if not isinstance(disable, list):
        raise ConfigError(tr(_lang(), "{where}: disable must be a list of rule codes or names", where=where),
                          hint=tr(_lang(), "For example: {example}",
                                    example='disable = ["NG107", "style-hedging"]'))
    return Settings(strict=strict, disable=tuple(_rule_ref(item, where) for item in disable),
                    lang=lang, path=path, build=_build_table(table.get("build", {}), path, where))


BUILD_KEYS = ("out", "lang", "formats", "heading_level", "id_prefix")


def _build_table(table: Any, path: Path, where: str) -> BuildSettings:
    where = where.replace("[tool.noticegen]", "[tool.noticegen.build]") if "[tool." in where \
        else f"{where} [build]"
    if not isinstance(table, dict):
        raise ConfigError(tr(_lang(), "{where}: must be a table", where=where),
                          hint=tr(_lang(), "For example: {example}", example='[build] out = "site"'))
    unknown = sorted(set(table) - set(BUILD_KEYS))
    if unknown:
        raise ConfigError(tr(_lang(), "{where}: unknown setting '{key}'", where=where, key=unknown[0]),
                          hint=tr(_lang(), "Known settings: {keys}.", keys=", ".join(BUILD_KEYS)))
    out = table.get("out")
    if out is not None and (not isinstance(out, str) or not out.strip()):
        raise ConfigError(tr(_lang(), "{where}: out must be a folder name in quotes, such as \"site\"",
                               where=where))
    level = table.get("heading_level")
    if level is not None and (isinstance(level, bool) or not isinstance(level, int)
                              or not 1 <= level <= 4):
        raise ConfigError(tr(_lang(), "{where}: heading_level must be a number from 1 to 4", where=where))
    prefix = table.get("id_prefix")
    if prefix is not None and not isinstance(prefix, str):
        raise ConfigError(tr(_lang(), "{where}: id_prefix must be text in quotes, such as \"ng-\"",
                               where=where))
    lists: dict[str, tuple[str, ...] | None] = {}
    for key in ("lang", "formats"):
        value = table.get(key)
        if value is not None and (not isinstance(value, list) or not value
                                  or not all(isinstance(v, str) and v for v in value)):
            example = f'{key} = ["fi", "en"]' if key == "lang" else f'{key} = ["page", "fragment"]'
            raise ConfigError(tr(_lang(), "{where}: {key} must be a list of names in quotes", where=where,
                                   key=key), hint=tr(_lang(), "For example: {example}", example=example))
        lists[key] = tuple(value) if value is not None else None
    return BuildSettings(out=path.parent / out if out is not None else None, lang=lists["lang"],
                         formats=lists["formats"], heading_level=level, id_prefix=prefix)


def _rule_ref(item: Any, where: str) -> str:
    from noticegen.lint.registry import lookup, suggest

    ref = item.get("rule") if isinstance(item, dict) else item
    if not isinstance(ref, str):
        raise ConfigError(tr(_lang(), "{where}: disable lists {item}, not a rule code or name", where=where,
                               item=repr(item)),
                          hint=tr(_lang(), "Write codes or names in quotes: {example}",
                                    example='disable = ["NG107"]'))
    rule = lookup(ref)
    if rule is None:
        close = suggest(ref)
        raise ConfigError(tr(_lang(), "{where}: disable names an unknown rule '{ref}'", where=where, ref=ref),
                          hint=(tr(_lang(), "Did you mean {close}? ", close=close) if close else "")
                          + tr(_lang(), "`noticegen rules` lists them."))
    if rule.core:
        raise ConfigError(tr(_lang(), "{where}: {code} is a core check and cannot be switched off",
                               where=where, code=rule.code),
                          hint=tr(_lang(), "Fix the notice instead; `noticegen explain {code}` says how.",
                                    code=rule.code))
    return rule.code
