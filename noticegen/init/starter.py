"""Build the starter notice from the interview's answers: a commented YAML text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from noticegen import catalog, l10n, vocab
from noticegen.init import parts
from noticegen.init.parts import TODO, Tx
from noticegen.init.yamlout import Noted, dump
from noticegen.l10n import N_, tr

SCHEMA_URL = "https://noticegen.github.io/schemas/notice.schema.json"
"""The schema's `$id`; editors with the YAML language server fetch it for completion."""



def notice_languages() -> tuple[str, ...]:
    """The languages a starter can be written in: the notice languages (templates/<lang>/)
    that have a message catalogue, where init's texts are (today en, fi and sv)."""
    return tuple(lang for lang in l10n.notice_languages() if lang in l10n.message_languages())


def default_languages(lang: str) -> tuple[str, ...]:
    """The notice languages init proposes to a user who speaks ``lang``: that language first,
    and Finnish or English with it, as the language's catalogue says."""
    # TRANSLATORS: the notice languages `noticegen init` proposes to a user of this language,
    # this language first (codes from fi, sv, en; Swedish: "sv, fi").
    codes = [c.strip() for c in tr(lang, "en, fi").split(",")]
    known = notice_languages()
    return tuple(dict.fromkeys(c for c in codes if c in known)) or known


@dataclass(frozen=True)
class Answers:
    """What the owner told the interview. Empty text means "not known yet"."""

    lang: str = "fi"
    """The interview's language: comments and placeholders are written in it."""
    company: str = ""
    business_id: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    email: str = ""
    languages: tuple[str, ...] = ("fi", "en")
    choices: frozenset[str] = frozenset()
    """The yes answers, from parts.CHOICES."""
    services: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Catalogue services chosen per choice."""
    today: dt.date = field(default_factory=dt.date.today)


def offered_services(choice: str, kinds: Mapping[str, str]) -> list[str]:
    """The catalogue services offered for one choice: the common ones first (whatever their
    kind), then the others of the matching kinds by id. ``kinds`` maps each catalogue service
    to its kind."""
    offered: list[str] = []
    for part in parts.PURPOSES:
        if part.when == choice:
            _merge(offered, [s for s in part.services if s in kinds])
            _merge(offered, sorted(sid for sid, kind in kinds.items() if kind in part.kinds))
    return offered


def catalogue_kinds(*, confirmed: bool = True) -> dict[str, str]:
    """The kind (analytics, marketing, email_crm…) of each catalogue service whose facts are
    confirmed, or (``confirmed=False``) of each one that has a transfer with no confirmed
    mechanism: a notice that uses such a service fails `check` until the owner adds it."""
    return {entry["id"]: str(entry.get("kind", "")) for entry in catalog.services()
            if confirmed == all(t.get("mechanism") for t in entry.get("transfers", []))}


def _text(value: Tx, langs: tuple[str, ...]) -> dict[str, str]:
    return {lang: value(lang) for lang in langs}


def _localize(node: Any, langs: tuple[str, ...]) -> Any:
    if isinstance(node, Tx):
        return _text(node, langs)
    if isinstance(node, Mapping):
        return {k: _localize(v, langs) for k, v in node.items()}
    if isinstance(node, list):
        return [_localize(v, langs) for v in node]
    return node


def _merge(into: list[str], items: Iterable[str]) -> None:
    into.extend(i for i in items if i not in into)


def _service_cookies(service_ids: Iterable[str]) -> set[str]:
    """The cookie categories the services' default cookies cover (what `uses: [id]` lists)."""
    found: set[str] = set()
    for sid in service_ids:
        found.update(c.get("category", "") for c in catalog.service(sid).get("cookies", [])
                     if c.get("default", True))
    return found


def _consent_purposes(active: list[parts.PurposePart],
                      chosen: dict[str, tuple[str, ...]]) -> list[parts.PurposePart]:
    """The purposes, with the purpose on consent for the cookies that need consent of a service
    chosen for a purpose on another basis (a shop platform's statistics cookies): the service
    becomes its recipient, and the purpose appears if it was not asked for (NG409)."""
    categories = vocab.vocabulary("cookie_categories")
    for part in list(active):
        if "consent" in part.fields.get("legal_basis", ()):
            continue
        for sid in chosen.get(part.when, ()):
            for cookie in catalog.service(sid).get("cookies", []):
                category = str(cookie.get("category", ""))
                term = categories.get(category)
                if not cookie.get("default", True) or term is None \
                        or not term.attrs.get("consent_required"):
                    continue
                target = next((p for p in parts.PURPOSES if p.cookie_category == category), None)
                if target is None:
                    continue  # no purpose to offer: check reports the cookie (NG409)
                if target not in active:
                    active.append(target)
                if sid not in chosen.get(target.when, ()):
                    chosen[target.when] = (*chosen.get(target.when, ()), sid)
    return [p for p in parts.PURPOSES if p in active]


def build_tree(a: Answers) -> dict[str, Any]:
    """The starter as a tree of plain data and Noted comments (see yamlout.dump)."""
    langs, c = a.languages, a.lang
    active = [p for p in parts.PURPOSES if p.when == "always" or p.when in a.choices]
    chosen = {p.when: tuple(a.services.get(p.when, ())) for p in active}
    active = _consent_purposes(active, chosen)
    uses: list[str] = []
    for services in chosen.values():
        _merge(uses, services)

    registers: dict[str, dict[str, Any]] = {}
    subjects: dict[str, list[str]] = {}
    categories: dict[str, list[str]] = {}
    for part in active:
        reg = parts.REGISTERS[part.register]
        if reg.id not in registers:
            subjects[reg.id], categories[reg.id] = [], []
            registers[reg.id] = {
                "id": reg.id, "name": _text(reg.name, langs),
                "data_subjects": subjects[reg.id], "data_categories": categories[reg.id],
                "sources": list(reg.sources), "purposes": [],
            }
            if reg.recipients:
                registers[reg.id]["recipients"] = list(reg.recipients)
        _merge(subjects[reg.id], part.data_subjects)
        _merge(categories[reg.id], part.data_categories)
    for part in active:
        purpose = _localize(dict(part.fields), langs)
        if list(part.data_categories) != categories[part.register]:
            purpose["data_categories"] = list(part.data_categories)
        purpose.update(_localize(part.extra, langs))
        # "common practice" marks the usual periods the owner must confirm, not a statutory one
        # whose criteria say what the law requires (bookkeeping).
        if part.extra.get("retention", {}).get("criteria") is parts.CHECK_RETENTION:
            purpose["retention"] = Noted(purpose["retention"], after=_says(c, "retention"))
        if chosen.get(part.when):
            purpose["recipients"] = list(chosen[part.when])
        comment = (part.comment(c),) if part.comment else ()
        registers[part.register]["purposes"].append(Noted(purpose, above=comment))

    cookies = []
    have = _service_cookies(uses) if uses else set()
    for part in active:
        if part.cookie_category and part.cookie_category not in have:
            have.add(part.cookie_category)
            cookies.append(Noted({
                "name": parts.PLACEHOLDER_COOKIE["name"](c),
                "category": part.cookie_category,
                "purposes": [part.fields["id"]],
                **_localize({k: v for k, v in parts.PLACEHOLDER_COOKIE.items() if k != "name"},
                            langs),
            }, above=(_says(c, "placeholder_cookie"),)))
    website = bool(cookies) or bool(have - {"necessary", ""})

    tree: dict[str, Any] = {
        "notice": Noted({
            "languages": list(langs),
            "version": "1.0",
            "effective": Noted(a.today, after=_says(c, "effective")),
            "changes": [{"date": a.today, "version": "1.0",
                         "summary": _text(parts.FIRST_VERSION, langs)}],
        }, above=_lines(c, "notice")),
        "controller": Noted(_controller(a), above=_lines(c, "controller")),
    }
    if uses:
        tree["uses"] = Noted(uses, above=_lines(c, "uses"))
    tree["recipients"] = Noted([_localize(parts.AUTHORITIES, langs)],
                               above=_lines(c, "recipients"))
    tree["registers"] = Noted(
        [Noted(r, above=(parts.REGISTERS[r["id"]].comment(c),)) for r in registers.values()],
        above=_lines(c, "registers"))
    if website:
        if cookies:
            tree["cookies"] = Noted(cookies, above=_lines(c, "cookies"))
        tree["cookie_consent"] = Noted({
            "method": "banner",
            "change": _text(parts.COOKIE_CHANGE, langs),
        }, above=_lines(c, "cookie_consent"))
    return tree


def _controller(a: Answers) -> dict[str, Any]:
    def given(key: str, value: str) -> str:
        return value.strip() or parts.PLACEHOLDERS[key](a.lang)

    name = given("name", a.company)
    controller: dict[str, Any] = {
        "name": name if a.business_id else Noted(name, after=_says(a.lang, "no_business_id")),
    }
    if a.business_id:
        controller["business_id"] = a.business_id
    controller["address"] = {
        "street": given("street", a.street),
        "postal_code": given("postal_code", a.postal_code),
        "city": given("city", a.city),
        "country": "FI",
    }
    email = a.email.strip()
    controller["email"] = (Noted(email, after=_says(a.lang, "email")) if email else
                           Noted(parts.PLACEHOLDER_EMAIL, after=_says(a.lang, "email_missing")))
    return controller


def starter_text(a: Answers, *, file_name: str = "tietosuojaseloste.yaml") -> str:
    """The complete starter file for these answers."""
    header = [f"yaml-language-server: $schema={SCHEMA_URL}", "",
              *(line.format(file=file_name, today=a.today.isoformat())
                for line in _lines(a.lang, "header"))]
    return dump(build_tree(a), header)


def count_todos(text: str) -> int:
    """How many spots the owner must still fill in or confirm."""
    return sum(line.count(TODO) for line in text.splitlines() if not line.lstrip().startswith("#"))


def _says(lang: str, key: str) -> str:
    return COMMENTS[key](lang)


def _lines(lang: str, key: str) -> tuple[str, ...]:
    return tuple(COMMENTS[key](lang).split("\n"))


# Comments written into the file, in the interview's language. Plain words: the reader is a
# small-business owner, not a lawyer or a programmer.
COMMENTS: dict[str, Tx] = {
    "header": Tx(N_(
        "Privacy notice. This starter was written by `noticegen init` on {today}.\n"
        "\n"
        "It describes how a typical small business processes personal data. Read every part and\n"
        "correct it to match what your business really does. Spots marked TODO: wait for your\n"
        "decision: `noticegen check` reminds you of them until they are dealt with.\n"
        "\n"
        "Check the file:     noticegen check {file}\n"
        "Build the notice:   noticegen build {file}\n"
        "\n"
        "Indentation matters: use spaces, not tabs. Write every text in each of the notice's\n"
        "languages (fi: Finnish, sv: Swedish, en: English).")),
    "notice": Tx(N_(
        "The notice's languages (the first is the main one), version and effective date. When\n"
        "you change the notice, raise the version, update the date and record the change at the\n"
        "top of the changes list. `noticegen diff old.yaml new.yaml` tells you what changed.")),
    "effective": Tx(N_("the day this version takes effect")),
    "retention": Tx(N_("common practice: confirm or change")),
    "controller": Tx(N_("The controller: the company that decides why and how personal data are "
                        "processed.")),
    "email": Tx(N_("people send their privacy requests to this address")),
    "email_missing": Tx(N_("replace with your company's own e-mail address")),
    "no_business_id": Tx(N_("add your Y-tunnus if you have one: business_id: \"1234567-1\"")),
    "uses": Tx(N_(
        "Services noticegen knows (`noticegen catalog list`). Each service's name, address,\n"
        "data transfers and default cookies come from the catalogue. If your site sets other\n"
        "cookies of the service, choose them: {service: mailchimp, cookies: [mc_cid]}\n"
        "(`noticegen catalog show mailchimp` lists them). Each service is named under\n"
        "recipients in the purposes it receives data for.")),
    "recipients": Tx(N_(
        "Recipients: who you disclose data to and who processes data on your behalf, such as\n"
        "your accounting firm, delivery company or IT service provider. Give each one an id and\n"
        "list it under recipients in the purposes it receives data for.")),
    "registers": Tx(N_(
        "Registers: what data you collect, from whom and why. Every purpose has a legal basis\n"
        "and a retention period, written as P2Y (2 years), P6M (6 months) or P30D (30 days).\n"
        "Editors that support JSON Schema show the allowed values, and so does\n"
        "`noticegen schema`.")),
    "cookies": Tx(N_(
        "Cookies and similar technologies. Cookies of catalogue services need not be listed\n"
        "here. Also add your consent tool's own cookie.")),
    "placeholder_cookie": Tx(N_("Fill in the cookie's details, or add its service to uses, and delete "
                                "this one.")),
    "cookie_consent": Tx(N_(
        "How consent to cookies is asked and how choices can be changed. Make sure your site\n"
        "has the Cookie settings link the text mentions.")),
}
