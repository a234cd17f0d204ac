"""The same conventions in every command: global options anywhere, exit codes, folders, paths."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from noticegen import config
from noticegen.cli import State, app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"


@pytest.fixture(autouse=True)
def _fresh_state(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("quiet", "verbose", "no_color"):
        monkeypatch.setattr(State, name, False)
    monkeypatch.setattr(config, "MESSAGE_LANG", None)
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def run(*args: str, **env: str) -> object:
    return CliRunner().invoke(app, list(args), env=env or None)


@pytest.fixture
def notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLE, tmp_path / "notice.yaml")
    return Path("notice.yaml")


# --- global options after the command's name ------------------------------------------------

@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_before_or_after_the_command(notice: Path, where: str) -> None:
    args = ["-q", "check", str(notice)] if where == "before" else ["check", str(notice), "-q"]
    result = run(*args)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "file(s) checked" not in result.stderr  # type: ignore[attr-defined]
    loud = run("check", str(notice))
    assert "1 file(s) checked" in loud.stderr  # type: ignore[attr-defined]


def test_build_quiet_and_verbose_after_the_command(notice: Path) -> None:
    quiet = run("build", str(notice), "--out", "site", "--quiet")
    assert quiet.exit_code == 0 and "file(s) built" not in quiet.stderr  # type: ignore[attr-defined]
    verbose = run("build", str(notice), "--out", "site", "--force", "-v")
    assert "(--force was given)" in verbose.stderr  # type: ignore[attr-defined]  # the reason, shown with -v only


@pytest.mark.parametrize("flags", ["-qv", "-vq"])
def test_combined_short_global_flags_after_the_command(notice: Path, flags: str) -> None:
    after = run("check", str(notice), flags)
    assert after.exit_code == 0, after.output  # type: ignore[attr-defined]
    assert "file(s) checked" not in after.stderr  # type: ignore[attr-defined]
    assert State.quiet and State.verbose
    before = run(flags, "check", str(notice))
    assert (before.exit_code, before.stdout) == (0, after.stdout)  # type: ignore[attr-defined]


def test_combined_global_and_own_short_flags_after_the_command(notice: Path) -> None:
    # -q is the global option, -j2 build's own (its value attached)
    result = run("build", str(notice), "--out", "site", "-qj2")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "file(s) built" not in result.stderr and (Path("site") / "notice").is_dir()  # type: ignore[attr-defined]
    # an unknown letter after them is a usage error, not a traceback
    wrong = run("check", str(notice), "-qx")
    assert wrong.exit_code == 2 and "No such option: -x" in wrong.output  # type: ignore[attr-defined]
    # a folder named like the flags stays the value of --out
    odd = run("build", str(notice), "--out", "-qv")
    assert odd.exit_code == 0 and (Path("-qv") / "notice").is_dir()  # type: ignore[attr-defined]


def test_no_color_after_the_command(notice: Path) -> None:
    coloured = run("check", str(notice), FORCE_COLOR="1")
    assert "\x1b[" in coloured.stdout  # type: ignore[attr-defined]
    plain = run("check", str(notice), "--no-color", FORCE_COLOR="1")
    assert "\x1b[" not in plain.stdout and "NG107" in plain.stdout  # type: ignore[attr-defined]


def test_global_lang_sets_the_message_language_of_build(notice: Path) -> None:
    result = run("--lang", "fi", "build", str(notice), "--out", "site")
    assert "Y-tunnusta ei ole ilmoitettu" in result.stdout  # type: ignore[attr-defined]


def test_lang_after_a_command_without_its_own_is_the_global_one(notice: Path) -> None:
    result = run("schema", "--lang", "fi")
    assert result.exit_code == 0 and result.stdout.startswith("{")  # type: ignore[attr-defined]


def test_a_commands_own_lang_and_option_values_stay_its_own(notice: Path) -> None:
    result = run("build", str(notice), "--lang", "en", "--out", "-q")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    built = sorted(p.name for p in (Path("-q") / "notice").iterdir() if p.is_dir())
    assert [name for name in built if name != "consent"] == ["en"]  # consent/: the banner configs


def test_after_a_double_dash_nothing_is_an_option(notice: Path) -> None:
    result = run("check", "--", "-q")
    assert result.exit_code == 2 and "-q: error NG000 no such file" in result.stdout  # type: ignore[attr-defined]


# --- a file that does not exist is a usage error (2) in every command -----------------------

@pytest.mark.parametrize("args", [
    ["check", "missing.yaml"],
    ["check", "notice.yaml", "missing.yaml"],
    ["build", "missing.yaml", "--out", "site"],
    ["build", "--check", "missing.yaml", "--out", "site"],
    ["diff", "missing.yaml", "notice.yaml"],
    ["preview", "missing.yaml", "--port", "0"],
], ids=["check", "check-two", "build", "build-check", "diff", "preview"])
def test_a_missing_file_exits_2(notice: Path, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert "missing.yaml" in result.output  # type: ignore[attr-defined]


# --- folders --------------------------------------------------------------------------------

def folder_of_notices(tmp_path: Path) -> Path:
    top = tmp_path / "notices"
    (top / "shop").mkdir(parents=True)
    (top / ".drafts").mkdir()
    (top / "ignored").mkdir()
    shutil.copy(EXAMPLE, top / "a.yaml")
    shutil.copy(EXAMPLE, top / "shop" / "b.yml")
    (top / ".hidden.yaml").write_text("not: [valid\n", encoding="utf-8")
    (top / ".drafts" / "draft.yaml").write_text("not: [valid\n", encoding="utf-8")
    (top / "ignored" / "old.yaml").write_text("not: [valid\n", encoding="utf-8")
    (top / "noticegen.toml").write_text("strict = false\n", encoding="utf-8")
    (top / "README.md").write_text("# notices\n", encoding="utf-8")
    return top


def test_check_a_folder_takes_every_notice_under_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    top = folder_of_notices(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", "notices")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "2 file(s) checked" in result.stderr  # type: ignore[attr-defined]
    assert "notices/a.yaml:" in result.stdout and "notices/shop/b.yml:" in result.stdout  # type: ignore[attr-defined]
    # Outside a Git work tree nothing is ignored by .gitignore: the broken file is checked.
    shutil.rmtree(tmp_path / ".git")
    outside = run("check", str(top))
    assert outside.exit_code == 1 and "ignored/old.yaml" in outside.stdout  # type: ignore[attr-defined]
    assert ".hidden" not in outside.stdout and "draft" not in outside.stdout  # type: ignore[attr-defined]


def test_build_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder_of_notices(tmp_path)
    (tmp_path / "notices" / "ignored" / "old.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    result = run("build", "notices", "--out", "site")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert (tmp_path / "site" / "a" / "fi" / "index.html").is_file()
    assert (tmp_path / "site" / "b" / "fi" / "index.html").is_file()
    assert "site/a: " in result.stderr  # type: ignore[attr-defined]  # relative, as given


def test_a_folder_without_notices_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run("check", "empty")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "empty: error NG000 is a folder with no notice files" in result.stdout  # type: ignore[attr-defined]


# --- build --check --------------------------------------------------------------------------

def test_build_check_names_files_no_notice_builds(notice: Path) -> None:
    assert run("build", str(notice), "--out", "site").exit_code == 0  # type: ignore[attr-defined]
    assert run("build", "--check", str(notice), "--out", "site").exit_code == 0  # type: ignore[attr-defined]
    (Path("site") / "notice" / "sv").mkdir()
    (Path("site") / "notice" / "sv" / "index.html").write_text("old", encoding="utf-8")
    result = run("build", "--check", str(notice), "--out", str(Path("site").resolve()))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    # Printed relative to the current folder, although --out was absolute.
    assert "stale: site/notice/sv/index.html (no notice builds it)" in result.stdout  # type: ignore[attr-defined]


def test_build_check_names_left_over_files_anywhere_in_the_output(notice: Path) -> None:
    assert run("build", str(notice), "--out", "site").exit_code == 0  # type: ignore[attr-defined]
    # a notice renamed (its old folder is left behind), a stray file at the top, hidden files
    shutil.copytree(Path("site") / "notice", Path("site") / "old-name")
    (Path("site") / "index.html").write_text("mine", encoding="utf-8")
    (Path("site") / ".nojekyll").write_text("", encoding="utf-8")
    (Path("site") / ".git").mkdir()
    (Path("site") / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    result = run("build", "--check", str(notice), "--out", "site")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    stale = [line for line in result.stdout.splitlines() if line.startswith("stale: ")]  # type: ignore[attr-defined]
    old = sorted(p.relative_to(Path("site")).as_posix()
                 for p in (Path("site") / "old-name").rglob("*") if p.is_file())
    assert stale == [f"stale: site/{name} (no notice builds it)"
                     for name in sorted(["index.html", *old])]
    # with those gone, the output is what the notice builds
    shutil.rmtree(Path("site") / "old-name")
    (Path("site") / "index.html").unlink()
    assert run("build", "--check", str(notice), "--out", "site").exit_code == 0  # type: ignore[attr-defined]


def test_build_check_with_errors_does_not_say_nothing_was_written(notice: Path) -> None:
    Path("broken.yaml").write_text("notice: [\n", encoding="utf-8")
    result = run("build", "--check", "broken.yaml", "--out", "site")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "nothing was written" not in result.output  # type: ignore[attr-defined]
    assert "nothing was compared" in result.stderr  # type: ignore[attr-defined]


# --- build options in the project settings ------------------------------------------------

def test_build_options_from_noticegen_toml(notice: Path) -> None:
    Path("noticegen.toml").write_text(
        '[build]\nout = "site"\nlang = ["fi"]\nformats = ["page", "fragment"]\nheading_level = 3\n'
        'id_prefix = "tsp-"\n', encoding="utf-8")
    result = run("build", str(notice))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    built = sorted(p.relative_to("site").as_posix() for p in Path("site").rglob("*") if p.is_file())
    assert built == ["notice/fi/fragment.html", "notice/fi/index.html", "notice/noticegen.css"]
    fragment = (Path("site") / "notice" / "fi" / "fragment.html").read_text(encoding="utf-8")
    assert "<h3" in fragment and 'id="tsp-' in fragment and 'id="ng-' not in fragment
    assert not Path("dist").exists()
    # --check with no options compares with what the settings build: nothing is stale
    assert run("build", "--check", str(notice)).exit_code == 0  # type: ignore[attr-defined]
    # an option on the command line wins
    assert run("build", str(notice), "--out", "other", "--lang", "en").exit_code == 0  # type: ignore[attr-defined]
    assert (Path("other") / "notice" / "en" / "index.html").is_file()


def test_build_out_is_relative_to_the_settings_file(notice: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    Path("pyproject.toml").write_text('[tool.noticegen.build]\nout = "site"\n', encoding="utf-8")
    Path("sub").mkdir()
    shutil.copy(notice, Path("sub") / "notice.yaml")
    monkeypatch.chdir("sub")
    assert run("build", "notice.yaml").exit_code == 0  # type: ignore[attr-defined]
    assert (tmp_path / "site" / "notice" / "fi" / "index.html").is_file()


@pytest.mark.parametrize("table", ['[build]\nout = 1\n', '[build]\nheading_level = 7\n',
                                   '[build]\nformats = "page"\n', '[build]\nid_prefix = 1\n',
                                   '[build]\noutput = "site"\n'])
def test_wrong_build_settings_exit_2(notice: Path, table: str) -> None:
    Path("noticegen.toml").write_text(table, encoding="utf-8")
    result = run("build", str(notice))
    assert result.exit_code == 2 and "noticegen.toml [build]" in result.output  # type: ignore[attr-defined]


@pytest.mark.parametrize("args", [["--lang", "sv", "rules"], ["rules", "--lang", "fi"],
                                  ["--lang", "sv", "check", "--help"]])
def test_a_run_leaves_no_message_language_behind(args: list[str]) -> None:
    """A run's ``--lang`` ends with it: a later call in the same process (the next test, a
    program that runs noticegen and then checks a file itself) speaks its own language, not
    the last run's (the refusal of a path outside the output folder came out in Finnish)."""
    from noticegen.builder.write import inside
    from noticegen.errors import NoticegenError

    result = run(*args)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert config.MESSAGE_LANG is None and config.COMMAND_LANG is None
    with pytest.raises(NoticegenError, match="refusing to write outside"):
        inside(ROOT / "out", "../x")
