"""The documentation of model fields: the docstring written under each field, read on demand.

Fields are documented the way Python documents attributes, with a string under the annotation.
Pydantic can collect these when it builds each model (``use_attribute_docstrings``), but that
reads and parses the source of every model at import, a third of what ``noticegen check`` spent
before it validated anything. Only the JSON Schema, the reference docs and some error hints
need the text, so they ask here, and the source is read then.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import textwrap
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema


def field_doc(model: type[BaseModel], name: str) -> str:
    """The docstring of field ``name`` of ``model`` (inherited ones too); "" when it has none."""
    return field_docs(model).get(name, "")


@cache
def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """Every documented field of ``model``, its own docstrings over those of its base classes."""
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel:
            docs.update(_own_docs(cls))
    return {name: text for name, text in docs.items() if name in model.model_fields}


def _own_docs(cls: type) -> dict[str, str]:
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # no source shipped: no docs, nothing breaks
        return {}
    tree = ast.parse(source)
    docs: dict[str, str] = {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for before, node in itertools.pairwise(body):
        if (isinstance(before, ast.AnnAssign) and isinstance(before.target, ast.Name)
                and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)):
            docs[before.target.id] = inspect.cleandoc(node.value.value)
    return docs


class WithFieldDocs(GenerateJsonSchema):
    """JSON Schema generation that gives each property its field's docstring as description."""

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        model: type[BaseModel] = schema["cls"]
        docs = field_docs(model)
        properties: dict[str, Any] = json_schema.get("properties", {})
        for name, prop in properties.items():
            if name in docs and "description" not in prop:
                prop["description"] = docs[name]
        return json_schema
