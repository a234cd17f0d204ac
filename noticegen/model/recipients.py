"""Processors and other recipients, and transfers outside the EU/EEA: Art. 13(1)(e)-(f), 44-49."""

from __future__ import annotations

from pydantic import Field

from noticegen.model.controller import Address
from noticegen.model.types import Base, Country, Date, Id, Localized, Name, Text, Url, VocabRef


class Transfer(Base):
    """Personal data going to countries outside the EU/EEA, and the safeguard that allows it."""

    countries: list[Country] = Field(default=[], min_length=1)
    """Where the data go, as ISO country codes, e.g. `[US]`. Leave it out when an old notice says
    only that data may go outside the EU/EEA: `check` then reports that the countries must be
    found out."""
    sub_processors: bool = False
    """`true` when the data reach these countries not at the recipient itself but at the
    processors it engages (its sub-processors, e.g. hosting or support providers), as for an
    EU company whose US sub-processors see the data. The notice then names them as the
    recipient's sub-processors, not the recipient, as being in these countries."""
    onward: bool = False
    """`true` when the recipient is itself a controller (`independent_controller` or
    `joint_controller`) established in the EU/EEA and transfers the data to these countries
    under its own responsibility, e.g. to its US parent company: the transfer is the
    recipient's, not yours. The notice then says that the recipient transfers the data there as
    a controller, with its mechanism, instead of placing the recipient in these countries."""
    mechanism: VocabRef("transfer_mechanisms") | None = None  # type: ignore[valid-type]
    """The legal ground of the transfer (Art. 45-49): `adequacy_decision`, `eu_us_dpf`,
    `standard_clauses`, `binding_corporate_rules` or an Art. 49 derogation."""
    link: Url | None = None
    """Where the safeguard can be read or a copy obtained (required for clauses and BCRs),
    e.g. the recipient's DPA or the Data Privacy Framework list entry."""
    checked: Date | None = None
    """When the recipient's Data Privacy Framework certification was last checked."""
    description: Localized | None = None
    """Anything more the data subject should know about the transfer."""


class Recipient(Base):
    """Someone who receives personal data: a processor, another controller or an authority."""

    id: Id
    """Short id used to refer to this recipient from purposes, registers and cookies."""
    service: Id | None = None
    """A known service from the built-in catalogue (`noticegen catalog list`); its facts are
    filled in and any field given here overrides them."""
    cookies: list[Text] | None = None
    """With `service:`: the names of the service's catalogue cookies your site sets (`[]`:
    none). Leave out for the service's default set."""
    name: Name | None = None
    """Legal name (`Hotjar Ltd`), or a category of recipients (`{fi: Viranomaiset, en: Authorities}`)."""
    role: VocabRef("roles") | None = None  # type: ignore[valid-type]
    """`processor` (acts on our behalf), `independent_controller`, `joint_controller`,
    `authority`, `sub_processor`."""
    country: Country | None = None
    """Where the recipient is established (ISO code)."""
    address: Address | None = None
    """The recipient's postal address."""
    description: Localized | None = None
    """What the recipient does with the data, e.g. `{fi: Verkkosivuston kävijäanalytiikka,
    en: Website visitor analytics}`."""
    sector: Localized | None = None
    """For a category of recipients: their type and sector (WP260)."""
    transfers: list[Transfer] = []
    """Transfers outside the EU/EEA of the data this recipient receives: to the recipient
    itself, with `sub_processors: true` to the processors it engages, or with `onward: true`
    the recipient's own onward transfer as a controller."""
    arrangement: Localized | None = None
    """With `role: joint_controller`: the essence of the arrangement between the joint
    controllers (Art. 26(2)): who is responsible for what, in particular for informing people
    and for answering requests about their rights."""
    arrangement_url: Url | None = None
    """Where the arrangement, or its essence, can be read (e.g. the provider's controller
    addendum)."""
    privacy_policy: Url | None = None
    """Link to the recipient's own privacy policy."""
    dpa: Url | None = None
    """Link to the data processing agreement or terms."""
    lint: ElementLint | None = None
    """Lint rules switched off for this recipient only."""


class Disable(Base):
    """A lint rule switched off, with the reason (kept for reviewers)."""

    rule: Text
    """The rule's code or name, e.g. `NG301` or `style-hedging`."""
    reason: Text
    """Why the rule does not apply here."""


class ElementLint(Base):
    """Lint settings for one element."""

    disable: list[Disable] = []
    """Rules that do not apply to this element."""


Recipient.model_rebuild()
