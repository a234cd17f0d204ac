"""The consent-banner configurations (noticegen/render/consent.py): when they are written, what
they hold, escaping, regular expressions, and golden copies per manager and language.

tests/test_consent_browser.py runs them in Chromium with the real libraries."""

from __future__ import annotations

import copy
import difflib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from noticegen import vocab
from noticegen.cli import app
from noticegen.model import Cookie
from noticegen.pipeline import check_text
from noticegen.render import FORMATS, consent, render_all
from noticegen.resolve import ResolvedNotice

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"
GOLDEN = Path(__file__).resolve().parent / "golden" / "consent"
MANAGERS = ("cookieconsent", "klaro")
CONSENT_FILES = ["consent/cookieconsent.js", "consent/cookieconsent.json", "consent/klaro.js",
                 "consent/klaro.json"]


def example_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    return data


def resolved(data: dict[str, Any]) -> ResolvedNotice:
    checked = check_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "n.yaml",
                         lint=False)
    assert checked.resolved is not None, [d.message for d in checked.diagnostics]
    return checked.resolved


def only_necessary() -> dict[str, Any]:
    data = example_data()
    data["uses"] = []
    for reg in data["registers"]:
        reg["purposes"] = [p for p in reg["purposes"] if "hotjar" not in p.get("recipients", [])]
        used = {str(c) for p in reg["purposes"] for c in p.get("data_categories", [])}
        # A category only the analytics purpose used would be tied to no purpose (NG121).
        reg["data_categories"] = [c for c in reg.get("data_categories", []) if str(c) in used]
    return data


def build(tmp_path: Path, data: dict[str, Any] | Path, *args: str) -> dict[str, bytes]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = data if isinstance(data, Path) else tmp_path / "n.yaml"
    if not isinstance(data, Path):
        source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(source), "--out", str(out), "--force", *args])
    assert result.exit_code == 0, result.output
    folder = out / source.stem
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


# --- when they are written ------------------------------------------------------------------

def test_a_notice_with_cookies_that_need_consent_gets_both_configurations(tmp_path: Path) -> None:
    files = build(tmp_path, EXAMPLE)
    assert set(CONSENT_FILES) <= set(files)


def test_a_notice_with_only_necessary_cookies_gets_none_unless_asked(tmp_path: Path) -> None:
    files = build(tmp_path, only_necessary())
    assert not [f for f in files if f.startswith("consent/")]
    assert "fi/index.html" in files
    asked = build(tmp_path / "asked", only_necessary(), "--format", "klaro")
    assert sorted(asked) == ["consent/klaro.js", "consent/klaro.json"]
    config = json.loads(asked["consent/klaro.json"])
    assert [s["name"] for s in config["services"]] == ["own"]
    assert config["services"][0]["required"] is True


def test_the_formats_are_listed_once() -> None:
    """`--format`'s help and the build's checks come from render.FORMATS."""
    result = CliRunner().invoke(app, ["build", "--help"])
    help_text = " ".join(result.output.split())
    for name in FORMATS:
        assert name in help_text
    result = CliRunner().invoke(app, ["build", str(EXAMPLE), "--format", "klaro,banner"])
    assert result.exit_code == 2
    assert "cookieconsent" in result.output and "klaro" in result.output


def test_the_configurations_are_deterministic(tmp_path: Path) -> None:
    first = build(tmp_path / "a", EXAMPLE, "--format", "cookieconsent,klaro")
    second = build(tmp_path / "b", EXAMPLE, "--format", "klaro,cookieconsent", "--jobs", "2")
    assert first == second


# --- what they hold ---------------------------------------------------------------------------

def test_categories_services_and_cleared_cookies_follow_the_notice() -> None:
    data = example_data()
    data["cookies"] += [
        {"name": "qd_lang", "category": "preferences", "party": "first", "duration": "P30D",
         "purpose": {"fi": "Muistaa kielen.", "en": "Remembers the language."}},
        {"name": "_hjLocalStore", "provider": "hotjar", "category": "preferences",
         "party": "first", "type": "local_storage", "duration": "P1Y",
         "purpose": {"fi": "Asetukset.", "en": "Settings."}},
    ]
    r = resolved(data)
    config = consent.cookieconsent(r, ["fi", "en"])
    cats = config["categories"]
    assert list(cats) == ["necessary", "functionality", "analytics"]
    assert cats["necessary"] == {"enabled": True, "readOnly": True, "services": {"own-necessary": {
        "label": "QualityDesk Oy", "cookies": [{"name": "qd_cookie_consent"}]}}}
    assert "autoClear" not in cats["necessary"]
    assert cats["analytics"]["enabled"] is False and cats["analytics"]["readOnly"] is False
    # Hotjar has cookies in two categories: two services, each with its own switch.
    assert set(cats["analytics"]["services"]) == {"hotjar-analytics"}
    assert set(cats["functionality"]["services"]) == {"own-functionality", "hotjar-functionality"}
    # Local storage cannot be deleted by name as a cookie: it is listed, not cleared.
    assert cats["functionality"]["autoClear"]["cookies"] == [{"name": "qd_lang"}]
    declared = {c.name for c in r.notice.cookies if c.category == "statistics"}
    cleared = {c["name"].source[1:] if isinstance(c["name"], consent.Regex) else c["name"]
               for c in cats["analytics"]["autoClear"]["cookies"]}
    assert cleared == declared
    klaro = consent.klaro(r, ["fi", "en"])
    assert [(s["name"], s["purposes"], s["required"], s["default"]) for s in klaro["services"]] == [
        ("own-necessary", ["necessary"], True, True),
        ("own-functionality", ["functionality"], False, False),
        ("hotjar-functionality", ["functionality"], False, False),
        ("hotjar-analytics", ["analytics"], False, False),
    ]
    assert klaro["default"] is False


def test_every_language_has_its_texts_and_durations() -> None:
    r = resolved(example_data())
    config = consent.cookieconsent(r, ["en", "fi"])
    assert config["language"]["default"] == "en"
    translations = config["language"]["translations"]
    assert list(translations) == ["en", "fi"]
    rows = {lang: [row for s in t["preferencesModal"]["sections"] if "cookieTable" in s
                   for row in s["cookieTable"]["body"]] for lang, t in translations.items()}
    assert {"name": "_hjSession_*", "provider": "Hotjar Ltd", "duration": "30 minutes",
            "purpose": rows["en"][2]["purpose"]} == rows["en"][2]
    assert rows["fi"][2]["duration"] == "30 minuuttia"
    assert len(rows["fi"]) == len(r.notice.cookies)
    assert translations["fi"]["consentModal"]["acceptNecessaryBtn"] == "Hylkää kaikki"
    links = translations["fi"]["consentModal"]["footer"]
    assert 'href="https://qualitydesk.com/fi/tietosuojaseloste/#ng-cookies"' in links
    klaro = consent.klaro(r, ["fi", "en"])
    assert klaro["translations"]["en"]["purposes"]["analytics"]["title"] == "Analytics cookies"
    assert "_hjSession_* – 30 minuuttia" in klaro["translations"]["fi"]["hotjar"]["description"]


def test_the_consent_cookie_named_by_the_notice_is_the_banners() -> None:
    data = example_data()
    r = resolved(data)
    assert consent.cookieconsent(r, ["fi"])["cookie"] == {"name": "qd_cookie_consent",
                                                          "expiresAfterDays": 365}
    assert consent.klaro(r, ["fi"])["cookieName"] == "qd_cookie_consent"
    del data["cookie_consent"]["cookie"]
    r = resolved(data)
    assert "cookie" not in consent.cookieconsent(r, ["fi"])
    assert "cookieName" not in consent.klaro(r, ["fi"])


def test_without_a_notice_url_there_are_no_links() -> None:
    data = example_data()
    del data["notice"]["url"]
    r = resolved(data)
    fi = consent.cookieconsent(r, ["fi"])["language"]["translations"]["fi"]
    assert "footer" not in fi["consentModal"]
    assert "privacyPolicyUrl" not in consent.klaro(r, ["fi"])["translations"]["fi"]
    assert "{privacyPolicy}" not in consent.klaro(r, ["fi"])["translations"]["fi"][
        "consentNotice"]["description"]


def test_user_text_is_escaped_where_the_manager_inserts_html() -> None:
    """vanilla-cookieconsent sets its texts as innerHTML; Klaro (htmlTexts: false) as text."""
    data = example_data()
    attack = '<img src=x onerror="alert(1)">&amp;'
    data["cookies"].append({"name": "a<b", "category": "statistics", "party": "first",
                            "duration": "P1D", "purpose": {"fi": attack, "en": attack}})
    data["controller"]["name"] = "Esimerkki <Oy>"
    r = resolved(data)
    config = consent.cookieconsent(r, ["fi", "en"])
    # The texts (HTML) escape it; the lists of cookies to delete keep the real name.
    text = json.dumps(config["language"], ensure_ascii=False)
    assert "<img" not in text and "<Oy>" not in text and "a<b" not in text
    assert {"name": "a<b"} in config["categories"]["analytics"]["autoClear"]["cookies"]
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;amp;" in text
    assert set(re.findall(r"<(\w+)", text)) <= {"a", "br"}
    klaro = consent.klaro(r, ["en"])
    assert klaro["htmlTexts"] is False
    assert "a<b – 1 day" in klaro["translations"]["en"]["own-analytics"]["description"]


@pytest.mark.parametrize(("name", "source"), [
    ("_ga_", "^_ga_"),
    ("a.b/c", "^a\\.b\\/c"),
    ("x(y)*+?[z]{1}|^$\\", "^x\\(y\\)\\*\\+\\?\\[z\\]\\{1\\}\\|\\^\\$\\\\"),
    ("ä é", "^\\u00e4\\u0020\\u00e9"),
    ("\U0001f36a", "^\\ud83c\\udf6a"),
])
def test_prefix_names_become_regular_expressions(name: str, source: str) -> None:
    cookie = Cookie.model_validate({"name": name, "prefix": True, "category": "statistics"})
    pattern = consent.cookie_pattern(cookie)
    assert pattern == consent.Regex(source)
    # What JavaScript would match: Python's re agrees on these escapes for the ASCII ones.
    if name.isascii():
        assert re.match(source, name + "123")
    assert consent.cookie_pattern(Cookie.model_validate(
        {"name": name, "category": "statistics"})) == name


def test_the_js_module_and_the_json_hold_the_same_configuration() -> None:
    config = consent.cookieconsent(resolved(example_data()), ["fi", "en"])
    js = consent.cookieconsent_js(consent.to_json(config))
    assert js.startswith("// vanilla-cookieconsent 3.x configuration")
    assert "export default config;" in js and '"name": /^_hjSession_/' in js
    body = js[js.index("const config = ") + len("const config = "):js.index(";\n\nexport")]
    as_json = re.sub(r": /(\^[^/\n]*)/", lambda m: ": " + json.dumps({"regexp": m[1]}), body)
    assert json.loads(as_json) == json.loads(consent.to_json(config))
    klaro_js = consent.klaro_js(consent.to_json(consent.klaro(resolved(example_data()), ["fi"])))
    assert "window.klaroConfig = {" in klaro_js and "klaro.show(undefined, true)" in klaro_js


def _dumps(value: object) -> str:
    """What the JSON files held before consent.to_json wrote them itself."""
    def default(item: object) -> object:
        if isinstance(item, consent.Regex):
            return {"regexp": item.source}
        raise TypeError(type(item).__name__)

    return json.dumps(value, indent=2, ensure_ascii=False, default=default) + "\n"


@pytest.mark.parametrize("value", [
    {}, [], {"a": []}, {"a": {}}, {"x": [{"y": [[]], "z": {}}]},
    [0, -7, 2.5, -0.0, 1e300, True, False, None],
    ["", "ä é", 'quote " backslash \\ line\n tab\t', "\u2028\u2029 </script> \x00 \x7f",
     "\U0001f36a"],
    {"ä": {"regexp": "^_ga_"}, "b": consent.Regex("^x\\.y")},
])
def test_to_json_writes_what_json_dumps_writes(value: object) -> None:
    assert consent.to_json(value) == _dumps(value)  # type: ignore[arg-type]


def test_to_json_of_the_configurations_is_json_dumps() -> None:
    for lang_set in (["fi", "en"], ["en"]):
        for config in (consent.cookieconsent(resolved(example_data()), lang_set),
                       consent.klaro(resolved(example_data()), lang_set)):
            assert consent.to_json(config) == _dumps(config)
    with pytest.raises(TypeError):
        consent.to_json({"a": object()})
    with pytest.raises(TypeError):
        consent.to_json({1: "a"})  # type: ignore[dict-item]


def test_the_docs_table_is_the_vocabulary() -> None:
    """docs/embedding.md's category table says what the vocabulary maps each category to."""
    text = (ROOT / "docs" / "embedding.md").read_text("utf-8")
    rows = re.findall(r"^\| `(\w+)` \([^)]*\) \| `(\w+)`[^|]*\| `(\w+)`", text, re.MULTILINE)
    mapping = {c: str(t.attrs["cookieconsent"]) for c, t in vocab.vocabulary("cookie_categories").items()}
    assert {c: (cc, k) for c, cc, k in rows} == {c: (m, m) for c, m in mapping.items()}


def test_the_notices_cookie_settings_link_opens_the_banner(tmp_path: Path) -> None:
    files = build(tmp_path, EXAMPLE, "--format", "page,fragment,md,txt")
    for lang, text in (("fi", "Evästeasetukset"), ("en", "Cookie settings")):
        page = files[f"{lang}/index.html"].decode()
        assert (f'<p id="ng-cookie-settings" class="ng-interactive"><a href="#ng-cookie-settings" '
                f'data-cc="show-preferencesModal">{text}</a></p>') in page
        assert 'id="ng-cookie-settings"' in files[f"{lang}/fragment.html"].decode()
        # Markdown and plain text have no banner: the link is left out of them.
        for fmt in ("md", "txt"):
            other = files[f"{lang}/notice.{fmt}"].decode()
            assert f"\n{text}\n" not in other and f"[{text}]" not in other
    data = example_data()
    data["cookie_consent"]["settings_url"] = "https://example.fi/evasteet"
    files = build(tmp_path / "url", data, "--format", "page,md")
    assert ('<p id="ng-cookie-settings"><a href="https://example.fi/evasteet" '
            'data-cc="show-preferencesModal">Evästeasetukset</a></p>') in files["fi/index.html"].decode()
    assert "https://example.fi/evasteet" in files["fi/notice.md"].decode()
    data = copy.deepcopy(data)
    data["cookie_consent"] = {"method": "browser_settings"}  # (an error NG402; rendered anyway)
    page = render_all(resolved(data), languages=["fi"], formats=["page"])["fi/index.html"].decode()
    assert "data-cc" not in page


# --- golden copies, per manager and language ------------------------------------------------

@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("manager", MANAGERS)
def test_configuration_matches_golden(manager: str, lang: str, tmp_path: Path,
                                      update_golden: bool) -> None:
    files = build(tmp_path, EXAMPLE, "--format", manager, "--lang", lang)
    golden = GOLDEN / lang
    if update_golden:
        golden.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (golden / Path(name).name).write_bytes(data)
        return
    assert sorted(files) == [f"consent/{manager}.js", f"consent/{manager}.json"]
    for name, data in files.items():
        expected = (golden / Path(name).name).read_bytes()
        if data != expected:
            diff = difflib.unified_diff(expected.decode().splitlines(), data.decode().splitlines(),
                                        f"golden/consent/{lang}/{Path(name).name}", name,
                                        lineterm="", n=2)
            pytest.fail("differs from its golden copy (rerun with --update-golden if intended):\n"
                        + "\n".join(list(diff)[:80]))


def test_render_all_without_formats_chooses_per_notice() -> None:
    r = resolved(example_data())
    assert set(CONSENT_FILES) <= set(render_all(r, languages=["fi"], formats=[]))
    assert not [f for f in render_all(resolved(only_necessary()), languages=["fi"], formats=[])
                if f.startswith("consent/")]


# --- check --consent-config ----------------------------------------------------------------------

def test_a_generated_configuration_agrees_with_its_notice(tmp_path: Path) -> None:
    files = build(tmp_path, EXAMPLE)
    for manager in MANAGERS:
        config = tmp_path / f"{manager}.json"
        config.write_bytes(files[f"consent/{manager}.json"])
        result = CliRunner().invoke(app, ["check", str(EXAMPLE), "--consent-config", str(config)])
        assert result.exit_code == 0, result.output
        assert "NG8" not in result.output


def test_a_hand_kept_configuration_that_drifted_is_reported_at_its_lines(tmp_path: Path) -> None:
    config = json.loads(build(tmp_path, EXAMPLE)["consent/cookieconsent.json"])
    del config["categories"]["analytics"]
    config["categories"]["marketing"] = {"autoClear": {"cookies": [{"name": "_fbp"}]}}
    path = tmp_path / "banner.json"
    path.write_text(json.dumps(config, indent=2), "utf-8")
    lines = path.read_text("utf-8").splitlines()
    result = CliRunner().invoke(app, ["check", str(EXAMPLE), "--consent-config", str(path),
                                      "--lang", "fi", "--format", "json"])
    assert result.exit_code == 1, result.output
    found = {(d["code"], d["line"]) for d in json.loads(result.stdout) if d["code"] > "NG8"}
    marketing = next(i for i, line in enumerate(lines, 1) if '"marketing"' in line)
    fbp = next(i for i, line in enumerate(lines, 1) if '"_fbp"' in line)
    categories = next(i for i, line in enumerate(lines, 1) if '"categories"' in line)
    assert found == {("NG801", categories), ("NG802", marketing), ("NG803", fbp)}
    messages = [d["message"] for d in json.loads(result.stdout) if d["code"] == "NG801"]
    assert messages == ["selosteen luokassa Analytiikkaevästeet on evästeitä (_hjSessionUser_*, "
                        "_hjSession_*, _hjAbsoluteSessionInProgress, …), mutta suostumusbanneri "
                        "ei kysy tästä luokasta"]


@pytest.mark.parametrize(("args", "says"), [
    (["--consent-config", "banner.js"], "is JavaScript"),
    (["--consent-config", "notice.yaml"], "is not a consent-banner configuration"),
    (["--consent-config", "banner.json", "OTHER"], "compares one notice"),
])
def test_consent_config_usage_errors(args: list[str], says: str, tmp_path: Path) -> None:
    (tmp_path / "banner.js").write_text("export default {};\n", "utf-8")
    (tmp_path / "banner.json").write_text('{"services": []}\n', "utf-8")
    shutil.copyfile(EXAMPLE, tmp_path / "notice.yaml")
    args = [str(tmp_path / a) if a != "--consent-config" else a for a in args]
    result = CliRunner().invoke(app, ["check", str(EXAMPLE), *args])
    assert result.exit_code == 2, result.output
    assert says in result.output and "Traceback" not in result.output


def test_an_unreadable_or_broken_configuration_is_a_diagnostic(tmp_path: Path) -> None:
    broken = tmp_path / "banner.json"
    broken.write_text('{"categories": {"analytics": [}\n', "utf-8")
    result = CliRunner().invoke(app, ["check", str(EXAMPLE), "--consent-config", str(broken)])
    assert result.exit_code == 1 and f"{broken}:1:" in result.output and "NG001" in result.output
    result = CliRunner().invoke(app, ["check", str(EXAMPLE), "--consent-config",
                                      str(tmp_path / "missing.json")])
    # (a file that cannot be read is a usage error, as a notice file that cannot be read is)
    assert result.exit_code == 2 and "NG000" in result.output and "Traceback" not in result.output


def test_the_banner_rules_can_be_switched_off_in_the_settings(tmp_path: Path) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "notice.yaml")
    (tmp_path / "noticegen.toml").write_text('disable = ["NG801"]\n', "utf-8")
    (tmp_path / "banner.json").write_text('{"categories": {"necessary": {}}}\n', "utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path / "notice.yaml"), "--consent-config",
                                      str(tmp_path / "banner.json")])
    assert result.exit_code == 0, result.output
