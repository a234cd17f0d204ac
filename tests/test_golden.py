"""Every example, in every language and format, matches its golden copy in tests/golden/<stem>/.

After an intended change, rewrite the golden files and review the diff:

    python -m pytest tests/test_golden.py --update-golden
    git diff tests/golden
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from noticegen.cli import app

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_matches_golden(example: Path, tmp_path: Path, update_golden: bool) -> None:
    result = CliRunner().invoke(app, ["build", str(example), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    built = _files(tmp_path / example.stem)
    golden_dir = GOLDEN / example.stem
    if update_golden:
        shutil.rmtree(golden_dir, ignore_errors=True)
        shutil.copytree(tmp_path / example.stem, golden_dir)
        return
    assert golden_dir.is_dir(), f"no golden files for {example.name}: run pytest --update-golden"
    expected = _files(golden_dir)
    assert sorted(built) == sorted(expected), "the set of files changed"
    for name, data in built.items():
        if data != expected[name]:
            diff = difflib.unified_diff(
                expected[name].decode("utf-8").splitlines(), data.decode("utf-8").splitlines(),
                f"golden/{example.stem}/{name}", f"built/{name}", lineterm="", n=2)
            pytest.fail(f"{name} differs from its golden copy (rerun with --update-golden if "
                        "the change is intended):\n" + "\n".join(list(diff)[:80]))
