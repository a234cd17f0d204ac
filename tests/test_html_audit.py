"""Every built page and fragment passes the Nu Html Checker and axe-core, at 1280 and 390 px."""

from __future__ import annotations

from pathlib import Path

import browser
import pytest
from typer.testing import CliRunner

from noticegen.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, full_notice_file: Path) -> Path:
    """The examples, and a notice with every optional part, so that every template branch runs."""
    out = tmp_path_factory.mktemp("site")
    for example in [*EXAMPLES, full_notice_file]:
        result = CliRunner().invoke(app, ["build", str(example), "--out", str(out),
                                          "--format", "page,fragment"])
        assert result.exit_code == 0, result.output
    return out


def _check(results: list[dict[str, object]]) -> None:
    failures = [browser.describe(r) for r in results
                if r["vnu_errors"] or r["axe_violations"] or r["blocked"] or r["failed"]]
    assert not failures, "\n\n".join(failures)


def png_width(path: Path) -> int:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return int.from_bytes(data[16:20], "big")


def test_pages_pass_vnu_and_axe(built: Path, tmp_path: Path) -> None:
    browser.require_browser()
    pages = sorted(built.glob("*/*/index.html"))
    assert pages
    for page in pages:  # one call per page: every page is called index.html
        shots = tmp_path / "screenshots" / f"{page.parent.parent.name}-{page.parent.name}"
        (result,) = browser.audit([page], screenshot_dir=shots)
        _check([result])
        widths = sorted(png_width(Path(str(shot))) for shot in result["screenshots"])  # type: ignore[attr-defined]
        assert widths == [390, 1280], result["screenshots"]


def test_fragments_pass_vnu_and_axe(built: Path) -> None:
    browser.require_browser()
    fragments = sorted(built.glob("*/*/fragment.html"))
    assert fragments
    _check(browser.audit(fragments, fragment=True))


def test_pages_and_fragments_run_no_script(built: Path) -> None:
    browser.require_browser()
    files = sorted(built.glob("*/*/*.html"))
    for result in browser.probe_scripts(files):
        evidence = browser.probe_evidence(result)
        # The page's own stylesheet (one folder up, shared by the languages) is no script.
        evidence["requests"] = [r for r in evidence.get("requests", [])
                                if not (r["resourceType"] == "stylesheet"
                                        and r["url"].startswith(built.as_uri()))]
        assert {k: v for k, v in evidence.items() if v} == {}, result


def test_short_notices_pass_vnu_and_axe(tmp_path: Path, full_notice_file: Path) -> None:
    browser.require_browser()
    for example in [*EXAMPLES, full_notice_file]:
        result = CliRunner().invoke(app, ["build", str(example), "--out", str(tmp_path),
                                          "--format", "short"])
        assert result.exit_code == 0, result.output
    snippets = sorted(tmp_path.glob("*/*/short/*.html"))
    assert len(snippets) >= 7
    _check(browser.audit(snippets, fragment=True))
