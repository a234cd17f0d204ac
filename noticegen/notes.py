"""Notes on a checked notice that are not problems: defaults filled in, rules that could not run."""

from __future__ import annotations

from noticegen.l10n import N_, ntr, tr

NOTES = {
    "authority_default": N_("no `supervisory_authority:` is given, so the notice names the "
                            "default: {name}, {address} ({website})"),
}
"""Each note's message (translated by the catalogues), with ``{placeholders}``."""


def note(key: str, lang: str, **params: str) -> str:
    """One note in ``lang``."""
    return tr(lang, NOTES[key], **params)


def rules_skipped(lang: str, count: int, rules: str) -> str:
    """The note on the rules that stopped at a missing or invalid value."""
    return ntr(lang, "{count} rule(s) stopped at a value that is missing or invalid, and may find "
               "more once the errors above are fixed: {rules}", "{count} rule(s) stopped at a "
               "value that is missing or invalid, and may find more once the errors above are "
               "fixed: {rules}", count, rules=rules)
