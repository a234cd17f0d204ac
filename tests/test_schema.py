"""The committed JSON Schema matches the models, and every example points editors at it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from noticegen.cli import app
from noticegen.schema import schema_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "notice.schema.json"


def test_committed_schema_is_current() -> None:
    # Regenerate with: noticegen schema > schemas/notice.schema.json
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "schemas/notice.schema.json is stale: run `noticegen schema > schemas/notice.schema.json`"
    )


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["additionalProperties"] is False
    assert {"notice", "controller", "registers"} <= set(schema["required"])


def test_every_field_is_described() -> None:
    schema = json.loads(schema_text())
    undocumented = [
        f"{name}.{field}"
        for name, definition in schema["$defs"].items()
        for field, prop in definition.get("properties", {}).items()
        if not prop.get("description")
    ]
    undocumented += [f"Notice.{f}" for f, p in schema["properties"].items() if not p.get("description")]
    assert undocumented == []


def test_examples_declare_the_schema() -> None:
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    assert examples
    for path in examples:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schemas/notice.schema.json", path


def test_field_docs_are_read_from_the_source_on_demand() -> None:
    """Models are built without reading their source (it cost a third of `check`); the docs
    come from the docstrings under each field when the schema, the reference or a hint asks."""
    from noticegen.model import Notice
    from noticegen.model.controller import Controller
    from noticegen.model.docs import field_doc, field_docs

    assert not Controller.model_config.get("use_attribute_docstrings")
    assert Controller.model_fields["name"].description is None
    assert field_doc(Controller, "name") == "Legal name, as in the Trade Register, e.g. `QualityDesk Oy`."
    assert field_doc(Controller, "no_such_field") == ""
    assert set(field_docs(Notice)) <= set(Notice.model_fields)


def test_a_missing_key_names_what_the_field_is_for() -> None:
    from noticegen.pipeline import check_text

    text = (ROOT / "examples" / "qualitydesk.yaml").read_text(encoding="utf-8")
    assert "controller:\n  name: QualityDesk Oy\n" in text
    text = text.replace("controller:\n  name: QualityDesk Oy\n", "controller:\n", 1)
    result = check_text(text, "notice.yaml", lint=False)
    assert [(d.code, d.message) for d in result.errors] == [("NG012", "missing required key 'name'")]
    assert "Legal name, as in the Trade Register" in result.errors[0].hint


def _patterns(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return found.union(*(_patterns(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_patterns(v) for v in node))
    return set()


def _check_jsonschema(*args: str) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).with_name("check-jsonschema")
    return subprocess.run([str(tool), *args], capture_output=True, text=True, check=False, cwd=ROOT)


def test_the_schema_is_valid_for_check_jsonschema() -> None:
    """The metaschema says a pattern is an ECMA-262 regular expression; check-jsonschema checks
    that with an ECMA-262 engine (regress), so Python-only syntax such as (?P<name>…) fails."""
    proc = _check_jsonschema("--check-metaschema", str(SCHEMA))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_examples_validate_against_the_schema_with_check_jsonschema() -> None:
    examples = sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))
    proc = _check_jsonschema("--schemafile", str(SCHEMA), *examples)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # and a wrong value is caught by the same tool, so the check above can fail
    bad = (ROOT / "examples" / "qualitydesk.yaml").read_text(encoding="utf-8")
    assert "period: P365D" in bad
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bad.yaml"
        path.write_text(bad.replace("period: P365D", "period: 365 days", 1), encoding="utf-8")
        wrong = _check_jsonschema("--schemafile", str(SCHEMA), str(path))
    assert wrong.returncode == 1 and "365 days" in wrong.stdout


def test_every_pattern_means_the_same_in_javascript() -> None:
    """Editors (the YAML language server) run the patterns in JavaScript with the u flag."""
    patterns = sorted(_patterns(json.loads(SCHEMA.read_text(encoding="utf-8"))))
    samples = ["P2Y", "P6M", "P1Y6M", "P30D", "PT30M", "P1DT2H", "P", "PT", "P1DT", "2Y", "P-1Y",
               "P١Y", "fi", "FI", "fin", "customers", "Customers", "-x", "https://a.fi", "ftp://a"]
    script = ("const [patterns, samples] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(patterns.map(p => { const r = new RegExp(p, 'u');"
              " return samples.map(s => r.test(s)); })));")
    proc = subprocess.run(["node", "-e", script], input=json.dumps([patterns, samples]),
                          capture_output=True, text=True, check=True)
    in_js = json.loads(proc.stdout)
    # re.ASCII: \d is 0-9 in JavaScript, and the models compile their patterns so too.
    in_python = [[re.search(p, s, re.ASCII) is not None for s in samples] for p in patterns]
    assert in_js == in_python
