"""What a built notice publishes about recipients, transfers, cookies and rights (issue #15).

Each test builds a notice from the QualityDesk example with one change and reads the published
text in every language, the way the legal review of the built notices did.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from noticegen.pipeline import check_file
from noticegen.render import render
from noticegen.resolve import ResolvedNotice

NoticeFactory = Callable[..., Path]
LANGS = ("fi", "en")


def _resolved(path: Path) -> ResolvedNotice:
    checked = check_file(str(path), lint=False)
    assert checked.resolved is not None, [d.message for d in checked.errors]
    return checked.resolved


def _text(resolved: ResolvedNotice, lang: str) -> str:
    return unescape(render(resolved, lang=lang, fmt="txt"))


def _codes(path: Path) -> list[str]:
    return [d.code for d in check_file(str(path)).diagnostics]


def _register(data: dict[str, Any]) -> dict[str, Any]:
    register: dict[str, Any] = data["registers"][0]
    return register


def _purpose(data: dict[str, Any], purpose_id: str) -> dict[str, Any]:
    return next(p for p in _register(data)["purposes"] if p["id"] == purpose_id)


# --- 1. a transfer cannot vanish -------------------------------------------------------------

def _unlink_hotjar(data: dict[str, Any]) -> None:
    _purpose(data, "website-analytics")["recipients"] = []


def test_a_service_tied_to_no_purpose_is_an_error(notice_file: NoticeFactory) -> None:
    codes = _codes(notice_file(edit=_unlink_hotjar))
    assert "NG308" in codes  # recipient-not-linked
    assert "NG408" in codes  # its cookies serve no purpose


@pytest.mark.parametrize("lang", LANGS)
def test_an_unlinked_service_s_transfer_is_still_shown(notice_file: NoticeFactory,
                                                       lang: str) -> None:
    text = _text(_resolved(notice_file(edit=_unlink_hotjar)), lang)
    none = {"fi": "henkilötietoja ei siirretä", "en": "are not transferred outside"}[lang]
    assert none not in text
    # the register's own transfers section (the last of the notice's mentions)
    transfers = text.split({"fi": "Tietojen siirto EU:n", "en": "Transfers outside"}[lang])[-1]
    assert "Hotjar Ltd" in transfers[:2000]
    assert {"fi": "Yhdysvallat", "en": "United States"}[lang] in transfers[:2000]


@pytest.mark.parametrize("lang", LANGS)
def test_the_no_transfers_sentence_only_without_transfers(notice_file: NoticeFactory,
                                                          lang: str) -> None:
    def no_hotjar(data: dict[str, Any]) -> None:
        data["uses"] = []
        data["cookies"] = data["cookies"][:1]
        _unlink_hotjar(data)

    text = _text(_resolved(notice_file(edit=no_hotjar)), lang)
    assert {"fi": "henkilötietoja ei siirretä", "en": "are not transferred outside"}[lang] in text
    with_hotjar = _text(_resolved(notice_file(name="with")), lang)
    assert {"fi": "henkilötietoja ei siirretä", "en": "are not transferred"}[lang] \
        not in with_hotjar


# --- 2. catalogue cookies are chosen -----------------------------------------------------------

def _mailchimp(use: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["uses"] = ["hotjar", use]
        _purpose(data, "marketing-with-consent")["recipients"] = ["mailchimp"]
    return edit


def _cookie_names(path: Path) -> list[str]:
    return [c.name for c in _resolved(path).notice.cookies]


def test_a_signup_form_brings_no_tracking_cookies(notice_file: NoticeFactory) -> None:
    path = notice_file(edit=_mailchimp("mailchimp"))
    assert not [n for n in _cookie_names(path) if n.startswith("mc_")]
    assert "NG408" not in _codes(path)


def test_catalogue_cookies_are_chosen_by_name(notice_file: NoticeFactory) -> None:
    path = notice_file(edit=_mailchimp({"service": "mailchimp", "cookies": ["mc_cid"]}))
    assert [n for n in _cookie_names(path) if n.startswith("mc_")] == ["mc_cid"]

    def no_hotjar_cookies(data: dict[str, Any]) -> None:
        data["uses"] = [{"service": "hotjar", "cookies": []}]

    none = notice_file(edit=no_hotjar_cookies, name="none")
    assert not [n for n in _cookie_names(none) if n.startswith("_hj")]


def test_an_unknown_cookie_name_is_reported_where_it_is_written(
        notice_file: NoticeFactory) -> None:
    path = notice_file(edit=_mailchimp({"service": "mailchimp", "cookies": ["mc_cidd"]}))
    found = [d for d in check_file(str(path)).diagnostics if d.code == "NG407"]
    assert len(found) == 1 and "mc_cid" in found[0].hint


def test_cookies_on_a_recipient_without_a_service_are_rejected(
        notice_file: NoticeFactory) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["recipients"][0]["cookies"] = ["x"]

    diags = check_file(str(notice_file(edit=edit))).errors
    assert [d.code for d in diags] == ["NG012"] and "service" in diags[0].message


@pytest.mark.parametrize("lang", LANGS)
def test_each_cookie_shows_its_purpose_and_legal_basis(example: ResolvedNotice,
                                                       lang: str) -> None:
    """In its row, or once for its whole category when every cookie there serves the same
    purposes (review of 13:03, 3.2: not six times under each cookie's own purpose)."""
    html = render(example, lang=lang, fmt="fragment")
    at = html.index("_hjSession_")
    category = html[html.rindex("<h", 0, at):at]  # its category's heading, text and table head
    row = next(r for r in html.split("<tr>") if "_hjSession_" in r)
    for said in ({"fi": "(suostumus)", "en": "(consent)"}[lang],
                 'href="#ng-purpose-website-analytics"'):
        assert said in row or said in category


# --- 3. first party is about the domain; who receives the data is its own column --------------

@pytest.mark.parametrize("lang", LANGS)
def test_first_party_is_not_set_by_us(example: ResolvedNotice, lang: str) -> None:
    html = unescape(render(example, lang=lang, fmt="fragment"))
    assert {"fi": "asetamme itse", "en": "set by us"}[lang] not in html
    head = {"fi": "<th scope=\"col\">Tietojen vastaanottaja</th>",
            "en": "<th scope=\"col\">Who receives the data</th>"}[lang]
    assert head in html
    row = next(r for r in html.split("<tr>") if "_hjSession_" in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert {"fi": "Ensimmäinen osapuoli (sivustomme oma verkkotunnus)",
            "en": "First party (our website's own domain)"}[lang] == cells[1]
    assert cells[2] == "Hotjar Ltd"


# --- 4. joint controllers ----------------------------------------------------------------------

def _meta_pixel(data: dict[str, Any]) -> None:
    data["uses"] = ["hotjar", "meta-pixel"]
    _purpose(data, "website-analytics")["recipients"] = ["hotjar", "meta-pixel"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_essence_of_the_arrangement_is_published(notice_file: NoticeFactory,
                                                     lang: str) -> None:
    path = notice_file(edit=_meta_pixel)
    text = _text(_resolved(path), lang)
    # Art. 26(2): "The essence of the arrangement shall be made available to the data subject."
    assert {"fi": "Yhteisrekisterinpitäjien välisen järjestelyn keskeinen sisältö",
            "en": "The essence of the arrangement between the joint controllers"}[lang] in text
    assert {"fi": "kanssa yhteisrekisterinpitäjiä", "en": "are joint controllers"}[lang] in text
    assert "facebook.com/legal/controller_addendum" in text
    assert "NG309" not in _codes(path)


def test_a_joint_controller_without_the_arrangement_is_an_error(
        notice_file: NoticeFactory) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["recipients"][0]["role"] = "joint_controller"

    assert "NG309" in _codes(notice_file(edit=edit))


# --- 9. portability ----------------------------------------------------------------------------

def _portability(path: Path) -> tuple[str, ...]:
    right = next((r for r in _resolved(path).rights if r.id == "portability"), None)
    return right.purposes if right is not None else ()


def test_portability_only_for_data_the_person_provided(notice_file: NoticeFactory) -> None:
    def from_registers(data: dict[str, Any]) -> None:
        _purpose(data, "services")["sources"] = ["trade_register"]

    assert "services" in _portability(notice_file(name="before"))
    assert "services" not in _portability(notice_file(edit=from_registers))


def test_portability_only_for_automated_processing(notice_file: NoticeFactory) -> None:
    def on_paper(data: dict[str, Any]) -> None:
        _purpose(data, "services")["automated_means"] = False

    assert "services" not in _portability(notice_file(edit=on_paper))


def test_portability_never_for_other_legal_bases(example: ResolvedNotice) -> None:
    right = next(r for r in example.rights if r.id == "portability")
    assert "bookkeeping" not in right.purposes and "business-development" not in right.purposes


# --- 10. the notice's address per language -----------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_each_language_links_to_its_own_page(example: ResolvedNotice, lang: str) -> None:
    text = _text(example, lang)
    own = {"fi": "qualitydesk.com/fi/tietosuojaseloste", "en": "qualitydesk.com/en/privacy-notice"}
    assert own[lang] in text
    assert own["en" if lang == "fi" else "fi"] not in text


def test_one_address_for_two_languages_is_an_error(notice_file: NoticeFactory) -> None:
    def one(data: dict[str, Any]) -> None:
        data["notice"]["url"] = "https://qualitydesk.com/fi/tietosuojaseloste/"

    found = [d for d in check_file(str(notice_file(edit=one))).diagnostics if d.code == "NG705"]
    assert len(found) == 1 and found[0].is_error and "{fi:" in found[0].hint


# --- 11 and 12: the example -------------------------------------------------------------------

def test_the_example_ties_every_category_and_markets_by_e_mail_lawfully() -> None:
    root = Path(__file__).resolve().parent.parent
    codes = _codes(root / "examples" / "qualitydesk.yaml")
    assert "NG121" not in codes and "NG122" not in codes
    assert [c for c in codes if c != "NG107"] == []


@pytest.fixture(scope="module")
def example() -> ResolvedNotice:
    return _resolved(Path(__file__).resolve().parent.parent / "examples" / "qualitydesk.yaml")
