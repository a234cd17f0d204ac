"""Swedish as a built-in notice language: settings, complete data, official terms, cross-language
checks. The sources of the terms asserted here are in docs/terms.sv.md."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from noticegen import catalog, vocab
from noticegen.cli import app
from noticegen.pipeline import check_text
from noticegen.render.environment import available_languages, language
from noticegen.render.formatting import format_date

ROOT = Path(__file__).resolve().parent.parent
TRILINGUAL = ROOT / "examples" / "qualitydesk-trilingual.yaml"
BUILTIN = ("en", "fi", "sv")


def _phrases(value: Any, where: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every text given per language (a mapping with an `en` key) inside ``value``."""
    if isinstance(value, Mapping):
        if "en" in value and all(isinstance(v, str) for v in value.values()):
            yield where, value
            return
        for key, item in value.items():
            yield from _phrases(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _phrases(item, f"{where}[{i}]")


def test_swedish_is_a_built_in_language() -> None:
    assert available_languages() == list(BUILTIN)
    sv = language("sv")
    assert (sv.name, sv.locale) == ("Svenska", "sv_FI")
    assert format_date(dt.date(2018, 5, 28), sv.locale, sv.date_format) == "28.5.2018"


def test_swedish_strings_have_every_key_of_the_english_ones() -> None:
    assert set(language("sv").messages) == set(language("en").messages)
    assert set(language("sv").strings) == set(language("en").strings)


@pytest.mark.parametrize("name", [n for n in vocab.names() if n != "countries"])
def test_every_vocabulary_text_is_in_every_built_in_language(name: str) -> None:
    for term in vocab.vocabulary(name).values():
        for where, texts in _phrases(dict(term.attrs), f"{name}.{term.id}"):
            missing = [lang for lang in BUILTIN if not texts.get(lang)]
            assert not missing, f"{where}: no {', '.join(missing)}"


@pytest.mark.parametrize("service_id", sorted(catalog.ids()))
def test_every_catalogue_text_is_in_every_built_in_language(service_id: str) -> None:
    # A catalogue text missing in a notice language is rendered as "–": never ship one.
    entry = catalog.service(service_id)
    found = list(_phrases(entry, service_id))
    assert found, f"{service_id}: no localized text at all"
    for where, texts in found:
        assert set(texts) == set(BUILTIN), f"{where}: languages {sorted(texts)}"


def _built_sv(tmp_path: Path) -> str:
    result = CliRunner().invoke(app, ["build", str(TRILINGUAL), "--out", str(tmp_path),
                                      "--format", "txt"])
    assert result.exit_code == 0, result.output
    return (tmp_path / TRILINGUAL.stem / "sv" / "notice.txt").read_text("utf-8")


def test_the_swedish_notice_uses_the_official_wording(tmp_path: Path) -> None:
    text = " ".join(_built_sv(tmp_path).split())
    for official in (
        "Dataskyddsbeskrivning",
        "Personuppgiftsansvarig och kontaktuppgifter",
        "(artikel 6.1 b i dataskyddsförordningen)",
        "Rätt att göra invändningar",
        "för direkt marknadsföring",
        "tvingande berättigade skäl",
        "Rätt att inge klagomål till en tillsynsmyndighet",
        "där du har din hemvist eller arbetar eller där det påstådda intrånget begicks",
        "Dataombudsmannens byrå",
        "Fågelviksgränden 4, 00530 Helsingfors",
        "utan onödigt dröjsmål och under alla omständigheter senast en månad",
        "med beaktande av hur komplicerad begäran är och antalet inkomna begäranden",
        "Standardiserade dataskyddsbestämmelser som antas av kommissionen (artikel 46.2 c i "
        "dataskyddsförordningen)",
        "Återkallandet av samtycket påverkar inte lagligheten av behandling",
        "Gäller från och med 1.12.2026",
    ):
        assert official in text, official
    assert "direktmarknadsföring" not in text


def test_the_swedish_notice_has_no_english_and_no_gaps(tmp_path: Path) -> None:
    text = _built_sv(tmp_path)
    english = [value for value in language("en").messages.values() if len(value) > 12]
    english += [texts["en"] for service_id in ("hotjar",)
                for _, texts in _phrases(catalog.service(service_id), service_id)]
    assert not [e for e in english if e in text]
    assert not re.search(r":\s+–\s*$", text, re.M), "a field rendered empty"


def _trilingual(**replace: str) -> str:
    text = TRILINGUAL.read_text("utf-8")
    for old, new in replace.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


SECURITY_SV = """      sv: >-
        Personuppgifterna lagras i system som skyddas med brandväggar, lösenord och andra
        tekniska medel. Endast de anställda hos QualityDesk Oy och hos de personuppgiftsbiträden
        som anges som mottagare som behöver uppgifterna i sitt arbete har tillgång till dem. Alla
        som har tillgång till uppgifterna är bundna av tystnadsplikt.
"""
AUTHORITIES_SV = "sv: Uppgifter lämnas ut till myndigheter endast när lagen förpliktar oss till det."


def _found(text: str) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in check_text(text, "n.yaml").diagnostics
            if d.code != "NG107"]


def test_the_trilingual_example_is_clean() -> None:
    assert _found(TRILINGUAL.read_text("utf-8")) == []


def test_a_missing_swedish_text_is_an_error() -> None:
    text = _trilingual(**{SECURITY_SV: ""})
    assert _found(text) == [("NG022", "the sv text is missing")]


def test_cross_language_checks_cover_swedish() -> None:
    shorter = _found(_trilingual(**{SECURITY_SV: "      sv: Uppgifterna skyddas.\n"}))
    assert [c for c, _ in shorter] == ["NG601"] and "Swedish text is much shorter" in shorter[0][1]
    same = _found(_trilingual(**{AUTHORITIES_SV: "sv: Data are disclosed to public authorities "
                                                 "only when the law obliges us to do so."}))
    assert ("NG604", "the text under `sv` looks like English") in same
    assert ("NG603", "the English text is the same as the Swedish one: it has not been "
                     "translated") in same
    fact = _found(_trilingual(**{"sv: Första publicerade versionen.":
                                 "sv: Första publicerade versionen, info@example.fi."}))
    assert ("NG602", "the Finnish text does not mention info@example.fi, which the Swedish "
                     "text does") in fact


def test_old_swedish_terms_of_the_repealed_law_are_flagged() -> None:
    text = _trilingual(**{AUTHORITIES_SV: "sv: Enligt registerbeskrivningen lämnar den "
                          "registeransvarige ut uppgifter ur personregistret till myndigheter endast "
                          "när lagen förpliktar oss till det; rätten till insyn gäller."})
    found = [m for c, m in _found(text) if c == "NG502"]
    assert [m.split('"')[1].casefold() for m in found] == [
        "registerbeskrivningen", "registeransvarige", "rätten till insyn", "personregistret"]
    assert "personuppgiftsansvarig" in " ".join(
        d.hint for d in check_text(text, "n.yaml").diagnostics if d.code == "NG502")


def test_diff_speaks_swedish(tmp_path: Path) -> None:
    new = _trilingual(**{
        "  email: privacy@qualitydesk.com           #": "  email: tietosuoja@qualitydesk.com       #",
        # The first marketing purpose's retention (the text is unique with its data categories).
        "phone_number, marketing_permissions]\n        retention: {period: P2Y, after: last_contact}":
            "phone_number, marketing_permissions]\n        retention: {period: P3Y, after: last_contact}",
        "    name: {fi: Viranomaiset, sv: Myndigheter, en: Public authorities}":
            "    name: {fi: Viranomaiset, sv: Myndigheter, en: Public authorities}\n"
            "    sector: {fi: Julkinen sektori, sv: Offentlig sektor, en: Public sector}",
    }).replace("uses: [hotjar]", "uses: [hotjar, google-analytics-4]")
    path = tmp_path / "new.yaml"
    path.write_text(new, "utf-8")
    result = CliRunner().invoke(app, ["diff", "--exit-code", "--lang", "sv", str(TRILINGUAL), str(path)])
    assert result.exit_code == 1, result.output
    out = result.output
    assert "Personuppgiftsansvarig: e-postadress har ändrats" in out
    assert "lagringstid har ändrats (2 år efter den senaste kontakten → 3 år" in out
    assert "Mottagare ”Google Ireland Limited” har lagts till" in out
    english = re.compile(r"\b(?:Added|Removed|changed|Purpose|Recipient|Cookie|from|to)\b")
    assert not english.search(out), out
    same = CliRunner().invoke(app, ["diff", "--lang", "sv", str(TRILINGUAL), str(TRILINGUAL)])
    assert same.exit_code == 0 and "Inga ändringar." in same.output
