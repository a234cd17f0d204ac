"""A typical outdated notice fails with the expected rules; the shipped examples pass."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from noticegen.pipeline import check_file

ROOT = Path(__file__).resolve().parent.parent

# What is wrong with the QualityDesk notices as published (CONTENT-MODEL.md Part 3), by rule.
OUTDATED = {
    "NG102": 1,  # direct marketing on legitimate interests, interest not stated
    "NG103": 1,  # Hotjar analytics on consent, no way to withdraw it
    "NG104": 1,  # no retention for direct marketing
    "NG107": 1,  # no Y-tunnus
    "NG109": 2,  # "tietosuojasta vastaava" / "data protection officer" without a designated DPO
    "NG112": 1,  # customer data on a contract, no word on whether giving them is required
    "NG202": 2,  # "not disclosed to third parties" while Hotjar processes the data (fi, en)
    "NG203": 2,  # "a single user cannot be identified" with unique device identifiers (fi, en)
    "NG402": 1,  # cookie consent by browser settings
    "NG404": 1,  # a Hotjar cookie declared strictly necessary
    "NG405": 1,  # ... which the catalogue files under statistics
    "NG501": 6,  # 523/1999 and 516/2004 in both introductions, the Personal Data Act in the rights
    "NG502": 3,  # tarkistuspyynnöt, kieltopyynnöt, "requests to inspect"
    "NG503": 2,  # "users accept this privacy statement by sending their information" (fi, en)
    "NG505": 2,  # "as long as necessary" (fi, en)
    "NG506": 2,  # "Voimme kerätä" / "We may collect"
    "NG510": 1,  # the Finnish rights text names only access and objection
    "NG602": 2,  # sales@ in Finnish, privacy@ in English
    "NG703": 1,  # no change log
}


def test_the_outdated_notice_fires_the_expected_rules_together() -> None:
    result = check_file(str(ROOT / "tests" / "data" / "outdated-notice.yaml"))
    found = Counter(d.code for d in result.diagnostics)
    assert dict(found) == OUTDATED, "\n".join(
        f"{d.line}:{d.column} {d.code} {d.message}" for d in result.diagnostics)
    assert result.errors and all(d.line > 0 and d.name for d in result.diagnostics)


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_examples_pass_with_no_errors(path: Path) -> None:
    result = check_file(str(path))
    assert result.errors == [], "\n".join(f"{d.line}:{d.column} {d.code} {d.message}"
                                          for d in result.errors)
    # The one warning deserved: QualityDesk's seeds give no Y-tunnus.
    assert {d.code for d in result.warnings} <= {"NG107"}
