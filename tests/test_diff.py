"""`noticegen diff`: change records by element, sentences per language, exit codes like diff(1)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from noticegen.cli import app
from noticegen.diffing import compare
from noticegen.model import Notice
from noticegen.pipeline import check_file

BASE: dict[str, Any] = yaml.safe_load("""
notice:
  languages: [fi, en]
  version: "1.0"
  effective: 2026-01-01
  changes:
    - {date: 2026-01-01, summary: {fi: Ensimmäinen versio., en: First version.}}
controller:
  name: Testi Oy
  business_id: "1234567-1"
  address: {street: Hämeentie 1, postal_code: "00530", city: Helsinki}
  email: tietosuoja@testi.fi
uses: [hotjar]
recipients:
  - id: accountant
    name: Tilitoimisto Oy
    role: processor
    country: FI
registers:
  - id: customers
    name: {fi: Asiakasrekisteri, en: Customer register}
    data_subjects: [customers]
    data_categories: [name, email_address]
    sources: [data_subject]
    purposes:
      - id: customer-relationship
        description: {fi: Asiakassuhteen hoitaminen, en: Managing customer relationships}
        legal_basis: [contract]
        retention: {period: P2Y, after: end_of_customer_relationship}
        recipients: [accountant]
      - id: analytics
        description: {fi: Sivuston tilastointi, en: Website statistics}
        legal_basis: [consent]
        withdrawal: {fi: Evästeasetuksista., en: From the cookie settings.}
        retention: {period: P1Y}
        recipients: [hotjar]
cookies:
  - name: consent
    category: necessary
    party: first
    duration: P1Y
    purpose: {fi: Tallentaa valinnat., en: Stores your choices.}
cookie_consent:
  method: banner
""")


def write(tmp: Path, name: str, data: dict[str, Any]) -> Path:
    path = tmp / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def changed(tmp: Path, edit: Callable[[dict[str, Any]], None], *args: str) -> Result:
    new = json.loads(json.dumps(BASE, default=str))
    edit(new)
    return CliRunner().invoke(app, ["diff", "--exit-code", *args, str(write(tmp, "old.yaml", BASE)),
                                    str(write(tmp, "new.yaml", new))])


def test_without_exit_code_a_change_exits_0_as_git_diff_does(tmp_path: Path) -> None:
    new = json.loads(json.dumps(BASE, default=str))
    new["notice"]["effective"] = "2026-03-01"
    old_path, new_path = write(tmp_path, "old.yaml", BASE), write(tmp_path, "new.yaml", new)
    result = CliRunner().invoke(app, ["diff", str(old_path), str(new_path)])
    assert result.exit_code == 0, result.output
    assert "voimaantulopäivä muuttui" in result.stdout  # it did find the change
    # A `set -e` script goes on past the first notice with changes.
    script = (f"set -e\n{sys.executable} -m noticegen diff {old_path} {new_path} >/dev/null\n"
              "echo went-on\n")
    proc = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "went-on" in proc.stdout, proc.stderr


def records(result: Result) -> list[dict[str, Any]]:
    data = json.loads(result.stdout)
    return [{k: c[k] for k in ("kind", "element", "key", "field")} for c in data["changes"]]


def purpose(data: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(p for r in data["registers"] for p in r["purposes"] if p["id"] == pid)


def test_the_base_notice_is_valid(tmp_path: Path) -> None:
    assert check_file(str(write(tmp_path, "n.yaml", BASE)), lint=False).errors == []


def test_nothing_changed_exits_0_with_no_output(tmp_path: Path) -> None:
    result = changed(tmp_path, lambda d: None)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "Ei muutoksia." in result.stderr


def test_the_change_log_and_lint_settings_are_not_changes(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["notice"]["changes"].insert(0, {"date": "2026-02-01", "summary": {"fi": "x", "en": "y"}})
        d["lint"] = {"disable": [{"rule": "NG999", "reason": "test"}]}

    assert changed(tmp_path, edit).exit_code == 0


def test_a_catalogue_service_named_either_way_is_the_same_recipient(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        del d["uses"]
        d["recipients"].append({"id": "hotjar", "service": "hotjar"})

    result = changed(tmp_path, edit)
    assert result.exit_code == 0, result.output


def test_a_new_purpose_is_told_in_every_language_of_the_new_notice(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["registers"][0]["purposes"].append({
            "id": "newsletter", "description": {"fi": "Uutiskirje", "en": "Newsletter"},
            "legal_basis": ["consent"], "withdrawal": {"fi": "Linkistä.", "en": "From the link."},
            "retention": {"period": "P1M", "after": "consent_withdrawal"}})

    result = changed(tmp_path, edit)
    assert result.exit_code == 1
    assert result.stdout == (
        "Suomeksi:\n"
        "- Rekisteriin ”Asiakasrekisteri” lisätty käyttötarkoitus ”Uutiskirje” "
        "(oikeusperuste: suostumus).\n"
        "\n"
        "In English:\n"
        '- Added purpose "Newsletter" to register "Customer register" (legal basis: consent).\n'
    )


def test_legal_bases_and_retention(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        p = purpose(d, "customer-relationship")
        p["legal_basis"] = ["legitimate_interests"]
        p["legitimate_interest"] = {"fi": "Asiakassuhde.", "en": "The customer relationship."}
        p["retention"] = {"period": "P1Y6M", "after": "end_of_customer_relationship"}

    result = changed(tmp_path, edit, "--lang", "fi")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        "- Käyttötarkoitus ”Asiakassuhteen hoitaminen”: lisätty oikeusperuste oikeutettu etu.",
        "- Käyttötarkoitus ”Asiakassuhteen hoitaminen”: poistettu oikeusperuste sopimus.",
        "- Käyttötarkoitus ”Asiakassuhteen hoitaminen”: lisätty oikeutettu etu ”Asiakassuhde”.",
        "- Käyttötarkoitus ”Asiakassuhteen hoitaminen”: säilytysaika muuttui (2 vuotta "
        "asiakassuhteen päättymisestä → 1 vuosi ja 6 kuukautta asiakassuhteen päättymisestä).",
    ]
    en = changed(tmp_path, edit, "--lang", "en").stdout
    assert ('Purpose "Managing customer relationships": retention period changed from 2 years '
            "after the end of the customer relationship to 1 year and 6 months after the end of "
            "the customer relationship.") in en


def test_recipients_and_transfers(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["recipients"][0]["country"] = "SE"
        d["recipients"].append({
            "id": "crm", "name": "CRM Inc.", "role": "processor", "country": "US",
            "transfers": [{"countries": ["US"], "mechanism": "eu_us_dpf",
                           "checked": "2026-01-01"}]})
        purpose(d, "customer-relationship")["recipients"].append("crm")

    result = changed(tmp_path, edit, "--format", "json")
    assert result.exit_code == 1
    assert records(result) == [
        {"kind": "added", "element": "purpose", "key": "customer-relationship",
         "field": "recipients"},
        {"kind": "changed", "element": "recipient", "key": "accountant", "field": "country"},
        {"kind": "added", "element": "recipient", "key": "crm", "field": ""},
        {"kind": "added", "element": "transfer", "key": "crm:US", "field": ""},
    ]
    texts = [c["text"] for c in json.loads(result.stdout)["changes"]]
    assert texts[0]["fi"] == ("Käyttötarkoitus ”Asiakassuhteen hoitaminen”: lisätty vastaanottaja "
                              "CRM Inc.")
    assert texts[1]["en"] == 'Recipient "Tilitoimisto Oy": country changed from Finland to Sweden.'
    assert texts[1]["fi"] == "Vastaanottaja ”Tilitoimisto Oy”: maa muuttui (Suomi → Ruotsi)."
    assert texts[2]["fi"] == "Lisätty vastaanottaja ”CRM Inc.” (henkilötietojen käsittelijä, Yhdysvallat)."
    assert texts[3]["en"] == ("Added data transfer: CRM Inc. to United States; transfer "
                              "mechanism: EU-U.S. Data Privacy Framework.")


def test_a_transfer_mechanism_change(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["recipients"][0]["transfers"] = [{"countries": ["US"], "mechanism": "standard_clauses",
                                            "link": "https://example.com/scc"}]

    base = json.loads(json.dumps(BASE, default=str))
    base["recipients"][0]["transfers"] = [{"countries": ["US"], "mechanism": "eu_us_dpf"}]
    new = json.loads(json.dumps(base))
    edit(new)
    result = CliRunner().invoke(app, ["diff", "-f", "json", str(write(tmp_path, "a.yaml", base)),
                                      str(write(tmp_path, "b.yaml", new))])
    assert [(r["element"], r["field"], r["kind"]) for r in records(result)] == [
        ("transfer", "mechanism", "changed"), ("transfer", "link", "added")]
    assert json.loads(result.stdout)["changes"][0]["text"]["en"] == (
        'Data transfer "Tilitoimisto Oy to United States": transfer mechanism changed from '
        "EU-U.S. Data Privacy Framework to standard data protection clauses adopted by the "
        "Commission.")


def test_cookies_by_name_and_provider(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["cookies"][0]["duration"] = "session"
        d["cookies"].append({"name": "prefs", "category": "preferences", "party": "first",
                             "duration": "P30D", "purpose": {"fi": "Asetukset.", "en": "Settings."}})
        d["uses"] = []
        purpose(d, "analytics")["recipients"] = []

    result = changed(tmp_path, edit, "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    recs = records(result)
    assert {"kind": "changed", "element": "cookie", "key": "consent", "field": "duration"} in recs
    assert {"kind": "added", "element": "cookie", "key": "prefs", "field": ""} in recs
    assert {"kind": "removed", "element": "recipient", "key": "hotjar", "field": ""} in recs
    assert {"kind": "removed", "element": "cookie", "key": "hotjar:_hjSessionUser_",
            "field": ""} in recs
    texts = [c["text"]["en"] for c in json.loads(result.stdout)["changes"]]
    assert 'Cookie "consent": duration changed from 1 year to session.' in texts
    assert 'Added cookie "prefs" (preference cookies, 30 days).' in texts
    assert 'Removed cookie "_hjSessionUser_".' in texts


def test_contacts(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["controller"]["email"] = "privacy@testi.fi"
        d["controller"]["phone"] = "+358 40 123 4567"
        d["controller"]["dpo"] = {"designated": True, "name": "Maija Meikäläinen",
                                  "email": "dpo@testi.fi"}

    result = changed(tmp_path, edit, "-l", "fi")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "- Rekisterinpitäjä: sähköpostiosoite muuttui (tietosuoja@testi.fi → privacy@testi.fi).",
        "- Rekisterinpitäjä: lisätty puhelinnumero +358 40 123 4567.",
        "- Lisätty tietosuojavastaava: Maija Meikäläinen, dpo@testi.fi.",
    ]


def test_registers_come_and_go_with_their_purposes(tmp_path: Path) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["registers"].append({
            "id": "applicants", "name": {"fi": "Työnhakijat", "en": "Job applicants"},
            "data_subjects": ["job_applicants"], "data_categories": ["name", "job_application"],
            "purposes": [{"id": "recruitment", "description": {"fi": "Rekrytointi",
                                                               "en": "Recruitment"},
                          "legal_basis": ["contract"],
                          "retention": {"period": "P2Y", "after": "end_of_recruitment"}}]})
        d["registers"][0]["data_categories"].append("phone_number")

    result = changed(tmp_path, edit, "-l", "en", "-l", "fi")
    assert result.stdout == (
        "In English:\n"
        '- Register "Customer register": added category of personal data phone number.\n'
        '- Added register "Job applicants".\n'
        '- Added purpose "Recruitment" to register "Job applicants" (legal basis: contract).\n'
        "\n"
        "Suomeksi:\n"
        "- Rekisteri ”Asiakasrekisteri”: lisätty henkilötietoryhmä puhelinnumero.\n"
        "- Lisätty rekisteri ”Työnhakijat”.\n"
        "- Rekisteriin ”Työnhakijat” lisätty käyttötarkoitus ”Rekrytointi” "
        "(oikeusperuste: sopimus).\n"
    )
    reverse = CliRunner().invoke(app, ["diff", "-l", "fi", str(tmp_path / "new.yaml"),
                                       str(tmp_path / "old.yaml")])
    assert reverse.stdout.splitlines() == [
        "- Rekisteri ”Asiakasrekisteri”: poistettu henkilötietoryhmä puhelinnumero.",
        "- Rekisteristä ”Työnhakijat” poistettu käyttötarkoitus ”Rekrytointi”.",
        "- Poistettu rekisteri ”Työnhakijat”.",
    ]


def test_markdown_has_a_heading_per_language(tmp_path: Path) -> None:
    result = changed(tmp_path, lambda d: d["notice"].update(version="1.1"), "-f", "markdown")
    assert result.exit_code == 1
    assert result.stdout == (
        "## Suomeksi\n\n- Seloste: versio muuttui (1.0 → 1.1).\n\n"
        "## In English\n\n- Notice: version changed from 1.0 to 1.1.\n"
    )


def test_json_is_the_same_as_data(tmp_path: Path) -> None:
    result = changed(tmp_path, lambda d: d["notice"].update(effective="2026-03-01"), "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["changed"] is True
    assert data["languages"] == ["fi", "en"]
    assert data["old"].endswith("old.yaml") and data["new"].endswith("new.yaml")
    (change,) = data["changes"]
    assert change == {
        "kind": "changed", "element": "notice", "key": "", "field": "effective", "register": "",
        "old": "2026-01-01", "new": "2026-03-01",
        "text": {"fi": "Seloste: voimaantulopäivä muuttui (1.1.2026 → 1.3.2026).",
                 "en": "Notice: effective date changed from 1 January 2026 to 1 March 2026."},
    }
    same = changed(tmp_path, lambda d: None, "-f", "json")
    assert same.exit_code == 0
    assert json.loads(same.stdout) | {"old": "", "new": ""} == {
        "old": "", "new": "", "changed": False, "languages": ["fi", "en"], "changes": []}


def test_standard_input_as_old(tmp_path: Path) -> None:
    old = write(tmp_path, "old.yaml", BASE).read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["diff", "-", str(tmp_path / "old.yaml")], input=old)
    assert result.exit_code == 0, result.output


def test_trouble_exits_2(tmp_path: Path) -> None:
    good = str(write(tmp_path, "good.yaml", BASE))
    bad = tmp_path / "bad.yaml"
    bad.write_text("notice: {languages: [fi]}\n", encoding="utf-8")
    invalid = CliRunner().invoke(app, ["diff", good, str(bad)])
    assert invalid.exit_code == 2
    assert "bad.yaml:1:1: error NG012" in invalid.stderr
    assert invalid.stdout == ""
    missing = CliRunner().invoke(app, ["diff", good, str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2
    assert "no such file" in missing.stderr
    assert CliRunner().invoke(app, ["diff", "-", "-"]).exit_code == 2
    assert CliRunner().invoke(app, ["diff", "--lang", "finnish", good, good]).exit_code == 2
    assert CliRunner().invoke(app, ["diff", good]).exit_code == 2


def test_every_part_of_the_notice_is_compared() -> None:
    # A new top-level key must be compared (in noticegen/diffing.py) or knowingly skipped.
    compared = {"notice", "controller", "registers", "recipients", "cookies", "cookie_consent",
                "rights", "supervisory_authority", "security"}
    skipped = {"uses", "lint"}  # uses: compared as the recipients and cookies it brings
    assert set(Notice.model_fields) == compared | skipped


@pytest.mark.parametrize("lang", ["fi", "en", "sv"])
def test_every_field_of_every_element_has_a_name(lang: str) -> None:
    from noticegen import model
    from noticegen.diffing.compare import SKIP
    from noticegen.diffing.words import ELEMENTS, FIELDS

    elements = [model.NoticeMeta, model.Controller, model.Contact, model.DataProtectionOfficer,
                model.Representative, model.Rights, model.Register, model.Purpose,
                model.Recipient, model.Transfer, model.Cookie, model.CookieConsent,
                model.SupervisoryAuthority]
    containers = {"contact", "dpo", "representative", "purposes", "transfers"}
    for element in elements:
        for name in element.model_fields:
            if name not in SKIP | containers:
                assert lang in FIELDS.get(name, {}), f"{element.__name__}.{name}: no {lang} name"
    assert all(lang in names for names in ELEMENTS.values())


def test_compare_is_a_plain_function(tmp_path: Path) -> None:
    a = check_file(str(write(tmp_path, "a.yaml", BASE)), lint=False).resolved
    assert a is not None
    assert compare(a, a).changes == []


def test_no_changes_is_said_in_the_message_language(tmp_path: Path) -> None:
    old, new = write(tmp_path, "old.yaml", BASE), write(tmp_path, "new.yaml", BASE)

    def said(**env: str) -> str:
        clean = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8", "NOTICEGEN_LANG": "", **env}
        result = CliRunner().invoke(app, ["diff", str(old), str(new)], env=clean)
        assert result.exit_code == 0, result.output
        return result.stderr.strip()

    assert said() == "Ei muutoksia."                    # the locale names no language: the notice's
    assert said(LANG="en_GB.UTF-8") == "No changes."   # an English user, a Finnish notice
    assert said(NOTICEGEN_LANG="en", LANG="fi_FI.UTF-8") == "No changes."
