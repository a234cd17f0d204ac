"""`noticegen init`: the interview, the starter it writes, and how it treats existing files."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from noticegen.cli import app
from noticegen.init import parts
from noticegen.init.interview import default_language
from noticegen.init.starter import (
    SCHEMA_URL,
    Answers,
    build_tree,
    catalogue_kinds,
    count_todos,
    offered_services,
    starter_text,
)
from noticegen.init.yamlout import plain, scalar
from noticegen.pipeline import check_file

FI = {"LANG": "fi_FI.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}
EN = {"LANG": "en_GB.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}
SV = {"LANG": "sv_FI.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}
YES = {"fi": "k", "en": "y", "sv": "j"}


def run(args: list[str], *, input: str = "", env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(app, args, input=input, env=env or FI)


def interview_input(*, yes: frozenset[str] = frozenset(), pick_all: bool = True, lang: str = "fi",
                    languages: str = "") -> str:
    """Answers typed in the order the interview asks them."""
    lines = ["Testi Oy", "1234567-1", "Hämeentie 1", "00530", "Helsinki", "tietosuoja@testi.fi",
             languages]
    kinds = catalogue_kinds()
    for choice in parts.CHOICES:
        lines.append(YES[lang] if choice in yes else "")
        if choice in yes and offered_services(choice, kinds):
            n = len(offered_services(choice, kinds))
            lines.append(",".join(str(i) for i in range(1, n + 1)) if pick_all else "")
    return "\n".join(lines) + "\n"


def errors_of(path: Path) -> list[str]:
    """Errors other than NG704: the placeholders init writes on purpose are errors until the
    owner replaces them (build publishes nothing before that), and are checked on their own."""
    return [f"{d.line}:{d.column} {d.code} {d.message}" for d in check_file(str(path)).errors
            if d.code != "NG704"]


COMBINATIONS = [frozenset(c for c, on in zip(parts.CHOICES, bits, strict=True) if on)
                for bits in itertools.product([False, True], repeat=len(parts.CHOICES))]


@pytest.mark.parametrize("yes", COMBINATIONS, ids=lambda y: "+".join(sorted(y)) or "none")
def test_every_combination_of_answers_passes_check(yes: frozenset[str], tmp_path: Path) -> None:
    # Alternate the interview language and whether the offered services are picked, so that
    # every language and both sides of picking are covered across the combinations.
    lang = ("fi", "en", "sv")[sum(map(parts.CHOICES.index, yes)) % 3]
    pick_all = sum(parts.CHOICES.index(c) for c in yes) % 2 == 0
    target = tmp_path / "notice.yaml"
    result = run(["init", "--lang", lang, str(target)],
                 input=interview_input(yes=yes, pick_all=pick_all, lang=lang))
    assert result.exit_code == 0, result.output
    assert errors_of(target) == []
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    purposes = {p["id"] for r in data["registers"] for p in r["purposes"]}
    assert {"customer-relationship", "bookkeeping"} <= purposes
    assert ("recruitment" in purposes) == ("jobs" in yes)
    assert ("newsletter" in purposes) == ("newsletter" in yes)
    assert ("orders" in purposes) == ("shop" in yes)
    # Shopify's default cookies include statistics ones, which need a purpose on consent (NG409)
    assert ("analytics" in purposes) == ("analytics" in yes or "shopify" in data.get("uses", []))
    assert ("advertising" in purposes) == ("marketing" in yes)
    if yes & {"analytics", "marketing"}:
        assert data["cookie_consent"]["method"] == "banner"


@pytest.mark.parametrize("pick_all", [True, False])
def test_all_yes_with_and_without_services(pick_all: bool, tmp_path: Path) -> None:
    target = tmp_path / "notice.yaml"
    yes = frozenset(parts.CHOICES)
    result = run(["init", str(target)], input=interview_input(yes=yes, pick_all=pick_all))
    assert result.exit_code == 0, result.output
    assert errors_of(target) == []
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    if pick_all:
        assert "google-analytics-4" in data["uses"]
        assert "mailchimp" in data["uses"]
        purpose = next(p for r in data["registers"] for p in r["purposes"] if p["id"] == "analytics")
        assert "google-analytics-4" in purpose["recipients"]
    else:
        assert "uses" not in data
        # no service brings the cookies, so placeholders to fill in stand in for them
        assert {c["category"] for c in data["cookies"]} == {"statistics", "marketing"}
        assert all(c["name"].startswith(parts.TODO) for c in data["cookies"])


def test_the_written_yaml_reads_back_as_the_tree() -> None:
    answers = Answers(lang="fi", company="Testi Oy", choices=frozenset(parts.CHOICES),
                      services={"analytics": ("hotjar",)}, today=dt.date(2026, 12, 1))
    text = starter_text(answers)
    assert yaml.safe_load(text) == plain(build_tree(answers))


def test_the_file_starts_with_the_schema_comment_and_is_commented_in_the_chosen_language(
        tmp_path: Path) -> None:
    from noticegen.schema import schema_dict

    assert schema_dict()["$id"] == SCHEMA_URL
    fi = run(["init", "--no-input", "--lang", "fi", "-"]).stdout
    en = run(["init", "--no-input", "--lang", "en", "-"]).stdout
    for text in (fi, en):
        assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_URL}"
    assert "# Rekisterinpitäjä eli yritys" in fi and "# The controller:" not in fi
    assert "# The controller:" in en and "Rekisterinpitäjä eli" not in en


def test_no_input_writes_the_defaults_with_todo_markers(tmp_path: Path) -> None:
    target = tmp_path / "tietosuojaseloste.yaml"
    result = run(["init", "--no-input", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert errors_of(target) == []
    data = yaml.safe_load(text)
    assert data["controller"]["name"].startswith("TODO:")
    assert data["controller"]["address"]["postal_code"].startswith("TODO:")
    assert data["notice"]["languages"] == ["fi", "en"]
    assert [r["id"] for r in data["registers"]] == ["customers"]
    assert count_todos(text) >= 4
    assert "TODO:" in result.output  # the summary says how many are left
    assert "noticegen check" in result.output
    warned = {d.message for d in check_file(str(target)).errors if d.code == "NG704"}
    assert any("TODO: yrityksen virallinen nimi" in m for m in warned)  # the lint rule sees them


def test_retention_the_owner_must_confirm_is_marked_in_free_text() -> None:
    tree = plain(build_tree(Answers(lang="en", languages=("fi", "en"),
                                    choices=frozenset({"jobs"}))))
    recruitment = tree["registers"][1]["purposes"][0]
    assert recruitment["retention"]["period"] == "P2Y"
    assert recruitment["retention"]["after"] == "end_of_recruitment"
    assert recruitment["retention"]["criteria"]["fi"].startswith("TODO:")
    assert recruitment["retention"]["criteria"]["en"].startswith("TODO:")
    assert "recipients" not in recruitment  # job applications go to nobody
    bookkeeping = tree["registers"][0]["purposes"][-1]
    # Kirjanpitolaki 2:10 has two clocks: vouchers six years from the end of the year in which
    # the financial period ended (2:10.2), the books ten years from the end of the period
    # (2:10.1). One period would be wrong for one of them, so the starter states both.
    assert set(bookkeeping["retention"]) == {"criteria"}
    assert "6 vuotta sen vuoden lopusta, jonka aikana tilikausi päättyi" in \
        bookkeeping["retention"]["criteria"]["fi"]
    assert "10 years after the end of the financial period" in \
        bookkeeping["retention"]["criteria"]["en"]


def test_a_statutory_retention_is_not_marked_common_practice() -> None:
    from noticegen.init.starter import Answers, starter_text

    text = starter_text(Answers(company="Testi Oy", lang="en", languages=("fi", "en")))
    start = text.index("- id: bookkeeping")
    bookkeeping = text[start:text.index("requirement:", start)]
    assert "retention:\n" in bookkeeping and "common practice" not in bookkeeping


def test_default_language_follows_the_locale() -> None:
    assert default_language({"LANG": "fi_FI.UTF-8"}) == "fi"
    assert default_language({"LANG": "en_US.UTF-8"}) == "en"
    assert default_language({}) == "en"
    assert default_language({"LC_ALL": "fi_FI.UTF-8", "LANG": "en_US.UTF-8"}) == "fi"


@pytest.mark.parametrize(("env", "name", "question"), [
    (FI, "tietosuojaseloste.yaml", "Yrityksen virallinen nimi"),
    (EN, "privacy-notice.yaml", "The company's legal name"),
    (SV, "dataskyddsbeskrivning.yaml", "Företagets officiella namn"),
])
def test_default_path_and_questions_follow_lang(env: dict[str, str | None], name: str,
                                                question: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    lang = str(env["LANG"])[:2]
    result = run(["init"], input=interview_input(lang=lang), env=env)
    assert result.exit_code == 0, result.output
    assert question in result.output
    assert (tmp_path / name).is_file()


def test_init_asks_in_swedish_and_writes_a_swedish_and_finnish_starter(tmp_path: Path) -> None:
    """#17: `init --lang sv` asks in Swedish, proposes Swedish and Finnish, comments the file in
    Swedish, and what it writes passes `check` but for the placeholders."""
    target = tmp_path / "n.yaml"
    yes = frozenset({"newsletter", "jobs"})
    result = run(["init", "--lang", "sv", str(target)], input=interview_input(yes=yes, lang="sv"),
                 env=FI)
    assert result.exit_code == 0, result.output
    for asked in ("Företagets officiella namn", "FO-nummer", "Skickar företaget ut ett nyhetsbrev?",
                  "[sv, fi]", "Utkastet till dataskyddsbeskrivning har sparats"):
        assert asked in result.output
    assert "Yrityksen" not in result.output and "company" not in result.output
    text = target.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["notice"]["languages"] == ["sv", "fi"]
    assert data["registers"][0]["name"] == {"sv": "Kundregister", "fi": "Asiakasrekisteri"}
    newsletter = next(p for r in data["registers"] for p in r["purposes"] if p["id"] == "newsletter")
    assert newsletter["withdrawal"]["sv"].startswith("Du kan när som helst återkalla ditt samtycke")
    assert "# Personuppgiftsansvarig, det vill säga det företag" in text
    assert errors_of(target) == []
    no_input = run(["init", "--no-input", "-"], env=SV).stdout
    assert yaml.safe_load(no_input)["controller"]["name"] == "TODO: företagets officiella namn"
    placeholders = {d.message for d in check_file(str(target)).errors if d.code == "NG704"}
    assert any("TODO: Kontrollera att lagringstiden" in m for m in placeholders)


def test_lang_option_overrides_the_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(["init", "--lang", "en"], input=interview_input(lang="en"), env=FI)
    assert result.exit_code == 0, result.output
    assert "The company's legal name" in result.output
    assert (tmp_path / "privacy-notice.yaml").is_file()


def test_the_y_tunnus_is_checked_as_it_is_given(tmp_path: Path) -> None:
    answers = interview_input().replace("1234567-1", "1234567-8\nabc\n12345671", 1)
    result = run(["init", str(tmp_path / "n.yaml")], input=answers)
    assert result.exit_code == 0, result.output
    assert "tarkistusnumero ei täsmää" in result.output
    assert "Kirjoita Y-tunnus muodossa 1234567-1." in result.output
    data = yaml.safe_load((tmp_path / "n.yaml").read_text(encoding="utf-8"))
    assert data["controller"]["business_id"] == "1234567-1"


def test_an_empty_y_tunnus_is_left_out_with_a_hint(tmp_path: Path) -> None:
    answers = interview_input().replace("1234567-1", "", 1)
    result = run(["init", str(tmp_path / "n.yaml")], input=answers)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "n.yaml").read_text(encoding="utf-8")
    assert "business_id" not in yaml.safe_load(text)["controller"]
    assert '# lisää Y-tunnus, jos yrityksellä on sellainen: business_id: "1234567-1"' in text


def test_other_answers_are_checked_too(tmp_path: Path) -> None:
    answers = interview_input(yes=frozenset({"jobs"}))
    answers = answers.replace("00530", "530\n00530", 1)
    answers = answers.replace("tietosuoja@testi.fi", "\nnot-an-address\ntietosuoja@testi.fi", 1)
    answers = answers.replace("Helsinki\n", "Helsinki\n", 1)
    lines = answers.split("\n")
    languages_at = lines.index("tietosuoja@testi.fi") + 1
    lines[languages_at] = "de\nen"  # German is not a notice language
    jobs_at = len(lines) - 2
    lines[jobs_at] = "ehkä\nk"
    result = run(["init", str(tmp_path / "n.yaml")], input="\n".join(lines))
    assert result.exit_code == 0, result.output
    for message in ("Postinumerossa on viisi numeroa", "Sähköpostiosoite tarvitaan",
                    "Tämä ei ole sähköpostiosoite", "Valitse kielet", "Vastaa k (kyllä) tai e (ei)."):
        assert message in result.output
    data = yaml.safe_load((tmp_path / "n.yaml").read_text(encoding="utf-8"))
    assert data["notice"]["languages"] == ["en"]
    assert data["registers"][-1]["name"] == {"en": "Job applicants"}
    assert errors_of(tmp_path / "n.yaml") == []


def test_service_numbers_are_checked(tmp_path: Path) -> None:
    kinds = catalogue_kinds()
    offered = offered_services("analytics", kinds)
    assert offered[:2] == ["google-analytics-4", "hotjar"]
    answers = interview_input(yes=frozenset({"analytics"}))
    answers = answers.replace(",".join(str(i) for i in range(1, len(offered) + 1)),
                              f"{len(offered) + 1}\n2", 1)
    result = run(["init", str(tmp_path / "n.yaml")], input=answers)
    assert result.exit_code == 0, result.output
    assert f"1–{len(offered)}" in result.output
    data = yaml.safe_load((tmp_path / "n.yaml").read_text(encoding="utf-8"))
    assert data["uses"] == ["hotjar"]


def test_services_with_unconfirmed_facts_are_named_but_not_offered(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from noticegen.init import interview

    def kinds(*, confirmed: bool = True) -> dict[str, str]:
        return {"google-analytics-4": "analytics"} if confirmed else {"hotjar": "analytics"}

    monkeypatch.setattr(interview, "catalogue_kinds", kinds)
    answers = "\n".join(["Testi Oy", "", "", "", "", "a@testi.fi", "", "k", "1", "", "", "",
                         ""]) + "\n"
    result = run(["init", str(tmp_path / "n.yaml")], input=answers)
    assert result.exit_code == 0, result.output
    assert "1. Google Analytics 4" in result.output
    assert "Luettelosta puuttuu Hotjar (Hotjar Ltd)" in result.output
    data = yaml.safe_load((tmp_path / "n.yaml").read_text(encoding="utf-8"))
    assert data["uses"] == ["google-analytics-4"]


def test_every_offered_service_checks_clean(tmp_path: Path) -> None:
    kinds = catalogue_kinds()
    for choice in parts.CHOICES:
        for service in offered_services(choice, kinds):
            answers = Answers(choices=frozenset({choice}), services={choice: (service,)})
            path = tmp_path / f"{service}.yaml"
            path.write_text(starter_text(answers), encoding="utf-8")
            assert errors_of(path) == [], service


def test_a_shop_platform_s_statistics_cookies_serve_a_purpose_on_consent(tmp_path: Path) -> None:
    # Shopify takes the orders (on contract) and sets statistics cookies, which need consent:
    # the starter ties them to the analytics purpose on consent, though analytics was not asked.
    answers = Answers(choices=frozenset({"shop"}), services={"shop": ("shopify",)})
    path = tmp_path / "shop.yaml"
    path.write_text(starter_text(answers), encoding="utf-8")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    purposes = {p["id"]: p for r in data["registers"] for p in r["purposes"]}
    assert purposes["orders"]["recipients"] == ["shopify"]
    assert purposes["analytics"]["legal_basis"] == ["consent"]
    assert purposes["analytics"]["recipients"] == ["shopify"]
    assert data["cookie_consent"]["method"] == "banner"
    assert "advertising" not in purposes
    checked = check_file(str(path))
    assert [d.code for d in checked.diagnostics if d.code in ("NG408", "NG409")] == []
    assert errors_of(path) == []


def test_services_are_offered_by_kind() -> None:
    kinds = {"a": "analytics", "hotjar": "analytics", "google-analytics-4": "analytics",
             "m": "marketing", "mailchimp": "email_crm", "shopify": "hosting", "p": "payments",
             "wix": "hosting"}
    assert offered_services("analytics", kinds) == ["google-analytics-4", "hotjar", "a"]
    assert offered_services("newsletter", kinds) == ["mailchimp"]
    assert offered_services("shop", kinds) == ["shopify", "p"]  # the usual ones, any kind
    assert offered_services("jobs", kinds) == []


def test_an_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "tietosuojaseloste.yaml"
    target.write_text("mine\n", encoding="utf-8")
    result = run(["init", "--no-input", str(target)])
    assert result.exit_code == 1
    assert "on jo olemassa" in result.output and "--force" in result.output
    assert target.read_text(encoding="utf-8") == "mine\n"
    # it says so before asking anything
    asked = run(["init", str(target)], input=interview_input())
    assert asked.exit_code == 1
    assert "Yrityksen virallinen nimi" not in asked.output

    forced = run(["init", "--no-input", "--force", str(target)])
    assert forced.exit_code == 0, forced.output
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")
    assert [p.name for p in tmp_path.iterdir()] == ["tietosuojaseloste.yaml"]  # no temp files


def test_dash_writes_to_stdout_and_prompts_to_stderr(tmp_path: Path) -> None:
    # A real process: CliRunner echoes typed answers into stdout as a terminal would.
    env = {**os.environ, "LANG": "fi_FI.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    result = subprocess.run([sys.executable, "-m", "noticegen", "init", "-"], cwd=tmp_path,
                            input=interview_input(), capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# yaml-language-server")
    assert "Yrityksen virallinen nimi" in result.stderr
    assert "Yrityksen virallinen nimi" not in result.stdout
    assert yaml.safe_load(result.stdout)["controller"]["name"] == "Testi Oy"
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_target_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = run(["init", "--no-input", str(tmp_path / "file" / "n.yaml")])
    assert result.exit_code == 1
    assert "ei voi kirjoittaa" in result.output  # (the interview's language: FI)
    assert "Traceback" not in result.output


def test_a_new_folder_is_made(tmp_path: Path) -> None:
    result = run(["init", "--no-input", str(tmp_path / "notices" / "n.yaml")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "notices" / "n.yaml").is_file()


def test_scalars_are_quoted_only_where_needed() -> None:
    assert scalar("Testi Oy") == "Testi Oy"
    assert scalar("00530") == '"00530"'
    assert scalar("1234567-1") == '"1234567-1"'
    assert scalar("TODO: nimi") == '"TODO: nimi"'
    assert scalar("no") == '"no"'
    assert scalar("1.0") == '"1.0"'
    assert scalar("Asiakkaat, yhteydenottajat") == "Asiakkaat, yhteydenottajat"
    assert scalar(True) == "true"


def test_ctrl_c_at_a_question_ends_its_line_and_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Exit 130 with `noticegen: keskeytetty` (interrupted, in the interview's language) on a
    line of its own, not after the question."""
    import typer

    answers = iter(["Testi Oy"])

    def prompt(text: str, **kwargs: object) -> str:
        typer.echo(f"{text}: ", nl=False, err=True)
        try:
            return next(answers)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(typer, "prompt", prompt)
    target = tmp_path / "tietosuojaseloste.yaml"
    result = run(["init", str(target)])
    assert result.exit_code == 130, result.output
    assert result.output.endswith(": \nnoticegen: keskeytetty\n")
    assert not target.exists()


def test_default_language_follows_noticegen_lang_the_setting_and_windows() -> None:
    assert default_language({"NOTICEGEN_LANG": "fi", "LANG": "en_US.UTF-8"}) == "fi"
    assert default_language({"LANG": "en_US.UTF-8"}, configured="fi") == "fi"
    assert default_language({}, configured="fi") == "fi"
    assert default_language({}, system="Finnish_Finland") == "fi"       # Windows, LANG unset
    assert default_language({}, system="English_United States") == "en"
