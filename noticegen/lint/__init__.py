"""GDPR lint rules: a registry of rules run over a ResolvedNotice."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from noticegen.diagnostics import Diagnostic, Loc, shown
from noticegen.lint.facts import element_lints
from noticegen.lint.registry import Param, Params, Rule, all_rules, lookup

if TYPE_CHECKING:
    from noticegen.model import ElementLint, NoticeLint
    from noticegen.resolve import ResolvedNotice
    from noticegen.source import SourceMap

__all__ = ["diagnostic", "run_lint"]

_QUOTED = frozenset({"found", "text", "item", "cookie", "other", "value"})
"""Parameters that quote the user's own text: at most a short prefix of it is shown."""


def run_lint(resolved: ResolvedNotice, smap: SourceMap, *, lang: str = "en",
             disable: Iterable[str] = ()) -> list[Diagnostic]:
    """Run every enabled rule; diagnostics come back placed at file:line:col.

    A rule is skipped when ``disable`` (the project settings) or the notice's own ``lint:``
    names it; ``lint:`` on a register, purpose, recipient or cookie skips it inside that element.
    """
    notice = resolved.notice
    off = {rule.code for rule in _rules([*disable, *_refs(notice.lint)])}
    scoped = [(prefix, {rule.code for rule in _rules(_refs(lint))})
              for prefix, lint in element_lints(notice)]
    found: dict[tuple[str, int, int, str, str], Diagnostic] = {}
    for rule in all_rules():
        if rule.check is None or rule.code in off:
            continue
        for loc, params in rule.check(resolved):
            if any(rule.code in codes and loc[: len(prefix)] == prefix for prefix, codes in scoped):
                continue
            where = resolved.source_loc(loc)
            if rule.user_text and (where != loc or loc not in smap.positions):
                continue  # catalogue text: the user cannot change it here
            d = smap.place(diagnostic(rule, params, where, lang))
            found.setdefault((d.file, d.line, d.column, d.code, d.message), d)
    return sorted(found.values())


def diagnostic(rule: Rule, params: Params, loc: Loc, lang: str) -> Diagnostic:
    """A rule's finding as a positionless diagnostic in ``lang``."""
    from noticegen.diagnostics import error, warning

    values = {key: shown(text) if key in _QUOTED else text
              for key, text in ((k, _text(v, lang)) for k, v in params.items())}
    message = rule.message.get(lang, rule.message["en"]).format(**values)
    hint = rule.hint.get(lang, rule.hint["en"]).format(**values)
    make = error if rule.severity.value == "error" else warning
    return make(rule.code, message, loc=loc, hint=hint, name=rule.name)


def _text(value: Param, lang: str) -> str:
    if isinstance(value, Mapping):
        return value.get(lang) or value.get("en") or next(iter(value.values()), "")
    return str(value)


def _refs(lint: NoticeLint | ElementLint | None) -> list[str]:
    return [d.rule for d in lint.disable] if lint is not None else []


def _rules(refs: Iterable[str]) -> Iterator[Rule]:
    for ref in refs:
        rule = lookup(ref)
        if rule is not None and not rule.core:
            yield rule  # unknown and core refs are reported by NG701 and NG702
