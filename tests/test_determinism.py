"""Determinism: the same notices give byte-identical output whatever the environment.

Two `noticegen build` processes differ in time zone, locale, hash seed, working folder and the
order of the file arguments; every file they write must be the same, byte for byte. Rebuilding
with nothing changed rewrites nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from strategies import BASE_NOTICE

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"

ENVIRONMENTS = (
    {"TZ": "Pacific/Kiritimati", "LANG": "C", "PYTHONHASHSEED": "1"},
    {"TZ": "America/Los_Angeles", "LANG": "fi_FI.UTF-8", "PYTHONHASHSEED": "12345"},
)


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE", "TZ", "PYTHONHASHSEED")}
    return {**env, **extra}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _many_items() -> str:
    """A notice with several registers, recipients and cookies, written in a shuffled order."""
    data = yaml.safe_load(BASE_NOTICE)
    data["recipients"] += [{"id": f"r{i}", "name": f"Recipient {i}", "role": "processor",
                            "country": c} for i, c in enumerate(["NO", "SE", "FI", "IE", "DE"])]
    data["cookies"] += [{"name": n, "category": cat, "duration": "P1Y", "provider": p, "party": "third",
                         "purpose": {"fi": f"Eväste {n}", "en": f"Cookie {n}"}}
                        for n, cat, p in [("zeta", "marketing", "r0"), ("alpha", "statistics", "r3"),
                                          ("_mid", "preferences", "r1"), ("Beta", "marketing", "r4")]]
    data["registers"][0]["purposes"][0]["recipients"] = ["r3", "mailer", "r0", "r2", "r1", "r4"]
    # the cookies that need consent serve the purpose on consent (NG409)
    data["registers"][0]["purposes"][1]["recipients"] = ["r4", "mailer", "r0", "r3", "r1"]
    data["registers"][0]["data_categories"] = ["phone_number", "name", "email_address",
                                               {"label": {"fi": "Öljy", "en": "Oil"}},
                                               {"label": {"fi": "Ääni", "en": "Voice"}}]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("sources")
    paths = [folder / "qualitydesk.yaml", folder / "base.yaml", folder / "many.yaml"]
    paths[0].write_bytes(EXAMPLE.read_bytes())
    paths[1].write_text(BASE_NOTICE, encoding="utf-8")
    paths[2].write_text(_many_items(), encoding="utf-8")
    return paths


def _build(files: list[Path], out: Path, env: dict[str, str], cwd: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "noticegen", "build", *map(str, files), "--out", str(out)],
                          capture_output=True, text=True, env=_env(env), cwd=cwd, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_builds_in_different_environments_are_byte_identical(sources: list[Path], tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    (tmp_path / "cwd").mkdir()
    _build(sources, first, ENVIRONMENTS[0], cwd=tmp_path)
    _build(sources[::-1], second, ENVIRONMENTS[1], cwd=tmp_path / "cwd")
    a, b = _files(first), _files(second)
    # 10 notice files and 4 consent-banner files each, and the short notices (fi, en; HTML and
    # text) of the one register of the example, the only notice here that gives notice.url
    assert len(a) == 3 * 14 + 4
    assert a.keys() == b.keys()
    different = [name for name in a if a[name] != b[name]]
    assert different == []


def test_a_rebuild_with_nothing_changed_touches_nothing(sources: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(sources[:1], out, ENVIRONMENTS[0], cwd=tmp_path)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    inodes = {p: p.stat().st_ino for p in before}
    _build(sources[:1], out, ENVIRONMENTS[1], cwd=tmp_path)
    after = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert {p: p.stat().st_ino for p in after} == inodes
