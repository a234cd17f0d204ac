"""Each model rule, through load + validate: the message, the hint and the exact line:col."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import BASE_NOTICE

from noticegen.diagnostics import Diagnostic
from noticegen.model import Notice
from noticegen.model.controller import y_tunnus_check_digit
from noticegen.model.types import _VOCABULARY_WHAT, _kind, approx_days, parse_duration
from noticegen.source import load_text
from noticegen.validate import validate

NAME = "{fi: Asiakasrekisteri, en: Customer register}"


def edit(*pairs: str, text: str = BASE_NOTICE) -> str:
    """BASE_NOTICE with (old, new) pairs replaced; each old must occur exactly once."""
    for old, new in zip(pairs[::2], pairs[1::2], strict=True):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def where(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column of the nth occurrence of needle."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    before = text[:at]
    return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1


def check(text: str) -> list[Diagnostic]:
    loaded = load_text(text, "n.yaml")
    assert loaded.diagnostics == [], loaded.diagnostics
    notice, diags = validate(loaded.data, loaded.source_map)
    assert (notice is None) == bool(diags)
    return diags


def one(text: str, code: str, at: tuple[int, int]) -> Diagnostic:
    """The single diagnostic the text gives, checked for code and position."""
    diags = check(text)
    assert len(diags) == 1, diags
    d = diags[0]
    assert d.code == code, d
    assert (d.line, d.column) == at, d
    assert d.file == "n.yaml"
    return d


def valid(text: str) -> None:
    assert check(text) == []


def test_the_base_is_valid() -> None:
    valid(BASE_NOTICE)


# --- Y-tunnus ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "digit"), [
    ("0112038", 9),     # Nokia Oyj
    ("0737546", 2),
    ("2345678", 0),     # remainder 0
    ("1234567", 1),
    ("0000001", 9),
])
def test_check_digit(body: str, digit: int) -> None:
    assert y_tunnus_check_digit(body) == digit


def test_no_check_digit_for_remainder_one() -> None:
    assert y_tunnus_check_digit("0737542") is None


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 9_999_999).map("{:07d}".format))
def test_exactly_one_digit_is_valid(body: str) -> None:
    right = y_tunnus_check_digit(body)
    results = []
    for digit in range(10):
        text = edit('"0737546-2"', f'"{body}-{digit}"')
        results.append(check(text) == [])
    assert results == [d == right for d in range(10)]


@pytest.mark.parametrize("business_id", ["0112038-9", "112038-9", "2345678-0"])
def test_valid_y_tunnus(business_id: str) -> None:
    valid(edit('"0737546-2"', f'"{business_id}"'))


def test_a_six_digit_y_tunnus_is_written_with_seven() -> None:
    loaded = load_text(edit('"0737546-2"', '"112038-9"'), "n.yaml")
    notice, _ = validate(loaded.data, loaded.source_map)
    assert notice is not None and notice.controller.business_id == "0112038-9"


@pytest.mark.parametrize("business_id", ["SE556703748501", "DE123456789", "IE6388047V",
                                         "FI07375462"])
def test_other_countries_ids_are_accepted(business_id: str) -> None:
    valid(edit('"0737546-2"', f'"{business_id}"'))


@pytest.mark.parametrize(("business_id", "message"), [
    ("0737546-3", "wrong check digit: 0737546-2 would be valid"),
    ("0737542-0", "no check digit fits 0737542"),
    ("07375462", "not written as 1234567-1"),
    ("0737546–2", "not written as 1234567-1"),   # an en dash
    ("073754", "not written as 1234567-1"),
    ("٠٧٣٧٥٤٦-٢", "not written as 1234567-1"),  # Arabic-Indic digits
])
def test_invalid_y_tunnus(business_id: str, message: str) -> None:
    text = edit('"0737546-2"', f'"{business_id}"')
    d = one(text, "NG010", where(text, f'"{business_id}"'))
    assert message in d.message


def test_an_unquoted_y_tunnus_is_text() -> None:
    valid(edit('"0737546-2"', "0737546-2"))


# --- strict text: YAML 1.1 surprises --------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "value", "message", "hint"), [
    ('postal_code: "00530"', "postal_code: 00530", "00530", "got a number (344)",
     'YAML reads 00530 as a number (344); put it in quotes: "00530".'),
    ('version: "1.0"', "version: 2.0", "2.0", "got a number (2.0)", 'quotes: "2.0"'),
    ("city: Helsinki", "city: no", "no\n", "got yes/no value (false)", 'quotes: "no"'),
    ("city: Helsinki", "city: On", "On", "got yes/no value (true)", 'quotes: "On"'),
    ("name: Mailer Ltd", "name: 1234", "1234", "text per language", 'quotes: "1234"'),
    ("  name: Esimerkki Oy", "  name: 1.0e+3", "1.0e+3", "got a number (1000.0)",
     'quotes: "1.0e+3"'),
    ("  name: Esimerkki Oy", "  name: null", "null", "got nothing", 'quotes: "null"'),
    ("  name: Esimerkki Oy", "  name: 0x1F", "0x1F", "got a number (31)", 'quotes: "0x1F"'),
])
def test_strict_text(old: str, new: str, value: str, message: str, hint: str) -> None:
    text = edit(old, new)
    d = one(text, "NG010", where(text, value))
    assert message in d.message
    assert hint in d.hint


def test_strict_text_with_nothing_after_the_colon() -> None:
    text = edit("  name: Esimerkki Oy\n", "  name:\n")
    d = one(text, "NG010", (7, 8))
    assert d.message == "expected text, got nothing"
    assert d.hint == "Write the value after the colon, or remove the key."


def test_blank_text_is_empty() -> None:
    text = edit("city: Helsinki", 'city: "  "')
    assert one(text, "NG010", where(text, '"  "')).message == "this text is empty"


def test_quoted_surprises_are_fine() -> None:
    valid(edit("city: Helsinki", 'city: "no"', 'version: "1.0"', "version: '2.0'"))


def test_very_long_numbers_are_described_without_crashing() -> None:
    text = edit("  name: Esimerkki Oy", "  name: 0x" + "f" * 4000)
    assert "a very large number" in one(text, "NG010", (7, 9)).message


def test_kind_words() -> None:
    assert _kind(True) == "yes/no value (true)"
    assert _kind(16**4000) == "a very large number"
    assert _kind("x" * 50) == "the text '" + "x" * 40 + "…'"
    assert _kind([]) == "a list" and _kind({}) == "a mapping" and _kind(None) == "nothing"


# --- language and country codes ---------------------------------------------------------------

@pytest.mark.parametrize(("languages", "value", "message"), [
    ("[fin, en]", "fin", "'fin' is not a two-letter language code"),
    ("[FI, en]", "FI", "'FI' is not a two-letter language code"),
    ('["fi\\n", en]', '"fi', "is not a two-letter language code"),
    ("[fi, no]", "no]", "got yes/no value"),
])
def test_language_codes(languages: str, value: str, message: str) -> None:
    text = edit("languages: [fi, en]", f"languages: {languages}")
    assert message in one(text, "NG010", where(text, value)).message


def test_languages_need_one() -> None:
    text = edit("languages: [fi, en]", "languages: []")
    d = one(text, "NG010", where(text, "[]"))
    assert d.message == "this list needs at least 1 item(s)"


def test_a_language_listed_twice() -> None:
    text = edit("languages: [fi, en]", "languages: [fi, en, fi]")
    assert one(text, "NG021", where(text, "fi]")).message == "the language fi is listed twice"


def test_country_codes() -> None:
    text = edit("country: FI", "country: fi")
    d = one(text, "NG010", where(text, "fi\n"))
    assert d.message == "country codes are upper-case: write 'FI'"
    text = edit("countries: [US]", "countries: [US, XX]")
    assert "'XX' is not an ISO 3166-1 alpha-2" in one(text, "NG010", where(text, "XX")).message
    text = edit("country: IE", "country: IRL")
    one(text, "NG010", where(text, "IRL"))
    text = edit("country: IE", "country: NO")
    assert 'quotes: "NO"' in one(text, "NG010", where(text, "NO")).hint
    valid(edit("country: IE", 'country: "NO"', "countries: [US]", "countries: [AX, CH, JP]"))


def test_transfer_countries_are_required() -> None:
    text = edit("countries: [US]", "countries: []")
    one(text, "NG010", where(text, "[]"))


# --- durations ------------------------------------------------------------------------------------

@pytest.mark.parametrize("period", ["P2Y", "P6M", "P1Y6M", "P30D", "P1W", "PT30M", "P1DT12H",
                                    "P100Y", "P36500D"])
def test_valid_durations(period: str) -> None:
    valid(edit("period: P2Y", f"period: {period}"))


@pytest.mark.parametrize(("period", "message"), [
    ("P0D", "the duration 'P0D' is zero"),
    ("P0Y0M", "is zero"),
    ("P", "'P' is not an ISO 8601 duration: write P2Y (2 years)"),
    ("PT", "is not an ISO 8601 duration"),
    ("2Y", "is not an ISO 8601 duration"),
    ("P-1Y", "is not an ISO 8601 duration"),
    ("P1.5Y", "is not an ISO 8601 duration"),
    ("p2y", "is not an ISO 8601 duration"),
    ("P2Y ", "is not an ISO 8601 duration"),
    ("P2M1Y", "is not an ISO 8601 duration"),
    ("P200Y", "the duration 'P200Y' is longer than 100 years"),
    ("P40000D", "longer than 100 years"),
    ("P٢Y", "is not an ISO 8601 duration"),   # only ASCII digits
])
def test_invalid_durations(period: str, message: str) -> None:
    text = edit("period: P2Y", f"period: '{period}'")
    assert message in one(text, "NG010", where(text, f"'{period}'")).message


def test_a_duration_must_be_text() -> None:
    text = edit("duration: P30D", "duration: 30")
    d = one(text, "NG010", where(text, "30\n"))
    assert d.message == "expected an ISO 8601 duration such as P2Y or P6M, got a number (30)"


def test_cookie_durations() -> None:
    valid(edit("duration: P30D", "duration: session"))
    text = edit("duration: P30D", "duration: Session")
    one(text, "NG010", where(text, "Session\n"))


def test_parse_duration_and_approx_days() -> None:
    assert parse_duration("P1Y6M") == {"years": 1, "months": 6}
    assert parse_duration("P0D") == {}
    assert parse_duration("PT1H30M") == {"hours": 1, "minutes": 30}
    with pytest.raises(ValueError):
        parse_duration("P2Y\n")
    assert approx_days({"years": 2}) == 730.5
    assert approx_days({"hours": 12}) == 0.5


# --- e-mail, web addresses, ids, dates -------------------------------------------------------

@pytest.mark.parametrize("email", ["a@b.fi", "first.last+tag@sub.example.com"])
def test_valid_emails(email: str) -> None:
    valid(edit("tietosuoja@example.fi", email))


@pytest.mark.parametrize("email", ["tietosuoja.example.fi", "a@b", "a b@c.fi", "a@@b.fi",
                                   "a@b.fi\\n"])
def test_invalid_emails(email: str) -> None:
    text = edit("email: tietosuoja@example.fi", f'email: "{email}"')
    assert "is not an e-mail address" in one(text, "NG010", where(text, f'"{email}"')).message


@pytest.mark.parametrize("url", ["https://example.fi", "http://example.fi/a?b=c#d",
                                 "http://localhost:8000/x"])
def test_valid_urls(url: str) -> None:
    valid(edit("website: https://example.fi", f"website: {url}"))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "example.fi", "ftp://example.fi",
                                 "https://", "https://exa mple.fi", "data:text/html,x",
                                 "//example.fi"])
def test_invalid_urls(url: str) -> None:
    text = edit("website: https://example.fi", f"website: '{url}'")
    d = one(text, "NG010", where(text, f"'{url}'"))
    assert "is not a web address starting with https:// or http://" in d.message


@pytest.mark.parametrize("rid", ["Mailer", "-mailer", "mail er", "mailer!", "a" * 65, "mäiler"])
def test_invalid_ids(rid: str) -> None:
    text = edit("  - id: mailer", f"  - id: '{rid}'")
    assert "is not a valid id" in one(text, "NG010", where(text, f"'{rid}'")).message


def test_an_id_at_the_length_limit() -> None:
    rid = "a" * 64
    valid(edit("  - id: mailer", f"  - id: {rid}", "recipients: [mailer]", f"recipients: [{rid}]",
               "provider: mailer", f"provider: {rid}", "          - mailer\n", f"          - {rid}\n"))


@pytest.mark.parametrize(("value", "message"), [
    ("2026-13-45", "expected a date such as 2026-12-01, got the text '2026-13-45'"),
    ("2026-02-30", "expected a date such as 2026-12-01, got the text '2026-02-30'"),
    ("0", "expected a date such as 2026-12-01, got a number (0)"),
    ("'1700000000'", "got the text '1700000000'"),
    ("1.5", "got a number (1.5)"),
    ("yes", "got yes/no value (true)"),
    ("1 December 2026", "got the text '1 December 2026'"),
    ("2026-12-01T10:00:00", "expected a date without a time"),
])
def test_dates(value: str, message: str) -> None:
    text = edit("effective: 2026-12-01", f"effective: {value}")
    assert message in one(text, "NG010", (4, 14)).message


def test_dates_quoted_or_not() -> None:
    valid(edit("effective: 2026-12-01", "effective: '2026-12-01'"))
    text = edit("        link: https://mailer.example/dpa\n",
                "        link: https://mailer.example/dpa\n        checked: 2026-01-31\n")
    valid(text)


# --- localized text ------------------------------------------------------------------------------

def test_plain_text_in_a_two_language_notice() -> None:
    text = edit(NAME, "Asiakasrekisteri")
    d = one(text, "NG022", where(text, "Asiakasrekisteri"))
    assert d.message == "this text is in one form only, but the notice is in fi, en"
    assert d.hint == "Write it per language: {fi: …, en: …}."


def test_plain_text_in_a_one_language_notice() -> None:
    finnish = re.sub(r", en: [^,}]*", "", BASE_NOTICE)  # {fi: x, en: y} → {fi: x}
    valid(edit("languages: [fi, en]", "languages: [fi]", "{fi: Asiakasrekisteri}",
               "Asiakasrekisteri", text=finnish))


def test_missing_main_language() -> None:
    text = edit(NAME, "{en: Customer register}")
    d = one(text, "NG022", where(text, "{en:"))
    assert d.message == "the fi text is missing"
    assert d.hint == "Add `fi: …` here; the notice declares fi, en."


def test_an_undeclared_language_points_at_its_key() -> None:
    text = edit(NAME, "{fi: A, en: B, sv: C}")
    d = one(text, "NG023", where(text, "sv:"))
    assert d.message == "text in sv, which the notice does not declare"


def test_a_third_language_when_declared() -> None:
    text = edit("languages: [fi, en]", "languages: [fi, en, sv]")
    diags = check(text)
    assert {d.code for d in diags} == {"NG022"}
    assert all(d.message == "the sv text is missing" for d in diags)
    assert len(diags) == BASE_NOTICE.count("en: ")  # every free text


@pytest.mark.parametrize(("value", "message"), [
    ("{fi: A, en: ''}", "the en text is empty"),
    ("{fi: A, en: 3}", "the en text is a number (3), not text"),
    ("{}", "no text given: write {fi: …, en: …}"),
    ("{fi: A, english: B}", "'english' is not a language code: write the text per language as "
                            "{fi: …, en: …}"),
    ("[A, B]", "expected text, or text per language such as {fi: …, en: …}; got a list"),
])
def test_localized_shapes(value: str, message: str) -> None:
    text = edit(NAME, value)
    assert one(text, "NG010", where(text, value)).message == message


def test_names_may_be_one_string_in_every_language() -> None:
    valid(edit("name: Mailer Ltd", "name: {fi: Postittaja Oy, en: Mailer Ltd}"))
    valid(BASE_NOTICE)  # recipient name "Mailer Ltd" is one string in a fi+en notice


def test_custom_term_labels_follow_the_languages() -> None:
    text = edit("data_subjects: [customers]", "data_subjects: [customers, {label: {fi: Jäsenet}}]")
    d = one(text, "NG022", where(text, "{fi: Jäsenet}"))
    assert d.message == "the en text is missing"


# --- vocabulary references and custom terms -----------------------------------------------------

def test_vocabulary_typo_suggests() -> None:
    text = edit("legal_basis: [contract]", "legal_basis: [contrat]")
    d = one(text, "NG010", where(text, "contrat"))
    assert d.message.startswith("'contrat' is not a known legal basis. Did you mean 'contract'? "
                                "Known values: consent, contract,")


def test_vocabulary_without_a_close_match() -> None:
    text = edit("category: statistics", "category: zzz")
    d = one(text, "NG010", where(text, "zzz"))
    assert "Did you mean" not in d.message
    assert "'zzz' is not a known cookie category. Known values: marketing" in d.message


@pytest.mark.parametrize(("name", "words"), [
    ("data_categories", "data category"), ("legal_bases", "legal basis"),
    ("parties", "party"), ("roles", "role"), ("countries", "country"),
])
def test_what_a_vocabulary_value_is(name: str, words: str) -> None:
    assert _VOCABULARY_WHAT[name] == words


def test_every_vocabulary_says_what_its_values_are() -> None:
    from noticegen import vocab

    assert set(_VOCABULARY_WHAT) == set(vocab.names())


def test_a_number_where_a_term_is_expected() -> None:
    text = edit("data_categories: [name, email_address]", "data_categories: [name, 123]")
    d = one(text, "NG010", where(text, "123"))
    assert d.message == "expected text, got a number (123)"


def test_custom_terms() -> None:
    valid(edit("data_categories: [name, email_address]",
               "data_categories: [name, {label: {fi: Rekisterinumero, en: Plate number}}]",
               "sources: [data_subject]",
               "sources: [{label: {fi: Kumppanit, en: Partners}, public: false}]"))
    text = edit("data_subjects: [customers]", "data_subjects: [{label: {fi: A, en: B}, lable: x}]")
    d = one(text, "NG011", where(text, "lable"))
    assert "Did you mean 'label'?" in d.hint


def test_special_categories() -> None:
    valid(edit("category: health_data",
               "category: {label: {fi: Allergiat, en: Allergies}, special: true}"))
    text = edit("category: health_data", "category: email_address")
    d = one(text, "NG026", where(text, "email_address\n"))
    assert d.message == "'email_address' is not a special category of personal data (Art. 9(1))"
    text = edit("category: health_data", "category: {label: {fi: A, en: B}}")
    assert "not marked `special: true`" in one(text, "NG026", where(text, "{label")).message


def test_a_special_category_needs_its_art_9_condition() -> None:
    text = edit("        condition: explicit_consent\n", "")
    d = one(text, "NG012", where(text, "category: health_data"))
    assert d.message == "missing required key 'condition'"
    assert "Art. 9(2)" in d.hint
    text = edit("condition: explicit_consent", "condition: consent")
    assert "Did you mean 'explicit_consent'?" in one(text, "NG010", where(text, "consent\n")).message


# --- keys -----------------------------------------------------------------------------------------

def test_unknown_key_at_the_top_suggests() -> None:
    text = edit("controller:\n", "controler:\n")
    diags = check(text)
    assert [(d.code, d.line, d.column) for d in diags] == [("NG012", 1, 1), ("NG011", 6, 1)]
    assert diags[1].message == "unknown key 'controler'"
    assert diags[1].hint.startswith("Did you mean 'controller'? Allowed keys here: controller, ")
    assert diags[0].message == "missing required key 'controller'"


def test_unknown_nested_key_points_at_the_key() -> None:
    text = edit("    provider: mailer\n", "    provider: mailer\n    provder: mailer\n")
    d = one(text, "NG011", where(text, "provder"))
    assert d.hint.startswith("Did you mean 'provider'? Allowed keys here: category, duration")


def test_unknown_key_without_a_close_match() -> None:
    text = edit("  website: https://example.fi\n", "  website: https://example.fi\n  zzz: 1\n")
    assert one(text, "NG011", where(text, "zzz")).hint.startswith("Allowed keys here: address")


def test_missing_keys_point_at_their_parent_and_none_is_lost() -> None:
    text = edit("    street: Hämeentie 16\n", "", "    city: Helsinki\n", "")
    diags = check(text)
    assert [(d.code, d.line, d.column, d.message) for d in diags] == [
        ("NG012", 9, 3, "missing required key 'street'"),
        ("NG012", 9, 3, "missing required key 'city'"),
    ]
    assert diags[0].hint.startswith("Add `street:` here. Street address or PO box")


def test_wrong_container_types() -> None:
    text = edit("controller:\n  name: Esimerkki Oy\n", "controller: Esimerkki Oy\nx:\n  name: E\n")
    d = check(text)[0]
    assert (d.code, d.line, d.column) == ("NG010", 6, 13)
    assert d.message == "expected a mapping of keys (key: value), got the text 'Esimerkki Oy'"
    assert d.hint == "Expected keys: name, address."
    text = edit("legal_basis: [contract]", "legal_basis: contract")
    assert one(text, "NG010", where(text, "contract\n")).message == (
        "expected a list (items starting with '- '), got the text 'contract'")


def test_registers_are_required() -> None:
    text = edit("registers:\n", "registers: []\nold:\n")
    diags = check(text)
    assert diags[0].message == "this list needs at least 1 item(s)"
    assert diags[0].hint == "Add at least one item, or remove the key."


# --- ids and references ---------------------------------------------------------------------------

def test_duplicate_ids_share_one_namespace() -> None:
    text = edit("  - id: customers", "  - id: mailer")
    d = one(text, "NG021", where(text, "mailer\n", nth=1))
    assert d.message == "the id 'mailer' is already used by recipients/0"
    assert d.hint == "Give this register an id of its own."
    text = edit("      - id: service", "      - id: customers")
    assert "already used by registers/0" in one(text, "NG021", where(text, "customers\n", 1)).message


def test_two_recipients_with_one_id() -> None:
    text = edit("registers:\n", "  - id: mailer\n    name: Other\nregisters:\n")
    d = one(text, "NG021", where(text, "mailer\n", nth=1))
    assert d.hint == "Give this recipient an id of its own."


def test_dangling_references() -> None:
    text = edit("recipients: [mailer]", "recipients: [mailr]")
    d = one(text, "NG020", where(text, "mailr"))
    assert d.message == "'mailr' is not a known recipient"
    assert d.hint == "Did you mean 'mailer'? Add it under `recipients:` or `uses:`."
    text = edit("    sources: [data_subject]\n", "    sources: [data_subject]\n    recipients: [x]\n")
    one(text, "NG020", where(text, "x]"))
    text = edit("provider: mailer", "provider: hotjar")
    d = one(text, "NG020", where(text, "hotjar"))
    assert "leave `provider` out for your own cookies" in d.hint


def test_a_recipient_needs_a_name_or_a_service() -> None:
    text = edit("    name: Mailer Ltd\n", "")
    d = one(text, "NG012", where(text, "id: mailer"))
    assert d.hint == "Name the recipient, or pick a known service with `service:`."


def test_an_unknown_catalogue_service() -> None:
    text = edit("registers:\n", "uses: [no-such-service]\nregisters:\n")
    d = one(text, "NG025", where(text, "no-such-service"))
    assert d.message == "'no-such-service' is not a known service in the catalogue"


def test_the_model_accepts_dumped_data_again() -> None:
    """resolve() round-trips through model_dump: dates come back as date objects."""
    loaded = load_text(BASE_NOTICE, "n.yaml")
    notice, _ = validate(loaded.data, loaded.source_map)
    assert notice is not None
    assert Notice.model_validate(notice.model_dump(exclude_unset=True)) == notice
