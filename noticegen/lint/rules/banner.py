"""A consent banner's configuration against the notice (`check --consent-config FILE`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from noticegen import vocab
from noticegen.diagnostics import Severity
from noticegen.l10n import N_
from noticegen.lint.registry import Finding, rule

if TYPE_CHECKING:
    from noticegen.lint.banner import Banner
    from noticegen.model import Cookie
    from noticegen.resolve import ResolvedNotice

E = Severity.ERROR
_SOURCE = N_("Act 917/2014, section 205; GDPR Art. 7(3); CJEU C-673/17 Planet49")


def _label(category: str) -> dict[str, str]:
    return dict(vocab.vocabulary("cookie_categories")[category].label)


def _name(cookie: Cookie) -> str:
    return (cookie.name or "") + ("*" if cookie.prefix else "")


@rule("NG801", "banner-category-missing", groups=("cookies", "banner"), severity=E,
      message=N_("the notice has cookies in the category {category} ({cookies}), but the consent banner "
                 "does not ask about that category"),
      hint=N_("Add the category and its cookies to the banner's configuration, or let `noticegen build` "
              "write it (docs/embedding.md)."),
      source=_SOURCE, banner=True)
def banner_category_missing(resolved: ResolvedNotice, banner: Banner) -> Iterator[Finding]:
    """Every category of cookies that need consent must be one the banner asks about.

    A category the banner does not ask about is either set without consent or never set;
    either way the notice and the banner disagree. Compares a configuration given with
    `check --consent-config` (vanilla-cookieconsent's `categories`, Klaro's `purposes`).

    [fi]
    Jokaisesta suostumusta edellyttävästä evästeluokasta on kysyttävä bannerissa.

    Jos banneri ei kysy luokasta, sen evästeet asetetaan ilman suostumusta tai niitä ei
    aseteta lainkaan; kummassakin tapauksessa seloste ja banneri ovat ristiriidassa. Vertailee
    `check --consent-config` -valinnalla annettuja asetuksia (vanilla-cookieconsentin
    `categories`, Klaron `purposes`).

    [sv]
    Varje kategori av kakor som kräver samtycke ska vara en kategori som bannern frågar om.

    Om bannern inte frågar om kategorin, sätts dess kakor utan samtycke eller inte alls; i båda
    fallen stämmer beskrivningen och bannern inte överens. Regeln jämför en konfiguration som
    ges med `check --consent-config` (`categories` i vanilla-cookieconsent, `purposes` i Klaro).

    [fail]
    # the notice declares statistics cookies; the banner (consent.json) has only:
    categories:
      necessary: {enabled: true, readOnly: true}
    [pass]
    categories:
      necessary: {enabled: true, readOnly: true}
      analytics: {autoClear: {cookies: [{name: _pk_id}]}}
    """
    shown = {c.category for c in banner.categories if c.category is not None}
    for category, cookies in resolved.cookie_groups.items():
        if category != "necessary" and category not in shown:
            names = ", ".join(_name(c) for c in cookies[:3]) + (", …" if len(cookies) > 3 else "")
            yield banner.root, {"category": _label(category), "cookies": names}


@rule("NG802", "banner-category-not-in-notice", groups=("cookies", "banner"), severity=E,
      message=N_("the consent banner asks about the category \"{category}\", but the notice declares no "
                 "such cookies"),
      hint=N_("Describe those cookies in the notice under `cookies:`, or remove the category from the "
              "banner; a category the notice does not know is named as in docs/embedding.md (`analytics` "
              "for statistics)."),
      source=_SOURCE, banner=True)
def banner_category_not_in_notice(resolved: ResolvedNotice, banner: Banner) -> Iterator[Finding]:
    """A banner category must have cookies in the notice.

    People must be told what each cookie they consent to does (section 205): a category the
    notice does not describe asks for consent without that information.

    [fi]
    Bannerin jokaisella luokalla on oltava evästeitä selosteessa.

    Käyttäjälle on kerrottava, mitä kukin eväste tekee (205 §): luokka, jota seloste ei kuvaa,
    pyytää suostumusta ilman näitä tietoja.

    [sv]
    Varje kategori i bannern ska ha kakor i beskrivningen.

    Användaren ska få veta vad varje kaka som han eller hon samtycker till gör (205 §): en
    kategori som beskrivningen inte beskriver ber om samtycke utan den informationen.

    [fail]
    # the notice declares statistics cookies only; the banner (consent.json):
    categories:
      analytics: {autoClear: {cookies: [{name: _pk_id}]}}
      marketing: {autoClear: {cookies: [{name: _fbp}]}}
    [pass]
    categories:
      analytics: {autoClear: {cookies: [{name: _pk_id}]}}
    """
    for entry in banner.categories:
        if entry.category == "necessary":
            continue  # every banner has one, cookies or not
        if entry.category is None or entry.category not in resolved.cookie_groups:
            yield entry.loc, {"category": entry.id}


@rule("NG803", "banner-cookie-unknown", groups=("cookies", "banner"), severity=E,
      message=N_("the consent banner lists the cookie {cookie}, which the notice does not declare"),
      hint=N_("Declare the cookie under `cookies:` (name, category, party, duration and purpose), or "
              "remove it from the banner."),
      source=_SOURCE, banner=True)
def banner_cookie_unknown(resolved: ResolvedNotice, banner: Banner) -> Iterator[Finding]:
    """Every cookie in the banner must be one the notice declares.

    A cookie the banner knows and the notice does not is set on the site without the
    information the law asks for. A regular expression (`{regexp: "^_ga_"}`) stands for the
    notice's prefix cookie with that name.

    [fi]
    Jokaisen bannerissa mainitun evästeen on oltava selosteessa.

    Eväste, jonka banneri tuntee mutta jota seloste ei kuvaa, asetetaan sivustolla ilman lain
    edellyttämiä tietoja. Säännöllinen lauseke (`{regexp: "^_ga_"}`) vastaa selosteen
    samannimistä etuliite-evästettä.

    [sv]
    Varje kaka i bannern ska finnas i beskrivningen.

    En kaka som bannern känner till men beskrivningen inte beskriver sätts på webbplatsen utan
    den information som lagen kräver. Ett reguljärt uttryck (`{regexp: "^_ga_"}`) motsvarar
    beskrivningens prefixkaka med samma namn.

    [fail]
    categories:
      analytics: {autoClear: {cookies: [{name: _pk_id}, {name: _pk_ses}]}}
    [pass]
    categories:
      analytics: {autoClear: {cookies: [{name: _pk_id}]}}
    """
    for entry in banner.categories:
        for cookie in entry.cookies:
            if not any(cookie.matches(c) for c in resolved.notice.cookies):
                yield cookie.loc, {"cookie": cookie.name}


@rule("NG804", "banner-cookie-category-differs", groups=("cookies", "banner"), severity=E,
      message=N_("the consent banner has the cookie {cookie} under \"{category}\", but the notice "
                 "declares it as {declared}"),
      hint=N_("Move the cookie to the banner category of its category in the notice (docs/embedding.md), "
              "or correct its `category:` in the notice."),
      source=_SOURCE, banner=True)
def banner_cookie_category_differs(resolved: ResolvedNotice, banner: Banner) -> Iterator[Finding]:
    """A cookie must be in the same category in the banner as in the notice.

    Otherwise consent to one category sets or clears the cookies the notice says belong to
    another.

    [fi]
    Evästeen luokan on oltava bannerissa sama kuin selosteessa.

    Muuten yhteen luokkaan annettu suostumus asettaa tai poistaa evästeitä, jotka seloste
    kertoo toiseen luokkaan kuuluviksi.

    [sv]
    En kaka ska höra till samma kategori i bannern som i beskrivningen.

    Annars sätter eller raderar ett samtycke till en kategori kakor som enligt beskrivningen hör
    till en annan.

    [fail]
    # the notice declares _pk_id as a statistics cookie; the banner (consent.json):
    categories:
      marketing: {autoClear: {cookies: [{name: _pk_id}]}}
    [pass]
    categories:
      analytics: {autoClear: {cookies: [{name: _pk_id}]}}
    """
    for entry in banner.categories:
        if entry.category is None:
            continue
        for cookie in entry.cookies:
            declared = [c for c in resolved.notice.cookies if cookie.matches(c)]
            if declared and all(c.category != entry.category for c in declared):
                yield cookie.loc, {"cookie": cookie.name, "category": entry.id,
                                   "declared": _label(declared[0].category)}
