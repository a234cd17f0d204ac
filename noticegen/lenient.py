"""Lenient validation: a draft that fails validation still gets every rule that can run on it.

When the data do not validate, :func:`partial_notice` builds the notice anyway: every valid value
as validation would make it, and a :class:`Hole` wherever a required key is missing or a value
is invalid. A hole raises :class:`MissingInput` as soon as anything looks at it, so a rule that
needs the value stops, and the pipeline names it as skipped; a rule that does not need it runs
as on a valid notice. The validation errors themselves are reported as before.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, NoReturn

from pydantic import BaseModel, ValidationError

from noticegen.diagnostics import Loc

if TYPE_CHECKING:
    from pydantic import TypeAdapter


class MissingInput(Exception):
    """A check looked at a value that is missing or invalid in the draft."""

    def __init__(self, loc: Loc) -> None:
        super().__init__("/".join(str(p) for p in loc))
        self.loc = loc


class Hole:
    """A missing or invalid value in a partial notice: using it in any way raises MissingInput.

    ``is None`` and ``isinstance`` do not use it and answer as for any other object; a check
    that goes on to read, compare, iterate, hash or print it stops there."""

    __slots__ = ("loc",)
    loc: Loc

    def __init__(self, loc: Loc) -> None:
        object.__setattr__(self, "loc", loc)

    def _missing(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise MissingInput(self.loc)

    def __repr__(self) -> str:
        return f"Hole({'/'.join(str(p) for p in self.loc)})"

    __getattr__ = __setattr__ = __getitem__ = __contains__ = __iter__ = __len__ = _missing
    __bool__ = __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = __hash__ = _missing
    __str__ = __format__ = __add__ = __radd__ = __int__ = __index__ = __call__ = _missing
    __deepcopy__ = __copy__ = _missing


def is_hole(value: object) -> bool:
    return type(value) is Hole


def guarded(found: Iterator[Any]) -> Iterator[Any]:
    """The items of ``found`` until it stops at a hole (a check of the validator that can report
    what it found before the hole)."""
    try:
        yield from found
    except MissingInput:
        return


def partial_notice(data: Any) -> Any:
    """The Notice that ``data`` describe, with holes where they are missing or invalid; None when
    the data are not a mapping at all."""
    from noticegen.model import Notice

    if not isinstance(data, dict):
        return None
    return _build(Notice, data, ())


def _build(model: type[BaseModel], data: Any, loc: Loc) -> Any:
    """One model from its data: validated whole when it can be, else field by field."""
    if not isinstance(data, dict):
        return Hole(loc)
    try:
        return model.model_validate(data)
    except ValidationError:
        pass
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in data:
            values[name] = _field(model, name, data[name], (*loc, name))
        elif info.is_required():
            values[name] = Hole((*loc, name))
    return model.model_construct(**values)


def _field(model: type[BaseModel], name: str, value: Any, loc: Loc) -> Any:
    try:
        return _adapter(model, name).validate_python(value)
    except ValidationError:
        pass
    inner, many = _models_in(model.model_fields[name].annotation)
    if inner is None:
        return Hole(loc)
    if not many:
        return _build(inner, value, loc)
    if not isinstance(value, list):
        return Hole(loc)
    return [_build(inner, item, (*loc, i)) for i, item in enumerate(value)]


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """Validation of one field alone: its type with its constraints (``min_length`` and the like)."""
    from pydantic import TypeAdapter  # only for drafts: a module `check` of a valid notice skips

    info = model.model_fields[name]
    annotation: Any = info.annotation
    if info.metadata:
        annotation = typing.Annotated[(annotation, *info.metadata)]
    return TypeAdapter(annotation)


def _models_in(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model a field holds (Optional included), and whether it holds a list of them."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _models_in(args[0])
    if origin in (typing.Union, types.UnionType):
        models = [m for m in (_models_in(a) for a in args if a is not type(None)) if m[0]]
        return models[0] if len(models) == 1 else (None, False)
    if origin is list and args:
        inner, many = _models_in(args[0])
        return (inner, True) if inner is not None and not many else (None, False)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False
