"""The built-in vocabularies: controlled values with their fi/en/sv labels, read from YAML data."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from noticegen.cache import read_yaml
from noticegen.resources import vocab_dir

__all__ = ["Term", "ids", "label", "languages", "names", "vocabulary"]

# Data layout: each <name>.yaml here is one vocabulary, a mapping ``id -> entry``; every entry has
# ``label: {en: ..., fi: ..., sv: ...}`` plus any attributes (source, article, flags, phrases per
# language), which end up in Term.attrs. A new language needs only labels in the data.
#
# A top-level ``_meta`` mapping is not a term: the loader sets it aside. ``_meta: {partial_labels:
# true}`` marks a vocabulary whose terms are not labelled in every language (countries: fi and sv
# names come from Babel at render time); languages() leaves such vocabularies out.
_FALLBACK = "en"
_META = "_meta"
_NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class Term:
    """One controlled value of a vocabulary. Hashed by id, so terms can go into sets."""

    id: str
    label: Mapping[str, str] = field(hash=False)
    """The label per language code, e.g. ``{"en": "Consent", "fi": "Suostumus", ...}``."""
    attrs: Mapping[str, Any] = field(hash=False)
    """Everything else in the entry (``source``, ``article``, flags, phrases), read-only."""

    def text(self, lang: str) -> str:
        """The label in ``lang``, or the English label when there is none in that language."""
        return self.label.get(lang) or self.label[_FALLBACK]


def names() -> list[str]:
    """The names of all vocabularies (the stems of the YAML files), sorted."""
    return list(_names())


@cache
def vocabulary(name: str) -> Mapping[str, Term]:
    """The terms of vocabulary ``name`` by id, in file order."""
    path = _path(name)
    terms = {
        term_id: _term(path, term_id, entry)
        for term_id, entry in _read(name).items()
        if term_id != _META
    }
    return MappingProxyType(terms)


@cache
def consent_required(category: str) -> bool:
    """Whether cookies of ``category`` need consent (section 205 of Act 917/2014); False for
    a category the vocabulary does not know."""
    term = vocabulary("cookie_categories").get(category)
    return term is not None and bool(term.attrs.get("consent_required"))


def electronic_contact(category: object) -> bool:
    """Whether data of ``category`` let the controller send e-mail or text messages, so that
    direct marketing using them is electronic (Act 917/2014, sections 200-202); False for a
    custom category or one the vocabulary does not know."""
    term = vocabulary("data_categories").get(category) if isinstance(category, str) else None
    return term is not None and bool(term.attrs.get("electronic_contact"))


def ids(name: str) -> frozenset[str]:
    """The term ids of vocabulary ``name``."""
    return frozenset(vocabulary(name))


def label(name: str, term_id: str, lang: str) -> str:
    """The label of ``term_id`` in vocabulary ``name`` in ``lang`` (English when missing)."""
    try:
        term = vocabulary(name)[term_id]
    except KeyError:
        raise KeyError(f"vocabulary {name!r} has no term {term_id!r}") from None
    return term.text(lang)


def suggest(name: str, value: str) -> str | None:
    """The term a value probably means: its id written a little wrong (``procesor``), or its
    label in any language (``suostumus``, ``Suomi``), whole, as one of its words
    (``käsittelijä`` in "Henkilötietojen käsittelijä") or a little wrong. None when unsure."""
    import difflib

    if len(value) > 80:  # no term's label is this long: a pasted paragraph, not a slip
        return None
    close = difflib.get_close_matches(value, sorted(ids(name)), n=1, cutoff=0.6)
    if close:
        return close[0]
    wanted = " ".join(value.casefold().split())
    labels = _labels(name)
    exact = {term_id for label, term_id in labels if label == wanted}
    if len(exact) == 1:
        return exact.pop()
    # A word of a label: of the shortest such label when several have it ("käsittelijä" is
    # the processor's "henkilötietojen käsittelijä" before "alihankkijana toimiva käsittelijä").
    worded = sorted((len(label.split()), term_id) for label, term_id in labels
                    if wanted in label.split())
    shortest = {term_id for size, term_id in worded if size == worded[0][0]} if worded else set()
    if len(shortest) == 1 and len(wanted) > 3:
        return shortest.pop()
    words: dict[str, set[str]] = {}
    for label, term_id in labels:
        for word in {label, *(w for w in label.split() if len(w) > 3)}:
            words.setdefault(word, set()).add(term_id)
    close = difflib.get_close_matches(wanted, sorted(words), n=2, cutoff=0.8)
    found = {term_id for word in close for term_id in words[word]}
    return found.pop() if len(found) == 1 else None


@cache
def _labels(name: str) -> tuple[tuple[str, str], ...]:
    """(label folded to lower case, term id) for every label of every term of ``name``."""
    return tuple((" ".join(text.casefold().replace("(", " ").replace(")", " ").split()), term_id)
                 for term_id, term in vocabulary(name).items()
                 for text in term.label.values() if text)


@cache
def languages() -> frozenset[str]:
    """The languages labelled in every term of every vocabulary not marked ``partial_labels``."""
    found: frozenset[str] | None = None
    for name in _names():
        if _meta(name).get("partial_labels"):
            continue
        for term in vocabulary(name).values():
            labelled = frozenset(lang for lang, text in term.label.items() if text)
            found = labelled if found is None else found & labelled
    return found or frozenset()


@cache
def _names() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in vocab_dir().glob("*.yaml")))


def _path(name: str) -> Path:
    path = vocab_dir() / f"{name}.yaml"
    if not _NAME.fullmatch(name) or not path.is_file():
        raise KeyError(f"unknown vocabulary {name!r}; known: {', '.join(_names())}")
    return path


@cache
def _read(name: str) -> Mapping[str, Any]:
    path = _path(name)
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of term ids to entries")
    for key in data:
        if not isinstance(key, str):
            # YAML 1.1 turns bare NO, ON, 1 ... into bool/int keys.
            raise ValueError(f"{path}: term id {key!r} is not a string; quote it")
    return data


def _meta(name: str) -> Mapping[str, Any]:
    meta = _read(name).get(_META) or {}
    if not isinstance(meta, dict):
        raise ValueError(f"{_path(name)}: {_META} must be a mapping")
    return meta


def _term(path: Path, term_id: str, entry: object) -> Term:
    where = f"{path}: {term_id}"
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: expected a mapping with a 'label'")
    labels = entry.get("label")
    if (
        not isinstance(labels, dict)
        or not all(isinstance(k, str) and isinstance(v, str) and v for k, v in labels.items())
        or _FALLBACK not in labels
    ):
        raise ValueError(
            f"{where}: 'label' must map language codes to non-empty strings, "
            f"with at least {_FALLBACK!r}"
        )
    attrs = {key: _frozen(value) for key, value in entry.items() if key != "label"}
    return Term(id=term_id, label=MappingProxyType(dict(labels)), attrs=MappingProxyType(attrs))


def _frozen(value: Any) -> Any:
    """A read-only copy (mapping proxies, tuples), so that cached terms cannot be changed."""
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value
