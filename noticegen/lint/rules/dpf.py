"""Transfers to the United States under the EU-U.S. Data Privacy Framework."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from noticegen import catalog
from noticegen.diagnostics import Severity
from noticegen.l10n import N_, Translated
from noticegen.lint.registry import Finding, rule
from noticegen.lint.rules.transfers import transfers_outside_eea
from noticegen.model import Recipient, Transfer
from noticegen.resolve import ResolvedNotice

W = Severity.WARNING


def _dpf_checked(rec: Recipient, transfer: Transfer) -> dt.date | None:
    """When the DPF certification was checked: on the transfer, else the catalogue entry's date."""
    if transfer.checked is not None or rec.service is None:
        return transfer.checked
    checked = catalog.service(rec.service).get("checked")
    if isinstance(checked, dt.date):
        return checked
    return dt.date.fromisoformat(checked) if isinstance(checked, str) else None


@rule("NG303", "dpf-not-checked", groups=("transfers",), severity=W,
      message=N_("the transfer relies on the EU-U.S. Data Privacy Framework, but the date the "
                 "certification was checked is not recorded"),
      hint=N_("Look the company up on the Data Privacy Framework List (dataprivacyframework.gov) and "
              "record the date, e.g. `checked: 2026-12-01`."),
      source=N_("GDPR Art. 45; Commission Implementing Decision (EU) 2023/1795"))
def dpf_not_checked(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A transfer under the Data Privacy Framework needs the date the certification was checked.

    The DPF covers only US companies on the DPF List, and certifications lapse; record when
    you last saw the recipient on the list. Catalogue services count as checked on the
    catalogue entry's date.

    [fi]
    Tietosuojakehykseen perustuvalle siirrolle on merkittävä sertifioinnin tarkistuspäivä.

    Tietosuojakehys koskee vain DPF-luettelossa olevia yhdysvaltalaisia yrityksiä, ja
    sertifioinnit voivat raueta; merkitse, milloin viimeksi näit vastaanottajan luettelossa.
    Luettelon palveluiden tarkistuspäiväksi katsotaan luettelomerkinnän päivämäärä.

    [sv]
    För en överföring enligt ramverket för dataskydd mellan EU och USA ska det anges när
    certifieringen kontrollerades.

    Ramverket gäller endast amerikanska företag som finns i förteckningen Data Privacy Framework
    List, och certifieringar kan upphöra att gälla; anteckna när ni senast såg mottagaren i
    förteckningen. För tjänster i katalogen räknas datumet för katalogposten som kontrolldatum.

    [fail]
    transfers:
      - countries: [US]
        mechanism: eu_us_dpf
    [pass]
    transfers:
      - countries: [US]
        mechanism: eu_us_dpf
        checked: 2026-11-20
    """
    for loc, rec, transfer in transfers_outside_eea(resolved):
        if transfer.mechanism == "eu_us_dpf" and _dpf_checked(rec, transfer) is None:
            yield (*loc, "mechanism"), {}


def _date(day: dt.date) -> Translated:
    # TRANSLATORS: a date in a message (2026-12-01); {day:02} and {month:02} with leading zeros.
    return Translated(N_("{year}-{month:02}-{day:02}"), day=day.day, month=day.month, year=day.year)


@rule("NG305", "dpf-check-outdated", groups=("transfers",), severity=W,
      message=N_("the Data Privacy Framework certification was last checked on {checked}, more than a "
                 "year before the notice takes effect ({effective})"),
      hint=N_("Check the Data Privacy Framework List again and update `checked:`."),
      source=N_("Commission Implementing Decision (EU) 2023/1795 (annual re-certification)"))
def dpf_check_outdated(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A DPF certification checked more than a year before the notice may have lapsed.

    Companies re-certify every year; one that did not is no longer covered.

    [fi]
    Yli vuotta ennen selosteen voimaantuloa tarkistettu DPF-sertifiointi on voinut raueta.

    Yritysten on uusittava sertifiointinsa vuosittain; jos uusiminen jää tekemättä, siirtoja
    ei enää voi perustaa tietosuojakehykseen.

    [sv]
    En certifiering enligt ramverket för dataskydd mellan EU och USA som kontrollerades mer än
    ett år före beskrivningens ikraftträdande kan ha upphört att gälla.

    Företagen ska förnya sin certifiering varje år; om förnyelsen uteblir, kan överföringar inte
    längre grunda sig på ramverket.

    [fail]
    notice: {effective: 2026-12-01}
    transfers:
      - {countries: [US], mechanism: eu_us_dpf, checked: 2024-06-01}
    [pass]
    notice: {effective: 2026-12-01}
    transfers:
      - {countries: [US], mechanism: eu_us_dpf, checked: 2026-11-20}
    """
    effective = resolved.notice.notice.effective
    for loc, rec, transfer in transfers_outside_eea(resolved):
        checked = _dpf_checked(rec, transfer) if transfer.mechanism == "eu_us_dpf" else None
        if checked is not None and (effective - checked).days > 366:
            where = (*loc, "checked") if transfer.checked else (*loc, "mechanism")
            yield where, {"checked": _date(checked), "effective": _date(effective)}
