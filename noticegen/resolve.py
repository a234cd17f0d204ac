"""Resolve a Notice: catalogue services merged in, defaults filled, rights derived from the law as data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from noticegen import vocab
from noticegen.diagnostics import Loc
from noticegen.lenient import Hole, MissingInput
from noticegen.model import (
    Cookie,
    Notice,
    Purpose,
    Recipient,
    Register,
    SupervisoryAuthority,
    Transfer,
)

T = TypeVar("T")

# The rights every notice lists (Art. 13(2)(b), (d)); the rest follow from the legal bases.
ALWAYS = ("access", "rectification", "erasure", "restriction")
RIGHTS_ORDER = ("access", "rectification", "erasure", "restriction", "portability", "object",
                "withdraw_consent", "no_automated_decision")


@dataclass(frozen=True)
class Right:
    """A data-subject right that applies, and the purposes it applies to (empty: all)."""

    id: str
    purposes: tuple[str, ...] = ()


@dataclass(frozen=True)
class TransferEntry:
    """A transfer outside the EU/EEA by one recipient (its countries may be unknown: none)."""

    recipient: Recipient
    transfer: Transfer
    loc: Loc


@dataclass
class ResolvedNotice:
    """Everything the templates and lint rules need, computed once.

    ``notice`` has catalogue services merged in: user-declared recipients and cookies keep
    their indexes; those brought in by ``uses:`` follow, and ``origins`` maps their paths
    back to the ``uses:`` entry so diagnostics still point at the right line.
    """

    notice: Notice
    languages: tuple[str, ...]
    recipients: dict[str, Recipient]
    authority: SupervisoryAuthority
    authority_id: str | None
    rights: tuple[Right, ...]
    legal_bases: tuple[str, ...]
    transfers: tuple[TransferEntry, ...]
    cookie_groups: dict[str, tuple[Cookie, ...]]
    origins: dict[Loc, Loc] = field(default_factory=dict)
    unlinked: tuple[str, ...] = ()
    """Recipients that no purpose or register names (a lint error): which register's data they
    receive is unknown, so every register lists them rather than let their transfers vanish."""
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Facts the lint rules derive from this notice, kept for the next rule that asks
    (noticegen.lint.facts: its texts, walked once however many rules read them)."""

    def source_loc(self, loc: Loc) -> Loc:
        """The path in the user's YAML that a path in the resolved notice came from."""
        for size in range(len(loc), 0, -1):
            origin = self.origins.get(loc[:size])
            if origin is not None:
                return origin
        return loc

    def purposes(self) -> Iterable[tuple[int, Register, int, Purpose]]:
        """Every purpose with its register and both indexes."""
        for r, reg in enumerate(self.notice.registers):
            for p, purpose in enumerate(reg.purposes):
                yield r, reg, p, purpose

    def register_recipients(self, register: Register) -> list[Recipient]:
        """The recipients of one register, in the order first named (register, then purposes)."""
        seen: dict[str, Recipient] = {}
        for ref in [*register.recipients, *(x for p in register.purposes for x in p.recipients),
                    *self.unlinked]:
            if ref in self.recipients and ref not in seen:
                seen[ref] = self.recipients[ref]
        return list(seen.values())


    def transfer_purposes(self, entry: TransferEntry, register: Register | None = None) -> list[Purpose]:
        """The purposes whose data a transfer carries (Art. 13(1)(f), read with 12(1): say which
        data go, not "personal data"): those that name its recipient, or every purpose of a
        register that names it (or of every register, when nothing names it). ``register``
        limits them to one register's."""
        rid = entry.recipient.id
        found: dict[str, Purpose] = {}
        for reg in [register] if register is not None else self.notice.registers:
            whole = rid in reg.recipients or rid in self.unlinked
            for purpose in reg.purposes:
                if whole or rid in purpose.recipients:
                    found.setdefault(purpose.id, purpose)
        return list(found.values())


def _catalogue_recipient(service_id: str, local: dict[str, Any]) -> dict[str, Any]:
    from noticegen import catalog

    entry = catalog.service(service_id)
    facts = {
        "name": entry["entity"]["name"],
        "role": entry.get("role"),
        "country": entry.get("country"),
        "address": entry["entity"].get("address"),
        "description": entry.get("description"),
        "transfers": entry.get("transfers", []),
        "arrangement": entry.get("arrangement"),
        "arrangement_url": entry.get("arrangement_url"),
        "privacy_policy": entry.get("privacy_policy"),
        "dpa": entry.get("dpa"),
    }
    merged = {k: v for k, v in facts.items() if v is not None}
    merged.update({k: v for k, v in local.items() if v is not None and (k != "transfers" or v)})
    merged["service"] = service_id
    return merged


def _merged(rec: Recipient) -> Recipient | None:
    """A recipient declared with ``service:``, its catalogue facts filled in; None when a draft's
    recipient has a missing or invalid value (noticegen.lenient) that the merge would need."""
    from pydantic import ValidationError

    try:
        local = rec.model_dump(exclude_unset=True, warnings=False)
        local.pop("cookies", None)
        return Recipient.model_validate(_catalogue_recipient(str(rec.service), local))
    except (MissingInput, ValidationError, KeyError):  # KeyError: a draft's unknown service
        return None


def _catalogue_cookies(service_id: str, provider: str,
                       chosen: list[str] | None) -> list[dict[str, Any]]:
    """The service's cookies that the site sets: those ``chosen`` by name, else its default set.

    A cookie outside the default set (``default: false``, e.g. Mailchimp's campaign-tracking
    cookies, which a plain signup form does not set) is listed only when chosen: a notice must
    not list cookies the site does not set. Unknown names are reported by a lint rule.
    """
    from noticegen import catalog

    keep = ("name", "prefix", "party", "category", "purpose", "duration", "type")
    return [{**{k: c[k] for k in keep if k in c}, "provider": provider}
            for c in catalog.service(service_id).get("cookies", [])
            if (c["name"] in chosen if chosen is not None else c.get("default", True))]


def _expand(notice: Notice) -> tuple[Notice, dict[Loc, Loc]]:
    if not notice.uses and not any(r.service for r in notice.recipients):
        return notice, {}
    # Only what the catalogue brings in is validated here: the user's own recipients and cookies
    # were validated with the notice and are kept as they are (re-validating the whole notice
    # cost as much as validating it in the first place).
    origins: dict[Loc, Loc] = {}
    recipients: list[Recipient] = []
    uses = notice.used_services()
    chosen_in_uses = {u.service: u.cookies for _, u in uses if u.cookies is not None}
    with_cookies: list[tuple[str, str, list[str] | None, Loc]] = []
    for i, rec in enumerate(notice.recipients):
        merged = _merged(rec) if rec.service else None
        if merged is not None and rec.service:
            recipients.append(merged)
            chosen = rec.cookies if rec.cookies is not None else chosen_in_uses.get(rec.id)
            with_cookies.append((rec.service, rec.id, chosen, ("recipients", i, "service")))
        else:
            recipients.append(rec)
    declared = {r.id for r in notice.recipients}
    from noticegen import catalog

    known = catalog.ids()
    for u, use in uses:
        if use.service in declared or use.service not in known:  # unknown: a draft's NG025
            continue
        declared.add(use.service)
        origins[("recipients", len(recipients))] = ("uses", u)
        recipients.append(Recipient.model_validate(
            _catalogue_recipient(use.service, {"id": use.service})))
        with_cookies.append((use.service, use.service, use.cookies, ("uses", u)))
    cookies = list(notice.cookies)
    names = {(c.name, c.provider) for c in notice.cookies} | {(c.name, None) for c in notice.cookies}
    for service_id, provider, chosen, origin in with_cookies:
        for cookie in _catalogue_cookies(service_id, provider, chosen):
            if (cookie["name"], provider) in names or (cookie["name"], None) in names:
                continue  # the user's own description of this cookie wins
            origins[("cookies", len(cookies))] = origin
            cookies.append(Cookie.model_validate(cookie))
    return notice.model_copy(update={"recipients": recipients, "cookies": cookies}), origins


def _cookie_purposes(notice: Notice) -> list[Cookie]:
    """Each cookie with the purposes it serves: its own `purposes:`, else the purposes whose
    recipients name its provider (a purpose says what the cookie's data are used for and on
    which legal basis). A cookie that needs consent serves only those of its provider's
    purposes that rest on consent, when there are such: a shop platform that receives the
    orders on contract and the statistics on consent reads its statistics cookies for the
    statistics (section 205 of Act 917/2014 lets them be used on that consent only)."""
    by_recipient: dict[str, list[str]] = {}
    on_consent: dict[str, list[str]] = {}
    for reg in notice.registers:
        for purpose in reg.purposes:
            for ref in purpose.recipients:
                by_recipient.setdefault(ref, []).append(purpose.id)
                if "consent" in purpose.legal_basis:
                    on_consent.setdefault(ref, []).append(purpose.id)
    out = []
    for cookie in notice.cookies:
        if not cookie.purposes and cookie.provider in by_recipient:
            served = by_recipient[cookie.provider]
            if vocab.consent_required(cookie.category):
                served = on_consent.get(cookie.provider) or served
            cookie = cookie.model_copy(update={"purposes": served})
        out.append(cookie)
    return out


def _default_authority() -> tuple[SupervisoryAuthority, str]:
    term = vocab.vocabulary("supervisory_authorities")["fi_ombudsman"]
    a = term.attrs
    return SupervisoryAuthority(
        name=dict(term.label),
        visiting_address=dict(a["visiting_address"]),
        postal_address=dict(a["postal_address"]),
        phone=dict(a["phone"]),
        email=a["email"],
        website=dict(a["website"]),
    ), "fi_ombudsman"


def _portable(register: Register, purpose: Purpose, attrs: list[Any], explicit: bool) -> bool:
    """Art. 20(1): only data the data subject provided (given, or observed as they use the
    service), processed on consent or a contract (Art. 6(1)(a), (b), 9(2)(a)), by automated
    means."""
    if not (any(a.get("portability") for a in attrs) or explicit) or not purpose.automated_means:
        return False
    given = purpose.sources or register.sources
    if not given:  # no source named: collected from the data subject (Art. 13), as by default
        return True
    sources = vocab.vocabulary("sources")
    return any(isinstance(s, str) and sources[s].attrs.get("from_data_subject") for s in given)


def derive_rights(notice: Notice) -> tuple[Right, ...]:
    """The rights that apply, from the legal bases in use (the law as data in vocab/)."""
    bases = vocab.vocabulary("legal_bases")
    conditions = vocab.vocabulary("special_conditions")
    applies: dict[str, list[str]] = {}
    for reg in notice.registers:
        explicit = any(conditions[s.condition].attrs.get("withdrawal")
                       for s in reg.special_categories)
        for purpose in reg.purposes:
            attrs = [bases[b].attrs for b in purpose.legal_basis]
            flags = {
                "portability": _portable(reg, purpose, attrs, explicit),
                "object": any(a.get("objection") for a in attrs) or purpose.direct_marketing,
                "withdraw_consent": any(a.get("withdrawal") for a in attrs) or explicit,
            }
            for right, on in flags.items():
                if on:
                    applies.setdefault(right, []).append(purpose.id)
        if any(d.solely_automated for d in reg.automated_decisions):
            applies.setdefault("no_automated_decision", [])
    rights = [Right(r) for r in ALWAYS]
    rights += [Right(r, tuple(applies[r])) for r in RIGHTS_ORDER if r in applies]
    return tuple(rights)


def outside_eea(country: str) -> bool:
    """Whether a country is a third country (Åland, Réunion and the like are inside)."""
    attrs = vocab.vocabulary("countries")[country].attrs
    return not (attrs.get("eea") or attrs.get("part_of"))


def _transfers(notice: Notice) -> tuple[TransferEntry, ...]:
    return tuple(
        TransferEntry(rec, t, ("recipients", i, "transfers", k))
        for i, rec in enumerate(notice.recipients)
        for k, t in enumerate(rec.transfers)
        if not t.countries or any(outside_eea(c) for c in t.countries)  # none: not known yet
    )


def _legal_bases(notice: Notice) -> tuple[str, ...]:
    used: list[str] = []
    for reg in notice.registers:
        for purpose in reg.purposes:
            used.extend(b for b in purpose.legal_basis if b not in used)
    order = list(vocab.vocabulary("legal_bases"))
    return tuple(sorted(used, key=order.index))


def _cookie_groups(notice: Notice) -> dict[str, tuple[Cookie, ...]]:
    groups: dict[str, list[Cookie]] = {}
    for cookie in notice.cookies:
        groups.setdefault(cookie.category, []).append(cookie)
    category_order = list(vocab.vocabulary("cookie_categories"))
    return {c: tuple(groups[c]) for c in category_order if c in groups}


def _authority(notice: Notice) -> tuple[SupervisoryAuthority, str | None]:
    if notice.supervisory_authority is not None:
        return notice.supervisory_authority, None
    return _default_authority()


def _part(make: Callable[[Notice], T], notice: Notice) -> T:
    """``make(notice)``; for a draft (noticegen.lenient), a hole where it needs a missing or
    invalid value, so that only the rules that ask for this part are skipped."""
    try:
        return make(notice)
    except MissingInput as exc:
        return cast(T, Hole(exc.loc))


def resolve(notice: Notice) -> ResolvedNotice:
    """Notice → ResolvedNotice. Pure: no I/O beyond the shipped vocabulary and catalogue."""
    try:
        notice, origins = _expand(notice)
    except MissingInput:  # a draft whose services cannot be looked up: none are brought in
        origins = {}
    try:
        if notice.cookies:
            notice = notice.model_copy(update={"cookies": _cookie_purposes(notice)})
    except MissingInput:
        pass
    try:
        authority, authority_id = _authority(notice)
    except MissingInput as exc:
        authority, authority_id = cast(SupervisoryAuthority, Hole(exc.loc)), None
    try:
        linked = {ref for reg in notice.registers
                  for ref in [*reg.recipients, *(x for p in reg.purposes for x in p.recipients)]}
        unlinked = tuple(r.id for r in notice.recipients if r.id not in linked)
    except MissingInput:
        unlinked = ()
    return ResolvedNotice(
        notice=notice,
        languages=_part(lambda n: tuple(n.notice.languages), notice),
        recipients=_part(lambda n: {r.id: r for r in n.recipients}, notice),
        authority=authority,
        authority_id=authority_id,
        rights=_part(derive_rights, notice),
        legal_bases=_part(_legal_bases, notice),
        transfers=_part(_transfers, notice),
        cookie_groups=_part(_cookie_groups, notice),
        origins=origins,
        unlinked=unlinked,
    )
