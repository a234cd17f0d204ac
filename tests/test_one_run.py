"""Every problem in one run: a draft that fails validation still gets every check that can run
on what is there (noticegen/lenient.py), and unknown values in the owner's language get a
suggestion from the vocabularies' labels."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from noticegen import vocab
from noticegen.cli import app
from noticegen.lenient import Hole, MissingInput, partial_notice
from noticegen.pipeline import check_text

# An old Finnish notice half copied into YAML: a dozen problems of every layer.
DRAFT = """\
notice:
  languages: [fi, en]
  effective: 2026-12-01
controller:
  name: Esimerkki Oy
  email: tietosuoja@example.fi
registers:
  - id: customers
    name: {fi: Asiakasrekisteri}
    data_categories: [name, email_address, online_identifiers]
    sources: [data_subject]
    description:
      fi: Keräämme kävijöistä anonyymejä tilastoja.
      en: We collect anonymous statistics on visitors.
    purposes:
      - id: service
        description: {fi: Palvelun tuottaminen, en: Providing the service}
        retention: {criteria: {fi: Niin kauan kuin on tarpeen., en: As long as necessary.}}
        recipients: [crm, mailer]
      - id: marketing
        description: {fi: Markkinointi, en: Marketing}
        legal_basis: [suostumus]
recipients:
  - id: crm
    name: CRM Oy
    role: käsittelijä
    country: Suomi
introduction: {fi: Käyttäjät hyväksyvät tämän tietosuojaselosteen., en: Users accept this notice.}
"""

EXPECTED = [  # (code, line, column, words of the message)
    ("NG012", 1, 1, "missing required key 'version'"),          # missing key
    ("NG012", 4, 1, "missing required key 'address'"),          # missing key
    ("NG107", 5, 3, "business ID"),                             # GDPR rule: no Y-tunnus
    ("NG022", 9, 11, "the en text is missing"),                 # missing translation
    ("NG203", 13, 11, "not anonymous"),                         # GDPR rule: anonymity claim
    ("NG203", 14, 11, "not anonymous"),
    ("NG101", 16, 9, "'service' has no legal basis"),           # GDPR rule: no legal basis
    ("NG505", 18, 36, "Niin kauan kuin on tarpeen"),            # GDPR rule: vague retention
    ("NG505", 18, 69, "As long as necessary"),
    ("NG020", 19, 27, "'mailer' is not a known recipient"),     # unknown reference
    ("NG104", 20, 9, "'marketing' are kept"),                   # GDPR rule: no retention
    ("NG010", 22, 23, "Did you mean 'consent'?"),               # unknown value, in Finnish
    ("NG010", 26, 11, "Did you mean 'processor'?"),             # unknown value, in Finnish
    ("NG010", 27, 14, "Did you mean 'FI'?"),                    # unknown value, in Finnish
    ("NG011", 28, 1, "unknown key 'introduction'"),             # unknown key
    ("NG703", 2, 3, "no change log"),                           # GDPR rule: no change log
]


def test_a_draft_with_a_dozen_problems_of_every_layer_gets_them_all_in_one_run() -> None:
    result = check_text(DRAFT, "draft.yaml")
    got = [(d.code, d.line, d.column, d.message) for d in result.diagnostics]
    shown = "\n".join(f"{c} {line}:{col} {m}" for c, line, col, m in got)
    for code, line, column, words in EXPECTED:
        assert any(g[:3] == (code, line, column) and words in g[3] for g in got), \
            f"missing {code} {line}:{column} {words!r} in\n{shown}"
    assert len(got) == len(EXPECTED), shown
    assert {c for c, *_ in EXPECTED} >= {"NG010", "NG011", "NG012", "NG020", "NG022", "NG101"}
    # What could not be checked is said, by rule
    (skipped,) = result.notes
    assert "may find more once the errors above are fixed" in skipped
    assert "NG102 legitimate-interest-missing" in skipped  # needs the invalid legal basis
    assert "NG107" not in skipped and "NG203" not in skipped
    assert result.notice is None and result.resolved is None  # a draft is never rendered


def test_the_cli_prints_the_skipped_rules_as_a_note(tmp_path: Path) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--lang", "fi", str(path)])
    assert result.exit_code == 1
    assert f"{path}: huom.: " in result.stderr and "sääntöä pysähtyi" in result.stderr
    assert "NG101" in result.stdout and "NG022" in result.stdout and "NG010" in result.stdout


def test_a_valid_notice_gets_no_note() -> None:
    result = check_text(DRAFT.replace("  effective:", '  version: "1"\n  effective:'), "d.yaml")
    assert result.notes and result.errors  # still a draft
    from strategies import BASE_NOTICE

    assert check_text(BASE_NOTICE, "n.yaml").notes == []


def test_a_rule_that_meets_a_hole_stops_but_keeps_what_it_found_before() -> None:
    result = check_text(DRAFT, "draft.yaml")
    assert Counter(d.code for d in result.diagnostics)["NG101"] == 1  # 'service', before the hole


def test_the_draft_notice_has_holes_only_where_values_are_missing_or_invalid() -> None:
    import yaml

    notice = partial_notice(yaml.safe_load(DRAFT))
    assert notice.controller.name == "Esimerkki Oy"
    assert notice.notice.languages == ["fi", "en"]
    purposes = notice.registers[0].purposes
    assert purposes[0].legal_basis == [] and purposes[0].id == "service"
    for hole in (notice.notice.version, notice.controller.address, purposes[1].legal_basis,
                 notice.recipients[0].role, notice.recipients[0].country):
        assert type(hole) is Hole
        with pytest.raises(MissingInput):
            bool(hole)
        with pytest.raises(MissingInput):
            hash(hole)
        with pytest.raises(MissingInput):
            str(hole)
    assert partial_notice([1, 2]) is None


@pytest.mark.parametrize(("vocabulary", "value", "meant"), [
    ("roles", "käsittelijä", "processor"),
    ("roles", "Personuppgiftsbiträde", "processor"),
    ("roles", "viranomainen", "authority"),
    ("legal_bases", "suostumus", "consent"),
    ("legal_bases", "Samtycke", "consent"),
    ("legal_bases", "lakisääteinen velvoite", "legal_obligation"),
    ("countries", "Suomi", "FI"),
    ("countries", "Ruotsi", "SE"),
    ("countries", "Yhdysvallat", "US"),
    ("countries", "Germany", "DE"),
    ("cookie_categories", "välttämätön", "necessary"),
    ("data_categories", "nimi", "name"),
    ("roles", "procesor", "processor"),
])
def test_unknown_values_in_the_owners_language_get_a_suggestion(
        vocabulary: str, value: str, meant: str) -> None:
    assert vocab.suggest(vocabulary, value) == meant


def test_no_suggestion_when_nothing_is_close() -> None:
    assert vocab.suggest("roles", "kahvinkeitin") is None
    assert vocab.suggest("countries", "Atlantis") is None
