"""The user's free text as safe HTML: markdown-it-py, no raw HTML, only http(s), mailto and # links."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline

ALLOWED_SCHEMES = ("http://", "https://", "mailto:")

# Block syntax that would break the notice's own structure (headings, images that make external
# requests, code blocks triggered by YAML indentation) is switched off: it stays literal text.
_DISABLED = ("heading", "lheading", "image", "code", "fence", "blockquote", "hr", "html_block",
             "html_inline", "table", "strikethrough")


# Quotes and angle brackets are fine inside an escaped attribute; whitespace and control
# characters are not part of one address (and hide schemes such as "java\tscript:").
_WEB_ADDRESS = re.compile(r"^(?:https?://|mailto:[^\s@]+@)[^\s\x00-\x1f\x7f-\x9f]+$", re.IGNORECASE)


def web_address(url: str) -> bool:
    """Whether text written by the user can be made a link as it is: one http(s) or mailto URL."""
    return bool(_WEB_ADDRESS.match(url)) and "\x00" not in url


def link_allowed(url: str) -> bool:
    """Whether a link target may appear in a notice: http, https, mailto or an in-page #anchor."""
    target = url.strip()
    lowered = target.lower()
    if target.startswith("#"):
        return True
    return lowered.startswith(ALLOWED_SCHEMES) and len(target) > len("mailto:")


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable([rule for rule in _DISABLED if _known(md, rule)])
    md.inline.ruler.before("link", "literal_image", _literal_image)
    md.validateLink = link_allowed  # type: ignore[method-assign]
    return md


def _literal_image(state: StateInline, silent: bool) -> bool:
    """`![alt](url)` stays literal text, as the docs promise: with the image rule off alone,
    markdown-it read `!` as text and `[alt](url)` as a live link. Taking `![` as text here
    leaves the `[` no link to open."""
    if not state.src.startswith("![", state.pos):
        return False
    if not silent:
        state.push("text", "", 0).content = "!["
    state.pos += 2
    return True


def _known(md: MarkdownIt, rule: str) -> bool:
    chains = (md.block.ruler, md.inline.ruler, md.inline.ruler2, md.core.ruler)
    return any(rule in chain.get_all_rules() for chain in chains)


_TEXTS = 32768
"""Rendered texts kept: a batch build's texts repeat within a notice and between its formats,
seldom across thousands of notices; bounded, so that a batch's memory stays flat (a notice with
2,000 cookies renders about 3,500)."""


# A text is rendered once: the prefixed forms (fragments) are made from the cached bare one.
@lru_cache(maxsize=_TEXTS)
def block_html(text: str, id_prefix: str = "") -> str:
    """Markdown → block HTML (paragraphs, lists). Everything the user wrote is escaped."""
    if id_prefix:
        return _prefixed(block_html(text, ""), id_prefix)
    if not text.strip():
        return ""
    html: str = _parser().render(text)
    return html.strip() + "\n"


@lru_cache(maxsize=_TEXTS)
def inline_html(text: str, id_prefix: str = "") -> str:
    """Markdown → inline HTML (emphasis, links, code), for table cells and short phrases."""
    if id_prefix:
        return _prefixed(inline_html(text, ""), id_prefix)
    if not text.strip():
        return ""
    html: str = _parser().renderInline(text.strip())
    return html.strip()


def _prefixed(html: str, id_prefix: str) -> str:
    # In-page links follow the anchors when they are prefixed (fragments). User text cannot
    # produce this attribute text itself: markdown-it escapes its quotes.
    return html.replace('href="#', f'href="#{id_prefix}') if id_prefix else html


__all__ = ["block_html", "inline_html", "link_allowed", "web_address"]
