"""The short notice for the point of collection (#18): `build` writes, per register,
`<lang>/short/<register>.html` and `.txt` with what Art. 13 asks when the data are obtained, and a
link to the register in the full notice for the rest (WP260 paras. 35-38)."""

from __future__ import annotations

from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, NoticeFactory, full_notice_data
from test_render_html import minimal as _minimal
from typer.testing import CliRunner

from noticegen import vocab
from noticegen.cli import app
from noticegen.pipeline import check_file
from noticegen.render import render_all

EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"


def run(*args: str | Path) -> Any:
    result = CliRunner().invoke(app, [str(a) for a in args])
    print(result.output)  # shown when an assertion fails
    return result


def flat(path: Path) -> str:
    """A file's text with its line breaks and runs of spaces made single spaces."""
    return " ".join(path.read_text("utf-8").split())


def build(notice: Path, out: Path, *args: str) -> Path:
    result = run("build", notice, "-o", out, *args)
    assert result.exit_code == 0, result.output
    return out / notice.stem


def test_one_short_notice_per_register_and_language(tmp_path: Path) -> None:
    folder = build(EXAMPLE, tmp_path)
    assert sorted(str(p.relative_to(folder)) for p in folder.glob("*/short/*")) == [
        "en/short/customers.html", "en/short/customers.txt",
        "fi/short/customers.html", "fi/short/customers.txt"]
    html = (folder / "en" / "short" / "customers.html").read_text("utf-8")
    assert html.startswith('<div class="ng-notice ng-short" lang="en">')
    assert "<h" not in html.replace("<html", "")  # no headings: it sits in the host's outline


@pytest.mark.parametrize(("lang", "link"), [
    ("fi", '<a href="https://qualitydesk.com/fi/tietosuojaseloste/#ng-register-customers">'
           "koko tietosuojaselosteestamme</a>"),
    ("en", '<a href="https://qualitydesk.com/en/privacy-notice/#ng-register-customers">'
           "our full privacy notice</a>"),
])
def test_it_links_to_the_register_in_the_full_notice_of_its_language(
        tmp_path: Path, lang: str, link: str) -> None:
    folder = build(EXAMPLE, tmp_path)
    assert link in (folder / lang / "short" / "customers.html").read_text("utf-8")
    url = link.split('"')[1]
    assert f"<{url}>" in flat(folder / lang / "short" / "customers.txt")


def test_the_link_follows_the_id_prefix(tmp_path: Path) -> None:
    folder = build(EXAMPLE, tmp_path, "--id-prefix", "ng-{lang}-")
    assert ("https://qualitydesk.com/en/privacy-notice/#ng-en-register-customers"
            in (folder / "en" / "short" / "customers.html").read_text("utf-8"))
    assert 'id="ng-en-register-customers"' in (folder / "en" / "index.html").read_text("utf-8")


def test_what_article_13_asks_at_the_point_of_collection(tmp_path: Path,
                                                          notice_file: NoticeFactory) -> None:
    """13(1)(a)-(f) in full; 13(2) as WP260 para. 38 wants it in the first layer (the rights,
    the complaint, processing with most impact) and where the form is the moment that counts
    (Art. 7(3) withdrawal before consent is given, 13(2)(e) whether the data must be given)."""
    folder = build(notice_file(data=full_notice_data(), name="full"), tmp_path)
    en = flat(folder / "en" / "short" / "customers.txt")
    for said in (
        "Controller: QualityDesk Oy, privacy@qualitydesk.com, +358 9 123 456",  # 13(1)(a)
        "Controller's representative in the EU: Rep GmbH, rep@example.de",  # 13(1)(a), 27
        "Data protection officer: Tietosuoja Palvelut Oy, dpo@example.fi",  # 13(1)(b)
        "Invoicing and bookkeeping (legal obligation).",  # 13(1)(c)
        "(legitimate interests). Legitimate interest pursued: Developing our services",  # (d)
        "Recipients of personal data: Public authorities, Mailer Inc. and Hotjar Ltd",  # (e)
        # (f), and which data go (review of 13:03, 1.1/1.2): Mailer Inc. receives every purpose's
        # data; Hotjar Ltd (Malta) only the analytics data, and its sub-processors are outside.
        "All purposes: United States (Mailer Inc.; EU-U.S. Data Privacy Framework) and Canada "
        "and Japan (Mailer Inc.; adequacy decision)",
        "Hotjar: United States, Singapore, United Arab Emirates and Egypt (sub-processors engaged "
        "by Hotjar Ltd; standard data protection clauses adopted by the Commission) and United "
        "Kingdom, Israel, Japan and Canada (sub-processors engaged by Hotjar Ltd; adequacy "
        "decision)",
        "the safeguards for transfers and how to obtain a copy of them or where they are "
        "available",  # (f): in the full notice
        "Statutory requirement: Without these data we cannot invoice you",  # 13(2)(e)
        "Right to withdraw consent: Withdrawing consent does not affect the lawfulness of "
        "processing based on consent",  # 13(2)(c), 7(3); how: with each purpose
        "Withdrawing consent: You can withdraw your consent at any time",
        "Your rights: Right of access, right to rectification,",  # 13(2)(b)
        "right to data portability and right not to be subject to automated decisions.",
        "right to lodge a complaint with a supervisory authority, in particular in the EU or "
        "EEA country where you usually live or work or where the alleged infringement took "
        "place. Our supervisory authority is the Office of the Data Protection Ombudsman.",  # 77(1)
        "Special categories of personal data: Data concerning health (explicit consent)",
        "Automated individual decision-making, including profiling: Credit decision",  # (f)
        "Retention periods",  # 13(2)(a): in the full notice, and said so
    ):
        assert said in en, said
    fi = flat(folder / "fi" / "short" / "customers.txt")
    for said in ("Rekisterinpitäjä: QualityDesk Oy", "Tietosuojavastaava: Tietosuoja Palvelut Oy",
                 "Laskutus ja kirjanpito (lakisääteinen velvoite).",
                 "Oikeus peruuttaa suostumus:", "oikeus tehdä valitus valvontaviranomaiselle, "
                 "erityisesti siinä EU- tai ETA-maassa, jossa asut vakituisesti",
                 "Erityiset henkilötietoryhmät: Terveyttä koskevat tiedot",
                 "Vastustamisoikeus:", "Säilytysajat"):
        assert said in fi, said


def test_the_right_to_object_stands_apart(tmp_path: Path) -> None:
    """Art. 21(4): explicitly, clearly and separately from any other information."""
    folder = build(EXAMPLE, tmp_path)
    html = (folder / "en" / "short" / "customers.html").read_text("utf-8")
    objection = html.split('<p class="ng-short-objection">', 1)[1].split("</p>", 1)[0]
    assert objection.startswith("<strong>Right to object:</strong> You have the right to object")
    assert "direct marketing" in objection
    assert "Right to object" not in html.split('<p class="ng-short-objection">', 1)[0]


def minimal(bases: list[str], *, direct_marketing: bool = False, registers: int = 1) -> Any:
    """A notice of ``registers`` registers of one purpose each (tests/test_render_html.py's)."""
    data = _minimal(bases=bases, direct_marketing=direct_marketing)
    data["notice"]["url"] = {"fi": "https://testi.fi/tietosuoja", "en": "https://testi.fi/privacy"}
    first = data["registers"][0]
    for n in range(2, registers + 1):
        data["registers"].append({
            **yaml.safe_load(yaml.safe_dump(first)), "id": f"r{n}",
            "name": {"fi": f"Rekisteri {n}", "en": f"Register {n}"},
            "purposes": [{**first["purposes"][0], "id": f"p{n}"}]})
    return data


def shorts(notice: Path) -> dict[str, str]:
    """Every short notice of a notice, rendered whatever its lint findings."""
    checked = check_file(str(notice))
    assert checked.resolved is not None
    files = render_all(checked.resolved, languages=["fi", "en"], formats=["short"])
    return {path: data.decode("utf-8") for path, data in files.items()}


@pytest.mark.parametrize(
    ("bases", "dm", "portability", "objection", "withdrawal"),
    [
        (["consent"], False, True, False, True),
        (["contract"], False, True, False, False),
        (["legal_obligation"], False, False, False, False),
        (["legitimate_interests"], False, False, True, False),
        (["public_task"], False, False, True, False),
        (["consent"], True, True, True, True),
    ],
)
def test_the_rights_follow_the_registers_own_legal_bases(
        notice_file: NoticeFactory, bases: list[str], dm: bool, portability: bool,
        objection: bool, withdrawal: bool) -> None:
    files = shorts(notice_file(data=minimal(bases, direct_marketing=dm)))
    for lang in ("fi", "en"):
        html = unescape(files[f"{lang}/short/r1.html"]).lower()  # labels in a list lose capitals
        for right in ("access", "rectification", "erasure", "restriction"):
            assert vocab.label("rights", right, lang).lower() in html
        assert (vocab.label("rights", "portability", lang).lower() in html) is portability
        assert ('class="ng-short-objection"' in html) is objection
        assert (vocab.label("rights", "object", lang).lower() in html) is objection
        assert (vocab.label("rights", "withdraw_consent", lang).lower() in html) is withdrawal
        assert vocab.label("rights", "complaint", lang).split()[-1] in html  # valvontaviranomaiselle


def test_every_register_gets_its_own_with_its_own_rights(notice_file: NoticeFactory) -> None:
    """The second register is on consent, the first on a contract: the right to withdraw
    consent belongs to the second one's short notice only."""
    data = minimal(["contract"], registers=2)
    data["registers"][1]["purposes"][0].update(
        legal_basis=["consent"], withdrawal={"fi": "Peruuta.", "en": "Withdraw."})
    files = shorts(notice_file(data=data))
    assert sorted(files) == [f"{lang}/short/{r}.{ext}" for lang in ("en", "fi")
                             for r in ("r1", "r2") for ext in ("html", "txt")]
    first, second = files["en/short/r1.html"], files["en/short/r2.html"]
    assert "“Register”," in first and "https://testi.fi/privacy#ng-register-r1" in first
    assert "“Register 2”," in second and "https://testi.fi/privacy#ng-register-r2" in second
    assert "withdraw" not in first.lower() and "Right to withdraw consent" in second


def test_without_an_address_of_the_full_notice(tmp_path: Path,
                                              notice_file: NoticeFactory) -> None:
    """A short notice must link to the rest: without `notice.url` a default build leaves it
    out, and asking for it is an error with a fix, not a snippet that links nowhere."""
    notice = notice_file(edit=lambda d: d["notice"].pop("url"), name="nourl")
    folder = build(notice, tmp_path / "default")
    assert not list(folder.glob("*/short"))
    assert (folder / "fi" / "index.html").is_file()
    result = run("build", notice, "-o", tmp_path / "asked", "--format", "short")
    assert result.exit_code == 1
    assert "notice.url" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "asked").exists()
    for lang, words in {"fi": "lyhyet selosteet", "sv": "de korta beskrivningarna"}.items():
        result = run("--lang", lang, "build", notice, "-o", tmp_path / lang, "--format", "short")
        assert result.exit_code == 1 and words in result.output, result.output


def test_user_text_is_escaped(tmp_path: Path, notice_file: NoticeFactory) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["registers"][0]["name"]["en"] = "<script>alert(1)</script> register"
    folder = build(notice_file(edit=edit, name="escaped"), tmp_path, "--format", "short")
    html = (folder / "en" / "short" / "customers.html").read_text("utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; register" in html


# --- review 1303, section 1: what a lawyer and a fi/sv editor found -------------------------

TRILINGUAL = ROOT / "examples" / "qualitydesk-trilingual.yaml"


@pytest.fixture(scope="module")
def trilingual(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The trilingual example built once for the tests below (it is only read)."""
    return build(TRILINGUAL, tmp_path_factory.mktemp("trilingual"))


def purpose_line(folder: Path, lang: str, starts: str) -> str:
    """The short notice's text of the purpose whose description starts with ``starts``."""
    text = flat(folder / lang / "short" / "customers.txt")
    return text.split(f"- {starts}", 1)[1].split(" - ", 1)[0]


REFUSAL = {
    "fi": "Voit kieltää tämän markkinoinnin helposti ja maksutta milloin tahansa ilmoittamalla "
          "siitä osoitteeseen privacy@qualitydesk.com tai jokaisessa viestissä kerrotulla tavalla.",
    "sv": "Du kan när som helst enkelt och kostnadsfritt förbjuda denna marknadsföring genom att "
          "meddela oss på privacy@qualitydesk.com eller på det sätt som anges i varje meddelande.",
    "en": "You can refuse this marketing at any time, easily and free of charge, by telling us at "
          "privacy@qualitydesk.com or in the way explained in every message.",
}
OWN_MARKETING = {"fi": "Oma suoramarkkinointimme", "sv": "Vår egen direkta marknadsföring",
                 "en": "Our own direct marketing"}
CONSENT_MARKETING = {"fi": "Markkinointiviestit", "sv": "Marknadsföringsmeddelanden",
                     "en": "Marketing messages"}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_e_mail_marketing_without_consent_can_be_refused_at_collection(
        trilingual: Path, lang: str) -> None:
    """Review 1.6: own e-mail and text-message marketing to customers without consent (Act
    917/2014, section 200(2)) must be refusable, easily and free of charge, when the contact
    details are collected and in every message: the short notice at the form says how, and the
    register's section of the full notice says the same."""
    assert REFUSAL[lang] in purpose_line(trilingual, lang, OWN_MARKETING[lang])
    # Consent-based marketing is refused by withdrawing consent: no second way is invented.
    assert REFUSAL[lang] not in purpose_line(trilingual, lang, CONSENT_MARKETING[lang])
    assert flat(trilingual / lang / "notice.txt").count(REFUSAL[lang]) == 1
    html = (trilingual / lang / "short" / "customers.html").read_text("utf-8")
    assert '<a href="mailto:privacy@qualitydesk.com">privacy@qualitydesk.com</a>' in html


@pytest.mark.parametrize(("categories", "bases", "refusal"), [
    (["name", "email_address"], ["legitimate_interests"], True),
    (["name", "phone_number"], ["legitimate_interests"], True),
    (["name", "postal_address"], ["legitimate_interests"], False),  # letters: not s. 200
    (["name", "email_address"], ["consent"], False),  # withdrawal says it
])
def test_the_refusal_follows_the_channel_and_the_legal_basis(
        notice_file: NoticeFactory, categories: list[str], bases: list[str],
        refusal: bool) -> None:
    data = minimal(bases, direct_marketing=True)
    data["registers"][0]["data_categories"] = categories
    files = shorts(notice_file(data=data))
    assert ("Voit kieltää tämän markkinoinnin" in files["fi/short/r1.html"]) is refusal
    assert ("You can refuse this marketing" in files["en/short/r1.html"]) is refusal
    assert ("by telling us at tietosuoja@testi.fi" in " ".join(files["en/short/r1.txt"].split())) \
        is refusal


TRACKED = {
    "fi": ("Verkkosivuston käytön analysointi",
           "Tähän tarkoitukseen tietoja kerätään evästeiden ja vastaavien tekniikoiden avulla, "
           "kun käytät verkkosivustoamme.", "istuntotallenteiden"),
    "sv": ("Att analysera användningen",
           "Uppgifter för detta ändamål samlas in med hjälp av kakor och liknande tekniker när "
           "du använder vår webbplats.", "sessionsinspelningar"),
    "en": ("Analysing the use of our website",
           "Data for this purpose are collected with cookies and similar technologies when you "
           "use our website.", "session recordings"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_tracking_is_named_in_the_first_layer(trilingual: Path, lang: str) -> None:
    """Review 1.4 and 1.5: the analytics purpose's data are not given in the form but collected
    with cookies, and what the service does with them (session recordings) is what would
    surprise the reader most: both are said in the purpose's line (WP260 para. 38)."""
    starts, sentence, recordings = TRACKED[lang]
    line = purpose_line(trilingual, lang, starts)
    assert sentence in line and recordings in line
    assert f"Hotjar Ltd: {line.split('Hotjar Ltd: ', 1)[1][:8]}" in line
    for other in (OWN_MARKETING[lang], CONSENT_MARKETING[lang]):
        assert sentence not in purpose_line(trilingual, lang, other)


def test_tracking_comes_from_the_model_not_the_example(notice_file: NoticeFactory) -> None:
    """Any purpose served by cookies that need consent gets the sentence, and each of their
    providers what it says it does; necessary cookies and purposes without cookies do not."""
    data = minimal(["consent"])
    data["registers"][0]["purposes"][0]["recipients"] = ["replay"]
    data["recipients"] = [{"id": "replay", "name": "Replay Oy", "role": "processor",
                           "country": "FI", "description": {
                               "fi": "Tallentaa istunnot.", "en": "Records every session."}}]
    data["cookies"] = [{"name": "_rp", "provider": "replay", "category": "statistics",
                        "party": "third", "duration": "P1Y",
                        "purpose": {"fi": "Tunniste.", "en": "An id."}}]
    data["cookie_consent"] = {"method": "banner", "change": {"fi": "Muuta.", "en": "Change."}}
    en = " ".join(shorts(notice_file(data=data, name="tracked"))["en/short/r1.txt"].split())
    assert "collected with cookies" in en and "Replay Oy: Records every session." in en
    data["cookies"][0].update(category="necessary", provider=None)
    plain = " ".join(shorts(notice_file(data=data, name="necessary"))["en/short/r1.txt"].split())
    assert "collected with cookies" not in plain and "Records every session" not in plain


WITHDRAWAL = {
    "fi": ("Oikeus peruuttaa suostumus: Suostumuksen peruuttaminen ei vaikuta suostumuksen "
           "perusteella ennen sen peruuttamista suoritetun käsittelyn lainmukaisuuteen.",
           "oikeus peruuttaa suostumuksesi milloin tahansa"),
    "sv": ("Rätt att återkalla samtycke: Återkallandet av samtycket påverkar inte lagligheten av "
           "behandling som grundar sig på samtycket innan det återkallas.",
           "rätt att när som helst återkalla ditt samtycke"),
    "en": ("Right to withdraw consent: Withdrawing consent does not affect the lawfulness of "
           "processing based on consent before its withdrawal.",
           "right to withdraw your consent at any time"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_withdrawal_of_consent_is_said_once(trilingual: Path, lang: str,
                                            notice_file: NoticeFactory) -> None:
    """Review 1.9: each consent purpose says how to withdraw consent at any time; the right's
    own line adds only what Art. 7(3) adds, instead of saying the right a second time. A
    purpose without a `withdrawal` text (an error, NG103) leaves the right said in full."""
    effect, again = WITHDRAWAL[lang]
    text = flat(trilingual / lang / "short" / "customers.txt")
    assert text.count(effect) == 1
    assert again not in text
    if lang != "sv":  # the minimal notice is in fi and en
        data = minimal(["consent"])
        data["registers"][0]["purposes"][0].pop("withdrawal")
        text = " ".join(shorts(notice_file(data=data))[f"{lang}/short/r1.txt"].split())
        assert again in text and effect.split(": ", 1)[1] in text


@pytest.mark.parametrize(("lang", "words"), [
    ("fi", "kaikki muut tiedot käsittelystä löydät <a href=\"https://qualitydesk.com/fi/"
           "tietosuojaseloste/#ng-register-customers\">koko tietosuojaselosteestamme</a>.</p>"),
    ("sv", "all övrig information om behandlingen hittar du i <a href=\"https://qualitydesk.com/"
           "sv/dataskyddsbeskrivning/#ng-register-customers\">vår fullständiga "
           "dataskyddsbeskrivning</a>.</p>"),
    ("en", "and all other information about the processing are set out in <a href=\"https://"
           "qualitydesk.com/en/privacy-notice/#ng-register-customers\">our full privacy "
           "notice</a>.</p>"),
])
def test_the_link_to_the_full_notice_ends_the_sentence(
        trilingual: Path, lang: str, words: str) -> None:
    """Review 1.11: the link is the sentence's own last words, not the notice's title repeated
    after a colon ("…tietosuojaselosteessamme: Tietosuojaseloste"); Art. 13(1)(f) "how to
    obtain a copy of them or where they have been made available"."""
    html = " ".join((trilingual / lang / "short" / "customers.html").read_text("utf-8").split())
    assert words in html
    assert {"fi": "jäljennöksen tai mistä ne ovat saatavilla",
            "sv": "kopia av dem eller var de finns tillgängliga",
            "en": "copy of them or where they are available"}[lang] in html


@pytest.mark.parametrize(("lang", "said", "not_said"), [
    ("fi", "Markkinointiviestit suostumuksensa antaneille yhteydenottajille", "antaneet siihen"),
    ("en", "at any time via the ‘Cookie settings’ link at the bottom of every page",
     "from the Cookie settings link"),
])
def test_the_examples_smaller_wording_points(
        trilingual: Path, lang: str, said: str, not_said: str) -> None:
    """Review 1.12: fi "siihen" had no antecedent; en "withdraw … from the Cookie settings
    link". The example's own texts, as its owner would publish them."""
    text = flat(trilingual / lang / "short" / "customers.txt")
    assert said in text and not_said not in text
