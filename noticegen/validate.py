"""Validate loaded data into a Notice: Pydantic errors and cross-checks become positioned diagnostics."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from noticegen.diagnostics import Diagnostic, Loc, error, shown
from noticegen.l10n import N_, from_environment, ntr, speaking, tr
from noticegen.lenient import guarded, is_hole, partial_notice
from noticegen.model import CustomTerm, Notice
from noticegen.model import types as mtypes
from noticegen.source import SourceMap

# Pydantic's own error types, in words a notice author understands.
_MESSAGES = {
    "model_type": N_("expected a mapping of keys (key: value), got {kind}"),
    "model_attributes_type": N_("expected a mapping of keys (key: value), got {kind}"),
    "dict_type": N_("expected a mapping of keys (key: value), got {kind}"),
    "list_type": N_("expected a list (items starting with '- '), got {kind}"),
    "bool_type": N_("expected true or false, got {kind}"),
    "bool_parsing": N_("expected true or false, got {kind}"),
    "date_type": N_("expected a date such as 2026-12-01, got {kind}"),
    "date_parsing": N_("expected a date such as 2026-12-01, got {kind}"),
    "date_from_datetime_parsing": N_("expected a date such as 2026-12-01, got {kind}"),
    "date_from_datetime_inexact": N_("expected a date without a time, such as 2026-12-01"),
    "string_type": N_("expected text, got {kind}"),
}


def _kind(value: Any) -> str:
    return mtypes._kind(value)


def _unwrap(tp: Any) -> list[Any]:
    """The concrete types inside Optional/Union/Annotated/list annotations."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            out.extend(_unwrap(arg))
        return out
    return [tp]


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model class that a data path points into, for key suggestions."""
    current: list[Any] = [Notice]
    for part in loc:
        nxt: list[Any] = []
        for tp in current:
            if isinstance(part, int):
                if typing.get_origin(tp) is list:
                    nxt.extend(_unwrap(typing.get_args(tp)[0]))
            elif isinstance(tp, type) and issubclass(tp, BaseModel) and part in tp.model_fields:
                nxt.extend(_unwrap(tp.model_fields[part].annotation))
        current = [t for t in nxt if t is not type(None)]
        if not current:
            return None
    for tp in current:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return tp
    return None


def _describe(model: type[BaseModel] | None, field: str) -> str:
    from noticegen.model.docs import field_doc

    if model is None or field not in model.model_fields:
        return ""
    return field_doc(model, field).split("\n")[0]


def _pydantic_diagnostic(err: Any, data: Any, smap: SourceMap, lang: str) -> Diagnostic:
    kind = err["type"]
    loc: Loc = tuple(err["loc"])
    where = smap.resolve(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        model = _model_at(where[:-1])
        allowed = sorted(model.model_fields) if model else []
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = tr(lang, "Did you mean '{value}'?", value=close[0]) if close else ""
        if allowed:
            hint = (hint + " " if hint else "") + tr(lang, "Allowed keys here: {keys}.",
                                                     keys=", ".join(allowed))
        return smap.place(error("NG011", tr(lang, "unknown key '{key}'", key=shown(key)), loc=where,
                                hint=hint), key=True)
    if kind == "missing":
        field = str(loc[-1])
        parent = smap.resolve(loc[:-1])
        model = _model_at(parent)
        about = _describe(model, field) if lang == "en" else ""  # (the models' docs are English)
        add = tr(lang, "Add `{field}:` here.", field=field)
        hint = f"{add} {about}".strip()
        return smap.place(error("NG012", tr(lang, "missing required key '{field}'", field=field),
                                loc=parent, hint=hint), key=True)
    ctx = err.get("ctx") or {}
    value = err.get("input")
    template = _MESSAGES.get(kind)
    if template is not None:
        message = tr(lang, template, kind=_kind(value))
    elif kind == "too_short":
        message = ntr(lang, "this list needs at least {count} item(s)",
                      "this list needs at least {count} item(s)", ctx.get("min_length", 1))
    else:  # our validators' messages (in the message language already), or Pydantic's own
        message = str(err["msg"]).removeprefix("Value error, ")
    hint = ""
    raw = smap.raw.get(where)
    if raw is not None and not raw.strip():
        hint = tr(lang, "Write the value after the colon, or remove the key.")
    elif raw is not None and not isinstance(value, str) and kind in _TEXT_EXPECTED:
        hint = tr(lang, 'YAML reads {raw} as {kind}; put it in quotes: "{raw}".', raw=shown(raw),
                  kind=_kind(value))
    elif kind in ("model_type", "dict_type"):
        model = _model_at(where)
        if model is not None:
            hint = tr(lang, "Expected keys: {keys}.", keys=", ".join(
                k for k, f in model.model_fields.items() if f.is_required()))
    elif kind == "too_short":
        hint = tr(lang, "Add at least one item, or remove the key.")
    return smap.place(error("NG010", message, loc=where, hint=hint))


_TEXT_EXPECTED = frozenset({"string_type", "text_type", "localized"})
"""Error types of a field that wants text: a number or yes/no there was probably meant as text."""


@cache
def _localized_fields(model: type[BaseModel]) -> dict[str, bool]:
    """Field name → True for free text (one language needs a mapping), False for names."""
    out: dict[str, bool] = {}
    for name, info in model.model_fields.items():
        funcs = _validator_funcs(info)
        if mtypes._check_localized in funcs:
            out[name] = True
        elif mtypes._check_name in funcs:
            out[name] = False
    return out


def _validator_funcs(info: FieldInfo) -> set[Any]:
    funcs: set[Any] = set()
    stack: list[Any] = [info.annotation, *info.metadata]
    while stack:
        item = stack.pop()
        func = getattr(item, "func", None)
        if func is not None:
            funcs.add(func)
        if typing.get_origin(item) is typing.Annotated:
            stack.extend(typing.get_args(item)[1:])
            stack.append(typing.get_args(item)[0])
        elif typing.get_origin(item) in (typing.Union, types.UnionType):
            stack.extend(typing.get_args(item))
    return funcs


def iter_localized(obj: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str | dict[str, str], bool]]:
    """Every localized value in a model tree: (path, value, is_free_text)."""
    if isinstance(obj, BaseModel):
        localized = _localized_fields(type(obj))
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if value is None:
                continue
            if name in localized:
                yield (*loc, name), value, localized[name]
            else:
                yield from iter_localized(value, (*loc, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from iter_localized(item, (*loc, i))


def _language_checks(notice: Notice, words: str) -> Iterator[Diagnostic]:
    langs = list(notice.notice.languages)
    declared = ", ".join(langs)
    for loc, value, free_text in iter_localized(notice):
        if is_hole(value):
            continue  # a draft's invalid text: reported by validation already
        if isinstance(value, str):
            if free_text and len(langs) > 1:
                yield error("NG022", tr(words, "this text is in one form only, but the notice is "
                                        "in {languages}", languages=declared),
                            loc=loc, hint=tr(words, "Write it per language: {form}.", form="{" + ", ".join(
                                f"{lang}: …" for lang in langs) + "}"))
            continue
        for lang in langs:
            if lang not in value:
                yield error("NG022", tr(words, "the {lang} text is missing", lang=lang), loc=loc,
                            hint=tr(words, "Add `{lang}: …` here; the notice declares {languages}.",
                                    lang=lang, languages=declared))
        for lang in value:
            if lang not in langs:
                yield error("NG023", tr(words, "text in {lang}, which the notice does not declare",
                                        lang=lang),
                            loc=(*loc, lang),
                            hint=tr(words, "Add {lang} to notice.languages, or remove this text.",
                                    lang=lang))
    seen: set[str] = set()
    for i, lang in enumerate(langs):
        if lang in seen:
            yield error("NG021", tr(words, "the language {lang} is listed twice", lang=lang),
                        loc=("notice", "languages", i), hint=tr(words, "Remove the duplicate."))
        seen.add(lang)


_GIVE_ID = {"recipient": N_("Give this recipient an id of its own."),
            "register": N_("Give this register an id of its own."),
            "purpose": N_("Give this purpose an id of its own.")}


def _reference_checks(notice: Notice, words: str) -> Iterator[Diagnostic]:
    from noticegen import catalog

    ids: dict[str, Loc] = {}

    def claim(item_id: str, loc: Loc, what: str) -> Iterator[Diagnostic]:
        if item_id in ids:
            first = ids[item_id]
            yield error("NG021", tr(words, "the id '{id}' is already used by {where}", id=item_id,
                                    where="/".join(str(p) for p in first[:-1])), loc=loc,
                        hint=tr(words, _GIVE_ID[what]))
        else:
            ids[item_id] = loc

    known_services = catalog.ids()
    recipient_ids = set()
    for i, rec in enumerate(notice.recipients):
        yield from claim(rec.id, ("recipients", i, "id"), "recipient")
        recipient_ids.add(rec.id)
        if rec.service is not None and rec.service not in known_services:
            yield _unknown("NG025", rec.service, known_services, ("recipients", i, "service"),
                           _SERVICE, tr(words, _CATALOG_LIST), words)
        if rec.service is None and rec.cookies is not None:
            yield error("NG012", tr(words, "missing required key 'service' (`cookies:` chooses "
                                    "cookies of a catalogue service)"),
                        loc=("recipients", i, "cookies"),
                        hint=tr(words, "Add `service:` with the catalogue service, or describe "
                                "your own cookies under the top-level `cookies:` with `provider: "
                                "{id}`.", id=rec.id))
        if rec.service is None and rec.name is None:
            yield error("NG012", tr(words, "missing required key '{field}'", field="name"),
                        loc=("recipients", i),
                        hint=tr(words, "Name the recipient, or pick a known service with "
                                "`service:`."))
    for i, use in notice.used_services():
        service = use.service
        if service not in known_services:
            where: Loc = ("uses", i) if isinstance(notice.uses[i], str) else ("uses", i, "service")
            yield _unknown("NG025", service, known_services, where, _SERVICE,
                           tr(words, _CATALOG_LIST), words)
        elif service in recipient_ids:
            continue
        recipient_ids.add(service)
    for r, reg in enumerate(notice.registers):
        yield from claim(reg.id, ("registers", r, "id"), "register")
        for p, purpose in enumerate(reg.purposes):
            yield from claim(purpose.id, ("registers", r, "purposes", p, "id"), "purpose")
            for k, ref in enumerate(purpose.recipients):
                if ref not in recipient_ids:
                    yield _unknown("NG020", ref, recipient_ids,
                                   ("registers", r, "purposes", p, "recipients", k), _RECIPIENT,
                                   tr(words, "Add it under `recipients:` or `uses:`."), words)
        for k, ref in enumerate(reg.recipients):
            if ref not in recipient_ids:
                yield _unknown("NG020", ref, recipient_ids, ("registers", r, "recipients", k),
                               _RECIPIENT, tr(words, "Add it under `recipients:` or `uses:`."),
                               words)
        for s, special in enumerate(reg.special_categories):
            yield from _special_check(special.category, ("registers", r, "special_categories", s,
                                                         "category"), words)
    purpose_ids = {p.id for reg in notice.registers for p in reg.purposes}
    for c, cookie in enumerate(notice.cookies):
        for k, ref in enumerate(cookie.purposes):
            if ref not in purpose_ids:
                yield _unknown("NG020", ref, purpose_ids, ("cookies", c, "purposes", k),
                               _PURPOSE, tr(words, "Use the id of one of the notice's purposes."),
                               words)
        if cookie.provider is not None and cookie.provider not in recipient_ids:
            yield _unknown("NG020", cookie.provider, recipient_ids, ("cookies", c, "provider"),
                           _RECIPIENT, tr(words, "Add the provider under `recipients:` or "
                                          "`uses:`, or leave `provider` out for your own cookies."),
                           words)


_CATALOG_LIST = N_("`noticegen catalog list` shows them.")
_SERVICE = N_("'{value}' is not a known service in the catalogue")
_RECIPIENT = N_("'{value}' is not a known recipient")
_PURPOSE = N_("'{value}' is not a known purpose")


def _special_check(category: Any, loc: Loc, words: str) -> Iterator[Diagnostic]:
    from noticegen import vocab

    if isinstance(category, CustomTerm):
        if not category.special:
            yield error("NG026", tr(words, "this custom category is not marked `special: true`"),
                        loc=loc, hint=tr(words, "Mark it special, or list it under "
                                         "data_categories instead."))
        return
    term = vocab.vocabulary("data_categories")[category]
    if not term.attrs.get("special"):
        yield error("NG026", tr(words, "'{value}' is not a special category of personal data "
                                "(Art. 9(1))", value=category),
                    loc=loc, hint=tr(words, "List it under data_categories instead."))


def _unknown(code: str, value: str, known: set[str] | frozenset[str], loc: Loc, message: str,
             advice: str, words: str) -> Diagnostic:
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    hint = (tr(words, "Did you mean '{value}'?", value=close[0]) + " " if close else "") + advice
    return error(code, tr(words, message, value=shown(value)), loc=loc, hint=hint)


def validate(data: Any, smap: SourceMap, *, lang: str | None = None,
             ) -> tuple[Notice | None, list[Diagnostic]]:
    """Plain data → Notice, or None with diagnostics placed at file:line:col; their messages
    in ``lang`` (default: the environment's message language)."""
    words = lang or from_environment()
    try:
        with speaking(words):
            notice = Notice.model_validate(data)
    except ValidationError as exc:
        with speaking(words):
            diags = [_pydantic_diagnostic(e, data, smap, words)
                     for e in exc.errors(include_url=False)]
        # Same place and code but another message (two missing keys of one mapping) is kept.
        unique = {(d.file, d.line, d.column, d.code, d.message): d for d in diags}
        return None, sorted(unique.values())
    diags = [*_language_checks(notice, words), *_reference_checks(notice, words)]
    placed = [smap.place(d, key=d.code in ("NG011", "NG023")) for d in diags]
    return (None if placed else notice), sorted(placed)


def validate_partial(data: Any, smap: SourceMap, *, lang: str | None = None,
                     ) -> tuple[Notice | None, list[Diagnostic]]:
    """For data that :func:`validate` rejected: the notice with holes where values are missing or
    invalid (noticegen.lenient), for the rules that can still run, and the cross-checks that
    validation did not get to (a missing translation, an unknown recipient), so that one run
    reports them all. The validation errors are not repeated."""
    try:
        return Notice.model_validate(data), []  # valid, and the cross-checks have spoken
    except ValidationError:
        pass
    notice = partial_notice(data)
    if notice is None:
        return None, []
    words = lang or from_environment()
    diags = [*guarded(_language_checks(notice, words)), *guarded(_reference_checks(notice, words))]
    return notice, sorted(smap.place(d, key=d.code in ("NG011", "NG023")) for d in diags)
