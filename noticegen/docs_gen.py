"""Generate the YAML reference, docs/reference.md (English) and docs/reference.<lang>.md, from
the models' fields and their descriptions; and the `--help` section of each command page,
docs/commands/<command>.md and <command>.<lang>.md, from the command line itself
(:func:`command_pages`).

The English texts are the models' own docstrings and the phrases below; another language's are
in the ``reference`` gettext catalogue of ``noticegen/locale/<lang>/`` (``reference.po``, kept
in step by ``python scripts/messages.py update``). A language with that catalogue has a
reference page: nothing here lists the languages.
"""

from __future__ import annotations

import gettext
import re
import sys
import typing
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from noticegen.l10n import LOCALE_DIR
from noticegen.model.docs import field_doc

DOMAIN = "reference"


def regenerate(lang: str = "en") -> str:
    """The command that writes the page of ``lang``."""
    if lang == "en":
        return "python -m noticegen.docs_gen > docs/reference.md"
    return f"python -m noticegen.docs_gen {lang} > docs/reference.{lang}.md"


REGENERATE = regenerate()

INTRO = """\
# YAML reference

<!-- Generated from the notice models by `{regenerate}`; do not edit by hand. -->

{other}

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

PHRASES: dict[str, str] = {
    # What links the page to the pages of the other languages: {links} lists them.
    "other": "*In other languages: {links}.*",
    "page": "[{name}]({file})",
    "top": "Top level",
    "contents": "Contents",
    "also": "Also used at {paths}.",
    "table": "| Key | Type | Required | Description |",
    "yes": "yes",
    "no": "no",
    "default": "no (default `{value}`)",
    "keys_of": "keys of {link}",
    "per_language": "text per language",
    "duration_or_session": "duration, or `session`",
    "or": "{options}, or {last}",
    "vocabulary": "a value from {link}",
    "one_of": "one of {values}",
    "list": "list: each {item}",
    "boolean": "`true` or `false`",
    "value": "value",
    "email": "e-mail address",
    "uri": "web address (`https://…`)",
    "date": "date (`2026-12-01`)",
    "language": "language code (`fi`, `en`)",
    "country": "country code (`FI`, `US`)",
    "id": "id",
    "duration": "duration (`P2Y`, `P6M`, `P30D`)",
    "examples": "text, such as {examples}",
    "text": "text",
    "builtin": "Built-in values",
    "builtin_intro": "Write the value in the first column; the notice shows its name in the notice's "
                     "language.",
    "values_table": "| Value | Suomeksi | In English |",
    "name": "English",
}
"""The page's own words (the English text is the message id)."""


def page_languages() -> list[str]:
    """English, and every language with a reference catalogue."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return ["en", *(lang for lang in found if lang != "en")]


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
        return gettext.GNUTranslations(file)


def reference_markdown(lang: str = "en") -> str:
    """The whole reference page, in ``lang``."""
    from noticegen.model import Notice

    say = _catalogue(lang).gettext

    def phrase(key: str, **params: str) -> str:
        text = say(PHRASES[key])
        return text.format(**params) if params else text

    schema = Notice.model_json_schema(mode="validation")
    used: dict[str, None] = {}  # vocabularies referenced, in order of first use
    others = ", ".join(phrase("page", name=_catalogue(other).gettext(PHRASES["name"]),
                              file=_file(other)) for other in page_languages() if other != lang)
    intro = say(INTRO).format(regenerate=regenerate(lang),
                              other=phrase("other", links=others) if others else "")
    lines = [re.sub(r"\n{3,}", "\n\n", intro)]
    sections = list(_sections(Notice))
    titles = {model.__name__: path for model, path, _ in sections}
    lines.append(f"## {phrase('contents')}\n")
    lines.extend(f"- [{_title(path, phrase)}](#{_anchor(model)})" for model, path, _ in sections)
    lines.append(f"- [{phrase('builtin')}](#built-in-values)\n")
    for model, path, also in sections:
        lines.append(f'<a id="{_anchor(model)}"></a>\n')
        lines.append(f"## {_title(path, phrase)}\n")
        lines.append(say(_clean(model.__doc__ or "")) + "\n")
        if also:
            lines.append(phrase("also", paths=", ".join(f"`{p}`" for p in also)) + "\n")
        properties = _properties(schema, model)
        lines.append(phrase("table"))
        lines.append("|---|---|---|---|")
        for name, info in model.model_fields.items():
            prop = properties.get(name, {})
            kind = _type_text(prop, titles, used, phrase)
            required = phrase("yes") if info.is_required() else _default(info.default, phrase)
            description = say(_clean(info.description or field_doc(model, name)))
            lines.append(f"| `{name}` | {kind} | {required} | {_cell(description)} |")
        lines.append("")
    lines.extend(_vocabularies(used, phrase))
    return "\n".join(lines).rstrip() + "\n"


def reference_messages() -> list[str]:
    """Every text the pages translate: the introduction, the phrases, and the models' and
    fields' documentation (what `scripts/messages.py update` puts in the reference catalogue)."""
    from noticegen.model import Notice

    texts = [INTRO, *PHRASES.values()]
    for model, _path, _also in _sections(Notice):
        texts.append(_clean(model.__doc__ or ""))
        texts.extend(_clean(info.description or field_doc(model, name))
                     for name, info in model.model_fields.items())
    return list(dict.fromkeys(t for t in texts if t))


Phrase = Callable[..., str]


def _file(lang: str) -> str:
    return "reference.md" if lang == "en" else f"reference.{lang}.md"


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


def _title(path: str, phrase: Phrase) -> str:
    return f"`{path}`" if path else phrase("top")


def _anchor(model: type[BaseModel]) -> str:
    return model.__name__.lower()


def _properties(schema: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    definition = schema if model.__name__ == schema.get("title") else \
        schema["$defs"][model.__name__]
    props: dict[str, Any] = definition.get("properties", {})
    return props


def _type_text(prop: dict[str, Any], titles: dict[str, str], used: dict[str, None],
               phrase: Phrase) -> str:
    """A property's JSON Schema in words; ``titles`` maps model names to their section paths."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return phrase("keys_of", link=f"[{_title(titles[name], phrase)}](#{name.lower()})")
    options = [p for p in prop.get("anyOf", prop.get("oneOf", [])) if p != {"type": "null"}]
    if options:
        if len(options) == 2 and {o.get("type") for o in options} == {"string", "object"} \
                and all("$ref" not in o for o in options):
            return phrase("per_language")
        if any(o.get("const") == "session" for o in options):
            return phrase("duration_or_session")
        if len(options) == 1:
            return _type_text(options[0], titles, used, phrase)
        texts = [_type_text(o, titles, used, phrase) for o in options]
        joined = texts[0]
        for text in texts[1:]:
            joined = phrase("or", options=joined, last=text)
        return joined
    if "enum" in prop:
        vocabulary = _vocabulary_of(prop["enum"])
        if vocabulary:
            used.setdefault(vocabulary, None)
            return phrase("vocabulary",
                          link=f"[{vocabulary}](#values-{vocabulary.replace('_', '-')})")
        return phrase("one_of", values=", ".join(f"`{v}`" for v in prop["enum"]))
    kind = prop.get("type")
    if kind == "array":
        return phrase("list", item=_type_text(prop.get("items", {}), titles, used, phrase))
    if kind == "boolean":
        return phrase("boolean")
    if kind == "string":
        return _string_text(prop, phrase)
    return phrase("value")


def _string_text(prop: dict[str, Any], phrase: Phrase) -> str:
    fmt, pattern = prop.get("format"), prop.get("pattern", "")
    if fmt == "email":
        return phrase("email")
    if fmt == "uri":
        return phrase("uri")
    if fmt == "date":
        return phrase("date")
    if pattern == "^[a-z]{2}$":
        return phrase("language")
    if pattern == "^[A-Z]{2}$":
        return phrase("country")
    if pattern.startswith("^[a-z0-9]"):
        return phrase("id")
    if pattern.startswith("^P"):
        return phrase("duration")
    if "examples" in prop:
        return phrase("examples", examples=", ".join(f"`{e}`" for e in prop["examples"]))
    return phrase("text")


def _vocabulary_of(values: list[str]) -> str | None:
    from noticegen import vocab

    for name in vocab.names():
        if set(values) == set(vocab.ids(name)):
            return name
    return None


def _vocabularies(used: dict[str, None], phrase: Phrase) -> Iterator[str]:
    from noticegen import vocab

    yield '<a id="built-in-values"></a>\n'
    yield f"## {phrase('builtin')}\n"
    yield phrase("builtin_intro") + "\n"
    for name in used:
        yield f'<a id="values-{name.replace("_", "-")}"></a>\n'
        yield f"### {name}\n"
        yield phrase("values_table")
        yield "|---|---|---|"
        for term in vocab.vocabulary(name).values():
            yield f"| `{term.id}` | {_cell(term.text('fi'))} | {_cell(term.text('en'))} |"
        yield ""


def _default(value: Any, phrase: Phrase) -> str:
    if value is None or value == []:
        return phrase("no")
    if isinstance(value, bool):
        return phrase("default", value="true" if value else "false")
    return phrase("default", value=str(value))


def _clean(text: str) -> str:
    return " ".join(text.split())


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


COMMAND_PAGE_LANGUAGES = ("en", "fi")
"""The languages the command pages, docs/commands/, are written in."""
HELP_BEGIN = "<!-- help: written by `python -m noticegen.docs_gen --command-pages` -->"
HELP_END = "<!-- /help -->"


def command_page_name(name: str, lang: str) -> str:
    """The file of a command's page in ``lang``: check.md, check.fi.md."""
    return f"{name}.md" if lang == "en" else f"{name}.{lang}.md"


def _help_section(name: str, lang: str) -> str:
    from noticegen.l10n import tr

    heading = tr(lang, "Help at the command line")
    # TRANSLATORS: the sentence before a command's --help on its page in docs/commands/.
    intro = tr(lang, "What `{command}` prints:", command="noticegen " + name + " --help")
    return "## " + heading + "\n\n" + intro + "\n\n"


def command_help(name: str, lang: str) -> str:
    """The `--help` of a command (and of each of its subcommands) in ``lang``, as a command page
    shows it: a text block between :data:`HELP_BEGIN` and :data:`HELP_END`, 80 columns wide."""
    import typer
    from typer.testing import CliRunner

    from noticegen.cli import app

    command: Any = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    env = {"NOTICEGEN_LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8",
           "COLUMNS": "80"}
    parts = []
    for args in [[name], *([name, sub] for sub in getattr(command, "commands", {}))]:
        result = CliRunner().invoke(app, [*args, "--help"], env=env)
        parts.append(f"$ noticegen {' '.join(args)} --help\n{result.output}")
    return f"{HELP_BEGIN}\n```text\n" + "\n".join(parts) + f"```\n{HELP_END}\n"


def command_page(text: str, name: str, lang: str) -> str:
    """A command page with its `--help` section as the command line prints it now (the section
    is added at the end of a page that has none)."""
    block = command_help(name, lang)
    if HELP_BEGIN in text:
        start = text.index(HELP_BEGIN)
        end = text.index(HELP_END, start) + len(HELP_END) + 1
        return text[:start] + block + text[end:]
    return text.rstrip("\n") + "\n\n" + _help_section(name, lang) + block


def command_pages(folder: Any) -> list[Any]:
    """Write the `--help` section of every command page in ``folder`` (docs/commands); the pages
    that changed."""
    import typer

    from noticegen.cli import app

    changed = []
    for name in typer.main.get_command(app).commands:  # type: ignore[attr-defined]
        for lang in COMMAND_PAGE_LANGUAGES:
            path = folder / command_page_name(name, lang)
            text = path.read_text(encoding="utf-8")
            new = command_page(text, name, lang)
            if new != text:
                path.write_text(new, encoding="utf-8")
                changed.append(path)
    return changed


def main(argv: list[str]) -> int:
    """Print the reference in the language given (default English; redirect it to the file
    ``regenerate`` names); with ``--command-pages``, write the `--help` section of every
    command page instead."""
    if argv[:1] == ["--command-pages"]:
        from pathlib import Path

        root = Path(__file__).resolve().parent.parent
        for path in command_pages(root / "docs" / "commands"):
            print(f"wrote {path.relative_to(root)}", file=sys.stderr)
        return 0
    lang = argv[0] if argv else "en"
    if lang not in page_languages():
        print(f"no reference catalogue for {lang!r}: {', '.join(page_languages())}", file=sys.stderr)
        return 2
    sys.stdout.write(reference_markdown(lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
