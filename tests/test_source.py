"""The load stage: YAML text → plain data + SourceMap, and every way it can refuse a file."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from noticegen import source
from noticegen.diagnostics import error
from noticegen.errors import InputError
from noticegen.source import MAX_BYTES, Position, SourceMap, decode, load_path, load_text, read_bytes


@pytest.fixture(params=["libyaml", "python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the C loader and with PyYAML's pure-Python one (libyaml may be absent)."""
    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML was built without libyaml")
        monkeypatch.setattr(source, "_Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(source, "_Loader", yaml.SafeLoader)
    return str(request.param)


def _data(text: str) -> Any:
    loaded = load_text(text, "t.yaml")
    assert loaded.diagnostics == [], loaded.diagnostics
    return loaded.data


def _problem(text: str) -> tuple[str, int, int, str, str]:
    loaded = load_text(text, "t.yaml")
    assert loaded.data is None
    assert len(loaded.diagnostics) == 1
    d = loaded.diagnostics[0]
    assert d.file == "t.yaml" and d.is_error
    return d.code, d.line, d.column, d.message, d.hint


# --- scalars: YAML 1.1 as PyYAML reads it, except that dates stay text -----------------------

@pytest.mark.parametrize(("text", "value"), [
    ("00530", 344),            # YAML 1.1 octal: the surprise the strict text fields catch
    ("0o17", "0o17"),          # YAML 1.2 octal: not YAML 1.1
    ("0x1F", 31),
    ("0b101", 5),
    ("1_000", 1000),
    ("-12", -12),
    ("+7", 7),
    ("1:30", 90),              # sexagesimal
    ("2.0", 2.0),
    ("1e3", "1e3"),            # not a YAML 1.1 float (no dot): text
    ("1.5e+3", 1500.0),
    ("1.5e3", "1.5e3"),        # YAML 1.1 wants the exponent's sign
    (".inf", float("inf")),
    ("-.inf", float("-inf")),
    ("yes", True), ("No", False), ("on", True), ("OFF", False), ("y", "y"), ("true", True),
    ("~", None), ("null", None), ("", None),
    ("2026-12-01", "2026-12-01"),               # timestamps stay text
    ("2026-12-01 10:00:00", "2026-12-01 10:00:00"),
    ("Helsinki", "Helsinki"),
])
def test_plain_scalars(text: str, value: Any, loader: str) -> None:
    got = _data(f"v: {text}\n")["v"]
    assert got == value and type(got) is type(value)


def test_nan(loader: str) -> None:
    got = _data("v: .nan\n")["v"]
    assert got != got


@pytest.mark.parametrize("text", ['"00530"', "'no'", '"2.0"', "|\n  00530\n", ">-\n  yes\n"])
def test_quoted_block_and_str_tagged_scalars_are_text(text: str, loader: str) -> None:
    got = _data(f"v: {text}\n")["v"]
    assert isinstance(got, str) and got.strip() in ("00530", "no", "2.0", "yes")


def test_plain_scalars_are_not_all_text_with_libyaml(loader: str) -> None:
    """Regression: libyaml marks plain scalars with style '' (PyYAML: None); '' is in every
    string, so every scalar was taken for a quoted one and YAML 1.1 surprises went unseen."""
    assert _data("a: 00530\nb: no\nc: 2.0\n") == {"a": 344, "b": False, "c": 2.0}


def test_raw_text_is_kept_for_converted_scalars(loader: str) -> None:
    loaded = load_text('a: 00530\nb: "00530"\nc: text\nd: 2026-12-01\n', "t.yaml")
    assert loaded.source_map.raw == {("a",): "00530", ("d",): "2026-12-01"}


def test_sexagesimal_float_stays_text(loader: str) -> None:
    assert _data("v: 1:30.5\n")["v"] == "1:30.5"


def test_a_huge_integer_loads(loader: str) -> None:
    assert _data("v: 0x" + "f" * 4000 + "\n")["v"] == 16**4000 - 1


# --- positions --------------------------------------------------------------------------------

def test_positions_of_keys_and_values(loader: str) -> None:
    text = "notice:\n  languages: [fi, en]\n  version: '1.0'\nlist:\n  - a: 1\n    b: 2\n"
    smap = load_text(text, "t.yaml").source_map
    assert smap.positions[()] == Position(1, 1, 1, 1)
    assert smap.positions[("notice",)] == Position(2, 3, 1, 1)
    assert smap.positions[("notice", "languages")] == Position(2, 14, 2, 3)
    assert smap.positions[("notice", "languages", 1)] == Position(2, 19, 2, 19)
    assert smap.positions[("notice", "version")] == Position(3, 12, 3, 3)
    assert smap.positions[("list", 0)] == Position(5, 5, 5, 5)
    assert smap.positions[("list", 0, "b")] == Position(6, 8, 6, 5)


def test_positions_ignore_a_bom_and_crlf() -> None:
    text, problem = decode(b"\xef\xbb\xbfa:\r\n  b: 1\r\n", "t.yaml")
    assert problem is None and text is not None
    smap = load_text(text, "t.yaml").source_map
    assert smap.positions[("a", "b")] == Position(2, 6, 2, 3)


def test_locate_uses_the_deepest_known_prefix_and_skips_tags() -> None:
    smap = load_text("controller:\n  name: X\n  address: {city: Y}\n", "t.yaml").source_map
    assert smap.locate(("controller", "name")) == (2, 9)
    assert smap.locate(("controller", "name"), key=True) == (2, 3)
    assert smap.locate(("controller", "str", "name")) == (2, 9)          # a union tag
    assert smap.locate(("controller", "address", "street")) == (3, 12)   # not in the file
    assert smap.locate(("nothing", "here")) == (1, 1)
    assert smap.locate(("nothing",), key=True) == (1, 1)
    assert smap.resolve(("controller", "function-after", "address", "x")) == ("controller",
                                                                              "address")


def test_place_fills_in_file_and_position() -> None:
    smap = load_text("a:\n  b: 1\n", "n.yaml").source_map
    placed = smap.place(error("NG010", "m", loc=("a", "b")))
    assert (placed.file, placed.line, placed.column) == ("n.yaml", 2, 6)
    assert SourceMap("x").locate(("a",)) == (1, 1)


# --- the document as a whole -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "code", "line", "column"), [
    ("", "NG003", 1, 1),
    ("\n\n   \n", "NG003", 1, 1),
    ("# only\n# comments\n", "NG003", 1, 1),
    ("---\n", "NG003", 1, 1),
    ("---\n...\n", "NG003", 1, 1),
    ("~\n", "NG004", 1, 1),
    ("- a\n", "NG004", 1, 1),
    ("text\n", "NG004", 1, 1),
    ("  'quoted'\n", "NG004", 1, 3),
    ("a: 1\n---\nb: 2\n", "NG001", 3, 1),
    ("a: [1, 2\n", "NG001", 2, 1),
    ("a: 'x\n", "NG001", 2, 1),
    ("a: 1\n a: 2\n", "NG001", 2, 3),
    ("a: *nothing\n", "NG001", 1, 4),
    ("a: !!python/object:os.system x\n", "NG001", 1, 4),
    ("a: !!binary 'eA=='\n", "NG001", 1, 4),
    ("a: !local x\n", "NG001", 1, 4),
    ("<<: {a: 1}\n", "NG001", 1, 1),
    ("? [a]\n: 1\n", "NG001", 1, 3),
    ("a: 1\na: 2\n", "NG002", 2, 1),
    ("a:\n  b: 1\n  c: 2\n  b: 3\n", "NG002", 4, 3),
    ("a: &x [*x]\n", "NG006", 1, 4),
])
def test_document_problems(text: str, code: str, line: int, column: int, loader: str) -> None:
    got = _problem(text)
    assert got[:3] == (code, line, column), got


def test_duplicate_key_says_where_the_first_one_is() -> None:
    assert "first defined on line 2" in _problem("x: 0\na: 1\nb: 2\na: 3\n")[3]


@pytest.mark.parametrize("text", ["a:\n\tb: 1\n", "a:\n  b: 1\n\tc: 2\n", "\ta: 1\n"])
def test_tabs_get_the_tab_hint(text: str, loader: str) -> None:
    code, *_, hint = _problem(text)
    assert code == "NG001" and "tabs" in hint


@pytest.mark.parametrize("text", ["\r\t", "a: 1\r\tb: 1\r", "a: 1\r\n\tb: 1", "a: 1\u2028\tb: 1\n"])
def test_tabs_after_other_line_breaks(text: str, loader: str) -> None:
    """Regression: the hint split lines on \\n only; YAML also breaks lines at CR, LS, PS."""
    code, line, column, _, hint = _problem(text)
    assert (code, line, column) == ("NG001", 2, 1) and "tabs" in hint


def test_a_tab_between_key_and_value_is_fine() -> None:
    assert _data("a:\tb\n") == {"a": "b"}


@pytest.mark.parametrize(("text", "line", "column"), [
    ("a: b\x07\n", 1, 5),
    ("äö: 1\nb: 'x\x1by'\n", 2, 6),        # libyaml counts bytes; the column counts characters
    ("a: \ufffe\n", 1, 4),
    ("a: 1\rb: \x07\r", 2, 4),
])
def test_control_characters_are_positioned(text: str, line: int, column: int, loader: str) -> None:
    """Regression: the reader's error had no mark and was reported at 1:1 with its own text."""
    code, got_line, got_column, message, _ = _problem(text)
    assert (code, got_line, got_column) == ("NG001", line, column)
    assert "\n" not in message and "U+" in message


def test_bidi_controls_and_other_printable_unicode_are_text() -> None:
    assert _data("a: \u202eevil\u202c\nb: \U0001f600\n") == {"a": "\u202eevil\u202c",
                                                                "b": "\U0001f600"}


def test_surrogate_escapes_are_refused_or_kept_as_text(loader: str) -> None:
    loaded = load_text('a: "\\ud800"\n', "t.yaml")
    if loaded.data is None:
        assert loaded.diagnostics[0].code == "NG001"
    else:
        assert loaded.data == {"a": "\ud800"}


# --- limits --------------------------------------------------------------------------------------

def test_billion_laughs_is_stopped_before_expanding(loader: str) -> None:
    text = "a0: &a0 [lol, lol]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9))
    code, line, column, message, _ = _problem(text)
    assert (code, line, column) == ("NG006", 7, 5)  # a6 alone is 2.2 million values
    assert "1,000,000 values" in message


def test_an_alias_cycle_inside_an_explosion_terminates() -> None:
    text = "a0: &a0 [lol, lol, lol]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 6)
    ) + "x: &x\n  - [" + ", ".join(["*a5"] * 9) + ", *x]\n"
    assert _problem(text)[0] == "NG006"


def test_aliases_that_stay_small_are_expanded() -> None:
    data = _data("base: &b {city: Helsinki}\nlist: [*b, *b]\n")
    assert data["list"] == [{"city": "Helsinki"}, {"city": "Helsinki"}]


def test_node_limit_while_building(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "MAX_NODES", 10)
    code, *_ = _problem("a: [" + ", ".join(["1"] * 20) + "]\n")
    assert code == "NG006"


@pytest.mark.parametrize("depth", [65, 66, 300])
def test_nesting_past_the_limit(depth: int, loader: str) -> None:
    code, line, column, message, _ = _problem("a: " + "[" * depth + "]" * depth + "\n")
    assert (code, line, column) == ("NG006", 1, 4 + 64)
    assert "64 levels" in message


def test_nesting_at_the_limit_is_fine() -> None:
    data = _data("a: " + "[" * 64 + "]" * 64 + "\n")
    for _ in range(64):
        data = data["a"] if isinstance(data, dict) else data[0]
    assert data == []


def test_block_nesting_past_the_limit() -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(100))
    code, line, column, _, _ = _problem(text)
    assert (code, line, column) == ("NG006", 66, 66)


@pytest.mark.parametrize("depth", [2_000, 20_000])
def test_deep_flow_nesting_is_measured_before_composing(depth: int) -> None:
    """Regression: libyaml's composer recursed in C; ~100,000 levels crashed Python (SIGSEGV).
    Here small enough not to crash even unguarded; test_limits runs the big one in a subprocess."""
    code, line, column, _, _ = _problem("a: " + "[" * depth + "\n")
    assert (code, line, column) == ("NG006", 1, 4 + 64)


def test_many_brackets_that_are_not_deep_are_fine() -> None:
    text = "a:\n" + "".join(f"  - [{i}, [x]]\n" for i in range(600))
    assert len(_data(text)["a"]) == 600


def test_recursion_error_while_composing_is_a_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    def deep(*args: Any, **kwargs: Any) -> Any:
        raise RecursionError

    monkeypatch.setattr(yaml, "compose_all", deep)
    assert _problem("a: 1\n")[:3] == ("NG006", 1, 1)


# --- decoding ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "line", "column", "message"), [
    ("a: ä\n".encode("utf-16"), 1, 1, "UTF-16"),
    ("a: ä\n".encode("utf-16-be"), 1, 1, "NUL bytes"),       # no BOM: NUL bytes give it away
    (b"a: 1\nb: \xe4\n", 2, 4, "byte 0xe4"),
    (b"a: 1\n\xc3\xa4\xc3\xa4 \xff\n", 2, 4, "byte 0xff"),    # columns in characters
    (b"a: 1\nb: x\x00\n", 2, 5, "NUL bytes"),
    (b"\xef\xbb\xbf\xff", 1, 1, "byte 0xff"),
    (b"a: 1\rb: \xe4\r", 2, 4, "byte 0xe4"),               # old Mac line ends, as YAML counts
    (b"a: 1\r\nb: x\x00\r\n", 2, 5, "NUL bytes"),
])
def test_decode_refuses_what_is_not_utf8(data: bytes, line: int, column: int, message: str) -> None:
    text, problem = decode(data, "t.yaml")
    assert text is None and problem is not None
    assert (problem.code, problem.line, problem.column) == ("NG005", line, column)
    assert message in problem.message
    assert "UTF-8" in problem.hint or "yaml" in problem.hint


def test_decode_strips_one_bom() -> None:
    assert decode(b"\xef\xbb\xbfa: 1\n", "t") == ("a: 1\n", None)


# --- reading files -----------------------------------------------------------------------------

def test_read_bytes_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        read_bytes(str(tmp_path))
    with pytest.raises(InputError, match="no such file"):
        read_bytes(str(tmp_path / "missing.yaml"))


def test_read_bytes_size_limit(tmp_path: Path) -> None:
    at_limit = tmp_path / "at.yaml"
    at_limit.write_bytes(b"#" * MAX_BYTES)
    assert len(read_bytes(str(at_limit))) == MAX_BYTES
    over = tmp_path / "over.yaml"
    over.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(InputError, match="larger than 8 MiB") as exc:
        read_bytes(str(over))
    assert "100 KiB" in exc.value.hint


def test_stdin_is_read_with_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(b"a: 1\n")

    monkeypatch.setattr(sys, "stdin", Stdin)
    loaded = load_path("-")
    assert loaded.data == {"a": 1}
    assert loaded.source_map.file == "<stdin>"
    Stdin.buffer = io.BytesIO(b"\xff")
    assert load_path("-").diagnostics[0].file == "<stdin>"
    Stdin.buffer = io.BytesIO(b"#" * (MAX_BYTES + 5))
    with pytest.raises(InputError, match="larger than"):
        load_path("-")
