"""The fragment in real host pages, in headless Chromium: readable on light and dark sites, not
reshaped by a site's element rules, several on one page; the standalone page in dark mode."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import browser
import pytest
from typer.testing import CliRunner

from noticegen.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, full_notice_file: Path) -> Path:
    """The example and the notice with every optional part, built with per-language ids, and
    the host pages: each host with the en fragment, and the fi and en fragments together."""
    out = tmp_path_factory.mktemp("site")
    for notice in (EXAMPLE, full_notice_file):
        result = CliRunner().invoke(app, ["build", str(notice), "--out", str(out), "--format",
                                          "page,fragment", "--id-prefix", "ng-{lang}-"])
        assert result.exit_code == 0, result.output
    for folder in sorted(p for p in out.iterdir() if p.is_dir()):
        css = folder / "noticegen.css"
        for host in browser.HOSTS:
            browser.host_page(host, [folder / "en" / "fragment.html"], css,
                              out / "hosts" / f"{folder.name}-{host}.html")
        browser.host_page("light", [folder / "fi" / "fragment.html", folder / "en" / "fragment.html"],
                          css, out / "hosts" / f"{folder.name}-fi-en.html", lang="fi")
    return out


def _contrast_jobs(files: list[Path]) -> list[dict[str, Any]]:
    return [{"file": f, "colorScheme": scheme, "width": width, "axeRules": ["color-contrast"]}
            for f in files for scheme in ("light", "dark") for width in (1280, 390)]


def test_host_pages_pass_vnu_and_axe(site: Path) -> None:
    """Every host page with the fragment in it: no vnu error, no axe violation (color-contrast
    included), nothing blocked or missing."""
    browser.require_browser()
    pages = sorted((site / "hosts").glob("*.html"))
    assert len(pages) == 8
    results = browser.audit(pages)
    failures = [browser.describe(r) for r in results
                if r["vnu_errors"] or r["axe_violations"] or r["blocked"] or r["failed"]]
    assert not failures, "\n\n".join(failures)


def test_every_text_has_contrast_on_light_and_dark_hosts_and_pages(site: Path) -> None:
    """axe-core's color-contrast rule (4.5:1, 3:1 for large text) finds nothing to fault and
    nothing it cannot decide, on each host and on the standalone page in light and dark mode,
    at desktop and phone widths."""
    browser.require_browser()
    files = sorted((site / "hosts").glob("*.html")) + sorted(site.glob("*/*/index.html"))
    results = browser.render_probe(_contrast_jobs(files))
    problems = []
    for job, result in zip(_contrast_jobs(files), results, strict=True):
        axe = result["axe"]
        checked = sum(p["nodes"] for p in axe["passes"])
        where = f"{Path(job['file']).name} {job['colorScheme']} {job['width']}px"
        if checked < 50:
            problems.append(f"{where}: only {checked} elements checked")
        for kind in ("violations", "incomplete"):
            for rule in axe[kind]:
                problems += [f"{where} {kind}: {n['target']}: {n['summary']}" for n in rule["nodes"]]
    assert not problems, "\n".join(problems[:40])


def test_the_dark_mode_page_is_dark(site: Path) -> None:
    browser.require_browser()
    page = site / "qualitydesk" / "en" / "index.html"
    probe = "(() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color]; })()"
    light, dark = browser.render_probe([{"file": page, "evaluate": probe},
                                        {"file": page, "colorScheme": "dark", "evaluate": probe}])
    assert light["value"] == ["rgb(255, 255, 255)", "rgb(27, 31, 36)"]
    assert dark["value"] == ["rgb(21, 24, 28)", "rgb(228, 231, 235)"]


# What the aggressive host's element rules would do, read back from the computed styles of the
# notice's elements (tests/data/hosts/aggressive.html sets each of these).
_COMPUTED = """(() => {
  const notice = document.querySelector('.ng-notice');
  const all = (sel) => [...notice.querySelectorAll(sel)];
  const style = (el) => getComputedStyle(el);
  const props = (sel, names) => all(sel).map((el) => Object.fromEntries(names.map((n) => [n, style(el)[n]])));
  const host = document.querySelector('main > section');
  return {
    host_section: { paddingTop: style(host).paddingTop, boxShadow: style(host).boxShadow },
    sections: props('section.ng-section',
                    ['paddingTop', 'paddingLeft', 'boxShadow', 'borderRadius', 'textAlign']),
    tables: props('table', ['cssFloat', 'borderTopStyle', 'borderSpacing']).map((t, i) => ({
      ...t, fullWidth: Math.abs(all('table')[i].getBoundingClientRect().width
                                - notice.getBoundingClientRect().width) < 2 })),
    th: props('th', ['textTransform', 'letterSpacing', 'color', 'paddingTop']),
    td: props('td', ['paddingTop', 'fontStyle', 'color']),
    headings: props('h1, h2, h3, h4, h5, h6',
                    ['textTransform', 'letterSpacing', 'borderBottomWidth', 'color']),
    lists: props('ul', ['listStyleType', 'paddingLeft']),
    items: props('li', ['borderLeftWidth', 'marginTop']),
    paragraphs: props('p', ['textIndent', 'textTransform', 'textAlign']),
    links: props('a', ['paddingLeft', 'display', 'textTransform', 'color', 'borderTopWidth']),
    text: style(notice).color,
    font: style(notice).fontFamily,
  };
})()"""


def test_host_element_rules_do_not_reshape_the_notice(site: Path) -> None:
    browser.require_browser()
    page = site / "hosts" / "qualitydesk-aggressive.html"
    (result,) = browser.render_probe([{"file": page, "evaluate": _COMPUTED}])
    got = result["value"]
    # The host's own section is a card: the rules are live on this page.
    assert got["host_section"]["paddingTop"] == "40px" and got["host_section"]["boxShadow"] != "none"
    assert got["sections"] and all(s["paddingTop"] == "0px" and s["paddingLeft"] == "0px"
                                   and s["boxShadow"] == "none" and s["borderRadius"] == "0px"
                                   and s["textAlign"] == "start" for s in got["sections"]), got["sections"]
    assert got["tables"] and all(t["cssFloat"] == "none" and t["borderTopStyle"] != "double"
                                 and t["fullWidth"] for t in got["tables"]), got["tables"]
    assert got["th"] and all(th["textTransform"] == "none" and th["letterSpacing"] == "normal"
                             and th["color"] == got["text"] and th["paddingTop"] == "8px"
                             for th in got["th"]), got["th"]
    assert all(td["paddingTop"] == "8px" and td["fontStyle"] == "normal" and td["color"] == got["text"]
               for td in got["td"]), got["td"]
    assert all(h["textTransform"] == "none" and h["letterSpacing"] == "normal"
               and h["color"] == got["text"] for h in got["headings"]), got["headings"]
    assert all(ul["listStyleType"] != "square" for ul in got["lists"]), got["lists"]
    assert all(li["borderLeftWidth"] == "0px" for li in got["items"]), got["items"]
    assert all(p["textIndent"] == "0px" and p["textTransform"] == "none" and p["textAlign"] == "start"
               for p in got["paragraphs"]), got["paragraphs"]
    # Links keep the site's brand colour, but not its boxes.
    assert got["links"] and all(a["paddingLeft"] == "0px" and a["display"] == "inline"
                                and a["textTransform"] == "none" and a["borderTopWidth"] == "0px"
                                and a["color"] == "rgb(163, 25, 91)" for a in got["links"]), got["links"]
    # The notice takes the site's font and text colour.
    assert got["text"] == "rgb(26, 26, 26)" and got["font"].startswith('"Liberation Sans"')


def test_the_fragment_takes_the_host_font_colour_and_links(site: Path) -> None:
    browser.require_browser()
    probe = """(() => { const n = document.querySelector('.ng-notice');
      const a = n.querySelector('a[href^="mailto:"]');
      return [getComputedStyle(n).color, getComputedStyle(n).fontFamily, getComputedStyle(a).color]; })()"""
    light, dark = browser.render_probe([{"file": site / "hosts" / f"qualitydesk-{host}.html",
                                         "evaluate": probe} for host in ("light", "dark")])
    assert light["value"] == ["rgb(34, 34, 34)", 'Georgia, "DejaVu Serif", serif', "rgb(122, 31, 92)"]
    assert dark["value"] == ["rgb(230, 230, 230)", '"DejaVu Sans", Verdana, sans-serif', "rgb(138, 180, 248)"]


def test_two_fragments_share_a_page_with_unique_ids(site: Path) -> None:
    browser.require_browser()
    probe = """(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      const links = [...document.querySelectorAll('.ng-notice a[href^="#"]')].map((a) =>
        [a.closest('.ng-notice').lang, a.getAttribute('href').slice(1)]);
      const owner = Object.fromEntries([...document.querySelectorAll('.ng-notice [id]')].map((e) =>
        [e.id, e.closest('.ng-notice').lang]));
      return { ids, links, owner, notices: [...document.querySelectorAll('.ng-notice')].map((n) => n.lang) };
    })()"""
    pages = sorted((site / "hosts").glob("*-fi-en.html"))
    assert len(pages) == 2
    for page, result in zip(pages, browser.render_probe([{"file": p, "evaluate": probe} for p in pages]),
                            strict=True):
        got = result["value"]
        assert got["notices"] == ["fi", "en"]
        duplicates = sorted({i for i in got["ids"] if got["ids"].count(i) > 1})
        assert not duplicates, (page.name, duplicates)
        assert sum(lang == "fi" for lang in got["owner"].values()) > 5
        assert sum(lang == "en" for lang in got["owner"].values()) > 5
        # Every in-page link of a language leads into that language's own fragment.
        wrong = [(lang, target) for lang, target in got["links"] if got["owner"].get(target) != lang]
        assert got["links"] and not wrong, json.dumps(wrong)[:2000]


def test_identifiers_break_only_where_they_must(site: Path) -> None:
    """Cookie names of up to 20 characters stay on one line and every table fits its column,
    in both languages (the Finnish headers are the longest words)."""
    browser.require_browser()
    probe = """(() => [...document.querySelectorAll('.ng-notice')].map((n) => ({
      width: n.getBoundingClientRect().width,
      tables: [...n.querySelectorAll('table')].map((t) => t.getBoundingClientRect().width),
      names: [...n.querySelectorAll('.ng-cookie-table code')].map((c) =>
        [c.textContent, new Set([...c.getClientRects()].map((r) => Math.round(r.top))).size]),
    })))()"""
    page = site / "hosts" / "qualitydesk-fi-en.html"
    (result,) = browser.render_probe([{"file": page, "evaluate": probe}])
    for notice in result["value"]:
        assert notice["names"] and max(notice["tables"]) <= notice["width"] + 0.5, notice
        assert all(lines == 1 for name, lines in notice["names"] if len(name) <= 20), notice["names"]


def test_the_example_prints_on_at_most_five_a4_pages_with_link_targets(
        site: Path, tmp_path: Path) -> None:
    """Issue #18: five A4 pages at most, with the target of every web link printed, and no
    text on paper under 9 pt (12 CSS px), the printed link targets included."""
    browser.require_browser()
    pages = [site / "qualitydesk" / lang / "index.html" for lang in ("fi", "en")]
    probe = """[...document.querySelectorAll('.ng-notice a[href^="http"]')].map((a) =>
      [a.getAttribute('href'), getComputedStyle(a, '::after').content])"""
    smallest = """(() => {
      const sizes = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (n.textContent.trim() && el.getClientRects().length) {
          sizes.push([parseFloat(getComputedStyle(el).fontSize), n.textContent.trim().slice(0, 40)]);
        }
      }
      for (const a of document.querySelectorAll('.ng-notice a[href^="http"]')) {
        sizes.push([parseFloat(getComputedStyle(a, '::after').fontSize), 'link target ' + a.href]);
      }
      return sizes.sort((x, y) => x[0] - y[0]).slice(0, 3);
    })()"""
    jobs = [{"file": p, "pdf": tmp_path / f"{p.parent.name}.pdf"} for p in pages]
    jobs += [{"file": p, "media": "print", "evaluate": probe} for p in pages]
    jobs += [{"file": p, "media": "print", "evaluate": smallest} for p in pages]
    results = browser.render_probe(jobs)
    counts = {Path(r["file"]).parent.name: r["pdfPages"] for r in results[:2]}
    assert all(1 <= n <= 5 for n in counts.values()), counts
    for result in results[4:]:
        assert result["value"] and result["value"][0][0] >= 12, result["value"]
    for result in results[2:4]:
        links = result["value"]
        assert links and all(after == f'" ({href})"' for href, after in links), links[:5]
