"""Our rendered HTML body → plain text wrapped at 80 columns, for e-mail and print."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from functools import lru_cache

from noticegen.render.tree import Node, collapse, is_block, parse
from noticegen.render.user_markdown import link_allowed

WIDTH = 80
_BREAK = "\n"
_AROUND_BREAK = re.compile(r" *\n *")
_SPACES = re.compile(r"  +")


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Wrap each hard line of ``text``; URLs and e-mail addresses are never broken."""
    return list(_wrapped(text, width, first, rest))


@lru_cache(maxsize=4096)
def _wrapped(text: str, width: int, first: str, rest: str) -> tuple[str, ...]:
    """:func:`_wrap`, remembered: the same paragraphs come again and again (the rights, the
    right to object, the complaint: in every register's short notice, in every notice of a
    batch). Bounded, so that a batch's memory stays flat."""
    lines: list[str] = []
    for number, hard in enumerate(text.split(_BREAK)):
        prefix = first if number == 0 else rest
        limit = max(width, len(prefix) + 20)
        if hard and _plain(hard):  # what textwrap gives, faster
            if len(prefix) + len(hard) <= limit:
                lines.append(prefix + hard)
            else:
                lines.extend(_greedy(hard.split(" "), limit, prefix, rest))
            continue
        lines.extend(textwrap.wrap(
            hard, width=limit, initial_indent=prefix,
            subsequent_indent=rest, break_long_words=False, break_on_hyphens=False,
        ) or [prefix.rstrip()])
    return tuple(lines)


def _plain(line: str) -> bool:
    """Whether the line's only whitespace is single spaces between words (then textwrap
    rewrites nothing in it and drops nothing from it)."""
    return line.isprintable() and "  " not in line and line[0] != " " and line[-1] != " "


def _greedy(words: list[str], width: int, first: str, rest: str) -> list[str]:
    """textwrap.wrap of a plain line (words never broken): as many words per line as fit."""
    lines: list[str] = []
    prefix, room = first, width - len(first)
    line: list[str] = []
    size = 0
    for word in words:
        if line and size + 1 + len(word) <= room:
            line.append(word)
            size += 1 + len(word)
        elif not line:  # the first word of a line goes there even when it is too long
            line, size = [word], len(word)
        else:
            lines.append(prefix + " ".join(line))
            prefix, room = rest, width - len(rest)
            line, size = [word], len(word)
    lines.append(prefix + " ".join(line))
    return lines


def _strip_scheme(url: str) -> str:
    return re.sub(r"^(https?://|mailto:)", "", url).rstrip("/")


class _Text:
    def __init__(self, width: int) -> None:
        self.width = width

    # --- blocks: each returns a list of blocks, each block a list of lines ------------
    def blocks(self, node: Node, width: int) -> list[list[str]]:
        out: list[list[str]] = []
        run: list[Node | str] = []
        for child in node.children:
            if is_block(child):
                self._flush(run, out, width)
                assert isinstance(child, Node)
                out.extend(self.block(child, width))
            else:
                run.append(child)
        self._flush(run, out, width)
        return out

    def _flush(self, run: list[Node | str], out: list[list[str]], width: int) -> None:
        text = self.inline(run)
        if text:
            out.append(_wrap(text, width))
        run.clear()

    def block(self, node: Node, width: int) -> list[list[str]]:
        if "ng-interactive" in node.classes:
            return []  # works only on a web page (the consent banner's settings link)
        handler: Callable[[Node, int], list[list[str]]] = getattr(self, f"_{node.tag}", self.blocks)
        if "ng-box" in node.classes:
            inner = handler(node, width - 2)
            lines = [ln for b in inner for ln in [*b, ""]][:-1]
            return [[f"| {ln}".rstrip() for ln in lines]]
        return handler(node, width)

    def _heading(self, node: Node, width: int) -> list[list[str]]:
        text = self.inline(node.children).replace(_BREAK, " ")
        if not text:
            return []
        lines = _wrap(text, width)
        rule = {"h1": "=", "h2": "-", "h3": "~"}.get(node.tag)
        if rule is None:
            return [lines]
        return [[*lines, rule * min(width, max(len(ln) for ln in lines))]]

    _h1 = _h2 = _h3 = _h4 = _h5 = _h6 = _heading

    def _p(self, node: Node, width: int) -> list[list[str]]:
        text = self.inline(node.children)
        return [_wrap(text, width)] if text else []

    def _list(self, node: Node, width: int) -> list[list[str]]:
        lines: list[str] = []
        items = node.elements("li")
        size = len(f"{len(items)}. ") if node.tag == "ol" else 2
        for number, li in enumerate(items, start=1):
            marker = (f"{number}." if node.tag == "ol" else "-").ljust(size)
            inner = self.blocks(li, width - size)
            body = [ln for b in inner for ln in [*b, ""]][:-1] or [""]
            lines.append((marker + body[0]).rstrip())
            lines.extend((" " * size + ln).rstrip() for ln in body[1:])
        return [lines] if lines else []

    _ul = _ol = _list

    def _pairs(self, pairs: list[tuple[str, Node]], width: int) -> list[str]:
        """"label: value" lines; values wrap under a two-space indent."""
        lines: list[str] = []
        for label, value in pairs:
            head = f"{label}: " if label else ""
            kids = [c for c in value.children if not (isinstance(c, str) and not c.strip())]
            if len(kids) == 1 and isinstance(kids[0], Node) and kids[0].tag == "p":
                kids = kids[0].children
            if not any(is_block(c) for c in kids):
                lines.extend(_wrap(self.inline(kids), width, head, "  "))
                continue
            lines.append(head.rstrip())
            inner = self.blocks(value, width - 2)
            flat = [ln for b in inner for ln in [*b, ""]][:-1]
            lines.extend(f"  {ln}".rstrip() for ln in flat)
        return lines

    def _dl(self, node: Node, width: int) -> list[list[str]]:
        pairs: list[tuple[str, Node]] = []
        term = ""
        for child in node.elements("dt", "dd"):
            if child.tag == "dt":
                term = self.inline(child.children).replace(_BREAK, " ")
            else:
                pairs.append((term, child))
                term = ""
        return [self._pairs(pairs, width)] if pairs else []

    def _table(self, node: Node, width: int) -> list[list[str]]:
        head = [tr for part in node.elements("thead") for tr in part.elements("tr")]
        body = [tr for part in node.elements("tbody", "tfoot") for tr in part.elements("tr")]
        body += node.elements("tr")
        labels = [self.inline(c.children) for tr in head[:1] for c in tr.elements("th", "td")]
        out: list[list[str]] = []
        for tr in body:
            cells = tr.elements("th", "td")
            pairs = [(labels[i] if i < len(labels) else "", c) for i, c in enumerate(cells)]
            out.append([f"  {ln}" for ln in self._pairs(pairs, width - 2)])
        return out

    # --- inline ----------------------------------------------------------------------
    def inline(self, nodes: list[Node | str]) -> str:
        out: list[str] = []
        for child in nodes:
            if isinstance(child, str):
                out.append(collapse(child))
            elif child.tag == "br":
                out.append(_BREAK)
            elif child.tag == "a":
                out.append(self._link(child))
            else:
                out.append(self.inline(child.children))
        text = "".join(out)
        if "\n" in text:  # (the patterns cannot match otherwise)
            text = _AROUND_BREAK.sub(_BREAK, text)
        return (_SPACES.sub(" ", text) if "  " in text else text).strip()

    def _link(self, node: Node) -> str:
        text = self.inline(node.children)
        href = node.attrs.get("href", "")
        if href.startswith("#") or not link_allowed(href):
            return text
        shown = href.removeprefix("mailto:")
        if _strip_scheme(text) == _strip_scheme(href) or not text:
            return shown
        return f"{text} <{shown}>"


def to_text(html: str | Node, width: int = WIDTH) -> str:
    """The body HTML (or its parsed tree, which is only read) as plain text: headings
    underlined, tables as "label: value" blocks."""
    root = html if isinstance(html, Node) else parse(html)
    blocks = _Text(width).blocks(root, width)
    return "\n\n".join("\n".join(b) for b in blocks if any(ln.strip() for ln in b)) + "\n"


__all__ = ["WIDTH", "to_text"]
