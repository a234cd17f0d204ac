"""Our rendered HTML body → GitHub-flavoured Markdown, with every character of text escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from noticegen.render.tree import HEADINGS, Node, collapse, is_block, parse
from noticegen.render.user_markdown import link_allowed

# Every character that can start Markdown syntax anywhere in a line. `$` is GitHub math; `!`
# before a link of ours would make it an image.
_SPECIAL_CHARS = "\\`*_[]<>|~&$!"
_SPECIAL = re.compile(f"[{re.escape(_SPECIAL_CHARS)}]")
_ESCAPED = {ord(c): f"\\{c}" for c in _SPECIAL_CHARS}
# Characters that start a block only at the beginning of a line (an ordered list: "1." or "1)").
_AROUND_BREAK = re.compile(r" *(\\\n|<br>) *")
_SPACES = re.compile(r"  +")
_LINE_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")
_URL_UNSAFE = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\\": "%5C", '"': "%22",
               "'": "%27"}
"""Characters a link target cannot hold as they are: each would end the target or start a
title in some renderer (Python-Markdown takes `"` as the start of one)."""


def escape_md(text: str) -> str:
    """Text that renders as itself in CommonMark/GFM: no emphasis, links, HTML or entities."""
    return text if _SPECIAL.search(text) is None else text.translate(_ESCAPED)


def escape_line_start(line: str) -> str:
    """``line`` with what would start a block at its start (`#`, `>`, `-`, `1.`) escaped."""
    m = _LINE_START.match(line)
    if m is None:
        return line
    rest = line[m.end():]
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}{rest}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}{rest}"


def _anchor(node: Node) -> str:
    """An element's id as an empty HTML anchor, which GitHub, GitLab and most Markdown renderers
    keep: the Markdown has the anchors of the HTML, not heading slugs that change with the
    wording and the language."""
    ident = node.attrs.get("id")
    return f'<a id="{html.escape(ident)}"></a>' if ident else ""


def _ids(root: Node) -> frozenset[str]:
    return frozenset(node.attrs["id"] for node in root.walk() if "id" in node.attrs)


class _Markdown:
    def __init__(self, root: Node) -> None:
        self.ids = _ids(root)

    # --- blocks ----------------------------------------------------------------------
    def blocks(self, node: Node) -> list[str]:
        """The node's children as Markdown blocks (paragraph-separated)."""
        out: list[str] = []
        run: list[Node | str] = []
        for child in node.children:
            if is_block(child):
                self._flush(run, out)
                assert isinstance(child, Node)
                out.extend(self.block(child))
            else:
                run.append(child)
        self._flush(run, out)
        return out

    def _flush(self, run: list[Node | str], out: list[str]) -> None:
        text = self.inline(run)
        if text:
            out.append(self._paragraph(text))
        run.clear()

    @staticmethod
    def _paragraph(text: str) -> str:
        return "\n".join(escape_line_start(line) for line in text.split("\n"))

    def block(self, node: Node) -> list[str]:
        if "ng-interactive" in node.classes:  # works only on a web page (the Cookie settings
            return [_anchor(node)] if "id" in node.attrs else []  # link); its anchor stays
        handler: Callable[[Node], list[str]] = getattr(self, f"_{node.tag}", self.blocks)
        blocks = handler(node)
        if blocks and node.tag not in HEADINGS and "id" in node.attrs:
            blocks[0] = _anchor(node) + blocks[0]
        if "ng-box" in node.classes:
            return ["\n".join(f"> {line}" if line else ">" for line in "\n\n".join(blocks).split("\n"))]
        return blocks

    def _heading(self, node: Node) -> list[str]:
        text = self.inline(node.children)
        return [f"{'#' * int(node.tag[1])} {_anchor(node)}{text}"] if text else []

    _h1 = _h2 = _h3 = _h4 = _h5 = _h6 = _heading

    def _p(self, node: Node) -> list[str]:
        text = self.inline(node.children)
        return [self._paragraph(text)] if text else []

    def _list(self, node: Node) -> list[str]:
        items = []
        for number, li in enumerate(node.elements("li"), start=1):
            marker = f"{number}. " if node.tag == "ol" else "- "
            body = "\n\n".join(self.blocks(li)) or ""
            pad = " " * len(marker)
            lines = body.split("\n")
            items.append(marker + lines[0] + "".join(f"\n{pad}{ln}" if ln else "\n" for ln in lines[1:]))
        return ["\n".join(items)] if items else []

    _ul = _ol = _list

    def _dl(self, node: Node) -> list[str]:
        items: list[str] = []
        term = ""
        for child in node.elements("dt", "dd"):
            if child.tag == "dt":
                term = self.inline(child.children)
                continue
            head = f"- **{term}:**" if term else "-"
            lines = "\n\n".join(self.blocks(child)).split("\n")
            if lines[0] and not lines[0].startswith(("- ", "1. ")):
                head, lines = f"{head} {lines[0]}", lines[1:]
            items.append(head + "".join(f"\n  {ln}" if ln else "\n" for ln in lines))
            term = ""
        return ["\n".join(items)] if items else []

    def _table(self, node: Node) -> list[str]:
        rows = [tr for part in node.elements("thead", "tbody", "tfoot") for tr in part.elements("tr")]
        rows += node.elements("tr")
        if not rows:
            return []
        grid = [[self._cell(c) for c in tr.elements("th", "td")] for tr in rows]
        width = max(len(r) for r in grid)
        grid = [r + [""] * (width - len(r)) for r in grid]
        lines = [self._row(grid[0]), self._row(["---"] * width)] + [self._row(r) for r in grid[1:]]
        return ["\n".join(lines)]

    def _cell(self, cell: Node) -> str:
        # Pipes in text are already escaped by escape_md; those in code spans are escaped there.
        return self.inline(cell.children, br="<br>").replace("\n", " ")

    @staticmethod
    def _row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    def _br(self, node: Node) -> list[str]:
        return []

    # --- inline ----------------------------------------------------------------------
    def inline(self, nodes: list[Node | str], *, br: str = "\\\n") -> str:
        out: list[str] = []
        for child in nodes:
            if isinstance(child, str):
                out.append(escape_md(collapse(child)))
            elif child.tag == "br":
                out.append(br)
            elif is_block(child):  # blocks inside a table cell: one line each
                out.append(br.join(self._lines(child, br)))
            else:
                out.append(self._inline_element(child, br))
        text = "".join(out)
        if "\\\n" in text or "<br>" in text:  # (the patterns cannot match otherwise)
            text = _AROUND_BREAK.sub(r"\1", text)
        return (_SPACES.sub(" ", text) if "  " in text else text).strip()

    def _lines(self, node: Node, br: str) -> list[str]:
        """A block's content as lines (one per paragraph or list item), for table cells."""
        lines: list[str] = []
        run: list[Node | str] = []
        for child in node.children:
            if isinstance(child, Node) and is_block(child):
                lines.append(self.inline(run, br=br))
                run = []
                lines.extend(self._lines(child, br))
            else:
                run.append(child)
        lines.append(self.inline(run, br=br))
        return [line for line in lines if line]

    def _inline_element(self, node: Node, br: str) -> str:
        inner = self.inline(node.children, br=br)
        if node.tag in ("strong", "b"):
            return f"**{inner}**" if inner else ""
        if node.tag in ("em", "i"):
            return f"*{inner}*" if inner else ""
        if node.tag == "code":
            raw = collapse(node.text())
            fence = "`" * (max((len(m) for m in re.findall(r"`+", raw)), default=0) + 1)
            pad = " " if raw.startswith("`") or raw.endswith("`") else ""
            if br == "<br>":  # in a table cell, GFM splits cells at any unescaped pipe
                raw = raw.replace("|", "\\|")
            return f"{fence}{pad}{raw}{pad}{fence}" if raw else ""
        if node.tag == "a":
            return self._link(node, inner)
        return inner

    def _link(self, node: Node, inner: str) -> str:
        href = node.attrs.get("href", "")
        if href.startswith("#"):
            return f"[{inner}]({href})" if href[1:] in self.ids else inner
        if not link_allowed(href):
            return inner
        url = "".join(_URL_UNSAFE.get(ch, ch) for ch in href)
        return f"[{inner}]({url})"


def to_markdown(html: str | Node) -> str:
    """The body HTML (or its parsed tree, which is only read) as Markdown that GitHub renders
    with the same structure."""
    root = html if isinstance(html, Node) else parse(html)
    blocks = _Markdown(root).blocks(root)
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"


__all__ = ["escape_line_start", "escape_md", "to_markdown"]
