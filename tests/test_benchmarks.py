"""The benchmark tools still work: the generator writes valid notices and run.py runs.

No timing is asserted here: the numbers live in benchmarks/README.md.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from noticegen.pipeline import check_file

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import generate  # noqa: E402  (benchmarks/ is not a package)

HEADINGS = (
    "## Machine",
    "## 1. Startup: wall time against the import floor",
    "## 2. Batch throughput: typical notices, every language and format",
    "## 3. Scaling: time and peak memory by notice size",
    "## 4. Preview: from saving the notice to the rebuilt page in the browser",
)


@pytest.mark.parametrize("preset", ["tiny", "typical", "small"])
def test_generated_notice_passes_check(preset: str, tmp_path: Path) -> None:
    path = tmp_path / f"{preset}.yaml"
    path.write_text(generate.dump(generate.notice(generate.PRESETS[preset], seed=3)), "utf-8")
    result = check_file(str(path))
    assert [str(d) for d in result.errors] == []
    assert result.resolved is not None


def test_generator_is_deterministic_and_seeded() -> None:
    size = generate.PRESETS["typical"]
    assert generate.dump(generate.notice(size, seed=1)) == generate.dump(generate.notice(size, seed=1))
    assert generate.dump(generate.notice(size, seed=1)) != generate.dump(generate.notice(size, seed=2))


def test_generator_sizes_and_unique_ids() -> None:
    size = generate.Size(registers=7, purposes=30, processors=5, cookies=41, uses=2)
    data = generate.notice(size, seed=0)
    assert len(data["registers"]) == 7
    purposes = [p["id"] for r in data["registers"] for p in r["purposes"]]
    # the size's purposes, and the one on consent that the cookies needing consent serve (NG409)
    assert len(purposes) == 30 + 1 and purposes.count("website-cookies") == 1
    assert len(data["recipients"]) == 5
    assert len(data["cookies"]) == 41
    assert len(data["uses"]) == 2
    ids = [r["id"] for r in data["registers"]] + purposes + [r["id"] for r in data["recipients"]]
    assert len(ids) == len(set(ids))
    declared = {r["id"] for r in data["recipients"]}
    assert all(c.get("provider", next(iter(declared))) in declared for c in data["cookies"])
    descriptions = [p["description"] for r in data["registers"] for p in r["purposes"]]
    assert all(set(d) == {"fi", "en"} for d in descriptions)


def test_generator_cli_writes_a_batch(tmp_path: Path) -> None:
    code = generate.main(["--preset", "tiny", "--count", "3", "--out-dir", str(tmp_path)])
    assert code == 0
    files = sorted(tmp_path.glob("*.yaml"))
    assert [f.name for f in files] == ["notice-0000.yaml", "notice-0001.yaml", "notice-0002.yaml"]
    assert yaml.safe_load(files[0].read_text("utf-8"))["notice"]["languages"] == ["fi", "en"]


@pytest.mark.slow
def test_run_quick_prints_every_section() -> None:
    proc = subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "--quick"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    for heading in HEADINGS:
        assert heading in proc.stdout
    assert "ratio" in proc.stdout and "notices/s" in proc.stdout and "peak" in proc.stdout


def test_hostile_runs() -> None:
    """benchmarks/hostile.py on its smallest case (its times are not asserted here)."""
    proc = subprocess.run([sys.executable, str(BENCHMARKS / "hostile.py"), "--only", "billion-laughs",
                           "--repeat", "1"], capture_output=True, text=True, timeout=300, cwd=ROOT,
                          check=False)
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr  # 1: over the bound, on a busy machine
    assert "| billion-laughs | 0.0 MB |" in proc.stdout, proc.stdout + proc.stderr
