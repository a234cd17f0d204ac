"""The built-in service catalogue: every entry's shape, and its cookies against the Open Cookie Database.

The OCD checks read the CSV shipped beside the repository (``../shared/data/open-cookie-database``).
Without it they are skipped locally and fail in CI (environment variable ``CI`` set).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from noticegen import catalog, vocab
from noticegen.catalog.retention import SESSION, normalise_retention

REPO = Path(__file__).resolve().parents[1]
OCD_CSV = REPO.parent / "shared" / "data" / "open-cookie-database" / "open-cookie-database.csv"

REQUIRED_IDS = frozenset({
    "google-analytics-4", "google-tag-manager", "google-ads", "meta-pixel", "linkedin-insight-tag",
    "microsoft-clarity", "hotjar", "matomo-cloud", "mailchimp", "hubspot", "pipedrive", "mailerlite",
    "salesforce", "google-workspace", "microsoft-365", "zoom", "slack", "wordpress-com", "wix",
    "shopify", "cloudflare", "stripe", "paytrail", "klarna", "visma-netvisor", "procountor", "holvi",
    "intercom", "zendesk", "livechat", "giosg",
})
KINDS = frozenset({"analytics", "marketing", "email_crm", "office", "communication", "hosting",
                   "payments", "accounting", "support"})
ROLES = frozenset({"processor", "independent_controller", "joint_controller"})

REQUIRED_KEYS = frozenset({"id", "name", "kind", "entity", "role", "country", "description",
                           "transfers", "privacy_policy", "cookies", "tracker", "sources", "checked"})
OPTIONAL_KEYS = frozenset({"dpa", "notes", "arrangement", "arrangement_url"})
COOKIE_KEYS = frozenset({"name", "prefix", "party", "category", "duration", "type", "purpose",
                         "default"})
COOKIE_OPTIONAL_KEYS = frozenset({"ocd", "departure", "set_when"})
LANGS = ("fi", "en")

# OCD category -> the catalogue categories it maps to without a `departure:`. A Functional or
# Security cookie may be `necessary` when it is strictly necessary (load balancing, CSRF, consent
# state, fraud prevention); any other difference needs a `departure:`.
OCD_CATEGORIES: Mapping[str, frozenset[str]] = {
    "Functional": frozenset({"preferences", "necessary"}),
    "Analytics": frozenset({"statistics"}),
    "Marketing": frozenset({"marketing"}),
    "Security": frozenset({"necessary"}),
    "Necessary": frozenset({"necessary"}),
    "Personalization": frozenset({"preferences"}),
}

# OCD retention spellings that do not state one definite lifetime, with the reason. Everything else
# in the CSV must normalise. Keep this list short: extend normalise_retention() before adding here.
UNPARSEABLE: Mapping[str, str] = {
    "": "empty",
    "0 day": "zero length",
    "0 days": "zero length",
    "1 hour or longer": "lower bound only",
    " 1 hour or longer": "lower bound only",
    "1 year (in some countries, the period may be longer)": "lower bound only",
    "1 week to 1 year": "range",
    "30 seconds till 1 year": "range",
    "60 days till 3650 days": "range",
    "Session to 30 days": "range",
    "30 minutes, 3w or 1y depending on value": "depends on the value",
    "180 days after last activity or 10 years when opting out": "depends on the visitor's choice",
    ("14 days if you select “Remember Me” when logging in. Otherwise, Session."):
        "depends on the visitor's choice",
    "10 Nov 2030": "a date, not a period",
    "Deleted when oauth state is validated": "event, not a period",
    "Immediately removed": "event, not a period",
    "Local Storage": "a storage type, not a period",
    "Awin": "a platform name, not a period",
    "Persistent": "no length given",
    "Unknown": "no length given",
    "undefined": "no length given",
    "Varies": "no length given",
    "various": "no length given",
    "Unlimited": "no expiry",
    "forever": "no expiry",
    "no expiration": "no expiry",
    "permanent": "no expiry",
}

_DURATION_RE = re.compile(
    r"^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$"
)
_HTTPS_RE = re.compile(r"^https://[^\s,\[\]{}]+$")

SERVICE_IDS = sorted(catalog.ids())


def _is_duration(value: object) -> bool:
    if value == SESSION:
        return True
    return (isinstance(value, str) and bool(_DURATION_RE.match(value))
            and any(ch in "123456789" for ch in value))


def _localized(value: object) -> bool:
    return (isinstance(value, dict) and all(isinstance(value.get(lang), str)
                                            and value[lang].strip() for lang in LANGS))


def _cookies(service_id: str) -> list[dict[str, Any]]:
    cookies: list[dict[str, Any]] = catalog.service(service_id)["cookies"]
    return cookies


@cache
def _ocd_rows() -> dict[str, dict[str, str]]:
    with OCD_CSV.open(encoding="utf-8", newline="") as fh:
        return {row["ID"]: row for row in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def ocd() -> dict[str, dict[str, str]]:
    if not OCD_CSV.is_file():
        message = f"the Open Cookie Database CSV is missing: {OCD_CSV}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return _ocd_rows()


# --- the catalogue as a whole ------------------------------------------------------------------

def test_required_services_are_present() -> None:
    assert catalog.ids() >= REQUIRED_IDS, sorted(REQUIRED_IDS - catalog.ids())


def test_ids_are_kebab_case_file_stems() -> None:
    for service_id in SERVICE_IDS:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", service_id)
        assert catalog.service(service_id)["id"] == service_id


def test_services_lists_every_entry_once() -> None:
    assert [s["id"] for s in catalog.services()] == SERVICE_IDS


# --- one entry ------------------------------------------------------------------------------------

@pytest.mark.parametrize("service_id", SERVICE_IDS)
def test_entry_shape(service_id: str) -> None:
    entry = catalog.service(service_id)
    keys = set(entry)
    assert keys >= REQUIRED_KEYS, sorted(REQUIRED_KEYS - keys)
    assert keys <= REQUIRED_KEYS | OPTIONAL_KEYS, sorted(keys - REQUIRED_KEYS - OPTIONAL_KEYS)
    assert isinstance(entry["name"], str) and entry["name"].strip()
    assert entry["kind"] in KINDS
    assert entry["role"] in ROLES
    assert entry["role"] in vocab.ids("roles")
    assert isinstance(entry["tracker"], bool)
    assert isinstance(entry["checked"], dt.date)
    assert entry.get("notes") is None or (isinstance(entry["notes"], str) and entry["notes"].strip())
    assert _localized(entry["description"]), entry["description"]
    # A joint controller's entry brings the essence of the arrangement, with its source (Art. 26(2)).
    if entry["role"] == "joint_controller":
        assert _localized(entry.get("arrangement")), "a joint controller needs `arrangement:`"
        assert str(entry.get("arrangement_url", "")).startswith("https://")
        assert entry["arrangement_url"] in entry["sources"]
    else:
        assert "arrangement" not in entry and "arrangement_url" not in entry
    assert set(entry["description"]) <= {"fi", "en", "sv"}


@pytest.mark.parametrize("service_id", SERVICE_IDS)
def test_entity_and_country(service_id: str) -> None:
    entry = catalog.service(service_id)
    countries = vocab.vocabulary("countries")
    assert entry["country"] in countries
    entity = entry["entity"]
    assert set(entity) <= {"name", "address"}
    assert isinstance(entity["name"], str) and entity["name"].strip()
    address = entity.get("address")
    if address is not None:
        assert set(address) == {"street", "postal_code", "city", "country"}
        assert all(isinstance(address[k], str) and address[k].strip()
                   for k in ("street", "postal_code", "city"))
        assert address["country"] == entry["country"]
    else:
        assert "address" in (entry.get("notes") or ""), "say in notes why the address is missing"


@pytest.mark.parametrize("service_id", SERVICE_IDS)
def test_links_and_sources(service_id: str) -> None:
    entry = catalog.service(service_id)
    assert _HTTPS_RE.match(entry["privacy_policy"])
    if "dpa" in entry:
        assert _HTTPS_RE.match(entry["dpa"])
    sources = entry["sources"]
    assert isinstance(sources, list) and sources
    assert all(isinstance(url, str) and _HTTPS_RE.match(url) for url in sources), sources
    assert len(set(sources)) == len(sources)
    header = (catalog.SERVICES_DIR / f"{service_id}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert header == "# Sources: " + ", ".join(sources)


def _outside_eea(code: str) -> bool:
    attrs = vocab.vocabulary("countries")[code].attrs
    return not (attrs.get("eea") or attrs.get("part_of"))


@pytest.mark.parametrize("service_id", SERVICE_IDS)
def test_transfers(service_id: str) -> None:
    entry = catalog.service(service_id)
    countries = vocab.vocabulary("countries")
    mechanisms = vocab.vocabulary("transfer_mechanisms")
    assert isinstance(entry["transfers"], list)
    for transfer in entry["transfers"]:
        assert set(transfer) <= {"countries", "sub_processors", "onward", "mechanism", "link"}
        assert transfer["countries"]
        # Review 13:03, 1.1: a processor established in the EU/EEA is not itself in the third
        # country; the data reach only the processors it engages there (Art. 28(2), (4)).
        in_eea = not _outside_eea(entry["country"])
        if entry["role"] == "processor":
            assert transfer.get("sub_processors", False) is in_eea, (
                "an EU/EEA processor's transfers go to its sub-processors: sub_processors: true"
                if in_eea else "the processor itself is outside the EU/EEA: no sub_processors")
        # A controller established in the EU/EEA transfers the data outside it itself, under its
        # own responsibility (Google Ireland Limited is not in the United States, and its
        # transfer to Google LLC is not the site's): onward: true. A processor never does.
        if entry["role"] in ("independent_controller", "joint_controller"):
            assert transfer.get("onward", False) is in_eea, (
                "an EU/EEA controller's own transfer: onward: true" if in_eea
                else "the controller itself is outside the EU/EEA: no onward")
        else:
            assert "onward" not in transfer, "only a controller transfers under its own responsibility"
        for code in transfer["countries"]:
            assert code in countries
            term = countries[code]
            assert not term.attrs.get("eea") and not term.attrs.get("part_of"), (
                f"{code} is inside the EU/EEA: not a transfer")
        mechanism = transfer.get("mechanism")
        if mechanism is None:
            assert "mechanism" in (entry.get("notes") or ""), "say in notes why it is unknown"
            continue
        assert mechanism in mechanisms
        if mechanisms[mechanism].attrs.get("requires_link"):
            assert transfer.get("link"), f"{mechanism} needs a link to the safeguard"
        if mechanism == "adequacy_decision":
            assert all(countries[c].attrs.get("adequacy") for c in transfer["countries"])
        if mechanism == "eu_us_dpf":
            assert transfer["countries"] == ["US"]
        if "link" in transfer:
            assert _HTTPS_RE.match(transfer["link"])


@pytest.mark.parametrize("service_id", SERVICE_IDS)
def test_cookies(service_id: str) -> None:
    entry = catalog.service(service_id)
    cookies = entry["cookies"]
    assert isinstance(cookies, list)
    names = [(c["name"], c["prefix"]) for c in cookies]
    assert len(set(names)) == len(names), "a cookie is listed twice"
    for cookie in cookies:
        keys = set(cookie)
        assert keys >= COOKIE_KEYS, sorted(COOKIE_KEYS - keys)
        assert keys <= COOKIE_KEYS | COOKIE_OPTIONAL_KEYS, sorted(keys - COOKIE_KEYS)
        assert isinstance(cookie["name"], str) and cookie["name"].strip()
        assert isinstance(cookie["prefix"], bool)
        assert cookie["party"] in vocab.ids("parties")
        assert cookie["category"] in vocab.ids("cookie_categories")
        assert cookie["type"] in vocab.ids("storage_types")
        assert _is_duration(cookie["duration"]), cookie["duration"]
        assert _localized(cookie["purpose"]), cookie
        if "ocd" in cookie:
            assert set(cookie["ocd"]) == {"id", "category", "retention"}
            assert all(isinstance(v, str) for v in cookie["ocd"].values())
        if "departure" in cookie:
            assert "ocd" in cookie, "a departure is from an OCD row"
            assert isinstance(cookie["departure"], str) and cookie["departure"].strip()
        if entry["tracker"]:
            assert cookie["category"] != "necessary", "a tracker's cookies are never necessary"
        # A cookie outside the default set says in which use case the site sets it (#15).
        assert isinstance(cookie["default"], bool)
        assert ("set_when" in cookie) == (not cookie["default"]), cookie["name"]
        if "set_when" in cookie:
            assert _localized(cookie["set_when"]), cookie["name"]


def test_a_signup_form_brings_no_mailchimp_cookies() -> None:
    # The catalogue itself says a plain signup form sets none of the mc_* cookies.
    assert [c["name"] for c in _cookies("mailchimp") if c["default"]] == []


# --- the Open Cookie Database ---------------------------------------------------------------------

@pytest.mark.parametrize("service_id", SERVICE_IDS)
def test_cookies_match_ocd(service_id: str, ocd: dict[str, dict[str, str]]) -> None:
    for cookie in _cookies(service_id):
        if "ocd" not in cookie:
            continue
        ref = cookie["ocd"]
        where = f"{service_id}: {cookie['name']}"
        assert ref["id"] in ocd, f"{where}: no OCD row {ref['id']}"
        row = ocd[ref["id"]]
        assert row["Cookie / Data Key name"].lower() == cookie["name"].lower(), where
        assert (row["Wildcard match"] == "1") == cookie["prefix"], where
        assert row["Category"] == ref["category"], f"{where}: OCD says {row['Category']!r}"
        assert row["Retention period"] == ref["retention"], (
            f"{where}: OCD says {row['Retention period']!r}")
        departure = cookie.get("departure")
        try:
            expected: str | None = normalise_retention(ref["retention"])
        except ValueError:
            expected = None
        same_duration = cookie["duration"] == expected
        same_category = cookie["category"] in OCD_CATEGORIES[ref["category"]]
        if departure is None:
            assert same_duration, (
                f"{where}: duration {cookie['duration']} but OCD {ref['retention']!r} -> {expected}; "
                "explain the difference in `departure:`")
            assert same_category, (
                f"{where}: category {cookie['category']} but OCD {ref['category']}; "
                "explain the difference in `departure:`")
        else:
            assert not (same_duration and same_category), f"{where}: departure from nothing"


def test_every_ocd_retention_spelling_is_handled(ocd: dict[str, dict[str, str]]) -> None:
    spellings = {row["Retention period"] for row in ocd.values()}
    unhandled = []
    for text in sorted(spellings):
        if text in UNPARSEABLE:
            continue
        try:
            assert _is_duration(normalise_retention(text)), text
        except ValueError:
            unhandled.append(text)
    assert not unhandled, f"normalise_retention() cannot read: {unhandled}"


# --- normalise_retention ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2 years", "P2Y"), ("13 months", "P13M"), ("1 day", "P1D"), ("30 minutes", "PT30M"),
    ("session", SESSION), ("365 days", "P365D"), ("Session", SESSION),
    ("End of session (browser)", SESSION), ("2 Weeks", "P2W"), ("24 hours", "PT24H"),
    ("30 mins", "PT30M"), ("90 sec", "PT90S"), ("1 months", "P1M"), ("2 year", "P2Y"),
    ("1 year ", "P1Y"), ("2 years after last activity", "P2Y"),
    ("13 months by default, modifiable", "P13M"), ("10 years from set/ update", "P10Y"),
])
def test_normalise_retention(text: str, expected: str) -> None:
    assert normalise_retention(text) == expected


@pytest.mark.parametrize("text", sorted(UNPARSEABLE))
def test_unparseable_spellings_raise(text: str) -> None:
    with pytest.raises(ValueError):
        normalise_retention(text)


def test_unparseable_list_stays_short() -> None:
    assert len(UNPARSEABLE) <= 30
