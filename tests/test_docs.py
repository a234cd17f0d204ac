"""The docs cannot rot: their examples run, their YAML validates, their commands and links exist.

Conventions in docs/*.md:

- A ```console block is executed. Each `$ ` line runs in bash, in a temporary folder holding a
  copy of examples/, one folder per page (blocks of a page share it, in order). A trailing
  `# exit N` sets the expected exit status (default 0). The lines after a command are output
  that must appear in what it prints; `…` in such a line stands for any text.
- A ```yaml block must parse. When its top-level keys are notice keys, it is laid over
  examples/qualitydesk.yaml (key by key) and the result must check with no errors. A
  pre-commit configuration may only use hooks from .pre-commit-hooks.yaml.
- Every `noticegen …` command line, in any block, must be accepted by the real command line.
- Commands that run forever (preview) or need the network (pip) belong in ```sh blocks.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml

from noticegen.cli import app
from noticegen.docs_gen import (
    HELP_BEGIN,
    command_page,
    page_languages,
    reference_markdown,
    reference_messages,
    regenerate,
)
from noticegen.model import Notice
from noticegen.pipeline import check_text

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Pages generated or written by others are tested where they are made.
OTHERS = {"rules.md", "templates.md", "catalog.md", "security.md"}
PAGES = sorted(p for p in DOCS.rglob("*.md") if p.relative_to(DOCS).as_posix() not in OTHERS)
EXAMPLE = yaml.safe_load((ROOT / "examples" / "qualitydesk.yaml").read_text(encoding="utf-8"))

# What a console block may run besides noticegen.
SHELL_COMMANDS = {"cp", "mkdir", "cat", "ls", "echo", "sed", "head", "tail", "grep", "cd", "mv",
                  "rm", "touch", "printf", "diff"}
GLOBAL_OPTIONS = {"-q", "--quiet", "-v", "--verbose"}


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    lang: str
    text: str

    def __str__(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    found: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        match = re.match(r"^(\s*)```(\w*)", lines[i])
        if match:
            indent, lang, start = len(match.group(1)), match.group(2), i + 1
            i += 1
            body = []
            while i < len(lines) and not lines[i].strip().startswith("```"):
                body.append(lines[i][indent:])
                i += 1
            found.append(Block(page, start, lang, "\n".join(body)))
        i += 1
    return found


ALL_BLOCKS = [b for page in PAGES for b in blocks(page)]


def test_there_are_docs() -> None:
    names = {p.relative_to(DOCS).as_posix() for p in PAGES}
    for required in ("getting-started.md", "getting-started.fi.md", "reference.md", "ci.md",
                     "embedding.md"):
        assert required in names


# ------------------------------------------------------------------------ console blocks

@dataclass(frozen=True)
class Step:
    command: str
    status: int
    output: tuple[str, ...]


def steps(block: Block) -> list[Step]:
    out: list[Step] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            command, status = line[2:], 0
            match = re.search(r"\s+# exit (\d+)$", command)
            if match:
                command, status = command[: match.start()], int(match.group(1))
            out.append(Step(command, status, ()))
        elif out and line.strip():
            last = out[-1]
            out[-1] = Step(last.command, last.status, (*last.output, line.strip()))
    return out


def _shows(expected: str, actual: str) -> bool:
    parts = [re.escape(" ".join(p.split())) for p in expected.split("…")]
    pattern = r".*?".join(parts)
    return any(re.search(pattern, " ".join(line.split())) for line in actual.splitlines())


CONSOLE_PAGES = sorted({b.page for b in ALL_BLOCKS if b.lang == "console"})


@pytest.mark.parametrize("page", CONSOLE_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_console_examples_run(page: Path, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = {**os.environ, "NO_COLOR": "1", "LC_ALL": "", "LC_MESSAGES": "",
           "LANG": "fi_FI.UTF-8" if page.name.endswith(".fi.md") else "en_GB.UTF-8",
           "COLUMNS": "100", "GITHUB_ACTIONS": ""}
    prelude = f'noticegen() {{ "{sys.executable}" -m noticegen "$@"; }}\n'
    for block in (b for b in blocks(page) if b.lang == "console"):
        for step in steps(block):
            for word in _commands(step.command):
                assert word == "noticegen" or word in SHELL_COMMANDS, \
                    f"{block}: `{word}` may not run in a console block (use ```sh)"
            assert not re.search(r"\bnoticegen( -\S+)* preview\b", step.command), \
                f"{block}: preview runs until stopped; show it in a ```sh block"
            run = subprocess.run(["bash", "-c", prelude + step.command], cwd=tmp_path, env=env,
                                 stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                 timeout=120)
            printed = run.stdout + run.stderr
            assert run.returncode == step.status, \
                f"{block}: `{step.command}` exited {run.returncode}, not {step.status}:\n{printed}"
            for expected in step.output:
                assert _shows(expected, printed), \
                    f"{block}: `{step.command}` did not print {expected!r}; it printed:\n{printed}"


def _commands(command: str) -> list[str]:
    """The program names of a shell line's pipeline and && parts."""
    words = []
    for part in re.split(r"\|\||&&|\||;", command):
        tokens = shlex.split(part, comments=True)
        if tokens:
            words.append(tokens[0])
    return words


# ------------------------------------------------------------------------ command lines

def _noticegen_lines(block: Block) -> list[str]:
    lines = []
    for raw in block.text.splitlines():
        if block.lang == "console" and not raw.startswith("$ "):
            continue  # output, not a command
        for match in re.finditer(r"(?:^|[\s\"'`$(|])(noticegen(?: [^\n#|;&>`'\"]*)?)", raw):
            line = match.group(1).strip()
            if line != "noticegen" and not line.startswith("noticegen."):
                lines.append(line)
    return lines


COMMAND_LINES = [(b, line) for b in ALL_BLOCKS if b.lang in ("console", "sh", "yaml")
                 for line in _noticegen_lines(b)]


@pytest.mark.parametrize(("block", "line"), COMMAND_LINES, ids=[f"{b}" for b, _ in COMMAND_LINES])
def test_command_lines_are_accepted(block: Block, line: str) -> None:
    group: Any = typer.main.get_command(app)
    args = shlex.split(line)[1:]
    while args and args[0] in GLOBAL_OPTIONS:
        args.pop(0)
    if not args or args[0] in ("--version", "--help", "-h"):
        return
    command = group.commands.get(args[0])
    assert command is not None, f"{block}: no command `noticegen {args[0]}`"
    rest = args[1:]
    if hasattr(command, "commands") and rest and rest[0] in command.commands:
        command, rest = command.commands[rest[0]], rest[1:]
    known = {o for p in command.params for o in p.opts}
    for word in rest:
        option = word.split("=", 1)[0]
        if option.startswith("-") and option != "-" and option not in known:
            pytest.fail(f"{block}: `{line}`: no option {option}")
    if "--help" in rest or "-h" in rest:
        return
    try:
        command.make_context(f"noticegen {args[0]}", rest, resilient_parsing=False)
    except Exception as exc:  # any parse error is the docs' fault
        pytest.fail(f"{block}: `{line}` is not accepted: {exc}")


# ------------------------------------------------------------------------ YAML blocks

YAML_BLOCKS = [b for b in ALL_BLOCKS if b.lang in ("yaml", "yml")]


@pytest.mark.parametrize("block", YAML_BLOCKS, ids=str)
def test_yaml_examples_are_valid(block: Block) -> None:
    data = yaml.safe_load(block.text)
    if isinstance(data, dict) and data and set(data) <= set(Notice.model_fields):
        merged = {**EXAMPLE, **data}
        result = check_text(yaml.safe_dump(merged, allow_unicode=True, sort_keys=False),
                            str(block))
        assert result.errors == [], "\n".join(
            f"{d.line}:{d.column} {d.code} {d.message}" for d in result.errors)
    if isinstance(data, dict) and "repos" in data:
        hooks = {h["id"] for h in yaml.safe_load(
            (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
        for repo in data["repos"]:
            if "noticegen" in str(repo.get("repo", "")):
                for hook in repo["hooks"]:
                    assert hook["id"] in hooks, f"{block}: no hook {hook['id']}"


# ------------------------------------------------------------------------ pages and links

@pytest.mark.parametrize("lang", page_languages())
def test_the_reference_is_current(lang: str) -> None:
    """docs/reference.md, and the page of each language with a reference catalogue (#17:
    docs/reference.fi.md), are what the models and the catalogue give."""
    name = "reference.md" if lang == "en" else f"reference.{lang}.md"
    committed = (DOCS / name).read_text(encoding="utf-8")
    assert committed == reference_markdown(lang), f"docs/{name} is stale: run `{regenerate(lang)}`"


def test_the_finnish_reference_is_in_finnish() -> None:
    """Every description of the Finnish reference is translated: no field's English text is
    left in it."""
    assert "fi" in page_languages()
    finnish = reference_markdown("fi")
    english = [text for text in reference_messages() if len(text) > 20 and text in finnish
               and "`" not in text[:3]]
    assert not english, english[:5]


def _command_names() -> list[str]:
    group: Any = typer.main.get_command(app)
    return sorted(group.commands)


COMMAND_PAGE_LANGUAGES = {"en": "{name}.md", "fi": "{name}.fi.md"}
"""A page per command in each of these languages (#17: the command pages in Finnish)."""


def _command_page(name: str, lang: str) -> Path:
    return DOCS / "commands" / COMMAND_PAGE_LANGUAGES[lang].format(name=name)


def _table_options(text: str) -> set[str]:
    """The options a page's tables document: the first cell of each row, `--long` words."""
    return {option for row in re.findall(r"^\| (`[^|]*)\|", text, re.MULTILINE)
            for option in re.findall(r"`(--[a-z][a-z-]*)", row)}


@pytest.mark.parametrize("lang", sorted(COMMAND_PAGE_LANGUAGES))
@pytest.mark.parametrize("name", _command_names())
def test_every_command_has_a_page_that_names_its_options(name: str, lang: str) -> None:
    """docs/commands/NAME.md and NAME.fi.md document what `noticegen NAME --help` does: every
    option (and every subcommand) of the command, and no option in their tables that it does
    not have."""
    page = _command_page(name, lang)
    assert page.is_file(), f"{page.relative_to(ROOT)} is missing"
    text = page.read_text(encoding="utf-8")
    group: Any = typer.main.get_command(app)
    commands = [group.commands[name]]
    subcommands = getattr(commands[0], "commands", {})
    commands += list(subcommands.values())
    for sub in subcommands:
        assert f"noticegen {name} {sub}" in text, f"{page.relative_to(ROOT)} does not show `{sub}`"
    known = {o for command in commands for p in command.params for o in p.opts}
    for command in commands:
        for param in command.params:
            longest = max(param.opts, key=len)
            if longest.startswith("--") and longest != "--help":
                assert f"`{longest}" in text, f"{page.relative_to(ROOT)} does not explain {longest}"
    unknown = _table_options(text) - known
    assert not unknown, f"{page.relative_to(ROOT)} documents options that do not exist: {unknown}"


@pytest.mark.parametrize("lang", sorted(COMMAND_PAGE_LANGUAGES))
@pytest.mark.parametrize("name", _command_names())
def test_every_command_page_shows_its_help_as_it_is_now(name: str, lang: str) -> None:
    """Each command page ends with what `noticegen NAME --help` prints in its language (the
    Finnish page: the Finnish help, from the same catalogue), written by the command line."""
    page = _command_page(name, lang)
    text = page.read_text(encoding="utf-8")
    assert HELP_BEGIN in text, f"{page.relative_to(ROOT)} has no --help section"
    assert command_page(text, name, lang) == text, \
        f"{page.relative_to(ROOT)} is stale: run `python -m noticegen.docs_gen --command-pages`"


@pytest.mark.parametrize("name", _command_names())
def test_the_finnish_command_pages_are_translated(name: str) -> None:
    """A Finnish command page has the English page's options, sections and examples, and no
    sentence of the English page's prose (code, tables of names and examples aside)."""
    english = _command_page(name, "en").read_text(encoding="utf-8")
    finnish = _command_page(name, "fi").read_text(encoding="utf-8")
    assert _table_options(finnish) == _table_options(english)
    assert f"]({name}.fi.md)" in english and f"]({name}.md)" in finnish
    for heading, translation in (("## Options", "## Valinnat"), ("## Exit codes", "## Paluuarvot"),
                                 ("## Examples", "## Esimerkkejä")):
        assert bool(re.search(f"^{heading}$", english, re.MULTILINE)) == \
            bool(re.search(f"^{translation}$", finnish, re.MULTILINE)), (name, translation)
    assert len([b for b in blocks(_command_page(name, "fi")) if b.lang == "console"]) == \
        len([b for b in blocks(_command_page(name, "en")) if b.lang == "console"])
    prose = re.sub(r"```.*?```|`[^`]*`", " ", english, flags=re.DOTALL)
    sentences = [s for s in re.split(r"(?<=[.:;!?])\s+", " ".join(prose.split()))
                 if len(s.split()) >= 5]
    left = [s for s in sentences if s in " ".join(finnish.split())]
    assert not left, f"docs/commands/{name}.fi.md still says in English: {left[:3]}"


def _anchors(page: Path) -> set[str]:
    text = page.read_text(encoding="utf-8")
    found = set(re.findall(r'\bid="([^"]+)"', text))
    for heading in re.findall(r"^#+\s+(.+)$", text, re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        found.add(slug)
    return found


LINKS = [(page, target) for page in PAGES
         for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8"))
         if not re.match(r"^[a-z]+:", target)]


@pytest.mark.parametrize(("page", "target"), LINKS,
                         ids=[f"{p.relative_to(DOCS)}->{t}" for p, t in LINKS])
def test_links_between_pages_resolve(page: Path, target: str) -> None:
    path, _, anchor = target.partition("#")
    linked = (page.parent / path).resolve() if path else page
    assert linked.exists(), f"{page.relative_to(ROOT)} links to missing {path}"
    if anchor and linked.suffix == ".md":
        assert anchor in _anchors(linked), f"{page.relative_to(ROOT)}: no #{anchor} in {path}"


@pytest.mark.parametrize(("page", "lang"), [("getting-started.fi.md", "fi"),
                                            ("getting-started.md", "en")])
def test_the_guides_show_the_real_interview(page: str, lang: str) -> None:
    from noticegen.init.interview import QUESTIONS

    text = (DOCS / page).read_text(encoding="utf-8")
    for key, question in QUESTIONS.items():
        assert question(lang) in text, f"docs/{page} does not show the {key!r} question"


def test_embedding_names_only_real_classes_ids_and_properties(tmp_path: Path) -> None:
    from noticegen.render import RenderOptions, render_all
    from noticegen.resources import templates_dir

    resolved = check_text((ROOT / "examples" / "qualitydesk.yaml").read_text(encoding="utf-8"),
                          "qualitydesk.yaml").resolved
    assert resolved is not None
    files = render_all(resolved, languages=["fi", "en"], formats=["page", "fragment", "short"])
    html = b"".join(files.values()).decode("utf-8")
    css = (templates_dir() / "_shared" / "noticegen.css").read_text(encoding="utf-8")
    text = (DOCS / "embedding.md").read_text(encoding="utf-8")
    classes = set(re.findall(r'class="([^"]+)"', html))
    classes = {c for group in classes for c in group.split()}
    ids = set(re.findall(r' id="([^"]+)"', html))
    prefixed = set(re.findall(r' id="([^"]+)"', b"".join(render_all(
        resolved, languages=["fi", "en"], formats=["fragment"],
        options=RenderOptions(id_prefix="ng-{lang}-")).values()).decode("utf-8")))
    for name in set(re.findall(r"`(ng-[a-z-]+)`", text)):
        assert name in classes | ids | prefixed, \
            f"docs/embedding.md names the class or id {name}, which no page has"
    for prop in set(re.findall(r"`(--ng-[a-z-]+)`", text)):
        assert f"{prop}:" in css or f"var({prop}," in css, \
            f"docs/embedding.md names {prop}, which noticegen.css lacks"
    declared = set(re.findall(r"^\s*(--ng-[a-z-]+):", css, re.MULTILINE))
    assert declared <= set(re.findall(r"`(--ng-[a-z-]+)`", text)), "a custom property is undocumented"
    fragment = files["fi/fragment.html"].decode("utf-8")
    section = text[text.index("## Stable anchors"):]
    section = section[:section.index("\n## ", 3)]
    anchors = re.findall(r"^\| `ng-([a-z]+(?:-<id>)?)` \|", section, re.MULTILINE)
    assert len(anchors) >= 9
    for anchor in anchors:
        pattern = "ng-" + anchor.replace("<id>", "[a-z0-9_-]+")
        assert re.search(f'id="{pattern}"', fragment), f"no #{pattern} in the fragment"


def test_the_architecture_page_names_real_files() -> None:
    """docs/architecture.md tells contributors where to change things: every file and folder
    it names exists (``<id>`` stands for any name inside the folder before it)."""
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    named = re.findall(r"`((?:noticegen|templates|tests|scripts|docs|schemas)/[^`\s]*)`", text)
    assert len(named) > 20
    for path in named:
        assert (ROOT / path.split("<")[0]).exists(), f"docs/architecture.md names {path}"
