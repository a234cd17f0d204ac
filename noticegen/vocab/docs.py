"""docs/vocabulary.md: every built-in label side by side in each language, for review."""

from __future__ import annotations

import sys

from noticegen import vocab

REGENERATE = "python -m noticegen.vocab.docs > docs/vocabulary.md"



def _name(lang: str) -> str:
    """A column's heading: the language's own name (templates/<lang>/language.yaml), else its
    code."""
    from noticegen.l10n import notice_language, notice_languages

    return notice_language(lang).name if lang in notice_languages() else lang

INTRO = f"""\
# Vocabulary labels side by side

<!-- Generated from noticegen/vocab/*.yaml by `{REGENERATE}`; do not edit by hand. -->

Every controlled value that a notice prints (legal bases, rights, data categories, cookie
categories…) has one label per language in `noticegen/vocab/`. A row must say the same thing
in every column: the notice in each language is the same notice. The labels of a vocabulary
match one to one: every term has a label in every language, and no two terms of a vocabulary
share a label in any language (a test checks both, and that this page is current).

Country names are left out: only their English names are stored, and the Finnish and Swedish
names come from the Unicode CLDR (Babel) when a notice is built.
"""


def labelled() -> list[str]:
    """The vocabularies whose every term is labelled in every language (countries are not)."""
    return [name for name in vocab.names()
            if not vocab._meta(name).get("partial_labels")]


def label_languages() -> list[str]:
    """The label languages, Finnish and English first, then the rest by code."""
    found = {lang for name in labelled() for term in vocab.vocabulary(name).values()
             for lang in term.label}
    return sorted(found, key=lambda lang: (lang not in ("fi", "en"), lang != "fi", lang))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def vocabulary_markdown() -> str:
    """The whole page: one table per vocabulary, one row per term, one column per language."""
    langs = label_languages()
    lines = [INTRO]
    lines.append("## Contents\n")
    lines.extend(f"- [{name}](#{name.replace('_', '-')})" for name in labelled())
    lines.append("")
    for name in labelled():
        lines.append(f'<a id="{name.replace("_", "-")}"></a>\n')
        lines.append(f"## {name}\n")
        lines.append("| Value | " + " | ".join(map(_name, langs)) + " |")
        lines.append("|---|" + "---|" * len(langs))
        for term in vocab.vocabulary(name).values():
            cells = " | ".join(_cell(term.label.get(lang, "")) for lang in langs)
            lines.append(f"| `{term.id}` | {cells} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main() -> None:
    """Print the page (redirect it to docs/vocabulary.md)."""
    sys.stdout.write(vocabulary_markdown())


if __name__ == "__main__":
    main()
