"""docs/rules.md, generated from the rule registry (scripts/gen_rules_doc.py writes it)."""

from __future__ import annotations

from noticegen.lint.registry import Rule, all_rules

HEADER = """\
# Lint rules

<!-- Generated from the rule registry in noticegen/lint/ by scripts/gen_rules_doc.py; do not edit
by hand. tests/test_lint.py fails when this file is out of date. -->

`noticegen check` runs every rule below over a notice and reports each finding at its line and
column, with a message and a fix. Errors fail `check` and stop `build`; warnings are printed, and
fail too with `--strict` (or `strict = true` in the project settings). `noticegen rules` lists the
rules and `noticegen explain CODE` prints one, in English or Finnish (`--lang fi`).

Codes and names are stable: NG0xx are the core checks of the loader and validator, NG1xx
completeness, NG2xx contradictions, NG3xx recipients and transfers, NG4xx cookies, NG5xx free text,
NG6xx cross-language checks and NG7xx the notice as a document.

## Switching rules off

Every rule except the core checks can be switched off, always with the reason:

- for one register, purpose, recipient or cookie, with `lint:` on that element;
- for the whole notice, with `lint:` at the top level;
- for every notice of a project, with `disable` in `noticegen.toml` or in the `[tool.noticegen]`
  table of `pyproject.toml`, found in the notice's folder or above it.

```yaml
purposes:
  - id: newsletter
    lint:
      disable:
        - {rule: NG506, reason: "\\"may\\" here quotes the newsletter's own terms."}
```

```toml
# noticegen.toml (or [tool.noticegen] in pyproject.toml)
strict = true            # warnings fail `check`
lang = "fi"              # messages in Finnish (`--lang` overrides)
disable = ["NG107"]      # codes or names
```
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _template(text: str) -> str:
    return text.replace("{{", "{").replace("}}", "}")


def _rule_section(rule: Rule) -> str:
    parts = [
        f"### {rule.code} {rule.name}\n\n",
        f"**{rule.severity.value}** · groups: {', '.join(rule.groups)} · source: {rule.source}\n\n",
        rule.doc.text["en"] + "\n\n",
        f"- Message: {_template(rule.message['en'])}\n",
        f"- Fix: {_template(rule.hint['en'])}\n\n",
        "Fails:\n\n```yaml\n" + rule.doc.fail + "\n```\n\n",
        "Passes:\n\n```yaml\n" + rule.doc.passes + "\n```\n\n",
        "Suomeksi:\n\n",
        "".join(f"> {line}\n" if line else ">\n" for line in rule.doc.text["fi"].split("\n")),
        ">\n",
        f"> - Viesti: {_template(rule.message['fi'])}\n",
        f"> - Korjaus: {_template(rule.hint['fi'])}\n\n",
    ]
    return "".join(parts)


def render_markdown() -> str:
    """The whole of docs/rules.md."""
    rules = all_rules()
    lint = [r for r in rules if not r.core]
    core = [r for r in rules if r.core]
    out = [HEADER, "\n## Rules\n\n", "| Code | Name | Severity | Groups | Checks |\n",
           "|---|---|---|---|---|\n"]
    out += [f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.severity.value} | "
            f"{', '.join(r.groups)} | {_cell(r.doc.summary('en'))} |\n" for r in lint]
    out.append("\n")
    out += [_rule_section(r) for r in lint]
    out += ["## Core checks\n\n",
            "The loader and the validator run these before any rule; they cannot be switched "
            "off, because a notice that fails them cannot be read reliably.\n\n",
            "| Code | Name | What it means |\n", "|---|---|---|\n"]
    out += [f"| {r.code} | {r.name} | {_cell(r.doc.text['en'])} |\n" for r in core]
    return "".join(out).rstrip("\n") + "\n"
