"""The notice as a whole: metadata, cookies, rights, supervisory authority and lint settings."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag

from noticegen.model.controller import Controller
from noticegen.model.recipients import Disable, ElementLint, Recipient
from noticegen.model.registers import Register
from noticegen.model.types import (
    Base,
    CookieDuration,
    Date,
    Email,
    Id,
    Lang,
    Localized,
    Name,
    Text,
    Url,
    UrlPerLanguage,
    VocabRef,
)


class Change(Base):
    """One entry of the notice's version history."""

    date: Date
    """When the change took effect, e.g. `2026-12-01`."""
    version: Text | None = None
    """The version this change produced, e.g. `"2.0"` (quoted)."""
    summary: Localized
    """What changed, in every language."""


class NoticeMeta(Base):
    """About the notice document itself."""

    languages: list[Lang] = Field(min_length=1)
    """The notice's languages, first one the main language, e.g. `[fi, en]`."""
    version: Text
    """The notice's version, quoted: `"2.0"`."""
    effective: Date
    """The date this version takes effect, e.g. `2026-12-01`."""
    title: Localized | None = None
    """The heading; defaults to `Tietosuojaseloste` / `Privacy notice`."""
    introduction: Localized | None = None
    """A short introduction shown under the heading (Markdown)."""
    url: UrlPerLanguage | None = None
    """Where each language version is published: `{fi: https://…/fi/tietosuoja, en:
    https://…/en/privacy}`. One address alone is right only for a notice in one language."""
    changes: list[Change] = []
    """Version history, newest first."""


class Cookie(Base):
    """A cookie or similar technology on the web site (Act 917/2014 205 §)."""

    name: Text | None = None
    """The cookie's or storage key's name, e.g. `_ga`. Leave it out when an old notice does not
    name it: `check` then reports that the name must be found out."""
    prefix: bool = False
    """Whether `name` is a prefix (the real names carry an id after it, e.g. `_ga_`)."""
    provider: Id | None = None
    """Id of the recipient that sets or reads it; leave out for the controller's own."""
    party: VocabRef("parties") | None = None  # type: ignore[valid-type]
    """`first` (set on our domain) or `third` (set on another domain)."""
    category: VocabRef("cookie_categories")  # type: ignore[valid-type]
    """`necessary`, `preferences`, `statistics` or `marketing`."""
    purpose: Localized | None = None
    """What it is used for."""
    duration: CookieDuration | None = None
    """How long it is kept: ISO 8601 duration (`P1Y`, `P30D`) or `session`."""
    type: VocabRef("storage_types") = "cookie"  # type: ignore[valid-type]
    """`cookie`, `local_storage`, `session_storage` or `pixel`."""
    purposes: list[Id] = []
    """Ids of the purposes the cookie serves; by default the purposes whose `recipients:` name
    its provider (for a cookie that needs consent, those of them that rest on consent, when
    there are such). Every cookie that is not our own strictly necessary one must serve a
    purpose with a legal basis, and one that needs consent only purposes on consent."""
    lint: ElementLint | None = None
    """Lint rules switched off for this cookie only."""


class ServiceUse(Base):
    """A catalogue service in `uses:` with the cookies your site actually sets."""

    service: Id
    """The service's id in the catalogue, e.g. `mailchimp`."""
    cookies: list[Text] | None = None
    """The names of the service's catalogue cookies that your site sets (`[]`: none). Leave out
    for the service's default set (`noticegen catalog show <id>` marks which are default)."""


def _use_tag(value: Any) -> str:
    return "service" if isinstance(value, dict | ServiceUse) else "id"


Use = Annotated[
    Annotated[Id, Tag("id")] | Annotated[ServiceUse, Tag("service")],
    Discriminator(_use_tag),
]
"""A catalogue service: its id (with its default cookies), or `{service: …, cookies: […]}`."""


class CookieConsent(Base):
    """How consent to cookies is asked and how it can be changed."""

    method: VocabRef("consent_methods") = "banner"  # type: ignore[valid-type]
    """`banner` (a consent banner with a refuse option on the first layer), `none` or
    `browser_settings` (not valid consent since Traficom's 2021 guidance)."""
    change: Localized | None = None
    """How to change or withdraw consent, e.g. the `Cookie settings` link in the footer."""
    settings_url: Url | None = None
    """A link to the page or dialog where cookie choices can be changed."""
    cookie: Text | None = None
    """The name of the cookie the consent banner keeps the choices in, one of `cookies`; the
    banner configurations that `build` writes use this name and its duration."""


class Rights(Base):
    """How data subjects exercise their rights (Art. 12, 15-22)."""

    how: Localized | None = None
    """How to make a request, if not just by e-mail to the controller (Markdown)."""
    email: Email | None = None
    """Where to send requests; defaults to the controller's e-mail."""
    url: Url | None = None
    """A web form for requests."""
    response_time: Localized | None = None
    """How soon requests are answered; the default says within one month (Art. 12(3))."""


class SupervisoryAuthority(Base):
    """The supervisory authority; defaults to the Finnish Data Protection Ombudsman."""

    name: Name
    """Official name in every language."""
    visiting_address: Localized | None = None
    """Visiting address."""
    postal_address: Localized | None = None
    """Postal address."""
    phone: Localized | None = None
    """Phone number."""
    email: Email | None = None
    """E-mail address."""
    website: Localized | None = None
    """Web site (per language when it differs)."""


class NoticeLint(Base):
    """Lint settings for this notice."""

    disable: list[Disable] = []
    """Rules that do not apply to this notice, each with a reason."""


class Notice(Base):
    """A privacy notice (tietosuojaseloste): everything GDPR Art. 13 and 14 ask a controller to tell."""

    notice: NoticeMeta
    """About the notice: languages, version, effective date, history."""
    controller: Controller
    """Who is responsible for the processing."""
    registers: list[Register] = Field(min_length=1)
    """The registers (processing activities)."""
    uses: list[Use] = []
    """Known services from the catalogue, e.g. `[hotjar, google-analytics-4]`: each brings in
    the recipient and its default cookies; `{service: mailchimp, cookies: [mc_cid]}` chooses
    the cookies. Each must be named in the `recipients:` of the purposes it receives data for."""

    def used_services(self) -> list[tuple[int, ServiceUse]]:
        """Every `uses:` entry as a ServiceUse, with its index."""
        # str(): in a draft (noticegen.lenient) a missing entry is a hole, which stops the check here.
        return [(i, u if isinstance(u, ServiceUse) else ServiceUse(service=str(u)))
                for i, u in enumerate(self.uses)]
    recipients: list[Recipient] = []
    """Processors and other recipients."""
    cookies: list[Cookie] = []
    """Cookies and similar technologies on the web site."""
    cookie_consent: CookieConsent | None = None
    """How consent to cookies is asked."""
    rights: Rights | None = None
    """How data subjects exercise their rights."""
    supervisory_authority: SupervisoryAuthority | None = None
    """Override the supervisory authority (default: the Finnish Data Protection Ombudsman)."""
    security: Localized | None = None
    """How personal data are protected, for the whole notice (Markdown)."""
    lint: NoticeLint | None = None
    """Lint rules switched off for the whole notice, with reasons."""


__all__ = ["Change", "Cookie", "CookieConsent", "ElementLint", "Notice", "NoticeMeta", "Rights",
           "ServiceUse", "SupervisoryAuthority"]
