"""The progress bar: on standard error, for four files or more, only at a terminal, never with -q."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals (POSIX)")


def _copies(folder: Path, count: int) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = [folder / f"notice-{i}.yaml" for i in range(count)]
    for path in paths:
        shutil.copy(EXAMPLE, path)
    return [str(p) for p in paths]


def _run(args: list[str], *, terminal: bool) -> tuple[int, str]:
    """Run noticegen with standard error on a pseudo-terminal (or a pipe); (exit code, stderr)."""
    import pty

    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    if not terminal:
        proc = subprocess.run([sys.executable, "-m", "noticegen", *args], capture_output=True,
                              text=True, env=env, timeout=120)
        return proc.returncode, proc.stderr
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "noticegen", *args],
                                stdout=subprocess.DEVNULL, stderr=slave, env=env)
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        code = proc.wait(timeout=120)
    finally:
        os.close(master)
    return code, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize(("command", "label", "jobs"), [
    ("check", "Checking", ""), ("build", "Building", "1"), ("build", "Building", "2"),
], ids=["check", "build", "build-jobs-2"])
def test_a_bar_at_a_terminal_for_four_files(tmp_path: Path, command: str, label: str,
                                            jobs: str) -> None:
    """Regression: a build without workers stopped its bar at 75% (the last step was counted
    only when the next notice was asked for, and there was none)."""
    files = _copies(tmp_path / "in", 4)
    extra = ["--out", str(tmp_path / "out"), "--jobs", jobs] if command == "build" else []
    code, err = _run([command, *files, *extra], terminal=True)
    assert code == 0, err
    assert label in err
    assert "100%" in err
    assert "\x1b[?25h" in err, "the cursor is shown again"


@pytest.mark.parametrize(("args", "count", "terminal"), [
    (["check"], 3, True),  # too few files to be worth a bar
    (["-q", "check"], 4, True),
    (["check"], 4, False),  # a log file or a pipe
], ids=["three-files", "quiet", "not-a-terminal"])
def test_no_bar(tmp_path: Path, args: list[str], count: int, terminal: bool) -> None:
    code, err = _run([*args, *_copies(tmp_path / "in", count)], terminal=terminal)
    assert code == 0, err
    assert "Checking" not in err
    assert "%" not in err
