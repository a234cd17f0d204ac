"""Field types shared by the models: ids, localized text, vocabulary references, durations."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from noticegen import vocab
from noticegen.diagnostics import shown
from noticegen.l10n import N_, spoken, tr


class Base(BaseModel):
    """Every model: unknown keys are errors. Field docstrings are read on demand (model/docs.py)."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=False,
        validate_default=False,
    )


# --- plain strings -----------------------------------------------------------------

def _strict_text(value: Any) -> str:
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("empty_text", tr(spoken(), "this text is empty"))
        return value
    raise PydanticCustomError(
        "text_type",
        tr(spoken(), "expected text, got {kind}"),
        {"kind": _kind(value)},
    )


def _kind(value: Any) -> str:
    """What a value is, in the message language: "a number (3)", "a list"."""
    lang = spoken()
    if isinstance(value, bool):
        return tr(lang, "yes/no value ({value})", value="true" if value else "false")
    if isinstance(value, int) and value.bit_length() > 64:
        return tr(lang, "a very large number")  # str() of a huge int raises ValueError
    if isinstance(value, int | float):
        return tr(lang, "a number ({value})", value=value)
    if isinstance(value, dict):
        return tr(lang, "a mapping")
    if isinstance(value, list):
        return tr(lang, "a list")
    if value is None:
        return tr(lang, "nothing")
    if isinstance(value, str):
        return tr(lang, "the text '{value}'", value=shown(value, 40))
    return type(value).__name__


Text = Annotated[str, PlainValidator(_strict_text), WithJsonSchema({"type": "string", "minLength": 1})]
"""Non-empty text. Strict: YAML's `no`, `yes` and numbers are not silently turned into text."""

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _check_id(value: str) -> str:
    if not _ID_RE.fullmatch(value) or len(value) > 64:
        raise PydanticCustomError(
            "id_format",
            tr(spoken(), "'{value}' is not a valid id: use lower-case letters, digits, '-' and "
               "'_' (at most 64), starting with a letter or digit"),
            {"value": shown(value)},
        )
    return value


Id = Annotated[
    str,
    PlainValidator(lambda v: _check_id(_strict_text(v))),
    WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9][a-z0-9_-]*$", "maxLength": 64}),
]
"""A short identifier: lower-case letters, digits, `-` and `_`."""

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _check_email(value: Any) -> str:
    text = _strict_text(value)
    if not _EMAIL_RE.fullmatch(text):
        raise PydanticCustomError("email", tr(spoken(), "'{value}' is not an e-mail address"),
                                  {"value": shown(text)})
    return text


Email = Annotated[
    str, PlainValidator(_check_email), WithJsonSchema({"type": "string", "format": "email"})
]
"""An e-mail address."""


def _check_url(value: Any) -> str:
    text = _strict_text(value)
    if not re.match(r"^https?://[^\s/?#]+\.[^\s]*$|^https?://localhost", text):
        raise PydanticCustomError(
            "url", tr(spoken(), "'{value}' is not a web address starting with https:// or http://"),
            {"value": shown(text)},
        )
    return text


Url = Annotated[
    str,
    PlainValidator(_check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]
"""A web address (http or https)."""


def _check_url_per_language(value: Any) -> str | dict[str, str]:
    if not isinstance(value, dict):
        return _check_url(value)
    if not value:
        raise PydanticCustomError("url", tr(spoken(), "no address given: write {fi: https://…, "
                                            "en: https://…}"))
    out: dict[str, str] = {}
    for lang, url in value.items():
        if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2}", lang):
            raise PydanticCustomError(
                "url", tr(spoken(), "'{lang}' is not a language code: write one address per "
                          "language as {fi: https://…, en: https://…}"), {"lang": str(lang)})
        out[lang] = _check_url(url)
    return out


UrlPerLanguage = Annotated[
    str | dict[str, str],
    PlainValidator(_check_url_per_language),
    WithJsonSchema({"anyOf": [
        {"type": "string", "format": "uri", "pattern": "^https?://",
         "description": "One address, when the notice has one language."},
        {"type": "object", "propertyNames": {"pattern": "^[a-z]{2}$"},
         "additionalProperties": {"type": "string", "format": "uri", "pattern": "^https?://"},
         "minProperties": 1, "description": "One address per language: {fi: …, en: …}."},
    ]}),
]
"""A web address per language, `{fi: https://…, en: https://…}`, or one for a one-language notice."""


def _check_lang(value: Any) -> str:
    text = _strict_text(value)
    if not re.fullmatch(r"[a-z]{2}", text):  # fullmatch: "$" lets "fi\n" through
        raise PydanticCustomError(
            "lang", tr(spoken(), "'{value}' is not a two-letter language code such as fi or en"),
            {"value": shown(text)},
        )
    return text


Lang = Annotated[
    str, PlainValidator(_check_lang), WithJsonSchema({"type": "string", "pattern": "^[a-z]{2}$"})
]
"""A two-letter ISO 639-1 language code: fi, en, sv."""


def _check_country(value: Any) -> str:
    text = _strict_text(value)
    if text not in vocab.ids("countries"):
        upper = text.upper()
        if upper in vocab.ids("countries"):
            raise PydanticCustomError(
                "country", tr(spoken(), "country codes are upper-case: write '{upper}'"),
                {"upper": upper}
            )
        close = vocab.suggest("countries", text)
        raise PydanticCustomError(
            "country",
            tr(spoken(), "'{value}' is not an ISO 3166-1 alpha-2 country code (such as FI, SE, "
               "US).{suggestion}"),
            {"value": shown(text), "suggestion": _did_you_mean(close)},
        )
    return text


Country = Annotated[
    str,
    PlainValidator(_check_country),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$"}),
]
"""A country as an ISO 3166-1 alpha-2 code: FI, SE, US…"""


# --- localized text ---------------------------------------------------------------

def _check_localized(value: Any) -> str | dict[str, str]:
    if isinstance(value, str):
        return _strict_text(value)
    if isinstance(value, dict):
        if not value:
            raise PydanticCustomError("localized", tr(spoken(), "no text given: write {fi: …, en: …}"))
        out: dict[str, str] = {}
        for lang, text in value.items():
            if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2}", lang):
                raise PydanticCustomError(
                    "localized",
                    # pydantic-core fills {name} only; no {{ escapes
                    tr(spoken(), "'{lang}' is not a language code: write the text per language "
                       "as {fi: …, en: …}"),
                    {"lang": str(lang)},
                )
            if not isinstance(text, str) or not text.strip():
                if isinstance(text, str):
                    raise PydanticCustomError("localized", tr(spoken(), "the {lang} text is empty"),
                                              {"lang": lang})
                raise PydanticCustomError(
                    "localized", tr(spoken(), "the {lang} text is {kind}, not text"), {
                        "lang": lang, "kind": _kind(text)}
                )
            out[lang] = text
        return out
    raise PydanticCustomError(
        "localized",
        tr(spoken(), "expected text, or text per language such as {fi: …, en: …}; got {kind}"),
        {"kind": _kind(value)},
    )


_LOCALIZED_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1, "description": "Text, when the notice has one language."},
        {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z]{2}$"},
            "additionalProperties": {"type": "string", "minLength": 1},
            "minProperties": 1,
            "description": "Text per language: {fi: …, en: …}.",
        },
    ]
}

Localized = Annotated[str | dict[str, str], PlainValidator(_check_localized),
                      WithJsonSchema(_LOCALIZED_SCHEMA)]
"""Free text in each declared language: `{fi: …, en: …}`, or a plain string for one language."""

def _check_name(value: Any) -> str | dict[str, str]:
    return _check_localized(value)


Name = Annotated[str | dict[str, str], PlainValidator(_check_name), WithJsonSchema(_LOCALIZED_SCHEMA)]
"""A name: a plain string shared by all languages, or a mapping when it is translated."""


def text_in(value: str | dict[str, str] | None, lang: str) -> str:
    """The text of a localized value in one language ('' when absent)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return value.get(lang, "")


# --- vocabulary references ----------------------------------------------------------

def _vocab_checker(name: str) -> Any:
    def check(value: Any) -> str:
        text = _strict_text(value)
        known = vocab.ids(name)
        if text not in known:
            close = vocab.suggest(name, text)
            raise PydanticCustomError(
                "vocabulary",
                tr(spoken(), "'{value}' is not a known {what}.{suggestion} Known values: {known}"),
                {"value": shown(text), "what": tr(spoken(), _VOCABULARY_WHAT.get(name, name)),
                 "suggestion": _did_you_mean(close), "known": ", ".join(sorted(known))},
            )
        return text

    return check


_VOCABULARY_WHAT = {
    "consent_methods": N_("consent method"), "cookie_categories": N_("cookie category"),
    "countries": N_("country"), "data_categories": N_("data category"),
    "data_subjects": N_("data subject"), "legal_bases": N_("legal basis"),
    "parties": N_("party"), "requirement_types": N_("requirement type"),
    "retention_events": N_("retention event"), "rights": N_("right"), "roles": N_("role"),
    "sources": N_("source"), "special_conditions": N_("special condition"),
    "storage_types": N_("storage type"), "supervisory_authorities": N_("supervisory authority"),
    "transfer_mechanisms": N_("transfer mechanism"),
}
"""What one value of each vocabulary is, for "'x' is not a known legal basis"."""


def _did_you_mean(close: str | None) -> str:
    return tr(spoken(), " Did you mean '{value}'?", value=close) if close else ""


def VocabRef(name: str, description: str = "") -> Any:
    """A value from a built-in vocabulary (its labels come from noticegen/vocab/<name>.yaml)."""
    return Annotated[
        str,
        BeforeValidator(_vocab_checker(name)),
        WithJsonSchema({"type": "string", "enum": sorted(vocab.ids(name)),
                        **({"description": description} if description else {})}),
    ]


# --- dates ------------------------------------------------------------------------

_DATE_START = re.compile(r"^\d{4}-\d\d?-\d\d?")


def _check_date_input(value: Any) -> Any:
    """Only date-like text reaches Pydantic, which would read 0 or "1700000000" as Unix time."""
    if isinstance(value, dt.date) or (isinstance(value, str) and _DATE_START.match(value)):
        return value
    raise PydanticCustomError("date_type", tr(spoken(), "expected a date such as 2026-12-01, got {kind}"),
                              {"kind": _kind(value)})


Date = Annotated[dt.date, BeforeValidator(_check_date_input)]
"""A calendar date written as 2026-12-01."""


# --- durations --------------------------------------------------------------------

_DURATION_RE = re.compile(
    # Numbered groups, one per part of DURATION_PARTS: the pattern also goes into the JSON
    # Schema, whose regular expressions are ECMA-262, which has no (?P<name>…).
    r"^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
    r"(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$",
    re.ASCII,  # \d: 0-9 only, as in JavaScript
)
DURATION_PARTS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")
MAX_DAYS = 100 * 366


def parse_duration(text: str) -> dict[str, int]:
    """ISO 8601 period → its non-zero parts, e.g. 'P1Y6M' → {'years': 1, 'months': 6}."""
    match = _DURATION_RE.fullmatch(text)
    if not match:
        raise ValueError(text)
    return {k: int(v) for k, v in zip(DURATION_PARTS, match.groups(), strict=True) if v and int(v)}


def approx_days(parts: dict[str, int]) -> float:
    """A duration's rough length in days, for comparisons and sanity limits."""
    factors = {"years": 365.25, "months": 30.44, "weeks": 7, "days": 1,
               "hours": 1 / 24, "minutes": 1 / 1440, "seconds": 1 / 86400}
    return sum(factors[k] * v for k, v in parts.items())


def _check_duration(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError(
            "duration", tr(spoken(), "expected an ISO 8601 duration such as P2Y or P6M, got {kind}"),
            {"kind": _kind(value)},
        )
    try:
        parts = parse_duration(value)
    except ValueError:
        raise PydanticCustomError(
            "duration",
            tr(spoken(), "'{value}' is not an ISO 8601 duration: write P2Y (2 years), P6M "
               "(6 months), P30D (30 days) or PT30M (30 minutes)"),
            {"value": shown(value)},
        ) from None
    if not parts:
        raise PydanticCustomError("duration", tr(spoken(), "the duration '{value}' is zero"),
                                  {"value": shown(value)})
    if approx_days(parts) > MAX_DAYS:
        raise PydanticCustomError(
            "duration", tr(spoken(), "the duration '{value}' is longer than 100 years"),
            {"value": shown(value)},
        )
    return value


Duration = Annotated[
    str,
    PlainValidator(_check_duration),
    WithJsonSchema({"type": "string", "pattern": _DURATION_RE.pattern,
                    "examples": ["P2Y", "P6M", "P30D", "PT30M"]}),
]
"""An ISO 8601 duration: P2Y, P6M, P1Y6M, P30D, PT30M."""


def _check_cookie_duration(value: Any) -> str:
    if value == "session":
        return "session"
    return _check_duration(value)


CookieDuration = Annotated[
    str,
    PlainValidator(_check_cookie_duration),
    WithJsonSchema({"anyOf": [{"const": "session"},
                              {"type": "string", "pattern": _DURATION_RE.pattern}],
                    "examples": ["session", "P1Y", "P30D"]}),
]
"""How long a cookie lives: an ISO 8601 duration, or `session` (deleted when the browser closes)."""


__all__ = [
    "Base",
    "CookieDuration",
    "Country",
    "Duration",
    "Email",
    "Field",
    "Id",
    "Lang",
    "Localized",
    "Name",
    "Text",
    "Url",
    "VocabRef",
    "approx_days",
    "parse_duration",
    "text_in",
]
