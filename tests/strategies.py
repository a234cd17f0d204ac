"""Hypothesis strategies for notices, shared by the check fuzzing and the rendering tests.

``notices()`` draws plain, YAML-able dicts (str, int, bool, list, dict only; dates as ISO text)
that pass the load and validate stages: ids unique across recipients, registers and purposes,
every reference resolvable, every free text present in each declared language. Dump them with
``yaml.safe_dump(..., allow_unicode=True, sort_keys=False)`` and check or render the file, or
validate them directly with ``Notice.model_validate``.

They do not promise to satisfy every lint rule (those are judgement calls about content); they do
try to be sensible: a purpose with ``legitimate_interests`` states the interest, ``consent``
says how to withdraw, ``legal_obligation`` names the law.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from hypothesis import strategies as st

from noticegen import vocab
from noticegen.model.controller import y_tunnus_check_digit

LANGUAGES = ("fi", "en", "sv")

BASE_NOTICE = """\
notice:
  languages: [fi, en]
  version: "1.0"
  effective: 2026-12-01
  changes: [{date: 2026-12-01, summary: {fi: Ensimmäinen versio., en: First version.}}]
controller:
  name: Esimerkki Oy
  business_id: "0737546-2"
  address:
    street: Hämeentie 16
    postal_code: "00530"
    city: Helsinki
    country: FI
  email: tietosuoja@example.fi
  website: https://example.fi
recipients:
  - id: mailer
    name: Mailer Ltd
    role: processor
    country: IE
    transfers:
      - countries: [US]
        sub_processors: true
        mechanism: standard_clauses
        link: https://mailer.example/dpa
registers:
  - id: customers
    name: {fi: Asiakasrekisteri, en: Customer register}
    data_subjects: [customers]
    data_categories: [name, email_address]
    special_categories:
      - category: health_data
        condition: explicit_consent
    sources: [data_subject]
    purposes:
      - id: service
        description: {fi: Palvelun tuottaminen, en: Providing the service}
        legal_basis: [contract]
        retention: {period: P2Y, after: end_of_contract}
        requirement: {type: contractual, consequence: {fi: Emme voi auttaa., en: We cannot help.}}
        withdrawal: {fi: Peru suostumus sähköpostilla., en: Withdraw consent by e-mail.}
        recipients: [mailer]
      - id: statistics
        description: {fi: Tilastot, en: Statistics}
        legal_basis: [consent]
        withdrawal: {fi: Evästeasetuksista., en: From the cookie settings.}
        retention: {period: P1Y}
        recipients:
          - mailer
cookies:
  - name: _session
    category: necessary
    duration: session
    party: first
    purpose: {fi: Istunto, en: Session}
  - name: _mlr
    provider: mailer
    category: statistics
    duration: P30D
    party: third
    purpose: {fi: Tilastot, en: Statistics}
cookie_consent: {method: banner, change: {fi: Evästeasetukset-linkki., en: Cookie settings link.}}
"""
"""A small valid notice touching most of the model, in fi and en. The bad-input corpus
(tests/data/bad/) is this text with one defect per file, and the mutation fuzzing starts from it:
change it and regenerate the corpus (its expected line numbers move with it)."""

# Text a small-business owner might write: letters in many scripts, digits, punctuation and
# spaces, including Markdown's special characters and the HTML ones that must be escaped.
_TEXT_CHARS = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "Zs", "S"),
    exclude_characters="\x85\u2028\u2029",  # YAML line breaks: harmless, but noisy in diffs
)


def _clean(value: str) -> str:
    return " ".join(value.split())


words = st.text(_TEXT_CHARS, min_size=1, max_size=24).map(_clean).filter(bool)
"""A short non-empty text without line breaks or leading/trailing space."""

_LOWER = "abcdefghijklmnopqrstuvwxyz"
# Built from sampled characters rather than st.from_regex, which is several times slower.
ids = st.builds(str.__add__, st.sampled_from(_LOWER), st.text(_LOWER + "0123456789_-", max_size=15))
"""A valid id: lower-case letters, digits, '-' and '_'."""


@cache
def vocab_ids(name: str, **attrs: Any) -> st.SearchStrategy[str]:
    """An id from a built-in vocabulary, optionally only terms with the given attributes."""
    terms = [t.id for t in vocab.vocabulary(name).values()
             if all(bool(t.attrs.get(k)) == v for k, v in attrs.items())]
    return st.sampled_from(sorted(terms))


@cache
def localized(langs: tuple[str, ...]) -> st.SearchStrategy[str | dict[str, str]]:
    """Free text in every declared language; a plain string when there is only one."""
    per_language = st.fixed_dictionaries({lang: words for lang in langs})
    return st.one_of(words, per_language) if len(langs) == 1 else per_language


@st.composite
def dates(draw: st.DrawFn) -> str:
    return draw(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31))).isoformat()


@st.composite
def durations(draw: st.DrawFn) -> str:
    """A non-zero ISO 8601 duration of at most 100 years."""
    unit = draw(st.sampled_from([("Y", 99), ("M", 1000), ("W", 5000), ("D", 30000)]))
    if draw(st.booleans()):
        return f"P{draw(st.integers(1, unit[1]))}{unit[0]}"
    parts = draw(st.lists(st.sampled_from(["Y", "M", "D"]), min_size=1, max_size=3, unique=True))
    parts.sort(key="YMD".index)
    time = draw(st.sampled_from(["", "T12H", "T30M", "T1H30M"]))
    return "P" + "".join(f"{draw(st.integers(1, 30))}{p}" for p in parts) + time


@st.composite
def y_tunnus(draw: st.DrawFn) -> str:
    """A Finnish business ID with a correct check digit."""
    body = draw(st.integers(0, 9_999_999).map("{:07d}".format)
                .filter(lambda b: y_tunnus_check_digit(b) is not None))
    return f"{body}-{y_tunnus_check_digit(body)}"


business_ids = st.one_of(y_tunnus(), st.sampled_from(["SE556703748501", "DE123456789",
                                                       "IE6388047V"]))
countries = vocab_ids("countries")
_domains = st.builds("{}.{}".format, st.text(_LOWER, min_size=1, max_size=10),
                     st.sampled_from(["fi", "com", "eu"]))
emails = st.builds("{}@{}".format, ids.map(lambda i: i.replace("_", ".").replace("-", ".")), _domains)
urls = st.builds("https://{}{}".format, _domains,
                 st.sampled_from(["", "/", "/tietosuoja", "/en/privacy-policy/", "/a?b=c#d"]))
postal_codes = st.integers(0, 99_999).map("{:05d}".format)


@st.composite
def address(draw: st.DrawFn) -> dict[str, Any]:
    out = {"street": draw(words), "postal_code": draw(postal_codes), "city": draw(words)}
    if draw(st.booleans()):
        out["country"] = draw(countries)
    return out


def _maybe(draw: st.DrawFn, out: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        out[key] = draw(strategy)


@st.composite
def controller(draw: st.DrawFn, langs: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": draw(words)}
    _maybe(draw, out, "business_id", business_ids)
    out["address"] = draw(address())
    _maybe(draw, out, "email", emails)
    _maybe(draw, out, "phone", st.just("+358 40 123 4567"))
    _maybe(draw, out, "website", urls)
    if draw(st.booleans()):
        contact: dict[str, Any] = {"name": draw(words)}
        _maybe(draw, contact, "title", localized(langs))
        _maybe(draw, contact, "email", emails)
        out["contact"] = contact
    if draw(st.booleans()):
        out["dpo"] = {"designated": draw(st.booleans()), "name": draw(words), "email": draw(emails)}
    if draw(st.integers(0, 4)) == 0:
        out["representative"] = {"name": draw(words), "address": draw(address())}
    return out


@st.composite
def terms(draw: st.DrawFn, name: str, langs: tuple[str, ...], **attrs: Any) -> list[Any]:
    """Built-in ids (unique) and, sometimes, a custom term with labels."""
    out: list[Any] = draw(st.lists(vocab_ids(name, **attrs), max_size=3, unique=True))
    if draw(st.integers(0, 3)) == 0:
        out.append({"label": draw(localized(langs))})
    return out


@st.composite
def recipient(draw: st.DrawFn, rid: str, langs: tuple[str, ...]) -> dict[str, Any]:
    name = draw(st.one_of(words, localized(langs)))
    out: dict[str, Any] = {"id": rid, "name": name}
    _maybe(draw, out, "role", vocab_ids("roles"))
    _maybe(draw, out, "country", countries)
    _maybe(draw, out, "description", localized(langs))
    if draw(st.booleans()):
        transfer: dict[str, Any] = {
            "countries": draw(st.lists(countries, min_size=1, max_size=2, unique=True))}
        _maybe(draw, transfer, "mechanism", vocab_ids("transfer_mechanisms"))
        _maybe(draw, transfer, "link", urls)
        _maybe(draw, transfer, "checked", dates())
        out["transfers"] = [transfer]
    _maybe(draw, out, "privacy_policy", urls)
    return out


@st.composite
def purpose(draw: st.DrawFn, pid: str, langs: tuple[str, ...],
            recipient_ids: list[str]) -> dict[str, Any]:
    bases = draw(st.lists(vocab_ids("legal_bases"), min_size=1, max_size=2, unique=True))
    out: dict[str, Any] = {"id": pid, "description": draw(localized(langs)), "legal_basis": bases}
    if "legitimate_interests" in bases:
        out["legitimate_interest"] = draw(localized(langs))
    if "legal_obligation" in bases:
        out["law"] = draw(localized(langs))
    if "consent" in bases:
        out["withdrawal"] = draw(localized(langs))
    _maybe(draw, out, "direct_marketing", st.booleans())
    _maybe(draw, out, "data_categories", terms("data_categories", langs, special=False))
    kind = draw(st.sampled_from(["period", "after", "criteria", "none"]))
    if kind == "period":
        out["retention"] = {"period": draw(durations())}
    elif kind == "after":
        out["retention"] = {"period": draw(durations()),
                            "after": draw(vocab_ids("retention_events"))}
    elif kind == "criteria":
        out["retention"] = {"criteria": draw(localized(langs))}
    if draw(st.booleans()):
        out["requirement"] = {"type": draw(vocab_ids("requirement_types")),
                              "consequence": draw(localized(langs))}
    if recipient_ids:
        _maybe(draw, out, "recipients",
               st.lists(st.sampled_from(recipient_ids), max_size=2, unique=True))
    return out


@st.composite
def register(draw: st.DrawFn, rid: str, pids: list[str], langs: tuple[str, ...],
             recipient_ids: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": rid, "name": draw(localized(langs))}
    _maybe(draw, out, "description", localized(langs))
    out["data_subjects"] = draw(terms("data_subjects", langs))
    out["data_categories"] = draw(terms("data_categories", langs, special=False))
    if draw(st.integers(0, 3)) == 0:
        out["special_categories"] = [{
            "category": draw(st.one_of(
                vocab_ids("data_categories", special=True),
                st.builds(lambda label: {"label": label, "special": True}, localized(langs)))),
            "condition": draw(vocab_ids("special_conditions")),
        }]
    out["sources"] = draw(terms("sources", langs))
    out["purposes"] = [draw(purpose(pid, langs, recipient_ids)) for pid in pids]
    if recipient_ids:
        _maybe(draw, out, "recipients",
               st.lists(st.sampled_from(recipient_ids), max_size=2, unique=True))
    if draw(st.integers(0, 3)) == 0:
        out["retention"] = [{"data_categories": [draw(vocab_ids("data_categories",
                                                                special=False))],
                             "period": draw(durations())}]
    if draw(st.integers(0, 3)) == 0:
        out["automated_decisions"] = [{"description": draw(localized(langs)),
                                       "solely_automated": draw(st.booleans()),
                                       "profiling": draw(st.booleans())}]
    _maybe(draw, out, "security", localized(langs))
    return out


@st.composite
def cookie(draw: st.DrawFn, langs: tuple[str, ...], recipient_ids: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": draw(st.sampled_from(["", "_"])) + draw(ids),
                           "category": draw(vocab_ids("cookie_categories"))}
    _maybe(draw, out, "prefix", st.booleans())
    if recipient_ids:
        _maybe(draw, out, "provider", st.sampled_from(recipient_ids))
    _maybe(draw, out, "party", vocab_ids("parties"))
    _maybe(draw, out, "purpose", localized(langs))
    _maybe(draw, out, "duration", st.one_of(st.just("session"), durations()))
    _maybe(draw, out, "type", vocab_ids("storage_types"))
    return out


@st.composite
def notices(draw: st.DrawFn, languages: tuple[str, ...] | None = None) -> dict[str, Any]:
    """A valid notice as plain data. ``languages`` fixes the declared languages."""
    langs = languages or tuple(draw(st.lists(st.sampled_from(LANGUAGES), min_size=1,
                                             max_size=3, unique=True)))
    n_rec = draw(st.integers(0, 3))
    n_reg = draw(st.integers(1, 2))
    n_pur = [draw(st.integers(1, 3)) for _ in range(n_reg)]
    all_ids = draw(st.lists(ids, min_size=n_rec + n_reg + sum(n_pur),
                            max_size=n_rec + n_reg + sum(n_pur), unique=True))
    recipient_ids, rest = all_ids[:n_rec], all_ids[n_rec:]
    meta: dict[str, Any] = {"languages": list(langs), "version": draw(st.sampled_from(
        ["1.0", "2.0", "2026-1", "3"])), "effective": draw(dates())}
    _maybe(draw, meta, "title", localized(langs))
    _maybe(draw, meta, "introduction", localized(langs))
    _maybe(draw, meta, "url", urls)
    if draw(st.booleans()):
        meta["changes"] = [{"date": draw(dates()), "summary": draw(localized(langs))}]
    data: dict[str, Any] = {"notice": meta, "controller": draw(controller(langs))}
    if recipient_ids:
        data["recipients"] = [draw(recipient(r, langs)) for r in recipient_ids]
    registers = []
    for n in n_pur:
        rid, pids, rest = rest[0], rest[1:1 + n], rest[1 + n:]
        registers.append(draw(register(rid, pids, langs, recipient_ids)))
    data["registers"] = registers
    if draw(st.booleans()):
        data["cookies"] = draw(st.lists(cookie(langs, recipient_ids), max_size=4))
        data["cookie_consent"] = {"method": "banner", "change": draw(localized(langs))}
    if draw(st.booleans()):
        data["rights"] = {"email": draw(emails)}
    _maybe(draw, data, "security", localized(langs))
    return data


__all__ = ["BASE_NOTICE", "LANGUAGES", "business_ids", "dates", "durations", "ids", "localized", "notices",
           "words", "y_tunnus"]
