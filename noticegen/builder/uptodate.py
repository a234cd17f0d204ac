"""Which notices of a build are already built, exactly as this build would build them.

`noticegen build` keeps a record per output folder, in the cache (``<cache>/builds/``): for
every notice it wrote, a key and the identity of each file it left in the folder. The key is a
hash of everything the notice's files and messages depend on:

- the bytes the notice was checked from (a file saved again during the build is recorded as
  what was built, not what was on disk before) and the path it was given by;
- the build's options: every field of its ``batch.Job`` (``dataclasses.astuple``, so that an
  option added there is covered without a change here), every field of the project settings
  that apply to the file, and the language diagnostics are written in;
- the contents of noticegen itself (the size and times of every file of the package and of
  its templates), of a ``--templates`` folder, and of the libraries that render and validate
  (Jinja, MarkupSafe, Babel, markdown-it, Pydantic, PyYAML), and the Python version.

A notice is skipped only when its key is the one recorded *and* every file recorded for it is
still the very file the build left there: same inode, size, modification and change time, as
Git's index checks a work tree. A file changed within a few seconds before it was recorded
could be changed again within the same tick of the file system's clock without its times
showing it (Git's "racy clean" files), so such a file is also compared by its content's
hash, taken from the bytes the build wrote. The files a build writes are all that recent
when it records them, so a later build that reads them and finds them as built records the
time of that reading instead (as ``git status`` refreshes Git's index): from then on their
identities alone decide, and a rebuild reads no output file. A file deleted, edited or replaced
in the meantime gets the notice rebuilt. The skipped notice's diagnostics are replayed from the
record, so the report is the same.

Nothing is recorded for standard input or ``--check`` (which always compares for real), and
nothing is read or kept with ``NOTICEGEN_NO_CACHE=1``; ``--force`` rebuilds every notice and
records it anew. A record that cannot be read is an empty one, and one that cannot be written
is skipped: the next build then does the work.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import astuple, dataclass, field
from importlib.util import find_spec
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Any

from noticegen import __version__, config
from noticegen import cache as disk
from noticegen.diagnostics import Diagnostic, Severity
from noticegen.l10n import N_, Translated
from noticegen.resources import PACKAGE_DIR, templates_dir

if TYPE_CHECKING:
    from noticegen.builder.batch import Job

FORMAT = 2
"""Bumped when the record's layout or what a key covers changes."""

LIBRARIES = ("jinja2", "markupsafe", "babel", "markdown_it", "mdurl", "pydantic",
             "pydantic_core", "yaml")
"""The libraries whose version can change a notice's files or diagnostics."""

Stat = list[int]
"""What tells one version of a file from another without reading it: inode, size, times."""
RACY_NS = 3_000_000_000
"""Files changed this close to (or after) their recording are compared by content: wider
than the coarsest file-system clock noticegen may meet (FAT: 2 s)."""


@dataclass
class Step:
    """One notice file of a build: what the plan says of it, then what building it did."""

    path: str
    folder: Path
    """Where its files go: OUT/<its stem>."""
    base: str | None = None
    """What its up-to-date key covers besides its content (see ``base``); None: the build is
    not recorded (standard input, --check, no cache)."""
    entry: Entry | None = None
    """The record of a build of this notice as this build would build it: skipped."""
    reason: Translated | None = None
    """Why it is built and not skipped (shown with --verbose), in every message language."""
    names: list[str] = field(default_factory=list)
    """The files built (or left, when skipped), relative to ``folder``."""
    changed: int = 0
    languages: tuple[str, ...] = ()
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: str = ""
    """The SHA-256 of the input it was built from (empty: nothing to record)."""
    digests: dict[str, str] = field(default_factory=dict)
    """Each built file's name and the SHA-256 of its content, for the record."""

    def skip(self, entry: Entry) -> None:
        """Take what the record says of the files this notice left: they stay as they are."""
        self.names, self.languages = list(entry.files), entry.languages
        self.diagnostics = entry.diagnostics


def plan(files: list[str], folders: list[Path], job: Job, *, record: Record | None,
         force: bool) -> list[Step]:
    """One step per notice file, in order: whether it is already built as this build would
    build it (skipped), or why it is built."""
    steps = [Step(path, folder) for path, folder in zip(files, folders, strict=True)]
    if record is None:
        return steps
    # Diagnostics are written in the language --lang, the settings or the locale choose.
    locale = tuple(os.environ.get(name, "")
                   for name in ("NOTICEGEN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"))
    shared = environment(job.templates)
    for step in steps:
        if step.path == "-":
            continue
        step.base = base(shared, step.path, job, config.settings_for(step.path), locale)
        if force:
            step.reason = Translated(N_("--force was given"))
            continue
        source = file_digest(step.path)
        if source is None:  # unreadable: the check reports it
            continue
        found = record.lookup(step.folder, step.base, source)
        if isinstance(found, Translated):
            step.reason = found
        else:
            step.entry = found
    return steps


@dataclass(frozen=True)
class Entry:
    """One notice as the record remembers it."""

    key: str
    files: dict[str, tuple[Stat, str]]
    """File name relative to the notice's folder -> identity and SHA-256 of the file left."""
    recorded: int
    """When the files' identities were taken (ns since the epoch)."""
    languages: tuple[str, ...]
    diagnostics: list[Diagnostic]

    def changed(self, folder: Path) -> Translated | None:
        """Why the files in ``folder`` are not all the ones the build left there, or None."""
        for name, (stat, digest) in self.files.items():
            path = folder / name
            now = _identity(path)
            if now is None:
                return Translated(N_("{file} is missing"), file=name)
            if now != stat:
                return Translated(N_("{file} was changed or replaced"), file=name)
            if max(stat[2], stat[3]) >= self.recorded - RACY_NS and file_digest(path) != digest:
                return Translated(N_("{file} was changed"), file=name)
        return None if self.files else Translated(N_("no file was recorded"))

    def racy(self) -> bool:
        """Whether ``changed`` had to read a file: one changed close to its recording."""
        return any(max(stat[2], stat[3]) >= self.recorded - RACY_NS
                   for stat, _ in self.files.values())


class Record:
    """The notices built into one output folder, and what they were built from."""

    def __init__(self, path: Path, entries: dict[str, Any]) -> None:
        self._path = path
        self._entries = entries
        self._changed = False

    @classmethod
    def open(cls, out: Path) -> Record | None:
        """The record of ``out`` (empty when there is none); None when the cache is off."""
        where = disk.folder("builds")
        if where is None:
            return None
        name = digest(str(out.resolve()).encode("utf-8"))[:32]
        path = where / f"{name}.json"
        signed = disk.read_signed(path)  # a record planted in a shared folder is not one
        if signed is None:
            return cls(path, {})
        try:
            data = json.loads(signed)
        except ValueError:
            return cls(path, {})
        ok = isinstance(data, dict) and data.get("format") == FORMAT
        entries = data.get("notices") if ok else None
        return cls(path, entries if isinstance(entries, dict) else {})

    def lookup(self, folder: Path, base: str, source: str) -> Entry | Translated:
        """The notice built into ``folder`` from ``base`` and the input ``source`` (its
        SHA-256) if its files are still as left; else why it must be built."""
        raw = self._entries.get(folder.name)
        if not isinstance(raw, dict):
            return Translated(N_("not built into this folder before"))
        if raw.get("key") != key(base, source):
            if raw.get("source") != source:
                return Translated(N_("the notice file changed"))
            return Translated(N_("the options, project settings, locale, templates or noticegen "
                                 "changed"))
        try:
            entry = Entry(raw["key"], {str(name): (list(stat), str(digest))
                                       for name, (stat, digest) in raw["files"].items()},
                          int(raw["recorded"]), tuple(raw["languages"]),
                          [_diagnostic(d) for d in raw["diagnostics"]])
        except (KeyError, TypeError, ValueError):
            return Translated(N_("its record is damaged"))
        checked = time.time_ns()
        reason = entry.changed(folder)
        if reason is not None:
            return reason
        if entry.racy():
            # Read now and found as built: their identities decide from here on, unless they
            # are still this recent (else every later build would read every file again).
            raw["recorded"] = checked
            self._changed = True
        return entry

    def remember(self, step: Step) -> None:
        """Record a notice built by ``step`` whose files are now in place."""
        if step.base is None or not step.source or step.entry is not None:
            return  # not to be recorded, or skipped: its entry stays as it is
        recorded = time.time_ns()
        folder = step.folder
        files = {name: (_identity(folder / name), value) for name, value in step.digests.items()}
        self._changed = True
        if any(stat is None for stat, _ in files.values()):
            self._entries.pop(folder.name, None)  # not all there: never skip it
            return
        self._entries[folder.name] = {
            "key": key(step.base, step.source), "source": step.source, "files": files,
            "recorded": recorded, "languages": list(step.languages),
            "diagnostics": [_plain(d) for d in step.diagnostics]}

    def save(self) -> None:
        """Write the record atomically (skipped when the cache cannot be written)."""
        if self._changed:
            disk.store_signed(self._path, json.dumps({"format": FORMAT, "notices": self._entries},
                                                     separators=(",", ":"), sort_keys=True).encode())


def environment(user_dir: Path | None) -> str:
    """What every key of one build shares, hashed: noticegen's files, a --templates folder's,
    the libraries' and Python's version. Read afresh for each build (a few ms)."""
    templates = templates_dir()  # inside the package in a wheel, beside it in a checkout
    shipped = None if templates.is_relative_to(PACKAGE_DIR) else templates
    parts = [str(FORMAT), __version__, sys.version, _folder_identity(PACKAGE_DIR),
             _folder_identity(shipped), _folder_identity(user_dir)]
    for name in LIBRARIES:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        parts.append(f"{name}={origin}:{_identity(Path(origin)) if origin else None}")
    return digest("\n".join(parts).encode("utf-8", "surrogateescape"))


def base(environment: str, path: str, job: Job, settings: config.Settings,
         locale: tuple[str, ...]) -> str:
    """What a notice file's key covers besides its content: ``environment``, the path it was
    given by, every field of the build's job and of the project settings that apply to it,
    and what chooses the language of its diagnostics (the global --lang, the locale)."""
    covered = (path, astuple(job), astuple(settings), config.MESSAGE_LANG, locale)
    return f"{environment}\0{covered!r}"


def key(base: str, source: str) -> str:
    """The key of a notice: its ``base`` and the SHA-256 of its bytes (``source``)."""
    return digest(f"{base}\0{source}".encode("utf-8", "surrogateescape"))


def _folder_identity(folder: Path | None) -> str:
    """Every file under ``folder`` (bytecode caches aside) with its identity, as one string."""
    if folder is None:
        return ""
    lines = [str(folder)]
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            lines.append(f"{os.path.join(root, name)}:{_identity(Path(root, name))}")
    return "\n".join(lines)


def _identity(path: Path) -> Stat | None:
    """What tells one version of a file from another without reading it (as Git's index)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def digest(data: bytes) -> str:
    """How a file's content is recorded."""
    return hashlib.sha256(data).hexdigest()


def file_digest(path: str | Path) -> str | None:
    """The SHA-256 of a file as it is now; None when it cannot be read (a notice file's build
    then reports why, as it does for anything but a regular file: a FIFO is not read here, where
    it would block for ever)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        if not S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            return digest(fh.read())
    except OSError:
        return None
    finally:
        if fd >= 0:
            os.close(fd)


def _plain(d: Diagnostic) -> list[Any]:
    return [d.file, d.line, d.column, d.severity.value, d.code, d.message, d.hint,
            list(d.loc), d.name]


def _diagnostic(raw: list[Any]) -> Diagnostic:
    file, line, column, severity, code, message, hint, loc, name = raw
    return Diagnostic(str(file), int(line), int(column), Severity(severity), str(code),
                      str(message), str(hint), tuple(loc), str(name))


__all__ = ["Entry", "Record", "Step", "base", "digest", "environment", "file_digest", "key",
           "plan"]
