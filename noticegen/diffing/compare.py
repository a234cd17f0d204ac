"""Compare two resolved notices element by element, by id: a list of change records."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from noticegen.model import Cookie
    from noticegen.resolve import ResolvedNotice


@dataclass(frozen=True)
class Change:
    """One difference between the old and the new notice.

    ``kind`` is added, removed or changed; ``element`` says what (purpose, recipient, cookie…)
    and ``key`` which one (its id; empty for the controller and other single elements).
    ``field`` is empty when the whole element came or went. ``old`` and ``new`` are the values
    as the models hold them; ``within`` names the register of a purpose.
    """

    kind: str
    element: str
    key: str = ""
    field: str = ""
    old: Any = None
    new: Any = None
    within: str = ""


@dataclass
class Comparison:
    """The changes between two resolved notices, with both kept for naming things."""

    old: ResolvedNotice
    new: ResolvedNotice
    changes: list[Change] = field(default_factory=list)


# Fields that are not content: the change log itself, lint settings, and `uses`, which the
# resolved notice has already turned into recipients and cookies.
SKIP = frozenset({"lint", "changes", "uses", "id"})


def compare(old: ResolvedNotice, new: ResolvedNotice) -> Comparison:
    """Element by element, by id: the differences between two resolved notices."""
    result = Comparison(old, new)
    add = result.changes.extend
    o, n = old.notice, new.notice
    add(_fields("notice", "", o.notice, n.notice))
    if o.security != n.security:
        add([_value_change("notice", "", "security", o.security, n.security)])
    add(_fields("controller", "", o.controller, n.controller,
                skip={"contact", "dpo", "representative"}))
    for name in ("contact", "dpo", "representative"):
        add(_single(name, getattr(o.controller, name), getattr(n.controller, name)))
    add(_single("rights", o.rights, n.rights))
    add(_registers(old, new))
    add(_recipients(old, new))
    add(_cookies(o.cookies, n.cookies))
    add(_single("cookie_consent", o.cookie_consent, n.cookie_consent))
    add(_single("authority", old.authority, new.authority))
    return result


def _value_change(element: str, key: str, name: str, a: Any, b: Any, within: str = "") -> Change:
    kind = "added" if a is None else "removed" if b is None else "changed"
    return Change(kind, element, key, name, a, b, within)


def _fields(element: str, key: str, a: BaseModel, b: BaseModel, *, skip: frozenset[str] |
            set[str] = frozenset(), within: str = "") -> Iterator[Change]:
    """Field by field; lists are compared as sets of items, except the notice's languages."""
    for name in type(b).model_fields:
        if name in SKIP or name in skip:
            continue
        x, y = getattr(a, name), getattr(b, name)
        if isinstance(x, list) and isinstance(y, list) and name != "languages":
            before, after = {_key(i): i for i in x}, {_key(i): i for i in y}
            for k, item in after.items():
                if k not in before:
                    yield Change("added", element, key, name, None, item, within)
            for k, item in before.items():
                if k not in after:
                    yield Change("removed", element, key, name, item, None, within)
        elif _key(x) != _key(y):
            yield _value_change(element, key, name, x, y, within)


def _single(element: str, a: BaseModel | None, b: BaseModel | None) -> Iterator[Change]:
    if a is None and b is None:
        return
    if a is None or b is None:
        yield Change("added" if a is None else "removed", element, "", "", a, b)
        return
    yield from _fields(element, "", a, b)


def _registers(old: ResolvedNotice, new: ResolvedNotice) -> Iterator[Change]:
    before = {r.id: r for r in old.notice.registers}
    after = {r.id: r for r in new.notice.registers}
    old_purposes = {p.id: (reg, p) for _, reg, _, p in old.purposes()}
    new_purposes = {p.id: (reg, p) for _, reg, _, p in new.purposes()}
    for reg in new.notice.registers:
        if reg.id not in before:
            yield Change("added", "register", reg.id, new=reg)
        else:
            yield from _fields("register", reg.id, before[reg.id], reg, skip={"purposes"})
        for purpose in reg.purposes:
            if purpose.id not in old_purposes:
                yield Change("added", "purpose", purpose.id, new=purpose, within=reg.id)
                continue
            was_in, was = old_purposes[purpose.id]
            if was_in.id != reg.id:
                yield Change("changed", "purpose", purpose.id, "register", was_in.id, reg.id,
                             reg.id)
            yield from _fields("purpose", purpose.id, was, purpose, within=reg.id)
    for pid, (reg, purpose) in old_purposes.items():
        if pid not in new_purposes:
            yield Change("removed", "purpose", pid, old=purpose, within=reg.id)
    for rid, reg in before.items():
        if rid not in after:
            yield Change("removed", "register", rid, old=reg)


def _recipients(old: ResolvedNotice, new: ResolvedNotice) -> Iterator[Change]:
    before, after = old.recipients, new.recipients
    for rid, rec in after.items():
        if rid not in before:
            yield Change("added", "recipient", rid, new=rec)
            yield from _transfers(rid, [], rec.transfers)
        else:
            yield from _fields("recipient", rid, before[rid], rec, skip={"transfers"})
            yield from _transfers(rid, before[rid].transfers, rec.transfers)
    for rid, rec in before.items():
        if rid not in after:
            yield from _transfers(rid, rec.transfers, [])
            yield Change("removed", "recipient", rid, old=rec)


def _transfers(recipient: str, a: Sequence[Any], b: Sequence[Any]) -> Iterator[Change]:
    """Transfers of one recipient, matched by their countries."""
    before = {tuple(sorted(t.countries)): t for t in a}
    after = {tuple(sorted(t.countries)): t for t in b}
    for countries, t in after.items():
        key = f"{recipient}:{','.join(countries)}"
        if countries not in before:
            yield Change("added", "transfer", key, new=t, within=recipient)
        else:
            yield from _fields("transfer", key, before[countries], t, skip={"countries"},
                               within=recipient)
    for countries, t in before.items():
        if countries not in after:
            yield Change("removed", "transfer", f"{recipient}:{','.join(countries)}", old=t,
                         within=recipient)


def _cookie_key(c: Cookie) -> str:
    return f"{c.provider}:{c.name}" if c.provider else str(c.name)


def _cookies(a: Sequence[Cookie], b: Sequence[Cookie]) -> Iterator[Change]:
    before = {_cookie_key(c): c for c in a}
    after = {_cookie_key(c): c for c in b}
    for key, cookie in after.items():
        if key not in before:
            yield Change("added", "cookie", key, new=cookie)
        else:
            yield from _fields("cookie", key, before[key], cookie, skip={"name", "provider"})
    for key, cookie in before.items():
        if key not in after:
            yield Change("removed", "cookie", key, old=cookie)


def jsonable(value: Any) -> Any:
    """A value as plain JSON data."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_defaults=True, warnings=False)
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _key(value: Any) -> str:
    return json.dumps(jsonable(value), sort_keys=True, ensure_ascii=False)
