"""The HTML page and fragment: structure, anchors, languages, fragment rules, rights shown."""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from noticegen import vocab
from noticegen.errors import UsageError
from noticegen.pipeline import check_file
from noticegen.render import RenderOptions, render, render_all
from noticegen.resolve import ResolvedNotice
from noticegen.resources import templates_dir

ROOT = Path(__file__).resolve().parent.parent
STABLE_ANCHORS = {"controller", "register-customers", "cookies", "rights", "complaint", "security",
                  "changes"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def skeleton(html: str) -> list[tuple[str, str, str]]:
    """The element structure without text or language-specific attributes."""
    return [(t, a.get("id", ""), a.get("class", "")) for t, a in tags(html)]


def resolved_from(path: Path) -> ResolvedNotice:
    checked = check_file(str(path), lint=False)
    assert checked.resolved is not None, [d.message for d in checked.errors]
    return checked.resolved


@pytest.fixture(scope="module")
def example() -> ResolvedNotice:
    return resolved_from(ROOT / "examples" / "qualitydesk.yaml")


# --- the page -----------------------------------------------------------------------------

def test_page_is_a_whole_document_with_lang(example: ResolvedNotice) -> None:
    for lang in ("fi", "en"):
        html = render(example, lang=lang, fmt="page")
        assert html.startswith("<!DOCTYPE html>\n")
        assert f'<html lang="{lang}">' in html
        assert '<meta name="viewport"' in html
        assert "<script" not in html and "style=" not in html


def test_page_links_its_languages_and_stylesheet(example: ResolvedNotice) -> None:
    html = render(example, lang="fi", fmt="page")
    assert '<link rel="alternate" hreflang="fi" href="../fi/index.html">' in html
    assert '<link rel="alternate" hreflang="en" href="../en/index.html">' in html
    assert '<a href="../en/index.html" hreflang="en" lang="en">English</a>' in html
    assert '<link rel="stylesheet" href="../noticegen.css">' in html
    # No external requests: every href/src is relative, an anchor, or a plain link.
    for tag, attrs in tags(html):
        if tag in ("link", "img", "script", "iframe"):
            assert not attrs.get("href", "").startswith(("http", "//")), attrs


def test_toc_anchors_are_stable_and_the_same_in_every_language(example: ResolvedNotice) -> None:
    ids = {}
    for lang in ("fi", "en"):
        html = render(example, lang=lang, fmt="page")
        toc = re.search(r'<nav class="ng-toc".*?</nav>', html, re.S)
        assert toc is not None
        ids[lang] = re.findall(r'href="#([^"]+)"', toc.group(0))
        for anchor in ids[lang]:
            assert anchor.startswith("ng-") and f'id="{anchor}"' in html
    assert ids["fi"] == ids["en"]
    assert {anchor.removeprefix("ng-") for anchor in ids["fi"]} == STABLE_ANCHORS


@pytest.mark.parametrize("fmt", ["page", "fragment"])
def test_languages_have_the_same_structure(example: ResolvedNotice, fmt: str) -> None:
    fi, en = (skeleton(render(example, lang=lang, fmt=fmt)) for lang in ("fi", "en"))
    assert fi == en


def test_purposes_have_anchors(example: ResolvedNotice) -> None:
    html = render(example, lang="en", fmt="page")
    for _, _, _, purpose in example.purposes():
        assert f'id="ng-purpose-{purpose.id}"' in html


def test_headings_never_skip_a_level(example: ResolvedNotice) -> None:
    levels = [int(t[1]) for t, _ in tags(render(example, lang="fi", fmt="page"))
              if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


# --- the fragment -------------------------------------------------------------------------

@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_fragment_rules(example: ResolvedNotice, level: int) -> None:
    html = render(example, lang="fi", fmt="fragment", options=RenderOptions(heading_level=level))
    for forbidden in ("<html", "<head", "<body", "<script", "<style", "style=", "<link"):
        assert forbidden not in html
    elements = tags(html)
    root_tag, root_attrs = elements[0]
    assert root_tag == "div" and root_attrs["lang"] == "fi"
    for tag, attrs in elements:
        for cls in attrs.get("class", "").split():
            assert cls.startswith("ng-"), (tag, cls)
        if "id" in attrs:
            assert attrs["id"].startswith("ng-"), (tag, attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            assert attrs["href"].startswith("#ng-"), attrs["href"]
    headings = [int(t[1]) for t, _ in elements if re.fullmatch(r"h[1-6]", t)]
    assert headings[0] == level and min(headings) == level and max(headings) <= 6


def _ids_and_links(html: str) -> tuple[set[str], set[str]]:
    elements = tags(html)
    return ({a["id"] for _, a in elements if "id" in a},
            {a["href"][1:] for t, a in elements if t == "a" and a.get("href", "").startswith("#")})


def test_page_fragment_and_markdown_use_the_same_anchors(example: ResolvedNotice) -> None:
    page_ids, page_links = _ids_and_links(render(example, lang="en", fmt="page"))
    frag_ids, frag_links = _ids_and_links(render(example, lang="en", fmt="fragment"))
    assert page_ids == frag_ids and frag_links <= page_links  # (the page adds its contents)
    assert all(i.startswith("ng-") for i in page_ids) and page_links <= page_ids
    md = render(example, lang="en", fmt="md")
    assert set(re.findall(r'<a id="([^"]+)"></a>', md)) == page_ids
    # (less the Cookie settings link, which opens the consent banner: only a web page has one)
    assert set(re.findall(r"\]\(#([^)]+)\)", md)) == page_links - {"ng-cookie-settings"}


@pytest.mark.parametrize("fmt", ["page", "fragment", "md"])
def test_id_prefix_applies_everywhere_and_may_name_the_language(
        example: ResolvedNotice, fmt: str) -> None:
    options = RenderOptions(id_prefix="acme-{lang}-")
    for lang in ("fi", "en"):
        text = render(example, lang=lang, fmt=fmt, options=options)
        ids = re.findall(r' id="([^"]+)"', text)
        links = re.findall(r'(?:href="|\]\()#([^")]+)', text)
        assert ids and links
        assert all(i.startswith(f"acme-{lang}-") for i in ids + links), (ids, links)


@pytest.mark.parametrize("prefix", ["1ng-", "ng {lang}", "ng-<b>", "-x", "ng-{lang"])
def test_an_id_prefix_that_cannot_start_an_id_is_a_usage_error(prefix: str) -> None:
    with pytest.raises(UsageError, match="id prefix"):
        RenderOptions(id_prefix=prefix)


# --- rights follow the legal bases ----------------------------------------------------------

def minimal(*, bases: list[str], direct_marketing: bool = False,
            automated: bool = False) -> dict[str, Any]:
    purpose: dict[str, Any] = {
        "id": "p1", "description": {"fi": "Tarkoitus", "en": "Purpose"}, "legal_basis": bases,
        "retention": {"period": "P1Y"}, "direct_marketing": direct_marketing,
    }
    if "legitimate_interests" in bases:
        purpose["legitimate_interest"] = {"fi": "Etu.", "en": "Interest."}
    if "consent" in bases:
        purpose["withdrawal"] = {"fi": "Peruuta.", "en": "Withdraw."}
    if "legal_obligation" in bases:
        purpose["law"] = {"fi": "Laki", "en": "Act"}
    register: dict[str, Any] = {
        "id": "r1", "name": {"fi": "Rekisteri", "en": "Register"}, "data_subjects": ["customers"],
        "data_categories": ["name"], "sources": ["data_subject"], "purposes": [purpose],
    }
    if automated:
        register["automated_decisions"] = [{
            "description": {"fi": "Luottopäätös", "en": "Credit decision"},
            "logic": {"fi": "Pisteytys.", "en": "Scoring."},
            "significance": {"fi": "Hylkäys.", "en": "Refusal."},
        }]
    return {
        "notice": {"languages": ["fi", "en"], "version": "1.0", "effective": "2026-01-01"},
        "controller": {"name": "Testi Oy", "email": "tietosuoja@testi.fi", "address": {
            "street": "Katu 1", "postal_code": "00100", "city": "Helsinki"}},
        "registers": [register],
    }


@pytest.mark.parametrize(
    ("bases", "dm", "portability", "objection", "withdrawal"),
    [
        (["consent"], False, True, False, True),
        (["contract"], False, True, False, False),
        (["legal_obligation"], False, False, False, False),
        (["legitimate_interests"], False, False, True, False),
        (["public_task"], False, False, True, False),
        (["consent"], True, True, True, True),
        (["vital_interests"], False, False, False, False),
    ],
)
def test_rights_shown_follow_the_legal_bases(
    notice_file: Callable[..., Path], bases: list[str], dm: bool, portability: bool,
    objection: bool, withdrawal: bool,
) -> None:
    resolved = resolved_from(notice_file(data=minimal(bases=bases, direct_marketing=dm)))
    for lang in ("fi", "en"):
        html = unescape(render(resolved, lang=lang, fmt="page"))
        rights = html[html.index('id="ng-rights"'):html.index('id="ng-complaint"')]
        for right in ("access", "rectification", "erasure", "restriction"):
            assert vocab.label("rights", right, lang) in rights
        assert (vocab.label("rights", "portability", lang) in rights) is portability
        assert ('class="ng-objection ng-box"' in rights) is objection
        assert (vocab.label("rights", "object", lang) in rights) is objection
        assert (vocab.label("rights", "withdraw_consent", lang) in rights) is withdrawal
        assert vocab.label("rights", "no_automated_decision", lang) not in rights
        assert "allekirjoit" not in html and "signed" not in html


def test_objection_comes_first_and_boxed(example: ResolvedNotice) -> None:
    html = render(example, lang="fi", fmt="page")
    rights = html[html.index('id="ng-rights"'):]
    assert rights.index('class="ng-objection ng-box"') < rights.index(
        vocab.label("rights", "access", "fi"))


def test_automated_decisions_bring_their_right_and_logic(notice_file: Callable[..., Path]) -> None:
    resolved = resolved_from(notice_file(data=minimal(bases=["contract"], automated=True)))
    html = render(resolved, lang="en", fmt="page")
    assert vocab.label("rights", "no_automated_decision", "en") in html
    assert "Automated individual decision-making, including profiling" in html
    assert "Scoring." in html and "Refusal." in html


def test_complaint_names_the_ombudsman(example: ResolvedNotice) -> None:
    fi = render(example, lang="fi", fmt="page")
    assert "Oikeus tehdä valitus valvontaviranomaiselle" in fi
    assert "Tietosuojavaltuutetun toimisto" in fi and "PL 800, 00531 Helsinki" in fi
    en = render(example, lang="en", fmt="page")
    assert "Office of the Data Protection Ombudsman" in en and "tietosuoja@om.fi" in en


def test_finnish_retention_reads_as_finnish(example: ResolvedNotice) -> None:
    fi = render(example, lang="fi", fmt="page").replace("\u00a0", " ")
    assert "2 vuotta asiakassuhteen päättymisestä" in fi
    assert "2 vuotta viimeisimmästä yhteydenotosta" in fi
    en = render(example, lang="en", fmt="page").replace("\u00a0", " ")
    assert "2 years after the end of the customer relationship" in en


def test_official_finnish_headings(example: ResolvedNotice) -> None:
    fi = render(example, lang="fi", fmt="page")
    for heading in ("Käsittelyn tarkoitukset ja oikeusperusteet", "Henkilötietojen vastaanottajat",
                    "Tietojen siirto EU:n tai ETA:n ulkopuolelle", "Säilytysaika",
                    "Rekisteröidyn oikeudet", "Oikeus tehdä valitus valvontaviranomaiselle"):
        assert f">{heading}</h" in fi


# --- a third language is a folder of templates ----------------------------------------------

def test_swedish_needs_only_templates(notice_file: Callable[..., Path], tmp_path: Path) -> None:
    user = tmp_path / "templates"
    shutil.copytree(templates_dir() / "en", user / "sv")
    assert sorted(p.name for p in (user / "sv").iterdir()) == ["language.yaml", "strings.yaml"]
    settings = (user / "sv" / "language.yaml").read_text("utf-8")
    settings = settings.replace("name: English", "name: Svenska")
    settings = settings.replace("locale: en_GB", "locale: sv_FI")
    settings = settings.replace('date_format: "d MMMM y"', 'date_format: "d.M.y"')
    (user / "sv" / "language.yaml").write_text(settings, "utf-8")

    def to_swedish(d: dict[str, Any]) -> None:
        d.clear()
        d.update(minimal(bases=["consent"]))
        d["notice"]["languages"] = ["sv"]
        d["controller"]["name"] = "Test Ab"
        d["registers"][0]["name"] = "Register"
        purpose = d["registers"][0]["purposes"][0]
        purpose["description"], purpose["withdrawal"] = "Ändamål", "Återkalla."

    resolved = resolved_from(notice_file(edit=to_swedish))
    files = render_all(resolved, languages=["sv"], formats=["page", "fragment", "md", "txt"],
                       options=RenderOptions(templates_dir=user))
    page = files["sv/index.html"].decode()
    assert '<html lang="sv">' in page and 'lang="sv"' in files["sv/fragment.html"].decode()
    assert vocab.label("rights", "access", "sv") in page      # labels from the vocabulary
    assert vocab.label("legal_bases", "consent", "sv") in page
    assert "1.1.2026" in page                                  # sv_FI date via language.yaml
    assert "Ändamål" in files["sv/notice.md"].decode()


def test_every_optional_part_renders_in_both_languages(full_notice_file: Path) -> None:
    resolved = resolved_from(full_notice_file)
    fi, en = (unescape(render(resolved, lang=lang, fmt="page")) for lang in ("fi", "en"))
    assert skeleton(fi) == skeleton(en)
    for text in ("Yhteyshenkilö", "Tietosuojavastaava", "Rekisterinpitäjän edustaja EU:ssa",
                 "Nimenomainen suostumus (tietosuoja-asetuksen 9 artiklan 2 kohdan a alakohta)",
                 "(yleisesti saatavilla oleva lähde)", "Automatisoidut yksittäispäätökset",
                 "Käsittelyyn sisältyy profilointia.", "Kanada ja Japani",
                 "Sertifioinnin voimassaolo tarkistettu 1.5.2026.",
                 "1 kuukausi tapahtuman päättymisestä", "Paikallinen tallennustila (localStorage)",
                 "Istunto (poistuu, kun selain suljetaan)", "Y-tunnus", "0737546-2"):
        assert text in fi.replace("\u00a0", " "), text
    for text in ("Contact person", "Data protection officer", "Canada and Japan",
                 "Certification checked on 1 May 2026.", "1 month after the end of the event",
                 "Explicit consent (Article 9(2)(a) GDPR)", "The processing includes profiling."):
        assert text in en.replace("\u00a0", " "), text
    assert vocab.label("rights", "no_automated_decision", "fi") in fi


def test_cookie_names_break_between_words_only(example: ResolvedNotice) -> None:
    html = render(example, lang="en", fmt="fragment")
    assert '<code><span class="ng-nowrap">_hjSessionUser_</span>*</code>' in html
    assert "<code>_hj<wbr>Included<wbr>In<wbr>Session<wbr>Sample*</code>" in html


# --- the notice at a glance (WP260 paras. 35-38) --------------------------------------------

def _summary(html: str) -> str:
    match = re.search(r'<section class="ng-summary">.*?</section>', html, re.S)
    assert match is not None
    return match.group(0)


@pytest.mark.parametrize("fmt", ["page", "fragment"])
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_summary_comes_first_and_every_line_links_to_its_section(
        example: ResolvedNotice, fmt: str, lang: str) -> None:
    html = render(example, lang=lang, fmt=fmt)
    summary = _summary(html)
    assert html.index(summary) < html.index('class="ng-section')
    ids = {a["id"] for _, a in tags(html) if "id" in a}
    lines = re.findall(r'^<li><strong><a href="#([^"]+)">[^<]+</a>:</strong> ', summary, re.M)
    # controller, data, purposes, recipients, transfers, retention, rights, complaint
    assert len(lines) == 8 and all(target in ids for target in lines), lines
    for _, _, _, purpose in example.purposes():
        assert f'href="#ng-purpose-{purpose.id}"' in summary
    text = unescape(re.sub(r"<[^>]+>", "", summary))
    assert "QualityDesk Oy" in text and "privacy@qualitydesk.com" in text
    assert "Hotjar Ltd" in text and vocab.label("rights", "access", lang) in text
    assert vocab.label("legal_bases", "legal_obligation", lang).lower() in text
    assert ("Tietosuojavaltuutetun toimisto" if lang == "fi"
            else "Office of the Data Protection Ombudsman") in text
    transfers = {"fi": "siirretään Euroopan unionin (EU) tai Euroopan talousalueen (ETA) ulkopuolelle",
                 "en": "transferred outside the European Union (EU) or the European Economic Area"}
    assert transfers[lang] in text


def test_the_summary_says_when_nothing_leaves_the_eea_and_nobody_receives(
        notice_file: Callable[..., Path]) -> None:
    resolved = resolved_from(notice_file(data=minimal(bases=["contract"])))
    for lang, none, stays in (
            ("fi", "Emme luovuta henkilötietoja vastaanottajille.", "ei siirretä Euroopan unionin"),
            ("en", "We do not disclose personal data to recipients.", "are not transferred outside")):
        summary = unescape(_summary(render(resolved, lang=lang, fmt="page")))
        assert none in summary and stays in summary
        assert '<a href="#ng-purpose-p1">' in summary


def test_the_summary_is_in_the_markdown_and_text(example: ResolvedNotice) -> None:
    md = render(example, lang="en", fmt="md")
    assert "At a glance" in md and "- **[Controller](#ng-controller):** QualityDesk Oy" in md
    assert "At a glance" in render(example, lang="en", fmt="txt")
