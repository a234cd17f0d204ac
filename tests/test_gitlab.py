"""`check --format gitlab`: a GitLab Code Quality report that merge requests can show."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from noticegen.cli import app
from noticegen.diagnostics import Diagnostic, Severity
from noticegen.report import gitlab

# What GitLab reads of a Code Quality report (docs.gitlab.com, "Code Quality report format").
CODE_QUALITY: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {"type": "object", "required": ["path", "lines"], "properties": {
                "path": {"type": "string", "not": {"pattern": "^(/|\\./|[a-z]+:)"}},
                "lines": {"type": "object", "required": ["begin"],
                          "properties": {"begin": {"type": "integer", "minimum": 1}}},
            }},
        },
    },
}


def report(diags: list[Diagnostic]) -> list[dict[str, Any]]:
    out = io.StringIO()
    gitlab(diags, out, False)
    data: list[dict[str, Any]] = json.loads(out.getvalue())
    jsonschema.validate(data, CODE_QUALITY)
    return data


def diag(file: str, line: int, code: str = "NG101", loc: tuple[str | int, ...] = ("registers", 0),
         severity: Severity = Severity.ERROR) -> Diagnostic:
    return Diagnostic(file, line, 3, severity, code, "the purpose 'x' has no legal basis",
                      "Add `legal_basis:`", loc, "purpose-no-legal-basis")


def test_a_report_gitlab_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "privacy").mkdir()
    monkeypatch.chdir(tmp_path / "privacy")
    data = report([diag("notice.yaml", 12), diag("notice.yaml", 0, "NG000", (), Severity.ERROR),
                   diag("notice.yaml", 14, "NG107", ("controller",), Severity.WARNING)])
    first = data[0]
    assert first["location"] == {"path": "privacy/notice.yaml", "lines": {"begin": 12}}
    assert first["check_name"] == "NG101 purpose-no-legal-basis"
    assert first["severity"] == "major" and data[2]["severity"] == "minor"
    assert first["description"] == "The purpose 'x' has no legal basis. Fix: Add `legal_basis:`."
    assert data[1]["location"]["lines"]["begin"] == 1  # the whole file: its first line
    assert len({d["fingerprint"] for d in data}) == 3


def test_fingerprints_survive_edits_above_and_differ_for_twins() -> None:
    before = report([diag("n.yaml", 12)])[0]["fingerprint"]
    after = report([diag("n.yaml", 15)])[0]["fingerprint"]
    assert before == after  # lines added above the problem: still the same problem
    twins = report([diag("n.yaml", 12), diag("n.yaml", 12)])
    assert twins[0]["fingerprint"] != twins[1]["fingerprint"]


def test_check_format_gitlab(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bad.yaml").write_text("notice:\n  languages: [fi]\n  wrong: 1\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", "gitlab", "bad.yaml"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    jsonschema.validate(data, CODE_QUALITY)
    assert any(d["check_name"].startswith("NG011") and d["location"] == {
        "path": "bad.yaml", "lines": {"begin": 3}} for d in data)
    assert result.stderr == ""  # no summary line: stdout is the report
