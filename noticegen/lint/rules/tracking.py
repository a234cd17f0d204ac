"""Facts a copied notice states only half: tracking without cookies, cookies without names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from noticegen import catalog
from noticegen.diagnostics import Loc, Severity
from noticegen.l10n import N_
from noticegen.lint.facts import texts, vocab_label
from noticegen.lint.registry import Finding, rule
from noticegen.resolve import ResolvedNotice

E, W = Severity.ERROR, Severity.WARNING

_TRACKING_WORDS = (
    # fi
    r"analytiik\w*|kävijäseuran\w*|kävijätilast\w*|istuntotallen\w*|istuntojen\s+tallen\w*|"
    r"lämpökart\w*|uudelleenmarkkinoin\w*|kohdenne\w*\s+mainon\w*|seurantapikse\w*|eväste\w*|"
    # en
    r"analytics|session\s+recordings?|heat\s*maps?|remarketing|retargeting|"
    r"targeted\s+advertising|tracking\s+pixels?|web\s+beacons?|cookies?|"
    # sv
    r"webbanalys\w*|besöksstatistik\w*|sessionsinspelning\w*|kakor(?:na)?|spårningspixl\w*"
)


# Words that deny what follows them in the same clause: "we use no cookies", "emme käytä
# evästeitä", "vi använder inga kakor" say the opposite of tracking. Finnish: the negative verb
# in every person (also with -kä) and "ilman" (without).
_DENIALS = frozenset((
    "en", "ei", "et", "emme", "ette", "eivät", "enkä", "eikä", "etkä", "emmekä", "ettekä",
    "eivätkä", "ilman",  # fi
    "no", "not", "never", "without", "none", "don't", "doesn't", "didn't", "won't", "isn't",
    "aren't",  # en
    "inga", "inget", "ingen", "inte", "ej", "aldrig", "utan",  # sv
))
_CLAUSE_END = re.compile(r"[.!?;:,]|\b(?:but|mutta|men|and|ja|och)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w'’]+")


def _denied(text: str, start: int) -> bool:
    """Whether one of the five words before ``start``, in the same clause, is a denial."""
    before = text[:start]
    ends = list(_CLAUSE_END.finditer(before))
    clause = before[ends[-1].end():] if ends else before
    words = [w.lower().replace("’", "'") for w in _WORD.findall(clause)[-5:]]
    return any(w in _DENIALS for w in words)


@cache
def _tracking() -> re.Pattern[str]:
    """Words that say the site tracks its visitors, and the names of the catalogue's trackers."""
    names = sorted({re.sub(r"\s+\d+$", "", str(entry["name"])) for entry in catalog.services()
                    if entry.get("tracker")}, key=len, reverse=True)
    services = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in names)
    return re.compile(rf"\b(?:{_TRACKING_WORDS}|{services})\b", re.IGNORECASE)


def _tracking_evidence(resolved: ResolvedNotice) -> tuple[Loc, str] | None:
    """The first place that says the site tracks visitors: a recipient named after a tracker,
    or a text that speaks of analytics, session recording, targeted ads or cookies, except where
    the same clause denies it ("we use no cookies")."""
    pattern = _tracking()
    for i, rec in enumerate(resolved.notice.recipients):
        if rec.service is not None and catalog.service(rec.service).get("tracker"):
            return ("recipients", i, "service"), str(catalog.service(rec.service)["name"])
    for value in texts(resolved):
        for match in pattern.finditer(value.text):
            if not _denied(value.text, match.start()):
                return value.loc, " ".join(match.group(0).split())
    return None


@rule("NG415", "tracking-without-cookies", groups=("cookies", "contradictions"), severity=E,
      message=N_("the notice speaks of tracking the site's visitors (\"{found}\"), but declares no "
                 "cookies or similar technologies"),
      hint=N_("List each cookie, local-storage entry or pixel under `cookies:` with its provider, "
              "category, purpose and duration (for a known service, `uses: [hotjar]` brings in its "
              "cookies), and say how consent is asked under `cookie_consent:`. If the site sets none, "
              "remove what says it does."),
      source=N_("Act 917/2014, section 205; ePrivacy Directive Art. 5(3); CJEU C-673/17 Planet49"))
def tracking_without_cookies(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Analytics, session recording or targeted advertising need a cookie section.

    Such services store or read identifiers on the visitor's device, and section 205 asks for
    information on each of them and consent to those not strictly necessary. A notice that
    speaks of them (a tracker among the recipients, or "analytics", "session recordings",
    "remarketing" or "cookies" in a text) but declares no cookies says only half.

    [fi]
    Analytiikka, istuntojen tallentaminen ja kohdennettu mainonta edellyttävät evästeosiota.

    Nämä palvelut tallentavat tunnisteita kävijän päätelaitteelle tai lukevat niitä sieltä, ja
    205 § edellyttää tietoja kustakin ja suostumusta muihin kuin välttämättömiin. Seloste, joka
    puhuu niistä (vastaanottajana on seurantapalvelu tai tekstissä mainitaan analytiikka,
    istuntotallenteet, uudelleenmarkkinointi tai evästeet) mutta ei luettele evästeitä, kertoo
    asiasta vain puolet.

    [sv]
    Webbanalys, inspelning av sessioner och riktad reklam kräver ett avsnitt om kakor.

    Sådana tjänster lagrar identifierare på besökarens terminalutrustning eller läser dem
    därifrån, och 205 § kräver information om var och en av dem och samtycke till dem som inte
    är nödvändiga. En beskrivning som nämner dem (en spårningstjänst bland mottagarna, eller
    "webbanalys", "sessionsinspelningar", "remarketing" eller "kakor" i en text) men inte räknar
    upp några kakor säger bara hälften.

    [fail]
    purposes:
      - id: analytics
        description: Website analytics with Google Analytics
        legal_basis: [consent]
    [pass]
    purposes:
      - id: analytics
        description: Website analytics with Google Analytics
        legal_basis: [consent]
    uses: [google-analytics-4]
    """
    if resolved.notice.cookies:
        return
    found = _tracking_evidence(resolved)
    if found is not None:
        yield found[0], {"found": found[1]}


@rule("NG416", "cookie-name-unknown", groups=("cookies",), severity=E,
      message=N_("{kind} no. {number} has no name"),
      hint=N_("Find its name in the browser while on the site (developer tools, Application or Storage "
              "tab: Cookies, Local storage) or in the provider's documentation, and write it as `name:`."),
      source=N_("Act 917/2014, section 205; Traficom cookie guidance"))
def cookie_name_unknown(resolved: ResolvedNotice) -> Iterator[Finding]:
    """Every cookie or storage entry must be named.

    An old notice may describe a cookie ("an analytics cookie that is kept for two years")
    without its name. It can be written without `name:`, but the reader cannot then tell which
    cookie is meant, nor refuse or delete it: find the name out.

    [fi]
    Jokaisen evästeen ja tallennustilan merkinnän nimi on kerrottava.

    Vanhassa selosteessa eväste voidaan kuvata ("analytiikkaeväste, joka säilyy kaksi vuotta")
    nimeämättä sitä. Sen voi kirjoittaa ilman kohtaa `name:`, mutta silloin lukija ei tiedä,
    mistä evästeestä on kyse, eikä voi kieltäytyä siitä tai poistaa sitä: selvitä nimi.

    [sv]
    Varje kaka och varje post i lagringsutrymmet ska namnges.

    I en gammal beskrivning kan en kaka beskrivas ("en analyskaka som lagras i två år") utan
    dess namn. Den kan skrivas utan `name:`, men då kan läsaren inte veta vilken kaka som avses
    och inte heller avböja eller radera den: ta reda på namnet.

    [fail]
    cookies:
      - {category: statistics, party: first, duration: P2Y, purpose: Visitor statistics}
    [pass]
    cookies:
      - {name: _pk_id, category: statistics, party: first, duration: P2Y,
         purpose: Visitor statistics}
    """
    for c, cookie in enumerate(resolved.notice.cookies):
        if cookie.name is None:
            kind = vocab_label("storage_types", cookie.type)
            yield ("cookies", c), {"number": c + 1, "kind": kind}
