"""`noticegen check`: exit codes 0/1/2, the text, json and github formats, and no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from strategies import BASE_NOTICE
from typer.testing import CliRunner

from noticegen import catalog, pipeline
from noticegen.cli import app
from noticegen.diagnostics import warning

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "data" / "bad"
INVALID = BASE_NOTICE.replace("country: FI", "country: fi")  # one error at 13:14


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    valid = tmp_path / "valid.yaml"
    valid.write_text(BASE_NOTICE, encoding="utf-8")
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text(INVALID, encoding="utf-8")
    return {"valid": str(valid), "invalid": str(invalid)}


def run(*args: str, stdin: str | None = None) -> Any:
    result = CliRunner().invoke(app, ["check", *args], input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


# --- exit codes ---------------------------------------------------------------------------------

def test_valid_exits_0(files: dict[str, str]) -> None:
    result = run(files["valid"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "1 file(s) checked: no errors, 0 warning(s).\n"


def test_invalid_exits_1(files: dict[str, str]) -> None:
    result = run(files["invalid"])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{files['invalid']}:13:14: error NG010 country codes are upper-case: write 'FI'\n")
    assert result.stderr == (  # every other rule ran; the one that needs the country is named
        f"{files['invalid']}: note: 1 rule(s) stopped at a value that is missing or invalid, and "
        "may find more once the errors above are fixed: NG108 representative-missing\n"
        "1 of 1 file(s) failed: 1 error(s), 0 warning(s).\n")


def test_one_bad_file_among_several_fails_the_run(files: dict[str, str]) -> None:
    result = run(files["valid"], files["invalid"], files["valid"])
    assert result.exit_code == 1
    assert result.stderr.endswith("\n1 of 3 file(s) failed: 1 error(s), 0 warning(s).\n")
    assert result.stderr.count(": note: ") == 1


def test_file_problems_exit_2(tmp_path: Path, files: dict[str, str]) -> None:
    """A file that cannot be read as asked is a usage error (README: exit codes)."""
    (tmp_path / "empty").mkdir()
    result = run(str(tmp_path / "missing.yaml"), files["valid"], str(tmp_path / "empty"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'missing.yaml'}: error NG000 " in result.stdout
    assert "no such file" in result.stdout
    assert "is a folder with no notice files (*.yaml, *.yml) in it" in result.stdout


@pytest.mark.parametrize("args", [
    [],
    ["--format", "xml", "x.yaml"],
    ["--no-such-option", "x.yaml"],
    ["-f"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "Error: " in result.stderr
    assert result.stdout == ""


def test_help() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "exit 0 when valid, 1 when a notice has errors" in " ".join(result.stdout.split())


# --- standard input -----------------------------------------------------------------------------

def test_stdin(files: dict[str, str]) -> None:
    assert run("-", stdin=BASE_NOTICE).exit_code == 0
    result = run("-", stdin=INVALID)
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:13:14: error NG010 ")


# --- formats ------------------------------------------------------------------------------------

def test_text_format_with_hint(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text(BASE_NOTICE.replace('postal_code: "00530"', "postal_code: 00530"), "utf-8")
    result = run("--format", "text", str(path))
    assert result.stdout == (
        f"{path}:11:18: error NG010 expected text, got a number (344)\n"
        '    fix: YAML reads 00530 as a number (344); put it in quotes: "00530".\n')


def test_text_format_without_position(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.yaml"))
    assert result.stdout.startswith(f"{tmp_path / 'nope.yaml'}: error NG000 ")


def test_json_format(files: dict[str, str], tmp_path: Path) -> None:
    result = run("--format", "json", files["invalid"], files["valid"], str(tmp_path / "x.yaml"))
    assert result.exit_code == 2  # x.yaml does not exist: a usage error
    data = json.loads(result.stdout)
    assert {k: v for k, v in data[0].items() if k != "name"} == {
        "file": files["invalid"], "line": 13, "column": 14, "severity": "error", "code": "NG010",
        "message": "country codes are upper-case: write 'FI'", "hint": "",
        "path": "controller/address/country",
    }
    assert isinstance(data[0]["name"], str)
    assert data[1]["code"] == "NG000" and data[1]["line"] == 0
    assert result.stderr == ""  # no summary line: stdout is for the machine


def test_json_format_when_valid(files: dict[str, str]) -> None:
    result = run("-f", "json", files["valid"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_json_keeps_unicode(tmp_path: Path) -> None:
    path = tmp_path / "ä.yaml"
    path.write_text(BASE_NOTICE.replace("city: Helsinki", "city: 1"), "utf-8")
    data = json.loads(run("-f", "json", str(path)).stdout)
    assert data[0]["file"].endswith("ä.yaml")


def test_github_format(files: dict[str, str]) -> None:
    result = run("--format", "github", files["invalid"])
    assert result.exit_code == 1
    name = files["invalid"].replace(":", "%3A").replace(",", "%2C")
    assert result.stdout == (f"::error file={name},line=13,col=14,title=NG010::"
                             "country codes are upper-case: write 'FI'\n")


def test_github_format_escapes(tmp_path: Path) -> None:
    path = tmp_path / "a,b:c%.yaml"
    path.write_text(BASE_NOTICE.replace('postal_code: "00530"', "postal_code: 00530"), "utf-8")
    out = run("-f", "github", str(path)).stdout
    assert out.startswith("::error file=")
    assert "a%2Cb%3Ac%25.yaml,line=11,col=18,title=NG010::" in out
    assert out.count("\n") == 1
    assert ' Fix: YAML reads 00530 as a number (344); put it in quotes: "00530".' in out


def test_github_format_without_position(tmp_path: Path) -> None:
    out = run("-f", "github", str(tmp_path / "nope.yaml")).stdout
    assert out.startswith("::error file=") and ",line=" not in out and "title=NG000::" in out


def test_github_is_the_default_in_actions(files: dict[str, str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run(files["invalid"]).stdout.startswith("::error file=")
    assert run("-f", "text", files["invalid"]).stdout.startswith(files["invalid"])


def test_colour_only_when_asked(files: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" not in run(files["invalid"]).stdout  # not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[1;31merror\x1b[0m" in run(files["invalid"]).stdout
    assert "\x1b[" not in run("-f", "json", files["invalid"]).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(files["invalid"]).stdout


# --- quiet, strict --------------------------------------------------------------------------------

def test_quiet_keeps_only_problems(files: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["--quiet", "check", files["valid"]])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    result = CliRunner().invoke(app, ["-q", "check", files["invalid"]])
    assert result.exit_code == 1 and "NG010" in result.stdout and result.stderr == ""


def test_strict_fails_on_warnings(files: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.check_file

    def with_a_warning(path: str, **kwargs: Any) -> pipeline.Checked:
        result = real(path, **kwargs)
        result.diagnostics.append(warning("NG999", "a warning").with_position(path, 1, 1))
        return result

    monkeypatch.setattr(pipeline, "check_file", with_a_warning)
    result = run(files["valid"])
    assert result.exit_code == 0
    assert f"{files['valid']}:1:1: warning NG999 a warning" in result.stdout
    assert result.stderr == "1 file(s) checked: no errors, 1 warning(s).\n"
    result = run("--strict", files["valid"])
    assert result.exit_code == 1
    assert result.stderr == "1 of 1 file(s) failed: 0 error(s), 1 warning(s).\n"


# --- the shipped example ------------------------------------------------------------------------

def test_the_example_checks_clean() -> None:
    if "hotjar" not in catalog.ids():
        pytest.skip("the known-services catalogue has no 'hotjar' yet (being written)")
    result = run(str(ROOT / "examples" / "qualitydesk.yaml"))
    assert result.exit_code == 0, result.stdout


# --- a real process: nothing but the message reaches the terminal ------------------------------

def _process(*args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "noticegen", "check", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=60, env=environment, cwd=ROOT, check=False)


@pytest.mark.parametrize(("args", "code"), [
    (["tests/data/bad/billion_laughs.yaml"], 1),
    (["tests/data/bad/binary.bin"], 1),
    (["tests/data/bad/flow_nesting_guard.yaml", "tests/data/bad/huge_integer.yaml"], 1),
    (["tests/data/bad"], 1),
    (["tests/data/bad/no-such-file.yaml"], 2),
    (["--format", "json", "tests/data/bad/utf16.yaml"], 1),
    ([], 2),
    (["--format", "xml", "x.yaml"], 2),
])
def test_subprocess_exit_codes_without_traceback(args: list[str], code: int) -> None:
    proc = _process(*args)
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    if code == 1:
        assert "error NG0" in proc.stdout or '"code": "NG0' in proc.stdout


def test_subprocess_valid_stdin() -> None:
    proc = _process("-", stdin=BASE_NOTICE)
    assert (proc.returncode, proc.stdout) == (0, "")


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_console_that_cannot_show_the_text(encoding: str) -> None:
    """Regression: a UnicodeEncodeError traceback on consoles without "→" (Windows cp1252)."""
    proc = _process("tests/data/bad/utf16.yaml", "tests/data/bad/latin1.yaml",
                    PYTHONIOENCODING=encoding)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Save As \\u2192 Encoding" in proc.stdout


@pytest.mark.parametrize(("given", "expected"), [(None, "__all__"), ("logfire", "logfire")])
def test_the_command_skips_pydantic_plugin_discovery_unless_told(
        monkeypatch: pytest.MonkeyPatch, given: str | None, expected: str) -> None:
    """Looking for plugins scans every installed package's metadata (20-60 ms of each run)."""
    from noticegen.cli import main

    if given is None:
        monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    else:
        monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", given)
    monkeypatch.setattr(sys, "argv", ["noticegen", "--version"])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code in (0, None)
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == expected
