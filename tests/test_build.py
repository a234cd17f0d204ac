"""`noticegen build`: what it writes, when it writes nothing, exit codes, atomic and safe output."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from noticegen.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"
ALL_FILES = sorted([
    "noticegen.css", "notice.json", "consent/cookieconsent.js", "consent/cookieconsent.json",
    "consent/klaro.js", "consent/klaro.json",
    *(f"{lang}/{name}" for lang in ("en", "fi")
      for name in ("index.html", "fragment.html", "notice.md", "notice.txt",
                   "short/customers.html", "short/customers.txt")),
])


def run(*args: str | Path) -> Any:
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    print(result.output)  # shown when an assertion fails
    return result


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {rel: ((folder / rel).read_bytes(), (folder / rel).stat().st_mtime_ns)
            for rel in listing(folder)}


def test_build_writes_every_language_and_format(tmp_path: Path) -> None:
    result = run("build", EXAMPLE, "--out", tmp_path)
    assert result.exit_code == 0
    assert listing(tmp_path / "qualitydesk") == ALL_FILES
    assert "18 file(s) built, 18 changed" in result.output
    assert f"open {tmp_path / 'qualitydesk' / 'fi' / 'index.html'}" in result.output


def test_out_defaults_to_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("build", EXAMPLE).exit_code == 0
    assert listing(tmp_path / "dist" / "qualitydesk") == ALL_FILES


def test_languages_and_formats_can_be_chosen(tmp_path: Path) -> None:
    assert run("build", EXAMPLE, "-o", tmp_path, "--lang", "en", "--format", "md,json").exit_code == 0
    assert listing(tmp_path / "qualitydesk") == ["en/notice.md", "notice.json"]
    assert run("build", EXAMPLE, "-o", tmp_path, "--lang", "fi", "--format", "page").exit_code == 0
    page = (tmp_path / "qualitydesk" / "fi" / "index.html").read_text("utf-8")
    assert 'hreflang="en"' not in page  # only the languages built are linked


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "unknown format 'pdf'"),
        (["--lang", "sv"], "is not written in sv"),
        (["--heading-level", "5"], "--heading-level"),
        (["--templates", "no-such-folder"], "does not exist"),
    ],
)
def test_bad_options_exit_2_and_write_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("build", EXAMPLE, "-o", tmp_path / "out", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("lang", "message"), [("fi", "tuntematon muoto 'pdf'"),
                                                ("sv", "okänt format 'pdf'")])
def test_usage_errors_speak_the_message_language(tmp_path: Path, lang: str, message: str) -> None:
    result = run("--lang", lang, "build", EXAMPLE, "-o", tmp_path / "out", "--format", "pdf")
    assert result.exit_code == 2 and message in result.output, result.output


def test_errors_stop_the_build_and_keep_earlier_output(
    tmp_path: Path, notice_file: Callable[..., Path],
) -> None:
    out = tmp_path / "out"
    good = notice_file(name="good")
    assert run("build", good, "-o", out).exit_code == 0
    before = snapshot(out)

    def typo(d: dict[str, Any]) -> None:
        d["registers"][0]["purposes"][0]["legal_basis"] = ["contrat"]

    bad = notice_file(edit=typo, name="bad")
    result = run("build", good, bad, "-o", out)
    assert result.exit_code == 1
    assert "error" in result.output and "nothing was written" in result.output
    assert snapshot(out) == before
    assert not (out / "bad").exists()


def test_warnings_are_printed_and_the_build_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import noticegen.pipeline as pipeline
    from noticegen.diagnostics import Diagnostic, Severity

    real = pipeline.check_file

    def with_warning(path: str, **kwargs: Any) -> Any:
        checked = real(path, **kwargs)
        checked.diagnostics.append(Diagnostic(path, 1, 1, Severity.WARNING, "NG999", "a test warning"))
        return checked

    monkeypatch.setattr(pipeline, "check_file", with_warning)
    result = run("build", EXAMPLE, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert "warning NG999 a test warning" in result.output
    assert (tmp_path / "out" / "qualitydesk" / "fi" / "index.html").is_file()
    strict = run("build", EXAMPLE, "-o", tmp_path / "strict", "--strict")
    assert strict.exit_code == 1 and "nothing was written" in strict.output
    assert not (tmp_path / "strict").exists()


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    assert run("build", EXAMPLE, "-o", tmp_path).exit_code == 0
    before = snapshot(tmp_path)
    result = run("build", EXAMPLE, "-o", tmp_path, "--force")  # rendered again, same bytes
    assert result.exit_code == 0 and "18 file(s) built, 0 changed" in result.output
    assert snapshot(tmp_path) == before


def test_output_folders_are_safe_names(tmp_path: Path, notice_file: Callable[..., Path]) -> None:
    odd = notice_file(name="..my notice (v2)")
    out = tmp_path / "out"
    assert run("build", odd, "-o", out, "--format", "json").exit_code == 0
    assert listing(out) == ["my-notice-v2/notice.json"]


def test_two_notices_may_not_share_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    copy = tmp_path / "a" / "qualitydesk.yaml"
    copy.write_bytes(EXAMPLE.read_bytes())
    result = run("build", EXAMPLE, copy, "-o", tmp_path / "out")
    assert result.exit_code == 2 and "would both be written" in result.output


def test_a_failed_write_leaves_the_previous_output(
    tmp_path: Path, notice_file: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    assert run("build", notice_file(), "-o", out).exit_code == 0
    before = snapshot(out)

    def new_version(d: dict[str, Any]) -> None:
        d["notice"]["version"] = "2.1"

    changed = notice_file(edit=new_version)
    real_mkstemp = tempfile.mkstemp
    calls = {"n": 0}

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr("noticegen.builder.write.tempfile.mkstemp", flaky)
    result = run("build", changed, "-o", out)
    assert result.exit_code == 1
    assert "disk is full" in result.output
    assert snapshot(out) == before  # no file replaced, no temp file left behind


def test_template_overrides_and_template_errors(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    (user / "en" / "sections").mkdir(parents=True)
    (user / "en" / "sections" / "security.html").write_text(
        '{% import "macros.html" as m with context %}\n{% set title = "How we keep data safe" %}\n'
        '<section class="ng-section">\n{{ m.heading(1, title, anchor) }}\n'
        "<p>Custom security text.</p>\n</section>\n", "utf-8")
    out = tmp_path / "out"
    assert run("build", EXAMPLE, "-o", out, "--templates", user, "--format", "page").exit_code == 0
    en = (out / "qualitydesk" / "en" / "index.html").read_text("utf-8")
    assert "Custom security text." in en and '<a href="#ng-security">How we keep data safe</a>' in en
    fi = (out / "qualitydesk" / "fi" / "index.html").read_text("utf-8")
    assert "Custom security text." not in fi  # only the language overridden

    (user / "en" / "sections" / "security.html").write_text(
        '{% set title = "x" %}\n<p>{{ no_such_variable }}</p>\n', "utf-8")
    result = run("build", EXAMPLE, "-o", tmp_path / "broken", "--templates", user)
    assert result.exit_code == 1
    assert "security.html:2" in result.output and "no_such_variable" in result.output
    assert not (tmp_path / "broken").exists()


def test_help_shows_examples() -> None:
    result = run("build", "--help")
    assert result.exit_code == 0
    assert "noticegen build examples/qualitydesk.yaml" in result.output


def _build_in_subprocess(out: Path, env: dict[str, str]) -> dict[str, bytes]:
    subprocess.run([sys.executable, "-m", "noticegen", "build", str(EXAMPLE), "-o", str(out)],
                   env={**os.environ, **env}, check=True, capture_output=True)
    return {rel: (out / rel).read_bytes() for rel in listing(out)}


@pytest.mark.slow
def test_output_is_identical_whatever_the_time_zone_locale_or_hash_seed(tmp_path: Path) -> None:
    first = _build_in_subprocess(tmp_path / "a", {
        "TZ": "Pacific/Kiritimati", "LANG": "fi_FI.UTF-8", "LC_ALL": "fi_FI.UTF-8",
        "PYTHONHASHSEED": "1"})
    second = _build_in_subprocess(tmp_path / "b", {
        "TZ": "America/Adak", "LANG": "C", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "4242"})
    assert list(first) == [f"qualitydesk/{rel}" for rel in ALL_FILES]
    assert first == second


def test_strict_from_noticegen_toml_stops_the_build(tmp_path: Path) -> None:
    # The example has one warning (no Y-tunnus): strict project settings make it fatal.
    notice = tmp_path / "qualitydesk.yaml"
    notice.write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "noticegen.toml").write_text("strict = true\n", encoding="utf-8")
    result = run("build", notice, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()
    lenient = tmp_path / "lenient"
    lenient.mkdir()
    (lenient / "noticegen.toml").write_text("strict = false\n", encoding="utf-8")
    (lenient / "qualitydesk.yaml").write_bytes(EXAMPLE.read_bytes())
    assert run("build", lenient / "qualitydesk.yaml", "--out", tmp_path / "out").exit_code == 0


def test_id_prefix_option(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", EXAMPLE, "-o", out, "--format", "fragment,md", "--id-prefix", "ng-{lang}-")
    assert result.exit_code == 0, result.output
    for lang in ("fi", "en"):
        fragment = (out / "qualitydesk" / lang / "fragment.html").read_text("utf-8")
        assert f'id="ng-{lang}-cookies"' in fragment and f'href="#ng-{lang}-objection"' in fragment
        md = (out / "qualitydesk" / lang / "notice.md").read_text("utf-8")
        assert f'<a id="ng-{lang}-cookies"></a>' in md


def test_a_bad_id_prefix_is_a_usage_error(tmp_path: Path) -> None:
    result = run("build", EXAMPLE, "-o", tmp_path / "out", "--id-prefix", "9 lives")
    assert result.exit_code == 2
    assert "id prefix" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
