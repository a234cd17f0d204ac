"""`noticegen rules`, `explain`, and `check` with --lang, --strict and project settings files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from noticegen.cli import app
from noticegen.config import ConfigError, _settings_in, settings_for
from noticegen.errors import UsageError
from noticegen.lint.lang import from_environment, message_language
from noticegen.lint.registry import all_rules

BASE = (Path(__file__).resolve().parent / "data" / "rules" / "_base.yaml").read_text(encoding="utf-8")
NO_ID = BASE.replace('  business_id: "1234567-1"\n', "")  # one warning: NG107


def run(args: list[str], **env: str) -> Result:
    clean = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8", "NOTICEGEN_LANG": "", **env}
    result = CliRunner().invoke(app, args, env=clean)
    return result


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with a notice in notices/, as the current folder."""
    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "notice.yaml").write_text(NO_ID, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_rules_lists_every_rule() -> None:
    result = run(["rules"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == len(all_rules())
    assert any(line.startswith("NG101  purpose-no-legal-basis") and "error" in line for line in lines)


def test_rules_as_json_in_finnish_and_by_group() -> None:
    result = run(["rules", "--format", "json", "--lang", "fi", "--group", "cookies"])
    assert result.exit_code == 0
    rules = json.loads(result.output)
    assert rules and all("cookies" in r["groups"] for r in rules)
    ng401 = next(r for r in rules if r["code"] == "NG401")
    assert {"code", "name", "severity", "groups", "summary", "message", "hint", "source",
            "fails", "passes"} <= set(ng401)
    assert "evästeen" in ng401["message"]


def test_explain_by_code_and_name_in_both_languages() -> None:
    english = run(["explain", "NG501"])
    assert english.exit_code == 0
    assert english.output.startswith("NG501 law-repealed\n")
    assert "Fails:" in english.output and "523/1999" in english.output
    assert "reason:" in english.output
    finnish = run(["explain", "law-repealed"], LANG="fi_FI.UTF-8")
    assert "Virheellinen:" in finnish.output and "kumottiin" in finnish.output


def test_explain_a_core_check() -> None:
    result = run(["explain", "NG011", "--lang", "en"])
    assert result.exit_code == 0
    assert "cannot be switched off" in result.output


def test_explain_an_unknown_rule_suggests_the_closest() -> None:
    result = run(["explain", "NG1O1"])
    assert result.exit_code == 2
    assert "unknown rule 'NG1O1'" in result.output
    assert "Did you mean NG101 (purpose-no-legal-basis)?" in result.output


def test_check_messages_follow_lang_option_then_locale(project: Path) -> None:
    notice = "notices/notice.yaml"
    assert "business ID" in run(["check", notice]).output
    assert "Y-tunnusta" in run(["check", notice], LANG="fi_FI.UTF-8").output
    assert "business ID" in run(["check", "--lang", "en", notice], LANG="fi_FI.UTF-8").output


def test_check_strict_makes_warnings_fail(project: Path) -> None:
    assert run(["check", "notices/notice.yaml"]).exit_code == 0
    assert run(["check", "--strict", "notices/notice.yaml"]).exit_code == 1


def test_noticegen_toml_is_found_above_the_notice(project: Path) -> None:
    (project / "noticegen.toml").write_text('strict = true\nlang = "fi"\n', encoding="utf-8")
    result = run(["check", "notices/notice.yaml"])
    assert result.exit_code == 1  # strict: the NG107 warning fails
    assert "Y-tunnusta" in result.output
    assert "business ID" in run(["check", "--lang", "en", "notices/notice.yaml"]).output


def test_pyproject_table_disables_rules(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.noticegen]\ndisable = ["controller-no-business-id"]\n',
        encoding="utf-8")
    result = run(["check", "--strict", "notices/notice.yaml"])
    assert result.exit_code == 0, result.output
    assert "NG107" not in result.output


@pytest.mark.parametrize(("lang", "said"), [
    ("sv_FI.UTF-8", "noticegen.toml: okänd inställning 'strikt'"),
    ("fi_FI.UTF-8", "noticegen.toml: tuntematon asetus 'strikt'"),
])
def test_a_wrong_settings_file_is_told_in_the_user_s_language(project: Path, lang: str,
                                                              said: str) -> None:
    """#17: the settings file's errors come from the message catalogues too."""
    (project / "noticegen.toml").write_text("strikt = true\n", encoding="utf-8")
    result = run(["check", "notices/notice.yaml"], LANG=lang)
    assert result.exit_code == 2
    assert said in result.output, result.output
    assert "unknown" not in result.output and "Known" not in result.output


def test_a_pyproject_without_the_table_is_passed_over(project: Path) -> None:
    (project / "noticegen.toml").write_text("strict = true\n", encoding="utf-8")
    (project / "notices" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    settings = settings_for(str(project / "notices" / "notice.yaml"))
    assert settings.strict and settings.path == project / "noticegen.toml"


@pytest.mark.parametrize(("toml", "expected"), [
    ("strikt = true\n", "unknown setting 'strikt'"),
    ('strict = "yes"\n', "strict must be true or false"),
    ('lang = "se"\n', "lang must be one of en, fi, sv"),
    ('disable = ["NG1O7"]\n', "unknown rule 'NG1O7'"),
    ('disable = ["NG022"]\n', "NG022 is a core check"),
    ("disable = [\n", "invalid TOML"),
])
def test_a_wrong_settings_file_is_a_usage_error(project: Path, toml: str, expected: str) -> None:
    (project / "noticegen.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=expected):
        settings_for(str(project / "notices" / "notice.yaml"))
    result = run(["check", "notices/notice.yaml"])
    assert result.exit_code == 2
    assert expected.split("'")[0] in result.output


def test_message_language_precedence() -> None:
    assert from_environment({}) == "en"
    assert from_environment({"LANG": "fi_FI.UTF-8"}) == "fi"
    assert from_environment({"LC_ALL": "en_US.UTF-8", "LANG": "fi_FI.UTF-8"}) == "en"
    assert from_environment({"LC_MESSAGES": "fi_FI", "LANG": "en_GB"}) == "fi"
    assert from_environment({"LANG": "sv_FI.UTF-8"}) == "sv"
    assert from_environment({"LANG": "de_DE.UTF-8"}) == "en"  # no German catalogue
    assert message_language("en", "fi", {"LANG": "fi_FI"}) == "en"
    assert message_language(None, "fi", {"LANG": "en_GB"}) == "fi"
    assert message_language(None, None, {"LANG": "fi_FI"}) == "fi"


def test_a_broken_pyproject_without_the_table_is_passed_over(project: Path) -> None:
    """A pyproject.toml that does not mention noticegen is not parsed (nor is TOML imported)."""
    (project / "noticegen.toml").write_text("strict = true\n", encoding="utf-8")
    (project / "notices" / "pyproject.toml").write_text("[project\nname = \n", encoding="utf-8")
    settings = settings_for(str(project / "notices" / "notice.yaml"))
    assert settings.strict and settings.path == project / "noticegen.toml"
    (project / "notices" / "pyproject.toml").write_text("[tool.noticegen\n", encoding="utf-8")
    _settings_in.cache_clear()  # settings are looked up once per folder and run
    with pytest.raises(ConfigError, match="invalid TOML"):
        settings_for(str(project / "notices" / "notice.yaml"))


def test_message_language_order_with_the_environment_variable() -> None:
    env = {"NOTICEGEN_LANG": "fi", "LANG": "en_GB.UTF-8"}
    assert message_language("en", "en", env) == "en"              # --lang first
    assert message_language(None, "en", env) == "fi"              # then NOTICEGEN_LANG
    assert message_language(None, "fi", {"LANG": "en_GB"}) == "fi"  # then the project setting
    assert message_language(None, None, {"LANG": "fi_FI"}) == "fi"  # then the locale
    assert message_language(None, None, {"NOTICEGEN_LANG": ""}) == "en"
    with pytest.raises(UsageError, match="NOTICEGEN_LANG=de"):
        message_language(None, None, {"NOTICEGEN_LANG": "de"})


def test_the_windows_locale_decides_when_no_variable_is_set() -> None:
    assert from_environment({}, system="Finnish_Finland") == "fi"
    assert from_environment({}, system="fi_FI") == "fi"
    assert from_environment({}, system="English_United Kingdom") == "en"
    assert from_environment({}, system="Swedish_Finland") == "sv"
    assert from_environment({"LANG": "en_US.UTF-8"}, system="Finnish_Finland") == "en"
    assert from_environment({}, system="C") == "en"
    assert message_language(None, None, {}, system="Finnish_Finland") == "fi"


def test_check_and_explain_follow_noticegen_lang(project: Path) -> None:
    notice = "notices/notice.yaml"
    assert "Y-tunnusta" in run(["check", notice], NOTICEGEN_LANG="fi").output
    assert "business ID" in run(["check", "--lang", "en", notice], NOTICEGEN_LANG="fi").output
    assert "Virheellinen:" in run(["explain", "NG501"], NOTICEGEN_LANG="fi").output
    wrong = run(["check", notice], NOTICEGEN_LANG="xx")
    assert wrong.exit_code == 2 and "NOTICEGEN_LANG=xx" in wrong.output
