"""A small YAML writer for hand-edited files: block style, comments above and beside keys."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

WIDTH = 92
"""Wrap long text in folded scalars (`>-`) at about this column."""

_PLAIN = re.compile(r"[A-Za-z0-9ÅÄÖåäöÉéÜü(][^\n]*")
_FLOW = set("{}[],")
_NUMBERISH = re.compile(r"[\d\s.,+-]+")
"""Business IDs, postal codes, phone numbers: quoted, so that nobody mistakes them for numbers."""


@dataclass(frozen=True)
class Noted:
    """A value with comments: lines above its key, and a remark after it on the same line."""

    value: Any
    above: tuple[str, ...] = ()
    after: str = ""


def plain(node: Any) -> Any:
    """The data a tree stands for, comments removed (what a YAML parser reads back)."""
    if isinstance(node, Noted):
        return plain(node.value)
    if isinstance(node, Mapping):
        return {k: plain(v) for k, v in node.items()}
    if isinstance(node, list | tuple):
        return [plain(v) for v in node]
    return node


def dump(tree: Mapping[str, Any], header: Sequence[str] = ()) -> str:
    """The tree as YAML text, with `header` as comment lines at the top."""
    lines = [_comment(line, 0) for line in header]
    if lines:
        lines.append("")
    first = True
    for key, node in tree.items():
        # A blank line between top-level sections keeps a long file readable.
        if not first:
            lines.append("")
        first = False
        lines.extend(_entry(key, node, 0))
    return "\n".join(lines) + "\n"


def scalar(value: Any) -> str:
    """One scalar in YAML: plain where YAML reads it back unchanged, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return "null"
    text = str(value)
    if _is_plain(text) and not _NUMBERISH.fullmatch(text):
        return text
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


def _is_plain(text: str) -> bool:
    if not _PLAIN.fullmatch(text) or text != text.strip() or text.endswith(":"):
        return False
    if ": " in text or " #" in text:
        return False
    try:
        return bool(yaml.safe_load(text) == text)
    except yaml.YAMLError:
        return False


def _comment(text: str, indent: int) -> str:
    return " " * indent + ("# " + text if text else "#")


def _flow_ok(items: Sequence[Any], room: int) -> bool:
    """Whether a list fits on one line as `[a, b]`: short, and only plain scalars."""
    if sum(len(str(i)) + 2 for i in items) > room:
        return False
    return all(isinstance(i, str) and _is_plain(i) and not _FLOW & set(i) for i in items)


def _entry(key: str, node: Any, indent: int) -> list[str]:
    """`key: value` at `indent`, with the node's comments."""
    above: tuple[str, ...] = ()
    after = ""
    if isinstance(node, Noted):
        above, after, node = node.above, node.after, node.value
    pad = " " * indent
    lines = [_comment(c, indent) for c in above]
    remark = f"  # {after}" if after else ""
    head = f"{pad}{key}:"
    if isinstance(node, Mapping):
        if not node:
            return [*lines, f"{head} {{}}{remark}"]
        lines.append(head + remark)
        for k, v in node.items():
            lines.extend(_entry(k, v, indent + 2))
        return lines
    if isinstance(node, list | tuple):
        if not node or _flow_ok(node, WIDTH - indent - len(key) - 4):
            return [*lines, f"{head} [{', '.join(node)}]{remark}"]
        lines.append(head + remark)
        for item in node:
            lines.extend(_item(item, indent + 2))
        return lines
    if isinstance(node, str) and len(node) + indent + len(key) + 2 > WIDTH and "\n" not in node:
        lines.append(f"{head} >-{remark}")
        width = max(40, WIDTH - indent - 2)
        lines.extend(pad + "  " + part for part in textwrap.wrap(
            node, width, break_on_hyphens=False, break_long_words=False))
        return lines
    return [*lines, f"{head} {scalar(node)}{remark}"]


def _item(node: Any, indent: int) -> list[str]:
    """One `- item` of a block sequence at `indent`."""
    above: tuple[str, ...] = ()
    if isinstance(node, Noted):
        above, node = node.above, node.value
    lines = [_comment(c, indent) for c in above]
    if isinstance(node, Mapping):
        body: list[str] = []
        for k, v in node.items():
            body.extend(_entry(k, v, indent + 2))
        # The first key goes on the dash line; comments before it stay above the dash.
        at = next(i for i, line in enumerate(body) if not line.lstrip().startswith("#"))
        body[at] = " " * indent + "- " + body[at][indent + 2:]
        lead = [" " * indent + line.lstrip() for line in body[:at]]
        return [*lines, *lead, *body[at:]]
    return [*lines, f"{' ' * indent}- {scalar(node)}"]
