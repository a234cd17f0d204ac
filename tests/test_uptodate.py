"""`noticegen build` skips a notice already built into the same folder from the same input,
options and noticegen, while its files are as the build left them; anything else rebuilds it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from noticegen import config
from noticegen.builder import batch, uptodate
from noticegen.cache import cache_dir
from noticegen.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"
SKIPPED = "up to date, 18 file(s) unchanged"
BUILT = "18 file(s) built"


def run(*args: str | Path, env: dict[str, str] | None = None) -> Any:
    result = CliRunner().invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)
    print(result.output)  # shown when an assertion fails
    return result


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example that a test may edit, built once into tmp_path/out."""
    path = tmp_path / "qualitydesk.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    first = run("build", path, "-o", tmp_path / "out")
    assert first.exit_code == 0 and BUILT in first.output
    return path


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The notices rendered from now on, in this process."""
    calls: list[str] = []
    real = batch.Job.render

    def counted(job: batch.Job, result: Any, processes: int = 1) -> dict[str, bytes]:
        calls.append(result.path)
        return real(job, result, processes)

    monkeypatch.setattr(batch.Job, "render", counted)
    return calls


def test_a_second_build_skips_the_notice_and_touches_no_file(
        example: Path, renders: list[str]) -> None:
    out = example.parent / "out"
    before = snapshot(out)
    again = run("build", example, "-o", out)
    assert again.exit_code == 0
    assert f"{out / 'qualitydesk'}: {SKIPPED}." in again.output
    assert "Skipped 1 notice(s)" in again.output and "--force" in again.output
    assert renders == []
    assert snapshot(out) == before


def test_a_skipped_notice_reports_the_same_diagnostics(tmp_path: Path) -> None:
    path = tmp_path / "qualitydesk.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    first = run("check", "--format", "json", path)
    built = run("build", path, "-o", tmp_path / "out")
    skipped = run("build", path, "-o", tmp_path / "out")
    assert SKIPPED in skipped.output
    warnings = json.loads(first.output)
    assert warnings, "the example should have a warning to replay"
    for d in warnings:
        line = f"{d['file']}:{d['line']}:{d['column']}: {d['severity']} {d['code']} {d['message']}"
        assert built.output.count(line) == skipped.output.count(line) == 1


def _edit_input(path: Path, out: Path) -> None:
    path.write_text(path.read_text("utf-8").replace("QualityDesk", "QualityDesk Oy"), "utf-8")


def _delete_output(path: Path, out: Path) -> None:
    (out / "qualitydesk" / "en" / "notice.md").unlink()


def _edit_output_in_place(path: Path, out: Path) -> None:
    target = out / "qualitydesk" / "fi" / "notice.txt"
    with target.open("r+b") as fh:  # same inode, same size, at once: only the content differs
        first = fh.read(1)
        fh.seek(0)
        fh.write(b"X" if first != b"X" else b"Y")


def _replace_output(path: Path, out: Path) -> None:
    target = out / "qualitydesk" / "noticegen.css"
    data = target.read_bytes()
    target.unlink()
    target.write_bytes(data)  # the same bytes, but not the file the build left


def _settings(path: Path, out: Path) -> None:
    (path.parent / "noticegen.toml").write_text('disable = ["NG107"]\n', "utf-8")
    config._settings_in.cache_clear()  # read once per folder and process


@pytest.mark.parametrize("change", [_edit_input, _delete_output, _edit_output_in_place,
                                    _replace_output, _settings])
def test_a_change_rebuilds_the_notice(example: Path, renders: list[str],
                                      change: Callable[[Path, Path], None]) -> None:
    out = example.parent / "out"
    change(example, out)
    again = run("build", example, "-o", out)
    assert again.exit_code == 0 and BUILT in again.output and SKIPPED not in again.output
    assert renders == [str(example)]
    forced = snapshot(out)
    assert run("build", example, "-o", out, "--force").exit_code == 0
    assert {k: v[0] for k, v in snapshot(out).items()} == {k: v[0] for k, v in forced.items()}


@pytest.mark.parametrize(("change", "reason"), [
    (_edit_input, "the notice file changed"),
    (_delete_output, "en/notice.md is missing"),
    (_replace_output, "noticegen.css was changed or replaced"),
    (_settings, "the options, project settings, locale, templates or noticegen changed"),
])
def test_verbose_says_why_a_notice_is_built(example: Path, change: Callable[[Path, Path], None],
                                            reason: str) -> None:
    out = example.parent / "out"
    change(example, out)
    again = run("--verbose", "build", example, "-o", out)
    assert f"{out / 'qualitydesk'}: {BUILT}, " in again.output
    assert again.output.count(f"({reason}).") == 1


def test_verbose_reasons_for_a_first_and_a_forced_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run("--verbose", "build", EXAMPLE, "-o", out)
    assert "18 file(s) built, 18 changed (not built into this folder before)." in first.output
    forced = run("--verbose", "build", EXAMPLE, "-o", out, "--force")
    assert "18 file(s) built, 0 changed (--force was given)." in forced.output
    assert "(--force" not in run("build", EXAMPLE, "-o", out, "--force").output


@pytest.mark.parametrize("options", [["--lang", "fi"], ["--format", "page,md"],
                                     ["--heading-level", "3"], ["--id-prefix", "x-"],
                                     ["--force"]])
def test_other_options_rebuild_the_notice(example: Path, renders: list[str],
                                          options: list[str]) -> None:
    again = run("build", example, "-o", example.parent / "out", *options)
    assert SKIPPED not in again.output and "file(s) built" in again.output
    assert renders == [str(example)]


def test_strict_is_not_skipped_past(example: Path, renders: list[str]) -> None:
    """Built without --strict, the example's warning still fails a --strict build."""
    strict = run("build", example, "-o", example.parent / "out", "--strict")
    assert strict.exit_code == 1 and "nothing was written" in strict.output
    assert renders == []


def test_the_message_language_is_part_of_the_key(example: Path, renders: list[str]) -> None:
    again = run("build", example, "-o", example.parent / "out", env={"LC_ALL": "fi_FI.UTF-8"})
    assert SKIPPED not in again.output and renders == [str(example)]
    assert "Y-tunnus" in again.output


def test_an_edited_template_folder_rebuilds(tmp_path: Path, renders: list[str]) -> None:
    templates = tmp_path / "templates" / "_shared"
    templates.mkdir(parents=True)
    (templates / "README").write_text("overrides\n", "utf-8")
    out = tmp_path / "out"
    assert run("build", EXAMPLE, "-o", out, "-t", tmp_path / "templates").exit_code == 0
    assert SKIPPED in run("build", EXAMPLE, "-o", out, "-t", tmp_path / "templates").output
    (templates / "README").write_text("overrides, edited\n", "utf-8")
    again = run("build", EXAMPLE, "-o", out, "-t", tmp_path / "templates")
    assert SKIPPED not in again.output and len(renders) == 2


def test_without_the_cache_nothing_is_skipped(example: Path, renders: list[str]) -> None:
    again = run("build", example, "-o", example.parent / "out", env={"NOTICEGEN_NO_CACHE": "1"})
    assert SKIPPED not in again.output and renders == [str(example)]


def test_check_always_renders(example: Path, renders: list[str]) -> None:
    result = run("build", example, "-o", example.parent / "out", "--check")
    assert result.exit_code == 0 and "are up to date" in result.output
    assert renders == [str(example)]


def test_standard_input_is_always_built(tmp_path: Path, renders: list[str]) -> None:
    for _ in range(2):
        result = CliRunner().invoke(app, ["build", "-", "-o", str(tmp_path)],
                                    input=EXAMPLE.read_text("utf-8"))
        assert result.exit_code == 0 and SKIPPED not in result.output
    assert renders == ["-", "-"]


def test_a_notice_that_failed_is_not_recorded(tmp_path: Path, renders: list[str]) -> None:
    path = tmp_path / "notice.yaml"
    good = EXAMPLE.read_text("utf-8")
    path.write_text(good.replace("controller:", "controler:", 1), "utf-8")
    assert run("build", path, "-o", tmp_path / "out").exit_code == 1
    path.write_text(good, "utf-8")
    first = run("build", path, "-o", tmp_path / "out")
    assert first.exit_code == 0 and BUILT in first.output and renders == [str(path)]


def test_a_damaged_record_is_an_empty_one(example: Path, renders: list[str]) -> None:
    for record in (cache_dir() / "builds").glob("*.json"):
        record.write_text("{not json", "utf-8")
    again = run("build", example, "-o", example.parent / "out")
    assert again.exit_code == 0 and renders == [str(example)]
    assert SKIPPED in run("build", example, "-o", example.parent / "out").output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_skips_some_and_builds_others_in_file_order(
        tmp_path: Path, renders: list[str], jobs: str) -> None:
    files = []
    for name in ("a", "b", "c"):
        files.append(tmp_path / f"{name}.yaml")
        files[-1].write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "out"
    assert run("build", *files, "-o", out, "-j", jobs).exit_code == 0
    _edit_input(files[1], out)
    again = run("build", *files, "-o", out, "-j", jobs)
    assert again.exit_code == 0
    lines = [line for line in again.output.splitlines() if line.startswith(str(out))]
    assert lines[0] == f"{out / 'a'}: {SKIPPED}." and lines[2] == f"{out / 'c'}: {SKIPPED}."
    assert lines[1].startswith(f"{out / 'b'}: {BUILT}, ") and len(lines) == 3
    warned = [line.split(":")[0] for line in again.output.splitlines() if " NG107 " in line]
    assert warned == [str(f) for f in files]


def test_an_up_to_date_build_imports_no_renderer(example: Path) -> None:
    """Skipping is cheap: neither Jinja, Babel, markdown-it nor the models are loaded."""
    code = ("import sys; from noticegen.cli import main\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
            "print(sorted(m for m in ('jinja2', 'babel', 'markdown_it', 'noticegen.model', "
            "'noticegen.lint') if m in sys.modules))")
    env = {**os.environ, "NOTICEGEN_CACHE_DIR": str(cache_dir())}
    result = subprocess.run(
        [sys.executable, "-c", code, "build", str(example), "-o", str(example.parent / "out")],
        capture_output=True, text=True, env=env, check=True)
    assert SKIPPED in result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_the_build_options_and_their_defaults_load_no_renderer() -> None:
    """`Job` and the defaults it shares with the renderer and the command (noticegen/defaults.py)
    are imported without the renderer: an up-to-date rebuild renders nothing."""
    code = ("import sys\nfrom noticegen.builder.batch import Job\n"
            "assert Job().heading_level and Job().id_prefix\n"
            "print(sorted(m for m in sys.modules if m.startswith(('noticegen.render', 'jinja2'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "[]"


def _another(value: object) -> object:
    """A value of the same kind as ``value``, but another."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, tuple):
        return (*value, "x")
    return Path("/elsewhere")  # a folder, or None


def test_every_field_of_the_job_is_in_the_key() -> None:
    """The key covers the whole job, not a list of its options: a build option added to Job,
    here by a subclass, is in the key without a change to the key's code, so it can never be
    left out and let a build skip a notice built with another value."""
    import dataclasses

    extended = dataclasses.make_dataclass(
        "Extended", [("new_option", str, dataclasses.field(default="a"))], bases=(batch.Job,),
        frozen=True)
    settings = config.Settings()

    def key(job: batch.Job) -> str:
        return uptodate.key(uptodate.base("environment", "n.yaml", job, settings, ()), "source")

    job = extended()
    assert key(job) == key(extended())
    for field in dataclasses.fields(job):
        other = dataclasses.replace(job, **{field.name: _another(getattr(job, field.name))})
        assert key(other) != key(job), f"Job.{field.name} is not in the key"
    assert {field.name for field in dataclasses.fields(job)} >= {
        "langs", "formats", "templates", "heading_level", "strict", "id_prefix", "new_option"}


@pytest.mark.parametrize(("name", "value"), [("strict", True), ("disable", ("NG101",)),
                                           ("lang", "fi")])
def test_every_project_setting_is_in_the_key(name: str, value: object) -> None:
    import dataclasses

    def key(settings: config.Settings) -> str:
        return uptodate.key(uptodate.base("environment", "n.yaml", batch.Job(), settings, ()),
                            "source")

    plain = config.Settings()
    assert key(dataclasses.replace(plain, **{name: value})) != key(plain)


def test_the_key_covers_a_folder_file_by_file(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("one", "utf-8")
    before = uptodate.environment(tmp_path)
    assert uptodate.environment(tmp_path) == before
    (tmp_path / "a.html").write_text("two", "utf-8")
    assert uptodate.environment(tmp_path) != before
    assert len(before) == 64  # a hash: every notice's key starts from it


@pytest.mark.parametrize("library", uptodate.LIBRARIES)
def test_the_key_covers_the_libraries(library: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade rewrites a library's files: a new identity of its module file is a new key."""
    from importlib.util import find_spec

    spec = find_spec(library)
    assert spec is not None and spec.origin
    origin = Path(spec.origin)
    before = uptodate.environment(None)
    real = uptodate._identity
    monkeypatch.setattr(uptodate, "_identity",
                        lambda path: [0, 0, 0, 0] if path == origin else real(path))
    assert uptodate.environment(None) != before


def test_a_racy_file_is_compared_by_content(example: Path, renders: list[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Edited within the same tick of the file system's clock as the build wrote it, a file
    keeps its times; a file that recent is checked by its content's hash."""
    out = example.parent / "out"
    target = out / "qualitydesk" / "fi" / "notice.txt"
    identity = uptodate._identity(target)
    real = uptodate._identity
    monkeypatch.setattr(uptodate, "_identity",
                        lambda path: identity if path == target else real(path))
    _edit_output_in_place(example, out)
    again = run("build", example, "-o", out)
    assert SKIPPED not in again.output and renders == [str(example)]


def test_an_older_file_is_not_read(example: Path, renders: list[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the racy window, the files' identities alone decide: nothing is read."""
    monkeypatch.setattr(uptodate, "RACY_NS", -10**12)  # as if recorded 1,000 s after writing
    out = example.parent / "out"
    real = uptodate.file_digest

    def unread(path: str | Path) -> str | None:
        if out in Path(path).parents:
            raise AssertionError(f"{path} was read")
        return real(path)

    monkeypatch.setattr(uptodate, "file_digest", unread)
    assert SKIPPED in run("build", example, "-o", example.parent / "out").output
    assert renders == []


def test_files_read_once_and_found_as_built_are_not_read_again(
        example: Path, renders: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A build writes its files seconds before it records them, so the next build must read
    them; it then records the time of that reading, and the builds after it read nothing."""
    out = example.parent / "out"
    real_now = uptodate.time.time_ns
    monkeypatch.setattr(uptodate.time, "time_ns", lambda: real_now() + 10 * 10**9)  # 10 s on
    real = uptodate.file_digest
    read: list[Path] = []

    def counted(path: str | Path) -> str | None:
        if out in Path(path).parents:
            read.append(Path(path))
        return real(path)

    monkeypatch.setattr(uptodate, "file_digest", counted)
    assert SKIPPED in run("build", example, "-o", out).output
    assert len(read) == 18  # the files written seconds before they were recorded
    read.clear()
    assert SKIPPED in run("build", example, "-o", out).output
    assert read == [] and renders == []


def test_the_record_names_the_bytes_that_were_built(tmp_path: Path, renders: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A file saved between the up-to-date test and the check is recorded as what was checked,
    so going back to the earlier bytes cannot skip a build of the later ones."""
    path = tmp_path / "notice.yaml"
    before = EXAMPLE.read_bytes()
    after = before.replace(b"QualityDesk", b"QualityBench")
    path.write_bytes(after)
    real = uptodate.file_digest
    monkeypatch.setattr(uptodate, "file_digest", lambda _: uptodate.digest(before))
    assert run("build", path, "-o", tmp_path / "out").exit_code == 0  # checks `after`
    monkeypatch.setattr(uptodate, "file_digest", real)
    path.write_bytes(before)
    again = run("build", path, "-o", tmp_path / "out")
    assert SKIPPED not in again.output and len(renders) == 2
    assert b"QualityBench" not in (tmp_path / "out" / "notice" / "notice.json").read_bytes()
