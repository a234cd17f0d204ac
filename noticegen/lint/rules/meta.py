"""The notice as a document: lint settings, change log, placeholders left in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from noticegen.diagnostics import Severity
from noticegen.l10n import N_, Translated, message_languages
from noticegen.lint.facts import all_lints, strings
from noticegen.lint.registry import AT_WORD, Finding, lookup, rule, suggest
from noticegen.resolve import ResolvedNotice

if TYPE_CHECKING:
    from pydantic import BaseModel

E, W = Severity.ERROR, Severity.WARNING


@rule("NG701", "lint-unknown-rule", groups=("meta",), severity=E,
      message=N_("'{rule}' is not a rule"),
      hint=N_("{suggestion}`noticegen rules` lists the codes and names."),
      source=N_("noticegen"))
def lint_unknown_rule(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A `lint: disable:` entry must name an existing rule, by code or name.

    A misspelt rule would silently switch off nothing.

    [fi]
    `lint: disable:` -kohdan on nimettävä olemassa oleva sääntö koodilla tai nimellä.

    Väärin kirjoitettu sääntö ei poistaisi käytöstä mitään, eikä sitä huomaisi.

    [sv]
    En post i `lint: disable:` ska ange en regel som finns, med kod eller namn.

    En felstavad regel skulle inte stänga av någonting, och ingen skulle märka det.

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
                suggestion = Translated(N_("Did you mean {close}? "), close=close) if close else ""
                yield (*loc, "disable", k, "rule"), {"rule": entry.rule, "suggestion": suggestion}


@rule("NG702", "lint-core-not-disableable", groups=("meta",), severity=E,
      message=N_("{code} is a core check and cannot be switched off"),
      hint=N_("Remove this entry and fix what {code} reports; `noticegen explain {code}` says how."),
      source=N_("noticegen"))
def lint_core_not_disableable(resolved: ResolvedNotice) -> Iterator[Finding]:
    """The loader's and validator's checks (NG000-NG026) cannot be switched off.

    A notice that fails them cannot be read reliably, so nothing after them could be trusted.

    [fi]
    Lataus- ja validointivaiheen tarkistuksia (NG000-NG026) ei voi poistaa käytöstä.

    Selostetta, joka ei läpäise niitä, ei voi lukea luotettavasti, joten mikään sen jälkeen
    tehty tarkistus ei olisi luotettava.

    [sv]
    Inläsningens och valideringens kontroller (NG000–NG026) kan inte stängas av.

    En beskrivning som inte klarar dem kan inte läsas på ett tillförlitligt sätt, så ingen
    kontroll efter dem skulle vara tillförlitlig.

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
      message=N_("the notice has no change log"),
      hint=N_("Add `changes:` under `notice:` with the date and a summary of each version, newest first, "
              "e.g. `- {{date: 2026-12-01, summary: …}}`."),
      source=N_("WP260 para. 29-32 (changes to information)"))
def no_change_log(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A notice should keep a dated change log.

    People who read the notice before must be able to see what changed and when; WP260 asks
    that changes be communicated, and a dated log is where that starts.

    [fi]
    Selosteessa on syytä pitää päivättyä muutoshistoriaa.

    Aiemmin selosteen lukeneiden on voitava nähdä, mikä muuttui ja milloin; WP260-ohjeen mukaan
    muutoksista on kerrottava, ja päivätty muutoshistoria on siihen hyvä lähtökohta.

    [sv]
    En beskrivning bör ha en daterad ändringshistorik.

    Den som har läst beskrivningen tidigare ska kunna se vad som har ändrats och när; enligt
    WP260 ska ändringar meddelas, och en daterad historik är en bra utgångspunkt för det.

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


_TODO = re.compile(r"\bTODO\b")
_WORD = re.compile(r"\S+")
_PUNCT = ".,:;!?\"'()”“’"
_LONG = 70
"""A placeholder this long (an instruction such as "…then delete this text.") is written on
several lines of a `>-` block, so deleting the line with `TODO:` can leave a part of it."""
_RUN = 5
"""Words in a row of a long placeholder that, anywhere in a text, mark a remnant of it."""
_EDGE = 3
"""Words in a row at the start or end of a text that are the start or end of a long
placeholder: what is left when only the line with `TODO:` was deleted."""


def _norm(word: str) -> str:
    return word.strip(_PUNCT).casefold()


@cache
def _placeholders() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]],
                             frozenset[tuple[str, ...]], tuple[bytes, ...]]:
    """What init's placeholders leave behind: the texts that are nothing but a remnant; runs of
    _RUN words of a long one found in a longer text; starts and ends of long ones; and the
    quick look (bytes that the notice's JSON contains when it has a remnant)."""
    from noticegen.init.parts import TODO, placeholder_texts

    whole: set[tuple[str, ...]] = set()
    runs: set[tuple[str, ...]] = set()
    edges: set[tuple[str, ...]] = set()
    for tx in placeholder_texts():
        for lang in message_languages():
            text = tx(lang).removeprefix(TODO).strip()
            words = tuple(w for w in map(_norm, text.split()) if w)
            n = len(words)
            if len(text) < _LONG:  # one line: what is left is all of it, without "TODO:"
                whole.add(words)
                continue
            # One word alone is too common ("text") to be a remnant on its own.
            whole.update(words[i:j] for i in range(n) for j in range(i + 2, n + 1))
            runs.update(words[i:i + _RUN] for i in range(n - _RUN + 1))
            edges.update(words[:k] for k in range(_EDGE, n))
            edges.update(words[-k:] for k in range(_EDGE, n))
    # The quick look on the notice's JSON: what every realistic remnant contains. A
    # one-line placeholder left without its "TODO:" is the rest of it as a whole JSON value;
    # a long one cut at a line break keeps "TODO" in its first part and its last word in the
    # rest ("...then delete this text.").
    marks = {b"todo"}
    for tx in placeholder_texts():
        for lang in message_languages():
            text = tx(lang).removeprefix(TODO).strip()
            if len(text) >= _LONG:
                marks.add(text.split()[-1].lower().encode())
            else:
                marks.add(f':"{text.lower()}"'.encode())
    quick = tuple(sorted(marks))
    return frozenset(whole), frozenset(runs), frozenset(edges), quick


def placeholder_at(text: str) -> int | None:
    """The word at which a remnant of one of init's placeholders starts in ``text``, or None."""
    whole, runs, edges, _ = _placeholders()
    todo = _TODO.search(text)
    spans = [(m.start(), _norm(m.group())) for m in _WORD.finditer(text)]
    if todo:
        return sum(1 for start, _ in spans if start < todo.start())
    words = tuple(w for _, w in spans)
    if words and words in whole:
        return 0
    for i in range(len(words) - _RUN + 1):
        if words[i:i + _RUN] in runs:
            return i
    for k in range(len(words) - 1, _EDGE - 1, -1):  # the longest start or end first
        if words[:k] in edges:
            return 0
        if words[-k:] in edges:
            return len(words) - k
    return None


def _json(model: BaseModel) -> bytes:
    """The model as JSON (every string appears in it as written), or b"TODO" where it cannot be
    serialised."""
    try:
        return model.__pydantic_serializer__.to_json(model, warnings=False)
    except Exception:  # then the rule looks at every string
        return b"TODO"


@rule("NG704", "todo-marker", groups=("meta",), severity=E,
      message=N_("a placeholder from `noticegen init` is left in the notice: \"{found}\""),
      hint=N_("Replace the whole placeholder sentence with the real information, or delete all of it; "
              "`build` publishes nothing until then."),
      source=N_("noticegen"), user_text=True)
def todo_marker(resolved: ResolvedNotice) -> Iterator[Finding]:
    """The placeholders `noticegen init` writes must be replaced before the notice is published.

    Any remnant counts, not only the word TODO: deleting the line with `TODO:` from a two-line
    placeholder leaves "…then delete this text.", which would be published as it is. A
    placeholder is reported once, at its own line and column. This is an error, so `build`
    writes nothing while one is left.

    [fi]
    `noticegen init` -komennon kirjoittamat täytettävät kohdat on korvattava ennen kuin seloste
    julkaistaan.

    Mikä tahansa jäänne riittää, ei vain sana TODO: jos kaksirivisestä kohdasta poistaa vain
    rivin, jolla lukee `TODO:`, jäljelle jää "…sitten tämä teksti.", joka julkaistaisiin
    sellaisenaan. Kohta ilmoitetaan kerran, sen omalla rivillä ja sarakkeessa. Tämä on virhe,
    joten `build` ei kirjoita mitään, ennen kuin kohdat on korvattu.

    [sv]
    De platshållare som `noticegen init` skriver ska ersättas innan beskrivningen publiceras.

    Varje rest räknas, inte bara ordet TODO: om man i en platshållare på två rader stryker bara
    raden med `TODO:`, blir "…stryk sedan den här texten." kvar och skulle publiceras som sådan.
    En platshållare rapporteras en gång, på sin egen rad och kolumn. Detta är ett fel, så
    `build` skriver ingenting så länge en platshållare finns kvar.

    [fail]
    controller:
      name: "TODO: the company's legal name"
    [pass]
    controller:
      name: Example Oy
    """
    data = _json(resolved.notice).lower()
    if not any(mark in data for mark in _placeholders()[3]):
        return  # a quick look first: walking every string costs twice as much
    for loc, text in strings(resolved.notice):
        word = placeholder_at(text)
        if word is not None:
            found = " ".join(text.split()[word:word + 8])
            yield loc, {"found": found, AT_WORD: word}


@rule("NG705", "notice-url-per-language", groups=("meta", "i18n"), severity=E,
      message=N_("the notice's {lang} version has no address of its own under `notice.url`"),
      hint=N_("Give one address per language: `url: {{fi: https://…/fi/tietosuojaseloste, en: "
              "https://…/en/privacy-notice}}` (the same address twice only if that page holds both "
              "languages)."),
      source=N_("GDPR Art. 12(1); WP260 para. 13 (translations)"))
def notice_url_per_language(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Each language version of the notice links to its own published address.

    The notice says where its current version is published. One address for a notice in
    several languages sends readers of one language to the page in another.

    [fi]
    Jokainen selosteen kieliversio viittaa omaan julkaisuosoitteeseensa.

    Selosteessa kerrotaan, missä sen voimassa oleva versio on julkaistu. Jos monikielisellä
    selosteella on vain yksi osoite, yhden kielen lukijat ohjataan toisenkieliselle sivulle.

    [sv]
    Varje språkversion av beskrivningen hänvisar till sin egen publiceringsadress.

    Beskrivningen anger var den gällande versionen är publicerad. Om en beskrivning på flera
    språk har en enda adress, hänvisas läsarna av ett språk till sidan på ett annat språk.

    [fail]
    notice:
      languages: [fi, en]
      url: https://example.fi/tietosuojaseloste
    [pass]
    notice:
      languages: [fi, en]
      url:
        fi: https://example.fi/tietosuojaseloste
        en: https://example.fi/en/privacy-notice
    """
    url = resolved.notice.notice.url
    if url is None:
        return
    if isinstance(url, str):  # right for the main language at most
        for lang in resolved.languages[1:]:
            yield ("notice", "url"), {"lang": lang}
        return
    for lang in resolved.languages:
        if lang not in url:
            yield ("notice", "url"), {"lang": lang}
