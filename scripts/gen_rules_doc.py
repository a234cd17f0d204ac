"""Write docs/rules.md from the rule registry: python scripts/gen_rules_doc.py."""

from __future__ import annotations

from pathlib import Path

from noticegen.lint.docs import render_markdown

TARGET = Path(__file__).resolve().parent.parent / "docs" / "rules.md"

if __name__ == "__main__":
    TARGET.write_text(render_markdown(), encoding="utf-8")
    print(f"wrote {TARGET}")
