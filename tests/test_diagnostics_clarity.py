"""Diagnostics that used to mislead: each says what is wrong, where, and nothing that is not."""

from __future__ import annotations

from noticegen.pipeline import check_text

HEAD = """\
notice:
  languages: [en]
  version: "1.0"
  effective: 2026-12-01
  changes:
    - date: 2026-12-01
      summary: First version.
controller:
  name: Example Oy
  business_id: "1234567-1"
  address: {street: Katu 1, postal_code: "00100", city: Helsinki}
  email: privacy@example.fi
"""
REGISTER = """\
registers:
  - id: customers
    name: Customer register
    data_categories: [name, email_address]
    sources: [data_subject]
    purposes:
      - id: service
        description: Delivering our service to customers
        legal_basis: [contract]
        retention: {period: P2Y, after: end_of_contract}
        requirement:
          type: contractual
          consequence: Without these data we cannot deliver the service.
"""


def _codes(text: str) -> list[str]:
    return [d.code for d in check_text(text, "n.yaml").diagnostics]


def test_the_ombudsman_named_in_finnish_is_not_out_of_date() -> None:
    ok = HEAD + REGISTER + """\
supervisory_authority:
  name: Tietosuojavaltuutettu
  visiting_address: Lintulahdenkuja 4, 00530 Helsinki
"""
    assert "NG111" not in _codes(ok)
    assert "NG111" in _codes(ok.replace("Tietosuojavaltuutettu", "Tietosuojavaltuutetun virasto"))


def test_authorities_are_not_asked_for_a_country() -> None:
    text = HEAD + REGISTER + "recipients:\n  - {id: authorities, name: Authorities, role: authority}\n"
    assert "NG306" not in _codes(text)
    other = text.replace("role: authority", "role: independent_controller")
    (diag,) = [d for d in check_text(other, "n.yaml").diagnostics if d.code == "NG306"]
    assert "country" in diag.message


def test_the_cookie_fix_names_only_the_keys_that_are_missing() -> None:
    text = HEAD + REGISTER + """\
cookies:
  - name: session_id
    category: necessary
    purpose: Keeps you logged in.
"""
    (diag,) = [d for d in check_text(text, "n.yaml").diagnostics if d.code == "NG401"]
    assert "`duration:`" in diag.hint and "`party:`" in diag.hint
    assert "purpose" not in diag.hint and "purpose" not in diag.message
    fi = check_text(text, "n.yaml", lang="fi").diagnostics
    (diag,) = [d for d in fi if d.code == "NG401"]
    assert "`duration:`" in diag.hint and "`purpose:`" not in diag.hint


def test_the_anonymity_claim_points_at_the_ip_address() -> None:
    text = HEAD + REGISTER.replace(
        "data_categories: [name, email_address]",
        "data_categories: [name, device_data, online_identifiers]\n"
        "    description: IP addresses are stored anonymously.")
    (diag,) = [d for d in check_text(text, "n.yaml").diagnostics if d.code == "NG203"]
    assert "online identifiers (IP address" in diag.message
    assert "device and browser" not in diag.message
    device = text.replace("IP addresses are stored", "Device data are stored")
    (diag,) = [d for d in check_text(device, "n.yaml").diagnostics if d.code == "NG203"]
    assert "device and browser data" in diag.message


def test_a_finding_from_the_catalogue_names_the_service_and_the_fact() -> None:
    text = HEAD + REGISTER.replace("[contract]", "[contract]\n        recipients: [hotjar]") \
        + "uses: [hotjar]\n"
    lines = text.splitlines()
    uses_line = next(i for i, line in enumerate(lines, 1) if line.startswith("uses:"))
    diags = check_text(text, "n.yaml").diagnostics
    found = [d for d in diags if d.line == uses_line]
    assert found, [(d.line, d.code, d.message) for d in diags]
    for d in found:
        assert "catalogue's service `hotjar`" in d.message, d.message
    assert any("of its cookie `_hj" in d.message for d in found), [d.message for d in found]
    fi = [d for d in check_text(text, "n.yaml", lang="fi").diagnostics if d.line == uses_line]
    assert all("palveluluettelon palvelun `hotjar`" in d.message for d in fi
               if not d.code.startswith("NG0"))
    # what the user wrote is not said to come from the catalogue
    assert not any("catalogue" in d.message for d in diags if d.line != uses_line)
