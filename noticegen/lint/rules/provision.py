"""Whether people must give their data, and what follows if they do not (Art. 13(2)(e))."""

from __future__ import annotations

from collections.abc import Iterator

from noticegen.diagnostics import Severity
from noticegen.l10n import N_
from noticegen.lint.facts import from_data_subject, purpose_loc
from noticegen.lint.registry import Finding, rule
from noticegen.resolve import ResolvedNotice

W = Severity.WARNING


def _collected_from_data_subject(resolved: ResolvedNotice, r: int) -> bool:
    sources = resolved.notice.registers[r].sources
    return not sources or any(from_data_subject(s) for s in sources)


@rule("NG112", "requirement-missing", groups=("completeness",), severity=W,
      message=N_("the purpose '{purpose}' does not say whether people must give their data"),
      hint=N_("Add `requirement:` with `type:` (statutory, contractual, contract_prerequisite or "
              "voluntary) and the `consequence:` of not giving the data, e.g. \"Without your address we "
              "cannot deliver the order.\""),
      source=N_("GDPR Art. 13(2)(e)"))
def requirement_missing(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Say whether the data must be given, when a contract or the law requires them.

    Where data are collected from the person (Art. 13) for a contract or a legal obligation,
    the notice must say whether giving them is a statutory or contractual requirement and what
    happens if they are not given. Purposes on other bases are not checked.

    [fi]
    Kerro, onko tietojen antaminen pakollista, kun sopimus tai laki edellyttää tietoja.

    Kun tiedot kerätään henkilöltä itseltään (13 artikla) sopimuksen tai lakisääteisen velvoitteen
    vuoksi, selosteessa on kerrottava, onko tietojen antaminen lakisääteinen tai sopimukseen
    perustuva vaatimus ja mitä seuraa, jos tietoja ei anneta. Muihin perusteisiin perustuvia
    käyttötarkoituksia ei tarkisteta.

    [sv]
    Ange om uppgifterna måste lämnas, när ett avtal eller lagen kräver dem.

    När uppgifterna samlas in från personen själv (artikel 13) för ett avtal eller en rättslig
    förpliktelse, ska beskrivningen ange om det är ett lagstadgat eller avtalsenligt krav att
    lämna dem och vad som händer om de inte lämnas. Ändamål som grundar sig på andra rättsliga
    grunder kontrolleras inte.

    [fail]
    - id: orders
      description: Delivering orders
      legal_basis: [contract]
    [pass]
    - id: orders
      description: Delivering orders
      legal_basis: [contract]
      requirement:
        type: contract_prerequisite
        consequence: Without your address we cannot deliver the order.
    """
    for r, _reg, p, purpose in resolved.purposes():
        needs = {"contract", "legal_obligation"} & set(purpose.legal_basis)
        if needs and purpose.requirement is None and _collected_from_data_subject(resolved, r):
            yield purpose_loc(r, p), {"purpose": purpose.id}


@rule("NG120", "requirement-no-consequence", groups=("completeness",), severity=W,
      message=N_("the purpose '{purpose}' says the data are required, but not what happens if they are "
                 "not given"),
      hint=N_("Add `consequence:` under `requirement:`, e.g. \"Without these data we cannot deliver the "
              "service.\""),
      source=N_("GDPR Art. 13(2)(e)"))
def requirement_no_consequence(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A required provision of data needs its consequence.

    Art. 13(2)(e) asks for "the possible consequences of failure to provide such data" whenever
    giving them is a statutory or contractual requirement.

    [fi]
    Kun tietojen antaminen on pakollista, on kerrottava, mitä antamatta jättämisestä seuraa.

    13 artiklan 2 kohdan e alakohta edellyttää tietoa antamatta jättämisen mahdollisista
    seurauksista aina, kun tietojen antaminen on lakisääteinen tai sopimukseen perustuva vaatimus.

    [sv]
    När uppgifterna måste lämnas ska beskrivningen ange följden av att de inte lämnas.

    Artikel 13.2 e kräver information om "de möjliga följderna av att sådana uppgifter inte
    lämnas" alltid när det är ett lagstadgat eller avtalsenligt krav att lämna dem.

    [fail]
    requirement:
      type: contractual
    [pass]
    requirement:
      type: contractual
      consequence: Without these data we cannot deliver the service.
    """
    for r, _reg, p, purpose in resolved.purposes():
        req = purpose.requirement
        if req is not None and req.type != "voluntary" and req.consequence is None:
            yield (*purpose_loc(r, p), "requirement", "type"), {"purpose": purpose.id}
