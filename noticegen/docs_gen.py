"""Generate docs/reference.md, the YAML reference, from the models' fields and their descriptions."""

from __future__ import annotations

import sys
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from noticegen.model.docs import field_doc

REGENERATE = "python -m noticegen.docs_gen > docs/reference.md"

INTRO = f"""\
# YAML reference

<!-- Generated from the notice models by `{REGENERATE}`; do not edit by hand. -->

Every key a notice file can have, section by section, with what it means. The same
descriptions appear in editors that read the notice's JSON Schema (`noticegen schema`).

How to read the tables:

- **Key** is what you write in the file, followed by a colon: `name: QualityDesk Oy`.
- **Type** says what the value looks like. *Text per language* is written as
  `{{fi: …, en: …}}` (or as plain text when the notice has one language). A *list* is
  written with one `- ` item per line, or in brackets: `[fi, en]`. An *id* is a short name
  you choose, in lower-case letters, digits, `-` and `_`, such as `customer-relationship`.
- **Required** keys must be there; the others can be left out (the default is shown).
- In a section title, `[]` means "each item of the list", so `registers[].purposes[]` is
  each purpose of each register.

Values such as legal bases and data categories come from built-in lists, shown at the end
under [Built-in values](#built-in-values): write the value in the first column, and noticegen
prints the Finnish or English name.
"""


def reference_markdown() -> str:
    """The whole reference page."""
    from noticegen.model import Notice

    schema = Notice.model_json_schema(mode="validation")
    used: dict[str, None] = {}  # vocabularies referenced, in order of first use
    lines = [INTRO]
    sections = list(_sections(Notice))
    titles = {model.__name__: path for model, path, _ in sections}
    lines.append("## Contents\n")
    lines.extend(f"- [{_title(path)}](#{_anchor(model)})" for model, path, _ in sections)
    lines.append("- [Built-in values](#built-in-values)\n")
    for model, path, also in sections:
        lines.append(f'<a id="{_anchor(model)}"></a>\n')
        lines.append(f"## {_title(path)}\n")
        lines.append(_clean(model.__doc__ or "") + "\n")
        if also:
            lines.append("Also used at " + ", ".join(f"`{p}`" for p in also) + ".\n")
        properties = _properties(schema, model)
        lines.append("| Key | Type | Required | Description |")
        lines.append("|---|---|---|---|")
        for name, info in model.model_fields.items():
            prop = properties.get(name, {})
            kind = _type_text(prop, titles, used)
            required = "yes" if info.is_required() else _default(info.default)
            description = _clean(info.description or field_doc(model, name))
            lines.append(f"| `{name}` | {kind} | {required} | {_cell(description)} |")
        lines.append("")
    lines.extend(_vocabularies(used))
    return "\n".join(lines).rstrip() + "\n"


def _sections(root: type[BaseModel]) -> Iterator[tuple[type[BaseModel], str, list[str]]]:
    """Each model once, breadth first, with the YAML path where it first appears and the rest."""
    paths: dict[type[BaseModel], list[str]] = {root: [""]}
    queue: list[type[BaseModel]] = [root]
    while queue:
        model = queue.pop(0)
        for name, info in model.model_fields.items():
            for sub, is_list in _models(info.annotation):
                for parent in paths[model][:1]:
                    path = f"{parent}.{name}" if parent else name
                    path += "[]" if is_list else ""
                    if sub not in paths:
                        paths[sub] = [path]
                        queue.append(sub)
                    elif path not in paths[sub]:
                        paths[sub].append(path)
    for model, where in paths.items():
        yield model, where[0], where[1:]


def _models(annotation: Any, in_list: bool = False) -> Iterator[tuple[type[BaseModel], bool]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation, in_list
        return
    origin = typing.get_origin(annotation)
    for arg in typing.get_args(annotation):
        yield from _models(arg, in_list or origin is list)


def _title(path: str) -> str:
    return f"`{path}`" if path else "Top level"


def _anchor(model: type[BaseModel]) -> str:
    return model.__name__.lower()


def _properties(schema: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    definition = schema if model.__name__ == schema.get("title") else \
        schema["$defs"][model.__name__]
    props: dict[str, Any] = definition.get("properties", {})
    return props


def _type_text(prop: dict[str, Any], titles: dict[str, str], used: dict[str, None]) -> str:
    """A property's JSON Schema in words; ``titles`` maps model names to their section paths."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"keys of [{_title(titles[name])}](#{name.lower()})"
    options = [p for p in prop.get("anyOf", prop.get("oneOf", [])) if p != {"type": "null"}]
    if options:
        if len(options) == 2 and {o.get("type") for o in options} == {"string", "object"} \
                and all("$ref" not in o for o in options):
            return "text per language"
        if any(o.get("const") == "session" for o in options):
            return "duration, or `session`"
        if len(options) == 1:
            return _type_text(options[0], titles, used)
        return ", or ".join(_type_text(o, titles, used) for o in options)
    if "enum" in prop:
        vocabulary = _vocabulary_of(prop["enum"])
        if vocabulary:
            used.setdefault(vocabulary, None)
            return f"a value from [{vocabulary}](#values-{vocabulary.replace('_', '-')})"
        return "one of " + ", ".join(f"`{v}`" for v in prop["enum"])
    kind = prop.get("type")
    if kind == "array":
        return "list: each " + _type_text(prop.get("items", {}), titles, used)
    if kind == "boolean":
        return "`true` or `false`"
    if kind == "string":
        return _string_text(prop)
    return "value"


def _string_text(prop: dict[str, Any]) -> str:
    fmt, pattern = prop.get("format"), prop.get("pattern", "")
    if fmt == "email":
        return "e-mail address"
    if fmt == "uri":
        return "web address (`https://…`)"
    if fmt == "date":
        return "date (`2026-12-01`)"
    if pattern == "^[a-z]{2}$":
        return "language code (`fi`, `en`)"
    if pattern == "^[A-Z]{2}$":
        return "country code (`FI`, `US`)"
    if pattern.startswith("^[a-z0-9]"):
        return "id"
    if pattern.startswith("^P"):
        return "duration (`P2Y`, `P6M`, `P30D`)"
    if "examples" in prop:
        return "text, such as " + ", ".join(f"`{e}`" for e in prop["examples"])
    return "text"


def _vocabulary_of(values: list[str]) -> str | None:
    from noticegen import vocab

    for name in vocab.names():
        if set(values) == set(vocab.ids(name)):
            return name
    return None


def _vocabularies(used: dict[str, None]) -> Iterator[str]:
    from noticegen import vocab

    yield '<a id="built-in-values"></a>\n'
    yield "## Built-in values\n"
    yield ("Write the value in the first column; the notice shows its name in the notice's "
           "language.\n")
    for name in used:
        yield f'<a id="values-{name.replace("_", "-")}"></a>\n'
        yield f"### {name}\n"
        yield "| Value | Suomeksi | In English |"
        yield "|---|---|---|"
        for term in vocab.vocabulary(name).values():
            yield f"| `{term.id}` | {_cell(term.text('fi'))} | {_cell(term.text('en'))} |"
        yield ""


def _default(value: Any) -> str:
    if value is None or value == []:
        return "no"
    if isinstance(value, bool):
        return f"no (default `{'true' if value else 'false'}`)"
    return f"no (default `{value}`)"


def _clean(text: str) -> str:
    return " ".join(text.split())


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main() -> None:
    """Print the reference (redirect it to docs/reference.md)."""
    sys.stdout.write(reference_markdown())


if __name__ == "__main__":
    main()
