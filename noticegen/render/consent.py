"""Consent-banner configurations from the notice's cookies: vanilla-cookieconsent 3.x and Klaro 0.7.x.

Both are built from the same resolved notice as the notice itself, so that the banner asks about
exactly the categories, services and cookies the notice describes. Each is written as JSON and as
a JavaScript file (docs/embedding.md shows how a site loads either). Prefix cookie names become
regular expressions: a JavaScript ``RegExp`` in the module, ``{"regexp": "^name"}`` in the JSON.

Every text comes from the notice (the user's, escaped where the manager inserts it as HTML), the
vocabularies or ``templates/<lang>/strings.yaml`` (the ``banner_`` keys).
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from noticegen import defaults, vocab
from noticegen.model import text_in
from noticegen.model.types import parse_duration
from noticegen.render import formatting, notice_address
from noticegen.render.environment import Language, language
from noticegen.render.sections import plan

if TYPE_CHECKING:
    from noticegen.model import Cookie
    from noticegen.resolve import ResolvedNotice

# The strings.yaml keys used here (tests check that every language has them).
STRINGS = ("banner_title", "banner_description", "banner_accept_all", "banner_reject_all",
           "banner_accept_selected", "banner_save", "banner_close", "banner_settings",
           "banner_settings_intro", "banner_more_title", "banner_notice_link",
           "banner_cookies_link", "banner_read_more", "banner_read_more_link", "banner_changed",
           "banner_service", "banner_services", "banner_purpose", "banner_purposes",
           "banner_required_title",
           "banner_required_description", "banner_toggle_all_title",
           "banner_toggle_all_description", "banner_service_cookie", "banner_service_cookies",
           "cookies_col_name",
           "cookies_col_recipient", "cookies_col_duration", "cookies_col_purpose")
OWN_SERVICE = "own"
"""The service name of the controller's own cookies (those without a `provider`)."""
# Characters of a cookie name written as they are in a regular expression; the others escaped.
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9_\-!\"#%&',:;<=>@`~]")
_SYNTAX = frozenset("\\^$.*+?()[]{}|/")


@dataclass(frozen=True)
class Regex:
    """A cookie name pattern: ``/source/`` in JavaScript, ``{"regexp": source}`` in JSON."""

    source: str


def needed(resolved: ResolvedNotice) -> bool:
    """Whether the notice declares a cookie that needs consent (then a build writes the configs)."""
    return any(vocab.consent_required(c) for c in resolved.cookie_groups)


def category_id(category: str) -> str:
    """The manager's category (vanilla-cookieconsent) or purpose (Klaro) for a noticegen one."""
    return str(vocab.vocabulary("cookie_categories")[category].attrs["cookieconsent"])


def cookie_pattern(cookie: Cookie) -> str | Regex:
    """The name as the managers match it: exact, or a regular expression for a prefix."""
    name = cookie.name or ""  # (a notice with a nameless cookie does not pass check)
    if not cookie.prefix:
        return name
    return Regex("^" + _NOT_PLAIN.sub(_escape, name))


def _shown(cookie: Cookie) -> str:
    """The name as the notice shows it: a prefix with a `*` after it."""
    return (cookie.name or "") + ("*" if cookie.prefix else "")


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    if char in _SYNTAX:
        return "\\" + char
    return "".join(f"\\u{unit:04x}" for unit in _utf16(char))


def _utf16(char: str) -> list[int]:
    data = char.encode("utf-16-be")
    return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]


@dataclass(frozen=True)
class _Service:
    """The cookies of one provider in one category: a service of the banner."""

    name: str
    category: str
    cookies: tuple[Cookie, ...]


class _Builder:
    """What both configurations need, per language."""

    def __init__(self, resolved: ResolvedNotice, languages: Sequence[str],
                 user_dir: Path | None, id_prefix: str) -> None:
        self.resolved = resolved
        self.id_prefix = id_prefix
        """The notice's id prefix (`{lang}` in it stands for the language)."""
        self.languages = tuple(languages)
        self.langs: dict[str, Language] = {code: language(code, user_dir) for code in languages}
        self.services = self._services()

    def _services(self) -> list[_Service]:
        providers = {c.provider or "" for c in self.resolved.notice.cookies}
        own = OWN_SERVICE
        while own in providers:
            own += "-site"
        out: list[_Service] = []
        for category, cookies in self.resolved.cookie_groups.items():
            by_provider: dict[str, list[Cookie]] = {}
            for cookie in cookies:
                by_provider.setdefault(cookie.provider or own, []).append(cookie)
            for provider, found in by_provider.items():
                out.append(_Service(provider, category, tuple(found)))
        # A provider with cookies in two categories is two services (a service has one switch).
        split = {s.name for s in out if sum(t.name == s.name for t in out) > 1}
        return [_Service(f"{s.name}-{category_id(s.category)}" if s.name in split else s.name,
                         s.category, s.cookies) for s in out]

    def categories(self) -> list[str]:
        """The notice's cookie categories, strictly necessary always first and always there."""
        return ["necessary", *(c for c in self.resolved.cookie_groups if c != "necessary")]

    def s(self, lang: str, key: str) -> str:
        return self.langs[lang].messages[key]

    def provider(self, service: _Service, lang: str) -> str:
        cookie = service.cookies[0]
        if cookie.provider is None:
            return self.resolved.notice.controller.name
        recipient = self.resolved.recipients.get(cookie.provider)
        if recipient is None or recipient.name is None:
            return cookie.provider
        return text_in(recipient.name, lang)

    def duration(self, cookie: Cookie, lang: str) -> str:
        if cookie.duration is None:
            return ""
        if cookie.duration == "session":
            return self.langs[lang].strings["session"]
        settings = self.langs[lang]
        return formatting.format_duration(cookie.duration, settings.locale, settings.units)

    def label(self, category: str, lang: str) -> str:
        return vocab.label("cookie_categories", category, lang)

    def description(self, category: str, lang: str) -> str:
        text = vocab.vocabulary("cookie_categories")[category].attrs["description"]
        key = ("cookies_category_consent" if vocab.consent_required(category)
               else "cookies_category_no_consent")
        return f"{text.get(lang) or text['en']} {self.langs[lang].messages[key]}"

    def notice_url(self, lang: str) -> str | None:
        return notice_address(self.resolved, lang)

    def cookies_url(self, lang: str) -> str | None:
        url = self.notice_url(lang)
        anchor = next((p.anchor for p in plan(self.resolved) if p.section.id == "cookies"), None)
        if url is None or anchor is None:
            return url
        return f"{url.split('#')[0]}#{self.id_prefix.replace('{lang}', lang)}{anchor}"

    def consent_cookie(self) -> Cookie | None:
        """The cookie the banner keeps the choices in, when the notice names it."""
        consent = self.resolved.notice.cookie_consent
        name = getattr(consent, "cookie", None)
        return next((c for c in self.resolved.notice.cookies if c.name == name), None)

    def consent_days(self) -> int | None:
        cookie = self.consent_cookie()
        if cookie is None or cookie.duration in (None, "session"):
            return None
        return _days(cookie.duration)


def _days(iso: str) -> int | None:
    """Whole days of an ISO 8601 duration (a year 365 days, a month 30); parts of a day round up."""
    parts = parse_duration(iso)
    days = (parts.get("years", 0) * 365 + parts.get("months", 0) * 30
            + parts.get("weeks", 0) * 7 + parts.get("days", 0))
    rest = parts.get("hours", 0) / 24 + parts.get("minutes", 0) / 1440 + parts.get("seconds", 0) / 86400
    return days + math.ceil(rest) or None


def _row(cookie: Cookie, service: _Service, b: _Builder, lang: str) -> dict[str, str]:
    return {
        "name": html.escape(_shown(cookie)),
        "provider": html.escape(b.provider(service, lang)),
        "duration": html.escape(b.duration(cookie, lang)),
        "purpose": html.escape(text_in(cookie.purpose, lang)),
    }


def _clearable(cookies: Sequence[Cookie]) -> list[Cookie]:
    """Only cookies can be deleted by name from a script (not local storage or pixels)."""
    return [c for c in cookies if c.type == "cookie"]


def cookieconsent(resolved: ResolvedNotice, languages: Sequence[str],
                  user_dir: Path | None = None, id_prefix: str = defaults.ID_PREFIX) -> dict[str, Any]:
    """The configuration that ``CookieConsent.run()`` of vanilla-cookieconsent 3.x takes."""
    b = _Builder(resolved, languages, user_dir, id_prefix)
    categories: dict[str, Any] = {}
    for category in b.categories():
        necessary = category == "necessary"
        services = [s for s in b.services if s.category == category]
        entry: dict[str, Any] = {"enabled": necessary, "readOnly": necessary}
        if services:
            entry["services"] = {s.name: {
                "label": html.escape(b.provider(s, languages[0])),
                "cookies": [{"name": cookie_pattern(c)} for c in _clearable(s.cookies)],
            } for s in services}
        clear = _clearable([c for s in services for c in s.cookies])
        if clear and not necessary:
            entry["autoClear"] = {"cookies": [{"name": cookie_pattern(c)} for c in clear]}
        categories[category_id(category)] = entry
    config: dict[str, Any] = {"mode": "opt-in", "revision": 0}
    cookie = b.consent_cookie()
    if cookie is not None:
        config["cookie"] = {"name": cookie.name}
        if (days := b.consent_days()) is not None:
            config["cookie"]["expiresAfterDays"] = days
    config["guiOptions"] = {
        "consentModal": {"layout": "box", "position": "bottom left", "equalWeightButtons": True},
        "preferencesModal": {"layout": "box", "equalWeightButtons": True},
    }
    config["categories"] = categories
    config["language"] = {
        "default": languages[0],
        "autoDetect": "document",
        "translations": {lang: _cc_translation(b, lang) for lang in languages},
    }
    return config


def _cc_translation(b: _Builder, lang: str) -> dict[str, Any]:
    s = partial(b.s, lang)
    links = [(b.notice_url(lang), s("banner_notice_link")),
             (b.cookies_url(lang), s("banner_cookies_link"))]
    footer = "\n".join(f'<a href="{html.escape(url)}">{html.escape(text)}</a>'
                       for url, text in links if url)
    consent_modal: dict[str, Any] = {
        "title": html.escape(s("banner_title")),
        "description": html.escape(s("banner_description")),
        "acceptAllBtn": html.escape(s("banner_accept_all")),
        "acceptNecessaryBtn": html.escape(s("banner_reject_all")),
        "showPreferencesBtn": html.escape(s("banner_settings")),
        "revisionMessage": html.escape(s("banner_changed")),
    }
    if footer:
        consent_modal["footer"] = footer
    # the provider column says who receives the cookie's data, as in the notice (#15)
    headers = {key: html.escape(s(f"cookies_col_{'recipient' if key == 'provider' else key}"))
               for key in ("name", "provider", "duration", "purpose")}
    sections: list[dict[str, Any]] = [{"description": html.escape(s("banner_settings_intro"))}]
    for category in b.categories():
        services = [x for x in b.services if x.category == category]
        section: dict[str, Any] = {
            "title": html.escape(b.label(category, lang)),
            "description": html.escape(b.description(category, lang)),
            "linkedCategory": category_id(category),
        }
        rows = [_row(c, x, b, lang) for x in services for c in x.cookies]
        if rows:
            section["cookieTable"] = {"headers": headers, "body": rows}
        sections.append(section)
    if footer:
        sections.append({"title": html.escape(s("banner_more_title")),
                         "description": footer.replace("\n", "<br>\n")})
    return {
        "consentModal": consent_modal,
        "preferencesModal": {
            "title": html.escape(s("banner_settings")),
            "acceptAllBtn": html.escape(s("banner_accept_all")),
            "acceptNecessaryBtn": html.escape(s("banner_reject_all")),
            "savePreferencesBtn": html.escape(s("banner_save")),
            "closeIconLabel": html.escape(s("banner_close")),
            "serviceCounterLabel": html.escape(f"{s('banner_service')}|{s('banner_services')}"),
            "sections": sections,
        },
    }


def klaro(resolved: ResolvedNotice, languages: Sequence[str],
          user_dir: Path | None = None, id_prefix: str = defaults.ID_PREFIX) -> dict[str, Any]:
    """The configuration Klaro 0.7.x reads from ``window.klaroConfig``."""
    b = _Builder(resolved, languages, user_dir, id_prefix)
    config: dict[str, Any] = {
        "version": 1,
        "elementID": "klaro",
        "storageMethod": "cookie",
    }
    cookie = b.consent_cookie()
    if cookie is not None:
        config["cookieName"] = cookie.name
        if (days := b.consent_days()) is not None:
            config["cookieExpiresAfterDays"] = days
    config.update({
        "htmlTexts": False,
        "groupByPurpose": True,
        "showNoticeTitle": True,
        "default": False,
        "mustConsent": False,
        "acceptAll": True,
        "hideDeclineAll": False,
        "hideLearnMore": False,
        "noticeAsModal": False,
        "translations": {lang: _klaro_translation(b, lang) for lang in languages},
        "services": [{
            "name": s.name,
            "purposes": [category_id(s.category)],
            "cookies": [cookie_pattern(c) for c in _clearable(s.cookies)],
            "required": s.category == "necessary",
            "default": s.category == "necessary",
            "optOut": False,
            "onlyOnce": True,
        } for s in b.services],
    })
    return config


def _klaro_translation(b: _Builder, lang: str) -> dict[str, Any]:
    s = partial(b.s, lang)
    out: dict[str, Any] = {}
    url = b.notice_url(lang)
    if url is not None:
        out["privacyPolicyUrl"] = b.cookies_url(lang) or url
    out.update({
        "consentNotice": {
            "title": s("banner_title"),
            # Klaro links {privacyPolicy} to privacyPolicyUrl.
            "description": f"{s('banner_description')} {s('banner_read_more')}" if url
            else s("banner_description"),
            "changeDescription": s("banner_changed"),
            "learnMore": s("banner_settings"),
        },
        "consentModal": {"title": s("banner_settings"), "description": s("banner_settings_intro")},
        "privacyPolicy": {"name": s("banner_read_more_link"), "text": s("banner_read_more")},
        "acceptAll": s("banner_accept_all"),
        "acceptSelected": s("banner_accept_selected"),
        "decline": s("banner_reject_all"),
        "ok": s("banner_accept_all"),
        "save": s("banner_save"),
        "close": s("banner_close"),
        "purposeItem": {"service": s("banner_service"), "services": s("banner_services")},
        "service": {
            "purpose": s("banner_purpose"),
            "purposes": s("banner_purposes"),
            "required": {"title": s("banner_required_title"),
                         "description": s("banner_required_description")},
            "disableAll": {"title": s("banner_toggle_all_title"),
                           "description": s("banner_toggle_all_description")},
        },
        "purposes": {category_id(c): {"title": b.label(c, lang),
                                      "description": b.description(c, lang)}
                     for c in b.categories()},
    })
    for service in b.services:
        item = s("banner_service_cookie")
        listed = "; ".join(item.replace("{name}", _shown(c)).replace("{duration}", b.duration(c, lang))
                           if c.duration else _shown(c) for c in service.cookies)
        out[service.name] = {
            "title": b.provider(service, lang),
            "description": s("banner_service_cookies").replace("{cookies}", listed),
        }
    return out


# --- the files ---------------------------------------------------------------------------

def to_json(config: Mapping[str, Any]) -> str:
    """The configuration as JSON: sorted as built, two-space indents, a final newline. The same
    text as ``json.dumps(config, indent=2, ensure_ascii=False)``, whose indenting encoder is
    pure Python and took two thirds of the configurations' time; strings go through the C
    escaper."""
    out: list[str] = []
    _json(config, out, "\n")
    out.append("\n")
    return "".join(out)


def _json(value: object, out: list[str], indent: str) -> None:
    if isinstance(value, str):
        out.append(_json_string(value))
    elif isinstance(value, Mapping):
        if not value:
            out.append("{}")
            return
        inner, sep = indent + "  ", "{"
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"cannot write a {type(key).__name__} key as JSON")
            out.append(f"{sep}{inner}{_json_string(key)}: ")
            _json(item, out, inner)
            sep = ","
        out.append(indent + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner, sep = indent + "  ", "["
        for item in value:
            out.append(sep + inner)
            _json(item, out, inner)
            sep = ","
        out.append(indent + "]")
    elif value is None or isinstance(value, bool):
        out.append("null" if value is None else "true" if value else "false")
    elif isinstance(value, int | float):
        out.append(json.dumps(value))
    elif isinstance(value, Regex):
        _json({"regexp": value.source}, out, indent)
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


_json_string = json.encoder.encode_basestring
"""A string as JSON, non-ASCII kept (the C escaper when the interpreter has it)."""


# In the JSON text a `{` followed by `"regexp"` is always an object of ours: inside a string
# every `"` is escaped.
_REGEXP_OBJECT = re.compile(r'\{\s*"regexp": ("(?:[^"\\]|\\.)*")\s*\}')


def to_js(json_text: str) -> str:
    """The JSON text of a configuration as a JavaScript literal: each ``{"regexp": …}`` becomes
    a regular-expression literal (made from the JSON, which is serialised once)."""
    return _REGEXP_OBJECT.sub(lambda m: "/" + json.loads(m[1]) + "/", json_text.rstrip("\n"))


_HEADER = ("// {what}, generated by noticegen from the privacy notice.\n"
           "// Rebuild it with `noticegen build` instead of editing it (docs/embedding.md).\n")


def cookieconsent_js(json_text: str) -> str:
    """An ES module whose default export is the configuration for ``CookieConsent.run()``,
    from its JSON text (:func:`to_json`)."""
    return (_HEADER.format(what="vanilla-cookieconsent 3.x configuration")
            + '\n/** @type {import("vanilla-cookieconsent").CookieConsentConfig} */\n'
            + f"const config = {to_js(json_text)};\n\nexport default config;\n")


KLARO_LINK = """
// The notice's "Cookie settings" link (data-cc="show-preferencesModal") opens Klaro's settings.
document.addEventListener("click", function (event) {
  var target = event.target;
  var link = target && target.closest ? target.closest('[data-cc="show-preferencesModal"]') : null;
  if (link && window.klaro) {
    event.preventDefault();
    window.klaro.show(undefined, true);
  }
});
"""


def klaro_js(json_text: str) -> str:
    """A classic script that sets ``window.klaroConfig`` (load it before klaro.js), from the
    configuration's JSON text (:func:`to_json`)."""
    return (_HEADER.format(what="Klaro 0.7.x configuration")
            + f"\nwindow.klaroConfig = {to_js(json_text)};\n" + KLARO_LINK)


__all__ = ["OWN_SERVICE", "STRINGS", "Regex", "category_id", "cookie_pattern", "cookieconsent",
           "cookieconsent_js", "klaro", "klaro_js", "needed", "to_js", "to_json"]
