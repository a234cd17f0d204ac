"""The wording a legal review of the built notices asked for (issue #15), in every language.

Where a sentence follows an official language version of the GDPR, the test data name the
article it comes from; the quoted words are the official wording (EUR-Lex, CELEX 32016R0679).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import NoticeFactory, full_notice_data

from noticegen.pipeline import check_file
from noticegen.render import render, render_all

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"


def _text(path: Path, lang: str) -> str:
    """The plain-text notice, with its lines joined (wrapping must not hide a phrase)."""
    result = check_file(str(path))
    assert result.resolved is not None, [str(d) for d in result.errors]
    return _flat(render(result.resolved, lang=lang, fmt="txt"))


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("| ", " ").split())


# Official wording, by article and language version.
OFFICIAL: dict[str, dict[str, str]] = {
    # Art. 21(1): the right to object to processing on point (e) or (f) of Art. 6(1). Read
    # 3.12.2026: en gdprhub.eu/index.php?oldid=32851&title=Article_21_GDPR ("at any time …
    # including profiling based on those provisions"); fi privacykit.it/gdpreu/compare.php?num=21
    # &lang1=FI&lang2=SV ("Rekisteröidyllä on oikeus henkilökohtaiseen erityiseen tilanteeseensa
    # liittyvällä perusteella milloin tahansa vastustaa …"; its "kuten näihin säännöksiin
    # perustuvaa profilointia" is kept as "mukaan lukien": docs/legal-sources.md, Article 21).
    "21(1)": {"fi": "erityiseen tilanteeseesi liittyvällä perusteella milloin tahansa vastustaa",
              "en": "to object at any time, on grounds relating to your particular situation"},
    # Art. 21(2): the right to object to direct marketing, profiling included. Read 3.12.2026: fi
    # privacykit.it (as above) "mukaan lukien profilointia silloin kun se liittyy tällaiseen
    # suoramarkkinointiin"; en gdprhub.eu (as above) "which includes profiling to the extent that
    # it is related to such direct marketing".
    "21(2)": {"fi": "mukaan lukien profilointia silloin kun se liittyy tällaiseen "
                    "suoramarkkinointiin",
              "en": "which includes profiling to the extent that it is related to such direct "
                    "marketing"},
    # Art. 12(5): free of charge, but a fee or refusal for manifestly unfounded or excessive requests.
    "12(5)": {"fi": "ilmeisen perusteettomia tai kohtuuttomia, erityisesti jos niitä esitetään "
                    "toistuvasti",
              "en": "manifestly unfounded or excessive, in particular because of their repetitive "
                    "character"},
    # Art. 22(2)(a): "on välttämätön ... sopimuksen tekemistä tai täytäntöönpanoa varten".
    "22(2)(a)": {"fi": "välttämätön sinun ja meidän välisen sopimuksen tekemistä tai "
                       "täytäntöönpanoa varten",
                 "en": "necessary for entering into or performing a contract"},
}


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("article", ["21(1)", "21(2)", "12(5)"])
def test_the_example_uses_the_official_wording(article: str, lang: str) -> None:
    assert OFFICIAL[article][lang] in _text(EXAMPLE, lang), f"Art. {article} ({lang})"


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_art_22_2_a_says_necessary_not_needed(lang: str, notice_file: NoticeFactory) -> None:
    text = _text(notice_file(data=full_notice_data()), lang)
    assert OFFICIAL["22(2)(a)"][lang] in text
    assert "tarpeen sinun ja meidän välisen sopimuksen" not in text


# Art. 21(2), (4): the direct-marketing purpose itself repeats the right, profiling included.
DIRECT_MARKETING = {
    "fi": "Suoramarkkinointi: Voit milloin tahansa vastustaa henkilötietojesi käsittelyä "
          "suoramarkkinointia varten, mukaan lukien profilointia silloin kun se liittyy "
          "suoramarkkinointiin.",
    "en": "Direct marketing: You can object at any time to the processing of your personal data "
          "for direct marketing, which includes profiling to the extent that it is related to "
          "such direct marketing.",
}
FREE_OF_CHARGE = {  # Art. 12(5): "as a rule", not an absolute promise
    "fi": "Oikeuksiesi käyttäminen on lähtökohtaisesti maksutonta.",
    "en": "Exercising your rights is, as a rule, free of charge.",
}


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_direct_marketing_and_fees(lang: str) -> None:
    text = _text(EXAMPLE, lang)
    assert DIRECT_MARKETING[lang] in text
    assert FREE_OF_CHARGE[lang] in text
    assert "on maksutonta." not in text and "is free of charge." not in text


# Finnish grammar and style, and the English fixes, as the review asked for them.
WORDING = {
    "fi": [
        "säilytämme tietoja, mutta käsittelemme",
        "Käytämme verkkosivustollamme evästeitä",
        "Sinulla on rekisteröitynä alla kuvatut tietosuoja-asetuksen mukaiset oikeudet.",
        "jokaisen sivun alalaidassa olevasta Evästeasetukset-linkistä",
        "Välttämättömiä evästeitä käytetään vain silloin, kun se on välttämätöntä nimenomaisesti "
        "pyytämäsi palvelun tarjoamiseksi.",
        "mukaan lukien tällaiseen käsittelyyn perustuvaa profilointia.",
        "Välttämättömät evästeet ~",
        "Analytiikkaevästeet ~",
        "Onko henkilötietojen antaminen pakollista ~",
        "Oikeusperuste: Oikeutettu etu (tietosuoja-asetuksen 6 artiklan 1 kohdan f alakohta)",
    ],
    "en": [
        "Strictly necessary cookies are used only where this is strictly necessary to provide the "
        "service you have explicitly requested.",
        "Postal address: P.O. Box 800, FI-00531 Helsinki, Finland",
        "Analytics cookies ~",
    ],
}
NOT_WORDING = {
    "fi": ["Verkkosivustollamme käytetään", "sivuston alalaidan Evästeasetukset", "Oikeutetut edut",
           "pysyt kirjautuneena", "kuten tällaiseen käsittelyyn", "Nämä evästeet eivät edellytä",
           "Henkilötietojen antamisen pakollisuus",
           "Oikeutettu etu: Oikeutettu etumme", "Analytiikka ~"],
    "en": ["Statistics ~", "PL 800", "keep you logged in", "These cookies do not require",
           "Legitimate interest pursued: Our legitimate interest is"],
}


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_wording_of_the_review(lang: str) -> None:
    text = _text(EXAMPLE, lang)
    for phrase in WORDING[lang]:
        assert phrase in text, phrase
    for phrase in NOT_WORDING[lang]:
        assert phrase not in text, phrase


# One citation style per language: every article is cited as the language's `articles:` pattern
# says (templates/<lang>/language.yaml), in transfers as in purposes.
BARE_CITATION = {"fi": re.compile(r"\(\d+ artikla|\(\d+ artiklan"), "en": re.compile(r"\bArt\. \d")}


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_one_citation_style(lang: str, notice_file: NoticeFactory) -> None:
    text = _text(notice_file(data=full_notice_data()), lang)
    assert not BARE_CITATION[lang].search(text), BARE_CITATION[lang].search(text)
    transfer = {"fi": "Komission antamat tietosuojaa koskevat vakiolausekkeet (tietosuoja-asetuksen "
                      "46 artiklan 2 kohdan c alakohta)",
                "en": "Standard data protection clauses adopted by the Commission (Article 46(2)(c) "
                      "GDPR)"}
    assert transfer[lang] in _text(EXAMPLE, lang)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_art_27_heading(lang: str, notice_file: NoticeFactory) -> None:
    text = _text(notice_file(data=full_notice_data()), lang)
    heading = {"fi": "Rekisterinpitäjän edustaja EU:ssa", "en": "Controller's representative in the EU"}
    assert heading[lang] in text
    assert "(Art. 27)" not in text and "(27 artikla)" not in text


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_no_label_followed_by_its_own_paraphrase(lang: str, notice_file: NoticeFactory) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["registers"][0]["sources"] += ["public_sources", "trade_register"]

    text = _text(notice_file(edit=edit), lang)
    label = {"fi": "Yleisesti saatavilla olevat lähteet", "en": "Publicly accessible sources"}
    note = {"fi": "(yleisesti saatavilla oleva lähde)", "en": "(publicly accessible source)"}
    assert f"- {label[lang]} -" in text or text.count(label[lang]) == 1
    assert f"{label[lang]} {note[lang]}" not in text
    # A source whose label does not say so still gets the note (Art. 14(2)(f)).
    register = {"fi": "Kaupparekisteri (Patentti- ja rekisterihallitus) ",
                "en": "Trade Register (Finnish Patent and Registration Office) "}
    assert register[lang] + note[lang] in text


UNTIL = {"fi": "Suostumuksen peruuttamiseen asti", "en": "Until consent is withdrawn"}


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_retention_that_ends_with_an_event(lang: str, notice_file: NoticeFactory) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["registers"][0]["purposes"][-1]["retention"] = {"after": "consent_withdrawal"}

    text = _text(notice_file(edit=edit), lang)
    assert f"Säilytysaika: {UNTIL['fi']}" in text if lang == "fi" else (
        f"Retention period: {UNTIL['en']}" in text)
    assert "Säilytysaika päättyy" not in text and "Retention ends at" not in text


def test_retention_after_an_event_that_only_starts_the_clock_needs_a_period(
        notice_file: NoticeFactory) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["registers"][0]["purposes"][-1]["retention"] = {"after": "last_contact"}

    result = check_file(str(notice_file(edit=edit)))
    found = [d for d in result.diagnostics if d.code == "NG104"]
    assert found and "after: consent_withdrawal" in (found[0].hint or "")


# The consent sentence of the cookie section is the template's; init's `cookie_consent.change`
# must not say it again (it said "Kysymme suostumustasi kaikkiin muihin kuin välttämättömiin
# evästeisiin…" right after "…pyydämme suostumustasi kaikkiin muihin kuin välttämättömiin
# evästeisiin").
ASKED = {"fi": "suostumustasi kaikkiin muihin kuin välttämättömiin evästeisiin",
         "en": "ask for your consent to all"}


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_init_does_not_repeat_the_consent_sentence(lang: str, tmp_path: Path) -> None:
    from noticegen.init.starter import Answers, starter_text

    answers = Answers(company="Testi Oy", business_id="1234567-1", street="Katu 1",
                      postal_code="00530", city="Helsinki", email="tietosuoja@testi.fi",
                      choices=frozenset({"analytics"}), services={"analytics": ("hotjar",)})
    path = tmp_path / "starter.yaml"
    path.write_text(starter_text(answers), "utf-8")
    text = _text(path, lang)
    assert text.count(ASKED[lang]) == 1, text
    assert {"fi": "jokaisen sivun alalaidassa olevasta Evästeasetukset-linkistä",
            "en": "at the bottom of every page"}[lang] in text


# Art. 13(1)(f), 14(1)(f): "the existence or absence of an adequacy decision by the Commission,
# or ... reference to the appropriate or suitable safeguards and the means by which to obtain a
# copy of them or where they have been made available" (fi: "tieto sopivista tai
# asianmukaisista suojatoimista ja siitä, miten niistä saa jäljennöksen tai minne ne on asetettu
# saataville").
ADEQUACY = {
    "fi": ["Siirto perustuu Euroopan komission tietosuojan riittävyyttä koskevaan päätökseen: "
           "komission täytäntöönpanopäätös (EU) 2023/1795.",
           "päätökseen: komission päätös 2002/2/EY ja komission täytäntöönpanopäätös (EU) "
           "2019/419."],
    "en": ["The transfer is based on an adequacy decision of the European Commission: "
           "Commission Implementing Decision (EU) 2023/1795.",
           "Commission: Commission Decision 2002/2/EC and Commission Implementing Decision (EU) "
           "2019/419."],
}
SAFEGUARDS = {
    "fi": "Suojatoimet on asetettu saataville osoitteessa https://www.hotjar.com/legal/support/dpa/. "
          "Niistä voi myös pyytää jäljennöksen meiltä (yhteystiedot kohdassa Rekisterinpitäjä ja "
          "yhteystiedot).",
    "en": "The safeguards have been made available at https://www.hotjar.com/legal/support/dpa/. "
          "You can also request a copy of them from us (contact details under Controller and "
          "contact details).",
}
COPY_ONLY = {
    "fi": "Suojatoimista voi pyytää jäljennöksen meiltä (yhteystiedot kohdassa Rekisterinpitäjä "
          "ja yhteystiedot).",
    "en": "You can request a copy of the safeguards from us (contact details under Controller "
          "and contact details).",
}


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_adequacy_decisions_are_named(lang: str, notice_file: NoticeFactory) -> None:
    text = _text(notice_file(data=full_notice_data()), lang)
    for sentence in ADEQUACY[lang]:
        assert sentence in text


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_safeguards_say_where_they_are_and_that_a_copy_can_be_had(
        lang: str, notice_file: NoticeFactory) -> None:
    assert SAFEGUARDS[lang] in _text(EXAMPLE, lang)

    def edit(data: dict[str, Any]) -> None:
        data["recipients"].append({
            "id": "support", "name": "Support Pvt Ltd", "role": "processor", "country": "IN",
            "description": {"fi": "Asiakastuki.", "en": "Customer support."},
            "transfers": [{"countries": ["IN"], "mechanism": "standard_clauses"}]})
        data["registers"][0]["recipients"].append("support")

    text = _text(notice_file(edit=edit), lang)
    assert COPY_ONLY[lang] in text


# Art. 13(2)(e): "the possible consequences of failure to provide such data". The example and
# init's starter said "The law obliges us to keep our accounting records" (NG512 now finds it).
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_consequences_are_consequences(lang: str, tmp_path: Path) -> None:
    from noticegen.init.starter import Answers, starter_text

    starter = tmp_path / "starter.yaml"
    starter.write_text(starter_text(Answers(lang=lang)), "utf-8")
    for path in (EXAMPLE, starter):
        assert not [d for d in check_file(str(path)).diagnostics if d.code == "NG512"], path
    text = _text(EXAMPLE, lang)
    said = {"fi": "Seuraukset, jos tietoja ei anneta: Ilman näitä tietoja emme voi laskuttaa "
                  "sinua emmekä siksi toimittaa palvelua.",
            "en": "Consequences if the data are not provided: Without these data we cannot "
                  "invoice you, and so we cannot deliver the service."}
    assert said[lang] in text


# Kirjanpitolaki 1336/1997 2:10 has two clocks (checked 3.12.2026; sources in
# docs/legal-sources.md): 2:10.1 "tilinpäätös, toimintakertomus ja kirjanpidot … vähintään 10
# vuotta tilikauden päättymisestä" and 2:10.2 "tositteet … vähintään kuusi vuotta sen vuoden
# lopusta, jonka aikana tilikausi on päättynyt". The example and init's starter name both, with
# the words of the retention_events vocabulary (end_of_year_of_financial_period,
# end_of_financial_year); before, they gave only the six years.
ACCOUNTING = {
    "fi": ("Laskut ja muut tositteet säilytämme 6 vuotta sen vuoden lopusta, jonka aikana "
           "tilikausi päättyi, ja kirjanpidot 10 vuotta tilikauden päättymisestä (kirjanpitolain "
           "2 luvun 10 §)."),
    "sv": ("Fakturor och andra verifikat bevarar vi i 6 år efter utgången av det år under vilket "
           "räkenskapsperioden gick ut och bokföringsböckerna i 10 år efter räkenskapsperiodens utgång "
           "(2 kap. 10 § i bokföringslagen)."),
    "en": ("We keep invoices and other vouchers for 6 years after the end of the year in which "
           "the financial period ended, and the books of account for 10 years after the end of "
           "the financial period (Accounting Act, chapter 2, section 10)."),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_accounting_retention_names_both_clocks(lang: str, tmp_path: Path) -> None:
    from noticegen.init.starter import Answers, starter_text

    starter = tmp_path / "starter.yaml"
    languages = ("fi", "en") if lang != "sv" else ("sv", "fi")
    starter.write_text(starter_text(Answers(company="Testi Oy", lang=lang, languages=languages)),
                       "utf-8")
    for path in (EXAMPLE if lang != "sv" else TRILINGUAL, starter):
        result = check_file(str(path))
        assert result.resolved is not None
        assert ACCOUNTING[lang] in _flat(render(result.resolved, lang=lang, fmt="txt"))


# The Swedish notice (examples/qualitydesk-trilingual.yaml) says the same.
TRILINGUAL = ROOT / "examples" / "qualitydesk-trilingual.yaml"
OFFICIAL_SV = {
    # Art. 21(1) SV: "när som helst, av skäl som hänför sig till ... specifika situation"
    "21(1)": "rätt att när som helst, av skäl som hänför sig till din specifika situation",
    # Art. 21(2) SV: "vilket inkluderar profilering i den utsträckning som denna har ett samband
    # med sådan direkt marknadsföring" (gdprinfo.eu/sv/sv-article-21, read 3.12.2026; the notice
    # said "vilket inbegriper … har samband med", which no stored copy has).
    "21(2)": "vilket inkluderar profilering i den utsträckning som denna har ett samband med "
             "sådan direkt marknadsföring",
    # Art. 12(5) SV: "uppenbart ogrundade eller orimliga, särskilt på grund av deras repetitiva art"
    "12(5)": "uppenbart ogrundade eller orimliga, särskilt på grund av deras repetitiva art",
    # Art. 12(5)(a) SV: "ta ut en rimlig avgift som täcker de administrativa kostnaderna för att
    # tillhandahålla den information eller vidta den åtgärd som begärts" (gdprinfo.eu/sv/sv-article-12
    # and the reproduction of Art. 12 on gislavedenergi.se; docs/terms.sv.md, rights_free_of_charge).
    # The notice said "som grundar sig på de administrativa kostnaderna för att hantera begäran".
    "12(5)(a)": "ta ut en rimlig avgift som täcker de administrativa kostnaderna för att "
                "tillhandahålla den information eller vidta den åtgärd som begärts",
}


@pytest.mark.parametrize("article", sorted(OFFICIAL_SV))
def test_the_swedish_notice_uses_the_official_wording(article: str) -> None:
    text = _text(TRILINGUAL, "sv")
    assert OFFICIAL_SV[article] in text, f"Art. {article} (sv)"
    assert "avgift som grundar sig på" not in text
    assert "Det är i regel kostnadsfritt" in text
    assert "6 år efter utgången av det år under vilket räkenskapsperioden gick ut" in text


# Found by an independent review of the trilingual notice: the official wording of Art. 12(3)
# (the reasons for a delay), 12(6) (only information *necessary* to confirm identity) and
# 20(1)(b) in Swedish ("automatiserat", not "automatiskt").
REVIEW_WORDING: dict[str, dict[str, str]] = {
    # Art. 12(3): "together with the reasons for the delay" / "sekä viivästymisen syyt" /
    # "samt orsakerna till förseningen".
    "12(3)": {"en": "about any extension, and the reasons for the delay,",
              "fi": "jatkamisesta ja viivästymisen syistä",
              "sv": "förlängning och om orsakerna till förseningen"},
    # Art. 12(6): "additional information necessary to confirm the identity" / "lisätietoja,
    # jotka ovat tarpeen ... henkilöllisyyden vahvistamiseksi" / "ytterligare information som
    # är nödvändig för att bekräfta den registrerades identitet".
    "12(6)": {"en": "the additional information necessary to confirm it",
              "fi": "lisätietoja, jotka ovat tarpeen henkilöllisyyden vahvistamiseksi",
              "sv": "ytterligare information som är nödvändig för att bekräfta identiteten"},
    # Art. 20(1)(b) SV: "behandlingen sker automatiserat".
    "20(1)(b)": {"sv": "sker automatiserat"},
}


@pytest.mark.parametrize(("article", "lang"),
                         [(a, lang) for a, texts in sorted(REVIEW_WORDING.items()) for lang in texts])
def test_rights_follow_articles_12_3_12_6_and_20(article: str, lang: str) -> None:
    assert REVIEW_WORDING[article][lang] in _text(TRILINGUAL, lang), f"Art. {article} ({lang})"


# The second review of the trilingual notice (/work/review-legal.md, B2, B3, B4, B6, C2-C5).
def _summary_line(text: str, heading: str) -> str:
    """The summary's line that starts with ``heading:`` (up to the next summary heading)."""
    start = text.index(heading + ":")
    return text[start:start + 400]


# B2, Art. 13(1)(f): the summary says where the data go and on what ground, and does not make
# the recipient the one who transfers ("…transferred … by: Hotjar Ltd").
# Review 13:03, 1.1/1.2/2.1: Hotjar Ltd is in Malta; only the processors it engages are in the
# US (Art. 28(2): "another processor" / "toisen henkilötietojen käsittelijän" / "ett annat
# personuppgiftsbiträde"), and only the analytics purpose's data go there, not the register's.
# Independent review of 2026-12-03 evening, 1: Hotjar's affiliates that handle visitor data are
# also outside the US (Contentsquare's sub-processor list, v2026.3): every country is named.
SUMMARY_TRANSFER = {
    "fi": "Vain seuraavien käsittelyn tarkoitusten henkilötietoja siirretään Euroopan unionin (EU) "
          "tai Euroopan talousalueen (ETA) ulkopuolelle: - Verkkosivuston käytön analysointi ja "
          "käyttökokemuksen parantaminen Hotjarilla: Yhdysvallat, Singapore, Arabiemiirikunnat ja "
          "Egypti (alihankkijoina toimivat käsittelijät, joita Hotjar Ltd käyttää; komission "
          "antamat tietosuojaa koskevat vakiolausekkeet) ja Iso-Britannia, Israel, Japani ja "
          "Kanada (alihankkijoina toimivat käsittelijät, joita Hotjar Ltd käyttää; tietosuojan "
          "riittävyyttä koskeva päätös)",
    "sv": "Endast personuppgifter som behandlas för följande ändamål överförs utanför Europeiska "
          "unionen (EU) eller Europeiska ekonomiska samarbetsområdet (EES): - Att analysera "
          "användningen av vår webbplats och förbättra dess användbarhet med Hotjar: USA, "
          "Singapore, Förenade Arabemiraten och Egypten (underbiträden som Hotjar Ltd anlitar; "
          "standardiserade dataskyddsbestämmelser som antas av kommissionen) och Storbritannien, "
          "Israel, Japan och Kanada (underbiträden som Hotjar Ltd anlitar; beslut om adekvat "
          "skyddsnivå)",
    "en": "Only the personal data processed for the following purposes are transferred outside the "
          "European Union (EU) or the European Economic Area (EEA): - Analysing the use of our "
          "website and improving its usability with Hotjar: United States, Singapore, United Arab "
          "Emirates and Egypt (sub-processors engaged by Hotjar Ltd; standard data protection "
          "clauses adopted by the Commission) and United Kingdom, Israel, Japan and Canada "
          "(sub-processors engaged by Hotjar Ltd; adequacy decision)",
}
WRONG_ACTOR = {"fi": "Henkilötietoja siirtävät", "sv": "(EES) av:", "en": "(EEA) by:"}
# What main said before: Hotjar Ltd itself "in" the United States.
HOTJAR_IN_THE_US = {"fi": "Yhdysvallat (Hotjar Ltd;", "sv": "USA (Hotjar Ltd;",
                    "en": "United States (Hotjar Ltd;"}
TABLE_RECIPIENT = {"fi": "Vastaanottaja: Alihankkijoina toimivat käsittelijät, joita Hotjar Ltd käyttää "
                         "Käsittelyn tarkoitukset: Verkkosivuston käytön analysointi",
                   "sv": "Mottagare: Underbiträden som Hotjar Ltd anlitar Ändamål: Att analysera "
                         "användningen av vår webbplats",
                   "en": "Recipient: Sub-processors engaged by Hotjar Ltd Purposes: Analysing the use "
                         "of our website"}

TABLE_CELL = {"fi": "Alihankkijoina toimivat käsittelijät, joita Hotjar Ltd käyttää",
              "sv": "Underbiträden som Hotjar Ltd anlitar", "en": "Sub-processors engaged by Hotjar Ltd"}


# Review of 13:03, 2.1: Art. 46(2)(c), the official wording of each language version (EUR-Lex,
# CELEX 32016R0679, read in the stored copies gdprinfo.eu/fi/fi-article-46,
# gdprinfo.eu/sv/sv-article-46 and privacykit.it/gdpreu/compare.php?num=46&lang1=SV):
# en "standard data protection clauses adopted by the Commission in accordance with the
#     examination procedure referred to in Article 93(2)";
# fi "komission 93 artiklan 2 kohdassa tarkoitettua tarkastelumenettelyä noudattaen antamat
#     tietosuojaa koskevat vakiolausekkeet";
# sv "standardiserade dataskyddsbestämmelser som antas av kommissionen i enlighet med det
#     granskningsförfarande som avses i artikel 93.2".
ART_46_2_C = {"fi": "komission antamat tietosuojaa koskevat vakiolausekkeet",
              "sv": "standardiserade dataskyddsbestämmelser som antas av kommissionen",
              "en": "standard data protection clauses adopted by the Commission"}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_standard_clauses_are_those_adopted_by_the_commission(lang: str) -> None:
    text = _text(TRILINGUAL, lang)
    table = ART_46_2_C[lang][0].upper() + ART_46_2_C[lang][1:]
    assert f"{table} (" in text  # the transfer table, with its article
    assert f"; {ART_46_2_C[lang]})" in text  # the summary
    result = check_file(str(TRILINGUAL))
    assert result.resolved is not None
    files = render_all(result.resolved, languages=[lang], formats=["short"])
    assert f"; {ART_46_2_C[lang]})" in _flat(files[f"{lang}/short/customers.txt"].decode("utf-8"))


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_summary_names_the_country_and_ground_of_each_transfer(lang: str) -> None:
    text = _text(TRILINGUAL, lang)
    assert SUMMARY_TRANSFER[lang] in text
    assert WRONG_ACTOR[lang] not in text
    assert "Seuraavat vastaanottajat siirtävät" not in text
    assert "Följande mottagare överför" not in text
    assert "The following recipients transfer" not in text


@pytest.mark.parametrize("fmt", ["txt", "md", "fragment"])
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_an_eu_processor_is_not_placed_in_the_country_of_its_sub_processors(
        lang: str, fmt: str) -> None:
    result = check_file(str(TRILINGUAL))
    assert result.resolved is not None
    text = _flat(re.sub(r"<[^>]+>|[*_|]", " ", render(result.resolved, lang=lang, fmt=fmt)))
    assert HOTJAR_IN_THE_US[lang] not in text
    assert (TABLE_RECIPIENT if fmt == "txt" else TABLE_CELL)[lang] in text
    assert SUMMARY_TRANSFER[lang].split(": - ")[1] in text


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_short_notice_says_which_data_go_and_to_whose_sub_processors(lang: str) -> None:
    result = check_file(str(TRILINGUAL))
    assert result.resolved is not None
    register = result.resolved.notice.registers[0]
    files = render_all(result.resolved, languages=[lang], formats=["short"])
    text = _flat(files[f"{lang}/short/{register.id}.txt"].decode("utf-8"))
    assert SUMMARY_TRANSFER[lang] in text
    assert HOTJAR_IN_THE_US[lang] not in text
    # The contact form's own purposes are not said to be transferred.
    transfers = text[text.index(SUMMARY_TRANSFER[lang][:30]):]
    transfers = transfers.split(" - ")[1]  # the one list item, up to the next
    assert "Hotjar" in transfers
    for purpose in register.purposes:
        if "hotjar" not in purpose.recipients:
            assert str(purpose.description[lang]) not in transfers


def test_a_controller_recipients_processors_and_a_register_wide_recipient(
        notice_file: NoticeFactory) -> None:
    """A controller's own processors are "processors", not "sub-processors"; a recipient named
    by the register receives, and so transfers, the data of every purpose."""
    def edit(data: dict[str, Any]) -> None:
        data["recipients"].append({
            "id": "ads", "name": "Ads Ireland Ltd", "role": "independent_controller",
            "country": "IE", "transfers": [{"countries": ["US"], "sub_processors": True,
                                            "mechanism": "standard_clauses",
                                            "link": "https://ads.example.com/terms"}]})
        data["registers"][0]["recipients"] = [*data["registers"][0].get("recipients", []), "ads"]

    result = check_file(str(notice_file(edit=edit)))
    assert result.resolved is not None, [str(d) for d in result.errors]
    text = _flat(render(result.resolved, lang="en", fmt="txt"))
    assert "United States (processors engaged by Ads Ireland Ltd;" in text
    assert "Recipient: Processors engaged by Ads Ireland Ltd" in text
    summary = text[text.index("Transfers outside the EU/EEA: "):text.index("Retention period:")]
    assert summary.startswith("Transfers outside the EU/EEA: Personal data are transferred "
                              "outside the European Union (EU) or the European Economic Area "
                              "(EEA) as follows: - All purposes: United States (processors "
                              "engaged by Ads Ireland Ltd;"), summary
    assert "Only the personal data" not in text
    assert "Purposes: all Country: United States" in text
    doc = json.loads(render(result.resolved, lang="en", fmt="json"))
    ads = next(t for t in doc["transfers"] if t["recipient"] == "ads")
    assert ads["sub_processors"] is True
    assert ads["purposes"] == [p.id for p in result.resolved.notice.registers[0].purposes]
    hotjar = next(t for t in doc["transfers"] if t["recipient"] == "hotjar")
    assert hotjar["purposes"] == ["website-analytics"]


# Issue #15, point 2: a recipient that is itself a controller established in the EU/EEA (Google
# Ireland Limited for Google Ads) transfers the data to the US under its own responsibility
# (`onward: true`): the notice neither places the Irish company in the US nor presents the
# transfer as the controller's own. Controller: Art. 4(7) ("rekisterinpitäjä",
# "personuppgiftsansvarig"), the words of the roles vocabulary.
ONWARD = {
    "fi": "Yhdysvallat (Google Ireland Limited, joka siirtää tiedot sinne rekisterinpitäjänä omalla "
          "vastuullaan; komission antamat tietosuojaa koskevat vakiolausekkeet)",
    "sv": "USA (Google Ireland Limited, som överför uppgifterna dit i egenskap av "
          "personuppgiftsansvarig och på eget ansvar; standardiserade dataskyddsbestämmelser som "
          "antas av kommissionen)",
    "en": "United States (Google Ireland Limited, which transfers the data there as a controller "
          "under its own responsibility; standard data protection clauses adopted by the Commission)",
}
ONWARD_TABLE = {
    "fi": "Google Ireland Limited, joka siirtää tiedot sinne rekisterinpitäjänä omalla vastuullaan",
    "sv": "Google Ireland Limited, som överför uppgifterna dit i egenskap av personuppgiftsansvarig "
          "och på eget ansvar",
    "en": "Google Ireland Limited, which transfers the data there as a controller under its own "
          "responsibility",
}
# A recipient that transfers as a controller (onward: true) may state its clauses without
# publishing them (Microsoft's Clarity FAQ), so the cell says that it describes them there, which
# is true of both; "has made the safeguards available" was true of Google's terms only.
ONWARD_SAFEGUARDS = {
    "fi": "Vastaanottaja kertoo suojatoimista osoitteessa "
          "https://business.safety.google/controllerterms/",
    "sv": "Mottagaren beskriver skyddsåtgärderna på "
          "https://business.safety.google/controllerterms/",
    "en": "The recipient describes the safeguards at "
          "https://business.safety.google/controllerterms/",
}
GOOGLE_IN_THE_US = {"fi": "Yhdysvallat (Google Ireland Limited;", "sv": "USA (Google Ireland Limited;",
                    "en": "United States (Google Ireland Limited;"}
NOT_TRANSFERRED = {"fi": "ei siirretä Euroopan unionin", "sv": "överförs inte utanför",
                   "en": "are not transferred outside"}


def _with_google_ads(tmp_path: Path, only: bool = False) -> Path:
    import yaml

    data = yaml.safe_load(TRILINGUAL.read_text("utf-8"))
    if only:  # no Hotjar: the onward transfer is the only one
        data.pop("uses", None)
        data["recipients"] = [r for r in data["recipients"] if r["id"] != "hotjar"]
        data["cookies"] = []
        for register in data["registers"]:
            register["recipients"] = [r for r in register.get("recipients", []) if r != "hotjar"]
            register["purposes"] = [p for p in register["purposes"]
                                    if "hotjar" not in p.get("recipients", [])]
    data["recipients"].append({"id": "ads", "service": "google-ads", "cookies": []})
    data["registers"][0]["recipients"] = [*data["registers"][0].get("recipients", []), "ads"]
    path = tmp_path / ("ads-only.yaml" if only else "ads.yaml")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_controllers_onward_transfer_is_its_own_in_every_output(lang: str, tmp_path: Path) -> None:
    result = check_file(str(_with_google_ads(tmp_path)))
    assert result.resolved is not None, [str(d) for d in result.errors]
    assert not [d for d in result.diagnostics if d.code in ("NG310", "NG311")]
    files = render_all(result.resolved, languages=[lang],
                       formats=["page", "fragment", "md", "txt", "short"])
    register = result.resolved.notice.registers[0].id
    for name, data in files.items():
        if not name.endswith((".html", ".md", ".txt")):
            continue
        text = _flat(re.sub(r"<[^>]+>|[*_|]", " ", data.decode("utf-8")))
        assert GOOGLE_IN_THE_US[lang] not in text, name
        # The summary, the short notices and the transfer table (the fragment has the table).
        assert ONWARD[lang] in text or ONWARD_TABLE[lang] in text, name
    page = _flat(render(result.resolved, lang=lang, fmt="txt"))
    assert ONWARD_TABLE[lang] in page and ONWARD_SAFEGUARDS[lang] in page
    assert NOT_TRANSFERRED[lang] not in page
    short = _flat(files[f"{lang}/short/{register}.txt"].decode("utf-8"))
    assert ONWARD[lang] in short
    doc = json.loads(render(result.resolved, lang=lang, fmt="json"))
    ads = next(t for t in doc["transfers"] if t["recipient"] == "ads")
    assert ads["onward"] is True and ads["sub_processors"] is False


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_an_onward_transfer_alone_is_still_a_transfer_outside_the_eea(
        lang: str, tmp_path: Path) -> None:
    """The "not transferred outside the EU/EEA" sentence stays for notices with no transfer at
    all: the data do leave the EEA, by the recipient's hand, and the notice says so."""
    result = check_file(str(_with_google_ads(tmp_path, only=True)))
    assert result.resolved is not None, [str(d) for d in result.errors]
    page = _flat(render(result.resolved, lang=lang, fmt="txt"))
    assert ONWARD[lang] in page and ONWARD_TABLE[lang] in page
    assert NOT_TRANSFERRED[lang] not in page


# Microsoft Clarity's onward transfer to Microsoft Corporation in the US: Microsoft's Clarity FAQ
# says Microsoft Ireland Operations Limited has standard contractual clauses with Microsoft
# Corporation (docs/legal-sources.md, "Microsoft Clarity's transfer to the United States").
# Before, the catalogue gave no mechanism and the notice could not say on what ground.
CLARITY_SAFEGUARDS = {
    "fi": ("Microsoft Ireland Operations Limited, joka siirtää tiedot sinne rekisterinpitäjänä "
           "omalla vastuullaan", "Komission antamat tietosuojaa koskevat vakiolausekkeet",
           "Vastaanottaja kertoo suojatoimista osoitteessa "
           "https://learn.microsoft.com/en-us/clarity/faq"),
    "sv": ("Microsoft Ireland Operations Limited, som överför uppgifterna dit i egenskap av "
           "personuppgiftsansvarig och på eget ansvar",
           "Standardiserade dataskyddsbestämmelser som antas av kommissionen",
           "Mottagaren beskriver skyddsåtgärderna på https://learn.microsoft.com/en-us/clarity/faq"),
    "en": ("Microsoft Ireland Operations Limited, which transfers the data there as a controller "
           "under its own responsibility", "Standard data protection clauses adopted by the Commission",
           "The recipient describes the safeguards at https://learn.microsoft.com/en-us/clarity/faq"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_clarity_names_microsofts_safeguards_for_its_onward_transfer(
        lang: str, tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(TRILINGUAL.read_text("utf-8"))
    data["recipients"].append({"id": "clarity", "service": "microsoft-clarity", "cookies": []})
    data["registers"][0]["recipients"] = [*data["registers"][0].get("recipients", []), "clarity"]
    path = tmp_path / "clarity.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = check_file(str(path))
    assert result.resolved is not None, [str(d) for d in result.errors]
    assert not [d for d in result.diagnostics if d.code.startswith("NG3")], \
        [str(d) for d in result.diagnostics]
    page = _flat(render(result.resolved, lang=lang, fmt="txt"))
    for said in CLARITY_SAFEGUARDS[lang]:
        assert said in page


def test_a_summary_transfer_without_a_mechanism_or_countries_is_still_shown(
        notice_file: NoticeFactory) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["recipients"].append({"id": "far", "name": "Far Ltd", "role": "processor",
                                   "country": "GB", "transfers": [{"countries": ["GB", "JP"]}]})
        data["registers"][0]["recipients"] = [*data["registers"][0].get("recipients", []), "far"]

    result = check_file(str(notice_file(edit=edit)))
    assert result.resolved is not None
    text = _flat(render(result.resolved, lang="en", fmt="txt"))
    assert "United Kingdom and Japan (Far Ltd)" in text


# B3, Art. 77(1): "in particular in the Member State of his or her habitual residence, place of
# work or place of the alleged infringement" / fi "erityisesti siinä jäsenvaltiossa, jossa hänen
# vakinainen asuinpaikkansa tai työpaikkansa on tai jossa väitetty rikkominen on tapahtunut" /
# sv "särskilt i den medlemsstat där han eller hon har sin hemvist eller sin arbetsplats eller
# där det påstådda intrånget begicks". The summary must not name only the Finnish authority.
SUMMARY_COMPLAINT = {
    "fi": "Tietosuojavaltuutetun toimisto tai sen EU- tai ETA-maan valvontaviranomainen, jossa "
          "asut vakituisesti tai työskentelet tai jossa väitetty rikkominen on tapahtunut",
    "sv": "Dataombudsmannens byrå eller tillsynsmyndigheten i det EU- eller EES-land där du har "
          "din hemvist eller arbetar eller där det påstådda intrånget begicks",
    "en": "Office of the Data Protection Ombudsman, or the supervisory authority of the EU or "
          "EEA country where you usually live or work or where the alleged infringement took "
          "place",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_summary_complaint_line_follows_art_77_1(lang: str) -> None:
    assert SUMMARY_COMPLAINT[lang] in _text(TRILINGUAL, lang)


# B6, s. 205(2) of Act 917/2014 ("välttämätöntä ... tilaajan tai käyttäjän nimenomaisesti
# pyytämän palvelun tarjoamiseksi") and Art. 5(3) of Directive 2002/58/EC ("strictly necessary
# in order for the provider of an information society service explicitly requested by the
# subscriber or user to provide the service"): not "because the website cannot work without
# them".
NECESSARY_COOKIES = {
    "fi": "Evästeet, jotka ovat välttämättömiä nimenomaisesti pyytämäsi palvelun tarjoamiseksi, "
          "eivät edellytä suostumusta.",
    "sv": "Kakor som är nödvändiga för att tillhandahålla den tjänst som du uttryckligen har "
          "begärt kräver inte samtycke.",
    "en": "Cookies that are strictly necessary to provide the service you have explicitly "
          "requested do not require consent.",
}
TOO_BROAD = {"fi": "koska sivusto ei toimi ilman niitä", "sv": "webbplatsen inte fungerar utan",
             "en": "the website cannot work without them"}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_why_necessary_cookies_need_no_consent(lang: str) -> None:
    text = _text(TRILINGUAL, lang)
    assert NECESSARY_COOKIES[lang] in text
    assert TOO_BROAD[lang] not in text


# B4, Art. 6(1)(b): contract covers performing a contract and "steps at the request of the data
# subject prior to entering into a contract", not every enquiry. The example and init's starter
# name contract purposes that are pre-contractual steps.
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_contract_purposes_answer_only_precontractual_requests(lang: str, tmp_path: Path) -> None:
    from noticegen.init.starter import Answers, starter_text

    generic = {"fi": "sekä yhteydenottoihin vastaaminen", "sv": "och besvara förfrågningar (",
               "en": "and answering enquiries"}[lang]
    assert generic not in _text(TRILINGUAL, lang)
    if lang == "sv":
        return
    assert generic not in _text(EXAMPLE, lang)
    answers = Answers(company="Testi Oy", business_id="1234567-1", street="Katu 1",
                      postal_code="00530", city="Helsinki", email="tietosuoja@testi.fi",
                      choices=frozenset(), services={})
    path = tmp_path / "starter.yaml"
    path.write_text(starter_text(answers), "utf-8")
    assert {"fi": "yhteydenottoihin vastaaminen", "en": "answering enquiries"}[lang] \
        not in path.read_text("utf-8")


# C2: a custom label is lower-cased inside the summary's sentence like a built-in one, unless
# its first word is a name (the same in every language).
@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "ja maa (IP-osoitteen perusteella)"), ("sv", "och land (härlett från IP-adressen)"),
    ("en", "and country (derived from the IP address)")])
def test_custom_labels_are_lower_case_inside_the_summary(lang: str, expected: str) -> None:
    assert expected in _text(TRILINGUAL, lang)


def test_a_custom_label_that_starts_with_a_name_keeps_its_capital() -> None:
    from noticegen.render.formatting import is_name_first

    assert is_name_first({"fi": "Google-tilin tunniste", "en": "Google account ID"})
    assert is_name_first("Slack user ID")
    assert not is_name_first({"fi": "Maa", "sv": "Land", "en": "Country"})
    assert not is_name_first({"fi": "Ajoneuvon rekisterinumero"})


# C3, C4, C5: Swedish wording. "kak-id" is not established Swedish; CLDR's "365 dygn" is not
# how a Finland-Swedish notice gives a period in days; _hjTLDTest says the same in all three.
def test_swedish_identifiers_and_days() -> None:
    text = _text(TRILINGUAL, "sv")
    assert "Onlineidentifikatorer (IP-adress, enhetsidentifierare och identifierare i kakor)" in text
    assert "kak-id" not in text
    assert "365 dagar" in text and "dygn" not in text


def test_swedish_day_units_follow_the_plural() -> None:
    from noticegen.render.environment import language
    from noticegen.render.formatting import format_duration

    units = language("sv").units
    assert format_duration("P1D", "sv_FI", units) == "1 dag"
    assert format_duration("P1Y2D", "sv_FI", units) == "1 år och 2 dagar"
    assert format_duration("P1000D", "sv_FI", units) == "1\u00a0000 dagar"
    assert format_duration("P2D", "fi_FI", language("fi").units) == "2 päivää"


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi", "Selvittää ylimmän verkkotunnuksen tason, jolle Hotjarin evästeet voidaan tallentaa"),
    ("sv", "Avgör den högsta domännivå där Hotjars kakor kan lagras"),
    ("en", "Finds the highest domain level on which Hotjar cookies can be stored")])
def test_hjtldtest_says_the_same_in_every_language(lang: str, expected: str) -> None:
    assert expected in _text(TRILINGUAL, lang)


# Art. 13(1)(f), 45(3): a transfer to the United Kingdom names the Commission's adequacy decision
# under the GDPR, Implementing Decision (EU) 2021/1772 of 28 June 2021 (CELEX 32021D1772), not
# only "an adequacy decision".
UK_ADEQUACY = {
    "fi": "Siirto perustuu Euroopan komission tietosuojan riittävyyttä koskevaan päätökseen: "
          "komission täytäntöönpanopäätös (EU) 2021/1772.",
    "sv": "Överföringen grundar sig på ett beslut av Europeiska kommissionen om adekvat "
          "skyddsnivå: kommissionens genomförandebeslut (EU) 2021/1772.",
    "en": "The transfer is based on an adequacy decision of the European Commission: Commission "
          "Implementing Decision (EU) 2021/1772.",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_transfer_to_the_uk_names_its_adequacy_decision(lang: str, tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(TRILINGUAL.read_text("utf-8"))
    data["recipients"].append({
        "id": "uk-support", "name": "Support UK Ltd", "role": "processor", "country": "GB",
        "description": {"fi": "Asiakastuki.", "sv": "Kundtjänst.", "en": "Customer support."},
        "transfers": [{"countries": ["GB"], "mechanism": "adequacy_decision"}]})
    data["registers"][0]["recipients"] = [*data["registers"][0].get("recipients", []), "uk-support"]
    path = tmp_path / "uk.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    text = _text(path, lang)
    assert UK_ADEQUACY[lang] in text
# C1: the Swedish notice gives the controller's address in Swedish where the street and the
# city have official Swedish names (Hämeentie = Tavastvägen, Helsinki = Helsingfors), as it
# gives the Ombudsman's ("Fågelviksgränden 4, 00530 Helsingfors"); fi and en keep the Finnish.
@pytest.mark.parametrize(("lang", "expected"), [
    ("sv", "Adress: Tavastvägen 16 D 79, 00530 Helsingfors, Finland"),
    ("fi", "Osoite: Hämeentie 16 D 79, 00530 Helsinki, Suomi"),
    ("en", "Address: Hämeentie 16 D 79, 00530 Helsinki, Finland")])
def test_the_controller_address_in_each_language(lang: str, expected: str) -> None:
    assert expected in _text(TRILINGUAL, lang)


# Review of 13:03, 1.10(2): Art. 21(1) names only the grounds of Art. 6(1) the notice uses
# ("processing … based on point (e) or (f) of Article 6(1)"; fi "joka perustuu 6 artiklan 1
# kohdan e tai f alakohtaan", sv "som grundar sig på artikel 6.1 e eller f"). QualityDesk Oy
# has no task carried out in the public interest.
PUBLIC_TASK = {"fi": "yleistä etua koskevan tehtävän suorittamiseksi",
               "sv": "uppgift av allmänt intresse",
               "en": "task carried out in the public interest"}
ON_LEGITIMATE_INTERESTS = {
    "fi": "milloin tahansa vastustaa sellaista henkilötietojesi käsittelyä, joka perustuu "
          "oikeutettuihin etuihin, mukaan lukien tällaiseen käsittelyyn perustuvaa profilointia.",
    "sv": "invända mot sådan behandling av dina personuppgifter som grundar sig på berättigade "
          "intressen, inbegripet profilering som grundar sig på sådan behandling.",
    "en": "to processing of your personal data which is based on legitimate interests, including "
          "profiling based on such processing.",
}
OBJECTION_HEADING = {"fi": "Vastustamisoikeus", "sv": "Rätt att göra invändningar",
                     "en": "Right to object"}
# Review of 2026-12-03 evening, 2: the box states Art. 21(1) and 21(2); each has its own list.
# 21(2) ("Where personal data are processed for direct marketing purposes, the data subject
# shall have the right to object at any time") does not depend on the legal basis.
APPLIES_TO = {"fi": "Oikeus vastustaa käsittelyä henkilökohtaiseen erityiseen tilanteeseesi "
                    "liittyvällä perusteella koskee seuraavia käsittelyn tarkoituksia:",
              "sv": "Rätten att invända av skäl som hänför sig till din specifika situation "
                    "gäller följande ändamål med behandlingen:",
              "en": "The right to object on grounds relating to your particular situation "
                    "applies to the following purposes:"}
MARKETING_APPLIES_TO = {
    "fi": "Oikeus vastustaa henkilötietojesi käsittelyä suoramarkkinointia varten koskee "
          "seuraavia käsittelyn tarkoituksia:",
    "sv": "Rätten att invända mot behandling för direkt marknadsföring gäller följande ändamål "
          "med behandlingen:",
    "en": "The right to object to processing for direct marketing applies to the following "
          "purposes:"}


def _objection_box(text: str, lang: str) -> str:
    start = text.index(OBJECTION_HEADING[lang] + " ~")
    return text[start:text.index(" ~", start + len(OBJECTION_HEADING[lang]) + 5)]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_right_to_object_names_only_the_grounds_in_use(lang: str) -> None:
    """…and lists the purposes on those grounds (Art. 21(1)), then every purpose of direct
    marketing, on consent too (Art. 21(2)): each under its own lead-in, once."""
    text = _text(TRILINGUAL, lang)
    box = _objection_box(text, lang)
    assert ON_LEGITIMATE_INTERESTS[lang] in box
    assert PUBLIC_TASK[lang] not in text
    result = check_file(str(TRILINGUAL))
    assert result.resolved is not None
    files = render_all(result.resolved, languages=[lang], formats=["short"])
    short = _flat(files[f"{lang}/short/customers.txt"].decode("utf-8"))
    assert ON_LEGITIMATE_INTERESTS[lang] in short and PUBLIC_TASK[lang] not in short
    general = box[box.index(APPLIES_TO[lang]):box.index(MARKETING_APPLIES_TO[lang])]
    marketing = box[box.index(MARKETING_APPLIES_TO[lang]):]
    purposes = result.resolved.notice.registers[0].purposes
    assert any(p.direct_marketing and "consent" in p.legal_basis for p in purposes)
    for purpose in purposes:
        named = str(purpose.description[lang])
        assert (named in general) is ("legitimate_interests" in purpose.legal_basis
                                      and not purpose.direct_marketing), purpose.id
        assert (named in marketing) is purpose.direct_marketing, purpose.id


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_right_to_object_on_a_public_task_or_on_direct_marketing_alone(
        lang: str, notice_file: NoticeFactory) -> None:
    def public(data: dict[str, Any]) -> None:
        for purpose in data["registers"][0]["purposes"]:
            if "legitimate_interests" in purpose["legal_basis"]:
                purpose["legal_basis"] = ["public_task"]
                purpose.pop("legitimate_interest", None)

    def consent_only(data: dict[str, Any]) -> None:
        for purpose in data["registers"][0]["purposes"]:
            if "legitimate_interests" in purpose["legal_basis"]:
                purpose["legal_basis"] = ["consent"]
                purpose.pop("legitimate_interest", None)

    box = _objection_box(_text(notice_file(edit=public, name="e"), lang), lang)
    assert PUBLIC_TASK[lang] in box
    assert {"fi": "oikeutettuihin etuihin", "en": "legitimate interests"}[lang] not in box
    box = _objection_box(_text(notice_file(edit=consent_only, name="dm"), lang), lang)
    assert PUBLIC_TASK[lang] not in box
    assert {"fi": "erityiseen tilanteeseesi", "en": "particular situation"}[lang] not in box
    assert OFFICIAL["21(2)"][lang] in box
    assert APPLIES_TO[lang] not in box  # no purpose on (e) or (f): no list
    assert MARKETING_APPLIES_TO[lang] in box


# Review of 13:03, 3.2: the purpose and legal basis of a cookie category are said once, not in
# every row under "Purpose" (two purpose labels in one row, six times).
COOKIE_PURPOSES = {"fi": "Käsittelyn tarkoitus ja oikeusperuste:",
                   "sv": "Ändamål med behandlingen och rättslig grund:",
                   "en": "Purpose of processing and legal basis:"}
ANALYTICS_ONCE = {
    "fi": "Käsittelyn tarkoitus ja oikeusperuste: Verkkosivuston käytön analysointi ja "
          "käyttökokemuksen parantaminen Hotjarilla (suostumus).",
    "sv": "Ändamål med behandlingen och rättslig grund: Att analysera användningen av vår "
          "webbplats och förbättra dess användbarhet med Hotjar (samtycke).",
    "en": "Purpose of processing and legal basis: Analysing the use of our website and improving "
          "its usability with Hotjar (consent).",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_cookie_categorys_purpose_is_said_once(lang: str) -> None:
    text = _text(TRILINGUAL, lang)
    assert ANALYTICS_ONCE[lang] in text
    assert text.count(COOKIE_PURPOSES[lang]) == 1


def test_cookies_of_one_category_with_different_purposes_keep_theirs(
        notice_file: NoticeFactory) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["cookies"].append({"name": "own_stats", "category": "statistics", "party": "first",
                                "duration": "P30D", "purposes": ["marketing-with-consent"],
                                "purpose": {"fi": "Oma tilasto.", "en": "Our own statistics."}})

    text = _text(notice_file(edit=edit), "en")
    cookies = text[text.index("Statistics cookies") if "Statistics cookies" in text
                   else text.index("Analytics cookies"):]
    assert COOKIE_PURPOSES["en"] + " Analysing" not in cookies.split("Name:")[0]
    assert cookies.count(COOKIE_PURPOSES["en"]) == 7  # six Hotjar rows and own_stats
