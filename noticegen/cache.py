"""A cache on disk of work that does not change between runs: parsed data files, compiled templates.

Reading the built-in vocabularies, the service catalogue and the language files as YAML, and
compiling the Jinja templates, cost more than everything else a small notice needs. Their
results depend only on the files' contents, so noticegen keeps them, as Python keeps
``__pycache__``:

- data: ``<cache>/data/<key>.pickle``, the key a hash of the file's path, size and mtime, the
  noticegen version and the Python version, so an edited or upgraded file is read afresh;
- templates: ``<cache>/jinja/``, Jinja's own bytecode cache (it checks each template's source);
- build records: ``<cache>/builds/<hash of the output folder>.json``, what `build` needs to
  skip a notice it built before (see noticegen.uptodate).

The folder is ``$NOTICEGEN_CACHE_DIR``, else the platform's cache folder (``$XDG_CACHE_HOME`` or
``~/.cache`` on Linux) + ``noticegen``. ``NOTICEGEN_NO_CACHE=1`` turns the cache off. A cache
that cannot be read or written is skipped silently: noticegen then does the work itself. Entries
are written atomically, so parallel builds may share the folder. Notices themselves are never
cached: a build record holds hashes, file identities and the diagnostics a build reported.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from noticegen import __version__

T = TypeVar("T")

ENV_DIR = "NOTICEGEN_CACHE_DIR"
ENV_OFF = "NOTICEGEN_NO_CACHE"
FORMAT = 1
"""Bumped when the layout of entries changes."""
KINDS = ("data", "jinja", "builds")
"""The cache's folders, one per kind of entry."""


def cache_dir() -> Path:
    """The cache folder, whether or not it exists yet."""
    given = os.environ.get(ENV_DIR)
    if given:
        return Path(given).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "noticegen" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "noticegen"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "noticegen"


def enabled() -> bool:
    return os.environ.get(ENV_OFF, "").strip().lower() in ("", "0", "false", "no")


def folder(kind: str) -> Path | None:
    """``<cache>/<kind>``, created on first use (private to the user); None when unusable."""
    if not enabled():
        return None
    return _folder(cache_dir(), kind)


@cache
def _folder(root: Path, kind: str) -> Path | None:
    path = root / kind
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return path


def load_file(path: Path, parse: Callable[[Path], T]) -> T:
    """``parse(path)``, or its result from the cache when ``path`` has not changed since.

    ``parse`` must return plain data (dicts, lists, text, numbers, dates) and depend only on
    the file's contents. Its exceptions pass through and nothing is cached for them.
    """
    where = folder("data")
    if where is None:
        return parse(path)
    try:
        stat = path.stat()
    except OSError:
        return parse(path)
    key = f"{FORMAT}\0{__version__}\0{sys.version}\0{path.resolve()}\0{stat.st_size}\0" \
          f"{stat.st_mtime_ns}\0{getattr(parse, '__qualname__', parse)}"
    entry = where / (hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()
                     + ".pickle")
    try:
        with entry.open("rb") as fh:
            value: T = pickle.load(fh)
        return value
    except Exception:  # a missing, unreadable or stale entry is a miss
        pass
    value = parse(path)
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # not plain data after all: used, not kept
        return value
    store(entry, data)
    return value


def store(entry: Path, data: bytes) -> None:
    """Write a cache entry atomically; one that cannot be written is skipped."""
    try:
        fd, temp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=entry.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(temp, entry)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def clear() -> int:
    """Delete every cache entry noticegen wrote; the number of files removed."""
    removed = 0
    root = cache_dir()
    for kind in KINDS:
        for path in sorted((root / kind).glob("*")) if (root / kind).is_dir() else ():
            try:
                path.unlink()
                removed += 1
            except OSError:
                continue
        with contextlib.suppress(OSError):
            (root / kind).rmdir()
    _folder.cache_clear()
    return removed


def read_yaml(path: Path) -> Any:
    """The data of a YAML file that noticegen ships or a user's template folder holds, cached.

    Read with PyYAML's safe C loader when it is there. Not for notices: they need positions.
    """
    return load_file(path, _parse_yaml)


def _parse_yaml(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
