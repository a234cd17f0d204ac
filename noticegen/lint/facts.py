"""Facts the rules ask of a resolved notice: texts per language, data categories, trackers."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from noticegen import catalog, vocab
from noticegen.diagnostics import Loc
from noticegen.l10n import N_, Translated, message_languages, tr
from noticegen.lenient import is_hole
from noticegen.model import (
    Cookie,
    CustomTerm,
    ElementLint,
    Notice,
    NoticeLint,
    Purpose,
    Register,
)

if TYPE_CHECKING:
    from noticegen.lint.registry import Param, Params
    from noticegen.resolve import ResolvedNotice

Term = str | CustomTerm
"""A vocabulary id or a custom term, as in ``data_categories``, ``sources``, ``data_subjects``."""


@dataclass(frozen=True)
class TextValue:
    """One language's text of a localized value, with the path that points at it."""

    loc: Loc
    lang: str
    text: str
    free_text: bool


def texts(resolved: ResolvedNotice, under: Loc = ()) -> Iterator[TextValue]:
    """Every localized text of the notice (or of the part at ``under``), per declared language.

    A plain string in a one-language notice counts as that language's text; a name shared by
    every language (``Name``) counts once per language, at the same path.
    """
    if not under:
        return iter(_all_texts(resolved))
    return _texts(resolved, under)


def _all_texts(resolved: ResolvedNotice) -> list[TextValue]:
    """Every text of the notice, walked once per notice however many rules ask."""
    return _derived(resolved, "texts", lambda: list(_texts(resolved, ())))


def _suspect_texts(resolved: ResolvedNotice) -> list[TextValue]:
    """The texts that some rule's pattern may match, in order: the only ones :func:`scan` has
    to look at (in a typical notice, a handful of its hundred-odd texts). Once per notice."""
    from noticegen.lint.patterns import may_match

    return _derived(resolved, "suspect texts", lambda: [
        value for value in _all_texts(resolved) if may_match(value.lang, value.text)])


def _derived(resolved: ResolvedNotice, key: str,
             make: Callable[[], list[TextValue]]) -> list[TextValue]:
    """``make()``, kept with the notice for the rules that ask after the first. Seven rules
    read every text and six scan them: walking them once per rule doubled the cost of `check`
    (benchmarks/README.md, "What each speed mechanism is worth")."""
    found: list[TextValue] | None = resolved.derived.get(key)
    if found is None:
        found = resolved.derived[key] = make()
    return found


def _texts(resolved: ResolvedNotice, under: Loc) -> Iterator[TextValue]:
    from noticegen.validate import iter_localized

    root: Any = resolved.notice
    for part in under:
        if root is None:
            return
        root = root[part] if isinstance(part, int) else getattr(root, part)
    if root is None:
        return
    found = [(under, root, True)] if isinstance(root, str | Mapping) else iter_localized(root, under)
    for loc, value, free_text in found:
        if isinstance(value, str):
            for lang in resolved.languages:
                yield TextValue(loc, lang, value, free_text)
        elif not is_hole(value):  # a draft's invalid text holds nothing to check
            for lang in resolved.languages:
                if lang in value:
                    yield TextValue((*loc, lang), lang, value[lang], free_text)


def scan(resolved: ResolvedNotice, rule: str, *,
         where: Callable[[TextValue], bool] | None = None) -> Iterator[tuple[TextValue, Params]]:
    """Texts that match a rule's patterns, with the message parameters; one finding per text
    and meaning (a text citing both "henkilötietolaki" and "523/1999" is one finding)."""
    from noticegen.lint.patterns import excerpt, search

    for value in _suspect_texts(resolved):
        if where is not None and not where(value):
            continue
        seen: list[Mapping[str, Mapping[str, str]]] = []
        for pattern, match in search(rule, value.lang, value.text):
            if pattern.params in seen:
                continue
            seen.append(pattern.params)
            yield value, {"found": excerpt(match), **pattern.params}


def field_of(value: TextValue) -> str:
    """The model field a text belongs to (``description`` for ``(..., 'description', 'fi')``)."""
    field = value.loc[-2] if value.loc[-1] == value.lang else value.loc[-1]
    return str(field)


def strings(obj: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string in a model tree with its path: plain fields, ids and localized texts alike."""
    if isinstance(obj, str):
        yield loc, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from strings(getattr(obj, name), (*loc, name))
    elif isinstance(obj, Mapping):
        for key, value in obj.items():
            yield from strings(value, (*loc, key))
    elif isinstance(obj, Sequence):
        for i, item in enumerate(obj):
            yield from strings(item, (*loc, i))


def register_loc(r: int) -> Loc:
    return ("registers", r)


def purpose_loc(r: int, p: int) -> Loc:
    return ("registers", r, "purposes", p)


def purpose_categories(register: Register, purpose: Purpose) -> list[Term]:
    """The data categories a purpose uses: its own list, else all of the register's."""
    return list(purpose.data_categories or register.data_categories)


def categories_with_locs(register: Register, r: int) -> Iterator[tuple[Loc, Term]]:
    """Every data category a register names: its own list, then each purpose's."""
    for i, term in enumerate(register.data_categories):
        yield (*register_loc(r), "data_categories", i), term
    for p, purpose in enumerate(register.purposes):
        for i, term in enumerate(purpose.data_categories):
            yield (*purpose_loc(r, p), "data_categories", i), term


def term_attr(vocabulary: str, term: Term, attr: str) -> Any:
    """An attribute of a vocabulary term (None for custom terms)."""
    if isinstance(term, CustomTerm):
        return None
    return vocab.vocabulary(vocabulary)[term].attrs.get(attr)


def is_special(term: Term) -> bool:
    """An Art. 9(1) special category (built-in, or custom marked ``special: true``)."""
    if isinstance(term, CustomTerm):
        return term.special
    return bool(term_attr("data_categories", term, "special"))


def from_data_subject(term: Term) -> bool:
    """A source that means the data are collected from the data subject (Art. 13)."""
    return bool(term_attr("sources", term, "from_data_subject"))


def label(term: Term) -> str | Mapping[str, str]:
    """A term as a message parameter: its id, or a custom term's label."""
    return term.label if isinstance(term, CustomTerm) else term


def vocab_label(vocabulary: str, term_id: str) -> Mapping[str, str]:
    """A vocabulary term's label per language, as a message parameter."""
    return vocab.vocabulary(vocabulary)[term_id].label


def service_of(resolved: ResolvedNotice, provider: str | None) -> str | None:
    """The catalogue service behind a cookie's provider (a recipient id), if any."""
    if provider is None:
        return None
    recipient = resolved.recipients.get(provider)
    service = recipient.service if recipient is not None else None
    return service or (provider if provider in catalog.ids() else None)


def cookie_name(cookie: Cookie, c: int) -> Param:
    """A cookie as a message parameter: its name, or its place in the list when it has none."""
    if cookie.name is not None:
        return cookie.name
    return Translated(N_("no. {number} (name not given)"), number=c + 1)


def cookie_matches(name: str, prefix: bool, known_name: str, known_prefix: bool) -> bool:
    """Whether a declared cookie name is the catalogue's cookie (names with an id after a prefix)."""
    if name == known_name:
        return True
    if known_prefix and not prefix:
        return name.startswith(known_name)
    return False


def tracker_cookie(name: str, prefix: bool) -> str | None:
    """The tracker service in the catalogue that sets a cookie of this name, if any."""
    for entry in catalog.services():
        if not entry.get("tracker"):
            continue
        for cookie in entry.get("cookies", []):
            if cookie_matches(name, prefix, str(cookie["name"]), bool(cookie.get("prefix"))):
                return str(entry["id"])
    return None


def recipient_name(resolved: ResolvedNotice, recipient_id: str) -> str | Mapping[str, str]:
    recipient = resolved.recipients[recipient_id]
    return recipient.name if recipient.name is not None else recipient_id


def join(items: Sequence[Mapping[str, str]]) -> dict[str, str]:
    """Localized items joined as a list: "a, b and c" / "a, b ja c" / "a, b och c"."""
    out: dict[str, str] = {}
    for lang in message_languages():
        parts = [item.get(lang) or item.get("en") or next(iter(item.values()), "")
                 for item in items]  # a one-language notice's own label: {fi: …} only
        out[lang] = parts[0] if len(parts) == 1 else tr(
            lang, "{items} and {last}", items=", ".join(parts[:-1]), last=parts[-1])
    return out


def element_lints(notice: Notice) -> Iterator[tuple[Loc, ElementLint]]:
    """Every element-level ``lint:`` (register, purpose, recipient, cookie) with its element's path."""
    for r, reg in enumerate(notice.registers):
        if reg.lint is not None:
            yield ("registers", r), reg.lint
        for p, purpose in enumerate(reg.purposes):
            if purpose.lint is not None:
                yield ("registers", r, "purposes", p), purpose.lint
    for i, recipient in enumerate(notice.recipients):
        if recipient.lint is not None:
            yield ("recipients", i), recipient.lint
    for i, cookie in enumerate(notice.cookies):
        if cookie.lint is not None:
            yield ("cookies", i), cookie.lint


def all_lints(notice: Notice) -> Iterator[tuple[Loc, NoticeLint | ElementLint]]:
    """The notice's own ``lint:`` and every element's."""
    if notice.lint is not None:
        yield ("lint",), notice.lint
    for loc, lint in element_lints(notice):
        yield (*loc, "lint"), lint
