"""Load YAML safely into plain data plus a SourceMap of every key's and value's position."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from noticegen.diagnostics import _CONTROL, Diagnostic, Loc, Severity, escape_controls, shown
from noticegen.l10n import N_, tr

try:  # the C composer is several times faster; fall back to pure Python where libyaml is absent
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Base  # type: ignore[assignment]


class _Loader(_Base):
    """PyYAML's safe loader, resolving sexagesimal numbers in linear memory.

    YAML 1.1 reads `1:30` as the sexagesimal 90. PyYAML's patterns for that repeat a group,
    and Python's regex engine keeps a backtracking point per repetition: a million `:30`
    groups took 120 MB to resolve. The same patterns with that repetition possessive keep
    none and match the same texts (giving back a group can never let the rest match). Only
    the patterns change, not the resolver's code: no cost per scalar.
    """

    yaml_implicit_resolvers = {
        first: [(tag, re.compile(regexp.pattern.replace(r"(?::[0-5]?[0-9])+", r"(?::[0-5]?[0-9])++"),
                                 regexp.flags))
                for tag, regexp in resolvers]
        for first, resolvers in _Base.yaml_implicit_resolvers.items()
    }

MAX_BYTES = 8 * 1024 * 1024
"""Largest notice file accepted (8 MiB: room for 10,000 cookies)."""
MAX_NODES = 1_000_000
"""Most values a document may expand to, aliases included (stops 'billion laughs')."""
MAX_DEPTH = 64
"""Deepest nesting accepted; real notices need about 8."""
MAX_CHARS = MAX_BYTES
"""Most characters of text (keys and values) a document may expand to through aliases: as
much as the largest file holds without them, so an alias cannot make a notice bigger than a
file can be."""
MAX_SEXAGESIMAL = 32
"""Longest YAML 1.1 sexagesimal integer (``1:30:00``) read as a number; a longer one is
refused before it is converted, which costs time quadratic in its length."""

def _language(lang: str | None) -> str:
    """The message language: ``lang``, else the one the environment chooses."""
    if lang is not None:
        return lang
    from noticegen.l10n import from_environment

    return from_environment()


_STR = "tag:yaml.org,2002:str"
_SCALAR_TYPES = {
    "tag:yaml.org,2002:null": lambda s: None,
    "tag:yaml.org,2002:bool": lambda s: s.lower() in ("yes", "true", "on", "y"),
    "tag:yaml.org,2002:int": None,  # parsed below: YAML 1.1 ints include 0o, 0x, 0b and 1_000
    "tag:yaml.org,2002:float": None,
    # Dates stay text: Pydantic parses them where a date is expected, and a quoted
    # or unquoted 2026-12-01 then means the same thing everywhere.
    "tag:yaml.org,2002:timestamp": lambda s: s,
    _STR: lambda s: s,
}


@dataclass(frozen=True)
class Position:
    """1-based line and column of a key and of its value."""

    line: int
    column: int
    key_line: int
    key_column: int


@dataclass
class SourceMap:
    """Positions of every key and value in a loaded document, by data path."""

    file: str
    positions: dict[Loc, Position] = field(default_factory=dict)
    raw: dict[Loc, str] = field(default_factory=dict)
    """The source text of scalars that YAML turned into something other than a string."""
    blocks: dict[Loc, tuple[tuple[int, int, str], ...]] = field(default_factory=dict)
    """The content lines (line, column, text) of block scalars (`|`, `>-` ...), whose value
    position is the indicator, and of one-line quoted scalars, whose position is the quote:
    words inside them are placed with `word_position`."""

    def word_position(self, loc: Loc, word: int) -> tuple[int, int] | None:
        """Line and column of the ``word``-th word (0-based, whitespace-separated) of the block
        scalar at ``loc`` (or at its deepest part in the document: one text for every language);
        None for other values (their own position is the text's start)."""
        seen = 0
        for line, column, text in self.blocks.get(self.resolve(loc), ()):
            for match in _WORD.finditer(text):
                if seen == word:
                    return line, column + match.start()
                seen += 1
        return None

    def locate(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Line and column for a data path: the deepest known prefix wins.

        Path parts that are not in the document (Pydantic's union and validator tags)
        are skipped, so ``('controller', 'str', 'name')`` still finds ``controller.name``.
        """
        best = self.positions.get((), Position(1, 1, 1, 1))
        found = False
        prefix: Loc = ()
        for part in loc:
            candidate = (*prefix, part)
            if candidate in self.positions:
                prefix = candidate
                best = self.positions[candidate]
                found = True
            # else: a tag that is not a key; keep walking with the same prefix
        if key and found:
            return best.key_line, best.key_column
        return best.line, best.column

    def resolve(self, loc: Loc) -> Loc:
        """The part of ``loc`` that exists in the document."""
        prefix: Loc = ()
        for part in loc:
            if (*prefix, part) in self.positions:
                prefix = (*prefix, part)
        return prefix

    def place(self, diag: Diagnostic, *, key: bool = False) -> Diagnostic:
        """Give a diagnostic this file's name and the position of its ``loc``."""
        line, column = self.locate(diag.loc, key=key)
        return diag.with_position(self.file, line, column)


@dataclass
class Loaded:
    """What the load stage returns: the data (None on failure), positions and problems."""

    data: Any
    source_map: SourceMap
    diagnostics: list[Diagnostic]
    digest: str = ""
    """SHA-256 of the bytes read (load_path only): what `build` records a notice as built from."""


def _diag(file: str, line: int, column: int, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(file, line, column, Severity.ERROR, code, message, hint)


class _Builder:
    """Turns a composed node tree into plain data, recording positions as it goes."""

    def __init__(self, file: str, source_map: SourceMap, text: str = "", *,
                 lang: str | None = None, escapes: bool = True) -> None:
        self.file = file
        self.map = source_map
        self.text = text
        self._lines: list[str] | None = None
        self.nodes = 0
        self.active: set[int] = set()
        self.lang = _language(lang)
        self.escapes = escapes
        """Whether the text has a backslash: only an escape in double quotes gives a string
        a control character (YAML's reader refuses them raw, and turns line breaks into \\n)."""

    def _controls(self, node: yaml.ScalarNode) -> None:
        """Refuse a string holding a control character other than tab and newline: ESC, BEL or
        NUL would reach the published notice and the terminal. (Called only when the text has
        a backslash: see ``escapes``.)"""
        text: str = node.value
        found = _CONTROL.search(text)
        if found is not None:
            char = found.group()
            raise _Stop(node, "NG010", tr(self.lang, "the text contains the control character "
                                          "{char}, which cannot be published",
                                          char="U+" + format(ord(char), "04X")),
                        tr(self.lang, "Remove the escape sequence ({escape}) from the quoted text.",
                           escape=escape_controls(char, keep_lines=False)))

    def build(self, node: yaml.Node, loc: Loc, key_mark: yaml.Mark | None) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Stop(node, "NG006", *_too_many_values(self.lang))
        if len(loc) > MAX_DEPTH:
            raise _Stop(node, "NG006", tr(self.lang, "the document is nested more than {limit} "
                                          "levels deep", limit=MAX_DEPTH),
                        tr(self.lang, _DEEP_HINTS[False]))
        mark = node.start_mark
        kmark = key_mark or mark
        self.map.positions[loc] = Position(mark.line + 1, mark.column + 1,
                                           kmark.line + 1, kmark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, loc)
        if id(node) in self.active:
            raise _Stop(node, "NG006", tr(self.lang, "a YAML alias refers to itself"),
                        tr(self.lang, "Remove the recursive alias (*name)."))
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*loc, i), None) for i, item in enumerate(node.value)]
            assert isinstance(node, yaml.MappingNode)
            return self._mapping(node, loc)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Stop(key_node, "NG001", tr(self.lang, "YAML merge keys (<<) are not supported"),
                            tr(self.lang, "Write the keys out in full."))
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Stop(key_node, "NG001",
                            tr(self.lang, "a key must be a plain name, not a list or mapping"),
                            tr(self.lang, "Write keys as plain words such as `name:`."))
            key = key_node.value
            if self.escapes:
                self._controls(key_node)
            if key in result:
                first = self.map.positions[(*loc, key)]
                raise _Stop(key_node, "NG002",
                            tr(self.lang, "duplicate key '{key}' (first defined on line {line})",
                               key=shown(key), line=first.key_line),
                            tr(self.lang, "Each key may appear once in a mapping; merge the two "
                               "or delete one."))
            result[key] = self.build(value_node, (*loc, key), key_node.start_mark)
        return result

    def _block(self, node: yaml.ScalarNode, loc: Loc) -> None:
        """Record a block scalar's content lines (after the indicator line, up to its end)."""
        if self._lines is None:
            self._lines = _LINE_BREAK.split(self.text)
        end = node.end_mark
        first = node.start_mark.line + 1  # 0-based; the indicator's line holds no content
        last = end.line if end.column > 0 else end.line - 1  # the end mark may open the next line
        lines = []
        for number in range(first, min(last + 1, len(self._lines))):
            content = self._lines[number]
            stripped = content.lstrip(" ")
            if stripped:
                lines.append((number + 1, len(content) - len(stripped) + 1, stripped))
        self.map.blocks[loc] = tuple(lines)

    def _scalar(self, node: yaml.ScalarNode, loc: Loc) -> Any:
        text = node.value
        if self.escapes:
            self._controls(node)
        tag = node.tag
        if tag not in _SCALAR_TYPES:
            raise _Stop(node, "NG001", tr(self.lang, "unsupported YAML tag {tag}", tag=shown(tag)),
                        tr(self.lang, "Remove the !tag; noticegen reads plain YAML only."))
        if node.style in ("|", ">"):
            self._block(node, loc)
        elif node.style in ("'", '"') and node.start_mark.line == node.end_mark.line:
            # One quoted line: its words start after the quote.
            mark = node.start_mark
            self.map.blocks[loc] = ((mark.line + 1, mark.column + 2, text),)
        if node.style in ("'", '"', "|", ">"):  # libyaml gives plain scalars style '', not None
            return text  # quoted and block scalars are always strings
        if tag == _STR:
            return text
        self.map.raw[loc] = text
        convert = _SCALAR_TYPES[tag]
        if convert is not None:
            return convert(text)
        if ":" in text and len(text) > MAX_SEXAGESIMAL and tag.endswith(":int"):
            raise _Stop(node, "NG010", tr(self.lang, "YAML 1.1 reads {value} as a base-60 number",
                                          value=shown(text)),
                        tr(self.lang, "Put the value in quotes if it is text."))
        try:
            return _number(tag, text)
        except ValueError:
            return text  # forms such as sexagesimal floats: keep the text, let the model judge


def _number(tag: str, text: str) -> int | float:
    clean = text.replace("_", "")
    if tag.endswith(":float"):
        lowered = clean.lower()
        if lowered in (".inf", "+.inf"):
            return float("inf")
        if lowered == "-.inf":
            return float("-inf")
        if lowered == ".nan":
            return float("nan")
        return float(clean)
    sign = -1 if clean.startswith("-") else 1
    digits = clean.lstrip("+-")
    if digits.startswith("0x"):
        return sign * int(digits[2:], 16)
    if digits.startswith("0b"):
        return sign * int(digits[2:], 2)
    if digits.startswith("0o"):
        return sign * int(digits[2:], 8)
    if ":" in digits:  # YAML 1.1 sexagesimal, 1:30 == 90
        if len(digits) > MAX_SEXAGESIMAL:  # (_Builder refuses them before this)
            raise ValueError("too long to convert in linear time")
        value = 0
        for part in digits.split(":"):
            value = value * 60 + int(part)
        return sign * value
    if len(digits) > 1 and digits.startswith("0"):
        return sign * int(digits, 8)  # YAML 1.1 octal: the surprise behind `00530`
    return sign * int(digits)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [value for _, value in node.value]
    return []


def _own_chars(node: yaml.Node) -> int:
    """Characters a node holds itself: a scalar's text, a mapping's keys."""
    if isinstance(node, yaml.ScalarNode):
        return len(node.value)
    if isinstance(node, yaml.MappingNode):
        return sum(len(key.value) for key, _ in node.value if isinstance(key, yaml.ScalarNode))
    return 0


def _check_expansion(root: yaml.Node, lang: str | None = None) -> None:
    """Stop 'billion laughs' before building: count what aliases expand to, without expanding.

    Two sizes are counted: values, and characters of text (keys and scalars). The first stops
    aliases of aliases; the second stops an alias of a long text repeated a few hundred times
    (one 1 MB summary, aliased 300 times, made `check` spend four minutes and 1.2 GB).
    _Builder also counts values as it goes, but reaching MAX_NODES that way takes seconds. Sizes
    are computed once per node (aliases share nodes), iteratively (nesting depth is not checked
    yet), and capped so that nine levels of nine aliases stay small numbers. A cycle is left for
    the builder, which reports it at the alias.
    """
    cap, char_cap = MAX_NODES + 1, MAX_CHARS + 1
    sizes: dict[int, tuple[int, int]] = {}
    started: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            counts = [sizes.get(id(c), (1, 0)) for c in _children(node)]
            sizes[key] = (min(cap, 1 + sum(n for n, _ in counts)),
                          min(char_cap, _own_chars(node) + sum(c for _, c in counts)))
        elif key not in sizes and key not in started:
            started.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))

    def too_big(node: yaml.Node) -> bool:
        nodes, chars = sizes.get(id(node), (1, 0))
        return nodes >= cap or chars >= char_cap

    if not too_big(root):
        return
    node = root  # report the smallest part that is too big by itself: the aliases are in it
    seen = {id(root)}
    while True:
        big = next((c for c in _children(node) if too_big(c)), None)
        if big is None or id(big) in seen:  # (a cycle back to an ancestor)
            if sizes[id(root)][0] >= cap:
                raise _Stop(node, "NG006", *_too_many_values(_language(lang)))
            raise _Stop(node, "NG006", tr(_language(lang), "the document expands to more than "
                                          "{limit} MiB of text through YAML aliases",
                                          limit=MAX_CHARS // 1024**2),
                        tr(_language(lang), "Remove YAML aliases (*name) that repeat long texts; "
                           "a notice needs none."))
        seen.add(id(big))
        node = big


def _too_many_values(lang: str) -> tuple[str, str]:
    return (tr(lang, "the document expands to more than {limit} values", limit=format(MAX_NODES, ",")),
            tr(lang, "Remove YAML aliases (*name) that repeat large blocks; a notice needs none."))


class _Stop(Exception):
    def __init__(self, node: yaml.Node, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.mark = node.start_mark
        self.code = code
        self.message = message
        self.hint = hint


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_WORD = re.compile(r"\S+")
"""What YAML counts as a line break (a lone CR too): its marks count lines this way."""


def _line_column(before: str) -> tuple[int, int]:
    """1-based line and column just after ``before``, with lines counted as YAML counts them."""
    breaks = list(_LINE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, len(before) - start + 1


def _utf8_error_position(data: bytes, offset: int) -> tuple[int, int]:
    return _line_column(data[:offset].decode("utf-8", errors="replace"))


def decode(data: bytes, file: str, *, lang: str | None = None) -> tuple[str | None, Diagnostic | None]:
    """Bytes → text, accepting UTF-8 with or without a BOM and nothing else."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        lang = _language(lang)
        return None, _diag(file, 1, 1, "NG005", tr(lang, "the file is UTF-16, not UTF-8"),
                           tr(lang, _SAVE_AS_UTF8))
    if b"\x00" in data:
        lang = _language(lang)
        line, column = _utf8_error_position(data, data.index(b"\x00"))
        return None, _diag(file, line, column, "NG005",
                           tr(lang, "the file contains NUL bytes: it is a binary file, not YAML"),
                           tr(lang, "Pass the notice's .yaml file."))
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        lang = _language(lang)
        line, column = _utf8_error_position(data, exc.start)
        return None, _diag(file, line, column, "NG005",
                           tr(lang, "the file is not valid UTF-8 (byte 0x{byte})",
                              byte=format(data[exc.start], "02x")), tr(lang, _SAVE_AS_UTF8))


_SAVE_AS_UTF8 = N_("Save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8).")


_FLOW_GUARD = 1000
"""Past this many `[` and `{`, the nesting is measured before composing (see _too_deep)."""

_LIBYAML_NESTING = "exceeded maximum nesting depth"
"""libyaml's own limit (1,000 levels; PyYAML 6.0.4's wheels bundle a libyaml that has it).

Its scanner reads ahead, so it refuses `[[[[…` a thousand deep as soon as the first `[` is
parsed, before noticegen has seen the 65th level. The pure-Python parser has no such limit.
"""

_DEEP_HINTS = {True: N_("A notice is only a few levels deep; check the brackets [ ] and { }."),
               False: N_("A notice is only a few levels deep; check the indentation.")}
"""By whether the value that is too deep sits in flow style (brackets) or block style."""


@dataclass(frozen=True)
class _Deep:
    mark: yaml.Mark
    flow: bool


def _first_too_deep(text: str, loader: type[Any]) -> _Deep | None:
    """The first value, in document order, whose data path is longer than MAX_DEPTH.

    The same value _Builder stops at (keys have no data path of their own), found by walking
    the parser's events, which keeps its own stack and never recurses. YAML errors propagate.
    """
    frames: list[list[Any]] = []  # [is a mapping, values and keys seen so far, flow style]
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionEndEvent):
            frames.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        top = frames[-1] if frames else None
        if top is not None:
            is_key = top[0] and top[1] % 2 == 0
            top[1] += 1
            if not is_key and len(frames) > MAX_DEPTH:
                return _Deep(event.start_mark, bool(top[2]))  # type: ignore[arg-type]  # CParser marks quack alike
        if isinstance(event, yaml.CollectionStartEvent):
            frames.append([isinstance(event, yaml.MappingStartEvent), 0, event.flow_style])
    return None


def _is_libyaml_nesting(exc: yaml.YAMLError) -> bool:
    return isinstance(exc, yaml.MarkedYAMLError) and _LIBYAML_NESTING in (exc.problem or "")


def _too_deep(text: str) -> _Deep | None:
    """Where flow nesting first passes MAX_DEPTH, or None.

    libyaml's composer recurses in C without Python's recursion limit, so `[[[[…` a hundred
    thousand deep crashes the interpreter (SIGSEGV) before _Builder can count levels. Its parser
    keeps its own stack, so walking the events is safe. Only flow style can nest that deep
    within MAX_BYTES (block style needs ever longer indentation), and each level costs a
    bracket: files with few brackets skip this second pass.
    """
    if text.count("[") + text.count("{") <= _FLOW_GUARD:
        return None
    try:
        return _first_too_deep(text, _Loader)
    except yaml.YAMLError as exc:
        if not _is_libyaml_nesting(exc):
            return None  # composing reports it, with its position
    try:  # libyaml stopped at its own limit: find noticegen's with the parser that has none
        return _first_too_deep(text, yaml.SafeLoader)
    except yaml.YAMLError:
        return None


def _deep_diagnostic(file: str, deep: _Deep, lang: str | None) -> Diagnostic:
    lang = _language(lang)
    return _diag(file, deep.mark.line + 1, deep.mark.column + 1, "NG006",
                 tr(lang, "the document is nested more than {limit} levels deep", limit=MAX_DEPTH),
                 tr(lang, _DEEP_HINTS[deep.flow]))


_TAG = re.compile(r"(?:^|[\s\[{,])!", re.MULTILINE)
"""Where a tag could start: `!` after a space, a line start or a flow indicator."""
_YAML_TAG = "tag:yaml.org,2002:"
_SEPARATORS = ",[{:-?\n\r\x85\u2028\u2029"
"""A node starts after one of these (or at the start of the document)."""


def _short_tag(tag: str) -> str:
    """A tag as it is written: ``tag:yaml.org,2002:str`` → ``!!str``."""
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag


def _prescan(text: str, lang: str | None) -> Diagnostic | None:
    """Problems found in the parser's events, before any node is composed: explicit tags on
    any node, and more than MAX_NODES values.

    Composing builds every node in memory before _Builder can count them: an 8 MiB flow list
    of zeros took 1.6 GB and 12 s to reach NG006. The events come one at a time in constant
    memory, so counting them stops at the limit. Both checks are skipped, at the cost of one
    search of the text, when they cannot find anything: a file with fewer characters (or
    separators) than MAX_NODES cannot hold more nodes (each needs one), and a tag needs a `!`
    after a space or a flow indicator. Tags are refused on every node, collections too: the
    tag of `controller: !!python/object/new:os.system` was ignored, not refused.
    """
    count = len(text) > MAX_NODES and 2 + sum(map(text.count, _SEPARATORS)) > MAX_NODES
    tags = "!" in text and _TAG.search(text) is not None
    if not (count or tags):
        return None
    nodes = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if not isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
                continue
            mark = event.start_mark
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            if event.tag is not None:
                words = _language(lang)
                return _diag("", line, column, "NG001",
                             tr(words, "YAML tags such as {tag} are not allowed",
                                tag=shown(_short_tag(event.tag))),
                             tr(words, "Remove the !tag; to keep a value as text, put it in quotes."))
            nodes += 1
            if count and nodes > MAX_NODES:
                words = _language(lang)
                return _diag("", line, column, "NG006",
                             tr(words, "the document holds more than {limit} values",
                                limit=format(MAX_NODES, ",")),
                             tr(words, "A notice holds a few thousand values; is this the right "
                                "file?"))
    except yaml.YAMLError:
        return None  # composing reports it, with its position
    return None


def _control_character(file: str, text: str, exc: yaml.reader.ReaderError,
                       lang: str | None) -> Diagnostic:
    """NG001 for a character YAML does not allow, where it is."""
    words = _language(lang)
    line, column = _reader_error_position(text, exc)
    return _diag(file, line, column, "NG001",
                 tr(words, "invalid YAML: control characters are not allowed ({char})",
                    char="U+" + format(exc.character, "04X")),
                 tr(words, "Delete the invisible control character; retype the text around it "
                    "if needed."))


def _reader_error_position(text: str, exc: yaml.reader.ReaderError) -> tuple[int, int]:
    """1-based line and column of a character the YAML reader rejected."""
    if exc.encoding == "unicode":  # the pure-Python reader counts characters
        before = text[: exc.position]
    else:  # libyaml counts bytes of the UTF-8 text
        before = text.encode("utf-8", "surrogatepass")[: exc.position].decode("utf-8", "replace")
    return _line_column(before)


def load_text(text: str, file: str, *, lang: str | None = None) -> Loaded:
    """Parse YAML text into plain data and a SourceMap; problems become diagnostics.

    ``lang`` is the language of the messages (default: the locale's)."""
    source_map = SourceMap(file)
    deep = _too_deep(text)
    if deep is not None:
        return Loaded(None, source_map, [_deep_diagnostic(file, deep, lang)])
    early = _prescan(text, lang)
    if early is not None:
        return Loaded(None, source_map, [early.with_position(file, early.line, early.column)])
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        if _is_libyaml_nesting(exc):  # block style, or flow under _FLOW_GUARD brackets
            try:
                deep = _first_too_deep(text, yaml.SafeLoader)
            except yaml.MarkedYAMLError as first:  # an earlier error that libyaml read past
                exc = first
            except yaml.reader.ReaderError as first:  # a control character it read past
                return Loaded(None, source_map, [_control_character(file, text, first, lang)])
            if deep is not None:
                return Loaded(None, source_map, [_deep_diagnostic(file, deep, lang)])
        words = _language(lang)
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or ""
        hint = tr(words, "Check the indentation and quoting on this line and the one above it.")
        lines = _LINE_BREAK.split(text, maxsplit=line) if "\t" in text else []
        at = lines[line - 1][:column] if line <= len(lines) else ""
        if "tab" in problem or "\\t" in problem or "\t" in at:
            hint = tr(words, "YAML does not allow tabs for indentation; use spaces.")
        # (the problem is PyYAML's own words, in English)
        message = tr(words, "invalid YAML: {problem}", problem=problem) if problem else \
            tr(words, "invalid YAML")
        return Loaded(None, source_map, [_diag(file, line, column, "NG001", message, hint)])
    except yaml.reader.ReaderError as exc:
        return Loaded(None, source_map, [_control_character(file, text, exc, lang)])
    except yaml.YAMLError as exc:
        words = _language(lang)
        return Loaded(None, source_map, [_diag(file, 1, 1, "NG001",
                                               tr(words, "invalid YAML: {problem}", problem=exc),
                                               tr(words, "Check the file's syntax."))])
    except RecursionError:
        return Loaded(None, source_map, [_too_deeply(file, lang)])
    # `---` alone composes to an empty null scalar: an empty file, not "a single value".
    documents = [n for n in nodes if n is not None
                 and not (isinstance(n, yaml.ScalarNode) and n.tag == "tag:yaml.org,2002:null"
                          and n.value == "" and not n.style)]
    if not documents:
        words = _language(lang)
        return Loaded(None, source_map, [_diag(file, 1, 1, "NG003", tr(words, "the file is empty"),
                                               tr(words, "Start from `noticegen init`, or copy an "
                                                  "example."))])
    if len(nodes) > 1:
        words = _language(lang)
        mark = nodes[1].start_mark if nodes[1] is not None else nodes[0].end_mark
        return Loaded(None, source_map, [_diag(file, mark.line + 1, 1, "NG001",
                                               tr(words, "the file holds more than one YAML "
                                                  "document"),
                                               tr(words, "Keep one notice per file; remove the "
                                                  "extra `---`."))])
    root = documents[0]
    if not isinstance(root, yaml.MappingNode):
        words = _language(lang)
        mark = root.start_mark
        message = (tr(words, "the top level is a list, not a mapping of keys")
                   if isinstance(root, yaml.SequenceNode)
                   else tr(words, "the top level is a single value, not a mapping of keys"))
        return Loaded(None, source_map, [_diag(file, mark.line + 1, mark.column + 1, "NG004",
                                               message,
                                               tr(words, "A notice starts with keys such as "
                                                  "`notice:`, `controller:` and `registers:`."))])
    builder = _Builder(file, source_map, text, lang=lang, escapes="\\" in text)
    try:
        if "&" in text and "*" in text:  # anchors and aliases: count before expanding
            _check_expansion(root, lang)
        data = builder.build(root, (), None)
    except _Stop as stop:
        return Loaded(None, source_map, [_diag(file, stop.mark.line + 1, stop.mark.column + 1,
                                               stop.code, stop.message, stop.hint)])
    except RecursionError:
        return Loaded(None, source_map, [_too_deeply(file, lang)])
    return Loaded(data, source_map, [])


def _too_deeply(file: str, lang: str | None) -> Diagnostic:
    words = _language(lang)
    return _diag(file, 1, 1, "NG006", tr(words, "the document is nested too deeply"),
                 tr(words, "A notice is only a few levels deep."))


def read_bytes(path: str, *, lang: str | None = None) -> bytes:
    """Read a notice file, or ``-`` for standard input, with the size limit applied.

    Only a regular file is read: a FIFO would block for ever waiting for a writer, and a
    device such as /dev/zero never ends. The file is opened without blocking and checked on
    the descriptor it was opened as, so it cannot be swapped for a FIFO in between.
    """
    import stat

    from noticegen.errors import InputError

    words = _language(lang)
    if path == "-":
        import sys

        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        p = Path(path)
        try:
            if p.is_dir():
                raise InputError(tr(words, "{path}: is a folder with no notice files (*.yaml, "
                                    "*.yml) in it", path=path),
                                 hint=tr(words, "Hidden and Git-ignored files are skipped; name a "
                                         "file directly to check it anyway."))
            fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    raise InputError(tr(words, "{path}: is not a regular file (a pipe, a device "
                                        "or a socket)", path=path),
                                     hint=tr(words, "Pass the notice's .yaml file, or - to read "
                                             "standard input."))
                with os.fdopen(fd, "rb") as fh:
                    fd = -1
                    data = fh.read(MAX_BYTES + 1)
            finally:
                if fd >= 0:
                    os.close(fd)
        except FileNotFoundError:
            raise InputError(tr(words, "{path}: no such file", path=path),
                             hint=tr(words, "Check the file name; `noticegen init` creates a new "
                                     "notice.")) from None
        except PermissionError:
            raise InputError(tr(words, "{path}: permission denied", path=path),
                             hint=tr(words, "Check the file's permissions.")) from None
        except OSError as exc:
            raise InputError(tr(words, "{path}: cannot be read ({reason})", path=path,
                                reason=os.strerror(exc.errno or 0))) from None
    if len(data) > MAX_BYTES:
        raise InputError(tr(words, "{path}: the file is larger than {limit} MiB", path=path,
                            limit=MAX_BYTES // (1024 * 1024)),
                         hint=tr(words, "A notice is usually well under 100 KiB; is this the "
                                 "right file?"))
    return data


def load_path(path: str, *, lang: str | None = None) -> Loaded:
    """Read and parse one notice file (``-`` is standard input); ``lang`` as for load_text."""
    import hashlib

    name = "<stdin>" if path == "-" else path
    data = read_bytes(path, lang=lang)
    text, problem = decode(data, name, lang=lang)
    if problem is not None or text is None:
        return Loaded(None, SourceMap(name), [problem] if problem else [])
    loaded = load_text(text, name, lang=lang)
    loaded.digest = hashlib.sha256(data).hexdigest()
    return loaded
