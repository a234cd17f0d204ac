"""A Finnish or Swedish user meets no English word in what `check`, `build`, `explain` and `diff`
print about a notice with errors (#17, "Show").

What counts as English: every word of the English message catalogue and of the English rule
texts that the Finnish (or Swedish) catalogue and rule texts do not also use. What may appear in
any language (the allow-list): the YAML keys of the model, the ids of the vocabularies'
values, rule codes and names, group names (all quoted whole, as identifiers), file names, and
the values the notice itself holds.

Covered: check (core diagnostics NG0xx, a notice with findings of six lint rules, the notes
and summaries), build (the refusal and the summary), explain of a core check, diff (no changes,
an invalid notice), init --no-input (its summary and the comments of the file it writes),
preview (its usage errors, and a running preview: what it prints and its error page, from
start to Ctrl-C), the help of noticegen and of every command (`--help`: the commands' own
texts, examples and metavars, not only the library's frame); and every lint rule's message and
fix, on every failing case of tests/data/rules, in Finnish and Swedish.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import socket
import typing
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from pydantic import BaseModel
from test_preview import Preview, eventually, get, save
from typer.testing import CliRunner

from noticegen import catalog, l10n, vocab
from noticegen.cli import app
from noticegen.lint.registry import all_rules
from noticegen.model import Notice
from noticegen.pipeline import check_consent_config, check_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"
_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


_NOT_PROSE = re.compile(r"\{[^{}]*\}|`[^`]*`")


def _prose(text: str) -> set[str]:
    """The words of a message as written, without its placeholders and quoted YAML."""
    return _words(_NOT_PROSE.sub(" ", text))


def _catalogue_words(lang: str) -> set[str]:
    with (l10n.LOCALE_DIR / lang / "LC_MESSAGES" / "noticegen.po").open("rb") as file:
        catalog = read_po(file, locale=lang)
    words: set[str] = set()
    for message in catalog:
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            words.update(*map(_prose, strings))
    return words


def _rule_words(lang: str) -> set[str]:
    words: set[str] = set()
    for rule in all_rules():
        for texts in (rule.message, rule.hint, rule.doc.text):
            if lang in texts:
                words |= _prose(texts[lang])
    return words


def _model_keys(model: type[BaseModel], seen: set[type]) -> set[str]:
    if model in seen:
        return set()
    seen.add(model)
    keys = set(model.model_fields)
    for field in model.model_fields.values():
        stack = [field.annotation]
        while stack:
            item = stack.pop()
            stack.extend(typing.get_args(item))
            if isinstance(item, type) and issubclass(item, BaseModel):
                keys |= _model_keys(item, seen)
    return keys


def _identifiers() -> re.Pattern[str]:
    """What the messages may quote in any language: YAML keys, the ids of the vocabularies'
    values (`legal_basis: [legitimate_interests]`), rule codes and names, group names."""
    names = set(_model_keys(Notice, set()))
    for rule in all_rules():
        names |= {rule.code, rule.name, *rule.groups}
    for name in vocab.names():
        names |= set(vocab.ids(name))
    names |= set(catalog.ids())  # the services of `uses:`
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


IDENTIFIERS = _identifiers()
ALLOWED = {"yaml", "yml", "noticegen", "html", "index", "fi", "sv", "en", "gdpr", "wp", "utf",
           "iso", "true", "false", "ytj", "mib", "kib", "nul", "out", "bad", "good", "init"}
"""File names and the names of tools, commands, standards and units the messages use."""


def _shown_words(output: str) -> set[str]:
    """The words of ``output`` that are not identifiers or code in backticks (`noticegen
    init`), which any language quotes as they are."""
    output = _FILE_NAME.sub(" ", re.sub(r"`[^`\n]*`", " ", output))
    return _words(IDENTIFIERS.sub(" ", output)) - ALLOWED


_FILE_NAME = re.compile(r"[\w./-]*\w\.(?:html|ya?ml|md|json|js|txt|css|toml)\b")
"""A file named in a message (`page.html`, `docs/templates.md`), as any language names it."""


_NOT_WORDS = re.compile(r"[\\()|\[\]?*+^$]|\{[^{}]*\}|<[^>]*>|\.\w+\b|\w+/|`[^`]*`")
"""Marks of what is not prose in a string of the code: regular expressions (the free-text
rules' patterns), placeholders, markup, file names and paths, code in backticks."""


@functools.cache
def _code_words() -> set[str]:
    """The words of the texts written in noticegen's code (its string literals, not its
    docstrings): English unless a catalogue says otherwise. With them, a message written in
    the code and never put in the catalogue is English to these tests too (the catalogues alone
    would not know its words)."""
    import ast

    words: set[str] = set()
    for path in sorted((ROOT / "noticegen").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                           ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings and not _NOT_WORDS.search(node.value)):
                words |= {w for w in _words(node.value) if len(w) > 2}
    return words


@pytest.fixture(scope="module")
def english() -> dict[str, set[str]]:
    """Per language: the English words that language's texts never use (those of the English
    catalogue, the rules' English texts and the texts of the code)."""
    return english_words()


@functools.cache
def english_words() -> dict[str, set[str]]:
    """The ``english`` fixture's words (for other test modules)."""
    source = _catalogue_words("en") | _rule_words("en") | _code_words()
    return {lang: source - _catalogue_words(lang) - _rule_words(lang) - _notice_words(lang)
            for lang in ("fi", "sv")}


@functools.cache
def _notice_words(lang: str) -> set[str]:
    """The words of the notice's own texts and labels in ``lang`` (templates/<lang>/, the
    vocabularies): Finnish or Swedish words that a string of the code may hold too."""
    words: set[str] = set()
    for path in (ROOT / "templates" / lang).glob("*.yaml"):
        stack = [yaml.safe_load(path.read_text(encoding="utf-8"))]
        while stack:  # the texts, not the keys (English ids)
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str):
                words |= _words(item)
    for name in vocab.names():
        for term in vocab.vocabulary(name).values():
            words |= _words(str(term.label.get(lang, "")))
    return words


def _notices(folder: Path) -> tuple[Path, Path]:
    """A valid notice, and the same with core errors of four kinds (NG010 twice, NG011, NG022)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    good_text = text.replace("controller:\n", 'controller:\n  business_id: "1234567-1"\n', 1)
    bad_text = (good_text
                .replace("controller:\n", "controller:\n  owner: Joku\n", 1)   # NG011
                .replace("  email: privacy@qualitydesk.com", "  email: privacy-at-qd", 1)  # NG010
                .replace("legal_basis: [contract]", "legal_basis: [contrat]", 1)  # NG010 vocabulary
                .replace("{fi: Viranomaiset, en: Public authorities}", "{fi: Viranomaiset}", 1))
    assert bad_text.count("\n") == good_text.count("\n") + 1
    good, bad = folder / "good.yaml", folder / "bad.yaml"
    good.write_text(good_text, encoding="utf-8")
    bad.write_text(bad_text, encoding="utf-8")
    return good, bad


NOTICE_FILES = {"good.yaml", "bad.yaml", "linted.yaml"}
LINTED = {"NG101", "NG107", "NG118", "NG501", "NG506", "NG602"}
QUOTED = _words("may customer-relationship bookkeeping")
"""What the notice below says in English that its messages quote back: NG506's "{found}", the
ids of purposes."""


def _linted_notice(folder: Path) -> Path:
    """The example, valid, with findings of six lint rules: a repealed law (NG501) in the Finnish
    text only (NG602 both ways), no Y-tunnus (NG107), a purpose without a legal basis (NG101), a
    legal obligation without its law (NG118), a hedge (NG506)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in [("tietosuojalain (1050/2018)", "henkilötietolain (523/1999)"),
                     ("        law: {fi: Kirjanpitolaki (1336/1997), en: Accounting Act (1336/1997)}\n",
                      ""),
                     ("        legal_basis: [contract]\n", ""),
                     ("en: Analysing the use of our website and",
                      "en: We may analyse the use of our website, e.g.")]:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / "linted.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.output


def help_pages() -> list[list[str]]:
    """The commands whose help a user can ask for: noticegen itself, every command and every
    subcommand (`catalog show`), as the arguments before `--help`."""
    import typer

    group: typing.Any = typer.main.get_command(app)
    pages: list[list[str]] = [[]]
    for name, command in group.commands.items():
        pages.append([name])
        pages.extend([name, sub] for sub in getattr(command, "commands", {}))
    return pages


_OPTION_OR_VARIABLE = re.compile(r"(?<![\w-])--?[a-z][\w-]*|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|"
                                 r"https?://\S+")
"""What any language's help quotes as it is: option names (`--no-color`), environment
variables (`NOTICEGEN_LANG`), addresses."""


def help_words(output: str) -> set[str]:
    """The words of a help page a user reads as prose (option names, variables, addresses and
    the names of the output formats aside, `--format page,txt`; the metavars are words too:
    FILE is TIEDOSTO in Finnish)."""
    from noticegen.render import FORMATS

    return _shown_words(_OPTION_OR_VARIABLE.sub(" ", output)) - set(FORMATS)


@pytest.mark.parametrize("locale", ["fi_FI.UTF-8", "sv_FI.UTF-8"])
def test_a_user_meets_no_english_word(locale: str, tmp_path: Path, english: dict[str, set[str]],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    lang = locale[:2]
    monkeypatch.chdir(tmp_path)
    for name in ("NOTICEGEN_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", locale)
    good, bad = _notices(tmp_path)
    monkeypatch.setenv("NOTICEGEN_CACHE_DIR", str(tmp_path / "c4"))
    (tmp_path / "blocked").mkdir()
    (tmp_path / "blocked" / "good").write_text("a file where the notice's folder goes")
    (tmp_path / "banner.json").write_text("{}")
    templates = _broken_templates(tmp_path)
    runs = {
        "check bad": (["check", bad.name], 1),
        "check good": (["check", good.name], 0),
        "check linted": (["check", _linted_notice(tmp_path).name], 1),
        "build bad": (["build", bad.name, "--out", "out"], 1),
        "build good": (["build", good.name, "--out", "out"], 0),
        "build --check": (["build", "--check", good.name, "--out", "out"], 0),
        "explain": (["explain", "NG022"], 0),
        "diff same": (["diff", good.name, good.name], 0),
        "diff invalid": (["diff", good.name, bad.name], 2),
        "init --no-input": (["init", "--no-input"], 0),
        "preview, no such file": (["preview", "nope.yaml"], 2),
        "preview, no templates folder": (["preview", good.name, "--templates", "nope"], 2),
        "build -v": (["build", good.name, "--out", "out-v", "-v"], 0),
        "build, a language it lacks": (["build", good.name, "--lang", "sv,en,fi", "--out", "x"], 2),
        "build --id-prefix": (["build", good.name, "--id-prefix", "1x", "--out", "x"], 2),
        "build, a file in the way": (["build", good.name, "--out", "blocked"], 1),
        "build, templates that include themselves": (
            ["build", good.name, "--out", "x", "--templates", str(templates["loop"])], 1),
        "build, language.yaml without a name": (
            ["build", good.name, "--out", "x", "--templates", str(templates["language"])], 1),
        "build, strings.yaml with a number": (
            ["build", good.name, "--out", "x", "--templates", str(templates["strings"])], 1),
        "check, a JavaScript banner": (["check", good.name, "--consent-config", "b.js"], 2),
        "check, not a banner": (["check", good.name, "--consent-config", "banner.json"], 2),
        "check, two notices and a banner": (
            ["check", good.name, bad.name, "--consent-config", "banner.json"], 2),
        "catalog show, a typo": (["catalog", "show", "hotjr"], 2),
        "cache clear": (["cache", "clear"], 0),
    }
    for page in help_pages():
        runs[" ".join(["noticegen", *page, "--help"])] = ([*page, "--help"], 0)
    seen: dict[str, str] = {}
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        runs["preview, port in use"] = (["preview", good.name, "--port",
                                         str(busy.getsockname()[1])], 1)
        for label, (args, status) in runs.items():
            code, output = _run(args)
            assert code == status, f"{label}: exit {code}\n{output}"
            seen[label] = output
    # The starter init wrote, named in the user's language: its comments are in that language
    # (its free texts are in every notice language, English among them for a Finnish user).
    starter = next(p for p in tmp_path.glob("*.yaml") if p.name not in NOTICE_FILES)
    seen["init's comments"] = "\n".join(
        line for line in starter.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith("#") and "yaml-language-server" not in line)
    assert starter.name == {"fi": "tietosuojaseloste.yaml", "sv": "dataskyddsbeskrivning.yaml"}[lang]
    codes = {"NG010", "NG011", "NG022"}
    assert codes <= set(re.findall(r"NG\d{3}", seen["check bad"])), seen["check bad"]
    linted = set(re.findall(r"NG\d{3}", seen["check linted"]))
    assert not LINTED - linted, seen["check linted"]
    assert re.search(r"out-v/good: .*\(.+\)\.", seen["build -v"]), seen["build -v"]  # why built
    values = _words("owner Joku privacy-at-qd contrat contract")
    leaks = []
    for label, output in seen.items():
        quoted = QUOTED if label == "check linted" else set()
        shown = output.replace(str(tmp_path.resolve()), " ").replace(str(tmp_path), " ")
        words = help_words(shown) if label.endswith("--help") else _shown_words(shown)
        found = sorted((words - values - quoted) & english[lang])
        if found:
            leaks.append(f"{lang}, {label}: English words {found} in:\n{output}")
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize("locale", ["fi_FI.UTF-8", "sv_FI.UTF-8"])
def test_what_no_command_above_shows_speaks_the_user_s_language(
        locale: str, tmp_path: Path, english: dict[str, set[str]],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The messages of the rarer paths, made where they are made: the progress bars' labels,
    Ctrl-C and SIGTERM, a worker killed, a write refused or failing (a full disk, no
    permission), the reasons `build --verbose` gives, a strings.yaml text that cannot be
    filled in."""
    import errno

    from jinja2 import UndefinedError

    from noticegen import interrupts
    from noticegen.builder import processes, uptodate, write
    from noticegen.errors import NoticegenError
    from noticegen.pipeline import check_files
    from noticegen.render.helpers import helpers

    lang = locale[:2]
    monkeypatch.chdir(tmp_path)
    for name in ("NOTICEGEN_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", locale)
    good, _ = _notices(tmp_path)
    shown: dict[str, str] = {}
    list(check_files([good.name], progress=True))  # (not at a terminal: the label, once)
    shown["progress bar"] = capsys.readouterr().err
    for kind in interrupts.STOPS:
        with pytest.raises(SystemExit):
            interrupts.stop(kind)
        shown[kind.__name__] = capsys.readouterr().err
    errors: dict[str, NoticegenError] = {"worker killed": processes._died()}
    for code in (errno.EACCES, errno.ENOSPC, errno.ENOTDIR, errno.ENAMETOOLONG):
        errors[errno.errorcode[code]] = write._error(OSError(code, ""), Path("out/index.html"))
    with pytest.raises(NoticegenError) as outside:
        write.inside(Path("out"), "../muualle")
    errors["outside"] = outside.value
    for label, exc in errors.items():
        shown[label] = f"{exc.message}\n{exc.hint}"
    record = uptodate.Record(tmp_path / "record.json", {})
    shown["not built before"] = record.lookup(tmp_path / "good", "base", "source")[lang]
    entry = uptodate.Entry("key", {"index.html": ([0, 0, 0, 0], "digest")}, 0, ("fi",), [])
    shown["file missing"] = typing.cast(typing.Any, entry.changed(tmp_path))[lang]
    language = dataclasses.replace(l10n.notice_language(lang), messages={"otsikko": "{oops"})
    message = helpers(language)[1]["t"]
    for label, key in (("a string missing", "puuttuva"), ("a string not filled in", "otsikko")):
        with pytest.raises(UndefinedError) as undefined:
            message(key, value="x")
        shown[label] = str(undefined.value)
    leaks = []
    for label, output in shown.items():
        assert output.strip(), label
        found = sorted(_shown_words(output.replace(str(tmp_path), " ")) & english[lang])
        if found:
            leaks.append(f"{lang}, {label}: English words {found} in:\n{output}")
    assert not leaks, "\n".join(leaks)
    assert shown["progress bar"].strip() == {"fi": "Tarkistetaan", "sv": "Kontrollerar"}[lang]


def _broken_templates(folder: Path) -> dict[str, Path]:
    """Template folders (--templates) with a user's mistakes: a page that includes itself, a
    language.yaml whose name is not text, a strings.yaml whose text is a number."""
    made = {}
    for kind, name, text in [("loop", "page.html", '{% include "page.html" %}\n'),
                             ("language", "language.yaml", "name: 5\n"),
                             ("strings", "strings.yaml", "title: 5\n")]:
        (folder / kind / "fi").mkdir(parents=True)
        (folder / kind / "fi" / name).write_text(text, encoding="utf-8")
        made[kind] = folder / kind
    return made


def test_the_english_words_are_found(english: dict[str, set[str]]) -> None:
    """The test above would catch English: the words of the English messages are in the list."""
    for lang in ("fi", "sv"):
        assert {"error", "warning", "checked", "missing", "unknown", "file"} <= english[lang]


def _rule_cases() -> list[tuple[str, dict[str, typing.Any]]]:
    """Every failing case of every rule (tests/data/rules/NGxxx.yaml): together they draw every
    lint rule, each with the parameters its checks give."""
    cases = []
    for path in sorted((ROOT / "tests" / "data" / "rules").glob("NG*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            if case["expect"]:
                cases.append((path.stem, case))
    return cases


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_rule_speaks_the_user_s_language(lang: str, tmp_path: Path,
                                               english: dict[str, set[str]]) -> None:
    """Every lint rule's message and fix, with the values its checks fill in (a vocabulary
    label, a date, a language's name, a list joined with "and"), has no English word in Finnish
    or Swedish. What the notice itself says (quoted back) may be in any language."""
    drawn: set[str] = set()
    english_found: list[str] = []
    for code, case in _rule_cases():
        result = check_text(case["notice"], f"{code}.yaml", lang=lang)
        user = case["notice"]
        if "consent_config" in case:
            config = tmp_path / "consent.json"
            config.write_text(case["consent_config"], "utf-8")
            result = check_consent_config(result, str(config), lang=lang)
            user += case["consent_config"]
        values = _words(user) | _catalogue_values()
        for d in result.diagnostics:
            drawn.add(d.code)
            shown = f"{d.message}\n{d.hint}"
            found = sorted((_shown_words(shown) - values) & english[lang])
            if found:
                english_found.append(f"{code} ({case['name']}): {found} in:\n{shown}")
    assert not english_found, f"{lang}: English words in\n" + "\n".join(english_found)
    lint = {r.code for r in all_rules() if not r.core}
    assert lint <= drawn, f"rules no case draws: {sorted(lint - drawn)}"


@functools.cache
def _catalogue_values() -> set[str]:
    """The words of the names in the service catalogue (services, their companies, cookies)
    and of the supervisory authority's official names and addresses: values a message quotes
    as they are."""
    words = _words(str(yaml.safe_load(
        (ROOT / "noticegen" / "vocab" / "supervisory_authorities.yaml").read_text("utf-8"))))
    for path in (ROOT / "noticegen" / "catalog").rglob("*.yaml"):
        stack = [yaml.safe_load(path.read_text(encoding="utf-8"))]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                words |= _words(str(item.get("name", "")))
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return words


_MARKUP = re.compile(r"<(script|style)\b.*?</\1>|<[^>]*>", re.S)


@pytest.mark.slow
@pytest.mark.parametrize("locale", ["fi_FI.UTF-8", "sv_FI.UTF-8"])
def test_a_running_preview_speaks_the_users_language(locale: str, tmp_path: Path,
                                                     english: dict[str, set[str]]) -> None:
    """What a running preview prints, from its start to Ctrl-C, and its error page."""
    lang = locale[:2]
    good, bad = _notices(tmp_path)
    notice = tmp_path / "notice.yaml"
    notice.write_text(bad.read_text(encoding="utf-8"), encoding="utf-8")
    running = Preview(notice, env={"NOTICEGEN_LANG": "", "LC_ALL": "", "LC_MESSAGES": "",
                                   "LANG": locale})
    try:
        url = running.url()
        status, page = get(url + "fi/index.html")
        assert status == 500, page
        assert f'<html lang="{lang}">' in page
        save(notice, good.read_text(encoding="utf-8"))
        assert eventually(url + "fi/index.html", lambda s, b: s == 200)[0] == 200
        folder = running.folder()
        assert running.stop() == 0
    finally:
        running.close()
    printed = "".join(running.err) + "".join(running.out.queue)
    assert re.search(r"NG0\d\d", printed) and "Traceback" not in printed, printed
    values = _words("owner Joku privacy-at-qd contrat contract notice yaml")
    for label, shown in (("console", printed), ("error page", _MARKUP.sub(" ", page))):
        shown = shown.replace(str(folder), " ").replace(str(tmp_path), " ").replace(url, " ")
        found = sorted((_shown_words(shown) - values) & english[lang])
        assert not found, f"{lang}, preview {label}: English words {found} in:\n{shown}"


def _english_sentences(text: str) -> list[str]:
    """The sentences of an English text, without its placeholders (for a search in a
    translation): each at least four words long."""
    plain = " ".join(re.sub(r"\{[^{}]*\}", " ", text).split())
    return [s for s in re.split(r"(?<=[.!?:;])\s+", plain) if len(s.split()) >= 4]


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_explain_in_swedish_prints_no_english_sentence(rule: typing.Any,
                                                       english: dict[str, set[str]]) -> None:
    """`noticegen explain CODE --lang sv` is Swedish for every rule, core checks included: no
    sentence of the rule's English explanation, message or fix, and no English word, outside
    the examples of YAML (indented: the notice's own text, which may be in English) and code in
    backticks."""
    code, output = _run(["explain", rule.code, "--lang", "sv"])
    assert code == 0, output
    shown = " ".join(output.split())
    texts = (rule.doc.text["en"], rule.message["en"], rule.hint["en"])
    left = [s for text in texts for s in _english_sentences(text)
            if " ".join(s.split()) in shown and s not in _english_sentences(rule.doc.text["sv"])]
    assert not left, f"{rule.code}: English sentences in `explain --lang sv`: {left}"
    prose = "\n".join(line for line in output.splitlines() if not line.startswith("    "))
    found = sorted(_shown_words(prose) & english["sv"])
    assert not found, f"{rule.code}: English words {found} in:\n{prose}"


def _values(node: typing.Any) -> typing.Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _values(value)
    elif isinstance(node, list):
        for value in node:
            yield from _values(value)
    elif isinstance(node, str):
        yield node


def _keys(node: typing.Any, path: str = "") -> set[str]:
    """The key paths of a YAML fragment, a language's key (`en:`, `fi:`) as `<lang>`."""
    if isinstance(node, dict):
        return {p for key, value in node.items()
                for p in _keys(value, f"{path}/{'<lang>' if key in ('en', 'fi', 'sv') else key}")}
    return {path}


def _draws(code: str, lang: str, text: str) -> bool:
    """Whether the rule's patterns find ``text`` (in ``lang``) as `check` would."""
    from noticegen.lint.patterns import search
    from noticegen.lint.rules import rights_text

    if code == "NG510":  # it counts the rights a text names
        return sum(bool(p.search(text)) for p in rights_text._PATTERNS.values()) \
            >= rights_text._ENOUGH
    return next(search(code, lang, text), None) is not None


def test_an_example_in_another_language_fails_and_passes_as_the_english_one_does() -> None:
    """`explain`'s examples with their free text in fi or sv ([fail.fi], [pass.sv]…): the same
    keys as the rule's own example, and their text draws the rule (or, passing, does not)."""
    localized = [r for r in all_rules() if r.doc.examples]
    assert len(localized) >= 8
    for rule in localized:
        for key, fragment in rule.doc.examples.items():
            kind, lang = key.split(".")
            data = yaml.safe_load(fragment)
            default = yaml.safe_load(rule.doc.fail if kind == "fail" else rule.doc.passes)
            assert _keys(data) == _keys(default), f"{rule.code} [{key}]"
            drawn = any(_draws(rule.code, lang, text) for text in _values(data))
            assert drawn == (kind == "fail"), f"{rule.code} [{key}]: {fragment}"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_explain_s_examples_are_in_the_user_s_language(lang: str) -> None:
    """A rule whose example is free text shows it in Finnish or Swedish: `explain NG503 --lang
    fi` has no English sentence in its Fails and Passes."""
    from noticegen.report.explain import explanation

    english = english_words()[lang]
    shown = [r for r in all_rules() if f"fail.{lang}" in r.doc.examples]
    assert {"NG503", "NG505", "NG506", "NG510", "NG511", "NG512"} <= {r.code for r in shown}
    for rule in shown:
        text = explanation(rule, lang)
        examples = text[text.index(rule.doc.failing(lang).splitlines()[0]):]
        examples = examples[: examples.index(f"rule: {rule.code}")]
        found = sorted(_shown_words(examples) & english - {"statutory"})
        assert not found, f"{rule.code}: English words {found} in:\n{examples}"
