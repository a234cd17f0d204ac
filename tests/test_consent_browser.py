"""The generated consent-banner configurations, in Chromium with the real libraries.

vanilla-cookieconsent 3.1.0 and Klaro 0.7.22 (tests/consent/package-lock.json) are served with
the built example notice from a small site on 127.0.0.1. For each manager and language:
the banner appears; its categories and services are the notice's; strictly necessary cannot be
switched off; its cookie table lists every cookie of the notice with the notice's duration in
that language; declining keeps a script marked as analytics from running, accepting runs it and
withdrawing consent (from the notice's own "Cookie settings" link) clears the declared analytics
cookies. The configurations also conform to the managers' documented shapes: tsc against
vanilla-cookieconsent's own types, and a JSON Schema written from Klaro's annotated config.js.
"""

from __future__ import annotations

import functools
import json
import shutil
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import browser
import pytest
from typer.testing import CliRunner

from noticegen import vocab
from noticegen.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"
MANAGERS = ("cookieconsent", "klaro")
LANGS = ("fi", "en")
ANALYTICS = "analytics"  # the managers' category for noticegen's `statistics`
KLARO_SCHEMA = Path(__file__).resolve().parent / "consent" / "klaro-config.schema.json"

pytestmark = pytest.mark.browser


# --- the notice as built: what the banner must show -------------------------------------------

class _CookieTables(HTMLParser):
    """Rows of the notice's cookie tables (class ng-cookie-table) under each category heading."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[list[str]]]] = []
        self.heading = ""
        self._in: str | None = None
        self._text: list[str] = []
        self._row: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag in ("h2", "h3", "h4") or (tag in ("td", "th") and self._row is not None):
            self._in, self._text = tag, []
        elif tag == "table" and "ng-cookie-table" in classes:
            self.tables.append((self.heading, []))
        elif tag == "tr" and self.tables:
            self._row = []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            text = " ".join("".join(self._text).split())
            if tag.startswith("h"):
                self.heading = text
            elif self._row is not None:
                self._row.append(text)
            self._in = None
        elif tag == "tr" and self._row is not None:
            if self._row and self.tables:
                self.tables[-1][1].append(self._row)
            self._row = None
        elif tag == "table":
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)


def notice_cookies(page: Path) -> dict[str, list[tuple[str, str]]]:
    """Category heading → [(cookie name, duration)] from the built notice page."""
    parser = _CookieTables()
    parser.feed(page.read_text("utf-8"))
    # Columns: name, provider, party, purpose, duration; the header row has no td cells.
    return {heading: [(row[0], row[4]) for row in rows if len(row) == 5 and row[0] != rows[0][0]]
            for heading, rows in parser.tables}


# --- the test site -----------------------------------------------------------------------

def _script(manager: str, cookies: list[str]) -> str:
    """A script that runs only with consent to analytics: it sets the declared analytics cookies,
    one cookie the notice does not declare, and a global."""
    body = "".join(f'document.cookie = "{c}=1; path=/";' for c in [*cookies, "ng_not_declared"])
    body += "window.analyticsRan = (window.analyticsRan || 0) + 1;"
    if manager == "cookieconsent":
        return f'<script type="text/plain" data-category="{ANALYTICS}">{body}</script>'
    return f'<script type="text/plain" data-type="text/javascript" data-name="hotjar">{body}</script>'


def _loader(manager: str) -> str:
    if manager == "cookieconsent":
        return ('<link rel="stylesheet" href="/lib/cookieconsent.css">\n'
                '<script type="module">\n'
                'import config from "/privacy/consent/cookieconsent.js";\n'
                'import "/lib/cookieconsent.umd.js";\n'
                "window.CookieConsent.run(config);\n"
                "</script>")
    return ('<script src="/privacy/consent/klaro.js"></script>\n'
            '<script defer src="/lib/klaro.js"></script>')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, dict[str, Any]]]:
    """(base URL, built notice folder, cases): the example built, a page per manager and
    language with the notice's fragment, the banner and the test script, served locally."""
    browser.require_consent_tools()
    root = tmp_path_factory.mktemp("consent-site")
    result = CliRunner().invoke(app, ["build", str(EXAMPLE), "--out", str(root / "dist")])
    assert result.exit_code == 0, result.output
    built = root / "dist" / "qualitydesk"
    shutil.copytree(built, root / "privacy")
    (root / "lib").mkdir()
    for files in browser.CONSENT_LIBRARIES.values():
        for path in files:
            shutil.copyfile(path, root / "lib" / path.name)
    # The statistics cookies as the built notice lists them (catalogue cookies included); a
    # name ending in * is a prefix, and the script sets it with an id after it.
    names = [name.removesuffix("*") + "1234" if name.endswith("*") else name
             for name, _ in notice_cookies(built / "en" / "index.html")[
                 vocab.label("cookie_categories", "statistics", "en")]]
    for manager in MANAGERS:
        for lang in LANGS:
            fragment = (built / lang / "fragment.html").read_text("utf-8")
            (root / f"{manager}-{lang}.html").write_text(
                f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
                f"<title>{manager} {lang}</title>\n{_loader(manager)}\n</head>\n<body>\n"
                f"<main>\n{fragment}\n</main>\n{_script(manager, names)}\n</body>\n</html>\n",
                "utf-8")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield base, built, {"analytics_cookies": names}
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def probed(site: tuple[str, Path, dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    base, _, info = site
    cases = [{"manager": m, "url": f"{base}/{m}-{lang}.html", "category": ANALYTICS,
              "cookies": info["analytics_cookies"]} for m in MANAGERS for lang in LANGS]
    results = browser.probe_banners(cases)
    out = {}
    for case, result in zip(cases, results, strict=True):
        assert "failure" not in result, result["failure"]
        out[(case["manager"], case["url"].rsplit("-", 1)[1].removesuffix(".html"))] = result
    return out


CASES = [(m, lang) for m in MANAGERS for lang in LANGS]
IDS = [f"{m}-{lang}" for m, lang in CASES]


@pytest.mark.parametrize(("manager", "lang"), CASES, ids=IDS)
def test_the_banner_appears_with_the_notices_categories_and_services(
        manager: str, lang: str, probed: dict[tuple[str, str], dict[str, Any]],
        site: tuple[str, Path, dict[str, Any]]) -> None:
    result = probed[(manager, lang)]
    assert not result["errors"], result["errors"]
    title = {"fi": "Evästeet", "en": "Cookies"}[lang]
    assert title in result["banner"]
    expected = notice_cookies(site[1] / lang / "index.html")
    shown = {c["title"]: c for c in result["categories"]}
    # The notice's category headings are the banner's categories, in the same order.
    assert list(shown) == list(expected), (list(shown), list(expected))
    assert [c["id"] for c in result["categories"]] == ["necessary", ANALYTICS]
    services = {c["id"]: [s["id"] for s in c["services"]] for c in result["categories"]}
    assert services == {"necessary": ["own"], ANALYTICS: ["hotjar"]}
    labels = {s["label"] for c in result["categories"] for s in c["services"]}
    assert labels == {"QualityDesk Oy", "Hotjar Ltd"}


@pytest.mark.parametrize(("manager", "lang"), CASES, ids=IDS)
def test_strictly_necessary_cannot_be_switched_off(
        manager: str, lang: str, probed: dict[tuple[str, str], dict[str, Any]]) -> None:
    result = probed[(manager, lang)]
    necessary = next(c for c in result["categories"] if c["id"] == "necessary")
    assert necessary["disabled"] and necessary["checked"]
    assert all(s["disabled"] for s in necessary["services"])
    assert result["necessaryAfterClick"] is True
    analytics = next(c for c in result["categories"] if c["id"] == ANALYTICS)
    assert not analytics["disabled"] and not analytics["checked"]  # opt-in: off until chosen


@pytest.mark.parametrize(("manager", "lang"), CASES, ids=IDS)
def test_the_banner_lists_every_cookie_with_its_duration_in_the_language(
        manager: str, lang: str, probed: dict[tuple[str, str], dict[str, Any]],
        site: tuple[str, Path, dict[str, Any]]) -> None:
    expected = notice_cookies(site[1] / lang / "index.html")
    assert sum(map(len, expected.values())) >= 7  # the consent cookie and Hotjar's
    for category in probed[(manager, lang)]["categories"]:
        rows = expected[category["title"]]
        if manager == "cookieconsent":
            shown = [(row[0], row[2]) for row in category["rows"]]
            assert shown == rows, category["title"]
            assert category["headers"][0] == {"fi": "Nimi", "en": "Name"}[lang]
        else:  # Klaro has no table: each service's description lists its cookies
            text = " ".join(s["description"] for s in category["services"])
            for name, duration in rows:
                assert f"{name} – {duration}" in text, (name, duration, text)


@pytest.mark.parametrize(("manager", "lang"), CASES, ids=IDS)
def test_declining_accepting_and_withdrawing_consent(
        manager: str, lang: str, probed: dict[tuple[str, str], dict[str, Any]],
        site: tuple[str, Path, dict[str, Any]]) -> None:
    result = probed[(manager, lang)]
    analytics = set(site[2]["analytics_cookies"])
    assert result["before"]["ran"] == 0 and not analytics & set(result["before"]["cookies"])
    # Declining: the script stays inert, also after a reload; the choice is kept in the cookie
    # the notice declares for it, and the banner does not come back.
    for state in (result["declined"], result["declinedReloaded"]):
        assert state["ran"] == 0, state
        assert not analytics & set(state["cookies"]), state
        assert "qd_cookie_consent" in state["cookies"], state
    assert result["declinedBannerAfterReload"] is False
    # Accepting runs it: its cookies are set.
    assert result["accepted"]["ran"] == 1, result["accepted"]
    assert analytics <= set(result["accepted"]["cookies"]), result["accepted"]
    # Withdrawing, from the notice's "Cookie settings" link: the declared cookies are cleared,
    # a cookie the notice does not declare is not touched.
    assert result["settingsLinkOpens"] is True
    assert not analytics & set(result["withdrawn"]["cookies"]), result["withdrawn"]
    assert "ng_not_declared" in result["withdrawn"]["cookies"]
    assert "qd_cookie_consent" in result["withdrawn"]["cookies"]


# --- the documented shapes -----------------------------------------------------------------

def test_the_cookieconsent_module_type_checks_against_the_librarys_types(
        site: tuple[str, Path, dict[str, Any]], tmp_path: Path) -> None:
    module = site[1] / "consent" / "cookieconsent.js"
    proc = browser.typecheck_cookieconsent(module)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # The check can fail: a value of the wrong type, and an unknown key, are each reported.
    text = module.read_text("utf-8")
    for wrong, reported in ((('"readOnly": true', '"readOnly": "yes"'), "boolean"),
                            (('"mode": "opt-in"', '"mode": "opt-in", "autoclear": true'), "autoclear")):
        bad = tmp_path / wrong[1][:8].strip('"') / "cookieconsent.js"
        bad.parent.mkdir()
        bad.write_text(text.replace(*wrong, 1), "utf-8")
        proc = browser.typecheck_cookieconsent(bad)
        assert proc.returncode != 0 and reported in proc.stdout, proc.stdout


REVIVE = """
const fs = require("fs");
const [json, module] = process.argv.slice(1);  // (node -e: no script path in argv)
const revive = (key, value) =>
  value && typeof value === "object" && typeof value.regexp === "string" ? new RegExp(value.regexp) : value;
const fromJson = JSON.parse(fs.readFileSync(json, "utf8"), revive);
const show = (value) => JSON.stringify(value, (k, v) => v instanceof RegExp ? "/" + v.source + "/" : v);
import(module).then((m) => {
  const fromModule = m.default !== undefined ? m.default : globalThis.klaroConfig;
  console.log(JSON.stringify({json: show(fromJson), module: show(fromModule)}));
});
"""


@pytest.mark.parametrize("manager", MANAGERS)
def test_the_json_revived_is_the_module(manager: str, site: tuple[str, Path, dict[str, Any]],
                                        tmp_path: Path) -> None:
    """The JSON, read with the reviver of docs/embedding.md, is the module's configuration."""
    consent = site[1] / "consent"
    module = tmp_path / f"{manager}.mjs"
    text = (consent / f"{manager}.js").read_text("utf-8")
    if manager == "klaro":  # a classic script: run it with a window object
        text = "globalThis.window = globalThis; globalThis.document = {addEventListener() {}};\n" + text
    module.write_text(text, "utf-8")
    seen = browser.node_eval(REVIVE, str(consent / f"{manager}.json"), module.as_uri())
    assert seen["json"] == seen["module"]
    assert "/^_hjSession_/" in seen["module"]


def test_the_klaro_configuration_has_klaros_documented_shape(
        site: tuple[str, Path, dict[str, Any]]) -> None:
    import jsonschema

    schema = json.loads(KLARO_SCHEMA.read_text("utf-8"))
    config = json.loads((site[1] / "consent" / "klaro.json").read_text("utf-8"))
    jsonschema.validate(config, schema)
    # The schema can fail: an unknown key and a wrong type are rejected.
    for broken in ({**config, "mustconsent": True}, {**config, "default": "no"},
                   {**config, "services": [{**config["services"][0], "required": 1}]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)
