"""Project settings: `noticegen.toml` or `[tool.noticegen]` in `pyproject.toml`, found by walking up."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from noticegen.errors import NoticegenError

FILE_NAMES = ("noticegen.toml", "pyproject.toml")
"""Looked for in this order in each folder, from the notice's folder up to the root."""
LANGS = ("en", "fi")
MESSAGE_LANG: str | None = None
"""The global `--lang` (`noticegen --lang fi build`), set by the command line: after a
command's own --lang, before the project setting and the locale."""


class ConfigError(NoticegenError):
    """The project settings file is wrong (exit code 2, like a wrong command line)."""

    exit_code = 2


@dataclass(frozen=True)
class Settings:
    """What a project can set once for all its notices."""

    strict: bool = False
    """Warnings fail `check` too, as with `--strict`."""
    disable: tuple[str, ...] = ()
    """Rules (codes or names) switched off for every notice of the project."""
    lang: str | None = None
    """Language of diagnostics, `fi` or `en` (`--lang` overrides it)."""
    path: Path | None = None
    """The file the settings came from (None: defaults)."""


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
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    if path.name == "pyproject.toml" and "noticegen" not in text:
        return None  # no [tool.noticegen] can be in it: skip parsing (and importing) TOML
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}",
                          hint="Check the quoting and brackets on that line.") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("noticegen")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.noticegen] must be a table")
        return table
    return data


def parse(table: dict[str, Any], path: Path) -> Settings:
    """Check a settings table and turn it into Settings; every mistake is a ConfigError."""
    where = f"{path}" + (" [tool.noticegen]" if path.name == "pyproject.toml" else "")
    unknown = sorted(set(table) - {"strict", "disable", "lang"})
    if unknown:
        raise ConfigError(f"{where}: unknown setting '{unknown[0]}'",
                          hint="Known settings: strict, disable, lang.")
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"{where}: strict must be true or false")
    lang = table.get("lang")
    if lang is not None and lang not in LANGS:
        raise ConfigError(f"{where}: lang must be one of {', '.join(LANGS)}, not {lang!r}")
    disable = table.get("disable", [])
    if not isinstance(disable, list):
        raise ConfigError(f"{where}: disable must be a list of rule codes or names",
                          hint='For example: disable = ["NG107", "style-hedging"]')
    return Settings(strict=strict, disable=tuple(_rule_ref(item, where) for item in disable),
                    lang=lang, path=path)


def _rule_ref(item: Any, where: str) -> str:
    from noticegen.lint.registry import lookup, suggest

    ref = item.get("rule") if isinstance(item, dict) else item
    if not isinstance(ref, str):
        raise ConfigError(f"{where}: disable lists {item!r}, not a rule code or name",
                          hint='Write codes or names in quotes: disable = ["NG107"]')
    rule = lookup(ref)
    if rule is None:
        close = suggest(ref)
        raise ConfigError(f"{where}: disable names an unknown rule '{ref}'",
                          hint=(f"Did you mean {close}? " if close else "")
                          + "`noticegen rules` lists them.")
    if rule.core:
        raise ConfigError(f"{where}: {rule.code} is a core check and cannot be switched off",
                          hint="Fix the notice instead; `noticegen explain "
                          f"{rule.code}` says how.")
    return rule.code
