"""Injection: hostile text in every free-text and name field never becomes live markup.

The corpus (tests/data/xss/payloads.txt) holds OWASP filter-evasion vectors, dangerous links in
Markdown, attribute and element breakers, template syntax and invisible characters. Each build
starts from examples/qualitydesk.yaml, filled out with every optional free-text field the model
has, and puts a payload into every free-text and name field (each language of a localized field);
a handful of builds with rotating offsets cover the whole corpus in every field. Ids, e-mail
addresses, web addresses and dates stay valid (one test puts breakers into valid addresses too).

Checks, for every build:

- HTML (page and fragment), parsed with html.parser: no script, frame, object, embed, base, form,
  style or meta http-equiv; no event-handler or style attribute; every href is http(s), mailto,
  a relative path or #; no stray ``<`` or ``>`` in text; no comments; no tag the clean notice
  does not have except the Markdown ones (a, em, strong, code).
- The same HTML in headless Chromium (tests/browser.py): no script parsed, no dialog, no request
  other than the page's own stylesheet, no navigation.
- notice.md rendered by a deliberately naive CommonMark renderer (raw HTML passes through, any
  link scheme is accepted) passes the same HTML check.
- notice.txt holds no markup of ours and shows the payloads as text; notice.json round-trips them.
- Template syntax is never evaluated: ``{{ 7*7 }}`` is printed as is and no 49 appears.
"""

from __future__ import annotations

import copy
import json
import re
import types
import typing
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import browser
import pytest
import yaml
from pydantic import BaseModel
from typer.testing import CliRunner

from noticegen.cli import app
from noticegen.model import Notice
from noticegen.model import controller as controller_model
from noticegen.model import types as field_types
from noticegen.pipeline import check_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"
PAYLOADS = Path(__file__).resolve().parent / "data" / "xss" / "payloads.txt"
LANGS = ("fi", "en")
BUILDS = 8
"""Builds with rotating payloads: together they put every payload into every field."""

Path_ = tuple[str | int, ...]

# --- the corpus ------------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|[trn\\])")


def _unescape(line: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        if code[0] == "u":
            return chr(int(code[1:], 16))
        return {"t": "\t", "r": "\r", "n": "\n", "\\": "\\"}[code]

    return _ESCAPE.sub(one, line)


@cache
def payloads() -> tuple[str, ...]:
    """The corpus: one payload per line; # comments and blank lines skipped; \\t \\r \\n \\uXXXX."""
    lines = PAYLOADS.read_text(encoding="utf-8").split("\n")
    return tuple(_unescape(line) for line in lines if line.strip() and not line.startswith("#"))


# --- which fields are free text: read from the model itself ---------------------------------

_TEXT_VALIDATORS = {field_types._strict_text, field_types._check_localized, field_types._check_name,
                    controller_model._check_business_id}
_EMAIL_VALIDATORS = {field_types._check_email}
_URL_VALIDATORS = {field_types._check_url, field_types._check_url_per_language}
NOT_RENDERED = {("lint",), ("registers", "lint"), ("registers", "purposes", "lint"),
                ("recipients", "lint"), ("cookies", "lint"),
                ("uses", "cookies"), ("recipients", "cookies")}
"""Lint settings are read by `check`, never rendered: no payloads there. Cookie names chosen
from a catalogue service select the catalogue's cookies (an unknown name is an error); the
published names are the catalogue's."""


def _walk_annotation(annotation: Any) -> Iterator[Any]:
    """Every validator function and model class mentioned in a field's annotation."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        for m in meta:
            func = getattr(m, "func", None)
            if func is not None:
                yield func
        yield from _walk_annotation(base)
    elif origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            yield from _walk_annotation(arg)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation


def _field_kind(model: type[BaseModel], name: str) -> tuple[str | None, list[type[BaseModel]]]:
    """("text" | "email" | "url" | None, models inside) for one field of a model."""
    info = model.model_fields[name]
    found = [getattr(m, "func", None) for m in info.metadata] + list(_walk_annotation(info.annotation))
    kind = None
    if any(f in _TEXT_VALIDATORS for f in found):
        kind = "text"
    elif any(f in _EMAIL_VALIDATORS for f in found):
        kind = "email"
    elif any(f in _URL_VALIDATORS for f in found):
        kind = "url"
    models = [f for f in found if isinstance(f, type) and issubclass(f, BaseModel)]
    return kind, models


def model_text_fields(model: type[BaseModel] = Notice, prefix: tuple[str, ...] = (),
                      kinds: tuple[str, ...] = ("text",)) -> set[tuple[str, ...]]:
    """Every field path (no list indices) whose kind is in ``kinds``, lint settings excepted."""
    out: set[tuple[str, ...]] = set()
    for name in model.model_fields:
        path = (*prefix, name)
        if path in NOT_RENDERED:
            continue
        kind, models = _field_kind(model, name)
        if kind in kinds:
            out.add(path)
        for sub in models:
            if len(path) < 8:  # Retention → RetentionRule → … never recurses, but stay safe
                out |= model_text_fields(sub, path, kinds)
    return out


def slots(data: Any, model: type[BaseModel] = Notice, path: Path_ = (),
          kinds: tuple[str, ...] = ("text",)) -> Iterator[tuple[Path_, str]]:
    """(path to a string in ``data``, kind) for every string of a field whose kind is in ``kinds``.

    A localized value yields one slot per language; a custom term (a mapping where a vocabulary
    id may stand) is walked as its model.
    """
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        here = (*path, key)
        if _shape(here) in NOT_RENDERED or key not in model.model_fields:
            continue
        kind, models = _field_kind(model, key)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            at = here if index is None else (*here, index)
            if kind in kinds and isinstance(item, str):
                yield at, kind
            elif kind in kinds and kind in ("text", "url") and isinstance(item, dict):
                yield from (((*at, lang), kind) for lang in item)
            elif isinstance(item, dict):
                for sub in models:
                    yield from slots(item, sub, at, kinds)


def _shape(path: Path_) -> tuple[str, ...]:
    """A data path without list indices and language keys: the model field it belongs to."""
    return tuple(p for p in path if isinstance(p, str) and p not in LANGS)


def _get(data: Any, path: Path_) -> Any:
    for p in path:
        data = data[p]
    return data


def _set(data: Any, path: Path_, value: Any) -> None:
    _get(data, path[:-1])[path[-1]] = value


# --- the notices -----------------------------------------------------------------------------

def _both(fi: str, en: str) -> dict[str, str]:
    return {"fi": fi, "en": en}


def _address(street: str) -> dict[str, str]:
    return {"street": street, "postal_code": "00100", "city": "Helsinki"}


@cache
def _full_notice() -> str:
    """examples/qualitydesk.yaml with every optional free-text field filled in, as YAML."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["notice"]["title"] = _both("Tietosuojaseloste", "Privacy notice")
    c = data["controller"]
    c["business_id"] = "0737546-2"
    c["phone"] = "+358 9 123 456"
    c["contact"] = {"name": "Maija Meikäläinen", "title": _both("Toimitusjohtaja", "Managing director"),
                    "email": "maija@qualitydesk.com", "phone": "+358 40 123 4567",
                    "address": _address("Contact street 1")}
    c["dpo"] = {"designated": True, "name": "Tietosuoja Oy", "email": "dpo@qualitydesk.com",
                "phone": "+358 40 765 4321", "address": _address("DPO street 2")}
    c["representative"] = {"name": "Rep GmbH", "address": {**_address("Rep street 3"), "country": "DE"},
                           "email": "rep@example.de", "phone": "+46 8 123 456"}
    data["recipients"][0]["sector"] = _both("Julkinen sektori", "Public sector")
    data["recipients"].append({
        "id": "mailer", "name": "Mailer Ltd", "role": "processor", "country": "IE",
        "address": {**_address("Mailer street 4"), "country": "IE"},
        "description": _both("Uutiskirjeet", "Newsletters"),
        "transfers": [{"countries": ["US"], "sub_processors": True, "mechanism": "standard_clauses",
                       "link": "https://mailer.example/dpa", "checked": "2026-01-01",
                       "description": _both("Siirto", "Transfer")}],
        "privacy_policy": "https://mailer.example/privacy", "dpa": "https://mailer.example/dpa",
    })
    reg = data["registers"][0]
    reg["description"] = _both("Rekisterin kuvaus", "About the register")
    reg["data_subjects"].append({"label": _both("Kumppanit", "Partners"),
                                 "description": _both("Yhteyshenkilöt", "Contact people")})
    reg["sources"].append({"label": _both("Julkiset lähteet", "Public sources"), "public": True,
                           "description": _both("Kaupparekisteri", "Trade register")})
    reg["special_categories"] = [{
        "category": {"label": _both("Terveystiedot", "Health data"), "special": True,
                     "description": _both("Allergiat", "Allergies")},
        "condition": "explicit_consent",
        "description": _both("Tietosuojalaki 6 §", "Data Protection Act 6 §"),
    }]
    country = next(c for c in reg["data_categories"] if isinstance(c, dict))
    country["description"] = _both("Arvioitu", "Estimated")
    purposes = reg["purposes"]
    purposes[-1].setdefault("data_categories", []).append(copy.deepcopy(country))
    reg["retention"] = [{"data_categories": ["name", copy.deepcopy(country)],
                         "criteria": _both("Kriteerit", "Criteria")}]
    reg["automated_decisions"] = [{"description": _both("Luottopäätös", "Credit decision"),
                                   "solely_automated": True, "profiling": True,
                                   "logic": _both("Pisteytys", "Scoring"),
                                   "significance": _both("Merkitys", "Significance")}]
    purposes[0]["retention"] = {"criteria": _both("Kunnes tarpeeton", "Until no longer needed")}
    purposes[0]["recipients"] = [*purposes[0].get("recipients", []), "mailer", "partner"]
    purposes[0]["data_categories"].append(copy.deepcopy(reg["special_categories"][0]["category"]))
    purposes[0]["data_subjects"] = ["customers", {"label": _both("Asiakkaat", "Customers"),
                                                  "description": _both("Nykyiset", "Current")}]
    purposes[0]["sources"] = ["data_subject", {"label": _both("Lomake", "Form"),
                                               "description": _both("Verkossa", "Online")}]
    data["recipients"].append({
        "id": "partner", "name": "Partner Oy", "role": "joint_controller", "country": "FI",
        "arrangement": _both("Järjestely", "Arrangement"),
        "arrangement_url": "https://partner.example/arrangement",
    })
    # mailer receives purposes[0] (on contract): its statistics cookie serves the analytics on
    # consent (NG409)
    data["cookies"].append({"name": "mlr_id", "provider": "mailer", "category": "statistics",
                            "party": "third", "duration": "P30D",
                            "purposes": ["website-analytics"],
                            "purpose": _both("Tilastot", "Statistics")})
    data["cookie_consent"]["settings_url"] = "https://qualitydesk.com/cookies"
    data["rights"].update({"how": _both("Lähetä sähköpostia", "Send an e-mail"),
                           "url": "https://qualitydesk.com/rights",
                           "response_time": _both("Kuukauden kuluessa", "Within a month")})
    data["supervisory_authority"] = {
        "name": _both("Tietosuojavaltuutetun toimisto", "Office of the Data Protection Ombudsman"),
        "visiting_address": _both("Lintulahdenkuja 4", "Lintulahdenkuja 4"),
        "postal_address": _both("PL 800", "P.O. Box 800"),
        "phone": _both("029 566 6700", "+358 29 566 6700"), "email": "tietosuoja@om.fi",
        "website": _both("https://tietosuoja.fi", "https://tietosuoja.fi/en"),
    }
    data["security"] = _both("Tietoturva", "Security")
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def full_notice() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(_full_notice())
    return data


def injected(build_no: int, builds: int = 1,
             corpus: tuple[str, ...] | None = None) -> tuple[dict[str, Any], dict[Path_, list[str]]]:
    """The full notice with hostile text in every text slot; returns it and what went where.

    A value used as a link matters most at its start: every slot starts with a URL-like payload
    (``javascript:…``, ``data:…``, ``//host``), a different one in each build. Then each slot
    gets ``k = ceil(len(corpus) / builds)`` payloads, each starting a paragraph (so that block
    syntax such as reference definitions is live in Markdown fields). Slot ``j`` of build ``b``
    starts at payload ``(j + b) * k``: over ``builds`` builds every slot receives every payload.
    """
    corpus = corpus or payloads()
    k = -(-len(corpus) // builds)
    leading = [p for p in corpus if _URL_LIKE.match(p)] or [corpus[0]]
    data = full_notice()
    placed: dict[Path_, list[str]] = {}
    for j, (path, _) in enumerate(slots(data)):
        chosen = [corpus[((j + build_no) * k + t) % len(corpus)] for t in range(min(k, len(corpus)))]
        chosen.insert(0, leading[(j + build_no) % len(leading)])
        _set(data, path, SEPARATOR.join(chosen))
        placed[path] = chosen
    return data, placed


SEPARATOR = "\n\n"
_URL_LIKE = re.compile(r"^(?:[a-z][a-z\t]*:|&#|//)", re.IGNORECASE)


def _lint_codes(diagnostics: list[Any]) -> list[str]:
    return sorted({d.code for d in diagnostics if d.is_error})


def buildable(data: dict[str, Any]) -> dict[str, Any]:
    """The notice with any lint rule that objects to the hostile text switched off, with a reason.

    Lint judges content, not safety; this test is about the renderer. Loading and validation
    must still accept every payload: those errors are never switched off.
    """
    result = check_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "injected.yaml")
    codes = _lint_codes(result.errors)
    assert all(c >= "NG100" for c in codes), [str(d) for d in result.errors]
    if codes:
        data = copy.deepcopy(data)
        data.setdefault("lint", {}).setdefault("disable", []).extend(
            {"rule": code, "reason": "injection test: hostile text on purpose"} for code in codes)
    return data


def build(tmp_path: Path, data: dict[str, Any], stem: str = "notice") -> Path:
    """`noticegen build` (in process) of one notice, all formats; returns the notice's folder."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / f"{stem}.yaml"
    source.write_text(yaml.safe_dump(buildable(data), allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(source), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out / stem


# --- the HTML check --------------------------------------------------------------------------

FORBIDDEN_TAGS = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "form",
    "input", "button", "textarea", "select", "option", "svg", "math", "img", "image", "video",
    "audio", "source", "track", "picture", "noscript", "template", "portal", "xmp", "plaintext",
    "listing", "noembed", "noframes", "isindex", "marquee", "details", "dialog", "param", "canvas",
    "area", "map", "mglyph", "set", "animate", "handler", "import",
})
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "poster", "background", "cite",
                       "srcset", "data", "xlink:href", "ping", "longdesc", "manifest", "codebase",
                       "lowsrc", "dynsrc", "icon", "profile", "usemap", "archive", "classid"})
FORBIDDEN_ATTRS = frozenset({"style", "srcdoc", "http-equiv", "formaction", "xmlns", "is"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
MARKDOWN_TAGS = frozenset({"a", "em", "strong", "code"})
"""Tags the user's Markdown may add beyond those of the clean notice."""
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_STRIP_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see: whitespace and invisible characters are dropped first."""
    match = _SCHEME.match(_STRIP_IN_URL.sub("", url).lower())
    return match.group(1) if match else None


class _Scan(HTMLParser):
    """Tokens of an HTML document with raw (undecoded) text, for the inertness checks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.raw_text: list[str] = []
        self.comments: list[str] = []
        self.decls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.raw_text.append(data)
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        self.text.append(self.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.text.append(self.unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_decl(self, decl: str) -> None:
        self.decls.append(decl)

    def unknown_decl(self, data: str) -> None:
        self.decls.append(data)

    def handle_pi(self, data: str) -> None:
        self.decls.append(data)

    @staticmethod
    def unescape(ref: str) -> str:
        import html

        return html.unescape(ref)


def scan(html_text: str) -> _Scan:
    parser = _Scan()
    parser.feed(html_text)
    parser.close()
    return parser


def text_content(html_text: str) -> str:
    """The document's text, references decoded."""
    return "".join(scan(html_text).text)


def inertness_problems(html_text: str, *, kind: str, allowed_tags: frozenset[str] | None = None) -> list[str]:
    """Why ``html_text`` could run code or load something; [] when it is inert.

    ``kind``: "page" (one stylesheet link, ``<!DOCTYPE html>``), "fragment" (no head elements)
    or "markdown" (HTML rendered from notice.md). ``allowed_tags``: when given, any other tag
    is a problem too.
    """
    doc = scan(html_text)
    problems: list[str] = []
    stylesheets = []
    for tag, attrs in doc.tags:
        names = [name for name, _ in attrs]
        if tag in FORBIDDEN_TAGS:
            problems.append(f"<{tag}> element")
        if allowed_tags is not None and tag not in allowed_tags:
            problems.append(f"<{tag}> is not a tag noticegen writes")
        if len(set(names)) != len(names):
            problems.append(f"<{tag}> has a duplicated attribute: {names}")
        for name, value in attrs:
            if name.startswith("on"):
                problems.append(f"<{tag} {name}=…> event handler")
            elif name in FORBIDDEN_ATTRS:
                problems.append(f"<{tag} {name}=…> attribute")
            elif name in URL_ATTRS and name != "href":
                problems.append(f"<{tag} {name}={value!r}>: resource attribute")
            elif name == "href":
                scheme = url_scheme(value or "")
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    problems.append(f"<{tag} href={value!r}>: {scheme}: link")
        if tag == "meta":
            if any(n not in ("charset", "name", "content") for n in names):
                problems.append(f"<meta {names}>")
            if kind != "page":
                problems.append("<meta> outside a page")
        if tag == "link":
            attr = dict(attrs)
            href = attr.get("href") or ""
            if attr.get("rel") not in ("stylesheet", "alternate") or url_scheme(href) or href[:2] == "//":
                problems.append(f"<link {attrs}>")
            if kind != "page":
                problems.append("<link> outside a page")
            if attr.get("rel") == "stylesheet":
                stylesheets.append(href)
    if kind == "page" and stylesheets != ["../noticegen.css"]:
        problems.append(f"the page should link exactly its own stylesheet, not {stylesheets}")
    for data in doc.raw_text:
        if kind != "markdown" and ("<" in data or ">" in data):
            problems.append(f"unescaped < or > in text: {data.strip()[:80]!r}")
    if doc.comments and kind != "markdown":
        problems.append(f"comments: {doc.comments[:3]}")
    expected_decls = ["DOCTYPE html"] if kind == "page" else []
    if kind != "markdown" and doc.decls != expected_decls:
        problems.append(f"declarations: {doc.decls}")
    return problems


def tags_of(html_text: str) -> set[str]:
    return {tag for tag, _ in scan(html_text).tags}


# --- Markdown and text ----------------------------------------------------------------------

def naive_markdown(md_text: str) -> str:
    """notice.md as a renderer that trusts it would show it: raw HTML on, every link scheme allowed."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return str(md.render(md_text))


_BOX_MARGIN = re.compile(r"^ *\| ?", re.MULTILINE)
_TAG_LIKE = re.compile(r"<[A-Za-z!/?][^<>]*>?")
_OUR_ANGLE_LINK = re.compile(r"<(https?://[^\s<>]+|[^\s<>@]+@[^\s<>@]+)>")


@cache
def shown_forms(payload: str) -> tuple[str, ...]:
    """How a payload may show in text: as written, or as its Markdown reads (entities decoded,
    backslash escapes and emphasis gone), whitespace collapsed."""
    from noticegen.render.user_markdown import block_html, inline_html

    forms = {payload, text_content(inline_html(payload)), text_content(block_html(payload))}
    forms = {" ".join(f.split()) for f in forms}
    forms |= {f.removeprefix("| ") for f in forms}  # a box's "| " margin eats a leading "| "
    return tuple(sorted(forms - {""}, key=len, reverse=True))


def stray_markup(text: str, corpus: tuple[str, ...]) -> list[str]:
    """Tag-like pieces of a text file that are neither payload text nor our `<address>` links."""
    flat = " ".join(_BOX_MARGIN.sub("", text).split())
    for form in sorted({f for p in corpus for f in shown_forms(p)}, key=len, reverse=True):
        flat = flat.replace(form, " ")
    flat = _OUR_ANGLE_LINK.sub(" ", flat)
    return _TAG_LIKE.findall(flat)


_MD_ACTIVE = re.compile(r"[\\`*_\[\]&!|]|^ {4}|^[#>+-]|\n")


def verbatim_in_text(payload: str) -> bool:
    """Whether a payload must appear as is in notice.txt (Markdown fields keep it literal)."""
    return not _MD_ACTIVE.search(payload) and payload.strip() == payload


# --- the tests -------------------------------------------------------------------------------

def test_the_corpus_covers_the_classics() -> None:
    corpus = payloads()
    assert len(corpus) >= 40
    assert len(set(corpus)) == len(corpus), "duplicate payloads"
    for needle in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
                   "'onmouseover='alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
                   "[x](javascript:alert(1))", "![x](javascript:alert(1))", "<javascript:alert(1)>",
                   "{{ 7*7 }}", "{% raw %}", "{{ config }}", "${7*7}", "<!--", "]]><script>alert(1)</script>",
                   "</textarea><script>alert(1)</script>", "<base href=\"//xss.example/\">"):
        assert needle in corpus, needle
    assert any("\u202e" in p for p in corpus), "a bidi override"
    assert any("\nSet-Cookie" in p for p in corpus), "header injection by line breaks"
    assert any(p.startswith("[x](data:text/html;base64,") for p in corpus)


def test_every_free_text_field_of_the_model_gets_payloads() -> None:
    """The walker finds the model's free-text fields, and the full notice fills every one of them.

    A new free-text field in the model fails this test until the full notice above sets it.
    """
    data = full_notice()
    filled = {_shape(path) for path, _ in slots(data)}
    assert filled == model_text_fields()
    result = check_text(_full_notice(), "full.yaml")
    assert not result.errors, [str(d) for d in result.errors]
    pairs = set()
    for build_no in range(BUILDS):
        _, placed = injected(build_no, BUILDS)
        pairs |= {(path, p) for path, chosen in placed.items() for p in chosen}
    assert pairs == {(path, p) for path, _ in slots(data) for p in payloads()}, "every payload, every slot"


def _html_files(folder: Path) -> dict[str, str]:
    return {f"{lang}/{name}": (folder / lang / name).read_text(encoding="utf-8")
            for lang in LANGS for name in ("index.html", "fragment.html")}


@cache
def _clean_tags() -> dict[str, frozenset[str]]:
    """Tags of the clean full notice, per output kind: the baseline the injected builds are held to."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = build(Path(tmp), full_notice())
        html = _html_files(folder)
        md = {lang: naive_markdown((folder / lang / "notice.md").read_text(encoding="utf-8"))
              for lang in LANGS}
    return {
        "page": frozenset(set().union(*(tags_of(v) for k, v in html.items() if k.endswith("index.html")))),
        "fragment": frozenset(set().union(*(tags_of(v) for k, v in html.items() if "fragment" in k))),
        "markdown": frozenset(set().union(*(tags_of(v) for v in md.values()))),
    }


def assert_inert_build(folder: Path, corpus: tuple[str, ...]) -> None:
    clean = _clean_tags()
    problems: dict[str, list[str]] = {}
    for rel, html in _html_files(folder).items():
        kind = "page" if rel.endswith("index.html") else "fragment"
        found = inertness_problems(html, kind=kind, allowed_tags=clean[kind] | MARKDOWN_TAGS)
        if found:
            problems[rel] = found
    for lang in LANGS:
        md_html = naive_markdown((folder / lang / "notice.md").read_text(encoding="utf-8"))
        found = inertness_problems(md_html, kind="markdown", allowed_tags=clean["markdown"] | MARKDOWN_TAGS)
        if found:
            problems[f"{lang}/notice.md (rendered)"] = found
        text = (folder / lang / "notice.txt").read_text(encoding="utf-8")
        stray = stray_markup(text, corpus)
        if stray:
            problems[f"{lang}/notice.txt"] = [f"markup: {s!r}" for s in stray[:10]]
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)[:6000]


def _check_values_round_trip(folder: Path, placed: dict[Path_, list[str]]) -> None:
    doc = json.loads((folder / "notice.json").read_text(encoding="utf-8"))
    for path, chosen in placed.items():
        payload = SEPARATOR.join(chosen)
        if path[0] == "supervisory_authority":
            value = _get(doc["supervisory_authority"], path[1:])
        else:
            value = _get(doc["notice"], path)
        assert value.strip() == payload.strip(), path  # a business id is stripped


def _check_text_output(folder: Path, placed: dict[Path_, list[str]]) -> None:
    for lang in LANGS:
        text = (folder / lang / "notice.txt").read_text(encoding="utf-8")
        flat = " ".join(_BOX_MARGIN.sub("", text).split())
        shown = {p for path, chosen in placed.items() if lang in path or not set(path) & set(LANGS)
                 for p in chosen}
        for payload in sorted(shown):
            if verbatim_in_text(payload):
                assert " ".join(payload.split()) in flat, (lang, payload)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, dict[Path_, list[str]]]]:
    """The BUILDS rotating builds, made once: build number → (notice folder, what went where)."""
    out = {}
    for build_no in range(BUILDS):
        data, placed = injected(build_no, BUILDS)
        out[build_no] = (build(tmp_path_factory.mktemp(f"build{build_no}"), data), placed)
    return out


@pytest.mark.parametrize("build_no", range(BUILDS))
def test_payloads_in_every_field_stay_inert(
    builds: dict[int, tuple[Path, dict[Path_, list[str]]]], build_no: int,
) -> None:
    folder, placed = builds[build_no]
    assert_inert_build(folder, payloads())
    _check_values_round_trip(folder, placed)
    _check_text_output(folder, placed)


TEMPLATE_PAYLOADS = ("{{ 7*7 }}", "${7*7}", "#{7*7}", "<%= 7*7 %>", "{{ config }}", "{% raw %}",
                     "{% for x in range(3) %}{{ x }}{% endfor %}", "{# comment #}")


def _count_49(folder: Path) -> dict[str, int]:
    out = {}
    for rel in ("fi/index.html", "en/index.html", "fi/fragment.html", "en/fragment.html",
                "fi/notice.md", "en/notice.md", "fi/notice.txt", "en/notice.txt"):
        text = (folder / rel).read_text(encoding="utf-8")
        text = text_content(text) if rel.endswith(".html") else text
        out[rel] = len(re.findall(r"(?<!\d)49(?!\d)", text))
    return out


def test_template_syntax_is_printed_not_evaluated(tmp_path: Path) -> None:
    assert set(TEMPLATE_PAYLOADS) <= set(payloads())
    clean = build(tmp_path / "clean", full_notice())
    data, placed = injected(0, 1, TEMPLATE_PAYLOADS)
    folder = build(tmp_path / "tpl", data)
    assert set(_count_49(clean).values()) == {0}, "the clean notice has no 49 of its own"
    assert _count_49(folder) == _count_49(clean), "7*7 was evaluated somewhere"
    for rel, html in _html_files(folder).items():
        text = text_content(html)
        for payload in TEMPLATE_PAYLOADS:
            assert payload in text, (rel, payload)
        assert "012" not in text and "<Config" not in text and "&lt;Config" not in html, rel
    for lang in LANGS:
        txt = (folder / lang / "notice.txt").read_text(encoding="utf-8")
        md = text_content(naive_markdown((folder / lang / "notice.md").read_text(encoding="utf-8")))
        for payload in TEMPLATE_PAYLOADS:
            assert payload in " ".join(txt.split()), (lang, "txt", payload)
            assert payload in md, (lang, "md", payload)
    _check_values_round_trip(folder, placed)


BREAKING_URL = 'https://xss.example/"><script>alert(1)</script>\'onmouseover=\'alert(1)'
BREAKING_EMAIL = '"><svg/onload=alert(1)>@xss.example'


def test_valid_addresses_that_carry_breakers_stay_in_their_attribute(tmp_path: Path) -> None:
    """Web and e-mail addresses are validated loosely (no spaces): quotes and < > still pass."""
    data = full_notice()
    fields = list(slots(data, kinds=("url", "email")))
    assert {_shape(p) for p, _ in fields} == model_text_fields(kinds=("url", "email"))
    for path, kind in fields:
        _set(data, path, BREAKING_URL if kind == "url" else BREAKING_EMAIL)
    folder = build(tmp_path, data)
    assert_inert_build(folder, (BREAKING_URL, BREAKING_EMAIL))
    hrefs = [v for html in _html_files(folder).values() for tag, attrs in scan(html).tags
             if tag == "a" for k, v in attrs if k == "href"]
    assert BREAKING_URL in hrefs and f"mailto:{BREAKING_EMAIL}" in hrefs


def test_the_checker_catches_live_markup() -> None:
    """The HTML check itself: each kind of live markup it must see, it sees."""
    page = ('<!DOCTYPE html><html><head><link rel="stylesheet" href="../noticegen.css"></head>'
            "<body><main>{}</main></body></html>")
    assert inertness_problems(page.format("<p>fine &lt;script&gt;</p>"), kind="page") == []
    for bad in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="java\tscript:x">x</a>',
                '<a href="JaVaScRiPt:x">x</a>', '<a href="&#106;avascript:x">x</a>',
                '<a href="data:text/html,x">x</a>', "<p onmouseover='x'>x</p>", "<base href=//e>",
                '<meta http-equiv="refresh" content="0">', "<style>*{}</style>", "<!-- x -->",
                "<p>a < b</p>", "<iframe src=x></iframe>", '<p style="x:url(y)">x</p>'):
        assert inertness_problems(page.format(bad), kind="page"), bad
    assert stray_markup("Name: <b>x</b>", ()) == ["<b>", "</b>"]
    assert stray_markup("Site: https://a.fi <https://a.fi>, <a@b.fi>", ()) == []
    assert url_scheme(" \u202ejavascript:x") == "javascript"


def test_the_build_check_fails_when_markdown_lets_html_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sabotage the renderer (raw HTML and every link scheme allowed): the checks above see it."""
    from markdown_it import MarkdownIt

    from noticegen.render import user_markdown as markdown

    def trusting_parser() -> MarkdownIt:
        md = MarkdownIt("commonmark", {"html": True})
        md.validateLink = lambda url: True  # type: ignore[method-assign]
        return md

    monkeypatch.setattr(markdown, "_parser", trusting_parser)
    markdown.block_html.cache_clear()
    markdown.inline_html.cache_clear()
    try:
        data, _ = injected(0, BUILDS)
        folder = build(tmp_path, data)
        with pytest.raises(AssertionError) as caught:
            assert_inert_build(folder, payloads())
    finally:
        markdown.block_html.cache_clear()
        markdown.inline_html.cache_clear()
    for expected in ("<script> element", "event handler", "javascript: link", "<iframe> element"):
        assert expected in str(caught.value), expected


def test_the_markdown_check_fails_when_the_converter_does_not_escape(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from noticegen.render import html_to_markdown as convert

    monkeypatch.setattr(convert, "escape_md", lambda text: text)
    data, _ = injected(0, BUILDS)
    folder = build(tmp_path, data)
    with pytest.raises(AssertionError) as caught:
        assert_inert_build(folder, payloads())
    assert "notice.md (rendered)" in str(caught.value) and "<script> element" in str(caught.value)


@pytest.mark.browser
def test_payloads_do_not_run_in_chromium(
    builds: dict[int, tuple[Path, dict[Path_, list[str]]]], tmp_path: Path,
) -> None:
    """Pages and fragments of two builds (each holds the whole corpus) and of the address build."""
    browser.require_browser()
    folders = [builds[0][0], builds[1][0]]
    data = full_notice()
    for slot, kind in slots(data, kinds=("url", "email")):
        _set(data, slot, BREAKING_URL if kind == "url" else BREAKING_EMAIL)
    folders.append(build(tmp_path, data))
    files = [folder / lang / name for folder in folders for lang in LANGS
             for name in ("index.html", "fragment.html")]
    results = browser.probe_scripts(files)
    evidence = {}
    for page, result in zip(files, results, strict=True):
        found = browser.probe_evidence(result)
        stylesheet = (page.parent.parent / "noticegen.css").as_uri()
        requests = [r for r in found.pop("requests", []) if r["url"] != stylesheet]
        if requests:
            found["requests"] = requests
        if found:
            evidence[str(page)] = found
    assert evidence == {}, json.dumps(evidence, indent=1)[:6000]
