"""Registers (processing activities, rekisterit) and their purposes: Art. 6, 9, 13, 14, 22."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, Tag

from noticegen.model.recipients import ElementLint
from noticegen.model.types import Base, Duration, Id, Localized, VocabRef


class CustomTerm(Base):
    """A data category, data subject group or source that is not in the built-in vocabulary."""

    label: Localized
    """The term in every language, e.g. `{fi: Ajoneuvon rekisterinumero, en: Vehicle registration number}`."""
    special: bool = False
    """For data categories: whether this is a special category of personal data (Art. 9(1))."""
    public: bool = False
    """For sources: whether the source is publicly accessible (Art. 14(2)(f))."""
    description: Localized | None = None
    """More detail shown after the label."""


def _term_tag(value: Any) -> str:
    # not `str`: a number must say "expected text", not "expected a mapping"
    return "custom" if isinstance(value, dict | CustomTerm) else "id"


def Term(vocabulary: str) -> Any:
    """A built-in vocabulary id (labels come from noticegen) or a custom term with labels."""
    return Annotated[
        Annotated[VocabRef(vocabulary), Tag("id")] | Annotated[CustomTerm, Tag("custom")],
        Discriminator(_term_tag),
    ]


class Retention(Base):
    """How long data are kept (Art. 13(2)(a)): a period, a period after an event, or criteria."""

    period: Duration | None = None
    """ISO 8601 duration, e.g. `P2Y` (2 years), `P6M` (6 months)."""
    after: VocabRef("retention_events") | None = None  # type: ignore[valid-type]
    """The event the period runs from, e.g. `end_of_customer_relationship`. Without `period`,
    the data are kept until the event itself (`{after: consent_withdrawal}`: until consent is
    withdrawn); only events that can end a retention allow that."""
    criteria: Localized | None = None
    """When no fixed period is possible: the criteria that decide how long data are kept."""


class RetentionRule(Retention):
    """Retention for particular data categories of a register."""

    data_categories: list[Term("data_categories")]  # type: ignore[valid-type]
    """The data categories this retention applies to."""


class Requirement(Base):
    """Whether the data subject must provide the data (Art. 13(2)(e))."""

    type: VocabRef("requirement_types")  # type: ignore[valid-type]
    """`statutory`, `contractual`, `contract_prerequisite` or `voluntary`."""
    consequence: Localized | None = None
    """What happens if the data are not provided, e.g. `{fi: Emme voi toimittaa tilausta.,
    en: We cannot deliver the order.}`."""


class Purpose(Base):
    """One purpose of processing with its legal basis (Art. 13(1)(c)-(d))."""

    id: Id
    """Short id, unique in the notice."""
    description: Localized
    """What the data are used for, e.g. `{fi: Asiakassuhteen hoitaminen, en: Managing the
    customer relationship}`."""
    legal_basis: list[VocabRef("legal_bases")] = []  # type: ignore[valid-type]
    """Art. 6(1) bases: `consent`, `contract`, `legal_obligation`, `vital_interests`,
    `public_task`, `legitimate_interests`."""
    legitimate_interest: Localized | None = None
    """The legitimate interest pursued, required with `legitimate_interests` (Art. 13(1)(d))."""
    law: Localized | None = None
    """The law that sets the obligation, with `legal_obligation` (e.g. Kirjanpitolaki 1336/1997)."""
    direct_marketing: bool = False
    """Whether this purpose is direct marketing (the data subject may always object, Art. 21(2))."""
    data_categories: list[Term("data_categories")] = []  # type: ignore[valid-type]
    """The data categories used for this purpose (default: all of the register's)."""
    data_subjects: list[Term("data_subjects")] = []  # type: ignore[valid-type]
    """Whose data are used for this purpose (default: all of the register's), e.g.
    `[customers]` for e-mail marketing to existing customers only."""
    sources: list[Term("sources")] = []  # type: ignore[valid-type]
    """Where this purpose's data come from (default: all of the register's sources)."""
    automated_means: bool = True
    """Whether the data are processed by automated means (in IT systems, not on paper only):
    with consent or a contract, the right to data portability then applies (Art. 20(1))."""
    retention: Retention | None = None
    """How long data are kept for this purpose."""
    requirement: Requirement | None = None
    """Whether providing the data is a statutory or contractual requirement."""
    withdrawal: Localized | None = None
    """How consent is withdrawn, with `consent` (Art. 7(3)), e.g. the unsubscribe link."""
    recipients: list[Id] = []
    """Ids of the recipients that receive data for this purpose."""
    lint: ElementLint | None = None
    """Lint rules switched off for this purpose only."""


class SpecialCategory(Base):
    """Special categories of personal data (Art. 9(1)) and the Art. 9(2) condition that allows them."""

    category: Term("data_categories")  # type: ignore[valid-type]
    """A special category, e.g. `health_data`, or a custom one with `special: true`."""
    condition: VocabRef("special_conditions")  # type: ignore[valid-type]
    """The Art. 9(2) condition, e.g. `explicit_consent`."""
    description: Localized | None = None
    """More detail, e.g. the national law relied on (Tietosuojalaki 6 §)."""


class AutomatedDecision(Base):
    """Automated decision-making or profiling (Art. 22, 13(2)(f))."""

    description: Localized
    """What is decided or profiled, e.g. credit approval."""
    solely_automated: bool = True
    """Whether the decision is made without human involvement and has legal or similarly
    significant effects (Art. 22(1)): the data subject then has extra rights."""
    profiling: bool = False
    """Whether the processing is profiling (Art. 4(4))."""
    logic: Localized | None = None
    """Meaningful information about the logic involved."""
    significance: Localized | None = None
    """The significance and the envisaged consequences for the data subject."""


class Register(Base):
    """A register (processing activity, rekisteri): one set of data used for related purposes."""

    id: Id
    """Short id, unique in the notice; also the anchor of its section."""
    name: Localized
    """The register's name, e.g. `{fi: Asiakasrekisteri, en: Customer register}`."""
    description: Localized | None = None
    """An optional introduction to this register."""
    data_subjects: list[Term("data_subjects")] = []  # type: ignore[valid-type]
    """Whose data: `customers`, `website_visitors`… or custom groups."""
    data_categories: list[Term("data_categories")] = []  # type: ignore[valid-type]
    """Which data: `name`, `email_address`… or custom categories."""
    special_categories: list[SpecialCategory] = []
    """Special categories of personal data (Art. 9) with their conditions."""
    sources: list[Term("sources")] = []  # type: ignore[valid-type]
    """Where the data come from: `data_subject`, `trade_register`… or custom sources."""
    purposes: list[Purpose] = []
    """The purposes of processing, each with its legal basis."""
    recipients: list[Id] = []
    """Ids of recipients that receive data from this register (in addition to per purpose)."""
    retention: list[RetentionRule] = []
    """Retention per data category (when not given per purpose)."""
    automated_decisions: list[AutomatedDecision] = []
    """Automated decision-making or profiling, if any."""
    security: Localized | None = None
    """How the data in this register are protected (optional)."""
    lint: ElementLint | None = None
    """Lint rules switched off for this register only."""
