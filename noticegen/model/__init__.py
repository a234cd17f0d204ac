"""The notice model (Pydantic v2): field names equal the YAML keys."""

from noticegen.model.controller import (
    Address,
    Contact,
    Controller,
    DataProtectionOfficer,
    Representative,
)
from noticegen.model.notice import (
    Change,
    Cookie,
    CookieConsent,
    Notice,
    NoticeLint,
    NoticeMeta,
    Rights,
    ServiceUse,
    SupervisoryAuthority,
)
from noticegen.model.recipients import Disable, ElementLint, Recipient, Transfer
from noticegen.model.registers import (
    AutomatedDecision,
    CustomTerm,
    Purpose,
    Register,
    Requirement,
    Retention,
    RetentionRule,
    SpecialCategory,
)
from noticegen.model.types import text_in

__all__ = [
    "Address", "AutomatedDecision", "Change", "Contact", "Controller", "Cookie", "CookieConsent",
    "CustomTerm", "DataProtectionOfficer", "Disable", "ElementLint", "Notice", "NoticeLint",
    "NoticeMeta", "Purpose", "Recipient", "Register", "Representative", "Requirement", "Retention",
    "RetentionRule", "Rights", "ServiceUse", "SpecialCategory", "SupervisoryAuthority", "Transfer", "text_in",
]
