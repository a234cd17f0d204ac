"""A cache on disk of work that does not change between runs: parsed data files, compiled templates.

Reading the built-in vocabularies, the service catalogue and the language files as YAML, and
compiling the Jinja templates, cost more than everything else a small notice needs. Their
results depend only on the files' contents, so noticegen keeps them, as Python keeps
``__pycache__``:

- data: ``<cache>/data/<key>.pickle``, the key a hash of the file's path, size and mtime, the
  noticegen version and the Python version, so an edited or upgraded file is read afresh;
- templates: ``<cache>/jinja/``, Jinja's own bytecode cache (it checks each template's source);
- build records: ``<cache>/builds/<hash of the output folder>.json``, what `build` needs to
  skip a notice it built before (see noticegen.builder.uptodate).

The folder is ``$NOTICEGEN_CACHE_DIR``, else the platform's cache folder (``$XDG_CACHE_HOME`` or
``~/.cache`` on Linux) + ``noticegen``. ``NOTICEGEN_NO_CACHE=1`` turns the cache off. A cache
that cannot be read or written is skipped silently: noticegen then does the work itself. Entries
are written atomically, so parallel builds may share the folder. Notices themselves are never
cached: a build record holds hashes, file identities and the diagnostics a build reported.

Pickles and compiled templates are code: loading one that someone else wrote runs what they
chose. ``NOTICEGEN_CACHE_DIR`` may point into a repository (a CI cache), where a pull request
can plant files. So every entry is signed with HMAC-SHA256 under a key of this user's, 32
random bytes kept in the platform's cache folder (never in ``$NOTICEGEN_CACHE_DIR``), readable
by the user only; an entry whose signature does not verify is a miss, and is never unpickled
or unmarshalled. Without a usable key (another owner, other users can read it) nothing is
cached. Build records are signed the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
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
FORMAT = 2
"""Bumped when the layout of entries changes (2: signed entries)."""
KEY_FILE = "key"
"""The signing key's file name, in the user's own cache folder (user_cache_dir)."""
KEY_BYTES = 32
_MAGIC = b"NGS1"
"""Starts every signed entry, before the 32-byte HMAC-SHA256 of the rest."""
KINDS = ("data", "jinja", "builds")
"""The cache's folders, one per kind of entry."""


def cache_dir() -> Path:
    """The cache folder, whether or not it exists yet."""
    given = os.environ.get(ENV_DIR)
    if given:
        return Path(given).expanduser()
    return user_cache_dir()


def user_cache_dir() -> Path:
    """The platform's cache folder for this user, whatever ``$NOTICEGEN_CACHE_DIR`` says."""
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
    payload = read_signed(entry)
    if payload is not None:
        try:
            value: T = pickle.loads(payload)  # signed by this user's key: written by noticegen
            return value
        except Exception:  # a stale entry is a miss
            pass
    value = parse(path)
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # not plain data after all: used, not kept
        return value
    store_signed(entry, data)
    return value


@cache
def secret_key() -> bytes | None:
    """This user's signing key, made on first use; None when there is no trustworthy one.

    It lives in user_cache_dir(), created readable and writable by the user only. A key file
    that is not a regular file of exactly 32 bytes, belongs to someone else or that others
    can read or write is not used (then nothing is cached: noticegen does the work itself).
    """
    if not enabled():
        return None
    folder = user_cache_dir()
    path = folder / KEY_FILE
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = _read_key(path)
        if key is None and not path.exists():
            key = _make_key(path)
        return key
    except OSError:
        return None


def _read_key(path: Path) -> bytes | None:
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size != KEY_BYTES:
            return None
        if os.name == "posix" and (st.st_uid != os.geteuid() or st.st_mode & 0o077):
            return None
        key = fh.read(KEY_BYTES + 1)
    return key if len(key) == KEY_BYTES else None


def _make_key(path: Path) -> bytes | None:
    """A new key, written whole before it gets its name (os.link fails if another process
    made one first: then that one is used)."""
    import secrets

    key = secrets.token_bytes(KEY_BYTES)
    fd, temp = tempfile.mkstemp(prefix=".key.", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(temp, path)
        except FileExistsError:
            return _read_key(path)
        return key
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def sign(payload: bytes) -> bytes | None:
    """``payload`` as a signed entry; None without a key."""
    key = secret_key()
    if key is None:
        return None
    return _MAGIC + hmac.digest(key, payload, "sha256") + payload


def verified(data: bytes) -> bytes | None:
    """The payload of a signed entry, or None unless this user's key signed it."""
    key = secret_key()
    head = len(_MAGIC) + 32
    if key is None or len(data) < head or not data.startswith(_MAGIC):
        return None
    payload = data[head:]
    if not hmac.compare_digest(data[len(_MAGIC):head], hmac.digest(key, payload, "sha256")):
        return None
    return payload


def read_signed(entry: Path) -> bytes | None:
    """The payload of a cache entry this user's noticegen wrote; None for a missing, unreadable,
    unsigned or forged one."""
    if secret_key() is None:
        return None
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    return verified(data)


def store_signed(entry: Path, payload: bytes) -> None:
    """Write a signed cache entry atomically; nothing without a key."""
    data = sign(payload)
    if data is not None:
        store(entry, data)


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
    secret_key.cache_clear()
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
