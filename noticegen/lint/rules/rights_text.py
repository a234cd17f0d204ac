"""The owner's own words about rights: fewer rights than apply, formalities the GDPR forbids."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from noticegen.diagnostics import Severity
from noticegen.l10n import N_
from noticegen.lint.facts import join, texts, vocab_label
from noticegen.lint.patterns import excerpt, search
from noticegen.lint.registry import Finding, rule
from noticegen.resolve import ResolvedNotice

E, W = Severity.ERROR, Severity.WARNING

# How each right is named in running text, old and new terms alike ("tarkastusoikeus" is the
# right of access of the repealed Personal Data Act, "kieltopyyntö" its objection).
_NAMED = {
    "access": r"pääsy\w*\s+(?:\w+\s+)?tietoihin|tarkastus\w*|tarkistus\w*|nähdä\s+(?:\w+\s+)?tie\w*"
              r"|\baccess\b|see\s+(?:\w+\s+)?data|inspect\w*"
              r"|rätt\w*\s+till\s+tillgång|registerutdrag",
    "rectification": r"oikai\w*|korja\w*|rectif\w*|correct\w*|rättelse|rätta",
    "erasure": r"poist\w*|unohdetuksi|erasure|erase\w*|delet\w*|forgotten|radering|radera\w*",
    "restriction": r"rajoit\w*|restrict\w*|begränsning\w*|begränsa\w*",
    "portability": r"siirtää\s+(?:\w+\s+)?tiedot|siirrettävyy\w*|portab\w*|dataportabilitet",
    "object": r"vastust\w*|kielto\w*|kieltä\w*|\bobject\w*|opt\s+out|invändning\w*|invända",
    "withdraw_consent": r"peru\w*\s+(?:\w+\s+)?suostum\w*|withdraw\w*|återkalla\w*",
    "no_automated_decision": r"automaatti\w*\s+päätö\w*|automated\s+decision\w*"
                             r"|automatiserat?\s+beslut\w*",
    "complaint": r"valitu\w*|kantelu\w*|tietosuojavaltuut\w*|complain\w*|ombudsman"
                 r"|klagomål|dataombudsman\w*",
}
_PATTERNS = {right: re.compile(rf"\b(?:{words})", re.IGNORECASE) for right, words in _NAMED.items()}
_ENOUGH = 2
"""A text that names this many rights lists them; one named right is an example."""


@rule("NG510", "rights-text-incomplete", groups=("free-text", "rights"), severity=W,
      message=N_("this text names only these rights: {named}; these apply too: {missing}"),
      hint=N_("Leave the list out and say only how to make a request: the notice's rights section lists "
              "every right that applies. Or name them all."),
      source=N_("GDPR Art. 13(2)(b)-(d), 14(2)(c)-(e); WP260 Annex"), user_text=True)
def rights_text_incomplete(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A text about rights must not name fewer rights than apply.

    The rights section is generated from the legal bases, but an owner's own text under
    `rights:` that lists "the right to inspect and the right to prohibit direct marketing"
    tells the reader those are all. Flags a text that names two or more rights when others
    that apply (or the right to complain to the supervisory authority) are not among them.

    [fi]
    Oikeuksia koskevassa tekstissä ei saa mainita vähempää oikeuksia kuin rekisteröidyllä on.

    Oikeusosio laaditaan oikeusperusteista, mutta omistajan oma teksti kohdassa `rights:`, jossa
    luetellaan "tarkastusoikeus ja oikeus kieltää suoramarkkinointi", antaa lukijan ymmärtää,
    että muita ei ole. Sääntö huomauttaa tekstistä, joka mainitsee vähintään kaksi oikeutta mutta
    jättää pois muita sovellettavia oikeuksia (tai oikeuden tehdä valitus valvontaviranomaiselle).

    [sv]
    En text om rättigheterna får inte nämna färre rättigheter än den registrerade har.

    Avsnittet om rättigheter skrivs utifrån de rättsliga grunderna, men om ägarens egen text
    under `rights:` räknar upp "rätt till insyn och rätt att förbjuda direkt marknadsföring",
    får läsaren intrycket att det inte finns andra. Regeln påpekar en text som nämner minst två
    rättigheter men utelämnar andra tillämpliga rättigheter (eller rätten att inge klagomål till
    en tillsynsmyndighet).

    [fail]
    rights:
      how: You can ask to see your data or to have it corrected by e-mail.
    [pass]
    rights:
      how: Send your request by e-mail; we answer within one month.
    [fail.fi]
    rights:
      how: Voit pyytää sähköpostitse saada nähdä tietosi ja korjata ne.
    [pass.fi]
    rights:
      how: Lähetä pyyntösi sähköpostitse; vastaamme kuukauden kuluessa.
    [fail.sv]
    rights:
      how: Du kan per e-post begära ett registerutdrag eller att dina uppgifter rättas.
    [pass.sv]
    rights:
      how: Skicka din begäran per e-post; vi svarar inom en månad.
    """
    applies = [r.id for r in resolved.rights] + ["complaint"]
    for value in texts(resolved, ("rights",)):
        named = [right for right, pattern in _PATTERNS.items() if pattern.search(value.text)]
        if len(named) < _ENOUGH:
            continue
        missing = [right for right in applies if right not in named]
        if missing:
            yield value.loc, {"named": _labels(named), "missing": _labels(missing)}


def _labels(rights: list[str]) -> dict[str, str]:
    """Rights as a list in running text: "the right of access and the right to erasure"."""
    return join([{lang: text[:1].lower() + text[1:]
                  for lang, text in vocab_label("rights", right).items()} for right in rights])


@rule("NG511", "rights-formality", groups=("free-text", "rights"), severity=W,
      message=N_("\"{found}\": {why}"),
      hint=N_("{instead}"),
      source=N_("GDPR Art. 12(2), 12(5), 12(6); EDPB Guidelines 01/2022 on the right of access"),
      user_text=True)
def rights_formality(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Using a right must not depend on a fee, a visit, post only or a copy of an ID.

    Requests are free of charge (Art. 12(5)); the controller must make them easy (Art. 12(2))
    and may ask for more information on identity only when it has reasonable doubts
    (Art. 12(6)). A fee for every request, "only by post", "in person at our office" or "a copy
    of your passport" is a hurdle the GDPR does not allow. The texts under `rights:` are
    checked; signed letters are NG507, anywhere.

    [fi]
    Oikeuksien käyttäminen ei saa edellyttää maksua, käyntiä, pelkkää postia tai henkilöllisyys-
    todistuksen kopiota.

    Pyynnöt ovat maksuttomia (12 artiklan 5 kohta), rekisterinpitäjän on helpotettava niiden
    tekemistä (12 artiklan 2 kohta), ja lisätietoja henkilöllisyydestä saa pyytää vain, jos on
    perusteltua syytä epäillä sitä (12 artiklan 6 kohta). Maksu jokaisesta pyynnöstä, "vain
    postitse", "henkilökohtaisesti toimistollamme" tai "kopio passista" ovat esteitä, joita
    tietosuoja-asetus ei salli. Sääntö tarkistaa kohdan `rights:` tekstit; allekirjoitetuista
    kirjeistä huomauttaa NG507 kaikissa teksteissä.

    [sv]
    Utövandet av en rättighet får inte förutsätta en avgift, ett besök, enbart post eller en
    kopia av en identitetshandling.

    Begäranden är kostnadsfria (artikel 12.5), den personuppgiftsansvarige ska underlätta dem
    (artikel 12.2) och får begära ytterligare information om identiteten endast när det finns
    rimliga skäl att betvivla den (artikel 12.6). En avgift för varje begäran, "endast per
    post", "personligen på vårt kontor" eller "en kopia av ditt pass" är hinder som
    dataskyddsförordningen inte tillåter. Regeln kontrollerar texterna under `rights:`;
    undertecknade brev påpekar NG507 i alla texter.

    [fail]
    rights:
      how: Requests are handled only in person at our office for a fee of 20 euros.
    [pass]
    rights:
      how: Send your request by e-mail or with the form on our site; it is free of charge.
    [fail.fi]
    rights:
      how: Pyynnöt käsitellään vain henkilökohtaisesti toimistollamme, ja niistä peritään 20 euron maksu.
    [pass.fi]
    rights:
      how: Lähetä pyyntösi sähköpostitse tai sivustomme lomakkeella; pyyntö on maksuton.
    [fail.sv]
    rights:
      how: En begäran behandlas endast personligen på vårt kontor mot en avgift på 20 euro.
    [pass.sv]
    rights:
      how: Skicka din begäran per e-post eller med formuläret på vår webbplats; det är avgiftsfritt.
    """
    for value in texts(resolved, ("rights",)):
        seen: list[Mapping[str, Mapping[str, str]]] = []
        for pattern, match in search("NG511", value.lang, value.text):
            if pattern.params not in seen:  # one finding per text and kind of formality
                seen.append(pattern.params)
                yield value.loc, {"found": excerpt(match), **pattern.params}
