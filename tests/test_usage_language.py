"""Help and usage errors in the user's language (noticegen/usage.py): the command-line library's
own words (typer's copy of click), the frame of every help page and every usage error, and the
commands' own texts (help, examples, option help, metavars), chosen by the one rule of the
message language (`--lang`, NOTICEGEN_LANG, the locale); in English, every help page byte for
byte as it was (tests/data/help/) and click's words as they were. A usage error still exits 2
without a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_message_language import _shown_words, english_words, help_pages, help_words
from typer.testing import CliRunner

from noticegen.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"
ENGLISH_HELP = ROOT / "tests" / "data" / "help"
"""Every help page in English as it was before the commands' own texts became messages."""

ERRORS = {
    "an unknown option": ["build", "x.yaml", "--nope"],
    "a missing argument": ["build"],
    "a bad choice": ["check", "--format", "xx", "x.yaml"],
    "not a number": ["build", "x.yaml", "--jobs", "abc"],
    "out of range": ["build", "x.yaml", "--heading-level", "9"],
    "an unknown command": ["nosuchcommand"],
    "an unknown command of a group": ["cache", "nope"],
    "an option without its value": ["build", "x.yaml", "--out"],
    "a file where a folder is asked for": ["build", "x.yaml", "--out", "x.yaml"],
    "a message language we do not write": ["check", "x.yaml", "--lang", "xx"],
}
HELP = {"noticegen --help": ["--help"], "build --help": ["build", "--help"],
        "catalog show --help": ["catalog", "show", "--help"]}
LIBRARY_ENGLISH = ["Usage:", "Options:", "Arguments:", "Commands:", "[OPTIONS]",
                   "Show this message and exit.", "Install completion", "Show completion",
                   "[required]", "Try '", "Error:", "No such", "Missing", "Invalid value",
                   "requires an argument", "is not one of", "is a file", "Input should"]
"""What click and typer write in English around our own texts."""
USAGE = {"fi": "Käyttö: noticegen", "sv": "Användning: noticegen"}

WAYS = {
    "--lang fi": ("fi", ["--lang", "fi"], {}),
    "NOTICEGEN_LANG=sv": ("sv", [], {"NOTICEGEN_LANG": "sv"}),
    "LANG=fi_FI.UTF-8": ("fi", [], {"LANG": "fi_FI.UTF-8"}),
    "LANG=sv_FI.UTF-8": ("sv", [], {"LANG": "sv_FI.UTF-8"}),
}


def _run(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    base = {"NOTICEGEN_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8",
            "COLUMNS": "80"}
    result = CliRunner().invoke(app, args, env={**base, **env})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize("way", list(WAYS))
def test_usage_errors_speak_the_user_s_language(way: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    english = english_words()
    lang, front, env = WAYS[way]
    monkeypatch.chdir(tmp_path)
    Path("x.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    leaks = []
    for label, args in ERRORS.items():
        code, output = _run(front + args, env)
        assert code == 2, f"{label}: exit {code}\n{output}"
        assert "Traceback" not in output
        phrases = [p for p in LIBRARY_ENGLISH if p in output]
        # (quoted: what the user typed, option names; upper case: our metavars, FILE, N; the
        # command's name)
        shown = re.sub(r"'[^']*'|\b[A-Z]{2,}\b|noticegen(?: [a-z]+)*", " ", output)
        words = sorted(_shown_words(shown) & english[lang])
        if phrases or words:
            leaks.append(f"{way}, {label}: English {phrases or words} in:\n{output}")
        if label != "an option without its value":  # (click names no command there)
            assert USAGE[lang] in output, output
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize("way", list(WAYS))
def test_help_pages_frame_the_help_in_the_user_s_language(way: str) -> None:
    """The library's words of a help page (the commands' own texts: the next test)."""
    lang, front, env = WAYS[way]
    for label, args in HELP.items():
        code, output = _run(front + args, env)
        assert code == 0, f"{label}: exit {code}\n{output}"
        found = [p for p in LIBRARY_ENGLISH if p in output]
        assert not found, f"{way}, {label}: English {found} in:\n{output}"
        assert USAGE[lang] in output
        assert {"fi": "Näytä tämä ohje ja lopeta.", "sv": "Visa den här hjälpen och avsluta."}[lang] \
            in output.replace("\n ", " ").replace("  ", " ")


def _page_name(page: list[str]) -> str:
    return "-".join(["noticegen", *page]) + ".txt"


@pytest.mark.parametrize("page", help_pages(), ids=" ".join)
def test_english_help_is_as_it_was(page: list[str]) -> None:
    """Every help page in English, byte for byte as before its texts came from the catalogue:
    by the locale, and by NOTICEGEN_LANG=en where the locale is Finnish."""
    expected = (ENGLISH_HELP / _page_name(page)).read_text(encoding="utf-8")
    for env in ({"LANG": "C.UTF-8"}, {"NOTICEGEN_LANG": "en", "LANG": "fi_FI.UTF-8"}):
        assert _run([*page, "--help"], env) == (0, expected), env


def test_every_help_page_is_pinned() -> None:
    assert sorted(p.name for p in ENGLISH_HELP.glob("*.txt")) == \
        sorted(map(_page_name, help_pages()))


HELP_WAYS = {**WAYS, "--lang sv": ("sv", ["--lang", "sv"], {})}


@pytest.mark.parametrize("way", list(HELP_WAYS))
def test_every_help_page_speaks_the_user_s_language(way: str) -> None:
    """noticegen's and every command's help, its own texts included (what each command and
    option does, the examples, the metavars): no English word but option names, variables,
    file names, codes and YAML keys."""
    english = english_words()
    lang, front, env = HELP_WAYS[way]
    leaks = []
    for page in help_pages():
        code, output = _run([*front, *page, "--help"], env)
        assert code == 0, f"{page}: exit {code}\n{output}"
        assert USAGE[lang] in output, output
        phrases = [p for p in LIBRARY_ENGLISH if p in output]
        words = sorted(help_words(output) & english[lang])
        if phrases or words:
            leaks.append(f"{way}, {' '.join(page)} --help: English {phrases or words} in:\n{output}")
    assert not leaks, "\n".join(leaks)


def test_help_after_help_and_in_errors_speaks_the_message_language() -> None:
    """`check --help --lang sv`: the message --lang after the eager --help still chooses the
    help's language (texts and metavars); a usage error names the metavar in it too."""
    env = {"LANG": "C.UTF-8"}
    code, output = _run(["check", "--help", "--lang", "sv"], env)
    assert code == 0 and output.startswith("Användning: noticegen check [FLAGGOR] {FIL}..."), output
    assert "Kontrollerar beskrivningar" in output and "Validate" not in output
    code, output = _run(["--lang", "fi", "explain", "--help"], env)
    assert "{KOODI|NIMI}" in output and "Selittää yhden säännön" in output, output
    code, output = _run(["build"], {"LANG": "fi_FI.UTF-8"})
    assert code == 2 and "'TIEDOSTO'" in output and "FILE" not in output, output
    code, output = _run(["catalog", "--help"], {"NOTICEGEN_LANG": "sv"})
    assert "Listar alla tjänster i tjänstekatalogen." in output, output  # a subcommand's short help


@pytest.mark.parametrize(("lang", "said"), [("fi", "Muodot pilkuin erotettuina"),
                                            ("sv", "Format, åtskilda med kommatecken"),
                                            ("en", "Formats, comma-separated")])
def test_shell_completion_describes_in_the_user_s_language(lang: str, said: str) -> None:
    """zsh's completion shows each option's and command's help: in the message language."""
    env = {"_NOTICEGEN_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "noticegen build --f",
           "NOTICEGEN_LANG": lang}
    code, output = _run([], env)
    assert code == 0 and '"--format":' in output and said in output, output
    env["_TYPER_COMPLETE_ARGS"] = "noticegen ch"
    assert _run([], env)[1].count('"check":') == 1


def test_the_help_texts_read_no_catalogue_until_help_is_shown() -> None:
    """The commands' texts are marked, not translated, where they are defined: a run that
    shows no help (check's start-up) reads no catalogue for them."""
    import subprocess
    import sys

    code = ("import typer; from noticegen import cli, l10n; typer.main.get_command(cli.app); "
            "print(l10n.catalogue.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"PATH": "", "LANG": "fi_FI.UTF-8"})
    assert out.stdout.strip() == "0"


def test_english_stays_click_s_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for env in ({"LANG": "C.UTF-8"}, {"NOTICEGEN_LANG": "en", "LANG": "fi_FI.UTF-8"}):
        code, output = _run(["build", "x.yaml", "--nope"], env)
        assert (code, output) == (2, "Usage: noticegen build [OPTIONS] {FILE}...\n"
                                     "Try 'noticegen build -h' for help.\n\n"
                                     "Error: No such option: --nope (Possible options: --force)\n")
        code, output = _run(["build"], env)
        assert code == 2 and output.endswith("Error: Missing argument 'FILE'.\n"), output
        code, output = _run(["check", "--format", "xx", "x.yaml"], env)
        assert code == 2 and output.endswith(
            "Error: Invalid value for '--format' / '-f': 'xx' is not one of 'text', 'json', "
            "'github', 'sarif', 'gitlab'.\n"), output
        code, output = _run(["--help"], env)
        assert code == 0 and output.startswith("Usage: noticegen [OPTIONS] COMMAND [ARGS]...")
        assert "\nOptions:\n" in output and "\nCommands:\n" in output
        assert "Show this message and exit." in output


def test_a_command_s_own_message_lang_wins_also_before_help_and_usage_errors() -> None:
    """`check --lang sv --help`: check's --lang is the messages' language, taken before
    `--help` (which is eager) and before a usage error; it wins over the global one. build's
    --lang is the notice's languages: not the messages'."""
    env = {"LANG": "C.UTF-8"}
    assert _run(["check", "--lang", "sv", "--help"], env)[1].startswith("Användning:")
    assert _run(["--lang", "fi", "explain", "--lang", "sv", "--help"], env)[1].startswith(
        "Användning:")
    code, output = _run(["--lang", "fi", "check", "--lang", "sv", "x.yaml", "--nope"], env)
    assert code == 2 and output.endswith("Fel: Okänd flagga: --nope\n"), output
    assert _run(["build", "--lang", "fi", "--help"], env)[1].startswith("Usage:")
    assert _run(["--lang", "sv", "build", "--lang", "fi", "--help"], env)[1].startswith(
        "Användning:")


@pytest.mark.parametrize(("locale", "said"), [("fi_FI.UTF-8", "Keskeytetty."),
                                              ("sv_FI.UTF-8", "Avbrutet."), ("C.UTF-8", "Aborted!")])
def test_a_question_whose_answer_never_comes_ends_in_the_user_s_language(
        locale: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`init` asked, and its input ended: click's "Aborted!" on a line of its own, exit 1."""
    monkeypatch.chdir(tmp_path)
    base = {"NOTICEGEN_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": locale}
    result = CliRunner().invoke(app, ["init", "n.yaml"], input="Testi Oy\n", env=base)
    assert result.exit_code == 1 and result.output.endswith(f": \n{said}\n"), result.output
    assert not (tmp_path / "n.yaml").exists()
