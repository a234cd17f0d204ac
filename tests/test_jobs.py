"""`noticegen build --jobs`: worker processes build exactly what a sequential build does."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from noticegen.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402  (benchmarks/ is not a package)

_fork = pytest.mark.skipif(sys.platform != "linux", reason="processes are forked on Linux only")


def run(*args: str | Path) -> Any:
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    print(result.output)  # shown when an assertion fails
    return result


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def notices(tmp_path: Path) -> list[Path]:
    """The example and seven generated notices of different sizes and services."""
    paths = [EXAMPLE]
    for seed, preset in enumerate(["tiny", "typical", "typical", "small", "typical", "tiny",
                                   "typical"]):
        path = tmp_path / "in" / f"generated-{seed}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(generate.dump(generate.notice(generate.PRESETS[preset], seed)), "utf-8")
        paths.append(path)
    return paths


def _without_short(files: dict[str, Any]) -> list[str]:
    return [name for name in files if "/short/" not in name]


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_parallel_output_is_byte_identical_to_sequential(
    tmp_path: Path, notices: list[Path], jobs: str,
) -> None:
    sequential = run("build", *notices, "-o", tmp_path / "seq", "--jobs", "1")
    parallel = run("build", *notices, "-o", tmp_path / "par", "--jobs", jobs)
    assert sequential.exit_code == parallel.exit_code == 0
    expected = tree(tmp_path / "seq")
    # 14 with the 4 consent-banner files, and the short notices for forms
    assert len(_without_short(expected)) == 14 * len(notices)
    assert len(expected) > 14 * len(notices)
    assert tree(tmp_path / "par") == expected
    assert parallel.output.replace("/par", "/seq") == sequential.output


def test_default_is_parallel_and_the_same(tmp_path: Path, notices: list[Path]) -> None:
    assert run("build", *notices, "-o", tmp_path / "seq", "-j", "1").exit_code == 0
    assert run("build", *notices, "-o", tmp_path / "default").exit_code == 0
    assert tree(tmp_path / "default") == tree(tmp_path / "seq")


def test_errors_in_one_notice_stop_the_build_the_same_way(
    tmp_path: Path, notices: list[Path], notice_file: Callable[..., Path],
) -> None:
    def typo(d: dict[str, Any]) -> None:
        d["registers"][0]["purposes"][0]["legal_basis"] = ["contrat"]

    bad = notice_file(edit=typo, name="bad")
    files = [*notices[:3], bad, *notices[3:]]
    sequential = run("build", *files, "-o", tmp_path / "out", "-j", "1")
    parallel = run("build", *files, "-o", tmp_path / "out", "-j", "2")
    assert sequential.exit_code == parallel.exit_code == 1
    assert parallel.output == sequential.output
    assert "nothing was written" in parallel.output
    assert not (tmp_path / "out").exists()


def test_a_usage_error_while_rendering_is_the_same(tmp_path: Path, notices: list[Path]) -> None:
    sequential = run("build", *notices, "-o", tmp_path / "out", "--lang", "sv", "-j", "1")
    parallel = run("build", *notices, "-o", tmp_path / "out", "--lang", "sv", "-j", "2")
    assert sequential.exit_code == parallel.exit_code == 2
    assert parallel.output == sequential.output
    assert "is not written in sv" in parallel.output
    assert not (tmp_path / "out").exists()


def test_check_mode_works_in_parallel(tmp_path: Path, notices: list[Path]) -> None:
    assert run("build", *notices, "-o", tmp_path / "out", "-j", "2").exit_code == 0
    up_to_date = run("build", *notices, "-o", tmp_path / "out", "-j", "2", "--check")
    assert up_to_date.exit_code == 0 and "are up to date" in up_to_date.output
    (tmp_path / "out" / "qualitydesk" / "notice.json").write_text("{}", "utf-8")
    stale = run("build", *notices, "-o", tmp_path / "out", "-j", "2", "--check")
    assert stale.exit_code == 1 and "notice.json (out of date)" in stale.output


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    result = run("build", EXAMPLE, "-o", tmp_path, "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs" in result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_notice_is_staged_as_it_is_built(
    tmp_path: Path, notices: list[Path], jobs: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A batch holds one notice's output in memory, not all of them: each notice's files go
    to temp files before the next notice is taken, and all move into place at the end."""
    from noticegen.builder import batch
    from noticegen.builder.write import Staging

    events: list[str] = []
    real_add, real_commit, real_built = Staging.add, Staging.commit, batch.notices

    def add(self: Staging, target: Path, data: bytes) -> bool:
        events.append(f"stage {target.relative_to(tmp_path / 'out').parts[0]}")
        return real_add(self, target, data)

    def built(*args: Any) -> Any:
        for notice in real_built(*args):
            events.append(f"notice {Path(notice.checked.path).stem}")
            yield notice

    def commit(self: Staging) -> list[Path]:
        events.append("commit")
        return real_commit(self)

    monkeypatch.setattr(Staging, "add", add)
    monkeypatch.setattr(Staging, "commit", commit)
    monkeypatch.setattr(batch, "notices", built)
    assert run("build", *notices, "-o", tmp_path / "out", "-j", jobs).exit_code == 0
    order = [e for i, e in enumerate(events) if i == 0 or e != events[i - 1]]
    expected = [step for n in notices for step in (f"notice {n.stem}", f"stage {n.stem}")]
    assert order == [*expected, "commit"]
    assert len(_without_short(tree(tmp_path / "out"))) == 14 * len(notices)


# --- one large notice: its languages in processes of their own ---------------------------------

@_fork
def test_build_splits_a_large_notice_and_writes_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from noticegen.render import apart

    split: list[tuple[str, ...]] = []
    real = apart.render_apart

    def spy(*args: Any, **kwargs: Any) -> dict[str, bytes]:
        split.append(tuple(kwargs["languages"]))
        return real(*args, **kwargs)

    monkeypatch.setattr(apart, "SPLIT_MIN_ITEMS", 1)
    monkeypatch.setattr(apart, "render_apart", spy)
    assert run("build", EXAMPLE, "-o", tmp_path / "one", "-j", "1").exit_code == 0
    assert split == [], "--jobs 1 uses one process"
    assert run("build", EXAMPLE, "-o", tmp_path / "two", "-j", "2").exit_code == 0
    assert split == [("fi", "en")]
    assert tree(tmp_path / "two") == tree(tmp_path / "one")
    assert len(tree(tmp_path / "one")) == 18  # 14 and the example's 4 short-notice files


@_fork
def test_a_template_error_in_one_language_is_reported_as_without_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from noticegen.render import apart

    user = tmp_path / "templates"
    (user / "en" / "sections").mkdir(parents=True)
    (user / "en" / "sections" / "security.html").write_text(
        '{% set title = "x" %}\n<p>{{ no_such_variable }}</p>\n', "utf-8")
    monkeypatch.setattr(apart, "SPLIT_MIN_ITEMS", 1)
    one = run("build", EXAMPLE, "-o", tmp_path / "one", "--templates", user, "-j", "1")
    two = run("build", EXAMPLE, "-o", tmp_path / "two", "--templates", user, "-j", "2")
    assert one.exit_code == two.exit_code == 1
    assert two.output == one.output
    assert "security.html:2" in two.output and "no_such_variable" in two.output
    assert not (tmp_path / "two").exists()


@_fork
@pytest.mark.slow
@pytest.mark.parametrize(("signame", "to_group", "jobs", "expected"), [
    ("SIGINT", True, "2", (130, "noticegen: interrupted")),  # Ctrl-C in a terminal
    ("SIGTERM", True, "2", (143, "noticegen: terminated")),  # a cancelled CI job, docker stop
    ("SIGTERM", False, "2", (143, "noticegen: terminated")),  # kill PID, timeout(1)
    ("SIGTERM", False, "1", (143, "noticegen: terminated")),
], ids=["ctrl-c", "sigterm-group", "sigterm-command", "sigterm-sequential"])
def test_a_signal_stops_a_build_cleanly_with_its_workers(
    tmp_path: Path, signame: str, to_group: bool, jobs: str, expected: tuple[int, str],
) -> None:
    """One line, the signal's exit code, no traceback (workers used to print theirs), nothing
    written and no temp file left (SIGTERM used to kill the build on the spot, stranding every
    staged file), and no worker left behind (one could block for ever sending a result: the
    pipes below would then stay open and ``communicate`` time out)."""
    import contextlib
    import os
    import signal
    import subprocess
    import time

    files = []
    for seed in range(60):
        path = tmp_path / "in" / f"n{seed:02}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(generate.dump(generate.notice(generate.PRESETS["typical"], seed)), "utf-8")
        files.append(str(path))
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "noticegen", "build", *files, "--out", str(out),
                             "--jobs", jobs], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        while proc.poll() is None and not any(p.suffix == ".tmp" for p in out.rglob("*")):
            time.sleep(0.005)  # until the first notice is being staged
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)  # into the batch (60 notices can end 0.3 s after the first is staged)
        number = getattr(signal, signame)
        if to_group:
            os.killpg(proc.pid, number)
        else:
            os.kill(proc.pid, number)
        _, err = proc.communicate(timeout=60)
    finally:  # whatever failed, leave no process behind
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)  # reaped, pipes closed: not left to a later test
    assert (proc.returncode, err.strip().splitlines()[-1]) == expected, err
    assert "Traceback" not in err
    assert list(out.rglob("*")) == []


def _die(*args: object) -> None:
    """A worker killed by the out-of-memory killer."""
    import os
    import signal

    os.kill(os.getpid(), signal.SIGKILL)


@_fork
def test_a_worker_that_dies_is_a_message_and_nothing_is_written(
    tmp_path: Path, notices: list[Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    import noticegen.builder.batch

    out = tmp_path / "out"
    assert run("build", *notices, "--out", out).exit_code == 0
    before = tree(out)
    monkeypatch.setattr(noticegen.builder.batch, "_build_chunk", _die)
    result = run("build", *notices, "--out", out, "--jobs", "2", "--force")
    assert result.exit_code == 1
    assert "a worker process stopped unexpectedly, so nothing was written" in result.output
    assert "--jobs 1" in result.output
    assert "Traceback" not in result.output
    assert tree(out) == before
