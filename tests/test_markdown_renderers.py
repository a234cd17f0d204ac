"""Markdown that noticegen writes, shown by three real renderers: nothing in it becomes markup.

`diff --format markdown` (appended to a CHANGES.md, as docs/commands/diff.md shows) and
notice.md carry the notice's text. Each is rendered the way a site that trusts it would:
markdown-it-py in CommonMark mode with raw HTML on, Python-Markdown (raw HTML passes by
default), and GitHub's own cmark-gfm (cmarkgfm) with its unsafe option and the GFM extensions.
Every payload of the XSS corpus (tests/data/xss/payloads.txt) goes into every text field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_injection import (
    BUILDS,
    LANGS,
    build,
    buildable,
    full_notice,
    inertness_problems,
    injected,
    naive_markdown,
    scan,
    text_content,
)
from typer.testing import CliRunner

from noticegen.cli import app


def python_markdown(text: str) -> str:
    import markdown

    return str(markdown.markdown(text))


def github(text: str) -> str:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    return str(cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE))


RENDERERS: dict[str, Callable[[str], str]] = {
    "commonmark": naive_markdown, "python-markdown": python_markdown, "gfm": github,
}


def _diff_markdown(tmp_path: Path, new: dict[str, Any]) -> str:
    old_path, new_path = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old_path.write_text(yaml.safe_dump(full_notice(), allow_unicode=True, sort_keys=False), "utf-8")
    new_path.write_text(yaml.safe_dump(buildable(new), allow_unicode=True, sort_keys=False), "utf-8")
    result = CliRunner().invoke(app, ["diff", "--format", "markdown", str(old_path), str(new_path)])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize("build_no", range(BUILDS))
@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_diff_markdown_is_inert_in_every_renderer(tmp_path: Path, build_no: int,
                                                  renderer: str) -> None:
    """A title holding `<img src=x onerror=…>` was printed raw: Python-Markdown made 19 live
    elements of the corpus (`<script>`, `onerror`, `javascript:` links), and a line break in a
    value started a link reference definition."""
    new, _ = injected(build_no, BUILDS)
    text = _diff_markdown(tmp_path, new)
    changes = [line for line in text.splitlines() if line.startswith("- ")]
    assert changes, text[:2000]
    html = RENDERERS[renderer](text)
    problems = inertness_problems(html, kind="markdown",
                                  allowed_tags=frozenset({"h2", "ul", "li", "p", "a"}))
    assert not problems, problems[:10]
    # Each change is one list item: no value's line break ended the list or started a block.
    assert sum(1 for tag, _ in scan(html).tags if tag == "li") == len(changes)
    hrefs = [dict(attrs).get("href") or "" for tag, attrs in scan(html).tags if tag == "a"]
    assert all(h.startswith(("http://", "https://", "mailto:")) for h in hrefs), hrefs


def test_diff_markdown_shows_the_payload_as_text(tmp_path: Path) -> None:
    new = full_notice()
    new["notice"]["title"] = {"fi": "<img src=x onerror=alert(1)>", "en": "# [x](javascript:1)"}
    text = _diff_markdown(tmp_path, new)
    for render in RENDERERS.values():
        shown = text_content(render(text))
        assert "<img src=x onerror=alert(1)>" in shown and "# [x](javascript:1)" in shown


@pytest.fixture(scope="module")
def notice_md(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data, _ = injected(0, 2)  # every payload, in two builds' worth of fields
    folder = build(tmp_path_factory.mktemp("md"), data)
    return {lang: (folder / lang / "notice.md").read_text(encoding="utf-8") for lang in LANGS}


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_notice_md_is_inert_in_every_renderer(notice_md: dict[str, str], renderer: str) -> None:
    for lang, text in notice_md.items():
        problems = inertness_problems(RENDERERS[renderer](text), kind="markdown")
        assert not problems, (lang, problems[:10])


# --- Markdown details (issue #22, item 11) ---------------------------------------------------

@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_a_quote_in_a_link_target_stays_in_the_target(renderer: str) -> None:
    """Python-Markdown cut `[x](https://a.example/"x)` at the quote and made the rest a title."""
    from noticegen.render.html_to_markdown import to_markdown

    md = to_markdown('<p><a href="https://a.example/&quot;onmouseover=alert(1)">x</a> '
                     "<a href=\"https://b.example/'y\">y</a></p>")
    assert "%22onmouseover" in md and "%27y" in md
    tags = [dict(attrs) for tag, attrs in scan(RENDERERS[renderer](md)).tags if tag == "a"]
    assert [t.get("href") for t in tags] == ["https://a.example/%22onmouseover=alert%281%29",
                                             "https://b.example/%27y"]
    assert all(set(t) == {"href"} for t in tags), tags  # no title


@pytest.mark.parametrize("text", ["![img](https://x.example/a.png)",
                                  "a ![x](javascript:alert(1)) b", "![](https://x.example/)"])
def test_an_image_stays_literal_text(text: str) -> None:
    """`![img](url)` became "!" and a live link although the docs say images stay literal."""
    from noticegen.render.user_markdown import block_html, inline_html

    for html in (inline_html(text), block_html(text)):
        assert not [tag for tag, _ in scan(html).tags if tag in ("a", "img")], html
        assert text_content(html).strip() == text


def test_a_link_after_an_exclamation_mark_is_still_a_link() -> None:
    from noticegen.render.user_markdown import inline_html

    html = inline_html("Hei! [tietosuoja](https://example.fi) ja \\![x](https://example.fi/x)")
    assert re.findall(r'href="([^"]+)"', html) == ["https://example.fi", "https://example.fi/x"]
