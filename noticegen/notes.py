"""Notes on a checked notice that are not problems: defaults filled in, rules that could not run."""

from __future__ import annotations

from collections.abc import Mapping

NOTES: Mapping[str, Mapping[str, str]] = {
    "authority_default": {
        "en": "no `supervisory_authority:` is given, so the notice names the default: {name}, "
              "{address} ({website})",
        "fi": "kohtaa `supervisory_authority:` ei ole, joten selosteeseen lisätään oletuksena "
              "{name}, {address} ({website})",
    },
    "rules_skipped": {
        "en": "{count} rule(s) stopped at a value that is missing or invalid, and may find more "
              "once the errors above are fixed: {rules}",
        "fi": "{count} sääntöä pysähtyi puuttuvaan tai virheelliseen tietoon, ja ne voivat löytää "
              "lisää, kun yllä olevat virheet on korjattu: {rules}",
    },
}
"""Each note's text per message language, with ``{placeholders}``."""


def note(key: str, lang: str, **params: str) -> str:
    """One note in ``lang`` (English when the language has no text)."""
    texts = NOTES[key]
    return (texts.get(lang) or texts["en"]).format(**params)
