"""Write docs/rules.md from the rule registry, and docs/phrases.md from the phrase corpora
(tests/data/phrases*.yaml): python scripts/gen_rules_doc.py."""

from __future__ import annotations

from pathlib import Path

from noticegen.lint.docs import load_phrase_corpora, phrase_table, render_markdown

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "rules.md"
PHRASES = ROOT / "docs" / "phrases.md"

if __name__ == "__main__":
    TARGET.write_text(render_markdown(), encoding="utf-8")
    print(f"wrote {TARGET}")
    PHRASES.write_text(phrase_table(load_phrase_corpora(ROOT / "tests" / "data")),
                       encoding="utf-8")
    print(f"wrote {PHRASES}")
