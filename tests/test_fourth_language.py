"""Adding a language is a data-only change (#17): a throwaway language `xx`, made of the English
data under another code, builds the example and speaks its messages, in a copy of noticegen
whose Python files are the repository's, byte for byte."""

from __future__ import annotations

import filecmp
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
CODE = "xx"

pytestmark = pytest.mark.slow


def _with_xx(value: Any) -> None:
    """Give every per-language text (a mapping with an `en` text) an `xx` copy of it."""
    if isinstance(value, dict):
        if "en" in value and all(isinstance(v, str) for v in value.values()):
            value.setdefault(CODE, value["en"])
        for item in value.values():
            _with_xx(item)
    elif isinstance(value, list):
        for item in value:
            _with_xx(item)


def _add_language(root: Path) -> None:
    """What a translator adds for a new language; nothing here is Python."""
    templates = root / "templates" / CODE
    shutil.copytree(root / "templates" / "en", templates)
    settings = templates / "language.yaml"
    settings.write_text(settings.read_text("utf-8").replace("name: English", "name: Xxish"), "utf-8")
    for path in [*(root / "noticegen" / "vocab").glob("*.yaml"),
                 *(root / "noticegen" / "catalog").rglob("*.yaml")]:
        data = yaml.safe_load(path.read_text("utf-8"))
        _with_xx(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    # The message catalogue: English's, with one message reworded to show it is the one read.
    messages = root / "noticegen" / "locale" / CODE / "LC_MESSAGES"
    messages.mkdir(parents=True)
    with (root / "noticegen" / "locale" / "en" / "LC_MESSAGES" / "noticegen.po").open("rb") as f:
        catalog = read_po(f, locale="en")
    catalog["Next: open {page} in a browser."].string = "Xx next: {page}"
    out = io.BytesIO()
    write_mo(out, catalog)
    (messages / "noticegen.mo").write_bytes(out.getvalue())


def test_a_fourth_language_needs_no_code(tmp_path: Path) -> None:
    copy = tmp_path / "noticegen-copy"
    for name in ("noticegen", "templates", "schemas", "examples"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    _add_language(copy)
    python = sorted(p.relative_to(copy) for p in copy.rglob("*.py"))
    assert python == sorted(p.relative_to(ROOT) for p in (ROOT / "noticegen").rglob("*.py")
                            if "__pycache__" not in p.parts)
    _, mismatch, errors = filecmp.cmpfiles(ROOT, copy, [str(p) for p in python], shallow=False)
    assert not mismatch and not errors  # no Python file was touched

    notice = (ROOT / "examples" / "qualitydesk.yaml").read_text("utf-8")
    notice = re.sub(r"\ben:", f"{CODE}:", notice.replace("languages: [fi, en]",
                                                         f"languages: [fi, {CODE}]"))
    (copy / "notice.yaml").write_text(notice, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(copy), "NOTICEGEN_CACHE_DIR": str(tmp_path / "cache"),
           "NOTICEGEN_LANG": CODE, "NO_COLOR": "1"}
    run = subprocess.run([sys.executable, "-m", "noticegen", "build", "notice.yaml", "--out",
                          "dist", "--lang", f"{CODE},fi"], cwd=copy, env=env, capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Xx next: dist/notice/xx/index.html" in run.stderr  # the xx catalogue speaks
    page = (copy / "dist" / "notice" / CODE / "index.html").read_text("utf-8")
    assert f'lang="{CODE}"' in page and "Privacy notice" in page
    assert "Xxish" in (copy / "dist" / "notice" / "fi" / "index.html").read_text("utf-8")
    data = (copy / "dist" / "notice" / "notice.json").read_text("utf-8")
    assert f'"{CODE}"' in data
