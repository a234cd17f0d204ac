"""Every rule's YAML cases (tests/data/rules/NGxxx.yaml): each notice gives exactly the expected diagnostics.

A case is ``{name, notice, expect}``: ``notice`` is a whole notice as YAML text and ``expect`` the
diagnostics it must give, as ``{code, line, column}`` within that text (``[]``: it passes). A case
of a consent-banner rule (NG8xx) also has ``consent_config``, the banner's configuration that
``check --consent-config`` compares with the notice; its diagnostics are marked ``in: consent``. All
diagnostics count, so a passing case is clean of every rule, not only of its own.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from noticegen.diagnostics import Diagnostic
from noticegen.lint.registry import all_rules
from noticegen.pipeline import check_consent_config, check_text

CASES_DIR = Path(__file__).resolve().parent / "data" / "rules"


def load_cases() -> dict[str, list[dict[str, Any]]]:
    """Rule code → its cases, from every NGxxx.yaml."""
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(CASES_DIR.glob("NG*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(cases, list), f"{path.name}: expected a list of cases"
        out[path.stem] = cases
    return out


CASES = load_cases()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


PARAMS = [pytest.param(code, case, id=f"{code}-{_slug(case['name'])}")
          for code, cases in CASES.items() for case in cases]


def _check(code: str, case: dict[str, Any], lang: str | None, folder: Path) -> list[Diagnostic]:
    """The case's diagnostics; with a `consent_config`, also those of comparing it (NG8xx)."""
    result = check_text(case["notice"], f"{code}.yaml", lang=lang)
    if "consent_config" in case:
        config = folder / "consent.json"
        config.write_text(case["consent_config"], "utf-8")
        result = check_consent_config(result, str(config), lang=lang)
    return result.diagnostics


def _where(d: Diagnostic) -> dict[str, Any]:
    found: dict[str, Any] = {"code": d.code, "line": d.line, "column": d.column}
    if d.file.endswith("consent.json"):
        found["in"] = "consent"
    return found


@pytest.mark.parametrize(("code", "case"), PARAMS)
def test_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    assert set(case) - {"consent_config"} == {"name", "notice", "expect"}, \
        f"{code}: {case.get('name')}: wrong keys"
    diagnostics = _check(code, case, None, tmp_path)
    got = [_where(d) for d in diagnostics]
    shown = "\n".join(f"  {d.line}:{d.column} {d.code} {d.message}" for d in diagnostics)
    assert got == case["expect"], f"{code} / {case['name']}: got\n{shown or '  nothing'}"


@pytest.mark.parametrize(("code", "case"), PARAMS)
def test_case_in_finnish(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    # The Finnish messages have the same placeholders and findings as the English ones.
    english = _check(code, case, "en", tmp_path)
    finnish = _check(code, case, "fi", tmp_path)
    assert [(d.code, d.line, d.column) for d in finnish] == \
        [(d.code, d.line, d.column) for d in english]
    lint = [(e, f) for e, f in zip(english, finnish, strict=True) if not e.code.startswith("NG0")]
    assert all(e.message != f.message and f.hint for e, f in lint)


def test_every_rule_has_failing_and_passing_cases() -> None:
    missing = []
    for rule in all_rules():
        if rule.core:
            continue
        cases = CASES.get(rule.code, [])
        fails = [c for c in cases if any(e["code"] == rule.code for e in c["expect"])]
        passes = [c for c in cases if c["expect"] == []]
        if not fails or not passes:
            missing.append(f"{rule.code}: {len(fails)} failing, {len(passes)} passing")
    assert not missing, "rules without YAML cases in tests/data/rules:\n" + "\n".join(missing)


def test_every_case_file_belongs_to_a_rule() -> None:
    codes = {r.code for r in all_rules() if not r.core}
    assert set(CASES) <= codes, f"case files for unknown rules: {sorted(set(CASES) - codes)}"


def test_the_base_notice_is_clean() -> None:
    text = (CASES_DIR / "_base.yaml").read_text(encoding="utf-8")
    assert check_text(text, "_base.yaml").diagnostics == []
