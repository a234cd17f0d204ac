"""Completeness of purposes: legal basis, legitimate interest, withdrawal, retention, requirement."""

from __future__ import annotations

from collections.abc import Iterator

from noticegen.diagnostics import Severity
from noticegen.l10n import N_, Translated
from noticegen.lint.facts import purpose_categories, purpose_loc, term_attr
from noticegen.lint.registry import Finding, rule
from noticegen.model import Retention
from noticegen.resolve import ResolvedNotice

E, W = Severity.ERROR, Severity.WARNING


@rule("NG101", "purpose-no-legal-basis", groups=("completeness", "legal-basis"), severity=E,
      message=N_("the purpose '{purpose}' has no legal basis"),
      hint=N_("Add `legal_basis:` with the Art. 6(1) ground you rely on, e.g. `[contract]` for serving "
              "customers, `[legal_obligation]` for bookkeeping or `[consent]` for a newsletter."),
      source=N_("GDPR Art. 6(1), 13(1)(c), 14(1)(c)"))
def purpose_no_legal_basis(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Every purpose needs a legal basis from GDPR Art. 6(1).

    The notice must say, for each purpose, which of the six grounds of Art. 6(1) the processing
    rests on. Old notices list purposes with no basis at all, or give one basis for everything.

    [fi]
    Jokaisella käyttötarkoituksella on oltava 6 artiklan 1 kohdan mukainen oikeusperuste.

    Selosteessa on kerrottava kunkin käyttötarkoituksen kohdalla, mihin 6 artiklan 1 kohdan
    kuudesta perusteesta käsittely perustuu. Vanhoissa selosteissa peruste usein puuttuu
    kokonaan tai koko rekisterille annetaan yksi yhteinen peruste.

    [sv]
    Varje ändamål behöver en rättslig grund enligt artikel 6.1 i dataskyddsförordningen.

    Beskrivningen ska för varje ändamål ange vilken av de sex grunderna i artikel 6.1
    behandlingen stöder sig på. I gamla beskrivningar saknas grunden ofta helt, eller så anges
    en och samma grund för hela registret.

    [fail]
    purposes:
      - id: orders
        description: Delivering orders
    [pass]
    purposes:
      - id: orders
        description: Delivering orders
        legal_basis: [contract]
    """
    for r, _reg, p, purpose in resolved.purposes():
        if not purpose.legal_basis:
            yield purpose_loc(r, p), {"purpose": purpose.id}


@rule("NG102", "legitimate-interest-missing", groups=("completeness", "legal-basis"), severity=E,
      message=N_("the purpose '{purpose}' relies on legitimate interests but does not say what the "
                 "interest is"),
      hint=N_("Add `legitimate_interest:` naming the specific interest, e.g. \"Telling our customers "
              "about our own services.\" (the notice already labels it as the legitimate interest)."),
      source=N_("GDPR Art. 13(1)(d), 14(2)(b); WP260 Annex"))
def legitimate_interest_missing(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A purpose based on legitimate interests must say what the interest is.

    Art. 13(1)(d) asks for "the legitimate interests pursued by the controller or by a third
    party"; WP260 adds that the specific interest must be identified, not just the label.

    [fi]
    Oikeutettuun etuun perustuvan käyttötarkoituksen kohdalla on kerrottava, mikä etu on kyseessä.

    13 artiklan 1 kohdan d alakohta edellyttää tietoa rekisterinpitäjän tai kolmannen osapuolen
    oikeutetuista eduista; WP260-ohjeen mukaan etu on yksilöitävä, pelkkä peruste ei riitä.

    [sv]
    Ett ändamål som grundar sig på berättigade intressen ska ange vilket intresset är.

    Enligt artikel 13.1 d ska den registrerade få information om "den personuppgiftsansvariges
    eller en tredje parts berättigade intressen"; enligt WP260 ska det konkreta intresset anges,
    det räcker inte att nämna grunden.

    [fail]
    - id: marketing
      description: Our own direct marketing
      legal_basis: [legitimate_interests]
    [pass]
    - id: marketing
      description: Our own direct marketing
      legal_basis: [legitimate_interests]
      legitimate_interest: Telling our customers about our own services.
    """
    for r, _reg, p, purpose in resolved.purposes():
        if "legitimate_interests" in purpose.legal_basis and purpose.legitimate_interest is None:
            k = purpose.legal_basis.index("legitimate_interests")
            yield (*purpose_loc(r, p), "legal_basis", k), {"purpose": purpose.id}


@rule("NG103", "consent-no-withdrawal", groups=("completeness", "consent", "rights"), severity=E,
      message=N_("processing for '{item}' relies on consent, but the notice does not say how to withdraw "
                 "it"),
      hint=N_("Add `withdrawal:` to the purpose, saying how, e.g. \"You can withdraw your consent at any "
              "time with the unsubscribe link in every newsletter.\""),
      source=N_("GDPR Art. 7(3), 13(2)(c), 14(2)(d)"))
def consent_no_withdrawal(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Where processing relies on consent, the notice must say how to withdraw it.

    The right to withdraw consent at any time is listed automatically; the notice must also
    say how, and withdrawing must be as easy as giving consent (Art. 7(3)). Applies to consent
    under Art. 6(1)(a) and to explicit consent for special categories under Art. 9(2)(a).

    [fi]
    Kun käsittely perustuu suostumukseen, selosteessa on kerrottava, miten suostumuksen voi
    peruuttaa.

    Oikeus peruuttaa suostumus milloin tahansa lisätään selosteeseen automaattisesti, mutta
    peruuttamistapa on kerrottava, ja peruuttamisen on oltava yhtä helppoa kuin suostumuksen
    antamisen (7 artiklan 3 kohta). Koskee 6 artiklan 1 kohdan a alakohdan suostumusta ja
    erityisiä henkilötietoryhmiä koskevaa nimenomaista suostumusta (9 artiklan 2 kohdan a alakohta).

    [sv]
    När behandlingen grundar sig på samtycke ska beskrivningen ange hur samtycket återkallas.

    Rätten att när som helst återkalla sitt samtycke läggs automatiskt till i beskrivningen, men
    beskrivningen ska också ange hur det går till, och det ska vara lika lätt att återkalla
    samtycket som att ge det (artikel 7.3). Gäller samtycke enligt artikel 6.1 a och uttryckligt
    samtycke till behandling av särskilda kategorier av personuppgifter enligt artikel 9.2 a.

    [fail]
    - id: newsletter
      description: Sending our newsletter
      legal_basis: [consent]
    [pass]
    - id: newsletter
      description: Sending our newsletter
      legal_basis: [consent]
      withdrawal: Use the unsubscribe link at the end of every newsletter.
    """
    for r, _reg, p, purpose in resolved.purposes():
        if "consent" in purpose.legal_basis and purpose.withdrawal is None:
            k = purpose.legal_basis.index("consent")
            yield (*purpose_loc(r, p), "legal_basis", k), {"item": purpose.id}
    for r, reg in enumerate(resolved.notice.registers):
        if any(p.withdrawal is not None for p in reg.purposes):
            continue
        for s, special in enumerate(reg.special_categories):
            if term_attr("special_conditions", special.condition, "withdrawal"):
                item = special.category if isinstance(special.category, str) else reg.id
                yield ("registers", r, "special_categories", s, "condition"), {"item": item}


def _says_how_long(retention: Retention | None) -> bool:
    """A period, criteria, or an event that ends the retention by itself ("until consent is
    withdrawn"); `after:` naming when a period starts says nothing without the period."""
    if retention is None:
        return False
    if retention.period is not None or retention.criteria is not None:
        return True
    return retention.after is not None and bool(
        term_attr("retention_events", retention.after, "until"))


@rule("NG104", "retention-missing", groups=("completeness", "retention"), severity=E,
      message=N_("the notice does not say how long {what} are kept"),
      hint=N_("Add `retention:` with a period, e.g. `{{period: P2Y, after: "
              "end_of_customer_relationship}}`, or, when no fixed period is possible, the `criteria:` "
              "that decide it. `after:` alone is enough only for an event that ends the retention itself, "
              "e.g. `{{after: consent_withdrawal}}`."),
      source=N_("GDPR Art. 5(1)(e), 13(2)(a), 14(2)(a); WP260 Annex"))
def retention_missing(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Each purpose, or each category of data, needs a retention period or its criteria.

    Give `retention:` on the purpose, or retention rules on the register that cover every data
    category the purpose uses. `after:` alone is enough only for an event that ends the
    retention itself (`{after: consent_withdrawal}`: until consent is withdrawn); for an event
    that only starts the clock (`last_contact`, `collection`, ...) give the period too.

    [fi]
    Jokaiselle käyttötarkoitukselle tai tietoryhmälle on ilmoitettava säilytysaika tai sen
    määrittämiskriteerit.

    Ilmoita `retention:` käyttötarkoituksen kohdalla tai rekisterin säilytyssäännöt, jotka
    kattavat kaikki käyttötarkoituksen tietoryhmät. Pelkkä `after:` riittää vain tapahtumalle,
    johon säilytys itse päättyy (`{after: consent_withdrawal}`: suostumuksen peruuttamiseen asti);
    tapahtumalle, josta aika vain lasketaan (`last_contact`, `collection` ...), anna myös aika.

    [sv]
    Varje ändamål eller kategori av personuppgifter behöver en lagringstid eller de kriterier
    som används för att fastställa den.

    Ange `retention:` för ändamålet, eller lagringsregler för registret som täcker alla
    kategorier av personuppgifter som ändamålet använder. Enbart `after:` räcker bara för en
    händelse som i sig avslutar lagringen (`{after: consent_withdrawal}`: tills samtycket
    återkallas); för en händelse från vilken tiden bara börjar räknas (`last_contact`,
    `collection` …) ska också tiden anges.

    [fail]
    - id: orders
      description: Delivering orders
      legal_basis: [contract]
    [pass]
    - id: orders
      description: Delivering orders
      legal_basis: [contract]
      retention: {period: P2Y, after: end_of_contract}
    """
    for r, reg in enumerate(resolved.notice.registers):
        covered = [t for rule_ in reg.retention if _says_how_long(rule_) for t in rule_.data_categories]
        for k, rule_ in enumerate(reg.retention):
            if not _says_how_long(rule_):
                yield ("registers", r, "retention", k), {"what": Translated(N_("these data"))}
        for p, purpose in enumerate(reg.purposes):
            if _says_how_long(purpose.retention):
                continue
            categories = purpose_categories(reg, purpose)
            if purpose.retention is None and categories and all(c in covered for c in categories):
                continue
            loc = (*purpose_loc(r, p), "retention") if purpose.retention else purpose_loc(r, p)
            yield loc, {"what": Translated(N_("the data of '{purpose}'"), purpose=purpose.id)}


@rule("NG118", "legal-obligation-no-law", groups=("completeness", "legal-basis"), severity=W,
      message=N_("the purpose '{purpose}' relies on a legal obligation but does not name the law"),
      hint=N_("Add `law:` naming the act and its number, e.g. \"Accounting Act (1336/1997)\"."),
      source=N_("GDPR Art. 6(3), 13(1)(c); WP260 Annex"))
def legal_obligation_no_law(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A legal obligation should name the law that imposes it.

    Art. 6(3) requires the obligation to be laid down by law; naming it lets people check it.

    [fi]
    Lakisääteiseen velvoitteeseen perustuvan käsittelyn kohdalla on syytä mainita laki.

    6 artiklan 3 kohdan mukaan velvoitteen on perustuttava lakiin; kun laki mainitaan,
    rekisteröity voi tarkistaa sen.

    [sv]
    Vid en rättslig förpliktelse bör beskrivningen ange den lag som förpliktelsen grundar sig
    på.

    Enligt artikel 6.3 ska förpliktelsen vara fastställd i lag; när lagen nämns kan den
    registrerade kontrollera den.

    [fail]
    - id: bookkeeping
      description: Bookkeeping
      legal_basis: [legal_obligation]
    [pass]
    - id: bookkeeping
      description: Bookkeeping
      legal_basis: [legal_obligation]
      law: Accounting Act (1336/1997)
    """
    for r, _reg, p, purpose in resolved.purposes():
        if "legal_obligation" in purpose.legal_basis and purpose.law is None:
            k = purpose.legal_basis.index("legal_obligation")
            yield (*purpose_loc(r, p), "legal_basis", k), {"purpose": purpose.id}


@rule("NG119", "register-no-purposes", groups=("completeness", "legal-basis"), severity=E,
      message=N_("the register '{register}' has no purposes"),
      hint=N_("Add `purposes:`, each with a `description:` and a `legal_basis:`."),
      source=N_("GDPR Art. 13(1)(c), 14(1)(c)"))
def register_no_purposes(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A register must say what its data are used for.

    Without purposes there is no legal basis, retention or recipient to tell about.

    [fi]
    Rekisterin kohdalla on kerrottava, mihin tietoja käytetään.

    Ilman käyttötarkoituksia ei ole oikeusperustetta, säilytysaikaa eikä vastaanottajia, joista
    kertoa.

    [sv]
    Ett register ska ange vad uppgifterna används till.

    Utan ändamål finns det ingen rättslig grund, lagringstid eller mottagare att informera om.

    [fail]
    registers:
      - id: customers
        name: Customer register
    [pass]
    registers:
      - id: customers
        name: Customer register
        purposes:
          - id: orders
            description: Delivering orders
            legal_basis: [contract]
    """
    for r, reg in enumerate(resolved.notice.registers):
        if not reg.purposes:
            yield ("registers", r), {"register": reg.id}
