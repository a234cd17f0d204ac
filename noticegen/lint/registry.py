"""The rule registry: every rule's code, name, groups, severity, texts, documentation and check."""

from __future__ import annotations

import difflib
import inspect
import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from noticegen.diagnostics import Loc, Severity
from noticegen.l10n import Translated

if TYPE_CHECKING:
    from noticegen.lint.banner import Banner
    from noticegen.resolve import ResolvedNotice

LANGS = ("en", "fi", "sv")
"""The languages every rule's documentation must be written in (a rule that lacks one is not
registered); in another message language (a new one, not yet written), English is shown.
Messages and hints are in the message catalogues (``noticegen/locale/``), in every message
language."""

Text = Mapping[str, str]
"""Text per message language: ``{"en": ..., "fi": ..., "sv": ...}``."""
Param = str | int | Mapping[str, str]
"""A message parameter: plain text, a number, or text per language (a vocabulary label)."""
Params = Mapping[str, Param]
AT_WORD = "_at_word"
"""A parameter that places the finding at a word inside its text (0-based, whitespace-split):
a placeholder inside a `>-` block is reported at its own line, not at the block's indicator."""
Finding = tuple[Loc, Params]
"""What a check yields: the path in the resolved notice and the message parameters."""
Check = Callable[["ResolvedNotice"], Iterable[Finding]]
Compare = Callable[["ResolvedNotice", "Banner"], Iterable[Finding]]
"""A rule that compares a consent-banner configuration with the notice (`check --consent-config`)."""

_CODE = re.compile(r"^NG\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_SENTENCE = re.compile(r"(.+?[.!?])(?=\s+[A-ZÄÖÅ\"“`]|$)")
_SECTION = re.compile(r"^\[(fi|sv|fail|pass|fail\.[a-z]{2}|pass\.[a-z]{2})\]$", re.MULTILINE)


@dataclass(frozen=True)
class Doc:
    """A rule's documentation, parsed from its docstring.

    The docstring holds the English text first, then sections that start with a line
    ``[fi]`` (the Finnish text), ``[sv]`` (the Swedish one), ``[fail]`` and ``[pass]`` (YAML
    fragments), and optionally ``[fail.fi]``, ``[pass.fi]``, ``[fail.sv]``… : the same
    fragments with their free text in that language (the keys stay the YAML schema's), shown
    to a user who reads it.
    """

    text: Text
    fail: str
    passes: str
    examples: Mapping[str, str] = field(default_factory=dict)
    """``fail.<lang>`` and ``pass.<lang>``: the fragments in another language."""

    def failing(self, lang: str) -> str:
        """The fragment that fails, with its free text in ``lang`` where the rule has one."""
        return self.examples.get(f"fail.{lang}", self.fail)

    def passing(self, lang: str) -> str:
        """The fragment that passes, with its free text in ``lang`` where the rule has one."""
        return self.examples.get(f"pass.{lang}", self.passes)

    @classmethod
    def parse(cls, docstring: str) -> Doc:
        parts = _SECTION.split(inspect.cleandoc(docstring))
        sections = {"en": parts[0]}
        sections.update(zip(parts[1::2], parts[2::2], strict=True))
        clean = {k: v.strip("\n").rstrip() for k, v in sections.items()}
        return cls(
            text={lang: text.strip() for lang, text in clean.items()
                  if not lang.startswith(("fail", "pass")) and text.strip()},
            fail=clean.get("fail", ""),
            passes=clean.get("pass", ""),
            examples={k: v for k, v in clean.items() if k.startswith(("fail.", "pass."))},
        )

    def summary(self, lang: str) -> str:
        """The first sentence of the text, for tables."""
        text = self.text.get(lang) or self.text.get("en", "")
        first = " ".join(text.split("\n\n")[0].split())
        match = _SENTENCE.match(first)  # "Art. 6(1)" and "e.g. a" do not end a sentence
        return match.group(1) if match else first


@dataclass(frozen=True)
class Rule:
    """One lint rule, or a core check of the validator (``check`` is None) kept for ``explain``."""

    code: str
    """Stable code, e.g. ``NG101``; never reused for another meaning."""
    name: str
    """Readable kebab-case name, e.g. ``purpose-no-legal-basis``; also stable."""
    groups: tuple[str, ...]
    severity: Severity
    message: Text
    """The diagnostic, with ``{placeholders}`` filled from the finding's parameters."""
    hint: Text
    """What to write instead, with the same placeholders."""
    source: str
    """The legal source: article, section or guideline."""
    doc: Doc
    check: Check | None = None
    user_text: bool = False
    """Findings on text the user did not write (catalogue facts) are dropped."""
    compare: Compare | None = None
    """For a rule on a consent-banner configuration (instead of ``check``): its findings are
    places in the configuration, and it runs only with `check --consent-config`."""

    @property
    def core(self) -> bool:
        """A check of the loader or validator: always on, cannot be switched off."""
        return self.check is None and self.compare is None

    def placeholders(self) -> set[str]:
        """The parameter names the message and hint use (the same in every language)."""
        names: set[str] = set()
        for text in (*self.message.values(), *self.hint.values()):
            names.update(f for _, f, _, _ in string.Formatter().parse(text) if f)
        return names


RULES: dict[str, Rule] = {}
"""Every rule by code, in registration order."""
_BY_NAME: dict[str, Rule] = {}


def add(rule: Rule) -> Rule:
    """Register a rule; codes and names must be well-formed and unique."""
    if not _CODE.match(rule.code) or not _NAME.match(rule.name):
        raise ValueError(f"bad rule code or name: {rule.code} {rule.name}")
    if rule.code in RULES or rule.name in _BY_NAME:
        raise ValueError(f"rule {rule.code} {rule.name} is registered twice")
    for texts in (rule.message, rule.hint, rule.doc.text):
        if isinstance(texts, Translated):
            continue  # in the catalogues: tests/test_l10n.py proves every language has it
        missing = [lang for lang in LANGS if not texts.get(lang)]
        if missing:
            raise ValueError(f"{rule.code}: no {', '.join(missing)} text")
    RULES[rule.code] = rule
    _BY_NAME[rule.name] = rule
    return rule


_Fn = TypeVar("_Fn", bound=Callable[..., Iterable[Finding]])


def rule(
    code: str,
    name: str,
    *,
    groups: tuple[str, ...],
    severity: Severity,
    message: str,
    hint: str,
    source: str,
    user_text: bool = False,
    banner: bool = False,
) -> Callable[[_Fn], _Fn]:
    """Register the decorated function as the check of a rule; its docstring is the doc.
    ``message`` and ``hint`` are written in English, marked ``N_("…")``, and translated by the
    message catalogues. With ``banner``, it compares a consent-banner configuration (a
    :data:`Compare`)."""

    def register(fn: _Fn) -> _Fn:
        add(Rule(code, name, groups, severity, Translated(message), Translated(hint), source,
                 Doc.parse(fn.__doc__ or ""), None if banner else fn, user_text,
                 fn if banner else None))
        return fn

    return register


def all_rules() -> list[Rule]:
    """Every rule, core checks included, sorted by code."""
    _load()
    return sorted(RULES.values(), key=lambda r: r.code)


def lookup(ref: str) -> Rule | None:
    """A rule by its code (any case) or its name."""
    _load()
    ref = ref.strip()
    return RULES.get(ref.upper()) or _BY_NAME.get(ref.lower())


def suggest(ref: str) -> str | None:
    """The closest code or name, for "did you mean"."""
    _load()
    ref = ref.strip()
    if ref[:2].lower() == "ng":  # a code: O for 0 and l or I for 1 are the usual slips
        code = "NG" + ref[2:].upper().translate(str.maketrans("OIL", "011"))
        if code in RULES:
            return code
        close = difflib.get_close_matches(code, list(RULES), n=1, cutoff=0.6)
    else:
        close = difflib.get_close_matches(ref.lower(), list(_BY_NAME), n=1, cutoff=0.6)
    return close[0] if close else None


def _load() -> None:
    """Import the core entries and every rule family (registration is an import side effect)."""
    from noticegen.lint import core, rules  # noqa: F401
