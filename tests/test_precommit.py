"""`.pre-commit-hooks.yaml`: the hooks pre-commit would install exist and do what they say."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import typer
import yaml
from typer.testing import CliRunner

from noticegen.cli import app

ROOT = Path(__file__).resolve().parent.parent
HOOKS: list[dict[str, Any]] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(
    encoding="utf-8"))

# pre-commit's manifest schema (pre_commit/clientlib.py, MANIFEST_HOOK_DICT).
REQUIRED = {"id", "name", "entry", "language"}
OPTIONAL = {"alias", "files", "exclude", "types", "types_or", "exclude_types", "additional_dependencies",
            "args", "always_run", "fail_fast", "pass_filenames", "description", "language_version",
            "log_file", "minimum_pre_commit_version", "require_serial", "stages", "verbose"}


def hook(hook_id: str) -> dict[str, Any]:
    return next(h for h in HOOKS if h["id"] == hook_id)


def command(entry: str) -> tuple[Any, list[str]]:
    """The noticegen sub-command a hook runs (a click command), and the options it is given."""
    words = shlex.split(entry)
    assert words[0] == "noticegen"
    sub = typer.main.get_command(app).commands.get(words[1])  # type: ignore[attr-defined]
    assert sub is not None, f"`noticegen {words[1]}` does not exist"
    return sub, words[2:]


def test_the_manifest_is_a_list_of_valid_hooks() -> None:
    assert isinstance(HOOKS, list) and HOOKS
    ids = [h["id"] for h in HOOKS]
    assert len(ids) == len(set(ids))
    for h in HOOKS:
        assert set(h) >= REQUIRED, h
        assert set(h) <= REQUIRED | OPTIONAL, set(h) - REQUIRED - OPTIONAL
        assert h["language"] == "python"  # installs this package, and with it the command
        assert isinstance(h.get("pass_filenames", True), bool)
        if "files" in h:
            re.compile(h["files"])


def test_the_check_hook_runs_check_on_notice_files() -> None:
    h = hook("noticegen-check")
    sub, options = command(h["entry"])
    assert sub.name == "check" and options == []
    assert h.get("pass_filenames", True)
    assert h["require_serial"] is True  # noticegen check --jobs parallelises by itself
    pattern = re.compile(h["files"])
    for name in ("tietosuojaseloste.yaml", "privacy-notice.yaml", "site/tietosuojaseloste.yml",
                 "notices/shop.yaml", "company/notices/jobs.yml", "tietosuojaseloste-en.yaml"):
        assert pattern.search(name), name
    for name in (".github/workflows/ci.yml", "mkdocs.yml", "notices/old/archived.yaml",
                 "tietosuojaseloste.yaml.bak", ".pre-commit-config.yaml"):
        assert not pattern.search(name), name


def test_the_check_hook_passes_a_good_notice_and_fails_a_bad_one(tmp_path: Path) -> None:
    sub, options = command(hook("noticegen-check")["entry"])
    bad = tmp_path / "tietosuojaseloste.yaml"
    bad.write_text("notice: {}\n", encoding="utf-8")
    args = [sub.name or "check", *options]
    assert CliRunner().invoke(app, [*args, str(bad)]).exit_code == 1
    good = CliRunner().invoke(app, [*args, str(ROOT / "examples" / "qualitydesk.yaml")])
    assert good.exit_code == 0, good.output


def test_the_build_check_hook_runs_build_check_on_every_commit() -> None:
    h = hook("noticegen-build-check")
    sub, options = command(h["entry"])
    assert sub.name == "build" and options == ["--check"]
    assert h["pass_filenames"] is False and h["always_run"] is True
    assert "--check" in {o for p in sub.params for o in p.opts}
