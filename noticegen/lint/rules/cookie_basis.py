"""Cookies and the legal basis of the purposes they serve."""

from __future__ import annotations

from collections.abc import Iterator

from noticegen.diagnostics import Loc, Severity
from noticegen.l10n import N_
from noticegen.lint.facts import cookie_name, join, vocab_label
from noticegen.lint.registry import Finding, rule
from noticegen.resolve import ResolvedNotice
from noticegen.vocab import consent_required


def _lower(vocabulary: str, term: str) -> dict[str, str]:
    """A vocabulary label inside a sentence: "Analytics cookies" → "analytics cookies"."""
    return {lang: text[:1].lower() + text[1:]
            for lang, text in vocab_label(vocabulary, term).items()}


@rule("NG409", "cookie-consent-basis", groups=("cookies", "consent", "legal-basis"),
      severity=Severity.ERROR,
      message=N_("the cookie {cookie} needs consent ({category}), but the purpose '{purpose}' it serves "
                 "rests on {basis}, not on consent"),
      hint=N_("Make consent the legal basis of that purpose (`legal_basis: [consent]` with "
              "`withdrawal:`). If the cookie serves only some of its provider's purposes, list those "
              "under the cookie's `purposes:`. If the cookie is strictly necessary for a service the user "
              "asked for, set its `category:` to `necessary`."),
      source=N_("Act 917/2014, section 205; Directive 2002/58/EC Art. 5(3); GDPR Art. 6(1)(a); "
                "EDPB Opinion 5/2019"))
def cookie_consent_basis(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A cookie that needs consent must serve purposes whose legal basis is consent.

    Where section 205 of Act 917/2014 (ePrivacy Directive Art. 5(3)) requires consent to store
    or read a cookie, what the cookie collects is processed on that consent (GDPR Art. 6(1)(a)):
    another legal basis, such as legitimate interests, would let the controller go round the
    consent the visitor refused or withdrew (EDPB Opinion 5/2019). A cookie serves the purposes
    listed in its `purposes:`, or else the purposes whose `recipients:` name its provider: of
    these, only the ones on consent when there are any (a shop platform that handles the orders
    on contract and the statistics on consent).

    [fi]
    Suostumusta edellyttävän evästeen käyttötarkoitusten oikeusperusteen on oltava suostumus.

    Kun sähköisen viestinnän palveluista annetun lain 205 § (sähköisen viestinnän
    tietosuojadirektiivin 5 artiklan 3 kohta) edellyttää suostumusta evästeen tallentamiseen
    tai lukemiseen, evästeellä kerättyjä tietoja käsitellään tämän suostumuksen perusteella
    (6 artiklan 1 kohdan a alakohta): muu oikeusperuste, kuten oikeutettu etu, kiertäisi
    suostumuksen, josta kävijä on kieltäytynyt tai jonka hän on peruuttanut (Euroopan
    tietosuojaneuvoston lausunto 5/2019). Eväste palvelee sen `purposes:`-kohdassa lueteltuja
    käyttötarkoituksia tai muuten niitä, joiden `recipients:`-kohdassa sen tarjoaja mainitaan:
    näistä vain suostumukseen perustuvia, jos sellaisia on (kauppa-alusta, joka käsittelee
    tilaukset sopimuksen ja tilastoinnin suostumuksen perusteella).

    [sv]
    En kaka som kräver samtycke ska tjäna ändamål vars rättsliga grund är samtycke.

    När 205 § i lagen om tjänster inom elektronisk kommunikation (artikel 5.3 i direktivet om
    integritet och elektronisk kommunikation) kräver samtycke för att lagra eller läsa en kaka,
    behandlas det som kakan samlar in med stöd av det samtycket (artikel 6.1 a i
    dataskyddsförordningen): en annan rättslig grund, till exempel berättigade intressen, skulle
    låta den personuppgiftsansvarige kringgå det samtycke som besökaren har avböjt eller
    återkallat (Europeiska dataskyddsstyrelsens yttrande 5/2019). En kaka tjänar de ändamål som
    räknas upp under dess `purposes:`, och annars de ändamål vars `recipients:` nämner dess
    leverantör: av dessa endast de som grundar sig på samtycke, om sådana finns (en plattform
    för webbhandel som behandlar beställningarna med stöd av avtal och statistiken med stöd av
    samtycke).

    [fail]
    purposes:
      - id: analytics
        legal_basis: [legitimate_interests]
        recipients: [matomo]
    cookies:
      - {name: _pk_id, provider: matomo, category: statistics}
    [pass]
    purposes:
      - id: analytics
        legal_basis: [consent]
        recipients: [matomo]
    cookies:
      - {name: _pk_id, provider: matomo, category: statistics}
    """
    purposes = {p.id: p for _, _, _, p in resolved.purposes()}
    reported: set[tuple[Loc, str]] = set()  # a `uses:` entry: once per purpose, not per cookie
    for c, cookie in enumerate(resolved.notice.cookies):
        if not consent_required(cookie.category):
            continue
        origin = resolved.origins.get(("cookies", c))
        for ref in cookie.purposes:
            purpose = purposes.get(ref)
            if purpose is None or not purpose.legal_basis or "consent" in purpose.legal_basis:
                continue  # unknown ids and purposes without a basis have rules of their own
            if origin is not None:
                if (origin, ref) in reported:
                    continue
                reported.add((origin, ref))
            yield ("cookies", c, "category"), {
                "cookie": cookie_name(cookie, c),
                "category": _lower("cookie_categories", cookie.category),
                "purpose": ref,
                "basis": join([_lower("legal_bases", b) for b in purpose.legal_basis])}
