"""Text that contradicts the facts: no transfers, no disclosures, anonymous data."""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticegen.diagnostics import Loc, Severity
from noticegen.l10n import N_, Translated
from noticegen.lint.facts import (
    TextValue,
    categories_with_locs,
    recipient_name,
    scan,
    term_attr,
    vocab_label,
)
from noticegen.lint.registry import Finding, Param, rule
from noticegen.resolve import ResolvedNotice, outside_eea
from noticegen.vocab import consent_required

E, W = Severity.ERROR, Severity.WARNING


def _third_country_recipient(resolved: ResolvedNotice) -> tuple[str, str] | None:
    """The first recipient that sends data outside the EU/EEA, with the country."""
    for rec in resolved.notice.recipients:
        if rec.country is not None and outside_eea(rec.country):
            return rec.id, rec.country
    for entry in resolved.transfers:
        country = next((c for c in entry.transfer.countries if outside_eea(c)), None)
        if country is not None:
            return entry.recipient.id, country
    return None


@rule("NG201", "transfer-denial-contradiction", groups=("contradictions", "transfers"), severity=E,
      message=N_("the text says data are not transferred outside the EU/EEA (\"{found}\"), but "
                 "{recipient} sends them to a third country ({country})"),
      hint=N_("Delete the sentence: the notice lists each transfer and its safeguard under the "
              "recipient's `transfers:`."),
      source=N_("GDPR Art. 13(1)(f), 14(1)(f), 44"), user_text=True)
def transfer_denial_contradiction(resolved: ResolvedNotice) -> Iterator[Finding]:
    """The notice must not deny transfers outside the EU/EEA that its recipients make.

    Old notices often say "data are not transferred outside the EU/EEA" while the site uses US
    services such as Google Analytics, or processors whose sub-processors are in the US.

    [fi]
    Selosteessa ei saa kiistää siirtoja EU:n/ETA:n ulkopuolelle, jos vastaanottajat niitä tekevät.

    Vanhoissa selosteissa lukee usein "tietoja ei siirretä EU:n tai ETA:n ulkopuolelle", vaikka
    sivustolla käytetään yhdysvaltalaisia palveluita, kuten Google Analyticsia, tai käsittelijöitä,
    joiden alihankkijat ovat Yhdysvalloissa.

    [sv]
    Beskrivningen får inte förneka överföringar utanför EU/EES som dess mottagare gör.

    I gamla beskrivningar står det ofta att "uppgifter överförs inte utanför EU/EES" fastän
    webbplatsen använder amerikanska tjänster som Google Analytics, eller personuppgiftsbiträden
    vars underbiträden finns i Förenta staterna.

    [fail]
    uses: [google-analytics-4]
    security: Data are not transferred outside the EU or the EEA.
    [pass]
    uses: [google-analytics-4]
    security: Data are kept in the EU; transfers to the US are listed under each recipient.
    """
    found = _third_country_recipient(resolved)
    if found is None:
        return
    recipient, country = found
    params: dict[str, Param] = {"recipient": recipient_name(resolved, recipient),
                                "country": vocab_label("countries", country)}
    for value, match in scan(resolved, "NG201"):
        yield value.loc, {**match, **params}


@rule("NG202", "disclosure-denial-contradiction", groups=("contradictions", "recipients"), severity=E,
      message=N_("the text says data are not disclosed to third parties (\"{found}\"), but {recipient} "
                 "receives them"),
      hint=N_("Delete the sentence, or say exactly who receives data: processors acting on your behalf "
              "are recipients too, and the notice lists them."),
      source=N_("GDPR Art. 4(9), 13(1)(e), 14(1)(e); WP260 Annex"), user_text=True)
def disclosure_denial_contradiction(resolved: ResolvedNotice) -> Iterator[Finding]:
    """The notice must not say data go to no one while it lists recipients.

    Processors (analytics, hosting, e-mail services) are recipients under Art. 4(9); "not
    disclosed to third parties except authorities" is wrong as soon as there is one.

    [fi]
    Selosteessa ei saa väittää, ettei tietoja luovuteta, jos siinä luetellaan vastaanottajia.

    Henkilötietojen käsittelijät (analytiikka, palvelimet, sähköpostipalvelut) ovat 4 artiklan
    9 kohdan mukaisia vastaanottajia; lause "tietoja ei luovuteta ulkopuolisille muuten kuin
    viranomaisille" on väärä heti, kun niitä on yksikin.

    [sv]
    Beskrivningen får inte påstå att uppgifterna inte lämnas ut till någon, om den räknar upp
    mottagare.

    Personuppgiftsbiträden (webbanalys, servrar, e-posttjänster) är mottagare enligt artikel
    4.9; meningen "uppgifterna lämnas inte ut till utomstående utom till myndigheter" är fel så
    snart det finns en enda mottagare.

    [fail]
    uses: [hotjar]
    security: Data are not disclosed to third parties.
    [pass]
    uses: [hotjar]
    security: Data are disclosed only to the recipients listed in this notice.
    """
    recipient = next((r.id for r in resolved.notice.recipients if r.role != "authority"), None)
    if recipient is None:
        return
    for value, match in scan(resolved, "NG202"):
        yield value.loc, {**match, "recipient": recipient_name(resolved, recipient)}


@rule("NG203", "anonymity-claim", groups=("contradictions", "cookies"), severity=W,
      message=N_("\"{found}\": the data are not anonymous: {category} single out a device or browser"),
      hint=N_("Say what you actually do, e.g. \"The data are pseudonymised\" or \"IP addresses are "
              "shortened before storage\". Call data anonymous only when no one can identify the person "
              "by any means reasonably likely to be used."),
      source=N_("GDPR Art. 4(1), recital 26, recital 30"), user_text=True)
def anonymity_claim(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Data that single out a device are personal data, not anonymous.

    IP addresses, device IDs and the IDs in analytics cookies identify a person indirectly
    (recital 30); "the user cannot be identified" is then untrue.

    [fi]
    Laitteen yksilöivät tiedot ovat henkilötietoja, eivät anonyymejä.

    IP-osoitteet, laitetunnisteet ja analytiikkaevästeiden tunnisteet tunnistavat henkilön
    epäsuorasti (johdanto-osan 30 kappale); väite "käyttäjää ei voida tunnistaa" ei silloin pidä.

    [sv]
    Uppgifter som identifierar en enskild enhet är personuppgifter, inte anonyma uppgifter.

    IP-adresser, enhetsidentifierare och identifierarna i statistikkakor identifierar en person
    indirekt (skäl 30); påståendet "användaren kan inte identifieras" stämmer då inte.

    [fail]
    data_categories: [online_identifiers]
    description: We collect anonymous usage statistics.
    [pass]
    data_categories: [online_identifiers]
    description: We collect pseudonymised usage statistics.
    """
    identifiers = _identifier_categories(resolved)
    cookies = any(consent_required(c.category) for c in resolved.notice.cookies)
    if not identifiers and not cookies:
        return
    for value, match in scan(resolved, "NG203"):
        yield value.loc, {**match, "category": _contradicting(value, identifiers)}


_MENTIONS = {  # what a claim names, and the category that holds it
    "online_identifiers": re.compile(r"\bIP\b|\bIP-|tunniste|identifier|\bIDs?\b|-id\b|"
                                     r"identifikator", re.IGNORECASE),
    "device_data": re.compile(r"laite|laitte|selain|selaim|device|browser|enhet|webbläsar",
                              re.IGNORECASE),
}


def _identifier_categories(resolved: ResolvedNotice) -> list[tuple[Loc, str]]:
    """The data categories that single out a device, where each is listed, in order."""
    found: list[tuple[Loc, str]] = []
    for r, reg in enumerate(resolved.notice.registers):
        for loc, term in categories_with_locs(reg, r):
            if term_attr("data_categories", term, "identifies_device"):
                found.append((loc, str(term)))
    return found


def _contradicting(value: TextValue, identifiers: list[tuple[Loc, str]]) -> Param:
    """The identifier that contradicts a claim: the one the text names ("IP address"), else one
    listed in the same register, else the first; the cookies when no category singles out a
    device."""
    if not identifiers:
        return Translated(N_("the cookies"))
    named = [(loc, t) for want, mention in _MENTIONS.items() if mention.search(value.text)
             for loc, t in identifiers if t == want]  # the IP address before the device
    near = [(loc, t) for loc, t in identifiers if loc[:2] == value.loc[:2]]
    _loc, term = (named or near or identifiers)[0]
    return {lang: text[:1].lower() + text[1:]
            for lang, text in vocab_label("data_categories", term).items()}
