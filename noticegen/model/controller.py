"""The controller (rekisterinpitäjä) and its contacts: Art. 13(1)(a)-(b), 14(1)(a)-(b), 27."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from noticegen.diagnostics import shown
from noticegen.l10n import spoken, tr
from noticegen.model.types import Base, Country, Email, Localized, Name, Text, Url, _strict_text

_Y_TUNNUS_SHAPE = re.compile(r"^\d{6,7}-\d$", re.ASCII)
_Y_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def y_tunnus_check_digit(body: str) -> int | None:
    """The check digit of a Finnish business ID's seven digits, or None if none is possible."""
    remainder = sum(int(d) * w for d, w in zip(body.zfill(7), _Y_WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return None
    return 0 if remainder == 0 else 11 - remainder


def _check_business_id(value: Any) -> str:
    text = _strict_text(value).strip()
    if _Y_TUNNUS_SHAPE.match(text):
        body, digit = text.split("-")
        expected = y_tunnus_check_digit(body)
        if expected is None:
            raise PydanticCustomError(
                "business_id", tr(spoken(), "'{value}' is not a valid Y-tunnus: no check digit "
                                  "fits {body}"),
                {"value": shown(text), "body": body},
            )
        if int(digit) != expected:
            raise PydanticCustomError(
                "business_id",
                tr(spoken(), "the Y-tunnus '{value}' has a wrong check digit: {body}-{digit} "
                   "would be valid. Copy it from the Trade Register (ytj.fi)"),
                {"value": shown(text), "body": body.zfill(7), "digit": expected},
            )
        return f"{body.zfill(7)}-{digit}"
    if re.match(r"^\d{7}\d$", text) or re.match(r"^\d{5,7}[-–]?\d?$", text):
        raise PydanticCustomError(
            "business_id",
            tr(spoken(), "'{value}' looks like a Y-tunnus but is not written as 1234567-1"),
            {"value": shown(text)},
        )
    return text


BusinessId = Annotated[
    str,
    PlainValidator(_check_business_id),
    WithJsonSchema({"type": "string", "examples": ["2345678-0", "SE556703748501"]}),
]
"""A business ID. A Finnish Y-tunnus (1234567-1) is checked with its check digit; other countries'
IDs (VAT or registry numbers) are accepted as written."""


class Address(Base):
    """A postal address."""

    street: Name
    """Street address or PO box, e.g. `Hämeentie 16 D 79` or `PL 800`; where the street has an
    official name in each language (bilingual municipalities), one per language:
    `{fi: Hämeentie 16 D 79, sv: Tavastvägen 16 D 79, en: Hämeentie 16 D 79}`."""
    postal_code: Text
    """Postal code, quoted so that YAML keeps leading zeros: `"00530"`."""
    city: Name
    """Post office or city, e.g. `Helsinki`, or one per language:
    `{fi: Helsinki, sv: Helsingfors, en: Helsinki}`."""
    country: Country = "FI"
    """ISO 3166-1 alpha-2 country code; defaults to FI."""


class Contact(Base):
    """A person or team to contact about personal data (Art. 13(1)(a))."""

    name: Text | None = None
    """The person's or team's name, e.g. `Maija Meikäläinen` or `Customer service`."""
    title: Localized | None = None
    """Their role, e.g. `{fi: Asiakaspalvelupäällikkö, en: Customer Service Manager}`."""
    email: Email | None = None
    """E-mail address."""
    phone: Text | None = None
    """Phone number, written as it should appear, e.g. `+358 40 123 4567`."""
    address: Address | None = None
    """Postal address, when it differs from the controller's."""


class DataProtectionOfficer(Base):
    """The data protection officer (tietosuojavastaava), Art. 37-39 and 13(1)(b)."""

    designated: bool
    """Whether a DPO has been formally designated under Art. 37. Only a designated DPO is
    called a data protection officer in the notice; otherwise name a contact person instead."""
    name: Text | None = None
    """The DPO's name (or the service that acts as DPO)."""
    email: Email | None = None
    """The DPO's e-mail address."""
    phone: Text | None = None
    """The DPO's phone number."""
    address: Address | None = None
    """The DPO's postal address, when it differs from the controller's."""


class Representative(Base):
    """The controller's representative in the EU (Art. 27), for controllers established outside it."""

    name: Text
    """Legal name of the representative."""
    address: Address
    """Postal address of the representative, in the EU."""
    email: Email | None = None
    """E-mail address."""
    phone: Text | None = None
    """Phone number."""


class Controller(Base):
    """The controller (rekisterinpitäjä): who decides why and how personal data are processed."""

    name: Text
    """Legal name, as in the Trade Register, e.g. `QualityDesk Oy`."""
    business_id: BusinessId | None = None
    """Business ID: a Finnish Y-tunnus such as `"1234567-1"` (checked) or another country's ID."""
    address: Address
    """Postal address."""
    email: Email | None = None
    """E-mail address for privacy matters; also where data subjects exercise their rights."""
    phone: Text | None = None
    """Phone number."""
    website: Url | None = None
    """The controller's web site."""
    contact: Contact | None = None
    """A contact person for matters concerning personal data (not the DPO)."""
    dpo: DataProtectionOfficer | None = None
    """The data protection officer, if one is designated."""
    representative: Representative | None = None
    """Representative in the EU (Art. 27), when the controller is established outside the EU."""
