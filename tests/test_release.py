"""The first release can be made as docs/releasing.md says, and installed as the guides say.

The version is written once (noticegen/__init__.py); `python -m build` makes an sdist and,
from it, a wheel that pass `twine check --strict`; the CHANGELOG and the docs name the same
version; and the install commands of both getting-started guides are taken from the pages and
run, as far as they can run without the network or a tag that does not exist yet.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from noticegen import __version__

ROOT = Path(__file__).resolve().parent.parent
GUIDES = [ROOT / "docs" / "getting-started.md", ROOT / "docs" / "getting-started.fi.md"]
REPOSITORY = "https://github.com/noticegen/noticegen"
TAG = f"v{__version__}"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    # As docs/releasing.md does; --no-isolation: hatchling comes from the lock, not the network.
    # Without --sdist/--wheel, build makes the sdist and then the wheel from the sdist, so a
    # file missing from the sdist breaks the wheel.
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return {"sdist": sdist, "wheel": wheel}


def test_the_version_is_written_in_one_place() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "noticegen/__init__.py"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_build_makes_an_sdist_and_a_wheel_of_this_version(dists: dict[str, Path]) -> None:
    assert dists["sdist"].name == f"noticegen-{__version__}.tar.gz"
    assert dists["wheel"].name == f"noticegen-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(dists["wheel"]) as wheel:
        metadata = wheel.read(f"noticegen-{__version__}.dist-info/METADATA").decode()
    assert f"\nVersion: {__version__}\n" in metadata
    with tarfile.open(dists["sdist"]) as sdist:
        names = sdist.getnames()
    top = f"noticegen-{__version__}"
    for needed in ("pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE", "noticegen/__init__.py",
                   "templates/fi/", "schemas/notice.schema.json"):
        assert any(n == f"{top}/{needed}" or n.startswith(f"{top}/{needed}") for n in names), needed


def test_twine_check_passes(dists: dict[str, Path]) -> None:
    proc = subprocess.run([sys.executable, "-m", "twine", "check", "--strict",
                           str(dists["sdist"]), str(dists["wheel"])],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("PASSED") == 2


def test_the_changelog_has_a_section_for_the_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\] - ", text, re.MULTILINE)
    assert f"[{__version__}]: {REPOSITORY}/releases/tag/{TAG}" in text


def test_docs_name_the_release_tag_and_no_package_index_install() -> None:
    pages = [*GUIDES, ROOT / "docs" / "ci.md", ROOT / ".pre-commit-hooks.yaml"]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        # not on PyPI: no command line installs it from there
        assert not re.search(r"(?m)^\s*(?:- (?:run: )?)?pipx? install noticegen\b", text), page
        for rev in re.findall(r"rev: (\S+)", text):
            assert rev == TAG, page
        for url in re.findall(r"git\+https://\S+?(?=[\"'\s`])", text):
            assert url == f"git+{REPOSITORY}@{TAG}", page


def install_commands(page: Path) -> list[list[str]]:
    """The `pipx install …` lines of the page's ```sh blocks, as argument lists."""
    blocks = re.findall(r"^ *```sh\n(.*?)^ *```", page.read_text(encoding="utf-8"), re.M | re.S)
    return [shlex.split(line) for block in blocks for line in block.splitlines()
            if line.strip().startswith("pipx install")]


@pytest.mark.parametrize("page", GUIDES, ids=lambda p: p.name)
def test_the_guides_document_the_same_three_install_commands(page: Path) -> None:
    assert [c[2] for c in install_commands(page)] == [
        f"git+{REPOSITORY}@{TAG}", f"./noticegen-{__version__}-py3-none-any.whl", "./noticegen"]


def _pipx(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIPX_", "PYTHONPATH"))}
    env |= {"PIPX_HOME": str(home / "pipx"), "PIPX_BIN_DIR": str(home / "bin"),
            "PIPX_MAN_DIR": str(home / "man"), "PIPX_DEFAULT_PYTHON": sys.executable}
    tool = Path(sys.executable).with_name("pipx")
    return subprocess.run([str(tool), *args], capture_output=True, text=True, env=env,
                          cwd=home, check=False, timeout=600)


@pytest.mark.parametrize("form", ["wheel", "checkout"])
def test_a_documented_pipx_install_works(form: str, dists: dict[str, Path], tmp_path: Path) -> None:
    """The wheel and checkout commands run as written, in the folder the guides say. As for a
    user, pip takes noticegen's dependencies (and hatchling, to build the checkout) from PyPI:
    this test needs the package index, as scripts/test.sh does. The git+…@v0.1.0 form also
    needs the tag, which the release makes; test_docs_name_the_release_tag checks its text."""
    (command,) = [c for c in install_commands(GUIDES[0]) if c[2].startswith("./") and
                  (c[2].endswith(".whl") == (form == "wheel"))]
    if form == "wheel":
        shutil.copy(dists["wheel"], tmp_path)
    else:  # the sdist holds the source as a ZIP download or a clone does
        with tarfile.open(dists["sdist"]) as sdist:
            sdist.extractall(tmp_path, filter="data")
        (tmp_path / f"noticegen-{__version__}").rename(tmp_path / "noticegen")
    proc = _pipx(tmp_path, *command[1:])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    app = tmp_path / "bin" / "noticegen"
    version = subprocess.run([str(app), "--version"], capture_output=True, text=True, check=False)
    assert version.stdout == f"noticegen {__version__}\n", version.stderr
    shutil.copy(ROOT / "examples" / "qualitydesk.yaml", tmp_path)
    check = subprocess.run([str(app), "check", "qualitydesk.yaml"], cwd=tmp_path,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    where = subprocess.run([str(tmp_path / "pipx" / "venvs" / "noticegen" / "bin" / "python"), "-I", "-c",
                            "import noticegen; print(noticegen.__file__)"],
                           capture_output=True, text=True, check=True)
    assert str(tmp_path / "pipx") in where.stdout  # the installed copy, not the checkout
