"""The built-in vocabularies: every file loads, every term is labelled, the legal flags hold."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

import pytest

from noticegen import vocab
from noticegen.resources import vocab_dir

LANGS = ("en", "fi", "sv")
SNAKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
PARTIAL = {"countries"}  # files marked `_meta: {partial_labels: true}`

ALL = vocab.names()
FULL = [name for name in ALL if name not in PARTIAL]


def _ids_with(name: str, attr: str) -> set[str]:
    return {t.id for t in vocab.vocabulary(name).values() if t.attrs.get(attr)}


def test_names_are_the_yaml_files() -> None:
    assert vocab.names() == sorted(p.stem for p in vocab_dir().glob("*.yaml"))
    for name in ("legal_bases", "rights", "countries", "retention_events"):
        assert name in ALL


@pytest.mark.parametrize("name", ALL)
def test_every_vocabulary_loads(name: str) -> None:
    terms = vocab.vocabulary(name)
    assert terms
    assert "_meta" not in terms
    for term_id, term in terms.items():
        assert term.id == term_id
        assert term.label.get("en")
    assert vocab.ids(name) == frozenset(terms)


@pytest.mark.parametrize("name", FULL)
def test_every_term_is_labelled_in_en_fi_sv(name: str) -> None:
    for term in vocab.vocabulary(name).values():
        for lang in LANGS:
            text = term.label.get(lang)
            assert isinstance(text, str) and text.strip(), f"{name}.{term.id}: no {lang} label"
            assert text == text.strip(), f"{name}.{term.id}: {lang} label has stray spaces"


@pytest.mark.parametrize("name", FULL)
def test_ids_are_snake_case(name: str) -> None:
    for term_id in vocab.ids(name):
        assert SNAKE.fullmatch(term_id), f"{name}: {term_id!r} is not snake_case"


@pytest.mark.parametrize("name", ALL)
def test_every_term_names_its_source(name: str) -> None:
    for term in vocab.vocabulary(name).values():
        source = term.attrs.get("source")
        if name == "countries":
            continue  # one source for the whole file, in its header
        assert isinstance(source, str) and source, f"{name}.{term.id}: no source"


def test_languages_are_en_fi_sv() -> None:
    assert vocab.languages() == frozenset(LANGS)


def test_countries() -> None:
    countries = vocab.vocabulary("countries")
    assert len(countries) == 249
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in countries)
    eea = {code for code, t in countries.items() if t.attrs["eea"] is True}
    assert len(eea) == 30
    assert {"FI", "SE", "IS", "LI", "NO"} <= eea
    assert not {"GB", "CH", "US", "AX"} & eea
    adequacy = {code for code, t in countries.items() if t.attrs["adequacy"] is True}
    assert {"GB", "CH", "JP", "KR", "CA", "NZ"} <= adequacy
    assert not eea & adequacy
    assert countries["US"].attrs["adequacy"] is False
    assert countries["US"].attrs["dpf"] is True
    assert countries["NO"].attrs["eea"] is True  # a bare NO would have been read as false
    for code in ("FI", "SE", "US", "GB", "IE", "DE", "NL", "MT", "EE"):
        for lang in LANGS:
            assert countries[code].label.get(lang), f"{code}: no {lang} name"
    assert vocab.label("countries", "FI", "fi") == "Suomi"
    assert vocab.label("countries", "US", "sv") == "USA"
    # fi/sv names of the other codes come from Babel at render time
    assert vocab.label("countries", "JP", "fi") == "Japan"


# The Commission's adequacy decisions in force on 3.12.2026 (Art. 45(3), and Directive 95/46/EC
# Art. 25(6) for those kept by Art. 45(9)); sources in docs/legal-sources.md, section "The United
# Kingdom's adequacy decision, and the other adequacy decisions in force". Brazil's,
# Implementing Decision (EU) 2026/179 of 26.1.2026 (OJ 28.1.2026), is the newest. The United
# Kingdom's 2021/1772 was amended in 2025 (extended, then renewed until 27.12.2031), not replaced.
ADEQUACY_IN_FORCE = {
    "AD": "2010/625/EU", "AR": "2003/490/EC", "BR": "(EU) 2026/179", "CA": "2002/2/EC",
    "CH": "2000/518/EC", "FO": "2010/146/EU", "GB": "(EU) 2021/1772", "GG": "2003/821/EC",
    "IL": "2011/61/EU", "IM": "2004/411/EC", "JE": "2008/393/EC", "JP": "(EU) 2019/419",
    "KR": "(EU) 2022/254", "NZ": "2013/65/EU", "UY": "2012/484/EU",
}


def test_adequacy_decisions_are_those_in_force() -> None:
    countries = vocab.vocabulary("countries")
    adequacy = {code: t.attrs["adequacy_decision"]["number"]["en"]
                for code, t in countries.items() if t.attrs["adequacy"] is True}
    assert adequacy == ADEQUACY_IN_FORCE
    assert countries["BR"].attrs["adequacy_decision"]["implementing"] is True


def test_label_falls_back_to_english() -> None:
    assert vocab.label("legal_bases", "consent", "fi") == "Suostumus"
    assert vocab.label("legal_bases", "consent", "de") == "Consent"
    assert vocab.vocabulary("legal_bases")["consent"].text("xx") == "Consent"


def test_unknown_names_raise_key_error() -> None:
    with pytest.raises(KeyError):
        vocab.vocabulary("no_such_vocabulary")
    with pytest.raises(KeyError):
        vocab.vocabulary("../legal_bases")
    with pytest.raises(KeyError):
        vocab.label("legal_bases", "no_such_basis", "en")


def test_terms_are_read_only() -> None:
    terms = vocab.vocabulary("legal_bases")
    assert isinstance(terms, MappingProxyType)
    consent = terms["consent"]
    with pytest.raises(TypeError):
        consent.label["en"] = "changed"
    with pytest.raises(TypeError):
        consent.attrs["statement"]["fi"] = "changed"
    assert vocab.vocabulary("legal_bases") is terms


def test_legal_bases_flags() -> None:
    bases = vocab.vocabulary("legal_bases")
    assert set(bases) == {
        "consent",
        "contract",
        "legal_obligation",
        "vital_interests",
        "public_task",
        "legitimate_interests",
    }
    assert _ids_with("legal_bases", "portability") == {"consent", "contract"}
    assert _ids_with("legal_bases", "objection") == {"public_task", "legitimate_interests"}
    assert _ids_with("legal_bases", "withdrawal") == {"consent"}
    for letter, term in zip("abcdef", bases.values(), strict=True):
        assert term.attrs["article"] == f"6(1)({letter})"
        for flag in ("portability", "objection", "withdrawal"):
            assert isinstance(term.attrs[flag], bool)
        for lang in LANGS:
            assert term.attrs["statement"][lang]
    assert (
        bases["consent"]
        .attrs["statement"]["fi"]
        .startswith("rekisteröity on antanut suostumuksensa henkilötietojensa käsittelyyn")
    )


def test_special_conditions() -> None:
    conditions = vocab.vocabulary("special_conditions")
    assert len(conditions) == 10
    for letter, term in zip("abcdefghij", conditions.values(), strict=True):
        assert term.attrs["article"] == f"9(2)({letter})"
    assert _ids_with("special_conditions", "withdrawal") == {"explicit_consent"}
    assert conditions["substantial_public_interest"].label["sv"] == "Viktigt allmänt intresse"


def test_data_category_flags() -> None:
    categories = vocab.vocabulary("data_categories")
    assert _ids_with("data_categories", "special") == {
        "health_data",
        "trade_union_membership",
        "biometric_data",
        "racial_ethnic_origin",
        "political_opinions",
        "religious_beliefs",
        "genetic_data",
        "sex_life_orientation",
    }
    assert _ids_with("data_categories", "criminal") == {"criminal_data"}
    assert _ids_with("data_categories", "identifies_device") == {
        "online_identifiers",
        "device_data",
    }
    for term in categories.values():
        for lang in LANGS:
            assert "special category" not in term.label[lang].lower()


def test_sources_flags() -> None:
    assert _ids_with("sources", "public") == {
        "trade_register",
        "population_information_system",
        "public_sources",
    }
    assert _ids_with("sources", "from_data_subject") == {"data_subject", "service_usage"}


def test_transfer_mechanisms() -> None:
    mechanisms = vocab.vocabulary("transfer_mechanisms")
    assert "no_transfer" not in mechanisms
    assert _ids_with("transfer_mechanisms", "requires_link") == {
        "standard_clauses",
        "binding_corporate_rules",
    }
    assert _ids_with("transfer_mechanisms", "adequacy") == {"adequacy_decision", "eu_us_dpf"}
    for term in mechanisms.values():
        assert term.attrs["article"]
        for flag in ("requires_link", "adequacy", "derogation"):
            assert isinstance(term.attrs[flag], bool)


def test_rights() -> None:
    rights = vocab.vocabulary("rights")
    assert {t.id: t.attrs["article"] for t in rights.values()} == {
        "access": "15",
        "rectification": "16",
        "erasure": "17",
        "restriction": "18",
        "portability": "20",
        "object": "21",
        "withdraw_consent": "7(3)",
        "no_automated_decision": "22",
        "complaint": "77",
    }
    for term in rights.values():
        for lang in LANGS:
            summary = term.attrs["summary"][lang]
            assert summary.endswith("."), f"rights.{term.id}: {lang} summary"


def test_cookie_categories() -> None:
    categories = vocab.vocabulary("cookie_categories")
    assert list(categories) == ["necessary", "preferences", "statistics", "marketing"]
    assert {t.id for t in categories.values() if not t.attrs["consent_required"]} == {"necessary"}
    for term in categories.values():
        for lang in LANGS:
            assert term.attrs["description"][lang]


def test_every_retention_event_has_after_phrases() -> None:
    events = vocab.vocabulary("retention_events")
    assert len(events) == 13
    for term in events.values():
        after = term.attrs["after"]
        for lang in LANGS:
            assert after[lang] and after[lang] == after[lang].strip()
        assert after["en"].startswith("after ")
        assert after["sv"].startswith("efter ")
    assert events["end_of_customer_relationship"].attrs["after"]["fi"] == (
        "asiakassuhteen päättymisestä"
    )
    assert events["end_of_financial_year"].attrs["after"]["fi"] == "tilikauden päättymisestä"
    # Kirjanpitolaki 1336/1997 2:10.2: vouchers are kept "sen vuoden lopusta, jonka aikana
    # tilikausi on päättynyt", not from the end of the financial period itself.
    assert events["end_of_year_of_financial_period"].attrs["after"] == {
        "fi": "sen vuoden lopusta, jonka aikana tilikausi päättyi",
        "en": "after the end of the year in which the financial period ended",
        "sv": "efter utgången av det år under vilket räkenskapsperioden gick ut",
    }


def test_events_that_end_a_retention_read_as_until() -> None:
    events = vocab.vocabulary("retention_events")
    assert events["consent_withdrawal"].attrs["until"] == {
        "fi": "Suostumuksen peruuttamiseen asti", "en": "Until consent is withdrawn",
        "sv": "Tills samtycket återkallas"}
    # An event that only starts the clock cannot end a retention by itself.
    for event in ("last_contact", "last_login", "collection", "end_of_financial_year",
                  "end_of_year_of_financial_period"):
        assert "until" not in events[event].attrs
    for term in events.values():
        if "until" in term.attrs:
            assert set(term.attrs["until"]) == set(LANGS)


def test_supervisory_authority() -> None:
    ombudsman = vocab.vocabulary("supervisory_authorities")["fi_ombudsman"]
    assert ombudsman.text("fi") == "Tietosuojavaltuutetun toimisto"
    assert ombudsman.text("sv") == "Dataombudsmannens byrå"
    assert ombudsman.text("en") == "Office of the Data Protection Ombudsman"
    assert ombudsman.attrs["email"] == "tietosuoja@om.fi"
    assert ombudsman.attrs["country"] == "FI"
    for field in ("visiting_address", "postal_address", "phone", "website"):
        assert set(ombudsman.attrs[field]) == set(LANGS)


def test_unverified_marks_name_real_languages() -> None:
    for name in FULL:
        for term in vocab.vocabulary(name).values():
            verified = term.attrs.get("verified", {})
            assert set(verified) <= set(LANGS)
            assert all(value is False for value in verified.values())


def test_terms_are_hashable() -> None:
    terms = vocab.vocabulary("rights")
    assert len(set(terms.values())) == len(terms)


# --- Every label says the same thing in every language (issue #15) ----------------------------

def test_labels_match_one_to_one_across_languages() -> None:
    """Every term of a fully labelled vocabulary has a label in every label language, and no two
    terms share a label in one language: the fi, en and sv label sets map one to one."""
    from noticegen.vocab.docs import label_languages, labelled

    langs = set(label_languages())
    assert {"fi", "en"} <= langs
    for name in labelled():
        terms = vocab.vocabulary(name).values()
        for term in terms:
            assert set(term.label) == langs, f"{name}.{term.id}: labels in {sorted(term.label)}"
        for lang in langs:
            seen: dict[str, str] = {}
            for term in terms:
                key = term.label[lang].casefold()
                assert key not in seen, f"{name}: {term.id} and {seen[key]} share {lang} label"
                seen[key] = term.id


def test_docs_vocabulary_page_is_current() -> None:
    from noticegen.vocab.docs import REGENERATE, vocabulary_markdown

    page = Path(__file__).resolve().parent.parent / "docs" / "vocabulary.md"
    assert page.read_text(encoding="utf-8") == vocabulary_markdown(), f"stale: run {REGENERATE}"


@pytest.mark.parametrize(("name", "term_id", "labels"), [
    # Labels that said different things in fi and en before issue #15.
    ("cookie_categories", "statistics",
     {"fi": "Analytiikkaevästeet", "en": "Analytics cookies"}),
    ("cookie_categories", "preferences", {"fi": "Asetusevästeet", "en": "Preference cookies"}),
    ("sources", "service_usage",
     {"fi": "Verkkosivustomme ja palveluidemme käytöstä syntyvät tiedot",
      "en": "Data generated by the use of our website and services"}),
    ("data_categories", "company_and_position", {"fi": "Yritys ja asema", "en": "Company and position"}),
    ("data_categories", "correspondence", {"fi": "Viestit ja yhteydenotot", "en": "Messages and enquiries"}),
    # Art. 6(1)(f): the label of the Ombudsman's guidance (tietosuoja.fi/kasittelyperusteet).
    ("legal_bases", "legitimate_interests", {"fi": "Oikeutettu etu", "en": "Legitimate interests"}),
    # Art. 27: the heading of the representative's contact details.
    ("roles", "representative", {"fi": "Rekisterinpitäjän edustaja EU:ssa",
                                 "en": "Controller's representative in the EU"}),
])
def test_labels_that_differed_between_languages(name: str, term_id: str,
                                                labels: dict[str, str]) -> None:
    for lang, text in labels.items():
        assert vocab.label(name, term_id, lang) == text
