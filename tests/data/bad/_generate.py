"""Write the bad-input corpus: the valid BASE_NOTICE (tests/strategies.py), one defect per file.

Run from the repository root after changing a case:  python tests/data/bad/_generate.py
Files are committed; expectations (code, line, column, message) live in expected.yaml and are
written by hand, not by this script. Byte-level cases (BOM, CRLF, UTF-16, Latin-1, NUL, binary)
are why this is a script and not a folder of hand-edited files.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # tests/, for strategies.py

from strategies import BASE_NOTICE as BASE  # noqa: E402 - after the path is set


def sub(old: str, new: str, text: str = BASE) -> str:
    """The base with one exact, unique piece replaced."""
    if text.count(old) != 1:
        raise SystemExit(f"not exactly once in the base: {old!r}")
    return text.replace(old, new)


NAME = "{fi: Asiakasrekisteri, en: Customer register}"
DESCRIPTION = "{fi: Palvelun tuottaminen, en: Providing the service}"
ADDRESS_LINES = "    street: Hämeentie 16\n    postal_code: \"00530\"\n    city: Helsinki\n"

LAUGHS = "".join(
    [f'a0: &a0 ["{"lol" * 3}"]\n']
    + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 10)]
)

CASES: dict[str, str | bytes] = {
    # --- the file as a whole ----------------------------------------------------------------
    "empty.yaml": "",
    "comments_only.yaml": "# a notice will go here\n\n# nothing yet\n",
    "document_marker_only.yaml": "---\n",
    "root_list.yaml": "- notice: {}\n- controller: {}\n",
    "root_scalar.yaml": "Esimerkki Oy privacy notice\n",
    "two_documents.yaml": BASE + "---\nnotice: {}\n",
    "utf16.yaml": BASE.split("recipients:")[0].encode("utf-16"),
    "latin1.yaml": BASE.encode("latin-1"),
    "nul_byte.yaml": sub("    city: Helsinki\n", "    city: Hel\0sinki\n").encode(),
    "binary.bin": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06",
    "bom_with_error.yaml": b"\xef\xbb\xbf" + sub("country: FI", "country: fi").encode(),
    "crlf_with_error.yaml": sub("country: FI", "country: fi").replace("\n", "\r\n").encode(),
    "control_character.yaml": sub("    city: Helsinki\n", "    city: Hel\asinki\n"),
    "cr_only_with_error.yaml": sub("country: FI", "country: fi").replace("\n", "\r").encode(),
    # regression: IndexError while choosing the hint (YAML counts a lone CR as a line break)
    "tab_in_cr_only_file.yaml": sub('  version: "1.0"\n', '\tversion: "1.0"\n')
    .replace("\n", "\r").encode(),
    # --- YAML syntax --------------------------------------------------------------------------
    "tab_indent.yaml": sub('  version: "1.0"\n', '\tversion: "1.0"\n'),
    "tab_in_block.yaml": sub("    city: Helsinki\n", "    city: Helsinki\n\t\n"),
    "unterminated_quote.yaml": sub('  version: "1.0"\n', '  version: "1.0\n'),
    "bad_indent.yaml": sub("  name: Esimerkki Oy\n", "  name: Esimerkki Oy\n bad: indent\n"),
    "colon_in_plain_value.yaml": sub("  name: Esimerkki Oy\n", "  name: Esimerkki: Oy\n"),
    "unclosed_flow_list.yaml": sub("languages: [fi, en]", "languages: [fi, en"),
    "undefined_alias.yaml": sub('  version: "1.0"\n', "  version: *version\n"),
    "merge_key.yaml": sub("controller:\n", "defaults: &d {country: FI}\ncontroller:\n  <<: *d\n"),
    "complex_key.yaml": sub('  version: "1.0"\n', '  version: "1.0"\n  ? [a, b]\n  : c\n'),
    "custom_tag.yaml": sub('  version: "1.0"\n', '  version: !version "1.0"\n'),
    "binary_tag.yaml": sub('  version: "1.0"\n', '  version: !!binary "MS4w"\n'),
    "duplicate_key_top.yaml": BASE + "notice:\n  languages: [fi]\n",
    "duplicate_key_nested.yaml": sub("    city: Helsinki\n", "    city: Helsinki\n    city: Espoo\n"),
    # --- resource limits ----------------------------------------------------------------------
    "billion_laughs.yaml": LAUGHS,
    "recursive_alias.yaml": sub("  name: Esimerkki Oy\n", "  name: &n [*n]\n"),
    # the notice up to its cookies (the file stays under 2 KiB): the nesting stops the reading
    "nested_too_deep.yaml": BASE.split("cookies:\n")[0] + "lint: " + "[" * 70 + "]" * 70 + "\n",
    # regression: libyaml's composer recursed in C on this and crashed the interpreter (SIGSEGV)
    "flow_nesting_guard.yaml": "notice: " + "[" * 1200 + "\n",
    # regression: str() of a >4300-digit int raised ValueError while wording the message
    "huge_integer.yaml": BASE.split("cookies:\n")[0] + "cookies: 0x" + "f" * 3600 + "\n",
    # --- YAML 1.1 surprises in strict text fields ---------------------------------------------
    "postal_code_octal.yaml": sub('postal_code: "00530"', "postal_code: 00530"),
    "version_float.yaml": sub('version: "1.0"', "version: 2.0"),
    "city_no.yaml": sub("city: Helsinki", "city: no"),
    "country_norway_bool.yaml": sub("country: FI", "country: NO"),
    "name_number.yaml": sub("  name: Esimerkki Oy\n", "  name: 1234\n"),
    "language_no.yaml": sub("languages: [fi, en]", "languages: [fi, no]"),
    # --- wrong types ---------------------------------------------------------------------------
    "controller_is_text.yaml": sub("controller:\n  name: Esimerkki Oy\n",
                                   "controller: Esimerkki Oy\nowner:\n  name: Esimerkki Oy\n"),
    "registers_is_mapping.yaml": sub("registers:\n  - id: customers\n",
                                     "registers:\n  id: customers\n  more:\n"),
    "legal_basis_not_list.yaml": sub("legal_basis: [contract]", "legal_basis: contract"),
    "cookies_is_mapping.yaml": sub("cookies:\n  - name: _session\n",
                                   "cookies: {}\nmore_cookies:\n  - name: _session\n"),
    "prefix_is_list.yaml": sub("    provider: mailer\n", "    provider: mailer\n    prefix: [yes]\n"),
    "designated_is_text.yaml": sub("  email: tietosuoja@example.fi\n",
                                   "  email: tietosuoja@example.fi\n  dpo: {designated: maybe}\n"),
    "id_is_number.yaml": sub("  - id: mailer\n", "  - id: 42\n").replace("[mailer]", "[\"42\"]")
    .replace("provider: mailer", "provider: \"42\""),
    "name_is_null.yaml": sub("  name: Esimerkki Oy\n", "  name:\n"),
    "name_is_blank.yaml": sub("  name: Esimerkki Oy\n", '  name: "   "\n'),
    "address_is_list.yaml": sub(ADDRESS_LINES + "    country: FI\n",
                                "    - Hämeentie 16\n    - 00530 Helsinki\n"),
    "data_category_number.yaml": sub("data_categories: [name, email_address]",
                                     "data_categories: [name, 123]"),
    "transfers_is_mapping.yaml": sub("      - countries: [US]\n", "        countries: [US]\n"),
    # --- unknown and missing keys -----------------------------------------------------------
    "unknown_key_root_typo.yaml": sub("controller:\n", "controler:\n"),
    "unknown_key_nested_typo.yaml": sub("  name: Esimerkki Oy\n", "  name: Esimerkki Oy\n  nmae: x\n"),
    "unknown_key_cookie.yaml": sub("    duration: P30D\n", "    duration: P30D\n    expires: P30D\n"),
    "unknown_key_purpose.yaml": sub("        legal_basis: [contract]\n",
                                    "        legal_basis: [contract]\n        legal_basiss: [consent]\n"),
    "missing_controller_name.yaml": sub("  name: Esimerkki Oy\n", ""),
    "missing_two_address_keys.yaml": sub("    street: Hämeentie 16\n", "")
    .replace("    city: Helsinki\n", ""),
    "missing_registers.yaml": BASE.split("registers:\n")[0] + "cookies: []\n",
    "missing_register_name.yaml": sub(f"    name: {NAME}\n", ""),
    "missing_cookie_category.yaml": sub("    category: statistics\n", ""),
    "missing_special_condition.yaml": sub("        condition: explicit_consent\n", ""),
    "custom_term_without_label.yaml": sub("data_subjects: [customers]",
                                          "data_subjects: [customers, {special: false}]"),
    "recipient_without_name.yaml": sub("    name: Mailer Ltd\n", ""),
    # --- empty lists where something is required ------------------------------------------------
    "languages_empty.yaml": sub("languages: [fi, en]", "languages: []"),
    "registers_empty.yaml": sub("registers:\n", "registers: []\nold_registers:\n"),
    "transfer_countries_empty.yaml": sub("countries: [US]", "countries: []"),
    # --- values ---------------------------------------------------------------------------------
    "ytunnus_wrong_check_digit.yaml": sub('"0737546-2"', '"0737546-3"'),
    "ytunnus_without_dash.yaml": sub('"0737546-2"', '"07375462"'),
    "ytunnus_impossible.yaml": sub('"0737546-2"', '"0737542-0"'),
    "country_lowercase.yaml": sub("country: FI", "country: fi"),
    "country_unknown.yaml": sub("countries: [US]", "countries: [XX]"),
    "country_alpha3.yaml": sub("    country: IE\n", "    country: IRL\n"),
    "language_three_letters.yaml": sub("languages: [fi, en]", "languages: [fin, en]"),
    "email_without_at.yaml": sub("email: tietosuoja@example.fi", "email: tietosuoja.example.fi"),
    "url_javascript.yaml": sub("website: https://example.fi", "website: javascript:alert(1)"),
    "url_without_scheme.yaml": sub("website: https://example.fi", "website: example.fi"),
    "id_upper_case.yaml": sub("  - id: customers\n", "  - id: Customers\n"),
    "duration_p_only.yaml": sub("period: P2Y", "period: P"),
    "duration_without_p.yaml": sub("period: P2Y", "period: 2Y"),
    "duration_negative.yaml": sub("period: P2Y", "period: P-1Y"),
    "duration_zero.yaml": sub("period: P2Y", "period: P0D"),
    "duration_too_long.yaml": sub("period: P2Y", "period: P200Y"),
    "duration_number.yaml": sub("duration: P30D", "duration: 30"),
    "cookie_duration_typo.yaml": sub("duration: session", "duration: sesion"),
    "date_impossible.yaml": sub("effective: 2026-12-01", "effective: 2026-13-45"),
    "date_with_time.yaml": sub("effective: 2026-12-01", "effective: 2026-12-01 10:00:00"),
    # regression: Pydantic read a number as a Unix timestamp, so this was 1970-01-01
    "date_number.yaml": sub("effective: 2026-12-01", "effective: 0"),
    "legal_basis_typo.yaml": sub("legal_basis: [contract]", "legal_basis: [contrat]"),
    "cookie_category_unknown.yaml": sub("category: statistics", "category: analytics"),
    "special_condition_typo.yaml": sub("condition: explicit_consent", "condition: consent"),
    "not_a_special_category.yaml": sub("category: health_data", "category: email_address"),
    "custom_category_not_special.yaml": sub("category: health_data",
                                            "category: {label: {fi: Allergiat, en: Allergies}}"),
    # --- languages ------------------------------------------------------------------------------
    "text_one_form_two_languages.yaml": sub(NAME, "Asiakasrekisteri"),
    "text_missing_fi.yaml": sub(NAME, "{en: Customer register}"),
    "text_undeclared_sv.yaml": sub(NAME, "{fi: Asiakasrekisteri, en: Customer register, "
                                         "sv: Kundregister}"),
    "text_empty_en.yaml": sub(DESCRIPTION, '{fi: Palvelun tuottaminen, en: ""}'),
    "text_empty_mapping.yaml": sub(DESCRIPTION, "{}"),
    "text_bad_language_key.yaml": sub(DESCRIPTION, "{fi: Palvelun tuottaminen, english: Service}"),
    "languages_duplicate.yaml": sub("languages: [fi, en]", "languages: [fi, en, fi]"),
    # --- references -----------------------------------------------------------------------------
    "dangling_purpose_recipient.yaml": sub("        recipients: [mailer]\n",
                                           "        recipients: [mailr]\n"),
    "dangling_register_recipient.yaml": sub("    sources: [data_subject]\n",
                                            "    sources: [data_subject]\n    recipients: [bank]\n"),
    "dangling_cookie_provider.yaml": sub("provider: mailer", "provider: hotjar"),
    "duplicate_id_register.yaml": sub("  - id: customers\n", "  - id: mailer\n"),
    "duplicate_id_purpose.yaml": sub("      - id: service\n", "      - id: customers\n"),
    "unknown_service.yaml": sub("recipients:\n  - id: mailer\n",
                                "uses: [not-a-service]\nrecipients:\n  - id: mailer\n"),
}


def main() -> int:
    for old in HERE.iterdir():
        if old.name not in ("_generate.py", "expected.yaml") and old.is_file():
            old.unlink()
    for name, content in CASES.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (HERE / name).write_bytes(data)
    print(f"wrote {len(CASES)} files to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
