"""Self-tests of the browser harness (tests/browser.py): vnu, axe-core and the script probe.

Each check is shown to pass a good page and to catch a bad one, so a green browser test elsewhere
means something.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import browser
import pytest

pytestmark = pytest.mark.browser

GOOD_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Privacy notice</title>
<link rel="stylesheet" href="site.css">
</head>
<body>
<header><p>Example Oy</p></header>
<main>
<h1>Privacy notice</h1>
<h2 id="controller">Controller</h2>
<p>Example Oy, <a href="mailto:privacy@example.com">privacy@example.com</a>.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Example Oy logo" width="1" height="1">
<table>
<caption>Recipients</caption>
<thead><tr><th scope="col">Recipient</th><th scope="col">Country</th></tr></thead>
<tbody><tr><td>Payroll Ltd</td><td>Finland</td></tr></tbody>
</table>
</main>
</body>
</html>
"""

GOOD_CSS = "body { color: #111; background: #fff; font-family: sans-serif; }\n"

# One page, three faults: an unclosed <div>, an <img> without alt, a duplicated id.
BAD_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Broken notice</title>
</head>
<body>
<main>
<h1>Broken notice</h1>
<div>
<p id="dup">One</p>
<p id="dup">Two</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1">
</main>
</body>
</html>
"""

FRAGMENT = """<section lang="fi" aria-labelledby="h">
<h2 id="h">Rekisterinpitäjä</h2>
<p>Esimerkki Oy</p>
<ul><li>Sähköposti: <a href="mailto:tietosuoja@example.fi">tietosuoja@example.fi</a></li></ul>
</section>
"""


@pytest.fixture(autouse=True)
def _tools() -> None:
    browser.require_browser()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# Each audit call starts a JVM and a browser (2-3 s), so the pages are audited together, once.
@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    browser.require_browser()
    tmp = tmp_path_factory.mktemp("pages")
    _write(tmp, "site.css", GOOD_CSS)
    files = {
        "good": _write(tmp, "good.html", GOOD_PAGE),
        "bad": _write(tmp, "bad.html", BAD_PAGE),
        "fragment-as-page": _write(tmp, "section.html", FRAGMENT),
    }
    results = browser.audit(files.values(), screenshot_dir=tmp / "shots")
    return dict(zip(files, results, strict=True))


@pytest.fixture(scope="module")
def fragments(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    browser.require_browser()
    tmp = tmp_path_factory.mktemp("fragments")
    files = {
        "section": _write(tmp, "section.html", FRAGMENT),
        "dup": _write(tmp, "dup.html", '<div lang="en">\n<p id="a">x</p>\n<p id="a">y</p>\n</div>\n'),
    }
    results = browser.audit(files.values(), fragment=True)
    return dict(zip(files, results, strict=True))


def test_valid_page_passes(pages: dict[str, dict[str, Any]]) -> None:
    r = pages["good"]
    assert r["file"].endswith("good.html")
    assert r["passed"] and r["verdict"] == "PASS", browser.describe(r)
    assert r["vnu_errors"] == [] and r["vnu_warnings"] == [], browser.describe(r)
    assert r["axe_violations"] == [], browser.describe(r)
    # The stylesheet loaded (axe's own CSSOM re-read of it over file:// is not a failure).
    assert r["failed"] == [] and r["blocked"] == []


def test_invalid_page_fails_with_the_expected_errors(pages: dict[str, dict[str, Any]]) -> None:
    r = pages["bad"]
    assert not r["passed"] and r["verdict"] == "FAIL"
    vnu = " | ".join(m["message"] for m in r["vnu_errors"])
    assert "Unclosed element “div”" in vnu or "End tag “main” seen, but there were open elements" in vnu, vnu
    assert "Duplicate ID “dup”" in vnu, vnu
    assert "An “img” element must have an “alt” attribute" in vnu, vnu
    assert all(m["line"] is not None and m["line"] > 0 for m in r["vnu_errors"])
    image_alt = [v for v in r["axe_violations"] if v["id"] == "image-alt"]
    assert image_alt and image_alt[0]["impact"] == "critical", browser.describe(r)
    assert "bad.html: FAIL" in browser.describe(r)


def test_screenshots(pages: dict[str, dict[str, Any]]) -> None:
    shots = pages["good"]["screenshots"]
    assert sorted(Path(s).name for s in shots) == ["good-desktop.png", "good-mobile.png"]
    assert all(Path(s).stat().st_size > 1000 for s in shots)


def test_fragment_is_wrapped_and_passes(
    pages: dict[str, dict[str, Any]], fragments: dict[str, dict[str, Any]]
) -> None:
    # As a page the fragment lacks a doctype, <title> and lang; wrapped it is fine.
    assert not pages["fragment-as-page"]["passed"]
    r = fragments["section"]
    assert r["passed"], browser.describe(r)
    assert r["vnu_errors"] == [] and r["axe_violations"] == [], browser.describe(r)
    assert any('lang="fi"' in n for n in r["raw"]["notes"])


def test_fragment_line_numbers_refer_to_the_fragment(fragments: dict[str, dict[str, Any]]) -> None:
    r = fragments["dup"]
    assert not r["passed"]
    dup = [m for m in r["vnu_errors"] if "Duplicate ID" in m["message"]]
    assert [m["line"] for m in dup] == [3], browser.describe(r)


def test_probe_sees_scripts_and_nothing_on_an_inert_page(tmp_path: Path) -> None:
    _write(tmp_path, "site.css", GOOD_CSS)
    inert = _write(tmp_path, "inert.html", GOOD_PAGE)
    script = _write(tmp_path, "script.html", GOOD_PAGE.replace("<main>", "<main><script>alert(1)</script>"))
    onerror = _write(
        tmp_path, "onerror.html", GOOD_PAGE.replace("<main>", "<main><img src=x onerror=alert(1)>")
    )

    inert_r, script_r, onerror_r = browser.probe_scripts([inert, script, onerror])

    assert inert_r["file"] == str(inert)
    assert browser.probe_evidence(inert_r) == {}

    assert [d["message"] for d in script_r["dialogs"]] == ["1"]
    assert [s["source"] for s in script_r["scripts"]] == ["alert(1)"]
    assert script_r["requests"] == []

    # The broken image is requested, its error handler is compiled and runs.
    assert [d["message"] for d in onerror_r["dialogs"]] == ["1"]
    assert [s["source"] for s in onerror_r["scripts"]] == ["alert(1)"]
    assert [r["url"] for r in onerror_r["requests"]] == [(tmp_path / "x").as_uri()]


def test_probe_sees_external_requests_and_navigation(tmp_path: Path) -> None:
    page = _write(
        tmp_path,
        "away.html",
        GOOD_PAGE.replace(
            "<title>",
            '<meta http-equiv="refresh" content="0; url=https://tracker.example/">'
            '<link rel="stylesheet" href="https://cdn.example/x.css"><title>',
        ),
    )

    (r,) = browser.probe_scripts([page])

    assert r["scripts"] == [] and r["dialogs"] == []
    urls = {q["url"]: q["blocked"] for q in r["requests"]}
    assert urls.get("https://cdn.example/x.css") is True
    assert "https://tracker.example/" in r["navigations"]
