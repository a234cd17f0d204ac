"""Atomic output: temp file in the target folder, fsync (syncfs for a batch), os.replace;
unchanged files are left alone. A batch is staged file by file and committed at once. Ctrl-C
and SIGTERM are held back while files are written (``interrupts.held``) and land after."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import cast

from noticegen.config import words
from noticegen.errors import OutputError
from noticegen.interrupts import held
from noticegen.l10n import tr

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_segment(name: str, default: str = "notice") -> str:
    """A name usable as one path segment: no separators, no leading dots, no odd characters."""
    cleaned = _UNSAFE.sub("-", name).strip("-.") or default
    return cleaned[:100]


def inside(root: Path, relative: str) -> Path:
    """``root/relative``, refusing any path that would leave ``root``."""
    base = root.resolve()
    target = (base / relative).resolve()
    if target != base and base not in target.parents:
        raise OutputError(tr(words(), "refusing to write outside {folder}: {file}", folder=root,
                             file=relative))
    return target


def write_atomic(path: str | os.PathLike[str], data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; False (and no write) when the file already holds it."""
    return bool(write_all({Path(path): data}))


def write_all(files: Mapping[Path, bytes], *, durable: bool = True) -> list[Path]:
    """Write many files so that a failure leaves every existing file as it was.

    Every changed file is first written to a temp file beside its target; only when all of them
    are ready and synced are they moved into place. Returns the paths that changed.
    ``durable=False`` leaves out the syncs, for a temporary folder (`preview`): readers still
    see each file whole, old or new, but a crash of the computer may lose them (the syncs of
    a notice's ten files took 30-110 ms of a rebuild on a shared disk).
    """
    with held(), Staging(durable=durable) as staging:  # Ctrl-C lands when every file is in place
        for target, data in files.items():
            staging.add(target, data)
        return staging.commit()


_BATCH = 64
"""From this many changed files on (a batch build), the new files' data is made durable with one
syncfs(2) per file system instead of one fsync per file and folder: those took 0.5 ms each here,
5 s of the 11,000 files that 1,000 notices make (benchmarks/README.md). Linux only; elsewhere
every file is synced on its own."""


class Staging:
    """Files staged one by one beside their targets and moved into place together.

    ``add`` writes a changed file's temp file at once, so a batch build holds one notice's
    output in memory at a time, not all of them; ``commit`` makes the data durable and renames
    every temp file onto its target. Leaving the ``with`` block without committing (an error,
    Ctrl-C) deletes the temp files and leaves every target as it was.
    """

    def __init__(self, *, durable: bool = True) -> None:
        self._staged: list[tuple[Path, Path]] = []  # (temp, target)
        self._made: list[Path] = []  # folders made for the temp files, removed by discard
        self._durable = durable  # False: no sync at all (write_all)
        self._deferred = _syncfs() is not None  # sync at commit: per file or per file system
        self._done = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._done:
            self.discard()

    def add(self, target: Path, data: bytes) -> bool:
        """Stage ``data`` for ``target``; False (and nothing staged) when the file holds it."""
        if _same(target, data):
            return False
        with held():
            self._made.extend(_missing(target.parent))
            self._staged.append((_stage(target, data, sync=self._durable and not self._deferred),
                                 target))
        return True

    def commit(self) -> list[Path]:
        """Move every staged file into place; the targets that changed."""
        with held():
            try:
                self._commit()
            except BaseException:
                self.discard()
                raise
        self._done = True
        return [target for _, target in self._staged]

    def discard(self) -> None:
        """Delete the temp files; no target is touched."""
        for temp, _ in self._staged:
            _discard(temp)
        for folder in reversed(self._made):  # deepest first; a folder in use stays
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._done = True

    def _commit(self) -> None:
        staged = self._staged
        deferred = self._durable and self._deferred
        batch = deferred and len(staged) >= _BATCH
        try:
            if batch:
                _sync_file_systems({temp.parent for temp, _ in staged})
            elif deferred:
                for temp, target in staged:
                    try:
                        _fsync(temp)
                    except OSError as exc:
                        raise _error(exc, target) from None
        except OSError as exc:
            raise _error(exc, staged[0][1].parent if staged else Path(exc.filename or "")) from None
        for _, target in staged:  # every rename that can be foreseen to fail, before the first
            _renamable(target)
        for temp, target in staged:
            try:
                os.replace(temp, target)
            except OSError as exc:
                raise _error(exc, target) from None
        folders = sorted({target.parent for _, target in staged})
        if batch:
            with contextlib.suppress(OSError):  # the renames' durability: best effort, as below
                _sync_file_systems(folders)
        elif self._durable:
            for folder in folders:
                _sync_dir(folder)


def _renamable(target: Path) -> None:
    """Refuse, naming ``target``, what would make its rename fail: a folder in its place (a
    rename cannot replace one). Checked for every file before the first is moved, so that a
    foreseeable failure leaves every earlier output as it was, not half of a notice updated."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _error(exc, target) from None
    if stat.S_ISDIR(mode):
        raise _error(OSError(errno.EISDIR, os.strerror(errno.EISDIR), str(target)), target)


def _missing(folder: Path) -> list[Path]:
    """The folders, outermost first, that writing into ``folder`` would create."""
    missing: list[Path] = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    return missing[::-1]


def _fsync(path: Path) -> None:
    """fsync a file or folder through a descriptor of its own (this flushes the file's data,
    whoever wrote it)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@cache
def _syncfs() -> Callable[[int], int] | None:
    """libc's syncfs(2) where there is one (Linux), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return cast("Callable[[int], int]", function)


def _sync_file_systems(folders: Iterable[Path]) -> None:
    """Flush everything written to the file systems holding ``folders``, once per file system."""
    syncfs = _syncfs()
    assert syncfs is not None
    done: set[int] = set()
    for folder in sorted(folders):
        fd = os.open(folder, os.O_RDONLY)
        try:
            device = os.fstat(fd).st_dev
            if device not in done and syncfs(fd) != 0:
                code = ctypes.get_errno()
                raise OSError(code, os.strerror(code), str(folder))
            done.add(device)
        finally:
            os.close(fd)


def _same(target: Path, data: bytes) -> bool:
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except OSError:
        return False


def _stage(target: Path, data: bytes, *, sync: bool = True) -> Path:
    """Write ``data`` to a temp file in ``target``'s folder (synced unless told not to) and
    return its path."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _error(exc, target) from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(temp, _mode(target))
    except BaseException as exc:
        _discard(temp)
        if isinstance(exc, OSError):
            raise _error(exc, target) from None
        raise
    return temp


def _mode(target: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0o666 minus the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _discard(temp: Path) -> None:
    with contextlib.suppress(OSError):
        temp.unlink()


def _sync_dir(folder: Path) -> None:
    """Make the rename durable; not every platform can open a folder."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        _fsync(folder)


def _error(exc: OSError, target: Path) -> OutputError:
    lang = words()
    where = target  # the output's own name, never the temp file's (`.index.html.k3j2x9.tmp`)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(tr(lang, "cannot write {file}: permission denied or read-only file "
                              "system", file=where),
                           hint=tr(lang, "choose another folder with --out, or fix its "
                                   "permissions"))
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return OutputError(tr(lang, "cannot write {file}: the disk is full", file=where),
                           hint=tr(lang, "free some space and build again; earlier output is "
                                   "unchanged"))
    if exc.errno in (errno.ENOTDIR, errno.EEXIST, errno.EISDIR):
        return OutputError(tr(lang, "cannot write {file}: a file is in the way of a folder (or "
                              "the other way round)", file=where),
                           hint=tr(lang, "remove it or choose another --out folder"))
    # the operating system's own words (in English), and its name for the error to look up
    return OutputError(tr(lang, "cannot write {file}: {reason}", file=where,
                          reason=exc.strerror or exc))


__all__ = ["Staging", "inside", "safe_segment", "write_all", "write_atomic"]
