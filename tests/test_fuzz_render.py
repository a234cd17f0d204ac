"""Fuzzing the render side: every valid notice renders in every language and format.

Notices come from tests/strategies.py (valid by construction; their text mixes many scripts with
Markdown and HTML special characters). For each one, every language with templates × every
format is rendered, and:

- the HTML (page and fragment) is well-formed under HTML5 rules, checked with html.parser: every
  element closed in order (void elements excepted), no stray ``<``, ``>`` or ``&`` in text, only
  known character references, no nested links, nothing a ``<p>`` cannot hold inside one, list,
  definition-list and table parts only inside their parents, ids unique, every ``#`` link
  pointing at an id of the same document;
- the HTML is inert (the checks of tests/test_injection.py);
- notice.md, rendered by a naive CommonMark renderer, is inert too; notice.txt and notice.json
  are well-formed; rendering twice gives the same bytes.
"""

from __future__ import annotations

import html.entities
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import notices
from test_injection import inertness_problems, naive_markdown

from noticegen.pipeline import check_text
from noticegen.render import FORMATS, RenderOptions, render_all
from noticegen.render.environment import available_languages

EXAMPLES = 40
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
# Start tags that close an open <p> in an HTML5 parser (so the tree would not be what we wrote).
CLOSES_P = frozenset({"address", "article", "aside", "blockquote", "details", "div", "dl",
                      "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
                      "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre",
                      "section", "table", "ul"})
PARENTS = {"li": {"ul", "ol", "menu"}, "dt": {"dl", "div"}, "dd": {"dl", "div"},
           "tr": {"table", "thead", "tbody", "tfoot"}, "td": {"tr"}, "th": {"tr"},
           "thead": {"table"}, "tbody": {"table"}, "tfoot": {"table"}, "caption": {"table"}}
CHILDREN = {"ul": {"li"}, "ol": {"li"}, "dl": {"dt", "dd", "div"}, "tr": {"td", "th"},
            "thead": {"tr"}, "tbody": {"tr"}, "tfoot": {"tr"},
            "table": {"caption", "thead", "tbody", "tfoot", "tr", "colgroup"}}


class WellFormed(HTMLParser):
    """Collects every HTML5 well-formedness problem of one document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []

    def _where(self) -> str:
        line, col = self.getpos()
        return f"{line}:{col} in {'/'.join(self.stack[-4:]) or 'top'}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        parent = self.stack[-1] if self.stack else None
        if tag in CLOSES_P and "p" in self.stack:
            self.problems.append(f"<{tag}> inside <p> at {self._where()}")
        if tag == "a" and "a" in self.stack:
            self.problems.append(f"<a> inside <a> at {self._where()}")
        if tag in PARENTS and parent not in PARENTS[tag]:
            self.problems.append(f"<{tag}> in <{parent}> at {self._where()}")
        if parent in CHILDREN and tag not in CHILDREN[parent]:
            self.problems.append(f"<{tag}> directly in <{parent}> at {self._where()}")
        names = [name for name, _ in attrs]
        if len(set(names)) != len(names):
            self.problems.append(f"<{tag}> repeats an attribute at {self._where()}")
        for name, value in attrs:
            if name == "id":
                self.ids.append(value or "")
            if name == "href" and (value or "").startswith("#"):
                self.links.append((value or "")[1:])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.problems.append(f"self-closing <{tag}/> at {self._where()}")
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.problems.append(f"end tag </{tag}> of a void element at {self._where()}")
        elif not self.stack or self.stack[-1] != tag:
            open_tag = self.stack[-1] if self.stack else "-"
            self.problems.append(f"</{tag}> closes <{open_tag}> at {self._where()}")
            if tag in self.stack:
                del self.stack[self.stack.index(tag):]
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for ch in "<>&":
            if ch in data:
                self.problems.append(f"stray {ch!r} in text at {self._where()}: {data.strip()[:60]!r}")

    def handle_entityref(self, name: str) -> None:
        if f"{name};" not in html.entities.html5:
            self.problems.append(f"unknown reference &{name}; at {self._where()}")

    def handle_charref(self, name: str) -> None:
        try:
            code = int(name[1:], 16) if name[:1] in "xX" else int(name)
        except ValueError:
            code = -1
        if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            self.problems.append(f"bad reference &#{name}; at {self._where()}")

    def handle_comment(self, data: str) -> None:
        self.problems.append(f"comment at {self._where()}")

    def unknown_decl(self, data: str) -> None:
        self.problems.append(f"declaration <![{data[:20]}…> at {self._where()}")


def html_problems(text: str, *, page: bool) -> list[str]:
    """Every reason ``text`` is not a well-formed HTML5 page (or fragment)."""
    checker = WellFormed()
    body = text
    if page:
        if not text.startswith("<!DOCTYPE html>\n"):
            checker.problems.append("a page starts with <!DOCTYPE html>")
        body = text.removeprefix("<!DOCTYPE html>\n")
    checker.feed(body)
    checker.close()
    if checker.rawdata:
        checker.problems.append(f"unparsed text at the end: {checker.rawdata[:60]!r}")
    if checker.stack:
        checker.problems.append(f"unclosed: {checker.stack}")
    duplicates = sorted({i for i in checker.ids if checker.ids.count(i) > 1})
    if duplicates:
        checker.problems.append(f"duplicate ids: {duplicates}")
    dangling = sorted(set(checker.links) - set(checker.ids))
    if dangling:
        checker.problems.append(f"links to missing ids: {dangling}")
    if page and (not checker.ids or "html" not in text[:200]):
        checker.problems.append("a page without ids or <html>")
    return checker.problems


def render_everything(data: dict[str, Any]) -> dict[str, bytes]:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    checked = check_text(text, "fuzz.yaml", lint=False)
    assert checked.resolved is not None, [str(d) for d in checked.errors]
    langs = list(data["notice"]["languages"])
    url = data["notice"].get("url")
    if not (isinstance(url, dict) and set(langs) <= set(url)):  # short needs every language's
        return render_everything({**data, "notice": {
            **data["notice"], "url": {lang: f"https://example.fi/{lang}/privacy" for lang in langs}}})
    return render_all(checked.resolved, languages=langs, formats=list(FORMATS),
                      options=RenderOptions(heading_level=2))


@st.composite
def renderable(draw: st.DrawFn) -> dict[str, Any]:
    """A valid notice in languages that have templates."""
    langs = draw(st.lists(st.sampled_from(available_languages()), min_size=1, unique=True))
    return draw(notices(languages=tuple(langs)))


def check_rendering(data: dict[str, Any]) -> None:
    files = render_everything(data)
    langs = list(data["notice"]["languages"])
    expected = {"notice.json", "noticegen.css", "consent/cookieconsent.js",
                "consent/cookieconsent.json", "consent/klaro.js", "consent/klaro.json"} | {
        f"{lang}/{name}" for lang in langs
        for name in ("index.html", "fragment.html", "notice.md", "notice.txt")} | {
        f"{lang}/short/{register['id']}.{ext}" for lang in langs
        for register in data.get("registers", []) for ext in ("html", "txt")}
    assert set(files) == expected
    problems = {}
    for name, raw in files.items():
        text = raw.decode("utf-8")
        found: list[str] = []
        if name.endswith(".html"):
            page = name.endswith("index.html")
            found = html_problems(text, page=page)
            found += inertness_problems(text, kind="page" if page else "fragment")
        elif name.endswith(".md"):
            found = inertness_problems(naive_markdown(text), kind="markdown")
        elif name.endswith(".txt"):
            found = [] if text.endswith("\n") and "\r" not in text and text.strip() else ["bad text file"]
        elif name == "notice.json":
            json.loads(text)
        elif name == "consent/cookieconsent.json":
            # vanilla-cookieconsent inserts these texts as HTML: the only tags are our links.
            texts = json.dumps(json.loads(text)["language"], ensure_ascii=False)
            found = [f"tag <{t}> in a banner text" for t in set(re.findall(r"<(\w+)", texts)) - {"a", "br"}]
        elif name.endswith(".json"):
            json.loads(text)
        if found:
            problems[name] = found
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)[:4000]
    assert render_everything(data) == files, "rendering twice gives the same bytes"


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(renderable())
def test_every_valid_notice_renders_well_formed_and_inert(data: dict[str, Any]) -> None:
    check_rendering(data)


def test_the_example_renders_well_formed() -> None:
    from pathlib import Path

    example = Path(__file__).resolve().parent.parent / "examples" / "qualitydesk.yaml"
    check_rendering(yaml.safe_load(example.read_text(encoding="utf-8")))


@pytest.mark.parametrize(("html_text", "problem"), [
    ("<p>a<div>b</div></p>", "<div> inside <p>"),
    ("<ul><p>x</p></ul>", "<p> directly in <ul>"),
    ("<li>x</li>", "<li> in <None>"),
    ("<p>a < b</p>", "stray '<'"),
    ("<p>Q & A</p>", "stray '&'"),
    ("<p>&nosuch;</p>", "unknown reference"),
    ("<p><em>x</p></em>", "</p> closes <em>"),
    ("<div>", "unclosed"),
    ('<a href="#x">x</a>', "links to missing ids"),
    ('<p id="a"></p><p id="a"></p>', "duplicate ids"),
    ('<a href="#a"><a id="a">x</a></a>', "<a> inside <a>"),
    ("<br></br>", "void element"),
    ("<!-- x -->", "comment"),
])
def test_the_checker_sees_malformed_html(html_text: str, problem: str) -> None:
    found = html_problems(html_text, page=False)
    assert any(problem in p for p in found), found
    assert html_problems('<div id="a"><p>x &amp; <a href="#a">y</a><br></p></div>', page=False) == []
