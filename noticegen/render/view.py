"""Read-only questions the templates ask of a ResolvedNotice (no law is re-derived here)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from noticegen import vocab
from noticegen.model import CustomTerm

if TYPE_CHECKING:
    from noticegen.model import Cookie, Purpose, Recipient, Register, Transfer
    from noticegen.resolve import ResolvedNotice, Right, TransferEntry


@dataclass(frozen=True)
class View:
    """The resolved notice as the templates see it."""

    resolved: ResolvedNotice

    # --- registers -------------------------------------------------------------------
    def recipients(self, register: Register) -> list[Recipient]:
        """The register's recipients (its own and its purposes'), first named first."""
        return self.resolved.register_recipients(register)

    def transfers(self, register: Register) -> list[TransferEntry]:
        """Transfers outside the EU/EEA by this register's recipients."""
        ids = {r.id for r in self.recipients(register)}
        return [t for t in self.resolved.transfers if t.recipient.id in ids]

    def transfer_purposes(self, entry: TransferEntry, register: Register | None = None) -> list[Purpose]:
        """The purposes whose data a transfer carries (see ResolvedNotice.transfer_purposes)."""
        return self.resolved.transfer_purposes(entry, register)

    def transfer_groups(
        self, register: Register | None = None,
    ) -> list[tuple[list[Purpose], list[TransferEntry], bool]]:
        """The transfers outside the EU/EEA grouped by the purposes whose data they carry (the
        summary and the short notice say which data are transferred, Art. 13(1)(f) read with
        12(1)): (purposes, transfers, whether those are all the purposes). The group of every
        purpose comes first, then the others in the order of their first purpose."""
        entries = self.transfers(register) if register is not None else list(self.resolved.transfers)
        every = self._purpose_ids(register)
        groups: dict[tuple[str, ...], tuple[list[Purpose], list[TransferEntry]]] = {}
        for entry in entries:
            purposes = self.resolved.transfer_purposes(entry, register)
            groups.setdefault(tuple(p.id for p in purposes), (purposes, []))[1].append(entry)
        found = [(purposes, found, set(key) == set(every) and bool(key))
                 for key, (purposes, found) in groups.items()]
        position = {pid: i for i, pid in enumerate(every)}
        return sorted(found, key=lambda g: (not g[2], min((position[p.id] for p in g[0]),
                                                          default=len(position))))

    def transfers_only_some(self, register: Register | None = None) -> bool:
        """Whether the data of some purposes are transferred outside the EU/EEA but not of all
        (the notice then says "only the data of the following purposes")."""
        entries = self.transfers(register) if register is not None else list(self.resolved.transfers)
        moved = {p.id for e in entries for p in self.resolved.transfer_purposes(e, register)}
        return bool(moved) and moved != set(self._purpose_ids(register))

    def all_purposes(self, purposes: list[Purpose], register: Register | None = None) -> bool:
        """Whether ``purposes`` are every purpose of ``register`` (of the notice: None)."""
        ids = {p.id for p in purposes}
        return bool(ids) and ids == set(self._purpose_ids(register))

    def _purpose_ids(self, register: Register | None) -> list[str]:
        regs = [register] if register is not None else self.resolved.notice.registers
        return list(dict.fromkeys(p.id for reg in regs for p in reg.purposes))

    def categories(self, register: Register) -> list[str | CustomTerm]:
        """The register's data categories, without those listed as special categories."""
        special = {s.category for s in register.special_categories if isinstance(s.category, str)}
        return [c for c in register.data_categories if not (isinstance(c, str) and c in special)]

    def any_processor(self, recipients: list[Recipient]) -> bool:
        return any(r.role in ("processor", "sub_processor") for r in recipients)

    def with_retention(self, register: Register) -> list[Purpose]:
        return [p for p in register.purposes if p.retention is not None]

    def with_requirement(self, register: Register) -> list[Purpose]:
        return [p for p in register.purposes if p.requirement is not None]

    def has_retention(self, register: Register) -> bool:
        return bool(self.with_retention(register) or register.retention)

    # --- the summary at the top (every register together) --------------------------
    def all_categories(self) -> list[str | CustomTerm]:
        """Every register's data categories, special ones included, each once, in order."""
        found: dict[object, str | CustomTerm] = {}
        for reg in self.resolved.notice.registers:
            for c in [*reg.data_categories, *(s.category for s in reg.special_categories)]:
                found.setdefault(c if isinstance(c, str) else id(c), c)
        return list(found.values())

    def all_recipients(self) -> list[Recipient]:
        found: dict[str, Recipient] = {}
        for reg in self.resolved.notice.registers:
            for rec in self.recipients(reg):
                found.setdefault(rec.id, rec)
        return list(found.values())

    @staticmethod
    def names(recipients: Iterable[Recipient]) -> list[str | dict[str, str]]:
        """Recipients' names (their ids when unnamed), each once, for a list in a sentence."""
        found: dict[str, str | dict[str, str]] = {}
        for rec in recipients:
            found.setdefault(rec.id, rec.name if rec.name else rec.id)
        return list(found.values())

    def first_register_with(self, part: str) -> Register | None:
        """The first register whose section has the heading ``part`` (data, recipients,
        transfers or retention), for the summary's links; None when no register has it."""
        has = {
            "data": lambda r: bool(r.data_categories or r.special_categories),
            "recipients": lambda r: bool(self.recipients(r)),
            "transfers": lambda r: bool(self.transfers(r)),
            "retention": self.has_retention,
        }[part]
        return next((r for r in self.resolved.notice.registers if has(r)), None)

    # --- purposes --------------------------------------------------------------------
    def purpose(self, purpose_id: str) -> Purpose:
        return self._purposes[purpose_id]

    @cached_property
    def memo(self) -> dict[tuple[object, ...], object]:
        """Pieces a template helper renders once per notice and reuses (e.g. the purpose links
        that many cookies share)."""
        return {}

    @cached_property
    def _purposes(self) -> dict[str, Purpose]:
        """Purposes by id, the first of each id (a lookup per right and purpose was a scan)."""
        found: dict[str, Purpose] = {}
        for _, _, _, purpose in self.resolved.purposes():
            found.setdefault(purpose.id, purpose)
        return found

    def marketing_refusal(self, register: Register, purpose: Purpose) -> bool:
        """Whether this purpose is e-mail or text-message direct marketing without consent: to
        existing customers, who must be able to refuse it, easily and free of charge, when
        their contact details are collected and in every message (Act 917/2014, section 200(2);
        Directive 2002/58/EC Art. 13(2)). With consent, withdrawing it is the refusal."""
        return (purpose.direct_marketing and "consent" not in purpose.legal_basis
                and any(vocab.electronic_contact(c)
                        for c in purpose.data_categories or register.data_categories))

    @staticmethod
    def withdrawal_said(register: Register) -> bool:
        """Whether every purpose of the register that rests on consent says how to withdraw it
        (`withdrawal`), so that a short notice need not say the right a second time."""
        return all(p.withdrawal for p in register.purposes if "consent" in p.legal_basis)

    def tracked(self, purpose: Purpose) -> bool:
        """Whether cookies or similar technologies that need consent collect data for this
        purpose: tracking the data subject does not see, named in the first layer (WP260
        para. 38)."""
        return purpose.id in self._tracking

    def trackers(self, purpose: Purpose) -> list[Recipient]:
        """The recipients that collect data for this purpose with such cookies, in the order of
        the cookies (their `description` says what they do, e.g. session recordings)."""
        recipients = self.resolved.recipients
        return [recipients[r] for r in self._tracking.get(purpose.id, ()) if r in recipients]

    @cached_property
    def _tracking(self) -> dict[str, tuple[str, ...]]:
        """Purpose id → the providers of the cookies that need consent and serve it (a
        purpose served only by the controller's own such cookies: no providers)."""
        found: dict[str, dict[str, None]] = {}
        for cookie in self.resolved.notice.cookies:
            if vocab.consent_required(cookie.category):
                for pid in cookie.purposes:
                    providers = found.setdefault(pid, {})
                    if cookie.provider:
                        providers[cookie.provider] = None
        return {pid: tuple(providers) for pid, providers in found.items()}

    # --- cookies ---------------------------------------------------------------------
    @staticmethod
    def shared_purposes(cookies: Iterable[Cookie]) -> list[str]:
        """The purposes every cookie of a category serves, when they all serve the same ones:
        the category says them once instead of every row (review of 13:03, 3.2); none when
        the cookies differ."""
        found = {tuple(c.purposes) for c in cookies}
        return list(found.pop()) if len(found) == 1 else []

    def cookie_recipient(self, cookie: Cookie) -> str | dict[str, str] | None:
        """Who receives the cookie's data: its provider (a recipient), or the controller itself.

        Not the same question as first or third party, which is only about the domain the
        cookie is set on: a first-party cookie read by Hotjar's script sends data to Hotjar.
        """
        if cookie.provider is None:
            return self.resolved.notice.controller.name
        recipient = self.resolved.recipients.get(cookie.provider)
        if recipient is None or recipient.name is None:
            return cookie.provider
        return recipient.name

    def cookie_provider(self, cookie: Cookie) -> str | dict[str, str] | None:
        """The former name of :meth:`cookie_recipient`, kept for user templates."""
        return self.cookie_recipient(cookie)

    def consent_needed(self, category: str) -> bool:
        return vocab.consent_required(category)

    def any_consent_cookies(self) -> bool:
        return any(self.consent_needed(c) for c in self.resolved.cookie_groups)

    def any_prefix_cookies(self) -> bool:
        return any(c.prefix for c in self.resolved.notice.cookies)

    # --- rights ----------------------------------------------------------------------
    def objection(self) -> Right | None:
        """The right to object, shown on its own (Art. 21(4)), when it applies."""
        return next((r for r in self.resolved.rights if r.id == "object"), None)

    def objection_summary(self, register: Register | None = None) -> str:
        """Which wording of the right to object fits the legal bases in use (of ``register``,
        or of the notice): Art. 21(1) names only the grounds of Art. 6(1)(e) and (f) that some
        purpose uses; with neither, only Art. 21(2) on direct marketing applies."""
        regs = [register] if register is not None else self.resolved.notice.registers
        used = {b for reg in regs for p in reg.purposes for b in p.legal_basis}
        e, f = "public_task" in used, "legitimate_interests" in used
        return ("summary" if e and f else "summary_f" if f else "summary_e" if e
                else "summary_direct_marketing")

    def objection_purposes(self) -> list[str]:
        """The purposes Art. 21(1) applies to: those on Art. 6(1)(e) or (f). Direct marketing
        is listed apart (:meth:`marketing_objection_purposes`), under the right of Art. 21(2),
        which has no exception: listed here too, it would seem to yield to compelling grounds."""
        objection = self.objection()
        general = {"public_task", "legitimate_interests"}
        purposes = (self.purpose(pid) for pid in (objection.purposes if objection else ()))
        return [p.id for p in purposes
                if general & set(p.legal_basis) and not p.direct_marketing]

    def marketing_objection_purposes(self) -> list[str]:
        """The purposes Art. 21(2) applies to: direct marketing, whatever its legal basis (a
        purpose on consent too: the right to object to direct marketing does not depend on
        the basis, and withdrawing consent is a right of its own)."""
        return [p.id for p in self.direct_marketing()]

    def other_rights(self) -> list[Right]:
        return [r for r in self.resolved.rights if r.id != "object"]

    def register_rights(self, register: Register) -> list[Right]:
        """The rights that apply to this register's processing: those of every purpose and
        those of at least one of its purposes (for a short notice at a form)."""
        ids = {p.id for p in register.purposes}
        decides = any(d.solely_automated for d in register.automated_decisions)
        return [r for r in self.resolved.rights
                if (decides if r.id == "no_automated_decision"
                    else not r.purposes or ids & set(r.purposes))]

    def direct_marketing(self) -> list[Purpose]:
        return [p for _, _, _, p in self.resolved.purposes() if p.direct_marketing]

    def rights_email(self) -> str | None:
        rights = self.resolved.notice.rights
        if rights is not None and rights.email:
            return rights.email
        return self.resolved.notice.controller.email

    # --- security --------------------------------------------------------------------
    def security_registers(self) -> list[Register]:
        return [r for r in self.resolved.notice.registers if r.security]

    # --- transfers (Art. 13(1)(f), 14(1)(f)) ----------------------------------------
    def adequacy_decisions(self, transfer: Transfer) -> list[Mapping[str, Any]]:
        """The Commission decisions a transfer under an adequacy decision rests on: the
        mechanism's own (the Data Privacy Framework), else each destination country's; empty
        for other mechanisms and where no decision is recorded."""
        if transfer.mechanism is None:
            return []
        mechanism = vocab.vocabulary("transfer_mechanisms")[transfer.mechanism].attrs
        if not mechanism.get("adequacy"):
            return []
        if mechanism.get("adequacy_decision"):
            return [mechanism["adequacy_decision"]]
        countries = vocab.vocabulary("countries")
        found: list[Mapping[str, Any]] = []
        for code in transfer.countries:
            decision = countries[code].attrs.get("adequacy_decision") if code in countries else None
            if decision is not None and decision not in found:
                found.append(decision)
        return found


__all__ = ["View"]
