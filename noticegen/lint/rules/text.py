"""Free-text checks in every language: repealed law, consent by acceptance, vague or hedging words.

The phrases themselves are data in noticegen/lint/patterns.py; these rules say what they mean.
"""

from __future__ import annotations

from collections.abc import Iterator

from noticegen.diagnostics import Severity
from noticegen.l10n import N_
from noticegen.lint.facts import TextValue, field_of, scan
from noticegen.lint.registry import Finding, rule
from noticegen.resolve import ResolvedNotice

E, W = Severity.ERROR, Severity.WARNING


def _findings(resolved: ResolvedNotice, code: str) -> Iterator[Finding]:
    for value, params in scan(resolved, code):
        yield value.loc, params


@rule("NG501", "law-repealed", groups=("free-text", "legacy-law"), severity=E,
      message=N_("\"{found}\": the text cites {law}"),
      hint=N_("Refer to {replacement} instead, or leave the reference out."),
      source=N_("Data Protection Act 1050/2018; Act 917/2014; GDPR Art. 94; CJEU C-311/18 Schrems II"),
      user_text=True)
def law_repealed(resolved: ResolvedNotice) -> Iterator[Finding]:
    """The notice must not cite law that is no longer in force.

    The Personal Data Act 523/1999 (henkilötietolaki) was repealed on 1 January 2019, the Act
    on the Protection of Privacy in Electronic Communications 516/2004 on 1 January 2015, the
    Directive 95/46/EC in May 2018, and the EU Court of Justice struck down the Privacy Shield
    in July 2020. A notice that still cites them is out of date in substance too.

    [fi]
    Selosteessa ei saa viitata säädöksiin, jotka eivät ole enää voimassa.

    Henkilötietolaki 523/1999 kumottiin 1.1.2019, sähköisen viestinnän tietosuojalaki 516/2004
    1.1.2015 ja direktiivi 95/46/EY toukokuussa 2018, ja EU:n tuomioistuin totesi Privacy Shield
    -järjestelyn pätemättömäksi heinäkuussa 2020. Seloste, joka viittaa niihin, on vanhentunut
    myös sisällöltään.

    [sv]
    Beskrivningen får inte hänvisa till författningar som inte längre är i kraft.

    Personuppgiftslagen (523/1999) upphävdes den 1 januari 2019, lagen om dataskydd vid
    elektronisk kommunikation (516/2004) den 1 januari 2015 och direktiv 95/46/EG i maj 2018,
    och EU-domstolen förklarade Privacy Shield ogiltig i juli 2020. En beskrivning som
    fortfarande hänvisar till dem är inaktuell också till sitt innehåll.

    [fail]
    introduction:
      fi: Käsittelemme tietoja henkilötietolain (523/1999) mukaisesti.
    [pass]
    introduction:
      fi: Käsittelemme tietoja tietosuoja-asetuksen ja tietosuojalain (1050/2018) mukaisesti.
    """
    return _findings(resolved, "NG501")


@rule("NG502", "legacy-term", groups=("free-text", "legacy-law"), severity=W,
      message=N_("\"{found}\" is an outdated term: {why}"),
      hint=N_("Write {instead}."),
      source=N_("GDPR Art. 15, 21; Data Protection Ombudsman (tietosuoja.fi)"), user_text=True)
def legacy_term(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Terms of the repealed law should give way to the GDPR's.

    "Rekisteriseloste", "tarkastusoikeus", "kieltopyyntö", "henkilörekisteri" and the
    "Tietoyhteiskuntakaari" tell the reader the notice predates the GDPR, and the rights
    they name are narrower than the GDPR's. In Swedish the same holds for "registerbeskrivning",
    "registeransvarig", "rätt till insyn" and "personregister".

    [fi]
    Kumotun lain termit on syytä korvata tietosuoja-asetuksen termeillä.

    Sanat "rekisteriseloste", "tarkastusoikeus", "kieltopyyntö", "henkilörekisteri" ja
    "tietoyhteiskuntakaari" kertovat lukijalle, että seloste on laadittu ennen tietosuoja-asetusta,
    ja niiden nimeämät oikeudet ovat suppeampia kuin asetuksen. Ruotsinkielisissä teksteissä
    samoin kertovat sanat "registerbeskrivning", "registeransvarig", "rätt till insyn" ja
    "personregister".

    [sv]
    Den upphävda lagens termer bör ersättas med dataskyddsförordningens.

    Orden "registerbeskrivning", "registeransvarig", "rätt till insyn", "rätt att förbjuda" och
    "personregister" visar läsaren att beskrivningen är skriven före dataskyddsförordningen, och
    de rättigheter som de nämner är snävare än förordningens. I finska texter gäller detsamma
    för "rekisteriseloste", "tarkastusoikeus", "kieltopyyntö", "henkilörekisteri" och
    "tietoyhteiskuntakaari" (informationssamhällsbalken).

    [fail]
    how:
      fi: Tarkastuspyynnöt osoitetaan asiakaspalveluun.
    [pass]
    how:
      fi: Oikeutta saada pääsy tietoihin koskevat pyynnöt osoitetaan asiakaspalveluun.
    """
    return _findings(resolved, "NG502")


@rule("NG503", "consent-by-acceptance", groups=("free-text", "consent"), severity=E,
      message=N_("\"{found}\": accepting a privacy notice, or using a site, is not consent"),
      hint=N_("Delete the sentence. A notice informs; nobody agrees to it. Each purpose states its own "
              "legal basis, and where you rely on consent, ask for it separately with an active choice "
              "(e.g. an unticked box)."),
      source=N_("GDPR Art. 4(11), 6(1)(a), 7(2); EDPB Guidelines 05/2020 on consent"), user_text=True)
def consent_by_acceptance(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Reading a notice, sending a form or using a site is not consent.

    Consent must be a freely given, specific, informed and unambiguous act (Art. 4(11)); a
    notice is information, not a contract. "Users accept this privacy statement by sending
    their information" and "by using this site you agree" are both wrong.

    [fi]
    Selosteen lukeminen, lomakkeen lähettäminen tai sivuston käyttäminen ei ole suostumus.

    Suostumuksen on oltava vapaaehtoinen, yksilöity, tietoinen ja yksiselitteinen tahdonilmaisu
    (4 artiklan 11 kohta); seloste on tiedote, ei sopimus. Lauseet "käyttäjät hyväksyvät tämän
    tietosuojaselosteen lähettämällä tietonsa" ja "käyttämällä sivustoa hyväksyt" ovat
    molemmat virheellisiä.

    [sv]
    Att läsa en beskrivning, skicka ett formulär eller använda en webbplats är inte samtycke.

    Samtycke ska vara en frivillig, specifik, informerad och otvetydig viljeyttring (artikel
    4.11); en beskrivning är information, inte ett avtal. Meningarna "användarna godkänner denna
    dataskyddsbeskrivning genom att skicka sina uppgifter" och "genom att använda webbplatsen
    godkänner du" är båda felaktiga.

    [fail]
    introduction:
      en: Users accept this privacy statement by sending their information.
    [pass]
    introduction:
      en: This notice explains how we process the information you send us.
    [fail.fi]
    introduction:
      fi: Käyttäjät hyväksyvät tämän tietosuojaselosteen lähettämällä tietonsa.
    [pass.fi]
    introduction:
      fi: Tässä selosteessa kerromme, miten käsittelemme lähettämiäsi tietoja.
    [fail.sv]
    introduction:
      sv: Användarna godkänner denna dataskyddsbeskrivning genom att skicka sina uppgifter.
    [pass.sv]
    introduction:
      sv: I den här beskrivningen berättar vi hur vi behandlar de uppgifter du skickar oss.
    """
    return _findings(resolved, "NG503")


@rule("NG504", "consent-open-ended", groups=("free-text", "consent"), severity=W,
      message=N_("\"{found}\": consent is valid only for specific purposes named in the notice"),
      hint=N_("Name each purpose that relies on consent as a purpose of its own, with `legal_basis: "
              "[consent]`."),
      source=N_("GDPR Art. 4(11), 6(1)(a), 13(1)(c); EDPB Guidelines 05/2020 on consent"),
      user_text=True)
def consent_open_ended(resolved: ResolvedNotice) -> Iterator[Finding]:
    """"Other purposes you have consented to" names no purpose.

    Consent is "for one or more specific purposes" (Art. 6(1)(a)); the notice must name them.

    [fi]
    "Muihin tarkoituksiin, joihin olet antanut suostumuksesi" ei nimeä tarkoitusta.

    Suostumus annetaan "yhtä tai useampaa erityistä tarkoitusta varten" (6 artiklan 1 kohdan
    a alakohta); selosteessa on nimettävä nämä tarkoitukset.

    [sv]
    "Andra ändamål som du har samtyckt till" namnger inget ändamål.

    Samtycke ges "för ett eller flera specifika ändamål" (artikel 6.1 a); beskrivningen ska
    namnge dem.

    [fail]
    description: Marketing and other purposes you have consented to
    [pass]
    description: Sending our monthly newsletter
    [fail.fi]
    description: Markkinointi ja käsittely muihin tarkoituksiin, joihin olet antanut suostumuksesi
    [pass.fi]
    description: Kuukausittaisen uutiskirjeemme lähettäminen
    """
    return _findings(resolved, "NG504")


@rule("NG505", "retention-vague", groups=("free-text", "retention"), severity=W,
      message=N_("\"{found}\" does not tell how long data are kept"),
      hint=N_("Give a period, e.g. \"2 years after the end of the customer relationship\" (`retention: "
              "{{period: P2Y, after: end_of_customer_relationship}}`), or the specific criteria that "
              "decide it."),
      source=N_("GDPR Art. 13(2)(a), 14(2)(a); WP260 Annex"), user_text=True)
def retention_vague(resolved: ResolvedNotice) -> Iterator[Finding]:
    """"As long as necessary" is not a retention period.

    WP260 says it outright: a bare "as long as necessary" does not meet Art. 13(2)(a). Give
    the period, or criteria specific enough to work it out.

    [fi]
    "Niin kauan kuin on tarpeen" ei ole säilytysaika.

    WP260-ohjeen mukaan pelkkä "niin kauan kuin on tarpeen" ei täytä 13 artiklan 2 kohdan
    a alakohdan vaatimusta. Ilmoita aika tai niin yksilöidyt perusteet, että ajan voi päätellä.

    [sv]
    "Så länge det är nödvändigt" är ingen lagringstid.

    Enligt WP260 uppfyller ett enbart "så länge det är nödvändigt" inte kravet i artikel 13.2 a.
    Ange tiden, eller kriterier som är så specifika att tiden kan räknas ut.

    [fail]
    retention:
      criteria: Data are kept as long as necessary.
    [pass]
    retention:
      period: P2Y
      after: end_of_customer_relationship
    [fail.fi]
    retention:
      criteria: Tietoja säilytetään niin kauan kuin on tarpeen.
    [fail.sv]
    retention:
      criteria: Uppgifterna sparas så länge som det behövs.
    """
    return _findings(resolved, "NG505")


def _in_purpose(value: TextValue) -> bool:
    return "purposes" in value.loc and field_of(value) in ("description", "legitimate_interest")


@rule("NG506", "style-hedging", groups=("free-text", "style"), severity=W,
      message=N_("\"{found}\" hedges: say what you do, not what you might do"),
      hint=N_("Write the purpose as a plain statement, e.g. \"We send our newsletter to subscribers\" "
              "instead of \"We may send…\", and list the cases in full instead of \"e.g.\"."),
      source=N_("GDPR Art. 12(1); WP260 para. 12-13"), user_text=True)
def hedging(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Purposes should be stated plainly, without "may", "might", "e.g." or "voimme".

    WP260 names "may", "might", "some", "often" and "possible" as words that leave the reader
    guessing. Only purpose descriptions and legitimate interests are checked: elsewhere "you
    may withdraw" grants a right.

    [fi]
    Käyttötarkoitukset on kerrottava suoraan, ilman sanoja "voimme", "saatetaan" tai "esim.".

    WP260-ohjeen mukaan sanat kuten "saattaa", "voi", "joitakin", "usein" ja "mahdollinen"
    jättävät lukijan arvailemaan. Vain käyttötarkoitusten kuvaukset ja oikeutetut edut
    tarkistetaan: muualla esimerkiksi "voit peruuttaa" kertoo oikeudesta.

    [sv]
    Ändamålen ska anges rakt, utan "kan komma att", "eventuellt" eller "t.ex.".

    Enligt WP260 lämnar ord av typen "kan", "vissa", "ofta" och "möjligen" läsaren att gissa.
    Endast beskrivningar av ändamål och berättigade intressen kontrolleras: på andra ställen
    beskriver till exempel "du kan återkalla" en rättighet.

    [fail]
    description: We may use your data for marketing, e.g. newsletters.
    [pass]
    description: We send our monthly newsletter to subscribers.
    [fail.fi]
    description: Voimme käyttää tietojasi markkinointiin, esimerkiksi uutiskirjeisiin.
    [pass.fi]
    description: Lähetämme kuukausittaisen uutiskirjeemme sen tilaajille.
    [fail.sv]
    description: Vi kan använda dina uppgifter för marknadsföring, till exempel nyhetsbrev.
    [pass.sv]
    description: Vi skickar vårt månatliga nyhetsbrev till dem som prenumererar på det.
    """
    for value, params in scan(resolved, "NG506", where=_in_purpose):
        yield value.loc, params


@rule("NG507", "signed-request", groups=("free-text", "rights"), severity=W,
      message=N_("\"{found}\": people must not be required to send a signed letter to use their rights"),
      hint=N_("Accept requests by e-mail or a web form as well, and ask for identification only when you "
              "have reasonable doubts about who is asking (Art. 12(6))."),
      source=N_("GDPR Art. 12(2), 12(6)"), user_text=True)
def signed_request(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Exercising rights must not require a signed, written letter.

    Art. 12(2) obliges the controller to facilitate the exercise of rights; a signed letter
    by post is a hurdle that the old Personal Data Act allowed and the GDPR does not.

    [fi]
    Oikeuksien käyttäminen ei saa edellyttää allekirjoitettua kirjettä.

    12 artiklan 2 kohdan mukaan rekisterinpitäjän on helpotettava oikeuksien käyttämistä;
    allekirjoitettu kirje postitse on este, jonka vanha henkilötietolaki salli mutta
    tietosuoja-asetus ei salli.

    [sv]
    Utövandet av rättigheter får inte kräva ett undertecknat skriftligt brev.

    Enligt artikel 12.2 ska den personuppgiftsansvarige underlätta utövandet av den
    registrerades rättigheter; ett undertecknat brev per post är ett hinder som den gamla
    personuppgiftslagen tillät men dataskyddsförordningen inte tillåter.

    [fail]
    how:
      fi: Pyyntö on lähetettävä kirjallisena ja allekirjoitettuna.
    [pass]
    how:
      fi: Lähetä pyyntösi osoitteeseen tietosuoja@yritys.fi.
    """
    return _findings(resolved, "NG507")


@rule("NG508", "check-page-regularly", groups=("free-text", "meta"), severity=W,
      message=N_("\"{found}\": telling people to check the page for changes is not enough"),
      hint=N_("Keep a change log under `notice.changes`, and tell people directly (e.g. by e-mail or a "
              "notice on the site) about important changes."),
      source=N_("WP260 para. 29-32 (changes to information)"), user_text=True)
def check_page_regularly(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Changes must be communicated, not left for people to discover.

    WP260 calls "check this page regularly" insufficient: material changes must be brought to
    the data subject's attention.

    [fi]
    Muutoksista on kerrottava, eikä niiden huomaamista saa jättää lukijan varaan.

    WP260-ohjeen mukaan kehotus seurata sivua säännöllisesti ei riitä: olennaisista muutoksista
    on kerrottava rekisteröidylle.

    [sv]
    Ändringar ska meddelas; läsaren ska inte lämnas att upptäcka dem själv.

    Enligt WP260 räcker det inte att uppmana läsaren att regelbundet besöka sidan: väsentliga
    ändringar ska meddelas den registrerade.

    [fail]
    introduction:
      en: Please check this page regularly for changes.
    [pass]
    introduction:
      en: We tell our customers by e-mail about important changes to this notice.
    [fail.fi]
    introduction:
      fi: Suosittelemme seuraamaan tätä sivua säännöllisesti muutosten varalta.
    [pass.fi]
    introduction:
      fi: Kerromme asiakkaillemme sähköpostitse tämän selosteen tärkeistä muutoksista.
    """
    return _findings(resolved, "NG508")


@rule("NG509", "authority-old-address", groups=("free-text", "rights"), severity=W,
      message=N_("\"{found}\" is an old address of the Data Protection Ombudsman"),
      hint=N_("Write the current address, Lintulahdenkuja 4, 00530 Helsinki (postal address PL 800, 00531 "
              "Helsinki), or leave it out: the notice names the Ombudsman with its current address."),
      source=N_("GDPR Art. 13(2)(d), 77; tietosuoja.fi/yhteystiedot"), user_text=True)
def authority_old_address(resolved: ResolvedNotice) -> Iterator[Finding]:
    """The Data Protection Ombudsman no longer sits at Ratapihantie 9.

    The office moved to Lintulahdenkuja 4, 00530 Helsinki (PL 800, 00531 Helsinki); notices
    copied from older templates still give Ratapihantie 9, 00520 and PL 800, 00521.

    [fi]
    Tietosuojavaltuutetun toimisto ei ole enää Ratapihantie 9:ssä.

    Toimisto muutti osoitteeseen Lintulahdenkuja 4, 00530 Helsinki (PL 800, 00531 Helsinki);
    vanhoista malleista kopioiduissa selosteissa on yhä Ratapihantie 9, 00520 ja PL 800, 00521.

    [sv]
    Dataombudsmannens byrå finns inte längre på Ratapihantie 9.

    Byrån flyttade till Fågelviksgränden 4, 00530 Helsingfors (PB 800, 00531 Helsingfors);
    beskrivningar som har kopierats från äldre mallar anger fortfarande Ratapihantie 9, 00520
    och PB 800, 00521.

    [fail]
    how:
      fi: Valituksen voi tehdä tietosuojavaltuutetulle, Ratapihantie 9, 00520 Helsinki.
    [pass]
    how:
      fi: Valituksen voi tehdä tietosuojavaltuutetulle (katso yhteystiedot alempaa).
    """
    return _findings(resolved, "NG509")


def _consequence(value: TextValue) -> bool:
    return field_of(value) == "consequence"


@rule("NG512", "consequence-restates-obligation", groups=("free-text", "completeness"), severity=W,
      message=N_("\"{found}\" restates the obligation; it does not say what happens if the data are not "
                 "provided"),
      hint=N_("Say what the person loses, e.g. \"Without these data we cannot invoice you, and so we "
              "cannot deliver the order.\" The obligation itself is already shown by `requirement.type` "
              "and `law:`."),
      source=N_("GDPR Art. 13(2)(e)"), user_text=True)
def consequence_restates_obligation(resolved: ResolvedNotice) -> Iterator[Finding]:
    """The consequences of not providing the data must be consequences.

    Art. 13(2)(e) asks for "the possible consequences of failure to provide such data". "The
    law obliges us to keep accounting records" says why the data are needed, not what happens
    to the person who does not give them. Only `requirement.consequence` is checked.

    [fi]
    Tietojen antamatta jättämisen seurausten on oltava seurauksia.

    13 artiklan 2 kohdan e alakohta edellyttää kertomaan, mitä antamatta jättämisestä voi
    seurata. "Laki velvoittaa meidät säilyttämään kirjanpitoaineiston" kertoo, miksi tietoja
    tarvitaan, mutta ei sitä, mitä tapahtuu henkilölle, joka ei anna niitä. Vain kohta
    `requirement.consequence` tarkistetaan.

    [sv]
    Följderna av att inte lämna uppgifterna ska vara följder.

    Artikel 13.2 e kräver information om "de möjliga följderna av att sådana uppgifter inte
    lämnas". "Lagen ålägger oss att bevara bokföringsmaterialet" säger varför uppgifterna
    behövs, men inte vad som händer med den som inte lämnar dem. Endast
    `requirement.consequence` kontrolleras.

    [fail]
    requirement:
      type: statutory
      consequence: The law obliges us to keep our accounting records.
    [pass]
    requirement:
      type: statutory
      consequence: Without these data we cannot invoice you, and so we cannot deliver the order.
    [fail.fi]
    requirement:
      type: statutory
      consequence: Laki velvoittaa meidät säilyttämään kirjanpitoaineiston.
    [pass.fi]
    requirement:
      type: statutory
      consequence: Ilman näitä tietoja emme voi laskuttaa sinua emmekä siksi toimittaa tilausta.
    [fail.sv]
    requirement:
      type: statutory
      consequence: Lagen ålägger oss att bevara vårt bokföringsmaterial.
    [pass.sv]
    requirement:
      type: statutory
      consequence: Utan dessa uppgifter kan vi inte fakturera dig och därför inte leverera beställningen.
    """
    for value, params in scan(resolved, "NG512", where=_consequence):
        yield value.loc, params
