"""Screenshots of the example notice, to look at before committing a change to the CSS.

    .venv/bin/python scripts/screenshots.py [--out screenshots] [EXAMPLE.yaml]

Builds the example and writes PNGs (full page) to OUT: the standalone page in light and dark
mode (1280 px) and on a phone (390 px); the fragment in the light, dark and aggressive host pages
of tests/data/hosts (1280 px) and in the dark host on a phone; the fi and en fragments together
on one page; the short notice of the first register (for a form) in the light and dark hosts on
a phone; and the page printed to PDF (A4, with its page count). Needs the browser tools of
tests/audit (`bash tests/audit/install.sh`).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402  (tests/browser.py: the Chromium helpers the tests use)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("example", nargs="?", default=str(ROOT / "examples" / "qualitydesk.yaml"))
    parser.add_argument("--out", default=str(ROOT / "screenshots"), help="folder for the PNGs")
    parser.add_argument("--site", help="keep the built notice and host pages in this folder")
    args = parser.parse_args()
    reason = browser.tools_available()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="noticegen-shots-") as tmp:
        site = Path(args.site or tmp)
        subprocess.run([sys.executable, "-m", "noticegen", "-q", "build", args.example, "--out",
                        str(site), "--format", "page,fragment,short", "--id-prefix", "ng-{lang}-",
                        "--force"], check=True)
        (folder,) = [p for p in site.iterdir() if p.is_dir()]
        css = folder / "noticegen.css"
        page, fragment = folder / "en" / "index.html", folder / "en" / "fragment.html"
        hosts = {host: browser.host_page(host, [fragment], css, site / f"{host}.html")
                 for host in browser.HOSTS}
        both = browser.host_page("light", [folder / "fi" / "fragment.html", fragment], css,
                                 site / "both.html", lang="fi")
        short = sorted((folder / "en" / "short").glob("*.html"))[:1]
        shorts = {host: browser.host_page(host, short, css, site / f"short-{host}.html")
                  for host in ("light", "dark")} if short else {}
        jobs = [
            {"file": page, "screenshot": out / "page-light.png"},
            {"file": page, "colorScheme": "dark", "screenshot": out / "page-dark.png"},
            {"file": page, "width": 390, "height": 844, "screenshot": out / "page-mobile.png"},
            *({"file": path, "screenshot": out / f"fragment-{host}.png"} for host, path in hosts.items()),
            {"file": hosts["dark"], "width": 390, "height": 844,
             "screenshot": out / "fragment-dark-mobile.png"},
            {"file": both, "screenshot": out / "fragments-fi-en.png"},
            *({"file": path, "width": 390, "height": 844,
               "screenshot": out / f"short-{host}-mobile.png"} for host, path in shorts.items()),
            {"file": page, "pdf": out / "page-print.pdf"},
        ]
        results = browser.render_probe(jobs)
    for result in results:
        if result["screenshot"]:
            print(result["screenshot"])
        if result["pdf"]:
            print(f"{result['pdf']} ({result['pdfPages']} A4 pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
