"""Babel formatting per locale: durations from ISO 8601, dates, lists, country names."""

from __future__ import annotations

import datetime as dt

import pytest

from noticegen.render import formatting
from noticegen.render.environment import language


@pytest.mark.parametrize(
    ("iso", "fi", "en"),
    [
        ("P2Y", "2 vuotta", "2 years"),
        ("P1Y", "1 vuosi", "1 year"),
        ("P1Y6M", "1 vuosi ja 6 kuukautta", "1 year and 6 months"),
        ("P6M", "6 kuukautta", "6 months"),
        ("P365D", "365 päivää", "365 days"),
        ("P2W", "2 viikkoa", "2 weeks"),
        ("PT30M", "30 minuuttia", "30 minutes"),
        ("P1DT12H", "1 päivä ja 12 tuntia", "1 day and 12 hours"),
        ("P1Y2M3D", "1 vuosi, 2 kuukautta ja 3 päivää", "1 year, 2 months and 3 days"),
    ],
)
def test_durations_are_exact_in_both_languages(iso: str, fi: str, en: str) -> None:
    assert _plain(formatting.format_duration(iso, "fi_FI")) == fi
    assert _plain(formatting.format_duration(iso, "en_GB")) == en


def test_a_long_duration_is_never_rounded() -> None:
    # format_timedelta would say "about 2 years"; a retention period must be exact.
    assert _plain(formatting.format_duration("P1Y11M", "en_GB")) == "1 year and 11 months"


def test_session_duration_comes_from_the_language_file() -> None:
    assert "selain suljetaan" in language("fi").strings["session"]
    assert "browser is closed" in language("en").strings["session"]


@pytest.mark.parametrize(("lang", "expected"), [("fi", "28.5.2018"), ("en", "28 May 2018")])
def test_dates_use_the_language_pattern(lang: str, expected: str) -> None:
    settings = language(lang)
    got = formatting.format_date(dt.date(2018, 5, 28), settings.locale, settings.date_format)
    assert got == expected


def test_lists_join_the_way_each_language_does() -> None:
    assert formatting.format_list(("a", "b", "c"), "fi_FI") == "a, b ja c"
    assert formatting.format_list(("a", "b", "c"), "en_GB") == "a, b and c"
    assert formatting.format_list(("a",), "fi_FI") == "a"
    assert formatting.format_list((), "fi_FI") == ""


def test_country_names_come_from_cldr() -> None:
    assert formatting.country_name("US", "fi_FI") == "Yhdysvallat"
    assert formatting.country_name("US", "en_GB") == "United States"
    assert formatting.country_name("FI", "fi_FI") == "Suomi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Nimi", "nimi"), ("IP-osoite", "IP-osoite"), ("EU", "EU"), ("a", "a"), ("", "")],
)
def test_lower_first_keeps_acronyms(text: str, expected: str) -> None:
    assert formatting.lower_first(text) == expected


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")
