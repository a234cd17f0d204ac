"""The committed JSON Schema matches the models, and every example points editors at it."""

from __future__ import annotations

import json
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
