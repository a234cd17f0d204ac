"""Where the files shipped with noticegen live, in a wheel and in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _shipped(name: str) -> Path:
    # In a wheel the folders are force-included inside the package; in a checkout
    # (editable install, tests) they sit at the repository's top level.
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name


def templates_dir() -> Path:
    """The built-in templates: ``<lang>/`` folders and ``_shared/``."""
    return _shipped("templates")


def vocab_dir() -> Path:
    """The vocabulary data files (labels per language)."""
    return PACKAGE_DIR / "vocab"
