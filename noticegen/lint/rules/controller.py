"""The controller, its DPO and representative, and the supervisory authority."""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticegen import vocab
from noticegen.diagnostics import Severity
from noticegen.l10n import N_, Translated
from noticegen.lint.facts import texts, vocab_label
from noticegen.lint.registry import Finding, rule
from noticegen.resolve import ResolvedNotice, outside_eea

E, W = Severity.ERROR, Severity.WARNING

_DPO_WORDS = re.compile(r"\b(?:tietosuojavastaav\w*|tietosuojasta\s+vastaav\w*|data\s+protection\s+"
                        r"officer|DPO|dataskyddsombud\w*)", re.IGNORECASE)
_OMBUDSMAN = re.compile(r"\b(?:tietosuojavaltuut\w*|data\s+protection\s+ombudsman|dataombudsman\w*)",
                        re.IGNORECASE)


@rule("NG106", "controller-no-electronic-contact", groups=("completeness", "controller"), severity=E,
      message=N_("the notice gives no e-mail address or web form for contacting the controller"),
      hint=N_("Add `email:` under `controller:` (e.g. privacy@example.fi), or a request form under "
              "`rights: {{url: …}}`."),
      source=N_("GDPR Art. 12(2), 13(1)(a), 14(1)(a); WP260"))
def controller_no_electronic_contact(resolved: ResolvedNotice) -> Iterator[Finding]:
    """People must be able to reach the controller electronically, not only by post.

    WP260 expects several ways of contact, including an electronic one; Art. 12(2) asks the
    controller to make exercising rights easy.

    [fi]
    Rekisterinpitäjään on saatava yhteys sähköisesti, ei vain postitse.

    WP260-ohjeen mukaan yhteydenottotapoja on oltava useita, ja niistä yhden on oltava sähköinen;
    12 artiklan 2 kohdan mukaan oikeuksien käyttäminen on tehtävä helpoksi.

    [sv]
    Det ska gå att kontakta den personuppgiftsansvarige elektroniskt, inte bara per post.

    Enligt WP260 ska det finnas flera sätt att ta kontakt, varav ett elektroniskt; enligt
    artikel 12.2 ska den personuppgiftsansvarige underlätta utövandet av den registrerades
    rättigheter.

    [fail]
    controller:
      name: Example Oy
      address: {street: Katu 1, postal_code: "00100", city: Helsinki}
    [pass]
    controller:
      name: Example Oy
      address: {street: Katu 1, postal_code: "00100", city: Helsinki}
      email: privacy@example.fi
    """
    n = resolved.notice
    contact = n.controller.contact
    rights = n.rights
    if not (n.controller.email or (contact and contact.email)
            or (rights and (rights.email or rights.url))):
        yield ("controller",), {}


@rule("NG107", "controller-no-business-id", groups=("completeness", "controller"), severity=W,
      message=N_("the controller's business ID (Y-tunnus) is not given"),
      hint=N_("Add `business_id: \"1234567-1\"` under `controller:`, copied from the Trade Register "
              "(ytj.fi); a foreign company gives its own registry or VAT number."),
      source=N_("GDPR Art. 13(1)(a), 14(1)(a); WP260"))
def controller_no_business_id(resolved: ResolvedNotice) -> Iterator[Finding]:
    """The controller's identity is clearest with its business ID.

    A company name alone can be ambiguous; the Y-tunnus identifies the legal person for good.

    [fi]
    Rekisterinpitäjä yksilöidään parhaiten Y-tunnuksella.

    Pelkkä yrityksen nimi voi olla monitulkintainen; Y-tunnus yksilöi oikeushenkilön pysyvästi.

    [sv]
    Den personuppgiftsansvariges identitet framgår tydligast av FO-numret.

    Enbart ett företagsnamn kan vara tvetydigt; FO-numret identifierar den juridiska personen
    varaktigt.

    [fail]
    controller:
      name: Example Oy
    [pass]
    controller:
      name: Example Oy
      business_id: "1234567-1"
    """
    if resolved.notice.controller.business_id is None:
        yield ("controller",), {}


@rule("NG108", "representative-missing", groups=("completeness", "controller"), severity=E,
      message=N_("the controller is established outside the EU/EEA ({country}) but names no "
                 "representative in the EU"),
      hint=N_("Add `representative:` under `controller:` with the name and EU address of your Art. 27 "
              "representative."),
      source=N_("GDPR Art. 3(2), 13(1)(a), 27"))
def representative_missing(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A controller outside the EU/EEA that targets people here needs an EU representative.

    Art. 27 exempts only occasional, low-risk processing and public authorities; if that
    applies, switch the rule off with the reason.

    [fi]
    EU:n/ETA:n ulkopuolelle sijoittautuneella rekisterinpitäjällä on oltava edustaja unionissa.

    27 artiklan poikkeus koskee vain satunnaista, vähäriskistä käsittelyä ja viranomaisia; jos
    poikkeus soveltuu, poista sääntö käytöstä ja kirjaa syy.

    [sv]
    En personuppgiftsansvarig som är etablerad utanför EU/EES och riktar sig till personer här
    ska ha en företrädare i unionen.

    Undantaget i artikel 27 gäller endast tillfällig behandling med låg risk och offentliga
    myndigheter; om undantaget är tillämpligt, stäng av regeln och ange varför.

    [fail]
    controller:
      name: Example Inc.
      address: {street: 1 Main St, postal_code: "10001", city: New York, country: US}
    [pass]
    controller:
      name: Example Inc.
      address: {street: 1 Main St, postal_code: "10001", city: New York, country: US}
      representative:
        name: Example EU Oy
        address: {street: Katu 1, postal_code: "00100", city: Helsinki}
    """
    c = resolved.notice.controller
    if outside_eea(c.address.country) and c.representative is None:
        yield ("controller", "address", "country"), {
            "country": vocab_label("countries", c.address.country)}


@rule("NG109", "dpo-mislabelled", groups=("completeness", "controller"), severity=W,
      message=N_("\"{text}\" calls someone a data protection officer, but no DPO is designated"),
      hint=N_("Only a DPO designated under Art. 37 may be called one. Otherwise describe the person under "
              "`controller.contact:` with a title such as \"Privacy contact\"; if a DPO is designated, "
              "write `dpo: {{designated: true, …}}`."),
      source=N_("GDPR Art. 13(1)(b), 37(7)"))
def dpo_mislabelled(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Only a designated data protection officer may be called a DPO.

    A DPO has a protected position under Art. 38; calling a contact person one misleads
    people. Flags a contact titled DPO or "tietosuojasta vastaava" without a designated DPO,
    and a `dpo:` entry with `designated: false`.

    [fi]
    Tietosuojavastaavaksi saa kutsua vain nimitettyä tietosuojavastaavaa.

    Tietosuojavastaavan asema on suojattu (38 artikla), joten yhteyshenkilön kutsuminen
    tietosuojavastaavaksi johtaa harhaan. Sääntö huomauttaa yhteyshenkilöstä, jonka nimike on
    tietosuojavastaava tai "tietosuojasta vastaava", kun tietosuojavastaavaa ei ole nimitetty,
    sekä `dpo:`-kohdasta, jossa on `designated: false`.

    [sv]
    Endast ett utsett dataskyddsombud får kallas dataskyddsombud.

    Dataskyddsombudet har en skyddad ställning enligt artikel 38, och att kalla en kontaktperson
    dataskyddsombud vilseleder läsaren. Regeln påpekar en kontaktperson vars titel är
    dataskyddsombud eller "tietosuojasta vastaava" när inget dataskyddsombud har utsetts, och en
    `dpo:`-post med `designated: false`.

    [fail]
    contact:
      name: Maija Meikäläinen
      title: Data protection officer
    [pass]
    contact:
      name: Maija Meikäläinen
      title: Privacy contact
    """
    dpo = resolved.notice.controller.dpo
    if dpo is not None and dpo.designated:
        return
    for value in texts(resolved, ("controller", "contact")):
        match = _DPO_WORDS.search(value.text)
        if match:
            yield value.loc, {"text": match.group(0)}
    if dpo is not None:
        yield ("controller", "dpo", "designated"), {"text": "dpo:"}


@rule("NG110", "dpo-no-contact", groups=("completeness", "controller"), severity=E,
      message=N_("a data protection officer is designated, but no contact details are given"),
      hint=N_("Add the DPO's `email:` (and `phone:` if you like) under `controller.dpo:`; a shared "
              "mailbox such as dpo@example.fi is enough."),
      source=N_("GDPR Art. 13(1)(b), 14(1)(b), 37(7)"))
def dpo_no_contact(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A designated DPO's contact details must be in the notice.

    The DPO's name is optional; a way to reach the DPO directly is not.

    [fi]
    Nimitetyn tietosuojavastaavan yhteystiedot on kerrottava selosteessa.

    Tietosuojavastaavan nimeä ei tarvitse kertoa, mutta suora yhteydenottotapa on kerrottava.

    [sv]
    Kontaktuppgifterna till ett utsett dataskyddsombud ska finnas i beskrivningen.

    Dataskyddsombudets namn behöver inte anges, men ett sätt att kontakta ombudet direkt ska
    anges.

    [fail]
    dpo:
      designated: true
    [pass]
    dpo:
      designated: true
      email: dpo@example.fi
    """
    dpo = resolved.notice.controller.dpo
    if dpo is not None and dpo.designated and not (dpo.email or dpo.phone or dpo.address):
        yield ("controller", "dpo"), {}


_FIELDS = {
    "name": Translated(N_("name")),
    "visiting_address": Translated(N_("visiting address")),
    "postal_address": Translated(N_("postal address")),
    "phone": Translated(N_("phone number")),
}


def _norm(field: str, text: str) -> str:
    if field == "phone":
        digits = re.sub(r"\D", "", text)
        return "0" + digits[3:] if digits.startswith("358") else digits
    return " ".join(text.split()).casefold()


@rule("NG111", "supervisory-authority-noncanonical", groups=("completeness", "rights"), severity=W,
      message=N_("the {field} of the Office of the Data Protection Ombudsman is out of date or misspelt: "
                 "it is \"{official}\""),
      hint=N_("Remove `supervisory_authority:`: noticegen fills in the Ombudsman's current name and "
              "contact details."),
      source=N_("GDPR Art. 13(2)(d), 77; tietosuoja.fi/yhteystiedot"))
def supervisory_authority_noncanonical(resolved: ResolvedNotice) -> Iterator[Finding]:
    """The Data Protection Ombudsman's name and address must be the current ones.

    noticegen names the Ombudsman by default; a `supervisory_authority:` override that means
    the Ombudsman but spells its name or address differently is usually copied from an old
    notice (the office moved from Ratapihantie to Lintulahdenkuja in 2020). Both the office
    ("Office of the Data Protection Ombudsman") and the authority itself ("Data Protection
    Ombudsman", "Tietosuojavaltuutettu") are correct names.

    [fi]
    Tietosuojavaltuutetun toimiston nimen ja osoitteen on oltava ajantasaiset.

    noticegen lisää tietosuojavaltuutetun toimiston tiedot oletuksena. Jos
    `supervisory_authority:` tarkoittaa tietosuojavaltuutettua mutta nimi tai osoite on
    kirjoitettu toisin, tiedot on yleensä kopioitu vanhasta selosteesta (toimisto muutti
    Ratapihantieltä Lintulahdenkujalle vuonna 2020). Viranomaisen nimeksi kelpaa sekä
    "Tietosuojavaltuutetun toimisto" että "Tietosuojavaltuutettu".

    [sv]
    Dataombudsmannens byrås namn och adress ska vara de aktuella.

    noticegen anger Dataombudsmannens byrå som standard. Om `supervisory_authority:` avser
    dataombudsmannen men namnet eller adressen är skrivna på ett annat sätt, har uppgifterna i
    regel kopierats från en gammal beskrivning (byrån flyttade från Ratapihantie till
    Fågelviksgränden 2020). Både byrån ("Dataombudsmannens byrå") och myndigheten själv
    ("Dataombudsmannen", "Tietosuojavaltuutettu") är korrekta namn.

    [fail]
    supervisory_authority:
      name: Tietosuojavaltuutetun virasto
      visiting_address: Ratapihantie 9, 00520 Helsinki
    [pass]
    supervisory_authority:
      name: Tietosuojavaltuutetun toimisto
      visiting_address: Lintulahdenkuja 4, 00530 Helsinki
    """
    sa = resolved.notice.supervisory_authority
    if sa is None or not any(_OMBUDSMAN.search(v.text)
                             for v in texts(resolved, ("supervisory_authority", "name"))):
        return
    term = vocab.vocabulary("supervisory_authorities")["fi_ombudsman"]
    for field, what in _FIELDS.items():
        official = term.label if field == "name" else term.attrs[field]
        done: set[object] = set()
        for value in texts(resolved, ("supervisory_authority", field)):
            if value.loc in done or value.lang not in official:
                continue
            done.add(value.loc)
            shared = value.loc[-1] != value.lang  # one text for every language
            names = [official, term.attrs["authority_name"]] if field == "name" else [official]
            accepted = [t for n in names for t in (n.values() if shared else [n[value.lang]])]
            if _norm(field, value.text) not in {_norm(field, t) for t in accepted}:
                yield value.loc, {"field": what, "official": official[value.lang]}
