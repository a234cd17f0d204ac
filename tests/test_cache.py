"""noticegen.cache: parsed data and compiled templates kept between runs, never stale or required."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from noticegen import cache
from noticegen.cli import app

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "qualitydesk.yaml"


@pytest.fixture
def where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    cache._folder.cache_clear()
    yield folder
    cache._folder.cache_clear()


class Counted:
    """A data file and a parser that counts its calls."""

    def __init__(self, path: Path) -> None:
        self.path, self.calls = path, 0
        path.write_text("one", encoding="utf-8")

    def parse(self, path: Path) -> dict[str, str]:
        self.calls += 1
        return {"text": path.read_text(encoding="utf-8")}

    def load(self) -> dict[str, str]:
        return cache.load_file(self.path, self.parse)


@pytest.fixture
def counted(tmp_path: Path) -> Counted:
    return Counted(tmp_path / "data.yaml")


def test_a_second_read_comes_from_the_cache(where: Path, counted: Counted) -> None:
    assert counted.load() == {"text": "one"}
    assert counted.load() == {"text": "one"}
    assert counted.calls == 1
    assert len(list((where / "data").glob("*.pickle"))) == 1


def test_an_edited_file_is_read_again(where: Path, counted: Counted) -> None:
    counted.load()
    counted.path.write_text("two!", encoding="utf-8")
    assert counted.load() == {"text": "two!"}
    counted.path.write_text("six!", encoding="utf-8")
    os.utime(counted.path, ns=(1, 1))  # same size, another modification time
    assert counted.load() == {"text": "six!"}
    assert counted.calls == 3


def test_a_corrupt_entry_is_a_miss(where: Path, counted: Counted) -> None:
    counted.load()
    for entry in (where / "data").glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert counted.load() == {"text": "one"}
    assert counted.load() == {"text": "one"}
    assert counted.calls == 2, "the broken entry is replaced"


def test_parse_errors_pass_through_and_are_not_cached(where: Path, tmp_path: Path) -> None:
    data = tmp_path / "bad.yaml"
    data.write_text("key: [", encoding="utf-8")
    import yaml

    for _ in range(2):
        with pytest.raises(yaml.YAMLError):
            cache.read_yaml(data)
    assert not list((where / "data").glob("*.pickle"))


def test_turned_off_nothing_is_written(where: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_OFF, "1")
    data = tmp_path / "data.yaml"
    data.write_text("a: 1", encoding="utf-8")
    assert cache.read_yaml(data) == {"a": 1}
    assert not where.exists()


def test_an_unusable_folder_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "cache"))  # a folder under a file
    cache._folder.cache_clear()
    data = tmp_path / "data.yaml"
    data.write_text("a: 1", encoding="utf-8")
    assert cache.read_yaml(data) == {"a": 1}
    cache._folder.cache_clear()


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cache.ENV_DIR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform in ("win32", "darwin"):
        pytest.skip("Linux and other Unix only")
    assert cache.cache_dir() == tmp_path / "xdg" / "noticegen"


def test_builds_fill_and_use_the_cache_with_identical_output(where: Path, tmp_path: Path) -> None:
    """A cold run, a warm run and a run without the cache build the same bytes."""
    outputs = []
    for label, env in (("cold", {}), ("warm", {}), ("off", {cache.ENV_OFF: "1"})):
        out = tmp_path / label
        proc = subprocess.run([sys.executable, "-m", "noticegen", "--quiet", "build", str(EXAMPLE),
                               "--out", str(out)], env={**os.environ, **env},
                              capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stderr
        outputs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
        if label == "cold":
            assert list((where / "jinja").iterdir()), "compiled templates were kept"
            assert list((where / "data").iterdir()), "parsed data files were kept"
    assert outputs[0] == outputs[1] == outputs[2]


def test_cache_command_prints_and_clears(where: Path, tmp_path: Path) -> None:
    data = tmp_path / "data.yaml"
    data.write_text("a: 1", encoding="utf-8")
    cache.read_yaml(data)
    result = CliRunner().invoke(app, ["cache", "path"])
    assert result.exit_code == 0 and str(where) in result.output
    result = CliRunner().invoke(app, ["cache", "clear"])
    assert result.exit_code == 0 and "1 cached file(s) deleted" in result.output
    assert not list(where.rglob("*.pickle"))


def test_cache_clear_forgets_build_records(where: Path, tmp_path: Path) -> None:
    """After `cache clear`, a notice built before is built again (noticegen.uptodate)."""
    out = tmp_path / "out"
    for _ in range(2):
        assert CliRunner().invoke(app, ["build", str(EXAMPLE), "-o", str(out)]).exit_code == 0
    assert len(list((where / "builds").glob("*.json"))) == 1
    assert CliRunner().invoke(app, ["cache", "clear"]).exit_code == 0
    assert not (where / "builds").exists()
    again = CliRunner().invoke(app, ["build", str(EXAMPLE), "-o", str(out)])
    assert again.exit_code == 0 and "10 file(s) built, 0 changed" in again.output
