"""Cookies and similar technologies: the information per cookie, consent, known trackers."""

from __future__ import annotations

from collections.abc import Iterator

from noticegen import catalog
from noticegen.diagnostics import Loc, Severity
from noticegen.l10n import N_, Translated
from noticegen.lint.facts import (
    cookie_matches,
    cookie_name,
    join,
    service_of,
    term_attr,
    tracker_cookie,
    vocab_label,
)
from noticegen.lint.registry import Finding, rule
from noticegen.model.types import approx_days, parse_duration
from noticegen.resolve import ResolvedNotice
from noticegen.vocab import consent_required

E, W = Severity.ERROR, Severity.WARNING

_INFO = {  # in this order: the clause reads best last
    "duration": Translated(N_("how long it is kept")),
    "purpose": Translated(N_("what it is used for")),
    "party": Translated(N_("whether it is set on your own domain or another")),
}

_KEYS = {
    "duration": Translated(N_("`duration:` (`P1Y`, `P30D` or `session`)")),
    "purpose": Translated(N_("`purpose:`")),
    "party": Translated(N_("`party:` (`first` or `third`)")),
}


@rule("NG401", "cookie-info-missing", groups=("cookies",), severity=E,
      message=N_("the cookie {cookie} does not say {missing}"),
      hint=N_("Add {keys} to the cookie."),
      source=N_("Act 917/2014, section 205; CJEU C-673/17 Planet49; Traficom cookie guidance"))
def cookie_info_missing(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Every cookie needs its purpose, duration and whether a third party has access.

    Section 205 asks for "understandable and comprehensive" information; Traficom and the
    Planet49 ruling name the purpose, the validity period and third-party access.

    [fi]
    Jokaisesta evästeestä on kerrottava käyttötarkoitus, voimassaoloaika ja se, onko
    kolmansilla osapuolilla pääsy siihen.

    Sähköisen viestinnän palveluista annetun lain 205 § edellyttää ymmärrettäviä ja kattavia
    tietoja; Traficom ja Planet49-tuomio mainitsevat käyttötarkoituksen, voimassaoloajan ja
    kolmansien osapuolten pääsyn.

    [sv]
    För varje kaka ska ändamålet, giltighetstiden och huruvida tredje parter har tillgång till
    den anges.

    Enligt 205 § i lagen om tjänster inom elektronisk kommunikation ska användaren få begriplig
    och fullständig information; Traficom och Planet49-domen nämner ändamålet, giltighetstiden
    och tredje parters tillgång.

    [fail]
    cookies:
      - name: session_id
        category: necessary
    [pass]
    cookies:
      - name: session_id
        category: necessary
        party: first
        duration: session
        purpose: Keeps you logged in.
    """
    for c, cookie in enumerate(resolved.notice.cookies):
        missing = [f for f in _INFO if getattr(cookie, f) is None]
        if missing:  # the hint names only the keys that are missing
            yield ("cookies", c), {"cookie": cookie_name(cookie, c),
                                   "missing": join([_INFO[f] for f in missing]),
                                   "keys": join([_KEYS[f] for f in missing])}


def _consent_cookie(resolved: ResolvedNotice) -> int | None:
    """The index of the first cookie that needs consent."""
    return next((c for c, cookie in enumerate(resolved.notice.cookies)
                 if consent_required(cookie.category)), None)


@rule("NG402", "cookie-consent-invalid", groups=("cookies", "consent"), severity=E,
      message=N_("\"{method}\" is not valid consent to cookies that are not strictly necessary (such as "
                 "{cookie})"),
      hint=N_("Ask for consent with a banner that lets people refuse on its first layer and set "
              "`cookie_consent: {{method: banner}}`, or remove those cookies."),
      source=N_("Act 917/2014, section 205; Traficom guidance 13.9.2021; CJEU C-673/17 Planet49"))
def cookie_consent_invalid(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Cookies that are not strictly necessary need real consent, not browser settings.

    Since Traficom's guidance of 13 September 2021, browser settings are not consent; nor is
    silence or continuing to browse.

    [fi]
    Muihin kuin välttämättömiin evästeisiin tarvitaan todellinen suostumus, eivät selaimen
    asetukset riitä.

    Traficomin 13.9.2021 antaman ohjeen jälkeen selaimen asetukset eivät ole suostumus; eivät
    myöskään vaikeneminen tai sivuston selaamisen jatkaminen.

    [sv]
    Kakor som inte är nödvändiga kräver ett verkligt samtycke; webbläsarens inställningar räcker
    inte.

    Sedan Traficoms guide av den 13 september 2021 är webbläsarens inställningar inte ett
    samtycke; inte heller tystnad eller att användaren fortsätter att surfa på webbplatsen.

    [fail]
    cookie_consent:
      method: browser_settings
    [pass]
    cookie_consent:
      method: banner
      change: Use the Cookie settings link at the bottom of every page.
    """
    c = _consent_cookie(resolved)
    consent = resolved.notice.cookie_consent
    if c is None or consent is None or term_attr("consent_methods", consent.method, "valid"):
        return
    yield ("cookie_consent", "method"), {"method": vocab_label("consent_methods", consent.method),
                                         "cookie": cookie_name(resolved.notice.cookies[c], c)}


@rule("NG403", "cookie-consent-no-withdrawal", groups=("cookies", "consent"), severity=E,
      message=N_("the notice does not say how to change or withdraw cookie consent"),
      hint=N_("Add `cookie_consent: {{method: banner, change: …}}`, e.g. \"Use the Cookie settings link "
              "at the bottom of every page.\", or a `settings_url:`."),
      source=N_("GDPR Art. 7(3); Act 917/2014, section 205"))
def cookie_consent_no_withdrawal(resolved: ResolvedNotice) -> Iterator[Finding]:
    """With cookies that need consent, the notice must say how to change or withdraw it.

    Withdrawing consent must be as easy as giving it (Art. 7(3)), so people need to know
    where the cookie settings are.

    [fi]
    Kun evästeisiin tarvitaan suostumus, selosteessa on kerrottava, miten sitä voi muuttaa tai
    miten sen voi peruuttaa.

    Suostumuksen peruuttamisen on oltava yhtä helppoa kuin sen antamisen (7 artiklan 3 kohta),
    joten evästeasetusten paikka on kerrottava.

    [sv]
    När kakor kräver samtycke ska beskrivningen ange hur man ändrar eller återkallar samtycket.

    Det ska vara lika lätt att återkalla samtycket som att ge det (artikel 7.3), så läsaren ska
    få veta var inställningarna för kakor finns.

    [fail]
    cookies:
      - {name: _ga, provider: google-analytics-4, category: statistics}
    [pass]
    cookies:
      - {name: _ga, provider: google-analytics-4, category: statistics}
    cookie_consent:
      method: banner
      change: Use the Cookie settings link at the bottom of every page.
    """
    c = _consent_cookie(resolved)
    consent = resolved.notice.cookie_consent
    if c is None:
        return
    if consent is None:
        yield ("cookies", c, "category"), {}
    elif consent.change is None and consent.settings_url is None:
        yield ("cookie_consent",), {}


def _service_name(service_id: str) -> str:
    return str(catalog.service(service_id).get("name", service_id))


@rule("NG404", "tracker-as-necessary", groups=("cookies", "contradictions", "catalogue"), severity=E,
      message=N_("the cookie {cookie} belongs to {service}, a tracking service, and cannot be strictly "
                 "necessary"),
      hint=N_("Set `category:` to `statistics` or `marketing`, and ask for consent before the cookie is "
              "set."),
      source=N_("Act 917/2014, section 205(2); Traficom cookie guidance"))
def tracker_as_necessary(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Cookies of analytics and advertising services are never strictly necessary.

    Only cookies strictly necessary for a service the user asked for are exempt from consent.
    A cookie counts as a tracker's when its provider is a catalogue service marked
    `tracker: true`, or when its name is one of such a service's cookies (`_ga`, `_hj…`,
    `_fbp`…).

    [fi]
    Analytiikka- ja mainospalveluiden evästeet eivät koskaan ole välttämättömiä.

    Suostumusta ei tarvita vain evästeisiin, jotka ovat välttämättömiä käyttäjän nimenomaisesti
    pyytämän palvelun tarjoamiseksi. Eväste katsotaan seurantapalvelun evästeeksi, kun sen
    tarjoaja on luettelon palvelu, jolla on merkintä `tracker: true`, tai kun sen nimi on jonkin
    tällaisen palvelun eväste (`_ga`, `_hj…`, `_fbp`…).

    [sv]
    Kakor från webbanalys- och reklamtjänster är aldrig nödvändiga.

    Endast kakor som är nödvändiga för att tillhandahålla en tjänst som användaren uttryckligen
    har begärt är undantagna från kravet på samtycke. En kaka räknas som en spårningstjänsts
    kaka när dess leverantör är en tjänst i katalogen som har markeringen `tracker: true`, eller
    när dess namn är en av en sådan tjänsts kakor (`_ga`, `_hj…`, `_fbp`…).

    [fail]
    cookies:
      - {name: _ga, category: necessary, party: first, duration: P2Y, purpose: Statistics}
    [pass]
    cookies:
      - {name: _ga, category: statistics, party: first, duration: P2Y, purpose: Statistics}
    """
    for c, cookie in enumerate(resolved.notice.cookies):
        if cookie.category != "necessary" or cookie.name is None:
            continue
        service = service_of(resolved, cookie.provider)
        if service is None or not catalog.service(service).get("tracker"):
            service = tracker_cookie(cookie.name, cookie.prefix)
        if service is not None:
            yield ("cookies", c, "category"), {"cookie": cookie.name, "service": _service_name(service)}


def _same_duration(a: str, b: str) -> bool:
    if "session" in (a, b):
        return a == b
    x, y = approx_days(parse_duration(a)), approx_days(parse_duration(b))
    return abs(x - y) <= max(1.0, 0.02 * max(x, y))


_FIELD = {"category": Translated(N_("category")),
          "duration": Translated(N_("duration"))}


@rule("NG405", "cookie-catalogue-mismatch", groups=("cookies", "catalogue"), severity=W,
      message=N_("the cookie {cookie} is declared with {field} {declared}, but the catalogue entry of "
                 "{service} says {known}"),
      hint=N_("Check the provider's documentation and correct the value; if yours is right, switch the "
              "rule off for this cookie with the reason: `lint: {{disable: [{{rule: NG405, reason: "
              "…}}]}}`."),
      source=N_("noticegen catalogue; Traficom cookie guidance"))
def cookie_catalogue_mismatch(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A declared cookie should agree with the catalogue entry of its provider.

    When you describe a catalogue service's cookie yourself, your description replaces the
    catalogue's; a different category or duration is usually a copying mistake.

    [fi]
    Itse kuvatun evästeen tietojen tulisi vastata sen tarjoajan luettelotietoja.

    Kun kuvaat luettelon palvelun evästeen itse, kuvauksesi korvaa luettelon tiedot; poikkeava
    luokka tai voimassaoloaika on yleensä kopiointivirhe.

    [sv]
    En kaka som ni själva beskriver bör stämma överens med katalogposten för dess leverantör.

    När ni själva beskriver en kaka från en tjänst i katalogen, ersätter er beskrivning
    katalogens; en avvikande kategori eller giltighetstid är i regel ett kopieringsfel.

    [fail]
    uses: [google-analytics-4]
    cookies:
      - {name: _ga, provider: google-analytics-4, category: statistics, duration: P1D}
    [pass]
    uses: [google-analytics-4]
    cookies:
      - {name: _ga, provider: google-analytics-4, category: statistics, duration: P2Y}
    """
    for c, cookie in enumerate(resolved.notice.cookies):
        if ("cookies", c) in resolved.origins:
            continue  # the catalogue's own cookie
        service = service_of(resolved, cookie.provider)
        if service is None or cookie.name is None:
            continue
        known = next((k for k in catalog.service(service).get("cookies", [])
                      if cookie_matches(cookie.name, cookie.prefix, str(k["name"]),
                                        bool(k.get("prefix")))), None)
        if known is None:
            continue
        base = {"cookie": cookie.name, "service": _service_name(service)}
        if known.get("category") and known["category"] != cookie.category:
            yield ("cookies", c, "category"), {**base, "field": _FIELD["category"],
                                               "declared": cookie.category, "known": known["category"]}
        if cookie.duration and known.get("duration") and \
                not _same_duration(cookie.duration, str(known["duration"])):
            yield ("cookies", c, "duration"), {**base, "field": _FIELD["duration"],
                                               "declared": cookie.duration,
                                               "known": str(known["duration"])}


@rule("NG406", "third-party-cookie-no-provider", groups=("cookies", "recipients"), severity=W,
      message=N_("the cookie {cookie} is a third-party cookie, but the third party is not named"),
      hint=N_("Add `provider:` with the id of the recipient that sets it, and declare that recipient "
              "under `recipients:` or `uses:`."),
      source=N_("CJEU C-673/17 Planet49; Traficom cookie guidance"))
def third_party_cookie_no_provider(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A third-party cookie must say whose it is.

    People must know which third parties can read the cookie (Planet49).

    [fi]
    Kolmannen osapuolen evästeen kohdalla on kerrottava, kenen eväste se on.

    Henkilön on tiedettävä, mitkä kolmannet osapuolet voivat lukea evästeen (Planet49).

    [sv]
    För en tredjepartskaka ska det anges vems kaka det är.

    Läsaren ska få veta vilka tredje parter som kan läsa kakan (Planet49).

    [fail]
    cookies:
      - {name: ads_id, party: third, category: marketing, duration: P90D, purpose: Ads}
    [pass]
    cookies:
      - {name: ads_id, party: third, provider: ad-network, category: marketing, duration: P90D,
         purpose: Ads}
    """
    for c, cookie in enumerate(resolved.notice.cookies):
        if cookie.party == "third" and cookie.provider is None:
            yield ("cookies", c, "party"), {"cookie": cookie_name(cookie, c)}


def _chosen_cookies(resolved: ResolvedNotice) -> Iterator[tuple[Loc, str, str]]:
    """Every catalogue cookie the user chose by name: (path, service id, cookie name)."""
    notice = resolved.notice
    for u, use in notice.used_services():
        for k, name in enumerate(use.cookies or []):
            yield ("uses", u, "cookies", k), use.service, name
    for i, rec in enumerate(notice.recipients):
        if ("recipients", i) in resolved.origins or rec.service is None:
            continue
        for k, name in enumerate(rec.cookies or []):
            yield ("recipients", i, "cookies", k), rec.service, name


@rule("NG407", "catalogue-cookie-unknown", groups=("cookies", "catalogue"), severity=E,
      message=N_("{cookie} is not one of the cookies of {service} in the catalogue"),
      hint=N_("Choose from: {known}. Describe any other cookie under `cookies:` with `provider:`."),
      source=N_("noticegen catalogue; Act 917/2014, section 205"))
def catalogue_cookie_unknown(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A cookie chosen from a catalogue service must be one of that service's cookies.

    `uses: [{service: mailchimp, cookies: [mc_cid]}]` lists exactly the chosen cookies of the
    service; a name the catalogue does not know would silently list nothing.

    [fi]
    Luettelon palvelusta valitun evästeen on oltava jokin palvelun evästeistä.

    `uses: [{service: mailchimp, cookies: [mc_cid]}]` luettelee palvelun evästeistä juuri
    valitut; nimi, jota luettelossa ei ole, jäisi huomaamatta pois.

    [sv]
    En kaka som har valts från en tjänst i katalogen ska vara en av tjänstens kakor.

    `uses: [{service: mailchimp, cookies: [mc_cid]}]` räknar upp exakt de valda kakorna från
    tjänsten; ett namn som katalogen inte känner till skulle inte ge någon kaka alls, och ingen
    skulle märka det.

    [fail]
    uses:
      - {service: mailchimp, cookies: [mc_cidd]}
    [pass]
    uses:
      - {service: mailchimp, cookies: []}
    """
    for loc, service, name in _chosen_cookies(resolved):
        if service not in catalog.ids():
            continue  # the validator reports the service
        known = [str(c["name"]) for c in catalog.service(service).get("cookies", [])]
        if name not in known:
            listed = ", ".join(known) if known else "—"
            yield loc, {"cookie": name, "service": _service_name(service), "known": listed}


@rule("NG408", "cookie-no-purpose", groups=("cookies", "legal-basis"), severity=E,
      message=N_("the cookie {cookie} serves no purpose with a legal basis"),
      hint=N_("Name its provider under `recipients:` of the purpose the cookie serves (e.g. website "
              "analytics with `legal_basis: [consent]`), or list that purpose's id in the cookie's "
              "`purposes:`. If your site does not set the cookie, remove it (choose a service's cookies "
              "with `uses: [{{service: …, cookies: […]}}]`)."),
      source=N_("GDPR Art. 6(1), 13(1)(c); Act 917/2014, section 205"))
def cookie_no_purpose(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Every cookie shown must belong to a purpose that has a legal basis.

    The data a cookie collects are processed for some purpose, and the notice must say on
    which legal basis (Art. 13(1)(c)). A cookie belongs to the purposes listed in its
    `purposes:`, or else to the purposes whose `recipients:` name its provider. Only our own
    strictly necessary cookies (no provider, category `necessary`) are exempt: no one else
    receives their data and section 205(2) of Act 917/2014 exempts them from consent.

    [fi]
    Jokaisen selosteessa näkyvän evästeen on liityttävä käyttötarkoitukseen, jolla on
    oikeusperuste.

    Evästeen keräämiä tietoja käsitellään jotakin tarkoitusta varten, ja selosteessa on
    kerrottava, millä oikeusperusteella (13 artiklan 1 kohdan c alakohta). Eväste liittyy sen
    `purposes:`-kohdassa lueteltuihin käyttötarkoituksiin tai muuten niihin, joiden
    `recipients:`-kohdassa sen tarjoaja mainitaan. Poikkeus ovat vain omat välttämättömät
    evästeemme (ei tarjoajaa, luokka `necessary`): niiden tietoja ei saa kukaan muu, ja
    sähköisen viestinnän palveluista annetun lain 205 §:n 2 momentti vapauttaa ne
    suostumuksesta.

    [sv]
    Varje kaka som visas ska höra till ett ändamål som har en rättslig grund.

    Uppgifterna som en kaka samlar in behandlas för något ändamål, och beskrivningen ska ange på
    vilken rättslig grund (artikel 13.1 c). En kaka hör till de ändamål som räknas upp under
    dess `purposes:`, och annars till de ändamål vars `recipients:` nämner dess leverantör.
    Endast våra egna nödvändiga kakor (ingen leverantör, kategorin `necessary`) är undantagna:
    ingen annan får deras uppgifter, och enligt 205 § 2 mom. i lagen om tjänster inom
    elektronisk kommunikation krävs inget samtycke för dem.

    [fail]
    uses: [hotjar]
    [pass]
    uses: [hotjar]
    registers:
      - purposes:
          - id: website-analytics
            legal_basis: [consent]
            recipients: [hotjar]
    """
    purposes = {p.id: p for _, _, _, p in resolved.purposes()}
    reported: set[Loc] = set()  # one finding per `uses:` entry, not one per catalogue cookie
    for c, cookie in enumerate(resolved.notice.cookies):
        if cookie.provider is None and cookie.category == "necessary":
            continue
        if any(purposes[p].legal_basis for p in cookie.purposes if p in purposes):
            continue
        origin = resolved.origins.get(("cookies", c))
        if origin is not None:
            if origin in reported:
                continue
            reported.add(origin)
        yield ("cookies", c), {"cookie": cookie_name(cookie, c)}
