"""GDPR lint rules: a registry of rules run over a ResolvedNotice."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from noticegen.diagnostics import Diagnostic, Loc, error, shown, warning
from noticegen.l10n import N_, Translated
from noticegen.lenient import MissingInput
from noticegen.lint.facts import element_lints
from noticegen.lint.registry import AT_WORD, Param, Params, Rule, all_rules, lookup

if TYPE_CHECKING:
    from noticegen.model import ElementLint, NoticeLint
    from noticegen.resolve import ResolvedNotice
    from noticegen.source import SourceMap

__all__ = ["diagnostic", "run_lint"]

_QUOTED = frozenset({"found", "text", "item", "cookie", "other", "value"})
"""Parameters that quote the user's own text: at most a short prefix of it is shown."""


def run_lint(resolved: ResolvedNotice, smap: SourceMap, *, lang: str = "en",
             disable: Iterable[str] = (), skipped: list[Rule] | None = None) -> list[Diagnostic]:
    """Run every enabled rule; diagnostics come back placed at file:line:col.

    A rule is skipped when ``disable`` (the project settings) or the notice's own ``lint:``
    names it; ``lint:`` on a register, purpose, recipient or cookie skips it inside that element.
    On a draft (noticegen.lenient; ``skipped`` is then a list), a rule that comes to a missing
    or invalid value, or to a reference to something that is not there, stops and is added to
    ``skipped``; what it found before that is reported.
    """
    notice = resolved.notice
    try:
        off = {rule.code for rule in _rules([*disable, *_refs(notice.lint)])}
        scoped = [(prefix, {rule.code for rule in _rules(_refs(lint))})
                  for prefix, lint in element_lints(notice)]
    except MissingInput:  # a draft's invalid `lint:`: reported by validation, nothing is off
        off, scoped = {rule.code for rule in _rules(disable)}, []
    found: dict[tuple[str, int, int, str, str], Diagnostic] = {}
    for rule in all_rules():
        if rule.check is None or rule.code in off:
            continue
        try:
            _run(rule, resolved, smap, lang, scoped, found)
        except MissingInput:
            if skipped is None:
                raise
            skipped.append(rule)
        except LookupError:  # a draft's reference to a recipient or service that is not there
            if skipped is None:
                raise
            skipped.append(rule)
    return sorted(found.values())


def _run(rule: Rule, resolved: ResolvedNotice, smap: SourceMap, lang: str,
         scoped: list[tuple[Loc, set[str]]],
         found: dict[tuple[str, int, int, str, str], Diagnostic]) -> None:
    """One rule's findings into ``found``, up to a draft's hole if it comes to one: then it
    raises MissingInput. A finding is made from the values seen before the hole, all valid."""
    assert rule.check is not None
    for loc, params in rule.check(resolved):
        if any(rule.code in codes and loc[: len(prefix)] == prefix for prefix, codes in scoped):
            continue
        where = resolved.source_loc(loc)
        if rule.user_text and (where != loc or loc not in smap.positions):
            continue  # catalogue text: the user cannot change it here
        d = _placed(smap, diagnostic(rule, params, where, lang), params, where == loc)
        key = (d.file, d.line, d.column, d.code, d.message)
        if key not in found:  # the first fact behind a finding is the one it names
            note = catalogue_fact(resolved, loc, smap)
            found[key] = d if note is None else _placed(
                smap, diagnostic(rule, params, where, lang, note=note), params, where == loc)


def _placed(smap: SourceMap, d: Diagnostic, params: Params, own: bool) -> Diagnostic:
    """The diagnostic at its value's position, or at the word AT_WORD names inside the value
    (a placeholder inside a `>-` block is reported at its own line, not at the marker)."""
    d = smap.place(d)
    word = params.get(AT_WORD)
    if isinstance(word, int) and own:
        at = smap.word_position(d.loc, word)
        if at is not None:
            return d.with_position(d.file, *at)
    return d


def diagnostic(rule: Rule, params: Params, loc: Loc, lang: str,
               note: Params | None = None) -> Diagnostic:
    """A rule's finding as a positionless diagnostic in ``lang``; ``note`` (from
    :func:`catalogue_fact`) says which catalogue fact the finding is about."""
    values = {key: shown(text) if key in _QUOTED else text
              for key, text in ((k, _text(v, lang)) for k, v in params.items())}
    message = rule.message.get(lang, rule.message["en"]).format(**values)
    if note is not None:
        notes = {key: _text(value, lang) for key, value in note.items()}
        message += _text(CATALOGUE_NOTE, lang).format(**notes)
    hint = rule.hint.get(lang, rule.hint["en"]).format(**values)
    make = error if rule.severity.value == "error" else warning
    return make(rule.code, message, loc=loc, hint=hint, name=rule.name)


CATALOGUE_NOTE = Translated(N_(" (from the catalogue's service `{service}`: {fact})"))
"""Added to a finding about a fact that the catalogue brought in, not the user's YAML."""
_FACTS = {
    "service": N_("the service itself"),
    "field": N_("its `{field}`"),
    "cookie": N_("its cookie `{cookie}`"),
    "cookie_field": N_("`{field}` of its cookie `{cookie}`"),
}


def catalogue_fact(resolved: ResolvedNotice, loc: Loc, smap: SourceMap) -> Params | None:
    """Which service of the catalogue, and which of its facts, a finding at ``loc`` is about;
    None when the user wrote the fact (the finding then points at it)."""
    notice = resolved.notice
    origin = resolved.source_loc(loc)
    if origin != loc:
        size = next(n for n in range(len(loc), 0, -1) if loc[:n] in resolved.origins)
        rest = loc[size:]
        service = str(notice.uses[int(origin[1])] if origin[0] == "uses"
                      else notice.recipients[int(origin[1])].service)
    elif (len(loc) > 2 and loc[0] == "recipients" and isinstance(loc[1], int)
          and notice.recipients[loc[1]].service and loc[:3] not in smap.positions):
        rest = loc[2:]  # a recipient declared with `service:`: a field it left out
        service = str(notice.recipients[loc[1]].service)
    else:
        return None
    field = ".".join(str(part) for part in rest if not isinstance(part, int))
    if loc[0] == "cookies":
        cookie = str(notice.cookies[int(loc[1])].name)
        fact = _FACTS["cookie_field" if field else "cookie"]
        return {"service": service, "fact": Translated(fact, cookie=cookie, field=field)}
    fact = _FACTS["field" if field else "service"]
    return {"service": service, "fact": Translated(fact, field=field)}


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
