"""noticegen.cache: parsed data and compiled templates kept between runs, never stale or required."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    """After `cache clear`, a notice built before is built again (noticegen.builder.uptodate)."""
    out = tmp_path / "out"
    for _ in range(2):
        assert CliRunner().invoke(app, ["build", str(EXAMPLE), "-o", str(out)]).exit_code == 0
    assert len(list((where / "builds").glob("*.json"))) == 1
    assert CliRunner().invoke(app, ["cache", "clear"]).exit_code == 0
    assert not (where / "builds").exists()
    again = CliRunner().invoke(app, ["build", str(EXAMPLE), "-o", str(out)])
    assert again.exit_code == 0 and "18 file(s) built, 0 changed" in again.output


# --- a cache folder that someone else can write to (issue #22) ---------------------------------

MAGIC = getattr(cache, "_MAGIC", b"NGS1")  # (getattr: the tests run against older versions too)


def _build(out: Path, cache_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "noticegen", "--quiet", "build", str(EXAMPLE),
                           "--out", str(out), "--force"],
                          env={**os.environ, cache.ENV_DIR: str(cache_dir)},
                          capture_output=True, text=True, check=False)


def _evil_bytecode(entry: bytes, marker: Path) -> bytes:
    """A compiled template as Jinja stores it (magic, the source's checksum, marshalled code),
    with code that writes ``marker``: what a pull request could plant in a cache folder."""
    import io
    import marshal
    import pickle

    from jinja2.bccache import bc_magic

    if entry.startswith(MAGIC):  # signed: Jinja's bytes follow the signature
        entry = entry[len(MAGIC) + 32:]
    assert entry.startswith(bc_magic)
    stream = io.BytesIO(entry[len(bc_magic):])
    checksum = pickle.load(stream)
    code = compile(f"open({str(marker)!r}, 'w').write('pwned')", "<planted>", "exec")
    return bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(code)


class _Evil:
    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (self.marker, "w"))


@pytest.mark.parametrize("forge", ["unsigned", "forged-signature", "jinja-name"])
def test_planted_compiled_templates_do_not_run(tmp_path: Path, forge: str) -> None:
    """One planted `__jinja2_<key>.cache` made a plain `noticegen build` run a command (its
    name depends only on the template's name and path). Every compiled template in the cache
    folder is replaced by one that writes a marker file; the build must not run any of them
    and must build the same bytes."""
    folder, marker = tmp_path / "repo-cache", tmp_path / "pwned"
    first = _build(tmp_path / "out1", folder)
    assert first.returncode == 0, first.stderr
    entries = sorted((folder / "jinja").iterdir())
    assert entries
    for entry in entries:
        evil = _evil_bytecode(entry.read_bytes(), marker)
        if forge == "forged-signature":
            evil = MAGIC + bytes(32) + evil
        name = entry if forge != "jinja-name" else entry.with_name(f"__jinja2_{entry.stem}.cache")
        name.write_bytes(evil)
        if forge == "unsigned":
            entry.write_bytes(evil)
    second = _build(tmp_path / "out2", folder)
    assert not marker.exists(), "a planted compiled template ran"
    assert second.returncode == 0, second.stderr
    out1, out2 = tmp_path / "out1", tmp_path / "out2"
    assert {p.relative_to(out1): p.read_bytes() for p in out1.rglob("*") if p.is_file()} == \
           {p.relative_to(out2): p.read_bytes() for p in out2.rglob("*") if p.is_file()}


def test_planted_pickles_do_not_run(tmp_path: Path) -> None:
    import pickle

    folder, marker = tmp_path / "repo-cache", tmp_path / "pwned"
    assert _build(tmp_path / "out1", folder).returncode == 0
    entries = sorted((folder / "data").iterdir())
    assert entries
    evil = pickle.dumps(_Evil(marker))
    for entry in entries:
        entry.write_bytes(evil if entries.index(entry) % 2 else MAGIC + bytes(32) + evil)
    second = _build(tmp_path / "out2", folder)
    assert not marker.exists(), "a planted pickle ran"
    assert second.returncode == 0, second.stderr


def test_entries_signed_with_another_users_key_are_misses(
        where: Path, counted: Counted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counted.load()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
    cache.secret_key.cache_clear()
    try:
        assert counted.load() == {"text": "one"}
        assert counted.calls == 2, "an entry another key signed was used"
    finally:
        cache.secret_key.cache_clear()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_key_is_private_and_a_shared_one_is_not_used(
        where: Path, counted: Counted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    cache.secret_key.cache_clear()
    try:
        key = cache.secret_key()
        path = cache.user_cache_dir() / cache.KEY_FILE
        assert key is not None and len(key) == 32 and path.read_bytes() == key
        assert path.stat().st_mode & 0o777 == 0o600
        assert not (where / cache.KEY_FILE).exists()  # never in $NOTICEGEN_CACHE_DIR
        path.chmod(0o644)  # others can read it: anyone could sign
        cache.secret_key.cache_clear()
        assert cache.secret_key() is None
        counted.load()
        counted.load()
        assert counted.calls == 2 and not list((where / "data").glob("*")), "cached without a key"
    finally:
        cache.secret_key.cache_clear()


def test_an_unsigned_build_record_is_not_trusted(where: Path, tmp_path: Path) -> None:
    """A record planted in a shared cache folder (here: the real one, its signature removed)
    cannot make `build` skip a notice."""
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["build", str(EXAMPLE), "-o", str(out)]).exit_code == 0
    skipped = CliRunner().invoke(app, ["build", str(EXAMPLE), "-o", str(out)])
    assert "18 file(s) built" not in skipped.output  # signed: trusted, the notice is skipped
    (record,) = (where / "builds").glob("*.json")
    record.write_bytes(record.read_bytes()[len(MAGIC) + 32:])  # the same JSON, unsigned
    again = CliRunner().invoke(app, ["build", str(EXAMPLE), "-o", str(out)])
    assert again.exit_code == 0 and "18 file(s) built, 0 changed" in again.output
