"""The command-line library's own words (typer's copy of click) in the user's language:
the frame of every help page and every usage error (noticegen/usage.py), chosen by the one
rule of the message language (`--lang`, NOTICEGEN_LANG, the locale); in English, click's
words as they were. A usage error still exits 2 without a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_message_language import _shown_words, english_words
from typer.testing import CliRunner

from noticegen.cli import app

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "qualitydesk.yaml"

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
    base = {"NOTICEGEN_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
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
    """The library's words of a help page; the commands' and options' own help texts are
    still English (not yet in the catalogues)."""
    lang, front, env = WAYS[way]
    for label, args in HELP.items():
        code, output = _run(front + args, env)
        assert code == 0, f"{label}: exit {code}\n{output}"
        found = [p for p in LIBRARY_ENGLISH if p in output]
        assert not found, f"{way}, {label}: English {found} in:\n{output}"
        assert USAGE[lang] in output
        assert {"fi": "Näytä tämä ohje ja lopeta.", "sv": "Visa den här hjälpen och avsluta."}[lang] \
            in output.replace("\n ", " ").replace("  ", " ")


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
