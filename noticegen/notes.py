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
        "en": "{count} rule(s) could not run, because what they check is missing or invalid "
              "(fix the errors above and run again): {rules}",
        "fi": "{count} sääntöä ei voitu ajaa, koska niiden tarkistamat tiedot puuttuvat tai ovat "
              "virheellisiä (korjaa yllä olevat virheet ja aja uudelleen): {rules}",
    },
}
"""Each note's text per message language, with ``{placeholders}``."""


def note(key: str, lang: str, **params: str) -> str:
    """One note in ``lang`` (English when the language has no text)."""
    texts = NOTES[key]
    return (texts.get(lang) or texts["en"]).format(**params)
