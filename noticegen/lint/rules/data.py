"""The data themselves: special categories, sources, the identity code, children, automated decisions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticegen.diagnostics import Severity
from noticegen.l10n import N_, Translated
from noticegen.lint.facts import (
    categories_with_locs,
    from_data_subject,
    is_special,
    join,
    label,
    texts,
    vocab_label,
)
from noticegen.lint.registry import Finding, Param, rule
from noticegen.model import CustomTerm
from noticegen.resolve import ResolvedNotice

E, W = Severity.ERROR, Severity.WARNING


def _term_param(vocabulary: str, term: str | CustomTerm) -> Param:
    return vocab_label(vocabulary, term) if isinstance(term, str) else label(term)


@rule("NG105", "special-category-no-condition", groups=("completeness", "special-categories"),
      severity=E,
      message=N_("\"{category}\" is a special category of personal data, but no Art. 9(2) condition is "
                 "given for it"),
      hint=N_("Add it under the register's `special_categories:` with its `condition:`, e.g. `{{category: "
              "health_data, condition: explicit_consent}}`."),
      source=N_("GDPR Art. 9(1)-(2), 13(1)(c); Data Protection Act 1050/2018, section 6"))
def special_category_no_condition(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Special categories of data need an Art. 9(2) condition besides the Art. 6 basis.

    Health, biometric, ethnic-origin and the other Art. 9(1) data may be processed only under
    one of the conditions of Art. 9(2) (or section 6 of the Data Protection Act).

    [fi]
    Erityisten henkilötietoryhmien käsittelyyn tarvitaan 9 artiklan 2 kohdan mukainen edellytys
    6 artiklan oikeusperusteen lisäksi.

    Terveystietoja, biometrisia tietoja, etnistä alkuperää koskevia tietoja ja muita 9 artiklan
    1 kohdan tietoja saa käsitellä vain jollakin 9 artiklan 2 kohdan (tai tietosuojalain 6 §:n)
    perusteella.

    [sv]
    Särskilda kategorier av personuppgifter kräver ett villkor enligt artikel 9.2 utöver den
    rättsliga grunden enligt artikel 6.

    Uppgifter om hälsa, biometriska uppgifter, uppgifter om etniskt ursprung och de andra
    uppgifter som avses i artikel 9.1 får behandlas endast om något av villkoren i artikel 9.2
    (eller 6 § i dataskyddslagen) är uppfyllt.

    [fail]
    data_categories: [name, health_data]
    [pass]
    data_categories: [name, health_data]
    special_categories:
      - {category: health_data, condition: explicit_consent}
    """
    for r, reg in enumerate(resolved.notice.registers):
        allowed = [s.category for s in reg.special_categories]
        reported: list[str | CustomTerm] = []
        for loc, term in categories_with_locs(reg, r):
            if is_special(term) and term not in allowed and term not in reported:
                reported.append(term)
                yield loc, {"category": _term_param("data_categories", term)}


_MISSING = {
    "logic": Translated(N_("the logic involved")),
    "significance": Translated(N_("its significance and envisaged consequences")),
}


@rule("NG113", "automated-decision-no-logic", groups=("completeness", "automated-decisions"),
      severity=E,
      message=N_("automated decision-making is declared without {missing}"),
      hint=N_("Add `logic:` (in plain words, what the decision is based on) and `significance:` (what it "
              "means for the person, e.g. \"An application that scores too low is refused.\")."),
      source=N_("GDPR Art. 13(2)(f), 14(2)(g), 22"))
def automated_decision_no_logic(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Automated decisions and profiling need meaningful information on logic and effects.

    Art. 13(2)(f) asks for "meaningful information about the logic involved, as well as the
    significance and the envisaged consequences" of such processing.

    [fi]
    Automatisoiduista päätöksistä ja profiloinnista on kerrottava logiikka ja seuraukset.

    13 artiklan 2 kohdan f alakohta edellyttää merkityksellisiä tietoja käsittelyyn liittyvästä
    logiikasta sekä käsittelyn merkittävyydestä ja mahdollisista seurauksista.

    [sv]
    Om automatiserade beslut och profilering ska logiken och följderna anges.

    Enligt artikel 13.2 f ska den registrerade få "meningsfull information om logiken bakom samt
    betydelsen och de förutsedda följderna av sådan behandling för den registrerade".

    [fail]
    automated_decisions:
      - description: Automatic credit decision
    [pass]
    automated_decisions:
      - description: Automatic credit decision
        logic: Payment history and income are scored against fixed limits.
        significance: An application that scores too low is refused.
    """
    for r, reg in enumerate(resolved.notice.registers):
        for k, decision in enumerate(reg.automated_decisions):
            missing = [_MISSING[f] for f in ("logic", "significance") if getattr(decision, f) is None]
            if missing:
                yield ("registers", r, "automated_decisions", k), {"missing": join(missing)}


@rule("NG114", "register-no-source", groups=("completeness", "sources"), severity=E,
      message=N_("the register '{register}' does not say where its data come from"),
      hint=N_("Add `sources:`, e.g. `[data_subject]` when people give the data themselves, or the "
              "registers and partners you obtain them from."),
      source=N_("GDPR Art. 13, 14(2)(f)"))
def register_no_source(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Every register must say where its data come from.

    Data obtained from anyone but the person (Art. 14) need their source named; and without
    sources noticegen cannot tell which of Art. 13 and 14 applies.

    [fi]
    Jokaisen rekisterin kohdalla on kerrottava, mistä tiedot saadaan.

    Muualta kuin henkilöltä itseltään saatujen tietojen lähde on kerrottava (14 artikla), eikä
    noticegen voi ilman lähteitä päätellä, sovelletaanko 13 vai 14 artiklaa.

    [sv]
    Varje register ska ange varifrån uppgifterna kommer.

    Källan till uppgifter som inte har erhållits från personen själv ska anges (artikel 14), och
    utan källor kan noticegen inte avgöra om artikel 13 eller 14 är tillämplig.

    [fail]
    - id: customers
      name: Customer register
    [pass]
    - id: customers
      name: Customer register
      sources: [data_subject]
    """
    for r, reg in enumerate(resolved.notice.registers):
        if not reg.sources:
            yield ("registers", r), {"register": reg.id}


@rule("NG115", "indirect-data-no-categories", groups=("completeness", "sources"), severity=E,
      message=N_("the register '{register}' obtains data from \"{source}\" but does not list the "
                 "categories of data"),
      hint=N_("Add `data_categories:` to the register, e.g. `[name, company_and_position, "
              "contact_details]`."),
      source=N_("GDPR Art. 14(1)(d)"))
def indirect_data_no_categories(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Data obtained from others need their categories listed.

    A person who did not give the data cannot know which data you hold about them.

    [fi]
    Muualta saatujen tietojen tietoryhmät on lueteltava.

    Henkilö, joka ei itse antanut tietoja, ei voi muuten tietää, mitä tietoja hänestä on.

    [sv]
    Kategorierna av uppgifter som har erhållits från andra ska räknas upp.

    En person som inte själv har lämnat uppgifterna kan inte annars veta vilka uppgifter ni har
    om honom eller henne.

    [fail]
    - id: leads
      name: Sales leads
      sources: [trade_register]
    [pass]
    - id: leads
      name: Sales leads
      sources: [trade_register]
      data_categories: [name, company_and_position]
    """
    for r, reg in enumerate(resolved.notice.registers):
        if reg.data_categories or any(p.data_categories for p in reg.purposes):
            continue
        for k, source in enumerate(reg.sources):
            if not from_data_subject(source):
                yield ("registers", r, "sources", k), {
                    "register": reg.id, "source": _term_param("sources", source)}
                break


_SECTION_29 = re.compile(r"\b29\s*§|§\s*29\b|\bsection\s+29\b|\b29\s+section\b", re.IGNORECASE)


@rule("NG116", "identity-code-no-ground", groups=("completeness", "finnish-law"), severity=W,
      message=N_("the personal identity code (henkilötunnus) is processed, but no ground under section 29 "
                 "of the Data Protection Act is given"),
      hint=N_("Say in the purpose's `law:` or `description:` why the code is needed, with its ground, "
              "e.g. \"to identify the borrower reliably (Data Protection Act 1050/2018, section 29)\"; if "
              "you do not need the code, remove it."),
      source=N_("Data Protection Act 1050/2018, section 29"))
def identity_code_no_ground(resolved: ResolvedNotice) -> Iterator[Finding]:
    """The henkilötunnus may be processed only on a ground of section 29 of the Data Protection Act.

    Section 29 allows it with consent, where a law provides for it, or where identifying the
    person unambiguously is important (credit, debt collection, insurance, employment and the
    like). The notice should say which ground applies, citing section 29.

    [fi]
    Henkilötunnusta saa käsitellä vain tietosuojalain 29 §:n mukaisella perusteella.

    29 § sallii käsittelyn suostumuksella, lain nojalla tai kun henkilön yksiselitteinen
    yksilöiminen on tärkeää (esimerkiksi luotonanto, perintä, vakuutus ja työsuhde).
    Selosteessa on syytä kertoa peruste ja viitata 29 §:ään.

    [sv]
    Personbeteckningen får behandlas endast på en grund enligt 29 § i dataskyddslagen.

    Enligt 29 § får personbeteckningen behandlas med samtycke, när det föreskrivs i lag eller
    när det är viktigt att entydigt identifiera personen (till exempel vid kreditgivning,
    indrivning, försäkring och anställning). Beskrivningen bör ange vilken grund som är
    tillämplig och hänvisa till 29 §.

    [fail]
    data_categories: [name, personal_identity_code]
    purposes:
      - id: credit
        description: Granting credit
    [pass]
    data_categories: [name, personal_identity_code]
    purposes:
      - id: credit
        description: Granting credit
        law: Identifying the borrower reliably (Data Protection Act 1050/2018, section 29)
    """
    for r, reg in enumerate(resolved.notice.registers):
        hetu = [loc for loc, term in categories_with_locs(reg, r) if term == "personal_identity_code"]
        if hetu and not any(_SECTION_29.search(v.text) for v in texts(resolved, ("registers", r))):
            yield hetu[0], {}


_CHILDREN = re.compile(r"\b(?:laps[ie]\w*|lasten|lasta|alaikäi\w*|child(?:ren)?|minors?|under\s+1[0-7]"
                       r"|alle\s+1[0-7]|barn\w*|minderåriga)\b", re.IGNORECASE)
_PARENT = re.compile(r"\b(?:huoltaj\w*|vanhemp\w*|vanhemmi\w*|parent\w*|guardian\w*|vårdnadshavar\w*|"
                     r"förälder\w*|föräldr\w*)", re.IGNORECASE)


@rule("NG117", "child-consent-no-parent", groups=("completeness", "consent", "finnish-law"), severity=W,
      message=N_("the register '{register}' concerns children and relies on consent, but a parent's or "
                 "guardian's consent is not mentioned"),
      hint=N_("For online services offered to children under 13, a parent or guardian must give the "
              "consent: say how you obtain it, e.g. in the purpose's `description:`."),
      source=N_("GDPR Art. 8; Data Protection Act 1050/2018, section 5"))
def child_consent_no_parent(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Consent of children under 13 to online services must come from a parent or guardian.

    Art. 8 with section 5 of the Data Protection Act sets the age at 13 in Finland. The rule
    looks for registers whose data subjects are children (custom groups such as "Children")
    and whose purposes rely on consent, and checks that a parent or guardian is mentioned.

    [fi]
    Alle 13-vuotiaan suostumuksen tietoyhteiskunnan palveluihin antaa huoltaja.

    8 artikla ja tietosuojalain 5 § asettavat ikärajaksi Suomessa 13 vuotta. Sääntö etsii
    rekisterejä, joiden rekisteröidyt ovat lapsia (esimerkiksi oma ryhmä "Lapset") ja joiden
    käsittely perustuu suostumukseen, ja tarkistaa, että huoltaja mainitaan.

    [sv]
    När informationssamhällets tjänster erbjuds barn under 13 år ska samtycket ges av
    vårdnadshavaren.

    Artikel 8 och 5 § i dataskyddslagen sätter åldersgränsen till 13 år i Finland. Regeln söker
    efter register vars registrerade är barn (till exempel en egen kategori "Barn") och vars
    behandling grundar sig på samtycke, och kontrollerar att vårdnadshavaren nämns.

    [fail]
    data_subjects:
      - label: Children using the game
    purposes:
      - id: game
        description: Running the game account
        legal_basis: [consent]
    [pass]
    data_subjects:
      - label: Children using the game
    purposes:
      - id: game
        description: Running the game account; a parent or guardian gives the consent.
        legal_basis: [consent]
    """
    for r, reg in enumerate(resolved.notice.registers):
        if not any("consent" in p.legal_basis for p in reg.purposes):
            continue
        subjects = list(texts(resolved, ("registers", r, "data_subjects")))
        child = next((v for v in subjects if _CHILDREN.search(v.text)), None)
        if child is None:
            continue
        if not any(_PARENT.search(v.text) for v in texts(resolved, ("registers", r))):
            yield child.loc, {"register": reg.id}


@rule("NG121", "data-category-no-purpose", groups=("completeness", "legal-basis"), severity=E,
      message=N_("the data category {category} of the register '{register}' is used for no purpose"),
      hint=N_("Add it to `data_categories:` of each purpose it is used for, so that the notice gives its "
              "legal basis and retention; remove it if you do not process it."),
      source=N_("GDPR Art. 5(1)(b), 13(1)(c), 13(2)(a)"))
def data_category_no_purpose(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Every data category of a register must be used for at least one purpose.

    When each purpose lists its own `data_categories:`, a category of the register that none
    of them lists is published without a purpose, a legal basis or a retention period. A
    purpose without its own list uses all of the register's categories.

    [fi]
    Jokaista rekisterin tietoryhmää on käytettävä vähintään yhteen käyttötarkoitukseen.

    Kun jokainen käyttötarkoitus luettelee omat `data_categories:`-tietoryhmänsä, rekisterin
    tietoryhmä, jota mikään niistä ei mainitse, julkaistaisiin ilman käyttötarkoitusta,
    oikeusperustetta ja säilytysaikaa. Käyttötarkoitus, jolla ei ole omaa luetteloa, käyttää
    kaikkia rekisterin tietoryhmiä.

    [sv]
    Varje kategori av personuppgifter i ett register ska användas för minst ett ändamål.

    När varje ändamål räknar upp sina egna `data_categories:`, skulle en kategori i registret
    som inget av dem nämner publiceras utan ändamål, rättslig grund och lagringstid. Ett ändamål
    som inte har en egen förteckning använder alla kategorier i registret.

    [fail]
    data_categories: [name, email_address, location_data]
    purposes:
      - id: orders
        legal_basis: [contract]
        data_categories: [name, email_address]
    [pass]
    data_categories: [name, email_address]
    purposes:
      - id: orders
        legal_basis: [contract]
        data_categories: [name, email_address]
    """
    for r, reg in enumerate(resolved.notice.registers):
        if not reg.purposes or any(not p.data_categories for p in reg.purposes):
            continue
        used = [c for p in reg.purposes for c in p.data_categories]
        for i, category in enumerate(reg.data_categories):
            if category not in used:
                yield (("registers", r, "data_categories", i),
                       {"category": _term_param("data_categories", category), "register": reg.id})
        for s, special in enumerate(reg.special_categories):
            if special.category not in used and special.category not in reg.data_categories:
                yield (("registers", r, "special_categories", s, "category"),
                       {"category": _term_param("data_categories", special.category),
                        "register": reg.id})
