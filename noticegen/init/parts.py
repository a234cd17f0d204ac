"""The starter's building blocks as data: registers, purposes and texts for each interview answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Tx:
    """Text in Finnish and English: free text of the notice, or a comment in the file."""

    fi: str
    en: str

    def __call__(self, lang: str) -> str:
        return str(getattr(self, lang))


TODO = "TODO:"
"""The marker of a spot the owner must still decide; a lint rule reports every one left."""

CHOICES = ("analytics", "marketing", "newsletter", "shop", "jobs")
"""The yes/no questions of the interview, in the order asked; each adds purposes below."""


@dataclass(frozen=True)
class RegisterPart:
    """A register that appears when one of its purposes does."""

    id: str
    name: Tx
    sources: tuple[str, ...]
    comment: Tx
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class PurposePart:
    """A purpose and what comes with it. ``when`` is a choice from CHOICES, or "always"."""

    when: str
    register: str
    data_subjects: tuple[str, ...]
    data_categories: tuple[str, ...]
    fields: dict[str, Any]
    """The purpose's keys after `id`, `description` and before `data_categories`; Tx for text."""
    kinds: tuple[str, ...] = ()
    """Catalogue services of these kinds are offered for this purpose; chosen ones become its
    recipients and are listed under `uses:`."""
    services: tuple[str, ...] = ()
    """The most common of those services, offered first in this order."""
    cookie_category: str | None = None
    """Cookies of this category are needed: a placeholder is written when no chosen service
    brings one."""
    service_question: Tx | None = None
    comment: Tx | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys after `data_categories` (retention, requirement, withdrawal)."""


CHECK_RETENTION = Tx(
    f"{TODO} Tarkista, että säilytysaika vastaa yrityksesi käytäntöä, ja poista sitten tämä "
    "teksti.",
    f"{TODO} Check that this retention period matches your business's practice, then delete "
    "this text.",
)


def confirm_retention(period: str, after: str | None = None) -> dict[str, Any]:
    """A retention the owner must confirm: the usual period, and a marked note to remove."""
    retention: dict[str, Any] = {"period": period}
    if after:
        retention["after"] = after
    retention["criteria"] = CHECK_RETENTION
    return retention


CONSENT_WITHDRAWAL_COOKIES = Tx(
    "Voit peruuttaa suostumuksesi milloin tahansa jokaisen sivun alalaidassa olevasta "
    "Evästeasetukset-linkistä.",
    "You can withdraw your consent at any time from the Cookie settings link at the bottom of "
    "every page.",
)

REGISTERS: dict[str, RegisterPart] = {
    r.id: r for r in (
        RegisterPart(
            "customers", Tx("Asiakasrekisteri", "Customer register"), ("data_subject",),
            Tx("Asiakkaiden ja yhteydenottajien tiedot.",
               "Data about customers and people who contact you."),
            recipients=("authorities",),
        ),
        RegisterPart(
            "website-visitors", Tx("Verkkosivuston kävijät", "Website visitors"),
            ("service_usage",),
            Tx("Evästeillä kerättävät tiedot sivuston kävijöistä.",
               "Data about website visitors collected with cookies."),
        ),
        RegisterPart(
            "newsletter-subscribers", Tx("Uutiskirjeen tilaajat", "Newsletter subscribers"),
            ("data_subject",),
            Tx("Uutiskirjeen tilaajien tiedot.", "Data about newsletter subscribers."),
        ),
        RegisterPart(
            "job-applicants", Tx("Työnhakijat", "Job applicants"), ("data_subject",),
            Tx("Työnhakijoiden tiedot. Työhakemuksia ei luovuteta kenellekään.",
               "Data about job applicants. Applications are not disclosed to anyone."),
        ),
    )
}

PURPOSES: tuple[PurposePart, ...] = (
    PurposePart(
        "always", "customers", ("customers", "prospective_customers"),
        ("name", "email_address", "phone_number", "correspondence", "customer_history"),
        {
            "id": "customer-relationship",
            "description": Tx(
                "Asiakassuhteen hoitaminen sekä tarjouspyyntöihin ja sopimuksia koskeviin "
                "kysymyksiin vastaaminen",
                "Managing customer relationships and answering requests for quotes and "
                "questions about contracts",
            ),
            "legal_basis": ["contract"],
        },
        extra={
            "retention": confirm_retention("P2Y", "end_of_customer_relationship"),
            "requirement": {
                "type": "contract_prerequisite",
                "consequence": Tx(
                    "Ilman yhteystietojasi emme voi vastata pyyntöösi emmekä tehdä sopimusta "
                    "kanssasi.",
                    "Without your contact details we cannot answer your request or enter into "
                    "a contract with you.",
                ),
            },
        },
    ),
    PurposePart(
        "shop", "customers", ("customers",),
        ("name", "postal_address", "email_address", "phone_number", "customer_history",
         "payment_billing"),
        {
            "id": "orders",
            "description": Tx(
                "Verkkokaupan tilausten ja maksujen käsittely, tilausten toimittaminen sekä "
                "palautusten ja reklamaatioiden hoitaminen",
                "Processing online shop orders and payments, delivering orders, and handling "
                "returns and complaints",
            ),
            "legal_basis": ["contract"],
        },
        kinds=("payments",),
        services=("shopify", "woocommerce", "paytrail", "stripe", "klarna"),
        service_question=Tx(
            "Mitä näistä palveluista verkkokauppa käyttää (kauppa-alusta ja maksut)?",
            "Which of these services does the online shop use (platform and payments)?",
        ),
        comment=Tx(
            "Lisää vastaanottajiin myös kuljetusyhtiöt, joille toimitusosoitteet annetaan.",
            "Also add the delivery companies that receive delivery addresses as recipients.",
        ),
        extra={
            "retention": confirm_retention("P3Y", "end_of_contract"),
            "requirement": {
                "type": "contract_prerequisite",
                "consequence": Tx("Ilman näitä tietoja emme voi toimittaa tilaustasi.",
                                  "Without these data we cannot deliver your order."),
            },
        },
    ),
    PurposePart(
        "always", "customers", ("customers",),
        ("name", "customer_history", "payment_billing"),
        {
            "id": "bookkeeping",
            "description": Tx("Laskutus ja kirjanpito", "Invoicing and bookkeeping"),
            "legal_basis": ["legal_obligation"],
            "law": Tx("Kirjanpitolaki (1336/1997)", "Accounting Act (1336/1997)"),
        },
        comment=Tx(
            "Kirjanpitolain (2 luvun 10 §) mukaan tositteet säilytetään vähintään kuusi vuotta "
            "sen vuoden lopusta, jonka aikana tilikausi päättyi.",
            "The Accounting Act (chapter 2, section 10) requires vouchers to be kept for at "
            "least six years from the end of the year in which the financial period ended.",
        ),
        extra={
            "retention": {"period": "P6Y", "after": "end_of_year_of_financial_period"},
            "requirement": {
                "type": "statutory",
                "consequence": Tx(
                    "Ilman näitä tietoja emme voi laskuttaa sinua emmekä siksi toimittaa "
                    "tilaamaasi palvelua tai tuotetta.",
                    "Without these data we cannot invoice you, and so we cannot deliver the "
                    "service or product you ordered.",
                ),
            },
        },
    ),
    PurposePart(
        "analytics", "website-visitors", ("website_visitors",),
        ("online_identifiers", "device_data", "usage_log_data"),
        {
            "id": "analytics",
            "description": Tx(
                "Verkkosivuston käytön tilastointi ja sivuston kehittäminen",
                "Measuring the use of our website and improving it",
            ),
            "legal_basis": ["consent"],
            "withdrawal": CONSENT_WITHDRAWAL_COOKIES,
        },
        kinds=("analytics",),
        services=("google-analytics-4", "hotjar", "matomo-cloud", "microsoft-clarity"),
        cookie_category="statistics",
        service_question=Tx("Mitä näistä analytiikkapalveluista sivusto käyttää?",
                            "Which of these analytics services does the website use?"),
        extra={"retention": confirm_retention("P14M")},
    ),
    PurposePart(
        "marketing", "website-visitors", ("website_visitors",),
        ("online_identifiers", "device_data", "usage_log_data"),
        {
            "id": "advertising",
            "description": Tx(
                "Mainonnan kohdentaminen ja mainonnan tulosten mittaaminen",
                "Targeting our advertising and measuring its results",
            ),
            "legal_basis": ["consent"],
            "withdrawal": CONSENT_WITHDRAWAL_COOKIES,
        },
        kinds=("marketing",),
        services=("meta-pixel", "google-ads", "linkedin-insight-tag"),
        cookie_category="marketing",
        service_question=Tx("Mitä näistä markkinointipalveluista sivusto käyttää?",
                            "Which of these marketing services does the website use?"),
        extra={"retention": confirm_retention("P1Y")},
    ),
    PurposePart(
        "newsletter", "newsletter-subscribers", ("newsletter_subscribers",),
        ("email_address", "name", "marketing_permissions"),
        {
            "id": "newsletter",
            "description": Tx("Uutiskirjeen lähettäminen tilaajille",
                              "Sending our newsletter to subscribers"),
            "legal_basis": ["consent"],
            "direct_marketing": True,
            "withdrawal": Tx(
                "Voit peruuttaa suostumuksesi ja lopettaa tilauksen milloin tahansa jokaisen "
                "uutiskirjeen lopussa olevasta linkistä.",
                "You can withdraw your consent and unsubscribe at any time with the link at the "
                "end of every newsletter.",
            ),
        },
        kinds=("email_crm", "newsletter"),
        services=("mailchimp", "mailerlite", "brevo"),
        service_question=Tx("Millä näistä palveluista uutiskirje lähetetään?",
                            "Which of these services sends the newsletter?"),
        extra={
            "retention": confirm_retention("P1M", "consent_withdrawal"),
            "requirement": {
                "type": "voluntary",
                "consequence": Tx(
                    "Tilaus on vapaaehtoinen. Ilman sähköpostiosoitetta emme voi lähettää "
                    "sinulle uutiskirjettä.",
                    "Subscribing is voluntary. Without your e-mail address we cannot send you "
                    "the newsletter.",
                ),
            },
        },
    ),
    PurposePart(
        "jobs", "job-applicants", ("job_applicants",),
        ("name", "email_address", "phone_number", "job_application"),
        {
            "id": "recruitment",
            "description": Tx(
                "Työhakemusten käsittely ja työntekijöiden valinta",
                "Processing job applications and selecting employees",
            ),
            "legal_basis": ["contract"],
        },
        extra={
            "retention": confirm_retention("P2Y", "end_of_recruitment"),
            "requirement": {
                "type": "contract_prerequisite",
                "consequence": Tx("Ilman hakemuksen tietoja emme voi käsitellä hakemustasi.",
                                  "Without the data in your application we cannot consider it."),
            },
        },
    ),
)

AUTHORITIES: dict[str, Any] = {
    "id": "authorities",
    "name": Tx("Viranomaiset", "Public authorities"),
    "role": "authority",
    "country": "FI",
    "description": Tx(
        "Tietoja luovutetaan viranomaisille vain silloin, kun laki meitä siihen velvoittaa.",
        "Data are disclosed to public authorities only when the law obliges us to do so.",
    ),
}

PLACEHOLDER_COOKIE: dict[str, Any] = {
    "name": Tx(f"{TODO} evästeen nimi", f"{TODO} cookie name"),
    "party": "third",
    "duration": "P1Y",
    "purpose": Tx(f"{TODO} mihin evästettä käytetään ja kuinka kauan se säilyy",
                  f"{TODO} what the cookie is used for and how long it is kept"),
}

# Only where the choices are changed: the notice itself already says that consent is asked for
# all but strictly necessary cookies (strings.yaml cookies_consent_asked).
COOKIE_CHANGE = Tx(
    "Voit muuttaa valintojasi tai peruuttaa suostumuksesi milloin tahansa jokaisen sivun "
    "alalaidassa olevasta Evästeasetukset-linkistä.",
    "You can change your choices or withdraw your consent at any time from the Cookie "
    "settings link at the bottom of every page.",
)

FIRST_VERSION = Tx("Ensimmäinen versio.", "First version.")

# Text fields the owner left empty get a marker in the interview's language.
PLACEHOLDERS: dict[str, Tx] = {
    "name": Tx(f"{TODO} yrityksen virallinen nimi", f"{TODO} the company's legal name"),
    "street": Tx(f"{TODO} katuosoite", f"{TODO} street address"),
    "postal_code": Tx(f"{TODO} postinumero", f"{TODO} postal code"),
    "city": Tx(f"{TODO} postitoimipaikka", f"{TODO} city"),
}
PLACEHOLDER_EMAIL = "tietosuoja@example.com"


def placeholder_texts() -> tuple[Tx, ...]:
    """Every placeholder text init writes: the lint rule NG704 finds any remnant of them."""
    return (CHECK_RETENTION, PLACEHOLDER_COOKIE["name"], PLACEHOLDER_COOKIE["purpose"],
            *PLACEHOLDERS.values())
