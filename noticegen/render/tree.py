"""A minimal element tree of our own rendered HTML (stdlib html.parser), for the converters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

VOID = frozenset({"br", "hr", "img", "meta", "link", "wbr", "input"})
BLOCK = frozenset({
    "article", "aside", "blockquote", "body", "dd", "div", "dl", "dt", "footer", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SPACE = re.compile(r"[ \t\r\n\f]+")


@dataclass(slots=True)
class Node:
    """An element: tag, attributes and children (elements or text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def elements(self, *tags: str) -> list[Node]:
        """Direct child elements, optionally only those with the given tags."""
        return [c for c in self.children if isinstance(c, Node) and (not tags or c.tag in tags)]

    def walk(self) -> Iterator[Node]:
        """This element and every element inside it, in document order."""
        stack = [self]  # (not recursive: nested generators cost a frame per level per element)
        while stack:
            node = stack.pop()
            yield node
            stack.extend([c for c in reversed(node.children) if isinstance(c, Node)])

    def text(self) -> str:
        """The text content with whitespace collapsed."""
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append(" ")
            else:
                parts.append(child.text())
        return _SPACE.sub(" ", "".join(parts)).strip()


def is_block(node: Node | str) -> bool:
    return isinstance(node, Node) and node.tag in BLOCK


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    """Our HTML → a tree under a ``root`` node (comments and doctype are dropped)."""
    root = _parse_plain(html)
    if root is not None:
        return root
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


# Tags, attributes and text as our templates and markdown-it write them. Anything else (a
# comment, a doctype, a stray "<", script or style) sends parse() to html.parser: the fast path
# builds exactly the tree html.parser builds, several times faster (tests/test_perf_equivalence.py).
# The HTML is cut at every "<…>" (our attribute values never hold a raw "<" or ">": they are
# escaped); a piece that is not a whole tag by _TAG, or text with a "<" in it, is "anything else".
_PIECES = re.compile(r"(<[^<>]*>)")
_TAG = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*"""
                  r"""(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(/?)>""")
_ATTR = re.compile(r"""\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|"""
                   r"""([^\s"'=<>`]+)))?""")
_CDATA = frozenset({"script", "style"})
_Tag = tuple[str, dict[str, str] | None, bool]
"""A tag as the tree takes it: name, attributes (None for an end tag), whether it opens."""


def _parse_plain(html: str) -> Node | None:
    """The tree of ``html`` when it holds only tags and text, else None."""
    root = Node("root")
    stack = [root]
    children = root.children  # those of the innermost open element
    tags: dict[str, _Tag] = {}  # a body repeats most of its tags: each is read once
    pieces = iter(_PIECES.split(html))  # text, tag, text, tag, …, text
    for text in pieces:
        if text:
            if "<" in text:
                return None
            children.append(unescape(text) if "&" in text else text)
        raw = next(pieces, None)
        if raw is None:
            break
        tag = tags.get(raw)
        if tag is None:
            tag = _read_tag(raw)
            if tag is None:
                return None
            tags[raw] = tag
        name, attrs, opens = tag
        if attrs is None:  # an end tag closes the innermost open element of its name, if any
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].tag == name:
                    del stack[depth:]
                    children = stack[-1].children
                    break
            continue
        node = Node(name, dict(attrs), [])
        children.append(node)
        if opens:
            stack.append(node)
            children = node.children
    return root


def _read_tag(raw: str) -> _Tag | None:
    match = _TAG.fullmatch(raw)
    if match is None:
        return None
    closing, name, attrs, self_closing = match.groups()
    tag = name.lower()
    if tag in _CDATA:
        return None
    if closing:
        return None if attrs or self_closing else (tag, None, False)
    values: dict[str, str] = {}
    for key, double, single, bare in _ATTR.findall(attrs):
        value = double or single or bare
        values[key.lower()] = unescape(value) if "&" in value else value
    return tag, values, not self_closing and tag not in VOID


def collapse(text: str) -> str:
    """HTML whitespace rules for inline text: runs of whitespace become one space."""
    if "  " not in text and text.isprintable():  # (no tab, line or page break either)
        return text
    return _SPACE.sub(" ", text)


__all__ = ["BLOCK", "HEADINGS", "Node", "collapse", "is_block", "parse"]
