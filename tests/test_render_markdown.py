"""User text is data: Markdown without raw HTML, safe links only, never a template; escaped in .md."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from noticegen.pipeline import check_file
from noticegen.render import render
from noticegen.render.html_to_markdown import escape_md
from noticegen.render.user_markdown import block_html, inline_html, link_allowed

NASTY = (
    "<script>alert(1)</script> [click](javascript:alert(1)) {{ 7*7 }} {% if true %}x{% endif %} "
    "*star* _under_ `tick` | pipe | # hash <b>bold</b> &amp; $x$ [ok](https://example.fi)"
)


def test_raw_html_is_escaped() -> None:
    html = block_html("<script>alert(1)</script><img src=x onerror=alert(1)>")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc",
     "relative/page", "//evil.example/x"],
)
def test_only_http_https_mailto_and_anchors_become_links(url: str) -> None:
    assert "<a " not in inline_html(f"[x]({url})")
    assert not link_allowed(url)


@pytest.mark.parametrize("url", ["https://tietosuoja.fi", "http://x.fi/a", "mailto:a@b.fi", "#rights"])
def test_allowed_links(url: str) -> None:
    assert f'href="{url}"' in inline_html(f"[x]({url})")


def test_template_syntax_stays_literal() -> None:
    assert inline_html("{{ 7*7 }} {% for x in y %}") == "{{ 7*7 }} {% for x in y %}"


def test_images_headings_and_code_blocks_are_not_markdown_here() -> None:
    # Images would make external requests; headings would break the notice's own outline.
    assert "<img" not in block_html("![x](https://example.fi/x.png)")
    assert "<h1" not in block_html("# Heading")
    assert "<pre" not in block_html("    indented by YAML")


def test_anchor_links_follow_the_fragment_prefix() -> None:
    assert 'href="#ng-rights"' in inline_html("[x](#rights)", "ng-")


def test_escape_md_neutralises_every_markup_character() -> None:
    text = "*a* _b_ `c` [d](e) <f> | g ~h~ & $i$ \\"
    escaped = escape_md(text)
    for ch in "*_`[]<>|~&$\\":
        assert f"\\{ch}" in escaped


@pytest.fixture
def nasty(notice_file: Callable[..., Path]) -> Any:
    def edit(d: dict[str, Any]) -> None:
        d["registers"][0]["description"] = {"fi": NASTY, "en": NASTY}
        d["registers"][0]["purposes"][0]["description"] = {"fi": "# " + NASTY, "en": "- " + NASTY}

    checked = check_file(str(notice_file(edit=edit)), lint=False)
    assert checked.resolved is not None, checked.errors
    return checked.resolved


@pytest.mark.parametrize("fmt", ["page", "fragment"])
def test_user_text_cannot_inject_html_or_templates(nasty: Any, fmt: str) -> None:
    html = render(nasty, lang="fi", fmt=fmt)
    assert "<script" not in html and "<b>" not in html
    assert "javascript:" not in html.replace("(javascript:alert(1))", "")
    assert 'href="javascript' not in html
    assert "{{ 7*7 }}" in html and "49" not in html
    assert "{% if true %}x{% endif %}" in html
    assert '<a href="https://example.fi">ok</a>' in html


def test_user_text_is_escaped_in_markdown(nasty: Any) -> None:
    md = render(nasty, lang="fi", fmt="md")
    # (the purpose's own paragraph: the summary at the top names it as plain text)
    line = next(ln for ln in md.splitlines()
                if "alert(1)</script" in ln.replace("\\", "") and ln.startswith('<a id="ng-purpose-'))
    assert "<script>" not in line and "\\<script\\>" in line
    # The user's own Markdown keeps working; everything else is literal text.
    assert "*star* *under* `tick`" in line and "{{ 7\\*7 }}" in line
    assert "\\| pipe \\|" in line and "\\$x\\$" in line and "\\<b\\>bold" in line
    assert "[ok](https://example.fi)" in line
    assert "[click](javascript" not in md and "\\[click\\](javascript:alert(1))" in md
    # A purpose that starts like a heading or a list item stays a paragraph.
    assert "\\# \\<script" in md


def test_user_text_reads_as_written_in_plain_text(nasty: Any) -> None:
    txt = " ".join(render(nasty, lang="en", fmt="txt").split())
    assert "<script>alert(1)</script>" in txt
    assert "ok <https://example.fi>" in txt
    assert "{{ 7*7 }}" in txt
