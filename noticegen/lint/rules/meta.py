"""The notice as a document: lint settings, change log, placeholders left in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from noticegen.diagnostics import Severity
from noticegen.lint.facts import all_lints, strings
from noticegen.lint.registry import Finding, lookup, rule, suggest
from noticegen.resolve import ResolvedNotice

if TYPE_CHECKING:
    from pydantic import BaseModel

E, W = Severity.ERROR, Severity.WARNING


@rule("NG701", "lint-unknown-rule", groups=("meta",), severity=E,
      message={"en": "'{rule}' is not a rule", "fi": "'{rule}' ei ole tunnettu sääntö"},
      hint={"en": "{suggestion}`noticegen rules` lists the codes and names.",
            "fi": "{suggestion}`noticegen rules` luettelee sääntöjen koodit ja nimet."},
      source="noticegen")
def lint_unknown_rule(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A `lint: disable:` entry must name an existing rule, by code or name.

    A misspelt rule would silently switch off nothing.

    [fi]
    `lint: disable:` -kohdan on nimettävä olemassa oleva sääntö koodilla tai nimellä.

    Väärin kirjoitettu sääntö ei poistaisi käytöstä mitään, eikä sitä huomaisi.

    [fail]
    lint:
      disable:
        - {rule: NG1077, reason: We are a foreign company.}
    [pass]
    lint:
      disable:
        - {rule: NG107, reason: We are a foreign company.}
    """
    for loc, lint in all_lints(resolved.notice):
        for k, entry in enumerate(lint.disable):
            if lookup(entry.rule) is None:
                close = suggest(entry.rule)
                yield (*loc, "disable", k, "rule"), {"rule": entry.rule, "suggestion": {
                    "en": f"Did you mean {close}? " if close else "",
                    "fi": f"Tarkoititko {close}? " if close else ""}}


@rule("NG702", "lint-core-not-disableable", groups=("meta",), severity=E,
      message={"en": "{code} is a core check and cannot be switched off",
               "fi": "{code} on perustarkistus, eikä sitä voi poistaa käytöstä"},
      hint={"en": "Remove this entry and fix what {code} reports; `noticegen explain {code}` says how.",
            "fi": "Poista tämä kohta ja korjaa se, mistä {code} huomauttaa; `noticegen explain "
                  "{code}` kertoo, miten."},
      source="noticegen")
def lint_core_not_disableable(resolved: ResolvedNotice) -> Iterator[Finding]:
    """The loader's and validator's checks (NG000-NG026) cannot be switched off.

    A notice that fails them cannot be read reliably, so nothing after them could be trusted.

    [fi]
    Lataus- ja validointivaiheen tarkistuksia (NG000-NG026) ei voi poistaa käytöstä.

    Selostetta, joka ei läpäise niitä, ei voi lukea luotettavasti, joten mikään sen jälkeen
    tehty tarkistus ei olisi luotettava.

    [fail]
    lint:
      disable:
        - {rule: NG022, reason: The English text comes later.}
    [pass]
    lint:
      disable:
        - {rule: NG601, reason: The Finnish text is shorter on purpose.}
    """
    for loc, lint in all_lints(resolved.notice):
        for k, entry in enumerate(lint.disable):
            found = lookup(entry.rule)
            if found is not None and found.core:
                yield (*loc, "disable", k, "rule"), {"code": found.code}


@rule("NG703", "no-change-log", groups=("meta",), severity=W,
      message={"en": "the notice has no change log", "fi": "selosteessa ei ole muutoshistoriaa"},
      hint={"en": "Add `changes:` under `notice:` with the date and a summary of each version, "
                  "newest first, e.g. `- {{date: 2026-12-01, summary: …}}`.",
            "fi": "Lisää `notice:`-kohtaan `changes:` ja kunkin version päivämäärä ja tiivistelmä "
                  "uusin ensin, esimerkiksi `- {{date: 2026-12-01, summary: …}}`."},
      source="WP260 para. 29-32 (changes to information)")
def no_change_log(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A notice should keep a dated change log.

    People who read the notice before must be able to see what changed and when; WP260 asks
    that changes be communicated, and a dated log is where that starts.

    [fi]
    Selosteessa on syytä pitää päivättyä muutoshistoriaa.

    Aiemmin selosteen lukeneiden on voitava nähdä, mikä muuttui ja milloin; WP260-ohjeen mukaan
    muutoksista on kerrottava, ja päivätty muutoshistoria on siihen hyvä lähtökohta.

    [fail]
    notice:
      languages: [en]
      version: "1.0"
      effective: 2026-12-01
    [pass]
    notice:
      languages: [en]
      version: "1.0"
      effective: 2026-12-01
      changes:
        - {date: 2026-12-01, summary: First version.}
    """
    if not resolved.notice.notice.changes:
        yield ("notice",), {}


_TODO = re.compile(r"\bTODO\b:?[^\n]{0,50}")


def _json(model: BaseModel) -> bytes:
    """The model as JSON (every string appears in it as written, "TODO" included), or b"TODO"
    where it cannot be serialised."""
    try:
        return model.__pydantic_serializer__.to_json(model, warnings=False)
    except Exception:  # then the rule looks at every string
        return b"TODO"


@rule("NG704", "todo-marker", groups=("meta",), severity=W,
      message={"en": "a placeholder is left in the notice: \"{found}\"",
               "fi": "selosteeseen on jäänyt täydennettävä kohta: \"{found}\""},
      hint={"en": "Replace the marked text with the real information before you publish.",
            "fi": "Korvaa merkitty kohta oikealla tiedolla ennen julkaisemista."},
      source="noticegen", user_text=True)
def todo_marker(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Spots marked TODO (as `noticegen init` writes them) must be filled in before publishing.

    The notice still checks and builds, so that you can preview it; `--strict` makes these
    warnings fail.

    [fi]
    TODO-merkityt kohdat (joita `noticegen init` kirjoittaa) on täydennettävä ennen julkaisemista.

    Seloste läpäisee tarkistuksen ja sen voi koostaa esikatselua varten; `--strict` tekee näistä
    varoituksista virheitä.

    [fail]
    controller:
      name: "TODO: the company's legal name"
    [pass]
    controller:
      name: Example Oy
    """
    if b"TODO" not in _json(resolved.notice):
        return  # a quick look first: walking every string costs twice as much
    for loc, text in strings(resolved.notice):
        match = _TODO.search(text)
        if match:
            yield loc, {"found": " ".join(match.group(0).split())}
