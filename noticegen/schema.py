"""The JSON Schema of the notice YAML, generated from the models."""

from __future__ import annotations

import json


def schema_dict() -> dict[str, object]:
    from noticegen.model import Notice
    from noticegen.model.docs import WithFieldDocs

    schema = Notice.model_json_schema(mode="validation", schema_generator=WithFieldDocs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://noticegen.github.io/schemas/notice.schema.json",
        **schema,
    }


def schema_text() -> str:
    """The schema as stable, pretty JSON (what schemas/notice.schema.json holds)."""
    return json.dumps(schema_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
