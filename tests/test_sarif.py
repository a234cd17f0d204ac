"""`check --format sarif`: a SARIF 2.1.0 log that code-scanning tools accept."""

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
from noticegen.report.sarif import artifact, report, sarif_log

# The parts of the SARIF 2.1.0 schema (docs.oasis-open.org/sarif/sarif/v2.1.0) that a log like
# ours must meet, plus what GitHub code scanning needs (a location with a startLine ≥ 1).
MESSAGE = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}
SARIF_SUBSET: dict[str, Any] = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "required": ["tool"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name"],
                    "properties": {
                        "name": {"type": "string"},
                        "version": {"type": "string"},
                        "informationUri": {"type": "string"},
                        "rules": {"type": "array", "uniqueItems": True, "items": {
                            "type": "object", "required": ["id"],
                            "properties": {
                                "id": {"type": "string"},
                                "name": {"type": "string"},
                                "shortDescription": MESSAGE,
                                "fullDescription": MESSAGE,
                                "defaultConfiguration": {"type": "object", "properties": {
                                    "level": {"enum": ["none", "note", "warning", "error"]}}},
                                "properties": {"type": "object"},
                            }}},
                    }}}},
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "originalUriBaseIds": {"type": "object", "additionalProperties": {
                    "type": "object", "properties": {"uri": {"type": "string"}}}},
                "results": {"type": "array", "items": {
                    "type": "object",
                    "required": ["message", "ruleId", "locations"],
                    "properties": {
                        "ruleId": {"type": "string"},
                        "ruleIndex": {"type": "integer", "minimum": -1},
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "message": MESSAGE,
                        "locations": {"type": "array", "minItems": 1, "items": {
                            "type": "object",
                            "required": ["physicalLocation"],
                            "properties": {"physicalLocation": {
                                "type": "object", "required": ["artifactLocation"],
                                "properties": {
                                    "artifactLocation": {"type": "object", "required": ["uri"]},
                                    "region": {"type": "object", "required": ["startLine"],
                                               "properties": {
                                                   "startLine": {"type": "integer", "minimum": 1},
                                                   "startColumn": {"type": "integer",
                                                                   "minimum": 1}}},
                                }}}}},
                    }}},
            }}},
    },
}


def diag(file: str, line: int, col: int, code: str, sev: Severity = Severity.ERROR,
         name: str = "") -> Diagnostic:
    return Diagnostic(file, line, col, sev, code, f"message {code}", "do this", ("notice",), name)


def test_a_log_meets_the_schema_and_names_its_rules(tmp_path: Path) -> None:
    diags = [diag("notice.yaml", 3, 5, "NG010"),
             diag("notice.yaml", 7, 1, "NG999", Severity.WARNING, "made-up-rule"),
             diag("<stdin>", 0, 0, "NG000")]
    log = sarif_log(diags, cwd=tmp_path)
    jsonschema.validate(log, SARIF_SUBSET)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "noticegen"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert {"NG010", "NG999", "NG000"} <= set(ids)
    results = run["results"]
    for result in results:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    assert results[0]["level"] == "error"
    assert results[1]["level"] == "warning"
    assert results[0]["message"]["text"] == "Message NG010. Fix: Do this."
    assert results[0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "notice.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "startColumn": 5},
    }
    assert "region" not in results[2]["locations"][0]["physicalLocation"]  # position unknown
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    made_up = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "NG999")
    assert made_up["name"] == "made-up-rule"
    assert made_up["defaultConfiguration"]["level"] == "warning"


def test_rules_come_from_the_lint_registry() -> None:
    from noticegen.lint.registry import all_rules

    registered = all_rules()
    rules = sarif_log([])["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in registered]
    first = registered[0]
    assert rules[0]["name"] == first.name
    assert rules[0]["defaultConfiguration"]["level"] == first.severity.value
    assert rules[0]["properties"]["tags"] == list(first.groups)
    assert all(r["fullDescription"]["text"] for r in rules)


@pytest.mark.parametrize(("file", "uri"), [
    ("notices/tietosuojaseloste.yaml", "notices/tietosuojaseloste.yaml"),
    ("my notice.yaml", "my%20notice.yaml"),
    ("<stdin>", "%3Cstdin%3E"),
])
def test_relative_files_are_uris_under_srcroot(file: str, uri: str) -> None:
    assert artifact(file) == {"uri": uri, "uriBaseId": "%SRCROOT%"}


def test_srcroot_is_the_root_of_the_git_work_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GitHub code scanning resolves locations from the repository's root, so a check run in a
    subfolder must still name `privacy/notice.yaml`, not `notice.yaml`."""
    (tmp_path / ".git").mkdir()
    sub = tmp_path / "privacy"
    sub.mkdir()
    monkeypatch.chdir(sub)
    log = sarif_log([diag("notice.yaml", 2, 1, "NG010"), diag(str(sub / "b.yaml"), 1, 1, "NG010"),
                     diag("../other.yaml", 1, 1, "NG010")])
    run = log["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert uris == [{"uri": "privacy/notice.yaml", "uriBaseId": "%SRCROOT%"},
                    {"uri": "privacy/b.yaml", "uriBaseId": "%SRCROOT%"},
                    {"uri": "other.yaml", "uriBaseId": "%SRCROOT%"}]


def test_messages_are_punctuated_sentences() -> None:
    d = Diagnostic("n.yaml", 1, 1, Severity.ERROR, "NG101", "the purpose 'x' has no legal basis",
                   "Add `legal_basis:` with the Art. 6(1) ground you rely on", ("registers",), "")
    (result,) = sarif_log([d])["runs"][0]["results"]
    assert result["message"]["text"] == ("The purpose 'x' has no legal basis. Fix: Add `legal_basis:` "
                                         "with the Art. 6(1) ground you rely on.")


@pytest.mark.parametrize(("lang", "joined"), [("fi", "Korjaus:"), ("sv", "Åtgärd:")])
def test_the_fix_is_joined_in_the_message_language(lang: str, joined: str) -> None:
    """#17: the message and its hint are in the user's language, and so is the word between."""
    d = Diagnostic("n.yaml", 1, 1, Severity.ERROR, "NG101", "viesti", "korjaus", ("registers",), "")
    out = io.StringIO()
    report([d], out, lang=lang)
    (result,) = json.loads(out.getvalue())["runs"][0]["results"]
    assert result["message"]["text"] == f"Viesti. {joined} Korjaus."


def test_rules_link_to_their_section_of_docs_rules_and_help_is_explains_text() -> None:
    from noticegen import __version__
    from noticegen.lint.registry import all_rules
    from noticegen.report.explain import explanation

    page = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    by_code = {r.code: r for r in all_rules()}
    for entry in sarif_log([])["runs"][0]["tool"]["driver"]["rules"]:
        rule = by_code[entry["id"]]
        base = f"https://github.com/noticegen/noticegen/blob/v{__version__}/docs/rules.md"
        if rule.core:
            assert entry["helpUri"] == base
        else:
            assert entry["helpUri"] == f"{base}#{rule.code.lower()}-{rule.name}"
            assert f"\n### {rule.code} {rule.name}\n" in page  # the heading GitHub makes that anchor of
        assert entry["help"]["text"] == explanation(rule, "en")
        assert entry["help"]["text"] != entry["shortDescription"]["text"]
        assert entry["helpUri"] in entry["help"]["markdown"]


def test_absolute_files_are_file_uris(tmp_path: Path) -> None:
    path = tmp_path / "ä.yaml"
    assert artifact(str(path)) == {"uri": path.as_uri()}


def test_check_format_sarif(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bad.yaml").write_text("notice:\n  languages: [fi]\n  wrong: 1\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", "sarif", "bad.yaml"])
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.validate(log, SARIF_SUBSET)
    results = log["runs"][0]["results"]
    assert results
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in results} == {"bad.yaml"}
    assert any(r["ruleId"] == "NG011" and
               r["locations"][0]["physicalLocation"]["region"]["startLine"] == 3 for r in results)


def test_sarif_is_listed_as_a_format() -> None:
    result = CliRunner().invoke(app, ["check", "--help"])
    assert "sarif" in result.output


NOTIFICATION = {"type": "object", "required": ["message", "level"], "properties": {
    "level": {"const": "note"}, "message": MESSAGE,
    "locations": {"type": "array", "items": {"type": "object", "required": ["physicalLocation"]}},
    "properties": {"type": "object", "required": ["kind"]}}}
INVOCATIONS = {"type": "array", "minItems": 1, "items": {
    "type": "object", "required": ["executionSuccessful"],  # required by SARIF 2.1.0 (3.20.14)
    "properties": {"executionSuccessful": {"type": "boolean"},
                   "toolExecutionNotifications": {"type": "array", "items": NOTIFICATION}}}}


def test_the_runs_notes_are_tool_execution_notifications(tmp_path: Path) -> None:
    notes = [("notice.yaml", "limit", "1 rule(s) stopped at a value that is missing: NG108"),
             ("notice.yaml", "default", "the notice names the default authority")]
    log = sarif_log([diag("notice.yaml", 3, 5, "NG010")], cwd=tmp_path, notes=notes)
    jsonschema.validate(log, SARIF_SUBSET)
    invocations = log["runs"][0]["invocations"]
    jsonschema.validate(invocations, INVOCATIONS)
    found = invocations[0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in found] == [
        "1 rule(s) stopped at a value that is missing: NG108.",
        "The notice names the default authority."]
    assert [n["properties"]["kind"] for n in found] == ["limit", "default"]
    assert found[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "notice.yaml", "uriBaseId": "%SRCROOT%"}
    assert log["runs"][0]["results"][0]["ruleId"] == "NG010"  # the results are as before
    assert "invocations" not in sarif_log([], cwd=tmp_path)["runs"][0]  # no notes, no invocation


def test_check_format_sarif_carries_the_skipped_rules_and_the_defaults(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`check` prints these as notes after a text report; in SARIF they are notifications,
    the default authority too (text shows it only with --verbose)."""
    from strategies import BASE_NOTICE

    monkeypatch.chdir(tmp_path)
    Path("draft.yaml").write_text(BASE_NOTICE.replace("country: FI", "country: fi"),
                                  encoding="utf-8")
    Path("valid.yaml").write_text(BASE_NOTICE, encoding="utf-8")  # names no authority
    result = CliRunner().invoke(app, ["check", "--format", "sarif", "draft.yaml", "valid.yaml"])
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.validate(log["runs"][0]["invocations"], INVOCATIONS)
    found = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    where = {n["properties"]["kind"]: (n["locations"][0]["physicalLocation"]["artifactLocation"]
                                       ["uri"], n["message"]["text"]) for n in found}
    assert where["limit"][0] == "draft.yaml"
    assert "NG108 representative-missing" in where["limit"][1]
    assert where["default"][0] == "valid.yaml"
    assert "Office of the Data Protection Ombudsman" in where["default"][1]
    assert len(found) == 2
    assert ": note: " not in result.stderr  # not said twice
    plain = CliRunner().invoke(app, ["check", "--format", "json", "draft.yaml"])
    assert isinstance(json.loads(plain.stdout), list)  # the JSON output keeps its shape
