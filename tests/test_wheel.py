"""The wheel carries templates, schemas, vocabularies and the catalogue, and works when installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # --no-isolation: hatchling comes from the test extra, so no network is needed.
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(out), str(ROOT)], check=True, capture_output=True)
    (path,) = out.glob("noticegen-*.whl")
    return path


def test_wheel_contains_the_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "noticegen/schemas/notice.schema.json" in names
    assert "noticegen/vocab/legal_bases.yaml" in names
    assert any(n.startswith("noticegen/templates/fi/") for n in names)
    assert any(n.startswith("noticegen/templates/en/") for n in names)
    assert any(n.startswith("noticegen/catalog/services/") for n in names)
    for lang in ("en", "fi", "sv"):  # the compiled message catalogues (docs/translating.md)
        assert f"noticegen/locale/{lang}/LC_MESSAGES/noticegen.mo" in names


def isolated_venv(env_dir: Path) -> Path:
    """A venv that sees the dependencies this test run uses, and nothing installed system-wide.

    Not system_site_packages=True: inside scripts/test.sh's .venv the "system" is the
    interpreter .venv was made from, which need not have typer or anything else. The .pth file
    adds the running environment's site-packages (the locked versions) after the venv's own,
    without running that folder's .pth files, so the editable noticegen there stays out of sight.
    """
    venv.create(env_dir, with_pip=True, symlinks=os.name != "nt")
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    where = "import sysconfig; print(sysconfig.get_path('purelib'))"
    purelib = subprocess.run([bindir / "python", "-c", where],
                             check=True, capture_output=True, text=True).stdout.strip()
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(purelib) / "_test_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    return bindir


def test_isolated_venv_does_not_see_system_packages(tmp_path: Path) -> None:
    bindir = isolated_venv(tmp_path / "venv")
    seen = subprocess.run([bindir / "python", "-c", "import sys; print('\\n'.join(sys.path))"],
                          check=True, capture_output=True, text=True).stdout.split("\n")
    base = {sysconfig.get_path("purelib", vars={"base": sys.base_prefix, "platbase": sys.base_prefix})}
    assert not base & set(seen) or sys.prefix == sys.base_prefix
    assert sysconfig.get_path("purelib") in seen


def test_installed_wheel_runs(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    bindir = isolated_venv(env_dir)
    subprocess.run([bindir / "python", "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
                   check=True, capture_output=True)
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(ROOT / "examples" / "qualitydesk.yaml", work)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run([bindir / "python", "-c", "import noticegen; print(noticegen.__file__)"],
                           cwd=work, env=env, capture_output=True, text=True, check=True)
    assert str(env_dir) in where.stdout, "noticegen was not imported from the installed wheel"
    run = subprocess.run([bindir / "noticegen", "check", "qualitydesk.yaml"], cwd=work, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    finnish = subprocess.run([bindir / "noticegen", "check", "qualitydesk.yaml"], cwd=work,
                             env={**env, "LANG": "fi_FI.UTF-8", "LC_ALL": "", "LC_MESSAGES": "",
                                  "NOTICEGEN_LANG": ""}, capture_output=True, text=True)
    assert "Tarkistettiin 1 tiedosto" in finnish.stderr, finnish.stderr  # the catalogues ship
    built = subprocess.run([bindir / "noticegen", "build", "qualitydesk.yaml", "--out", "site"],
                           cwd=work, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    page = (work / "site" / "qualitydesk" / "fi" / "index.html").read_text(encoding="utf-8")
    assert "Tietosuojavaltuutetun toimisto" in page  # vocabulary shipped in the wheel
    assert (work / "site" / "qualitydesk" / "noticegen.css").is_file()  # _shared templates
