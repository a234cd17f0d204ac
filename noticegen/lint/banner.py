"""`check --consent-config FILE`: a hand-kept consent-banner configuration against the notice.

A configuration that `build` writes matches the notice by construction; one that a site keeps
by hand (or edits) can drift. Both managers' JSON forms are read (vanilla-cookieconsent 3.x:
`categories`; Klaro 0.7.x: `services` with `purposes`), as JSON or YAML, with the positions of
every key and value, so each finding points at its line in the configuration. The rules (NG8xx)
are in noticegen/lint/rules/banner.py; they run only when a configuration is given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from noticegen import vocab
from noticegen.diagnostics import Diagnostic, Loc
from noticegen.lint import diagnostic
from noticegen.lint.registry import all_rules

if TYPE_CHECKING:
    from noticegen.model import Cookie
    from noticegen.resolve import ResolvedNotice
    from noticegen.source import SourceMap


@dataclass(frozen=True)
class BannerCookie:
    """A cookie the banner deletes: an exact name or a regular expression."""

    name: str
    regexp: bool
    loc: Loc

    def matches(self, cookie: Cookie) -> bool:
        """Whether this entry stands for the notice's cookie (a prefix: for its every name)."""
        if cookie.name is None:
            return False
        if not self.regexp:
            return not cookie.prefix and self.name == cookie.name
        try:
            pattern = re.compile(self.name)
        except re.error:
            return False
        sample = cookie.name + ("0a1b2c" if cookie.prefix else "")
        return pattern.fullmatch(sample) is not None or (
            pattern.match(sample) is not None and self.name.startswith("^")
            and not self.name.endswith("$"))


@dataclass(frozen=True)
class BannerCategory:
    """A category of the banner (vanilla-cookieconsent) or a purpose (Klaro)."""

    id: str
    """As the banner names it."""
    category: str | None
    """The noticegen cookie category it stands for (None: none)."""
    loc: Loc
    cookies: tuple[BannerCookie, ...]


@dataclass(frozen=True)
class Banner:
    """What a consent-banner configuration asks about."""

    manager: str
    categories: tuple[BannerCategory, ...]
    root: Loc
    """Where categories are listed: `categories` or `services`."""


class NotABanner(ValueError):
    """The file is neither manager's configuration."""


def _category(banner_id: str) -> str | None:
    """The noticegen category of a banner's category id: its own id, or the id it maps to."""
    categories = vocab.vocabulary("cookie_categories")
    if banner_id in categories:
        return banner_id
    return next((c for c, term in categories.items() if term.attrs.get("cookieconsent") == banner_id),
                None)


def _pattern(value: Any, loc: Loc) -> BannerCookie | None:
    if isinstance(value, str):
        return BannerCookie(value, False, loc)
    if isinstance(value, Mapping) and isinstance(value.get("regexp"), str):
        return BannerCookie(str(value["regexp"]), True, (*loc, "regexp"))
    return None


def read(data: Any) -> Banner:
    """The banner that configuration data describe; NotABanner if they describe neither."""
    if isinstance(data, Mapping) and isinstance(data.get("categories"), Mapping):
        return _cookieconsent(data)
    if isinstance(data, Mapping) and isinstance(data.get("services"), list):
        return _klaro(data)
    raise NotABanner("no `categories` (vanilla-cookieconsent) or `services` (Klaro)")  # (not shown)


def _cookieconsent(data: Mapping[str, Any]) -> Banner:
    out: list[BannerCategory] = []
    for cid, entry in data["categories"].items():
        cookies: list[BannerCookie] = []
        entry = entry if isinstance(entry, Mapping) else {}
        services = entry.get("services")
        for sid, service in (services.items() if isinstance(services, Mapping) else ()):
            items = service.get("cookies") if isinstance(service, Mapping) else None
            for i, item in enumerate(items if isinstance(items, list) else []):
                loc: Loc = ("categories", cid, "services", sid, "cookies", i, "name")
                found = _pattern(item.get("name") if isinstance(item, Mapping) else None, loc)
                if found is not None:
                    cookies.append(found)
        clear = entry.get("autoClear")
        items = clear.get("cookies") if isinstance(clear, Mapping) else None
        for i, item in enumerate(items if isinstance(items, list) else []):
            loc = ("categories", cid, "autoClear", "cookies", i, "name")
            found = _pattern(item.get("name") if isinstance(item, Mapping) else None, loc)
            if found is not None:
                cookies.append(found)
        out.append(BannerCategory(str(cid), _category(str(cid)), ("categories", cid),
                                  tuple(cookies)))
    return Banner("cookieconsent", tuple(out), ("categories",))


def _klaro(data: Mapping[str, Any]) -> Banner:
    found: dict[str, tuple[Loc, list[BannerCookie]]] = {}
    for s, service in enumerate(data["services"]):
        if not isinstance(service, Mapping):
            continue
        purposes = service.get("purposes")
        purposes = purposes if isinstance(purposes, list) else []
        cookies: list[BannerCookie] = []
        items = service.get("cookies")
        for i, item in enumerate(items if isinstance(items, list) else []):
            loc: Loc = ("services", s, "cookies", i)
            if isinstance(item, list) and item:  # [pattern, path, domain]
                item, loc = item[0], (*loc, 0)
            pattern = _pattern(item, loc)
            if pattern is not None:
                cookies.append(pattern)
        for p, purpose in enumerate(purposes):
            entry = found.setdefault(str(purpose), (("services", s, "purposes", p), []))
            # A service with several purposes: its cookies count for its first one only.
            if p == 0:
                entry[1].extend(cookies)
    return Banner("klaro", tuple(BannerCategory(pid, _category(pid), loc, tuple(cookies))
                                 for pid, (loc, cookies) in found.items()), ("services",))


def diagnostics(resolved: ResolvedNotice, banner: Banner, smap: SourceMap, *, lang: str,
                disable: set[str]) -> list[Diagnostic]:
    """Every banner rule's findings, at their positions in the configuration file."""
    out: set[Diagnostic] = set()
    for rule in all_rules():
        if rule.compare is None or rule.code in disable or rule.name in disable:
            continue
        for loc, params in rule.compare(resolved, banner):
            out.add(smap.place(diagnostic(rule, params, loc, lang)))
    return sorted(out)


__all__ = ["Banner", "BannerCategory", "BannerCookie", "NotABanner", "diagnostics", "read"]
