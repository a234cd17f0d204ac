"""Changes in words: a sentence per change in each language, from tables of names and templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from noticegen import vocab
from noticegen.diffing.compare import SKIP, Change, Comparison, jsonable
from noticegen.errors import NoticegenError
from noticegen.l10n import C_, N_, message_languages, tr
from noticegen.model import (
    Address,
    AutomatedDecision,
    CustomTerm,
    Requirement,
    Retention,
    RetentionRule,
    SpecialCategory,
    text_in,
)
from noticegen.render.environment import language
from noticegen.render.formatting import (
    country_name,
    format_date,
    format_duration,
    format_list,
    lower_first,
)

if TYPE_CHECKING:
    from noticegen.model import Purpose, Recipient, Register

def _in(table: Mapping[str, str], lang: str) -> str:
    return table.get(lang) or table["en"]


ELEMENTS: dict[str, Mapping[str, str]] = {
    "notice": C_("changed element", "Notice"),
    "controller": C_("changed element", "Controller"),
    "contact": C_("changed element", "Contact person"),
    "dpo": C_("changed element", "Data protection officer"),
    "representative": C_("changed element", "Representative in the EU"),
    "rights": C_("changed element", "Exercising your rights"),
    "register": C_("changed element", "Register"),
    "purpose": C_("changed element", "Purpose"),
    "recipient": C_("changed element", "Recipient"),
    "transfer": C_("changed element", "Data transfer"),
    "cookie": C_("changed element", "Cookie"),
    "cookie_consent": C_("changed element", "Cookie consent"),
    "authority": C_("changed element", "Supervisory authority"),
}

# Field names in running text (lower case). One table for every element: the same key means
# the same thing wherever it appears.
FIELDS: dict[str, Mapping[str, str]] = {
    "languages": C_("changed field", "languages"),
    "version": C_("changed field", "version"),
    "effective": C_("changed field", "effective date"),
    "title": C_("changed field", "title"),
    "introduction": C_("changed field", "introduction"),
    "url": C_("changed field", "web address"),
    "security": C_("changed field", "description of security measures"),
    "name": C_("changed field", "name"),
    "business_id": C_("changed field", "business ID"),
    "address": C_("changed field", "address"),
    "email": C_("changed field", "e-mail address"),
    "phone": C_("changed field", "phone number"),
    "website": C_("changed field", "website"),
    "designated": C_("changed field", "designated"),
    "how": C_("changed field", "how to make requests"),
    "response_time": C_("changed field", "response time"),
    "description": C_("changed field", "description"),
    "data_subjects": C_("changed field", "group of data subjects"),
    "data_categories": C_("changed field", "category of personal data"),
    "special_categories": C_("changed field", "special category of personal data"),
    "sources": C_("changed field", "source of data"),
    "recipients": C_("changed field", "recipient"),
    "retention": C_("changed field", "retention period"),
    "automated_decisions": C_("changed field", "automated decision-making"),
    "legal_basis": C_("changed field", "legal basis"),
    "legitimate_interest": C_("changed field", "legitimate interest"),
    "law": C_("changed field", "law"),
    "direct_marketing": C_("changed field", "direct marketing"),
    "requirement": C_("changed field", "requirement to provide the data"),
    "withdrawal": C_("changed field", "withdrawal of consent"),
    "automated_means": C_("changed field", "processing by automated means"),
    "arrangement": C_("changed field", "joint-controller arrangement"),
    "arrangement_url": C_("changed field", "address of the arrangement"),
    "cookies": C_("changed field", "cookies"),
    "purposes": C_("changed field", "purposes"),
    "register": C_("changed field", "register"),
    "service": C_("changed field", "service"),
    "role": C_("changed field", "role"),
    "country": C_("changed field", "country"),
    "countries": C_("changed field", "countries"),
    "sector": C_("changed field", "sector"),
    "privacy_policy": C_("changed field", "privacy policy"),
    "dpa": C_("changed field", "data processing agreement"),
    "sub_processors": C_("changed field", "transfer to sub-processors"),
    "onward": C_("changed field", "onward transfer by the recipient"),
    "mechanism": C_("changed field", "transfer mechanism"),
    "link": C_("changed field", "link to the safeguards"),
    "checked": C_("changed field", "date checked"),
    "prefix": C_("changed field", "name prefix"),
    "provider": C_("changed field", "provider"),
    "party": C_("changed field", "party"),
    "category": C_("changed field", "category"),
    "purpose": C_("changed field", "purpose"),
    "duration": C_("changed field", "duration"),
    "type": C_("changed field", "type"),
    "method": C_("changed field", "how consent is asked"),
    "change": C_("changed field", "how to change choices"),
    "cookie": C_("changed field", "cookie that keeps the cookie choices"),
    "settings_url": C_("changed field", "cookie settings address"),
    "visiting_address": C_("changed field", "visiting address"),
    "postal_address": C_("changed field", "postal address"),
}

# Sentence templates. {E} is the element's name, {e} the same in lower case, {label} the
# element's own name or description, {field} the field's name, {old}/{new}/{value} values.
# Finnish cannot inflect the owner's own names reliably, so they stand in quotes in the
# nominative, after an inflected common noun or a colon.
SENTENCES: dict[str, Mapping[str, str]] = {
    # TRANSLATORS: {E} is {e} with a capital letter, for a sentence that starts with it.
    "added": C_("change", "Added {e} \"{label}\"{details}."),
    # TRANSLATORS: {E} is {e} with a capital letter, for a sentence that starts with it.
    "removed": C_("change", "Removed {e} \"{label}\"."),
    "added_purpose": C_("change", "Added purpose \"{label}\" to register \"{register}\"{details}."),
    "removed_purpose": C_("change", "Removed purpose \"{label}\" from register \"{register}\"."),
    "added_transfer": C_("change", "Added data transfer: {label}{details}."),
    "removed_transfer": C_("change", "Removed data transfer: {label}."),
    # TRANSLATORS: {E} is {e} with a capital letter, for a sentence that starts with it.
    "added_single": C_("change", "Added {e}: {label}."),
    # TRANSLATORS: {E} is {e} with a capital letter, for a sentence that starts with it.
    "removed_single": C_("change", "Removed {e}: {label}."),
    "changed": C_("change", "{E} \"{label}\": {field} changed from {old} to {new}."),
    "changed_text": C_("change", "{E} \"{label}\": {field} changed."),
    "set": C_("change", "{E} \"{label}\": added {field} {value}."),
    "unset": C_("change", "{E} \"{label}\": removed {field} {value}."),
    "changed_single": C_("change", "{E}: {field} changed from {old} to {new}."),
    "changed_text_single": C_("change", "{E}: {field} changed."),
    "set_single": C_("change", "{E}: added {field} {value}."),
    "unset_single": C_("change", "{E}: removed {field} {value}."),
    "basis": C_("change", " (legal basis: {value})"),
    "mechanism": C_("change", "; transfer mechanism: {value}"),
    "to": C_("change", "{recipient} to {countries}"),
}

WORDS: dict[str, Mapping[str, str]] = {
    "yes": C_("value in a change", "yes"),
    "no": C_("value in a change", "no"),
    "none": C_("value in a change", "none"),
    "session": C_("value in a change", "session"),
    "quote_open": C_("opening quotation mark", "\""),
    "quote_close": C_("closing quotation mark", "\""),
}

# Which vocabulary a field's ids come from; the same key means the same vocabulary everywhere
# except `type`, which differs between cookies and requirements.
VOCABULARIES: dict[str, str] = {
    "legal_basis": "legal_bases", "data_subjects": "data_subjects",
    "data_categories": "data_categories", "sources": "sources", "role": "roles",
    "category": "cookie_categories", "party": "parties", "mechanism": "transfer_mechanisms",
    "method": "consent_methods", "after": "retention_events", "condition": "special_conditions",
}

LONG_TEXT = 80
"""Free text longer than this is not quoted in a sentence (the JSON output has it all)."""


def sentence(c: Change, lang: str, cmp: Comparison) -> str:
    """One change as a sentence in ``lang``."""
    text = _sentence(c, lang, cmp)
    return text[:-1] if text.endswith("..") else text  # "… Inc.." when a name ends the sentence


def _sentence(c: Change, lang: str, cmp: Comparison) -> str:
    names = {"E": _in(ELEMENTS[c.element], lang), "e": lower_first(_in(ELEMENTS[c.element], lang))}
    single = c.element in ("notice", "controller", "contact", "dpo", "representative", "rights",
                           "cookie_consent", "authority")
    if not c.field:
        thing = c.new if c.kind == "added" else c.old
        label = _label(c, thing, lang, cmp)
        if c.element == "purpose":
            reg = _register_name(c.within, lang, cmp)
            details = (_in(SENTENCES["basis"], lang).format(
                value=_join([_vocab("legal_bases", b, lang) for b in thing.legal_basis], lang))
                if c.kind == "added" and thing.legal_basis else "")
            return _in(SENTENCES[f"{c.kind}_purpose"], lang).format(
                register=reg, label=label, details=details)
        if c.element == "transfer":
            details = (_in(SENTENCES["mechanism"], lang).format(
                value=_vocab("transfer_mechanisms", thing.mechanism, lang))
                if c.kind == "added" and thing.mechanism else "")
            return _in(SENTENCES[f"{c.kind}_transfer"], lang).format(label=label, details=details)
        if single:
            return _in(SENTENCES[f"{c.kind}_single"], lang).format(label=label, **names)
        details = _details(c, thing, lang, cmp) if c.kind == "added" else ""
        return _in(SENTENCES[c.kind], lang).format(label=label, details=details, **names)

    label = _label(c, None, lang, cmp)
    fname = _in(FIELDS.get(c.field, {"en": c.field.replace("_", " ")}), lang)
    suffix = "_single" if single else ""
    if c.kind == "changed":
        old, new = fmt(c.field, c.old, lang, cmp), fmt(c.field, c.new, lang, cmp)
        key = "changed_text" if len(old) > LONG_TEXT or len(new) > LONG_TEXT else "changed"
        return _in(SENTENCES[key + suffix], lang).format(
            label=label, field=fname, old=old, new=new, **names)
    value = fmt(c.field, c.new if c.kind == "added" else c.old, lang, cmp)
    if len(value) > LONG_TEXT:
        value = ""
    key = ("set" if c.kind == "added" else "unset") + suffix
    return _in(SENTENCES[key], lang).format(
        label=label, field=fname, value=value, **names).replace(" .", ".")


def _label(c: Change, thing: Any, lang: str, cmp: Comparison) -> str:
    """How the changed element is named: its own name or description, in ``lang``."""
    if c.element == "register":
        return _register_name(c.key, lang, cmp)
    if c.element == "purpose":
        reg_purpose = _find_purpose(c.key, cmp)
        return _text(reg_purpose.description, lang) if reg_purpose else c.key
    if c.element == "recipient":
        return _recipient_name(c.key, lang, cmp)
    if c.element == "cookie":
        return c.key.split(":", 1)[-1]
    if c.element == "transfer":
        rec, _, countries = c.key.partition(":")
        return _in(SENTENCES["to"], lang).format(
            recipient=_recipient_name(rec, lang, cmp),
            countries=_join([_country(x, lang) for x in countries.split(",")], lang))
    if thing is not None:  # a single element that came or went: say what it holds
        return _summary(thing, lang)
    return ""


def _summary(model: BaseModel, lang: str) -> str:
    parts = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        if value is None or name in SKIP or value == [] or isinstance(value, bool):
            continue
        parts.append(fmt(name, value, lang, None))
    return ", ".join(p for p in parts if p)


def _details(c: Change, thing: Any, lang: str, cmp: Comparison) -> str:
    bits: list[str] = []
    if c.element == "recipient":
        if thing.role:
            bits.append(_vocab("roles", thing.role, lang))
        if thing.country:
            bits.append(_country(thing.country, lang))
    elif c.element == "cookie":
        if thing.provider:
            bits.append(_recipient_name(thing.provider, lang, cmp))
        bits.append(_vocab("cookie_categories", thing.category, lang))
        if thing.duration:
            bits.append(_duration(thing.duration, lang))
    return f" ({', '.join(bits)})" if bits else ""


def _find_purpose(pid: str, cmp: Comparison) -> Purpose | None:
    for notice in (cmp.new, cmp.old):
        for _, _, _, purpose in notice.purposes():
            if purpose.id == pid:
                return purpose
    return None


def _register_name(rid: str, lang: str, cmp: Comparison) -> str:
    for notice in (cmp.new, cmp.old):
        reg: Register | None = next((r for r in notice.notice.registers if r.id == rid), None)
        if reg is not None:
            return _text(reg.name, lang)
    return rid


def _recipient_name(rid: str, lang: str, cmp: Comparison | None) -> str:
    for notice in (cmp.new, cmp.old) if cmp else ():
        rec: Recipient | None = notice.recipients.get(rid)
        if rec is not None and rec.name is not None:
            return _text(rec.name, lang)
    return rid


def _text(value: str | dict[str, str] | None, lang: str) -> str:
    """Localized text in ``lang``, else in any language the value has."""
    if isinstance(value, dict):
        return text_in(value, lang) or next(iter(value.values()), "")
    return text_in(value, lang)


def _vocab(name: str, term_id: str, lang: str) -> str:
    """A vocabulary label as it reads inside a sentence: "Suostumus" → "suostumus"."""
    try:
        return lower_first(vocab.label(name, term_id, lang))
    except KeyError:
        return term_id


def _settings(lang: str) -> tuple[str, str]:
    """The Babel locale and date pattern of ``lang``, as the notice's own templates use them."""
    try:
        settings = language(lang)
    except NoticegenError:  # a language without templates: Babel's defaults
        return lang, "medium"
    return settings.locale, settings.date_format


def _join(items: Sequence[str], lang: str) -> str:
    return format_list(tuple(items), _settings(lang)[0])


def _country(code: str, lang: str) -> str:
    return country_name(code, _settings(lang)[0])


def _language(code: str, lang: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(lang).languages.get(code)
    except (UnknownLocaleError, ValueError):
        name = None
    return str(name) if name else code


def _duration(text: str, lang: str) -> str:
    """`P1Y6M` → "1 vuosi ja 6 kuukautta" / "1 year and 6 months"; `session` as a word."""
    if text == "session":
        return _in(WORDS["session"], lang)
    try:
        units = language(lang).units
    except NoticegenError:  # a language without templates: Babel's defaults
        units = ()
    return format_duration(text, _settings(lang)[0], units)


def _date(day: dt.date, lang: str) -> str:
    return format_date(day, *_settings(lang))


def _retention(r: Retention, lang: str) -> str:
    bits = []
    if r.period:
        bits.append(_duration(r.period, lang))
    if r.after:
        event = vocab.vocabulary("retention_events")[r.after].attrs
        phrase = event.get("after" if r.period else "until") or {}
        bits.append(phrase.get(lang) or phrase.get("en") or _vocab("retention_events", r.after, lang))
    text = " ".join(bits)
    if r.criteria:
        text = f"{text}; {_text(r.criteria, lang)}" if text else _text(r.criteria, lang)
    return text


# How each kind of value reads in a sentence.
_FORMATS: dict[type, Callable[[Any, str], str]] = {
    Address: lambda a, lang: ", ".join(x for x in (
        _text(a.street, lang), f"{a.postal_code} {_text(a.city, lang)}",
        "" if a.country == "FI" else _country(a.country, lang))
        if x),
    RetentionRule: lambda r, lang: (
        _join([_term("data_categories", c, lang) for c in r.data_categories], lang) + ": "
        + _retention(r, lang)),
    Retention: _retention,
    Requirement: lambda r, lang: _vocab("requirement_types", r.type, lang) + (
        f": {_text(r.consequence, lang)}" if r.consequence else ""),
    SpecialCategory: lambda s, lang: (
        f"{_term('data_categories', s.category, lang)} "
        f"({_vocab('special_conditions', s.condition, lang)})"),
    AutomatedDecision: lambda d, lang: _text(d.description, lang),
    CustomTerm: lambda t, lang: _text(t.label, lang),
}


def _term(vocabulary: str, value: Any, lang: str) -> str:
    if isinstance(value, CustomTerm):
        return _text(value.label, lang)
    return _vocab(vocabulary, value, lang)


def fmt(name: str, value: Any, lang: str, cmp: Comparison | None) -> str:
    """A field's value as it reads in a sentence in ``lang``."""
    if value is None:
        return _in(WORDS["none"], lang)
    if isinstance(value, list | tuple):
        return _join([fmt(name, v, lang, cmp) for v in value], lang)
    if isinstance(value, bool):
        return _in(WORDS["yes" if value else "no"], lang)
    formatter = _FORMATS.get(type(value))
    if formatter is not None:
        return formatter(value, lang)
    if isinstance(value, BaseModel):
        return _summary(value, lang)
    if isinstance(value, dt.date):
        return _date(value, lang)
    if isinstance(value, dict):  # free text per language
        text = _text(value, lang).rstrip(".")  # the sentence's own period ends it
        return f"{_in(WORDS['quote_open'], lang)}{text}{_in(WORDS['quote_close'], lang)}"
    if name in VOCABULARIES:
        return _vocab(VOCABULARIES[name], value, lang)
    if name in ("country", "countries"):
        return _country(value, lang)
    if name == "languages":
        return _language(value, lang)
    if name in ("recipients", "provider"):
        return _recipient_name(value, lang, cmp)
    if name == "register" and cmp is not None:
        return _register_name(value, lang, cmp)
    if name in ("duration", "period"):
        return _duration(value, lang)
    if name == "type" and value in vocab.ids("storage_types"):
        return _vocab("storage_types", value, lang)
    return str(value)


# TRANSLATORS: the heading of this language's sentences in `noticegen diff` ("Suomeksi").
LANGUAGE_HEADING = N_("In English")


def as_data(cmp: Comparison, langs: Sequence[str]) -> dict[str, Any]:
    """The comparison as data: what ``--format json`` prints."""
    return {
        "changed": bool(cmp.changes),
        "languages": list(langs),
        "changes": [
            {"kind": c.kind, "element": c.element, "key": c.key, "field": c.field,
             "register": c.within, "old": jsonable(c.old), "new": jsonable(c.new),
             "text": {lang: sentence(c, lang, cmp) for lang in langs}}
            for c in cmp.changes
        ],
    }


def as_text(cmp: Comparison, langs: Sequence[str], *, markdown: bool = False) -> str:
    """Sentences per language, ready to paste into a change log; '' when nothing changed."""
    if not cmp.changes:
        return ""
    blocks = []
    item = _markdown_item if markdown else _text_item
    for lang in langs:
        lines = [item(sentence(c, lang, cmp)) for c in cmp.changes]
        if len(langs) > 1:
            heading = tr(lang, LANGUAGE_HEADING) if lang in message_languages() else lang
            lines.insert(0, f"## {heading}\n" if markdown else f"{heading}:")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _text_item(text: str) -> str:
    return f"- {text}"


def _markdown_item(text: str) -> str:
    """One list item of Markdown that shows the sentence as text, as notice.md does: every
    Markdown and HTML special character escaped, line breaks made spaces (a value's line
    break could start a link reference definition or end the list), and what would start a
    block at the start of the item (`#`, `1.`, `>`) escaped."""
    from noticegen.render.html_to_markdown import escape_line_start, escape_md

    return "- " + escape_line_start(escape_md(" ".join(text.split())))
