"""Hostile input, second round (issue #22): each case is bounded by the work it may cause.

The limits are asserted as counts and sizes (values built, events read, bytes quoted, memory
traced), not as wall-clock times; benchmarks/hostile.py measures the times.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from strategies import BASE_NOTICE
from typer.testing import CliRunner

from noticegen import source
from noticegen.cli import app
from noticegen.diagnostics import Diagnostic, Severity
from noticegen.pipeline import Checked, check_file, check_text
from noticegen.source import MAX_CHARS, load_text

ROOT = Path(__file__).resolve().parents[1]
FIRST_CHANGE = "changes: [{date: 2026-12-01, summary: {fi: Ensimmäinen versio., en: First version.}}]"


def codes(result: Checked) -> list[str]:
    return [d.code for d in result.diagnostics]


def traced_check(text: str) -> tuple[Checked, int]:
    """check_text in English, and the peak of the memory Python allocated meanwhile."""
    tracemalloc.start()
    try:
        result = check_text(text, "hostile.yaml", lang="en")
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def amplified(text_size: int, aliases: int) -> str:
    """BASE_NOTICE whose first change has a summary of ``text_size`` characters, aliased."""
    change = f"    - &c {{date: 2026-12-01, summary: {{fi: '{'x' * text_size}', en: First.}}}}\n"
    return BASE_NOTICE.replace(FIRST_CHANGE, "changes:\n" + change + "    - *c\n" * aliases)


# --- 1. aliases are counted by the size of what they repeat -------------------------------------

def test_aliases_of_a_long_text_are_refused_by_expanded_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 1 MB summary aliased 300 times: 300 MB of text from a 1 MB file. Refused with NG006
    before anything is built, in memory of the order of the file itself."""
    built: list[int] = []
    real = source._Builder.build
    monkeypatch.setattr(source._Builder, "build",
                        lambda self, *a: built.append(1) or real(self, *a))  # type: ignore[func-returns-value]
    text = amplified(1_000_000, 300)
    result, peak = traced_check(text)
    assert codes(result) == ["NG006"]
    d = result.diagnostics[0]
    assert d.message == "the document expands to more than 8 MiB of text through YAML aliases"
    assert (d.line, d.column) == (6, 5)  # the list that repeats the change, not the root
    assert built == []  # refused before a single value was built
    assert peak < 8 * len(text)  # today: 1.2 GB


def test_aliases_of_a_short_text_still_load() -> None:
    assert codes(check_text(amplified(100, 300), "ok.yaml", lint=False)) == []


def test_the_size_limit_is_what_the_file_limit_allows() -> None:
    just = amplified(MAX_CHARS // 9 - 200, 8)  # 9 copies: just under 8 MiB of text
    over = amplified(MAX_CHARS // 9 + 200, 8)
    assert codes(check_text(just, "just.yaml", lint=False)) == []
    assert codes(check_text(over, "over.yaml", lint=False)) == ["NG006"]


# --- 2. sexagesimal numbers ---------------------------------------------------------------------

def test_a_long_sexagesimal_number_is_refused_before_it_is_converted(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`version: 1:30:30:…` with a million groups took 242 s in `value * 60 + part`."""
    converted: list[str] = []
    real = source._number
    monkeypatch.setattr(source, "_number", lambda tag, text: converted.append(text) or real(tag, text))
    value = ":".join(["1"] + ["30"] * 1_000_000)
    text = BASE_NOTICE.replace('version: "1.0"', f"version: {value}")
    result, peak = traced_check(text)
    assert peak < 8 * len(text)  # resolving it took 120 MB (a backtracking point per group)
    assert codes(result) == ["NG010"]
    d = result.diagnostics[0]
    assert (d.line, d.column) == (3, 12)
    assert d.message.startswith("YAML 1.1 reads 1:30:30") and d.message.endswith("as a base-60 number")
    assert len(d.message) < 120 and "quotes" in d.hint
    assert all(len(t) <= source.MAX_SEXAGESIMAL for t in converted)


@pytest.mark.parametrize(("text", "value"), [("1:30", 90), ("-1:00:00", -3600), ("+1_0:0:0", 36000)])
def test_short_sexagesimal_numbers_still_read_as_yaml_1_1_does(text: str, value: int) -> None:
    loaded = load_text(f"v: {text}\n", "t.yaml")
    assert loaded.data == {"v": value}


def test_a_quoted_long_sexagesimal_text_is_text() -> None:
    value = ":".join(["1"] + ["30"] * 100)
    assert load_text(f'v: "{value}"\n', "t.yaml").data == {"v": value}


# --- 3. the value limit is counted before composing ---------------------------------------------

@pytest.mark.parametrize("style", ["flow", "block"])
def test_a_long_list_stops_at_the_value_limit_without_composing(
        style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An 8 MiB list of zeros took 1.6 GB to compose before NG006. Now the parser's events are
    counted one at a time and the count stops at the limit: nothing is composed. (The limit is
    lowered to 10,000 to keep the test small; the real size is test_an_8_mib_list_*.)"""
    monkeypatch.setattr(source, "MAX_NODES", 10_000)
    events = 0
    real_parse = yaml.parse

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal events
        for event in real_parse(*args, **kwargs):
            events += 1
            yield event

    def no_compose(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("composed")

    monkeypatch.setattr(source.yaml, "parse", counting)
    monkeypatch.setattr(source.yaml, "compose_all", no_compose)
    items = 50_000
    text = ("a: [" + "0, " * (items - 1) + "0]\n") if style == "flow" else ("a:\n" + "- 0\n" * items)
    result = check_text(text, "list.yaml", lang="en")
    assert codes(result) == ["NG006"]
    assert result.diagnostics[0].message == "the document holds more than 10,000 values"
    assert events < 10_000 + 10  # stopped at the limit, not at the end of the list


def test_a_file_that_cannot_hold_too_many_values_is_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("scanned")

    monkeypatch.setattr(source.yaml, "parse", no_parse)
    assert codes(check_text(BASE_NOTICE, "ok.yaml")) == []


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
@pytest.mark.parametrize("style", ["flow", "block"])
def test_an_8_mib_list_is_refused_in_bounded_memory(style: str, tmp_path: Path) -> None:
    """The real size, in a child process that reports its own peak memory (today 1.6 GB flow,
    1.0 GB block). VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent."""
    path = tmp_path / "list.yaml"
    if style == "flow":
        path.write_text("a: [" + "0," * (4 * 1024 * 1024 - 4) + "0]\n", encoding="utf-8")
    else:
        path.write_text("a:\n" + "- 0\n" * (2 * 1024 * 1024 - 2), encoding="utf-8")
    code = ("import re; from noticegen.pipeline import check_file; "
            f"r = check_file({str(path)!r}, lang='en'); "
            "hwm = re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1); "
            "print([d.code for d in r.diagnostics], hwm)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=300, check=True)
    found, peak_kib = proc.stdout.rsplit(" ", 1)
    assert found == "['NG006']"
    assert int(peak_kib) < 200 * 1024  # the interpreter and libraries take about 50 MB of it


# --- 4. long values are quoted short ------------------------------------------------------------

LONG = "x" * 3_000_000


@pytest.mark.parametrize(("old", "new"), [
    ("email: tietosuoja@example.fi", f"email: {LONG}"),
    ("website: https://example.fi", f"website: {LONG}"),
    ("recipients: [mailer]", f"recipients: [{LONG}]"),
    ("country: FI\n  email", f"country: {LONG}\n  email"),
    ("  - id: customers", f"  - id: {LONG}"),
    ("duration: P30D", f"duration: P{LONG}"),
    ("category: statistics", f"category: {LONG}"),
    ("languages: [fi, en]", f"languages: [fi, {LONG}]"),
    ('postal_code: "00530"', "postal_code: 0" + "7" * 2_000_000),
    ("controller:\n", f"controller:\n  {LONG}: 1\n"),
    ("  city: Helsinki\n", f"  {LONG}: 1\n  {LONG}: 2\n  city: Helsinki\n"),
], ids=["email", "url", "reference", "country", "id", "duration", "term", "language",
        "number-hint", "unknown-key", "duplicate-key"])
def test_a_long_value_is_quoted_by_a_short_prefix(old: str, new: str) -> None:
    """A 3 MB invalid e-mail address gave a 3 MB message, and the fix printed it again."""
    assert old in BASE_NOTICE
    result = check_text(BASE_NOTICE.replace(old, new, 1), "long.yaml", lang="en")
    assert result.errors, codes(result)
    for d in result.diagnostics:
        assert len(d.message) < 300 and len(d.hint) < 600, (d.code, d.message[:100], d.hint[:100])


def test_lint_messages_quote_a_short_prefix_too() -> None:
    from noticegen.lint import diagnostic
    from noticegen.lint.registry import all_rules

    quoting = [r for r in all_rules() if r.check is not None and "{found}" in r.message["en"]]
    assert quoting
    for rule in quoting:
        params = {name: "x" for name in rule.placeholders()} | {"found": LONG}
        for lang in ("en", "fi"):
            d = diagnostic(rule, params, ("x",), lang)
            assert len(d.message) < 400 and len(d.hint) < 600, rule.code


# --- 5. only regular files are read -------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "notice.yaml"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, "-m", "noticegen", "check", "--lang", "en", str(fifo)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert proc.returncode == 2  # NG000: a file that cannot be read as asked is a usage error
    assert f"{fifo}: error NG000 is not a regular file" in proc.stdout
    assert "Traceback" not in proc.stderr


def returns(call: Callable[[], Any], seconds: float = 60) -> Any:
    """``call()``, run in a thread so that a call that blocks for ever fails the test instead
    of hanging the run (the thread is left blocked; it is a daemon)."""
    import threading

    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(call()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert result, "blocked"
    return result[0]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused() -> None:
    result = check_file("/dev/zero", lang="en")
    assert codes(result) == ["NG000"]
    assert result.diagnostics[0].message == "is not a regular file (a pipe, a device or a socket)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_notice_replaced_by_a_fifo_does_not_block_the_build_record(tmp_path: Path) -> None:
    from noticegen.builder.uptodate import file_digest

    fifo = tmp_path / "n.yaml"
    os.mkfifo(fifo)
    assert returns(lambda: file_digest(fifo)) is None  # the FIFO is not read


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_preview_rebuild_of_a_fifo_reports_it(tmp_path: Path) -> None:
    from noticegen.preview.site import Site

    fifo = tmp_path / "n.yaml"
    os.mkfifo(fifo)
    site = Site(fifo, tmp_path / "site", None)
    returns(site.rebuild)  # a FIFO used to block the watcher for ever
    assert site.error is not None and "is not a regular file" in site.error


# --- 8. no tags on any node ---------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "tag"), [
    ("controller:\n", "controller: !!python/object/new:os.system\n", "!!python/object/new:os.system"),
    ("registers:\n", "registers: !!binary\n", "!!binary"),
    ('version: "1.0"', "version: !!str 1.0", "!!str"),
    ('version: "1.0"', 'version: ! "1.0"', "!"),
    ("address:\n", "address: !!map\n", "!!map"),
    ("languages: [fi, en]", "languages: [!!str fi, en]", "!!str"),
    ("cookies:\n", "cookies: !custom\n", "!custom"),
], ids=["python-object", "binary-list", "str", "non-specific", "map", "in-flow", "custom"])
def test_an_explicit_tag_on_any_node_is_refused(old: str, new: str, tag: str) -> None:
    assert old in BASE_NOTICE
    result = check_text(BASE_NOTICE.replace(old, new, 1), "tag.yaml", lang="en")
    assert codes(result) == ["NG001"]
    assert result.diagnostics[0].message == f"YAML tags such as {tag} are not allowed"


def test_an_exclamation_mark_in_text_is_not_a_tag() -> None:
    text = BASE_NOTICE.replace("Ensimmäinen versio.", "'Uusi! !tärkeä'").replace(
        "First version.", "New !important")
    assert codes(check_text(text, "ok.yaml")) == []


# --- 10. control characters ---------------------------------------------------------------------

@pytest.mark.parametrize(("escape", "char"), [
    ("\\e[2J", "U+001B"), ("\\a", "U+0007"), ("\\0", "U+0000"), ("\\x7f", "U+007F"),
    ("\\r", "U+000D"), ("\\N", "U+0085"), ("\\x9b", "U+009B"), ("\\b", "U+0008"),
])
def test_a_control_character_in_a_string_is_refused(escape: str, char: str) -> None:
    text = BASE_NOTICE.replace("name: Esimerkki Oy", f'name: "Quality{escape}Desk"')
    result = check_text(text, "ctrl.yaml", lang="en")
    assert codes(result) == ["NG010"]
    d = result.diagnostics[0]
    assert (d.line, d.column) == (7, 9)
    assert d.message == f"the text contains the control character {char}, which cannot be published"
    assert not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in d.message + d.hint)


def test_a_raw_control_character_after_brackets_too_deep_for_libyaml_is_a_diagnostic() -> None:
    """libyaml stops at the nesting, the pure-Python parser that looks for the place stops at
    the DEL first: that was a traceback (found by tests/test_fuzz_check.py)."""
    text = "a: " + "[" * 20_000 + "]" * 20_000 + "\nb: x\x7fy\n"
    result = check_text(text, "deep.yaml", lang="en")
    assert codes(result) == ["NG001"]
    d = result.diagnostics[0]
    assert (d.line, d.column) == (2, 5) and "U+007F" in d.message


def test_a_control_character_in_a_key_is_refused() -> None:
    text = BASE_NOTICE.replace("  city: Helsinki", '  "ci\\aty": Helsinki')
    assert codes(check_text(text, "key.yaml")) == ["NG010"]


def test_tab_and_newline_escapes_are_allowed_where_text_allows_them() -> None:
    text = BASE_NOTICE.replace("Ensimmäinen versio.", '"Ensimmäinen\\tversio.\\nToinen rivi."')
    result = check_text(text, "ok.yaml")
    assert codes(result) == []


def test_diagnostics_print_control_characters_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever path a value takes into a message, the terminal gets it escaped."""
    d = Diagnostic("n.yaml", 1, 1, Severity.ERROR, "NG010", "'a\x1b]0;PWNED\x07b\x9b' is wrong",
                   "write \x1b[2J")
    assert d.message == "'a\\e]0;PWNED\\ab\\x9b' is wrong" and d.hint == "write \\e[2J"
    from noticegen import pipeline

    monkeypatch.setattr(pipeline, "check_file",
                        lambda *a, **k: Checked("n.yaml", [d]))
    result = CliRunner().invoke(app, ["check", "n.yaml"])
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_a_file_name_with_control_characters_is_printed_escaped(tmp_path: Path) -> None:
    """A file name is user input too: the text report writes it with its escapes shown."""
    path = tmp_path / "a\x1b]0;PWNED\x07b.yaml"
    path.write_text("controller: [\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "a\\e]0;PWNED\\ab.yaml" in result.output, result.output


# --- 7. user templates are sandboxed, and their mistakes are messages ---------------------------

EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"


def _with_template(tmp_path: Path, files: dict[str, bytes]) -> tuple[Any, Path]:
    """Build the example with a templates folder holding ``files``."""
    user = tmp_path / "templates"
    for name, data in files.items():
        (user / name).parent.mkdir(parents=True, exist_ok=True)
        (user / name).write_bytes(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(EXAMPLE), "-o", str(out), "--templates", str(user)])
    return result, user


def test_a_user_template_cannot_reach_python(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}\n"
    result, user = _with_template(tmp_path, {"en/sections/security.html": payload.encode()})
    assert not marker.exists(), "the template ran a command"
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # no traceback
    assert f"template error in {user / 'en' / 'sections' / 'security.html'}:1: access to " \
           "attribute '__init__'" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("name", "data", "says"), [
    ("en/sections/security.html", b'{% set title = "x" %}\n<p>{{ 1/0 }}</p>\n',
     "security.html:2: ZeroDivisionError: division by zero"),
    ("en/sections/security.html", b'{% include "sections/security.html" %}\n',
     "security.html:1: templates include or call each other without end"),
    ("en/sections/security.html", b"<p>ok</p>\n<p>\xff\xfe</p>\n",
     "security.html:2: the file is not UTF-8 text"),
    ("en/language.yaml", b"locale: xx_INVALID\n",
     "language.yaml for 'en': 'xx_INVALID' is not a locale Babel knows"),
    ("en/language.yaml", b"locale: ../../etc/passwd\n",
     "language.yaml for 'en': '../../etc/passwd' is not a locale Babel knows"),
    ("en/strings.yaml", b"title: \xff\n", "cannot read"),
], ids=["divide-by-zero", "recursive-include", "not-utf8", "unknown-locale", "locale-path",
        "strings-not-utf8"])
def test_a_broken_user_template_is_a_message(tmp_path: Path, name: str, data: bytes,
                                             says: str) -> None:
    result, _ = _with_template(tmp_path, {name: data})
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # not a traceback
    assert says in result.output
    assert not (tmp_path / "out").exists()


def test_the_built_in_templates_render_the_same_in_the_sandbox(tmp_path: Path) -> None:
    """An empty templates folder: every built-in template rendered in the sandbox gives the
    same bytes as without it (so the sandbox takes nothing the templates need)."""
    plain = tmp_path / "plain"
    assert CliRunner().invoke(app, ["build", str(EXAMPLE), "-o", str(plain)]).exit_code == 0
    (tmp_path / "empty").mkdir()
    sandboxed = tmp_path / "sandboxed"
    result = CliRunner().invoke(app, ["build", str(EXAMPLE), "-o", str(sandboxed), "--templates",
                                      str(tmp_path / "empty")])
    assert result.exit_code == 0, result.output
    files = sorted(p.relative_to(plain) for p in plain.rglob("*") if p.is_file())
    assert files and files == sorted(p.relative_to(sandboxed) for p in sandboxed.rglob("*") if p.is_file())
    assert all((plain / f).read_bytes() == (sandboxed / f).read_bytes() for f in files)


# --- 12. a foreseeable rename failure changes nothing --------------------------------------------

def test_a_folder_in_the_way_of_one_output_changes_no_output(tmp_path: Path) -> None:
    """`out/q/fi/index.html` a folder: en/* and fi/fragment.html were replaced before the build
    failed, and the message named `.index.html.<random>.tmp`."""
    notice = tmp_path / "q.yaml"
    notice.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["build", str(notice), "-o", str(out)]).exit_code == 0
    blocked = out / "q" / "fi" / "index.html"
    blocked.unlink()
    blocked.mkdir()
    (blocked / "keep").write_text("x", encoding="utf-8")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("QualityDesk Oy", "QualityDesk Finland Oy"), encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(notice), "-o", str(out)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert f"cannot write {blocked}: " in result.output and ".tmp" not in result.output
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before, "some outputs were replaced before the failure"


def test_an_unforeseeable_rename_failure_names_the_real_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from noticegen.builder import write

    target = tmp_path / "a.html"
    real = os.replace

    def fail(src: Any, dst: Any) -> None:
        if str(dst) == str(target):
            raise OSError(5, "Input/output error", str(src))
        real(src, dst)

    monkeypatch.setattr(write.os, "replace", fail)
    with pytest.raises(write.OutputError) as caught:
        write.write_all({target: b"x"})
    assert caught.value.message == f"cannot write {target}: Input/output error"
    assert not list(tmp_path.iterdir())


# --- 14. standard input once ----------------------------------------------------------------------

@pytest.mark.parametrize("command", [["check"], ["build", "-o", "out"]])
def test_standard_input_can_be_given_once(command: list[str], tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [command[0], "-", "-", *command[1:]], input=BASE_NOTICE)
    assert result.exit_code == 2
    assert "'-' (standard input) can be given only once" in result.output


# --- 13. preview: bad paths and foreign hosts ----------------------------------------------------

@pytest.fixture
def served(tmp_path: Path) -> Any:
    import threading

    from noticegen.preview.server import serve
    from noticegen.preview.site import Site

    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a.txt").write_text("hello", encoding="utf-8")
    server = serve(Site(tmp_path / "n.yaml", folder, None), 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _request(port: int, path: str, host: str | None, method: str = "GET") -> int:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.putrequest(method, path, skip_host=True)
        if host is not None:
            conn.putheader("Host", host)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


@pytest.mark.parametrize("path", ["/%00", "/a%00.txt", "/%0d%0a", "/%7f.html"])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_preview_answers_400_to_a_path_that_cannot_be_a_file(
        served: int, path: str, method: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _request(served, path, f"127.0.0.1:{served}", method) == 400
    assert _request(served, "/a.txt", f"127.0.0.1:{served}", method) == 200  # still serving
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(("host", "status"), [
    ("127.0.0.1:{port}", 200), ("localhost:{port}", 200), ("LOCALHOST", 200), ("127.0.0.1", 200),
    (None, 200),  # HTTP/1.0 tools send none; browsers always do
    ("evil.example:{port}", 403), ("evil.example", 403), ("127.0.0.1.evil.example:{port}", 403),
    ("localhost:1", 403), ("", 403),
])
def test_preview_serves_only_requests_for_this_computer(served: int, host: str | None,
                                                        status: int) -> None:
    """A web page that makes its own name resolve to 127.0.0.1 (DNS rebinding) sends its own
    name as the Host: it must not read the preview."""
    given = host.format(port=served) if host is not None else None
    assert _request(served, "/a.txt", given) == status


@pytest.mark.parametrize("path", ["/__noticegen__/events?since=0", "/__noticegen__/version"])
def test_preview_tells_no_foreign_page_of_its_builds(served: int, path: str) -> None:
    """The event stream and the build number answer only this computer's pages, too."""
    assert _request(served, path, "evil.example") == 403
