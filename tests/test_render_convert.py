"""The HTML → Markdown and HTML → text converters, on small pieces of our own markup."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from noticegen.pipeline import check_file
from noticegen.render import render
from noticegen.render.html_to_markdown import to_markdown
from noticegen.render.html_to_text import to_text

ROOT = Path(__file__).resolve().parent.parent


def test_headings_paragraphs_and_lists() -> None:
    html = "<h1>Title</h1>\n<p>One\ntwo   three</p><ul><li>a</li><li>b <em>c</em></li></ul>"
    assert to_markdown(html) == "# Title\n\nOne two three\n\n- a\n- b *c*\n"
    assert to_text(html) == "Title\n=====\n\nOne two three\n\n- a\n- b c\n"


def test_tables_become_pipe_tables_and_label_value_blocks() -> None:
    html = ("<table><thead><tr><th>Name</th><th>Note</th></tr></thead><tbody>"
            "<tr><td>a|b</td><td>x<br>y</td></tr></tbody></table>")
    assert to_markdown(html) == "| Name | Note |\n| --- | --- |\n| a\\|b | x<br>y |\n"
    assert to_text(html) == "  Name: a|b\n  Note: x\n    y\n"


def test_definition_lists() -> None:
    html = "<dl><dt>Legal basis</dt><dd>Contract</dd><dt>Data</dt><dd><ul><li>Name</li></ul></dd></dl>"
    assert to_markdown(html) == "- **Legal basis:** Contract\n- **Data:**\n  - Name\n"
    assert to_text(html) == "Legal basis: Contract\nData:\n  - Name\n"


def test_links() -> None:
    html = ('<p><a href="https://x.fi/a/">x.fi/a</a> <a href="mailto:a@b.fi">a@b.fi</a> '
            '<a href="https://x.fi">Site</a> <a href="#rights">Rights</a> '
            '<a href="javascript:alert(1)">bad</a></p><h2 id="rights">Your rights</h2>')
    md = to_markdown(html)
    assert "[x.fi/a](https://x.fi/a/)" in md and "[Rights](#rights)" in md
    assert "javascript" not in md and " bad" in md
    assert to_text(html).startswith("https://x.fi/a/ a@b.fi Site <https://x.fi> Rights bad\n")


def test_box_is_a_blockquote_and_a_bar() -> None:
    html = '<section class="ng-box"><h3>Right to object</h3><p>You can object.</p></section>'
    assert to_markdown(html) == "> ### Right to object\n>\n> You can object.\n"
    assert to_text(html) == "| Right to object\n| ~~~~~~~~~~~~~~~\n|\n| You can object.\n"


def test_code_spans_survive_backticks() -> None:
    assert to_markdown("<p><code>a`b</code></p>") == "``a`b``\n"


def test_text_never_starts_markdown_blocks() -> None:
    md = to_markdown("<p>1. not a list</p><p># not a heading</p><p>- not an item</p>")
    assert md == "1\\. not a list\n\n\\# not a heading\n\n\\- not an item\n"


def test_markdown_keeps_the_html_anchors() -> None:
    """The same anchor names in the page, the fragment and the Markdown (issue #18)."""
    html = ('<h2 id="ng-rights">Rights</h2><div id="ng-purpose-x"><p><strong>X</strong></p></div>'
            '<h2>Retention</h2><p><a href="#ng-rights">r</a> <a href="#ng-purpose-x">x</a> '
            '<a href="#nowhere">gone</a></p>')
    md = to_markdown(html)
    assert '## <a id="ng-rights"></a>Rights' in md
    assert '<a id="ng-purpose-x"></a>**X**' in md
    assert "[r](#ng-rights) [x](#ng-purpose-x) gone" in md


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_plain_text_fits_80_columns(lang: str) -> None:
    checked = check_file(str(ROOT / "examples" / "qualitydesk.yaml"), lint=False)
    assert checked.resolved is not None
    text = render(checked.resolved, lang=lang, fmt="txt")
    for line in text.splitlines():
        # Only a line that is one unbreakable word (a URL, an address) may be longer.
        assert len(line) <= 80 or " " not in line.strip().split(": ", 1)[-1], line


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_markdown_renders_back_to_the_same_outline(lang: str) -> None:
    """The .md, rendered by a CommonMark + GFM-tables parser, has the page's headings and tables."""
    from markdown_it import MarkdownIt

    checked = check_file(str(ROOT / "examples" / "qualitydesk.yaml"), lint=False)
    assert checked.resolved is not None
    page = render(checked.resolved, lang=lang, fmt="page")
    body = page[page.index("<main"):]
    html = MarkdownIt("commonmark").enable("table").render(
        render(checked.resolved, lang=lang, fmt="md"))

    def outline(text: str) -> list[str]:
        return [unescape(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r"<h\d[^>]*>(.*?)</h\d>", text)]

    assert outline(html) == outline(body)
    assert html.count("<table>") == body.count("<table")
    assert html.count("<li>") == body.count("<li") + body.count("<dd")  # a <dl> becomes a list
    assert "<script" not in html
