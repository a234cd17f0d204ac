"""The starter's building blocks as data: registers, purposes and texts for each interview answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from noticegen.l10n import N_, tr


@dataclass(frozen=True)
class Tx:
    """A text init writes, in any message language: free text of the notice, a comment in the
    file, a question. Written here in English (the message id, marked ``N_``); the other
    languages are in the message catalogues (noticegen/locale/), one place per language."""

    en: str
    todo: bool = False
    """A placeholder for the owner to replace: written after the marker TODO:, which stays
    the same in every language (`check` finds it, NG704)."""

    def __call__(self, lang: str) -> str:
        text = tr(lang, self.en)
        return f"{TODO} {text}" if self.todo else text


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


CHECK_RETENTION = Tx(N_("Check that this retention period matches your business's practice, "
                        "then delete this text."), todo=True)


def confirm_retention(period: str, after: str | None = None) -> dict[str, Any]:
    """A retention the owner must confirm: the usual period, and a marked note to remove."""
    retention: dict[str, Any] = {"period": period}
    if after:
        retention["after"] = after
    retention["criteria"] = CHECK_RETENTION
    return retention


CONSENT_WITHDRAWAL_COOKIES = Tx(N_("You can withdraw your consent at any time from the Cookie settings "
                                   "link at the bottom of every page."))

REGISTERS: dict[str, RegisterPart] = {
    r.id: r for r in (
        RegisterPart(
            "customers", Tx(N_("Customer register")), ("data_subject",),
            Tx(N_("Data about customers and people who contact you.")),
            recipients=("authorities",),
        ),
        RegisterPart(
            "website-visitors", Tx(N_("Website visitors")),
            ("service_usage",),
            Tx(N_("Data about website visitors collected with cookies.")),
        ),
        RegisterPart(
            "newsletter-subscribers", Tx(N_("Newsletter subscribers")),
            ("data_subject",),
            Tx(N_("Data about newsletter subscribers.")),
        ),
        RegisterPart(
            "job-applicants", Tx(N_("Job applicants")), ("data_subject",),
            Tx(N_("Data about job applicants. Applications are not disclosed to anyone.")),
        ),
    )
}

PURPOSES: tuple[PurposePart, ...] = (
    PurposePart(
        "always", "customers", ("customers", "prospective_customers"),
        ("name", "email_address", "phone_number", "correspondence", "customer_history"),
        {
            "id": "customer-relationship",
            "description": Tx(N_("Managing customer relationships and answering requests for quotes and "
                                 "questions about contracts")),
            "legal_basis": ["contract"],
        },
        extra={
            "retention": confirm_retention("P2Y", "end_of_customer_relationship"),
            "requirement": {
                "type": "contract_prerequisite",
                "consequence": Tx(N_("Without your contact details we cannot answer your request or "
                                     "enter into a contract with you.")),
            },
        },
    ),
    PurposePart(
        "shop", "customers", ("customers",),
        ("name", "postal_address", "email_address", "phone_number", "customer_history",
         "payment_billing"),
        {
            "id": "orders",
            "description": Tx(N_("Processing online shop orders and payments, delivering orders, and "
                                 "handling returns and complaints")),
            "legal_basis": ["contract"],
        },
        kinds=("payments",),
        services=("shopify", "woocommerce", "paytrail", "stripe", "klarna"),
        service_question=Tx(N_("Which of these services does the online shop use (platform and payments)?")),
        comment=Tx(N_("Also add the delivery companies that receive delivery addresses as recipients.")),
        extra={
            "retention": confirm_retention("P3Y", "end_of_contract"),
            "requirement": {
                "type": "contract_prerequisite",
                "consequence": Tx(N_("Without these data we cannot deliver your order.")),
            },
        },
    ),
    PurposePart(
        "always", "customers", ("customers",),
        ("name", "customer_history", "payment_billing"),
        {
            "id": "bookkeeping",
            "description": Tx(N_("Invoicing and bookkeeping")),
            "legal_basis": ["legal_obligation"],
            "law": Tx(N_("Accounting Act (1336/1997)")),
        },
        comment=Tx(N_("The Accounting Act (chapter 2, section 10) requires vouchers to be kept for at "
                      "least six years from the end of the year in which the financial period ended, "
                      "and the books of account for at least ten years from the end of the financial "
                      "period.")),
        extra={
            # Two clocks for one purpose: the customer's name is in the vouchers and in the books.
            "retention": {"criteria": Tx(N_(
                "We keep invoices and other vouchers for 6 years after the end of the year in which "
                "the financial period ended, and the books of account for 10 years after the end of "
                "the financial period (Accounting Act, chapter 2, section 10)."))},
            "requirement": {
                "type": "statutory",
                "consequence": Tx(N_("Without these data we cannot invoice you, and so we cannot deliver "
                                     "the service or product you ordered.")),
            },
        },
    ),
    PurposePart(
        "analytics", "website-visitors", ("website_visitors",),
        ("online_identifiers", "device_data", "usage_log_data"),
        {
            "id": "analytics",
            "description": Tx(N_("Measuring the use of our website and improving it")),
            "legal_basis": ["consent"],
            "withdrawal": CONSENT_WITHDRAWAL_COOKIES,
        },
        kinds=("analytics",),
        services=("google-analytics-4", "hotjar", "matomo-cloud", "microsoft-clarity"),
        cookie_category="statistics",
        service_question=Tx(N_("Which of these analytics services does the website use?")),
        extra={"retention": confirm_retention("P14M")},
    ),
    PurposePart(
        "marketing", "website-visitors", ("website_visitors",),
        ("online_identifiers", "device_data", "usage_log_data"),
        {
            "id": "advertising",
            "description": Tx(N_("Targeting our advertising and measuring its results")),
            "legal_basis": ["consent"],
            "withdrawal": CONSENT_WITHDRAWAL_COOKIES,
        },
        kinds=("marketing",),
        services=("meta-pixel", "google-ads", "linkedin-insight-tag"),
        cookie_category="marketing",
        service_question=Tx(N_("Which of these marketing services does the website use?")),
        extra={"retention": confirm_retention("P1Y")},
    ),
    PurposePart(
        "newsletter", "newsletter-subscribers", ("newsletter_subscribers",),
        ("email_address", "name", "marketing_permissions"),
        {
            "id": "newsletter",
            "description": Tx(N_("Sending our newsletter to subscribers")),
            "legal_basis": ["consent"],
            "direct_marketing": True,
            "withdrawal": Tx(N_("You can withdraw your consent and unsubscribe at any time with the link "
                                "at the end of every newsletter.")),
        },
        kinds=("email_crm", "newsletter"),
        services=("mailchimp", "mailerlite", "brevo"),
        service_question=Tx(N_("Which of these services sends the newsletter?")),
        extra={
            "retention": confirm_retention("P1M", "consent_withdrawal"),
            "requirement": {
                "type": "voluntary",
                "consequence": Tx(N_("Subscribing is voluntary. Without your e-mail address we cannot "
                                     "send you the newsletter.")),
            },
        },
    ),
    PurposePart(
        "jobs", "job-applicants", ("job_applicants",),
        ("name", "email_address", "phone_number", "job_application"),
        {
            "id": "recruitment",
            "description": Tx(N_("Processing job applications and selecting employees")),
            "legal_basis": ["contract"],
        },
        extra={
            "retention": confirm_retention("P2Y", "end_of_recruitment"),
            "requirement": {
                "type": "contract_prerequisite",
                "consequence": Tx(N_("Without the data in your application we cannot consider it.")),
            },
        },
    ),
)

AUTHORITIES: dict[str, Any] = {
    "id": "authorities",
    "name": Tx(N_("Public authorities")),
    "role": "authority",
    "country": "FI",
    "description": Tx(N_("Data are disclosed to public authorities only when the law obliges us to do so.")),
}

PLACEHOLDER_COOKIE: dict[str, Any] = {
    "name": Tx(N_("cookie name"), todo=True),
    "party": "third",
    "duration": "P1Y",
    "purpose": Tx(N_("what the cookie is used for and how long it is kept"), todo=True),
}

# Only where the choices are changed: the notice itself already says that consent is asked for
# all but strictly necessary cookies (strings.yaml cookies_consent_asked).
COOKIE_CHANGE = Tx(N_("You can change your choices or withdraw your consent at any time from the Cookie "
                      "settings link at the bottom of every page."))

FIRST_VERSION = Tx(N_("First version."))

# Text fields the owner left empty get a marker in the interview's language.
PLACEHOLDERS: dict[str, Tx] = {
    "name": Tx(N_("the company's legal name"), todo=True),
    "street": Tx(N_("street address"), todo=True),
    "postal_code": Tx(N_("postal code"), todo=True),
    "city": Tx(N_("city"), todo=True),
}
PLACEHOLDER_EMAIL = "tietosuoja@example.com"


def placeholder_texts() -> tuple[Tx, ...]:
    """Every placeholder text init writes: the lint rule NG704 finds any remnant of them."""
    return (CHECK_RETENTION, PLACEHOLDER_COOKIE["name"], PLACEHOLDER_COOKIE["purpose"],
            *PLACEHOLDERS.values())
