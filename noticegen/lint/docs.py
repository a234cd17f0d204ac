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
How well the free-text rules find what owners write is measured on a corpus of real-world
phrasings: [precision and recall](phrases.md).

Codes and names are stable: NG0xx are the core checks of the loader and validator, NG1xx
completeness, NG2xx contradictions, NG3xx recipients and transfers, NG4xx cookies, NG5xx free text,
NG6xx cross-language checks, NG7xx the notice as a document, and NG8xx a consent banner's
configuration compared with the notice: these run only with `check --consent-config FILE`
(the JSON of vanilla-cookieconsent or Klaro, or YAML; their positions are in that file).

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


# --- the phrase corpus: precision and recall of the free-text rules --------------------------

PHRASE_RULES = ("NG201", "NG202", "NG203", "NG501", "NG502", "NG503", "NG505", "NG506", "NG507")
"""The free-text rules measured on tests/data/phrases.yaml: the phrase each one looks for (for
NG201-NG203 the denial or claim; the rule also needs the fact that contradicts it)."""


def phrase_scores(corpus: list[dict[str, object]]) -> dict[str, tuple[int, int, int]]:
    """Per rule: true positives, false positives, false negatives of its patterns on the corpus
    (each entry ``{lang, text, expect}``; ``expect`` a code, a list of codes or ``clean``)."""
    from noticegen.lint.patterns import may_match, search

    scores = {rule: [0, 0, 0] for rule in PHRASE_RULES}
    for entry in corpus:
        expect = entry["expect"]
        wanted = [] if expect == "clean" else [expect] if isinstance(expect, str) else expect
        assert isinstance(wanted, list)
        lang, text = str(entry["lang"]), str(entry["text"])
        suspect = may_match(lang, text)  # as `check` looks: through the one search first
        for rule in PHRASE_RULES:
            hit = suspect and next(search(rule, lang, text), None) is not None
            if hit or rule in wanted:
                scores[rule][0 if hit and rule in wanted else 1 if hit else 2] += 1
    return {rule: (tp, fp, fn) for rule, (tp, fp, fn) in scores.items()}


def precision_recall(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


PHRASES_HEADER = """\
# Free-text rules: precision and recall

<!-- Generated from tests/data/phrases.yaml by scripts/gen_rules_doc.py; do not edit by hand.
tests/test_phrases.py fails when this file is out of date, and when a rule falls below
recall 0.9 or precision 0.95. -->

The free-text rules of [the rule list](rules.md) look for phrases. Owners write the same thing
in many ways: other verbs, persons, moods, word orders and inflections ("ei luovuteta", "emme
jaa kenellekään", "we will not pass your details on to anyone"). The phrase corpus in
`tests/data/phrases.yaml` holds real-world phrasings in Finnish, English and Swedish, each with
the rule it must draw, and sentences that must draw none. A *true positive* is a phrase the
rule finds and should; a *false positive* one it finds and should not (a clean sentence or
another rule's phrase); a *false negative* one it misses.

"""


def phrase_table(corpus: list[dict[str, object]]) -> str:
    """docs/phrases.md: the corpus's size and each rule's precision and recall on it."""
    from noticegen.lint.registry import lookup

    langs: dict[str, int] = {}
    for entry in corpus:
        langs[str(entry["lang"])] = langs.get(str(entry["lang"]), 0) + 1
    clean = sum(1 for entry in corpus if entry["expect"] == "clean")
    lines = [PHRASES_HEADER,
             f"The corpus has {len(corpus)} phrasings ("
             + ", ".join(f"{n} {lang}" for lang, n in sorted(langs.items()))
             + f"), {clean} of them clean.\n",
             "| Rule | Name | Phrases | True positives | False positives | False negatives "
             "| Precision | Recall |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for rule, (tp, fp, fn) in phrase_scores(corpus).items():
        precision, recall = precision_recall(tp, fp, fn)
        found = lookup(rule)
        name = found.name if found else ""
        lines.append(f"| [{rule}](rules.md#{rule.lower()}-{name}) | {name} | {tp + fn} | {tp} | {fp} | "
                     f"{fn} | {precision:.2f} | {recall:.2f} |")
    return "\n".join(lines) + "\n"
