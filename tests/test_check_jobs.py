"""`noticegen check --jobs`: worker processes report exactly what a sequential check does."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_jobs import EXAMPLE, _die, _fork, generate, run
from typer.testing import CliRunner

from noticegen.cli import app
from noticegen.commands.check import CHECK_IN_WORKERS_FROM


@pytest.fixture
def files(tmp_path: Path, notice_file: Callable[..., Path]) -> list[Path]:
    """Valid notices, one with a wrong legal basis, one that is not YAML, one that is missing."""
    def typo(d: dict[str, Any]) -> None:
        d["registers"][0]["purposes"][0]["legal_basis"] = ["contrat"]

    paths = [EXAMPLE]
    for seed, preset in enumerate(["tiny", "typical", "small", "typical", "tiny"]):
        path = tmp_path / "in" / f"generated-{seed}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(generate.dump(generate.notice(generate.PRESETS[preset], seed)), "utf-8")
        paths.append(path)
    broken = tmp_path / "in" / "broken.yaml"
    broken.write_text("notice: [unclosed\n", "utf-8")
    return [*paths[:3], notice_file(edit=typo, name="bad"), broken, tmp_path / "missing.yaml",
            *paths[3:]]


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
@pytest.mark.parametrize("jobs", ["2", "3"])
def test_parallel_check_reports_what_a_sequential_one_does(
    files: list[Path], fmt: str, jobs: str,
) -> None:
    sequential = run("check", *files, "--format", fmt, "--jobs", "1")
    parallel = run("check", *files, "--format", fmt, "--jobs", jobs)
    assert sequential.exit_code == parallel.exit_code == 2  # missing.yaml: a usage error
    assert parallel.output == sequential.output
    assert "contrat" in parallel.output and "missing.yaml" in parallel.output


def test_workers_write_messages_in_the_language_asked_for(files: list[Path]) -> None:
    sequential = run("check", *files, "--lang", "fi", "--jobs", "1")
    parallel = run("check", *files, "--lang", "fi", "--jobs", "2")
    assert parallel.output == sequential.output
    assert "rekisterinpitäjän Y-tunnusta ei ole ilmoitettu" in parallel.output


def test_parallel_check_of_valid_notices_passes(files: list[Path]) -> None:
    valid = [f for f in files if f.name.startswith(("generated", "qualitydesk"))]
    result = run("check", *valid, "--strict", "-j", "2")
    assert result.exit_code == 1  # the example has a warning
    assert run("check", *valid[1:], "-j", "2").exit_code == 0


def test_a_broken_settings_file_stops_it_as_in_sequence(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = tmp_path / "a" / "notice.yaml"
    second = tmp_path / "b" / "notice.yaml"
    first.write_bytes(EXAMPLE.read_bytes())
    second.write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "b" / "noticegen.toml").write_text("[noticegen\n", "utf-8")
    sequential = run("check", first, second, "-j", "1")
    parallel = run("check", first, second, "-j", "2")
    assert sequential.exit_code == parallel.exit_code == 2
    assert parallel.output == sequential.output
    assert "noticegen.toml: invalid TOML" in parallel.output


def test_jobs_must_be_positive() -> None:
    result = run("check", EXAMPLE, "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs" in result.output


def test_by_default_only_many_files_are_checked_by_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import noticegen.builder.batch

    started: list[int] = []
    real = noticegen.builder.batch._in_workers

    def recording(files: list[str], workers: int, *args: Any, **kwargs: Any) -> Any:
        started.append(workers)
        return real(files, workers, *args, **kwargs)

    monkeypatch.setattr(noticegen.builder.batch, "_in_workers", recording)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    few = [EXAMPLE] * (CHECK_IN_WORKERS_FROM - 1)
    assert run("check", *few).exit_code == 0
    assert started == []
    assert run("check", *few, "--jobs", "2").exit_code == 0
    assert started == [2]
    assert run("check", *few, EXAMPLE).exit_code == 0
    assert started == [2, 2]
    stdin = CliRunner().invoke(app, ["check", "-", *map(str, few)],  # it can be read once
                               input=EXAMPLE.read_text("utf-8"), catch_exceptions=False)
    assert stdin.exit_code == 0
    assert started == [2, 2]


def _modules_after_check(*args: str) -> str:
    import subprocess

    code = (
        "import sys\n"
        "from noticegen.cli import main\n"
        f"sys.argv = ['noticegen', '-q', 'check', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        "print(code, sorted(m for m in ('jinja2', 'babel', 'markdown_it', 'noticegen.builder.batch')"
        " if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=False)
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr


def test_checking_in_workers_loads_no_rendering_library() -> None:
    """`check` never imports Jinja, Babel or markdown-it, with workers either: what it loads
    before forking them is the models and the rules. A check of a few files does not even
    load the workers' module."""
    assert _modules_after_check("--jobs", "2", *[str(EXAMPLE)] * 20) == "0 ['noticegen.builder.batch']"
    assert _modules_after_check(str(EXAMPLE), str(EXAMPLE)) == "0 []"


@_fork
def test_a_worker_that_dies_is_a_message(
    files: list[Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    import noticegen.builder.batch

    monkeypatch.setattr(noticegen.builder.batch, "_check_chunk", _die)
    result = run("check", *files, "--jobs", "2")
    assert result.exit_code == 1
    assert "a worker process stopped unexpectedly" in result.output
    assert "--jobs 1" in result.output
    assert "Traceback" not in result.output


@_fork
@pytest.mark.slow
def test_ctrl_c_stops_a_parallel_check_and_its_workers(tmp_path: Path) -> None:
    """One line, exit 130, no traceback, no worker left behind (the pipes would stay open)."""
    import contextlib
    import os
    import signal
    import subprocess
    import time

    def workers(pid: int) -> int:
        count = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, IndexError, ValueError):
                count += int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid
        return count

    paths = []
    for seed in range(200):
        path = tmp_path / f"n{seed:03}.yaml"
        path.write_text(generate.dump(generate.notice(generate.PRESETS["typical"], seed)), "utf-8")
        paths.append(str(path))
    proc = subprocess.Popen([sys.executable, "-m", "noticegen", "check", *paths, "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and workers(proc.pid) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.1)  # some notices into the check (200 take over a second on 2 cores)
        assert proc.poll() is None, proc.communicate()
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)  # reaped, pipes closed: not left to a later test
    assert (proc.returncode, err.strip().splitlines()[-1]) == (130, "noticegen: interrupted"), err
    assert "Traceback" not in err
    assert out == ""


def test_a_check_keeps_no_models_while_it_goes(files: list[Path]) -> None:
    """A report needs the diagnostics only: 1,000 notices used to peak at 324 MiB in one
    process, holding every notice's models and source map until the end (now 38 MiB)."""
    from noticegen.pipeline import check_file, check_files

    names = [str(f) for f in files]
    results = list(check_files(names))
    assert [r.path for r in results] == names
    assert all(r.notice is None and r.resolved is None and r.source_map is None for r in results)
    full = [check_file(name) for name in names]
    assert [(r.diagnostics, r.strict, r.digest) for r in results] == [
        (r.diagnostics, r.strict, r.digest) for r in full]
    assert any(r.notice is not None for r in full)
