"""Fuzzing `check` with a bounded budget: whatever the file holds, the answer is diagnostics.

Properties: ``pipeline.check_file`` never raises; every diagnostic about the file's content has a
line and column ≥ 1 inside the file; every reporter can print the result; the CLI exits 0 or 1.
Inputs: valid notices drawn by tests/strategies.py, and mutations of BASE_NOTICE and of
examples/*.yaml (deleted and duplicated lines, values swapped for other types, random unicode
with bidi controls, NUL and lone surrogates, 1 MB strings, deep nesting, re-indented lines).
Crashes found here are fixed and kept as files in tests/data/bad/ (see expected.yaml).

CI runs derandomized (the same examples every time); locally each run explores new ones.
``NOTICEGEN_FUZZ_EXAMPLES=5000`` raises the budget for a longer hunt.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import BASE_NOTICE, notices
from typer.testing import CliRunner

from noticegen.cli import app
from noticegen.diagnostics import Severity
from noticegen.model import Notice
from noticegen.pipeline import Checked, check_file
from noticegen.report import REPORTERS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [BASE_NOTICE] + [p.read_text(encoding="utf-8")
                         for p in sorted((ROOT / "examples").glob("*.yaml"))]
BUDGET = int(os.environ.get("NOTICEGEN_FUZZ_EXAMPLES", "0"))

# With filterwarnings=error, Hypothesis's failure report (it imports libcst, which warns on
# import) would end in INTERNALERROR and hide the falsifying example.
pytestmark = pytest.mark.filterwarnings(
    "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")


def budget(default: int) -> Any:
    return settings(
        max_examples=BUDGET or default,
        deadline=None,
        derandomize=bool(os.environ.get("CI")),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def write(path: Path, content: str | bytes) -> None:
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")  # lone surrogates → invalid UTF-8
    path.write_bytes(content)


# YAML counts these as line breaks (a lone CR too, as old Mac files and most editors do), and
# positions are YAML's.
YAML_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def check_clean(path: Path, content: str | bytes) -> Checked:
    """Check a file and assert the properties every answer must have."""
    write(path, content)
    result = check_file(str(path))  # must not raise
    text = (content.decode("utf-8", "replace") if isinstance(content, bytes)
            else content)
    lines = len(YAML_LINE_BREAK.findall(text)) + 1
    for d in result.diagnostics:
        assert d.file == str(path)
        assert re.fullmatch(r"NG\d{3}", d.code), d
        assert isinstance(d.severity, Severity)
        assert d.message.strip() and isinstance(d.hint, str)
        if d.code != "NG000":  # NG000: the file could not be read at all
            assert 1 <= d.line <= lines + 1, d
            assert d.column >= 1, d
    for fmt, reporter in REPORTERS.items():
        out = io.StringIO()
        reporter(result.diagnostics, out, False)
        text = out.getvalue()
        text.encode("utf-8", "backslashreplace")
        if fmt == "json":
            assert len(json.loads(text)) == len(result.diagnostics)
    return result


# --- valid notices -------------------------------------------------------------------------------

def _load_validate_errors(result: Checked) -> list[Any]:
    return [d for d in result.errors if d.code < "NG100"]


@budget(100)
@given(data=notices())
def test_generated_notices_pass_load_and_validate(data: dict[str, Any], workdir: Path) -> None:
    Notice.model_validate(data)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    result = check_clean(workdir / "valid.yaml", text)
    assert _load_validate_errors(result) == [], (result.diagnostics, text)
    assert result.notice is not None and result.resolved is not None


@budget(20)
@given(data=notices(languages=("fi",)))
def test_generated_one_language_notices(data: dict[str, Any], workdir: Path) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=True,
                          width=60)
    assert _load_validate_errors(check_clean(workdir / "flow.yaml", text)) == []


# --- text mutations ------------------------------------------------------------------------------

ODD_CHARACTERS = (
    "\u202e\u202d\u202a\u202c\u200e\u200f\u2066\u2069"   # bidi controls
    "\x00\x07\x1b\x7f\x85\u2028\u2029\ufeff\ufffe\uffff"  # NUL, controls, odd line breaks, BOMs
    "\t\r\n :#-?&*!|>'\"%@`{}[],"                        # YAML indicators
    "äöå€→\u0301\U0001f600漢"                            # non-ASCII, a combining mark, emoji
    "\ud800\udfff"                                       # lone surrogates (invalid UTF-8 on disk)
)
REPLACEMENTS = [
    "[1, 2]", "{a: 1}", "42", "-1.5", "1e400", "true", "no", "NO", "null", "~", '""', "''",
    "[]", "{}", "0x1F", "00530", "1:30", ".nan", "2026-13-45", "2026-12-01 10:00", "P-1Y",
    "&a x", "*a", "*nope", "!tag x", "!!binary eA==", "!!python/object:os.system x", "'", '"',
    "|", ">-", "- x", "? x", "@", "`", "%", "<<: {a: 1}", '"\\ud800"', '"\\x00"', '"\\u202e"',
    "0x" + "f" * 4000, "9" * 5000, "'\u202eevil'", "{fi: x, en: y, sv: z}", "{fi: x}",
]
_KEY_VALUE = re.compile(r"^(\s*(?:- )?[^\s:#][^:#]*:)[ \t]+(\S.*)$")


def _nest(depth: int, flow: bool, indent: int) -> str:
    if flow:
        return "[" * depth + "]" * depth
    depth = min(depth, 200)  # block nesting costs depth² bytes
    return "\n" + "".join(" " * (indent + 2 * i + 2) + f"k{i}:\n" for i in range(depth))


@st.composite
def mutation(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "long", "nest",
                                 "indent", "char"]))
    i = draw(st.integers(0, len(lines) - 1))
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind in ("swap", "long", "nest"):
        candidates = [n for n, line in enumerate(lines) if _KEY_VALUE.match(line)]
        if candidates:
            n = draw(st.sampled_from(candidates))
            match = _KEY_VALUE.match(lines[n])
            assert match is not None
            if kind == "swap":
                value = draw(st.sampled_from(REPLACEMENTS))
            elif kind == "long":
                size = draw(st.sampled_from([1_000, 100_000, 1_000_000]))
                value = draw(st.sampled_from(["x", "ä", "\u202e", "[", "{fi: "])) * size
            else:
                value = _nest(draw(st.sampled_from([3, 63, 64, 65, 200, 1_500, 5_000])),
                              draw(st.booleans()), len(lines[n]) - len(lines[n].lstrip()))
            lines[n] = f"{match.group(1)} {value}"
    elif kind == "insert":
        line = lines[i]
        at = draw(st.integers(0, len(line)))
        extra = draw(st.text(st.sampled_from(ODD_CHARACTERS), min_size=1, max_size=8))
        lines[i] = line[:at] + extra + line[at:]
    elif kind == "indent":
        line = lines[i]
        lines[i] = (" " * draw(st.integers(0, 6))) + line.lstrip(" ")
    else:
        line = lines[i]
        if line:
            at = draw(st.integers(0, len(line) - 1))
            lines[i] = line[:at] + draw(st.characters(codec="utf-8")) + line[at + 1:]
    return "\n".join(lines)


@st.composite
def mutated_text(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 3))):
        text = draw(mutation(text))
    return text


@budget(200)
@given(text=mutated_text())
def test_mutated_files_end_in_diagnostics(text: str, workdir: Path) -> None:
    check_clean(workdir / "mutated.yaml", text)


@budget(50)
@given(content=st.one_of(
    st.binary(max_size=300),
    st.text(st.sampled_from(ODD_CHARACTERS), max_size=60),
    st.text(max_size=200),
))
def test_arbitrary_bytes_and_text(content: str | bytes, workdir: Path) -> None:
    check_clean(workdir / "arbitrary.yaml", content)


# --- data mutations: every place in the model gets every kind of value ---------------------------

def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    keys = st.sampled_from(["fi", "en", "sv", "id", "name", "label", "special", "x"])
    return st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3)


ANY_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.sampled_from(["fi", "en", "FI", "P2Y", "session", "contract", "mailer", "2026-12-01",
                       "https://example.fi", "a@b.fi", "health_data", "hotjar"]),
    _containers,
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _paths(value, (*prefix, index))
    return out


@st.composite
def mutated_data(draw: st.DrawFn) -> Any:
    data = yaml.safe_load(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)))
        if not path:
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(ANY_VALUE)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["x", "lint", "id", "name", "uses", "nmae"]))] = draw(
                ANY_VALUE)
        else:
            parent.append(draw(ANY_VALUE))
    return data


@budget(150)
@given(data=mutated_data())
def test_mutated_data_ends_in_diagnostics(data: Any, workdir: Path) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    check_clean(workdir / "data.yaml", text)


# --- through the command line ------------------------------------------------------------------

@budget(25)
@given(text=mutated_text(), fmt=st.sampled_from(["text", "json", "github"]))
def test_the_cli_exits_0_or_1(text: str, fmt: str, workdir: Path) -> None:
    path = workdir / "cli.yaml"
    write(path, text)
    result = CliRunner().invoke(app, ["check", "--format", fmt, str(path)])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if fmt == "json":
        json.loads(result.stdout)
