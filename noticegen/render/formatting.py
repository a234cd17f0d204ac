"""Locale-aware formatting with Babel: dates, ISO 8601 durations, lists and country names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from noticegen.model.types import DURATION_PARTS, parse_duration

# CLDR unit names for the parts of an ISO 8601 duration, largest first.
_UNITS = {part: f"duration-{part.removesuffix('s')}" for part in DURATION_PARTS}


@cache
def format_date(value: dt.date, locale: str, pattern: str) -> str:
    """A date in a CLDR pattern, e.g. ``d.M.y`` → 28.5.2018, ``d MMMM y`` → 28 May 2018."""
    from babel.dates import format_date as babel_date

    return babel_date(value, format=pattern, locale=locale)


Units = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
"""A language's own unit names over CLDR's: ((unit, ((plural form, pattern), …)), …), e.g.
(("duration-day", (("one", "{0} dag"), ("other", "{0} dagar"))),), from ``language.yaml``."""


@cache
def format_duration(iso: str, locale: str, units: Units = ()) -> str:
    """An ISO 8601 duration in words, exactly (never rounded): P1Y6M → "1 year and 6 months".
    ``units`` replaces CLDR's name of a unit where the language's own usage differs (Swedish
    CLDR says "365 dygn"; a notice says "365 dagar")."""
    from babel import Locale
    from babel.numbers import format_decimal
    from babel.units import format_unit

    own = {unit: dict(forms) for unit, forms in units}
    parts = parse_duration(iso)
    words = []
    for part in DURATION_PARTS:
        if part not in parts:
            continue
        unit, count = _UNITS[part], parts[part]
        forms = own.get(unit)
        if forms:
            form = Locale.parse(locale).plural_form(count)
            number = format_decimal(count, locale=locale)
            words.append((forms.get(form) or forms["other"]).format(number))
        else:
            words.append(format_unit(count, unit, length="long", locale=locale))
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


def is_name_first(label: str | Mapping[str, str]) -> bool:
    """Whether a user's label starts with a name that keeps its capital inside a sentence:
    one text for every language, or the same first word in each of two or more languages
    ("Google-tilin tunniste" / "Google account ID"). A first word that differs from language
    to language ("Maa" / "Land" / "Country") is an ordinary word, capitalised only because it
    begins the label."""
    if isinstance(label, str):
        return True
    firsts = {text.split(maxsplit=1)[0].split("-")[0] for text in label.values() if text.strip()}
    return len(label) > 1 and len(firsts) == 1


__all__ = ["Units", "country_name", "format_date", "format_duration", "format_list", "is_name_first",
           "lower_first"]
