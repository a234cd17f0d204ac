"""The section plan: which sections a notice has, in which order, with which anchors (all languages)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from noticegen.resolve import ResolvedNotice


def _always(resolved: ResolvedNotice) -> bool:
    return True


def _has_cookies(resolved: ResolvedNotice) -> bool:
    return bool(resolved.notice.cookies)


def _has_security(resolved: ResolvedNotice) -> bool:
    notice = resolved.notice
    return notice.security is not None or any(r.security for r in notice.registers)


def _registers(resolved: ResolvedNotice) -> Sequence[Any]:
    return resolved.notice.registers


@dataclass(frozen=True)
class Section:
    """One kind of section. Its template sets ``title`` (for the table of contents) at top level."""

    id: str
    """Stable name, also the template's stem: ``sections/<id>.html``, shared by every language."""
    anchor: str
    """The anchor id, the same in every language; ``{id}`` is replaced by the item's id."""
    when: Callable[[ResolvedNotice], bool] = _always
    """Whether the notice has this section at all."""
    each: Callable[[ResolvedNotice], Sequence[Any]] | None = None
    """For a repeated section: the items (each with an ``id``), one section per item."""

    @property
    def template(self) -> str:
        return f"sections/{self.id}.html"


# GDPR Art. 13/14 order as WP260 presents it: who, then per register what and why, to whom, how
# long; then cookies, the data subject's rights, the complaint right, security and history.
SECTIONS: tuple[Section, ...] = (
    Section("controller", "controller"),
    Section("register", "register-{id}", each=_registers),
    Section("cookies", "cookies", when=_has_cookies),
    Section("rights", "rights"),
    Section("complaint", "complaint"),
    Section("security", "security", when=_has_security),
    Section("changes", "changes"),
)

# Fixed anchors inside sections, listed here so that every language uses the same ones.
PURPOSE_ANCHOR = "purpose-{id}"
OBJECTION_ANCHOR = "objection"
SETTINGS_ANCHOR = "cookie-settings"
"""The "Cookie settings" link in the cookie section, which opens the consent banner's preferences."""


@dataclass(frozen=True)
class Planned:
    """A section as it appears in one notice: the kind, its anchor and the item it is about."""

    section: Section
    anchor: str
    item: Any = None


def plan(resolved: ResolvedNotice) -> tuple[Planned, ...]:
    """The sections of this notice in order; the same for every language by construction."""
    out: list[Planned] = []
    for section in SECTIONS:
        if not section.when(resolved):
            continue
        if section.each is None:
            out.append(Planned(section, section.anchor))
            continue
        for item in section.each(resolved):
            out.append(Planned(section, section.anchor.format(id=item.id), item))
    return tuple(out)


__all__ = ["OBJECTION_ANCHOR", "PURPOSE_ANCHOR", "SECTIONS", "SETTINGS_ANCHOR", "Planned", "Section", "plan"]
