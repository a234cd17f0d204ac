"""noticegen.builder.write: atomic replacement, no rewrite of equal bytes, clean failure, safe names."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from noticegen.builder import write
from noticegen.builder.write import inside, safe_segment, write_all, write_atomic
from noticegen.errors import OutputError


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_write_atomic_writes_and_skips_equal_bytes(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.txt"
    assert write_atomic(target, b"one") is True
    assert target.read_bytes() == b"one"
    mtime = target.stat().st_mtime_ns
    assert write_atomic(target, b"one") is False
    assert target.stat().st_mtime_ns == mtime
    assert write_atomic(target, b"two") is True
    assert target.read_bytes() == b"two"
    assert leftovers(target.parent) == []


def test_new_files_get_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    write_atomic(target, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_failed_replace_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")

    def refuse(src: str, dst: str) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(dst))

    monkeypatch.setattr("noticegen.builder.write.os.replace", refuse)
    with pytest.raises(OutputError, match="read-only"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_write_all_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {tmp_path / f"{n}.txt": b"new" for n in range(4)}
    for path in files:
        path.write_bytes(b"old")
    real = os.fsync
    calls = {"n": 0}

    def full_disk(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr("noticegen.builder.write.os.fsync", full_disk)
    with pytest.raises(OutputError, match="disk is full"):
        write_all(files)
    assert all(p.read_bytes() == b"old" for p in files)
    assert leftovers(tmp_path) == []
    monkeypatch.setattr("noticegen.builder.write.os.fsync", real)
    assert sorted(write_all(files)) == sorted(files)
    assert write_all(files) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [("qualitydesk", "qualitydesk"), ("../x", "x"), ("..", "notice"), ("a b/c", "a-b-c"),
     (".hidden", "hidden"), ("Ääkköset", "kk-set"), ("", "notice")],
)
def test_safe_segment(name: str, expected: str) -> None:
    assert safe_segment(name) == expected


def test_inside_refuses_to_leave_the_root(tmp_path: Path) -> None:
    assert inside(tmp_path, "a/b.html") == (tmp_path / "a" / "b.html").resolve()
    with pytest.raises(OutputError):
        inside(tmp_path, "../escape.html")


def _batch(folder: Path, content: bytes) -> dict[Path, bytes]:
    """More files than write._BATCH, in several folders, as a batch build makes."""
    return {folder / f"n{i // 10}" / f"{i}.html": content for i in range(write._BATCH + 6)}


def test_a_batch_is_flushed_once_per_file_system_not_per_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if write._syncfs() is None:
        pytest.skip("syncfs(2) is Linux only; elsewhere every file is synced (tested above)")
    fsyncs, flushes = {"n": 0}, {"n": 0}
    real_fsync, real_flush = os.fsync, write._sync_file_systems

    def count_fsync(fd: int) -> None:
        fsyncs["n"] += 1
        real_fsync(fd)

    def count_flush(folders: Any) -> None:
        flushes["n"] += 1
        real_flush(folders)

    monkeypatch.setattr("noticegen.builder.write.os.fsync", count_fsync)
    monkeypatch.setattr(write, "_sync_file_systems", count_flush)
    files = _batch(tmp_path, b"new")
    assert sorted(write_all(files)) == sorted(files)
    assert all(p.read_bytes() == b"new" for p in files)
    assert fsyncs["n"] == 0 and flushes["n"] == 2, "data before the renames, renames after"
    assert write_all(files) == []
    small = dict(list(_batch(tmp_path / "small", b"x").items())[:3])
    write_all(small)
    assert fsyncs["n"] == 3 + 1, "a small build syncs each file, then their folder"


def test_a_batch_whose_flush_fails_changes_nothing(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    if write._syncfs() is None:
        pytest.skip("syncfs(2) is Linux only")
    files = _batch(tmp_path, b"old")
    write_all(files)

    def full(folders: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path))

    monkeypatch.setattr(write, "_sync_file_systems", full)
    with pytest.raises(OutputError, match="disk is full"):
        write_all(dict.fromkeys(files, b"new"))
    assert all(p.read_bytes() == b"old" for p in files)
    assert all(leftovers(folder) == [] for folder in {p.parent for p in files})


def test_without_syncfs_a_batch_syncs_every_file(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    real = os.fsync

    def count(fd: int) -> None:
        calls["n"] += 1
        real(fd)

    monkeypatch.setattr(write, "_syncfs", lambda: None)
    monkeypatch.setattr("noticegen.builder.write.os.fsync", count)
    files = _batch(tmp_path, b"x")
    write_all(files)
    folders = {p.parent for p in files}
    assert calls["n"] == len(files) + len(folders)


@pytest.mark.parametrize("syncfs", [True, False], ids=["syncfs", "fsync"])
def test_a_temporary_folder_is_written_without_syncs(tmp_path: Path, syncfs: bool,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """`preview` writes into a temporary folder: the files are replaced whole, never synced."""
    if syncfs and write._syncfs() is None:
        pytest.skip("syncfs(2) is Linux only")
    if not syncfs:
        monkeypatch.setattr(write, "_syncfs", lambda: None)
    calls: list[str] = []
    monkeypatch.setattr("noticegen.builder.write.os.fsync", lambda fd: calls.append("fsync"))
    monkeypatch.setattr(write, "_sync_file_systems", lambda folders: calls.append("syncfs"))
    for files in (_batch(tmp_path / "many", b"x"), {tmp_path / "one" / "a.html": b"x"}):
        assert sorted(write_all(files, durable=False)) == sorted(files)
        assert all(p.read_bytes() == b"x" for p in files)
        assert sorted(write_all(dict.fromkeys(files, b"y"), durable=False)) == sorted(files)
        assert all(p.read_bytes() == b"y" for p in files)
        assert all(leftovers(folder) == [] for folder in {p.parent for p in files})
    assert calls == []
    write_all({tmp_path / "kept.html": b"x"})
    assert calls, "a build's files are synced (the counters above do count)"


# --- Staging: a batch written notice by notice, committed at once ------------------------------

def test_staging_moves_nothing_into_place_before_commit(tmp_path: Path) -> None:
    old = tmp_path / "out" / "a" / "old.txt"
    write_atomic(old, b"old")
    with write.Staging() as staging:
        assert staging.add(old, b"new") is True
        assert staging.add(tmp_path / "out" / "b" / "c" / "new.txt", b"x") is True
        assert staging.add(tmp_path / "out" / "a" / "same.txt", b"") is True
        assert old.read_bytes() == b"old", "a staged file is not in place yet"
        assert sorted(p.name for p in (tmp_path / "out").rglob("*.txt")) == ["old.txt"]
        changed = staging.commit()
    assert old.read_bytes() == b"new"
    assert (tmp_path / "out" / "b" / "c" / "new.txt").read_bytes() == b"x"
    assert sorted(changed) == sorted([old, tmp_path / "out" / "b" / "c" / "new.txt",
                                      tmp_path / "out" / "a" / "same.txt"])
    assert [p for p in (tmp_path / "out").rglob("*.tmp")] == []
    with write.Staging() as staging:
        assert staging.add(old, b"new") is False, "equal bytes are not staged"
        assert staging.commit() == []


def test_staging_left_without_commit_leaves_no_trace(tmp_path: Path) -> None:
    """An error or Ctrl-C between two notices: old files as they were, no temp files, and no
    folder that only the failed build made."""
    out = tmp_path / "out"
    old = out / "a" / "old.txt"
    write_atomic(old, b"old")
    with pytest.raises(KeyboardInterrupt), write.Staging() as staging:
        staging.add(old, b"new")
        staging.add(out / "b" / "c" / "new.txt", b"x")
        raise KeyboardInterrupt
    assert old.read_bytes() == b"old"
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == ["a", "a/old.txt"]


def test_staging_a_batch_syncs_once_per_file_system(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    if write._syncfs() is None:
        pytest.skip("syncfs(2) is Linux only; other systems sync every file")
    calls: list[str] = []
    real_fsync, real_flush = os.fsync, write._sync_file_systems
    monkeypatch.setattr("noticegen.builder.write.os.fsync",
                        lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(write, "_sync_file_systems",
                        lambda folders: (calls.append("syncfs"), real_flush(folders))[1])
    with write.Staging() as staging:
        for target, data in _batch(tmp_path, b"data").items():
            staging.add(target, data)
        assert calls == [], "nothing is synced while staging"
        staging.commit()
    assert calls == ["syncfs", "syncfs"]
