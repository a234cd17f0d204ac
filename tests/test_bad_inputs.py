"""The bad-input corpus: every file gives its expected diagnostic at file:line:col, never a traceback.

tests/data/bad/ holds one defect per file (written by _generate.py from BASE_NOTICE);
tests/data/bad/expected.yaml says what each must produce. Cases that cannot be committed
(a folder, a missing file, an unreadable file) are made here.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from strategies import BASE_NOTICE
from typer.testing import CliRunner

from noticegen.cli import app
from noticegen.pipeline import check_file

BAD = Path(__file__).parent / "data" / "bad"
NOT_CASES = {"_generate.py", "expected.yaml"}
EXPECTED: dict[str, Any] = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))
SIZE_IS_THE_POINT = {"huge_integer.yaml"}  # needs an integer of more than 4300 digits


def _expectations(name: str) -> list[dict[str, Any]]:
    entry = EXPECTED[name]
    return entry if isinstance(entry, list) else [entry]


def _corpus_files() -> list[str]:
    return sorted(p.name for p in BAD.iterdir() if p.is_file() and p.name not in NOT_CASES)


def test_corpus_is_large_enough_and_every_file_has_an_expectation() -> None:
    files = _corpus_files()
    assert len(files) >= 60
    assert set(files) == set(EXPECTED), "expected.yaml and the files in tests/data/bad differ"


def test_corpus_files_are_what_the_generator_writes() -> None:
    spec = importlib.util.spec_from_file_location("_generate_bad", BAD / "_generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert set(module.CASES) == set(_corpus_files())
    for name, content in module.CASES.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        assert (BAD / name).read_bytes() == data, f"{name} is stale: run tests/data/bad/_generate.py"


@pytest.mark.parametrize("name", _corpus_files())
def test_corpus_files_are_small(name: str) -> None:
    if name not in SIZE_IS_THE_POINT:
        assert (BAD / name).stat().st_size < 2048


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_gives_its_diagnostic(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)  # diagnostics then carry the bare file name
    result = check_file(name)
    got = [(d.code, d.line, d.column, d.message, d.hint) for d in result.diagnostics]
    for exp in _expectations(name):
        matches = [g for g in got if g[0] == exp["code"] and exp["message_contains"] in g[3]]
        assert matches, f"{name}: no {exp['code']} containing {exp['message_contains']!r} in {got}"
        assert (exp["line"], exp["column"]) in [(g[1], g[2]) for g in matches], got
        if "hint_contains" in exp:
            assert any(exp["hint_contains"] in g[4] for g in matches), got
    assert result.errors, "a bad input must fail"
    for d in result.diagnostics:
        assert d.file == name
        assert d.line >= 1 and d.column >= 1, d
        assert d.message and "Traceback" not in d.message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_exit_code_and_position_through_the_cli(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = CliRunner().invoke(app, ["check", "--format", "text", name])
    first = _expectations(name)[0]
    assert result.exit_code == first.get("exit", 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert f"{name}:{first['line']}:{first['column']}: error {first['code']}" in result.stdout
    assert "Traceback" not in result.output


def test_the_base_notice_itself_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "base.yaml"
    path.write_text(BASE_NOTICE, encoding="utf-8")
    result = check_file(str(path))
    assert result.diagnostics == []
    assert result.notice is not None


def test_bom_and_crlf_alone_are_fine(tmp_path: Path) -> None:
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + BASE_NOTICE.encode())
    crlf = tmp_path / "crlf.yaml"
    crlf.write_bytes(BASE_NOTICE.replace("\n", "\r\n").encode())
    assert check_file(str(bom)).errors == []
    assert check_file(str(crlf)).errors == []


# --- inputs that cannot be committed ---------------------------------------------------------

def _only_error(path: str) -> Any:
    result = check_file(path)
    assert len(result.diagnostics) == 1
    return result.diagnostics[0]


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    d = _only_error(str(tmp_path))
    assert d.code == "NG000" and "is a folder with no notice files (*.yaml, *.yml)" in d.message
    assert "Hidden and Git-ignored files are skipped" in d.hint


def test_a_missing_file(tmp_path: Path) -> None:
    d = _only_error(str(tmp_path / "nope.yaml"))
    assert d.code == "NG000" and d.message == "no such file"  # the file name comes before it
    assert d.file == str(tmp_path / "nope.yaml")


def test_an_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text(BASE_NOTICE, encoding="utf-8")

    _fail_open(monkeypatch, path, PermissionError(13, "Permission denied", str(path)))
    d = _only_error(str(path))
    assert d.code == "NG000" and "permission denied" in d.message


def _fail_open(monkeypatch: pytest.MonkeyPatch, path: Path, exc: OSError) -> None:
    """Opening ``path`` (and only it) raises ``exc``."""
    real = os.open

    def fail(name: Any, *args: Any, **kwargs: Any) -> int:
        if str(name) == str(path):
            raise exc
        return real(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", fail)


def test_an_unreadable_file_for_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text(BASE_NOTICE, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop root from reading "
                        "(test_an_unreadable_file_simulated covers this case)")
        d = _only_error(str(path))
        assert d.code == "NG000" and "permission denied" in d.message
    finally:
        path.chmod(0o600)


def test_another_os_error_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "n.yaml"
    path.write_text(BASE_NOTICE, encoding="utf-8")

    _fail_open(monkeypatch, path, OSError(5, "Input/output error"))
    d = _only_error(str(path))
    assert d.code == "NG000" and "cannot be read (Input/output error)" in d.message


@pytest.mark.parametrize("make", ["directory", "missing", "unreadable"])
def test_file_problems_exit_2_without_traceback(
    make: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "n.yaml"
    if make == "directory":
        path.mkdir()
    elif make == "unreadable":
        path.write_text(BASE_NOTICE, encoding="utf-8")
        _fail_open(monkeypatch, path, PermissionError())
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2  # a file that cannot be read as asked: a usage error
    assert result.stdout.startswith(f"{path}: error NG000 ")
    assert "Traceback" not in result.output
