"""Recipients and transfers outside the EU/EEA: mechanisms, safeguard links, the DPF."""

from __future__ import annotations

from collections.abc import Iterator

from noticegen.diagnostics import Loc, Severity
from noticegen.l10n import N_, Translated
from noticegen.lint.facts import join, recipient_name, term_attr, vocab_label
from noticegen.lint.registry import Finding, Param, rule
from noticegen.model import Recipient, Transfer
from noticegen.resolve import ResolvedNotice, outside_eea

E, W = Severity.ERROR, Severity.WARNING


def transfers_outside_eea(resolved: ResolvedNotice) -> Iterator[tuple[Loc, Recipient, Transfer]]:
    """Every transfer with an outside-EEA country, with its path."""
    for entry in resolved.transfers:
        yield entry.loc, entry.recipient, entry.transfer


_UNKNOWN = Translated(N_("countries not given"))


def _countries(transfer: Transfer) -> Param:
    return ", ".join(c for c in transfer.countries if outside_eea(c)) or _UNKNOWN


@rule("NG301", "transfer-no-mechanism", groups=("transfers", "recipients"), severity=E,
      message=N_("{recipient} receives data outside the EU/EEA ({country}), but no transfer mechanism is "
                 "given"),
      hint=N_("Add `transfers: [{{countries: [{code}], mechanism: …}}]` to the recipient, with the "
              "mechanism its contract uses: `adequacy_decision`, `eu_us_dpf` (certified US companies), "
              "`standard_clauses` or `binding_corporate_rules` (the last two with a `link:`)."),
      source=N_("GDPR Art. 13(1)(f), 14(1)(f), 44-49"))
def transfer_no_mechanism(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Every transfer outside the EU/EEA needs a mechanism of Art. 45-49.

    Flags a recipient established outside the EU/EEA whose country no transfer with a
    mechanism covers (a transfer to its sub-processors, `sub_processors: true`, does not
    cover the recipient itself), and any transfer outside the EU/EEA without a mechanism. An
    adequacy decision is a mechanism too: say `adequacy_decision` for the UK or Switzerland.

    [fi]
    Jokaisella siirrolla EU:n/ETA:n ulkopuolelle on oltava 45-49 artiklan mukainen siirtoperuste.

    Sääntö huomauttaa vastaanottajasta, joka on sijoittautunut EU:n/ETA:n ulkopuolelle, jos
    mikään siirtoperusteen sisältävä siirto ei kata sen maata, sekä jokaisesta siirrosta EU:n/ETA:n
    ulkopuolelle, jolta puuttuu siirtoperuste. Vastaanottajan alihankkijoina toimiville
    käsittelijöille tehtävä siirto (`sub_processors: true`) ei kata vastaanottajaa itseään. Myös
    tietosuojan riittävyyttä koskeva päätös on siirtoperuste: ilmoita `adequacy_decision`
    esimerkiksi Yhdistyneelle kuningaskunnalle tai Sveitsille.

    [sv]
    Varje överföring utanför EU/EES behöver en grund för överföringen enligt artiklarna 45–49.

    Regeln påpekar en mottagare som är etablerad utanför EU/EES, om ingen överföring med en
    grund för överföringen täcker dess land, och varje överföring utanför EU/EES som saknar en
    grund. En överföring till mottagarens underbiträden (`sub_processors: true`) täcker inte
    mottagaren själv. Också ett beslut om adekvat skyddsnivå är en grund för överföringen: ange
    `adequacy_decision` till exempel för Förenade kungariket eller Schweiz.

    [fail]
    recipients:
      - id: crm
        name: Example CRM Inc.
        role: processor
        country: US
    [pass]
    recipients:
      - id: crm
        name: Example CRM Inc.
        role: processor
        country: US
        transfers:
          - countries: [US]
            mechanism: standard_clauses
            link: https://crm.example.com/dpa
    """
    for i, rec in enumerate(resolved.notice.recipients):
        # A transfer to the recipient's sub-processors does not cover the recipient itself.
        covered = {c for t in rec.transfers if t.mechanism and not t.sub_processors
                   and not t.onward for c in t.countries}
        if rec.country is not None and outside_eea(rec.country) and rec.country not in covered:
            yield ("recipients", i, "country"), {
                "recipient": recipient_name(resolved, rec.id),
                "country": vocab_label("countries", rec.country), "code": rec.country}
    for loc, rec, transfer in transfers_outside_eea(resolved):
        if transfer.mechanism is None:
            code = next((c for c in transfer.countries if outside_eea(c)), None)
            yield loc, {"recipient": recipient_name(resolved, rec.id),
                        "country": vocab_label("countries", code) if code else _UNKNOWN,
                        "code": code or "…"}


@rule("NG315", "transfer-countries-unknown", groups=("transfers", "recipients"), severity=E,
      message=N_("{recipient} transfers data outside the EU/EEA, but the notice does not say to which "
                 "countries"),
      hint=N_("Ask the recipient where the data go (its data processing agreement or list of "
              "sub-processors says it) and list them: `countries: [US]`. If nothing leaves the EU/EEA "
              "after all, remove the transfer."),
      source=N_("GDPR Art. 13(1)(f), 14(1)(f); WP260 Annex"))
def transfer_countries_unknown(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A transfer outside the EU/EEA must name its countries.

    Old notices often say only that "data may be transferred outside the EU/EEA". Such a
    transfer can be written without `countries:`, so that the YAML says what the notice says,
    but WP260 asks for the countries to be named: find them out.

    [fi]
    Siirrosta EU:n/ETA:n ulkopuolelle on kerrottava kohdemaat.

    Vanhoissa selosteissa kerrotaan usein vain, että "tietoja voidaan siirtää EU:n/ETA:n
    ulkopuolelle". Tällaisen siirron voi kirjoittaa ilman kohtaa `countries:`, jotta YAML kertoo
    saman kuin seloste, mutta WP260-ohjeen mukaan kohdemaat on nimettävä: selvitä ne.

    [sv]
    En överföring utanför EU/EES ska ange till vilka länder uppgifterna överförs.

    I gamla beskrivningar står det ofta bara att "uppgifter kan överföras utanför EU/EES". En
    sådan överföring kan skrivas utan `countries:`, så att YAML-filen säger detsamma som
    beskrivningen, men enligt WP260 ska länderna namnges: ta reda på dem.

    [fail]
    transfers:
      - mechanism: standard_clauses
        link: https://crm.example.com/dpa
    [pass]
    transfers:
      - countries: [US]
        mechanism: standard_clauses
        link: https://crm.example.com/dpa
    """
    for loc, rec, transfer in transfers_outside_eea(resolved):
        if not transfer.countries:
            yield loc, {"recipient": recipient_name(resolved, rec.id)}


@rule("NG302", "transfer-no-link", groups=("transfers",), severity=E,
      message=N_("the transfer ({countries}) relies on \"{mechanism}\", but the notice does not say where "
                 "a copy of the safeguards can be obtained"),
      hint=N_("Add `link:` to the transfer, pointing to the clauses or rules (e.g. the provider's data "
              "processing agreement)."),
      source=N_("GDPR Art. 13(1)(f), 14(1)(f), 46, 47"))
def transfer_no_link(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Standard clauses and binding corporate rules need a link or copy.

    Art. 13(1)(f) asks for "the means by which to obtain a copy of them or where they have been
    made available".

    [fi]
    Vakiolausekkeista ja yritystä koskevista sitovista säännöistä on annettava linkki tai
    jäljennös.

    13 artiklan 1 kohdan f alakohta edellyttää tietoa siitä, miten suojatoimista saa jäljennöksen
    tai minne ne on asetettu saataville.

    [sv]
    För standardavtalsklausuler och bindande företagsbestämmelser ska en länk eller en kopia
    anges.

    Enligt artikel 13.1 f ska den registrerade få veta "hur en kopia av dem kan erhållas eller
    var dessa har gjorts tillgängliga".

    [fail]
    transfers:
      - countries: [US]
        mechanism: standard_clauses
    [pass]
    transfers:
      - countries: [US]
        mechanism: standard_clauses
        link: https://crm.example.com/dpa
    """
    for loc, _rec, transfer in transfers_outside_eea(resolved):
        mechanism = transfer.mechanism
        if mechanism and term_attr("transfer_mechanisms", mechanism, "requires_link") \
                and transfer.link is None:
            yield (*loc, "mechanism"), {"countries": _countries(transfer),
                                        "mechanism": vocab_label("transfer_mechanisms", mechanism)}


_MISMATCH = {
    "adequacy_decision": ("adequacy", Translated(N_("the European Commission has made no adequacy "
                                                    "decision for it"))),
    "eu_us_dpf": ("dpf", Translated(N_("the Data Privacy Framework covers only certified companies in "
                                       "the United States"))),
}


@rule("NG304", "transfer-mechanism-mismatch", groups=("transfers",), severity=E,
      message=N_("the transfer mechanism does not fit {country}: {why}"),
      hint=N_("Give the mechanism the recipient's contract actually relies on, usually `standard_clauses` "
              "with a `link:`."),
      source=N_("GDPR Art. 45; Commission Implementing Decision (EU) 2023/1795"))
def transfer_mechanism_mismatch(resolved: ResolvedNotice) -> Iterator[Finding]:
    """An adequacy decision or the DPF must actually cover the destination country.

    The United States has no general adequacy decision: only DPF-certified companies are
    covered, under `eu_us_dpf`. Other countries need a Commission decision of their own.

    [fi]
    Tietosuojan riittävyyttä koskevan päätöksen tai tietosuojakehyksen on todella katettava
    kohdemaa.

    Yhdysvalloista ei ole yleistä riittävyyspäätöstä: vain tietosuojakehykseen sertifioidut
    yritykset kuuluvat sen piiriin (`eu_us_dpf`). Muita maita varten tarvitaan komission oma
    päätös.

    [sv]
    Ett beslut om adekvat skyddsnivå eller ramverket för dataskydd mellan EU och USA ska
    faktiskt omfatta mottagarlandet.

    För Förenta staterna finns inget allmänt beslut om adekvat skyddsnivå: endast företag som är
    certifierade enligt ramverket omfattas (`eu_us_dpf`). Andra länder kräver ett eget beslut av
    kommissionen.

    [fail]
    transfers:
      - countries: [IN]
        mechanism: adequacy_decision
    [pass]
    transfers:
      - countries: [IN]
        mechanism: standard_clauses
        link: https://crm.example.com/dpa
    """
    for loc, _rec, transfer in transfers_outside_eea(resolved):
        if transfer.mechanism not in _MISMATCH:
            continue
        attr, why = _MISMATCH[transfer.mechanism]
        for country in transfer.countries:
            if outside_eea(country) and not term_attr("countries", country, attr):
                yield (*loc, "mechanism"), {"country": vocab_label("countries", country),
                                            "why": why}
                break


_VAGUE = {"role": Translated(N_("its role")),
          "country": Translated(N_("its country"))}


@rule("NG306", "recipient-too-generic", groups=("recipients",), severity=W,
      message=N_("the recipient {recipient} is described too vaguely: give {missing}"),
      hint=N_("Add `role:` (processor, independent_controller, authority…) and `country:`; for a category "
              "of recipients, add `sector:` too."),
      source=N_("GDPR Art. 13(1)(e), 14(1)(e); WP260 Annex"))
def recipient_too_generic(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Recipients need their role and location.

    WP260 asks for named recipients, or for categories their type, sector and location.
    Authorities (`role: authority`) need no country.

    [fi]
    Vastaanottajan rooli ja sijainti on kerrottava.

    WP260-ohjeen mukaan vastaanottajat on nimettävä, ja vastaanottajaryhmistä on kerrottava
    tyyppi, toimiala ja sijainti. Viranomaisten (`role: authority`) sijaintimaata ei tarvitse
    ilmoittaa.

    [sv]
    Mottagarens roll och var den finns ska anges.

    Enligt WP260 ska mottagarna namnges, och för kategorier av mottagare ska typ, bransch och
    var de finns anges. För myndigheter (`role: authority`) behöver landet inte anges.

    [fail]
    - id: partners
      name: Our partners
    [pass]
    - id: partners
      name: Accounting firm
      role: processor
      country: FI
    """
    for i, rec in enumerate(resolved.notice.recipients):
        # An authority's country goes without saying: "Authorities" receive data under the
        # law that binds the controller, and asking for a country there is noise.
        wanted = ("role",) if rec.role == "authority" else ("role", "country")
        missing = [_VAGUE[f] for f in wanted if getattr(rec, f) is None]
        if missing:
            yield ("recipients", i), {"recipient": recipient_name(resolved, rec.id),
                                      "missing": join(missing)}


@rule("NG307", "transfer-derogation-systematic", groups=("transfers",), severity=W,
      message=N_("{recipient} processes data for you regularly, but its transfer relies on an Art. 49 "
                 "derogation, which is meant for occasional transfers"),
      hint=N_("Ask the provider which safeguard its contract uses (usually standard contractual clauses) "
              "and give that, with a `link:`."),
      source=N_("GDPR Art. 49; EDPB Guidelines 2/2018 on derogations"))
def transfer_derogation_systematic(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A processor's regular transfers cannot rest on an Art. 49 derogation.

    The EDPB reads Art. 49 narrowly: derogations suit occasional transfers, not the routine
    transfers of a service provider.

    [fi]
    Käsittelijän säännölliset siirrot eivät voi perustua 49 artiklan poikkeuksiin.

    Euroopan tietosuojaneuvoston mukaan 49 artiklaa on tulkittava suppeasti: poikkeukset sopivat
    satunnaisiin siirtoihin, eivät palveluntarjoajan jatkuviin siirtoihin.

    [sv]
    Ett personuppgiftsbiträdes regelbundna överföringar kan inte grunda sig på undantagen i
    artikel 49.

    Enligt Europeiska dataskyddsstyrelsen ska artikel 49 tolkas restriktivt: undantagen passar
    för tillfälliga överföringar, inte för en tjänsteleverantörs fortlöpande överföringar.

    [fail]
    role: processor
    transfers:
      - {countries: [IN], mechanism: derogation_contract}
    [pass]
    role: processor
    transfers:
      - {countries: [IN], mechanism: standard_clauses, link: "https://crm.example.com/dpa"}
    """
    for loc, rec, transfer in transfers_outside_eea(resolved):
        mechanism = transfer.mechanism
        if rec.role in ("processor", "sub_processor") and mechanism \
                and term_attr("transfer_mechanisms", mechanism, "derogation"):
            yield (*loc, "mechanism"), {"recipient": recipient_name(resolved, rec.id)}


@rule("NG308", "recipient-not-linked", groups=("recipients", "transfers", "completeness"),
      severity=E,
      message=N_("{recipient} receives personal data, but no purpose or register says for what"),
      hint=N_("Add `{id}` to `recipients:` of each purpose it receives data for (or of the register), so "
              "that the notice says why and on which legal basis, and shows its transfers in the right "
              "place. Remove it if you no longer use it."),
      source=N_("GDPR Art. 13(1)(c), (e), (f); 14(1)(c), (e), (f)"))
def recipient_not_linked(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Every recipient, and every service taken from the catalogue, must be tied to a purpose.

    A recipient that no purpose or register names appears in the notice only as a cookie
    provider, if at all: the reader cannot tell whose data it receives, for what, or on which
    legal basis, and its transfers outside the EU/EEA have no register to be shown in. Until it
    is tied, every register lists it, so that no transfer vanishes.

    [fi]
    Jokainen vastaanottaja, myös palveluluettelosta otettu palvelu, on liitettävä
    käyttötarkoitukseen.

    Vastaanottaja, jota mikään käyttötarkoitus tai rekisteri ei mainitse, näkyisi selosteessa
    korkeintaan evästeen tarjoajana: lukija ei saisi tietää, kenen tietoja se saa, mitä varten
    tai millä oikeusperusteella, eikä sen siirroille EU:n tai ETA:n ulkopuolelle olisi
    rekisteriä, jossa ne näytetään. Kunnes se liitetään, jokainen rekisteri luettelee sen, jotta
    mikään siirto ei jää kertomatta.

    [sv]
    Varje mottagare, också en tjänst som har hämtats ur katalogen, ska knytas till ett ändamål.

    En mottagare som inget ändamål eller register nämner skulle synas i beskrivningen högst som
    leverantör av en kaka: läsaren skulle inte få veta vems uppgifter den får, för vilket
    ändamål eller på vilken rättslig grund, och dess överföringar utanför EU/EES skulle inte ha
    något register där de visas. Tills mottagaren har knutits till ett ändamål räknar varje
    register upp den, så att ingen överföring förblir okänd för läsaren.

    [fail]
    recipients:
      - {id: accounting, name: Tilitoimisto Oy, role: processor, country: FI}
    [pass]
    recipients:
      - {id: accounting, name: Tilitoimisto Oy, role: processor, country: FI}
    registers:
      - purposes:
          - id: bookkeeping
            legal_basis: [legal_obligation]
            recipients: [accounting]
    """
    unlinked = set(resolved.unlinked)
    for i, rec in enumerate(resolved.notice.recipients):
        if rec.id in unlinked:
            yield ("recipients", i), {"recipient": recipient_name(resolved, rec.id), "id": rec.id}


@rule("NG309", "joint-controller-no-arrangement", groups=("recipients", "completeness"),
      severity=E,
      message=N_("{recipient} is a joint controller, but the notice does not give the essence of the "
                 "arrangement between you"),
      hint=N_("Add `arrangement:` to the recipient: which processing you control jointly, who is "
              "responsible for informing people and for answering requests about their rights, and that "
              "people can exercise their rights against either of you; add `arrangement_url:` where the "
              "arrangement can be read."),
      source=N_("GDPR Art. 26(2), 26(3)"))
def joint_controller_no_arrangement(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A joint controller needs the essence of the joint-controller arrangement.

    Art. 26(2): the essence of the arrangement between joint controllers shall be made
    available to the data subject. Catalogue services that are joint controllers (Meta Pixel)
    bring a default text with its source; check it against the terms you accepted.

    [fi]
    Yhteisrekisterinpitäjän kohdalla on kerrottava yhteisrekisterinpitäjien välisen järjestelyn
    keskeinen sisältö.

    26 artiklan 2 kohdan mukaan yhteisrekisterinpitäjien välisen järjestelyn keskeinen sisältö on
    asetettava rekisteröidyn saataville. Palveluluettelon yhteisrekisterinpitäjät (Meta Pixel)
    tuovat mukanaan oletustekstin ja sen lähteen; tarkista se hyväksymiäsi ehtoja vasten.

    [sv]
    För en gemensamt personuppgiftsansvarig ska det väsentliga innehållet i arrangemanget mellan
    de gemensamt personuppgiftsansvariga anges.

    Enligt artikel 26.2 ska det väsentliga innehållet i arrangemanget mellan de gemensamt
    personuppgiftsansvariga göras tillgängligt för den registrerade. Tjänster i katalogen som är
    gemensamt personuppgiftsansvariga (Meta Pixel) har en standardtext med källa; jämför den med
    de villkor som ni har godkänt.

    [fail]
    recipients:
      - id: partner
        name: Partner Oy
        role: joint_controller
        country: FI
    [pass]
    recipients:
      - id: partner
        name: Partner Oy
        role: joint_controller
        country: FI
        arrangement: We run the joint event register together; we answer all requests.
    """
    for i, rec in enumerate(resolved.notice.recipients):
        if rec.role == "joint_controller" and rec.arrangement is None:
            yield ("recipients", i, "role"), {"recipient": recipient_name(resolved, rec.id)}


_CONTROLLERS = ("independent_controller", "joint_controller")


@rule("NG310", "transfer-whose-unclear", groups=("transfers", "recipients"), severity=E,
      message=N_("{recipient} is established in the EU/EEA ({country}), but its transfer to {countries} "
                 "does not say whose transfer it is"),
      hint=N_("If the data reach {countries} at processors that {recipient} engages, add "
              "`sub_processors: true` to the transfer; if {recipient} is a controller that transfers the "
              "data there itself, under its own responsibility, add `onward: true`."),
      source=N_("GDPR Art. 13(1)(e), 13(1)(f), 28(2), 44"))
def transfer_whose_unclear(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A transfer by a recipient established in the EU/EEA must say whose transfer it is.

    A recipient established in the EU/EEA is not itself in the third country. Its data go
    there either to the processors it engages (`sub_processors: true`) or, when it is a
    controller, by its own transfer under its own responsibility (`onward: true`, e.g. Google
    Ireland Limited to Google LLC). Without either, the notice would place an Irish company in
    the United States and present the recipient's transfer as yours.

    [fi]
    EU:hun tai ETA-alueelle sijoittautuneen vastaanottajan siirrosta on kerrottava, kenen siirto
    se on.

    EU:hun tai ETA-alueelle sijoittautunut vastaanottaja ei itse ole kolmannessa maassa. Tiedot
    päätyvät sinne joko sen käyttämille henkilötietojen käsittelijöille (`sub_processors: true`)
    tai, kun vastaanottaja on rekisterinpitäjä, sen omana siirtona sen omalla vastuulla
    (`onward: true`, esimerkiksi Google Ireland Limitediltä Google LLC:lle). Ilman kumpaakaan
    seloste sijoittaisi irlantilaisen yhtiön Yhdysvaltoihin ja esittäisi vastaanottajan siirron
    sinun siirtonasi.

    [sv]
    Det ska framgå vems överföringen är när en mottagare som är etablerad i EU/EES överför
    uppgifter.

    En mottagare som är etablerad i EU/EES finns inte själv i tredjelandet. Uppgifterna når dit
    antingen hos de personuppgiftsbiträden som mottagaren anlitar (`sub_processors: true`) eller,
    när mottagaren är personuppgiftsansvarig, genom dess egen överföring på dess eget ansvar
    (`onward: true`, till exempel från Google Ireland Limited till Google LLC). Utan någondera
    skulle beskrivningen placera ett irländskt bolag i USA och framställa mottagarens överföring
    som din.

    [fail]
    recipients:
      - id: ads
        name: Ads Ireland Ltd
        role: independent_controller
        country: IE
        transfers:
          - countries: [US]
            mechanism: standard_clauses
            link: https://ads.example.com/terms
    [pass]
    recipients:
      - id: ads
        name: Ads Ireland Ltd
        role: independent_controller
        country: IE
        transfers:
          - countries: [US]
            onward: true
            mechanism: standard_clauses
            link: https://ads.example.com/terms
    """
    for loc, rec, transfer in transfers_outside_eea(resolved):
        if (rec.country is None or outside_eea(rec.country) or transfer.sub_processors
                or transfer.onward):
            continue
        countries = [c for c in transfer.countries if outside_eea(c)]
        if countries:
            yield loc, {"recipient": recipient_name(resolved, rec.id),
                        "country": vocab_label("countries", rec.country),
                        "countries": join([vocab_label("countries", c) for c in countries])}


@rule("NG311", "onward-transfer-by-processor", groups=("transfers", "recipients"), severity=E,
      message=N_("{recipient} is not a controller, so its transfer to {countries} cannot be its own "
                 "(`onward: true`)"),
      hint=N_("A processor transfers data on your instructions: write `sub_processors: true` when the data "
              "reach processors that {recipient} engages; if {recipient} really decides on the transfer "
              "itself, give it `role: independent_controller` or `joint_controller`."),
      source=N_("GDPR Art. 4(7), 4(8), 28(2), 28(10)"))
def onward_transfer_by_processor(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Only a controller transfers data under its own responsibility.

    `onward: true` says that the recipient transfers the data as a controller; for a processor
    (or one with no role) the notice would say something untrue, and a transfer cannot be
    both the recipient's own and its sub-processors'.

    [fi]
    Vain rekisterinpitäjä siirtää tietoja omalla vastuullaan.

    `onward: true` kertoo, että vastaanottaja siirtää tiedot rekisterinpitäjänä; henkilötietojen
    käsittelijän (tai vastaanottajan, jonka roolia ei ole kerrottu) kohdalla seloste sanoisi
    jotain, mikä ei pidä paikkaansa, eikä siirto voi olla sekä vastaanottajan oma että sen
    alihankkijoiden.

    [sv]
    Endast en personuppgiftsansvarig överför uppgifter på eget ansvar.

    `onward: true` säger att mottagaren överför uppgifterna i egenskap av personuppgiftsansvarig;
    för ett personuppgiftsbiträde (eller en mottagare vars roll inte anges) skulle beskrivningen
    säga något som inte stämmer, och en överföring kan inte vara både mottagarens egen och dess
    underbiträdens.

    [fail]
    recipients:
      - id: crm
        name: CRM Ireland Ltd
        role: processor
        country: IE
        transfers:
          - countries: [US]
            onward: true
            mechanism: standard_clauses
            link: https://crm.example.com/dpa
    [pass]
    recipients:
      - id: crm
        name: CRM Ireland Ltd
        role: processor
        country: IE
        transfers:
          - countries: [US]
            sub_processors: true
            mechanism: standard_clauses
            link: https://crm.example.com/dpa
    """
    for entry in resolved.transfers:
        rec, transfer = entry.recipient, entry.transfer
        if transfer.onward and (rec.role not in _CONTROLLERS or transfer.sub_processors):
            yield (*entry.loc, "onward"), {
                "recipient": recipient_name(resolved, rec.id),
                "countries": join([vocab_label("countries", c) for c in transfer.countries])
                if transfer.countries else _UNKNOWN}
