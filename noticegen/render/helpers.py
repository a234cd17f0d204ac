"""The filters and globals the templates use, bound to one language."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

from jinja2 import UndefinedError, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from noticegen import vocab
from noticegen.config import words
from noticegen.l10n import tr
from noticegen.model import CustomTerm, text_in
from noticegen.render import formatting, user_markdown
from noticegen.render.environment import Language

Localized = str | Mapping[str, str] | None

# Where a long identifier (a cookie name) may break: after _ - . and between the words of
# camelCase; never inside a word. One of up to _UNBROKEN characters never breaks: it keeps a
# table column that wide (a column of longer ones would crowd out the others).
_UNBROKEN = 20
_IDENTIFIER_BREAK = re.compile(r"(?<=[A-Za-z0-9][_.-])(?=[A-Za-z0-9])|(?<=[a-z])(?=[A-Z])")
_FORMATTER = string.Formatter()
_ARTICLE = re.compile(r"^(?P<article>\d+)(?:\((?P<paragraph>\d+)\))?(?:\((?P<point>[a-z])\))?$")


@lru_cache(maxsize=1024)
def _plain_fields(text: str) -> bool:
    """Whether every replacement field of ``text`` is a bare name (``{name}``: no attribute,
    index, conversion or format spec). Such a text filled with its values escaped is exactly
    what Markup.format gives, which runs a formatter written in Python."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in _FORMATTER.parse(text)
                  if name is not None]
    except ValueError:
        return False  # Markup.format says what is wrong
    return all(name.isidentifier() and not conversion and not spec
               for name, spec, conversion in fields)


def helpers(lang: Language) -> tuple[dict[str, Callable[..., Any]], dict[str, Any]]:
    """(filters, globals) for one language; user text is escaped or rendered as safe Markdown."""
    code, locale = lang.code, lang.locale

    def t(value: Localized) -> str:
        """The user's text in this language, as plain text (autoescaped in HTML)."""
        return text_in(dict(value) if isinstance(value, Mapping) else value, code)

    @pass_context
    def md(ctx: Context, value: Localized) -> Markup:
        """The user's text as Markdown blocks (paragraphs, lists)."""
        return Markup(user_markdown.block_html(t(value), ctx.get("id_prefix", "")))

    @pass_context
    def mdi(ctx: Context, value: Localized) -> Markup:
        """The user's text as inline Markdown (emphasis, links)."""
        return Markup(user_markdown.inline_html(t(value), ctx.get("id_prefix", "")))

    def date(value: dt.date) -> str:
        return formatting.format_date(value, locale, lang.date_format)

    def duration(value: str) -> str:
        if value == "session":
            return lang.strings.get("session", "session")
        return formatting.format_duration(value, locale, lang.units)

    def join(items: Iterable[Any]) -> Markup:
        """Items as "a, b ja c"; each item escaped unless already markup."""
        parts = tuple(str(escape(item)) for item in items)
        return Markup(formatting.format_list(parts, locale))

    def label(vocabulary: str, term_id: str) -> str:
        return vocab.label(vocabulary, term_id, code)

    def attr(vocabulary: str, term_id: str, key: str, default: Any = None) -> Any:
        """A vocabulary attribute; per-language phrases come back in this language."""
        value = vocab.vocabulary(vocabulary)[term_id].attrs.get(key, default)
        if isinstance(value, Mapping) and "en" in value:
            return value.get(code) or value["en"]
        return value

    def term(value: str | CustomTerm, vocabulary: str) -> str:
        """A built-in term's label, or a custom term's own text."""
        if isinstance(value, CustomTerm):
            return t(value.label)
        return label(vocabulary, value)

    def term_attr(value: str | CustomTerm, vocabulary: str, key: str) -> Any:
        if isinstance(value, CustomTerm):
            return getattr(value, key, None)
        return attr(vocabulary, value, key)

    def inline_term(value: str | CustomTerm, vocabulary: str) -> str:
        """A term written inside a sentence: it loses its capital letter, unless a custom
        term's first word is a name (see ``formatting.is_name_first``)."""
        if isinstance(value, CustomTerm):
            text = t(value.label)
            return text if formatting.is_name_first(value.label) else formatting.lower_first(text)
        return formatting.lower_first(label(vocabulary, value))

    def term_list(values: Iterable[str | CustomTerm], vocabulary: str) -> list[str]:
        """Terms for a list inside a sentence: the first keeps its capital, the rest lose it."""
        items = list(values)
        return [term(v, vocabulary) if i == 0 else inline_term(v, vocabulary)
                for i, v in enumerate(items)]

    def country(value: str) -> str:
        return formatting.country_name(value, locale)

    def article(ref: str) -> str:
        """A GDPR provision such as 6(1)(b), cited the language's way."""
        match = _ARTICLE.match(ref)
        if not match:
            return ref
        parts = {k: v for k, v in match.groupdict().items() if v}
        kind = "point" if "point" in parts else "paragraph" if "paragraph" in parts else "article"
        pattern = lang.articles.get(kind)
        return pattern.format(**parts) if pattern else f"Art. {ref}"

    @pass_context
    def purpose_refs(ctx: Context, ids: Iterable[str]) -> Markup:
        """A cookie's purposes, each a link with its legal bases: "<a>Analytics</a> (consent)".
        The same for every cookie that serves the same purposes, so made once per notice and
        language."""
        view, prefix = ctx["v"], ctx.get("id_prefix", "")
        key = ("purpose_refs", code, prefix, tuple(ids))
        found = view.memo.get(key)
        if found is None:
            parts = []
            for pid in key[3]:
                purpose = view.purpose(pid)
                bases = [formatting.lower_first(label("legal_bases", b)) for b in purpose.legal_basis]
                link = Markup('<a href="#{}purpose-{}">{}</a>').format(
                    prefix, purpose.id, t(purpose.description))
                parts.append(link + Markup(" ({})").format(join(bases)) if bases else link)
            found = view.memo[key] = join(parts)
        return Markup(found)

    filled: dict[str, Markup] = {}  # the messages without values, filled in once

    def message(key: str, **values: Any) -> Markup:
        """A message of ``strings.yaml``; our own text, so trusted, with ``values`` escaped."""
        if not values and key in filled:
            return filled[key]
        text = lang.messages.get(key)
        if text is None:
            raise UndefinedError(tr(words(), "the string '{key}' is missing from strings.yaml "
                                    "for the language '{lang}'", key=key, lang=code))
        try:
            if values and _plain_fields(text):  # what Markup.format gives, several times faster
                result = Markup(text.format(**{k: escape(v) for k, v in values.items()}))
            else:
                result = Markup(text).format(**values)
        except (KeyError, IndexError, ValueError):
            raise UndefinedError(tr(words(), "the string '{key}' of strings.yaml for the "
                                    "language '{lang}' cannot be filled in: it names a value "
                                    "that is not given, or a brace is alone (write a brace "
                                    "that is text twice: {braces})", key=key, lang=code,
                                    braces="{{ }}")) from None
        if not values:
            filled[key] = result
        return result

    def identifier(value: str) -> Markup:
        """An identifier, escaped; a long one with break opportunities (<wbr>) between its words."""
        if len(value) <= _UNBROKEN:
            return Markup('<span class="ng-nowrap">{}</span>').format(value)
        return Markup("<wbr>").join(escape(part) for part in _IDENTIFIER_BREAK.split(value))

    @pass_context
    def retention(ctx: Context, rule: Any) -> Markup:
        """A retention period (a purpose's or a rule's): period, period after an event, or the
        event, then the criteria. Python rather than a macro: the section and the summary at
        the top both show every one, and a macro call costs several times as much."""
        if rule.period and rule.after:
            head = escape(f"{duration(rule.period)} {attr('retention_events', rule.after, 'after')}")
        elif rule.period:
            head = escape(duration(rule.period))
        elif rule.after:  # an event that ends the retention itself: "Until consent is withdrawn"
            head = escape(attr("retention_events", rule.after, "until")
                          or label("retention_events", rule.after))
        else:
            head = Markup("")
        if rule.criteria:
            return head + (Markup("<br>") if rule.period or rule.after else "") + mdi(ctx, rule.criteria)
        return head

    def host(url: str) -> str:
        """A web address without its scheme, for link text: https://x.fi/a → x.fi/a."""
        return re.sub(r"^[a-z]+://", "", url).rstrip("/")

    filters: dict[str, Callable[..., Any]] = {
        "t": t, "md": md, "mdi": mdi, "date": date, "duration": duration, "join": join,
        "country": country, "article": article, "host": host, "identifier": identifier,
        "lower_first": formatting.lower_first,
    }
    globals_: dict[str, Any] = {
        "t": message, "label": label, "attr": attr, "term": term, "term_attr": term_attr,
        "inline_term": inline_term, "term_list": term_list, "join": join, "retention": retention,
        "purpose_refs": purpose_refs,
        "L": lang, "lang": code, "S": lang.strings, "web_address": user_markdown.web_address,
    }
    return filters, globals_


__all__ = ["helpers"]
