"""Locale-aware formatting with Babel: dates, ISO 8601 durations, lists and country names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache, lru_cache

from noticegen.model.types import DURATION_PARTS, parse_duration

# CLDR unit names for the parts of an ISO 8601 duration, largest first.
_UNITS = {part: f"duration-{part.removesuffix('s')}" for part in DURATION_PARTS}


@cache
def format_date(value: dt.date, locale: str, pattern: str) -> str:
    """A date in a CLDR pattern, e.g. ``d.M.y`` → 28.5.2018, ``d MMMM y`` → 28 May 2018."""
    from babel.dates import format_date as babel_date

    return babel_date(value, format=pattern, locale=locale)


@cache
def format_duration(iso: str, locale: str) -> str:
    """An ISO 8601 duration in words, exactly (never rounded): P1Y6M → "1 year and 6 months"."""
    from babel.units import format_unit

    parts = parse_duration(iso)
    words = [format_unit(parts[part], _UNITS[part], length="long", locale=locale)
             for part in DURATION_PARTS if part in parts]
    return format_list(tuple(words), locale)


@lru_cache(maxsize=4096)  # lists differ from notice to notice: bounded for batch builds
def format_list(items: Sequence[str], locale: str, style: str = "standard") -> str:
    """Items joined the way the language does: "a, b ja c" / "a, b and c"."""
    from babel.lists import format_list as babel_list

    if not items:
        return ""
    return babel_list(list(items), style=style, locale=locale)  # type: ignore[arg-type]


@cache
def country_name(code: str, locale: str) -> str:
    """A country's name in the locale's language (CLDR), e.g. US → Yhdysvallat."""
    from babel import Locale

    territories = Locale.parse(locale).territories
    return str(territories.get(code, code))


def lower_first(text: str) -> str:
    """Lower-case the first letter for use inside a sentence, unless the word is an acronym."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


__all__ = ["country_name", "format_date", "format_duration", "format_list", "lower_first"]
