"""The owner's cookie texts beside the template's: what `cookie_consent.change` must not repeat."""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticegen.diagnostics import Severity
from noticegen.l10n import N_
from noticegen.lint.facts import term_attr, texts
from noticegen.lint.patterns import excerpt
from noticegen.lint.registry import Finding, rule
from noticegen.resolve import ResolvedNotice
from noticegen.vocab import consent_required

E = Severity.ERROR

# A sentence that says consent to cookies is asked (on arrival): the cookie section already
# prints it (strings.yaml `cookies_consent_asked`) whenever the consent method is valid. Within
# one sentence ("[^.!?]"), in each language's own word orders.
_SAME = r"[^.!?]{0,60}?"
_ASKED = {
    "en": rf"\b(?:we|the\s+(?:website|site|banner))\s+(?:will\s+)?(?:ask|asks|request|requests)"
          rf"\b{_SAME}\bconsent\b|\byour\s+consent\s+is\s+(?:asked|requested|sought)\b",
    "fi": rf"\b(?:pyydämme|kysymme|pyydetään|kysytään|pyytää|kysyy)\b{_SAME}\bsuostumu\w*"
          rf"|\bsuostumu\w*{_SAME}\b(?:pyydämme|kysymme|pyydetään|kysytään)\b",
    "sv": rf"\b(?:ber|frågar|begär)\s+(?:vi|webbplatsen|bannern)\b{_SAME}\bsamtyck\w*"
          rf"|\b(?:vi|webbplatsen|bannern)\s+(?:ber|frågar|begär)\b{_SAME}\bsamtyck\w*"
          rf"|\bsamtycke\w*\s+(?:begärs|efterfrågas|inhämtas)\b",
}
_COMPILED = {lang: re.compile(source, re.IGNORECASE) for lang, source in _ASKED.items()}


@rule("NG417", "cookie-consent-said-twice", groups=("cookies", "consent"), severity=E,
      message=N_("`cookie_consent.change` says again what the cookie section already says: \"{found}\""),
      hint=N_("Delete that sentence from `change:`. The notice itself says that consent to all but "
              "strictly necessary cookies is asked when people arrive on the site; `change:` says only "
              "how to change choices or withdraw consent, e.g. \"You can change your choices or withdraw "
              "your consent at any time from the Cookie settings link at the bottom of every page.\""),
      source=N_("GDPR Art. 12(1) (concise, transparent); Act 917/2014, section 205"),
      user_text=True)
def cookie_consent_said_twice(resolved: ResolvedNotice) -> Iterator[Finding]:
    """`cookie_consent.change` must not say again that consent is asked.

    With a consent method that gives valid consent, the cookie section prints its own sentence
    that consent to all but strictly necessary cookies is asked on arrival, then the owner's
    `change:` text. A `change:` that says the same (as init's starter once did) puts the
    sentence on the page twice, in every format. The rule reads the Finnish, Swedish and
    English texts.

    [fi]
    `cookie_consent.change` ei saa toistaa, että suostumusta pyydetään.

    Kun suostumustapa on pätevä, evästeosio kertoo omalla virkkeellään, että muihin kuin
    välttämättömiin evästeisiin pyydetään suostumus sivustolle tultaessa, ja sen jälkeen
    näytetään omistajan `change:`-teksti. Jos `change:` sanoo saman (kuten initin pohja
    aiemmin), virke näkyy sivulla kahdesti kaikissa muodoissa. Sääntö lukee suomen-, ruotsin-
    ja englanninkieliset tekstit.

    [sv]
    `cookie_consent.change` får inte upprepa att samtycke begärs.

    När samtycket begärs på ett sätt som ger ett giltigt samtycke, säger avsnittet om kakor med
    en egen mening att samtycke till alla kakor utom de nödvändiga begärs när man kommer till
    webbplatsen, och därefter visas ägarens text i `change:`. Om `change:` säger detsamma (som
    utgångsfilen från `init` tidigare gjorde), står meningen två gånger på sidan, i alla format.
    Regeln läser de finska, svenska och engelska texterna.

    [fail]
    cookies:
      - {name: _ga, provider: google-analytics-4, category: statistics}
    cookie_consent:
      method: banner
      change: >-
        We ask for your consent to all but strictly necessary cookies when you arrive on the
        website. You can change your choices at any time from the Cookie settings link.
    [pass]
    cookies:
      - {name: _ga, provider: google-analytics-4, category: statistics}
    cookie_consent:
      method: banner
      change: You can change your choices at any time from the Cookie settings link.
    """
    consent = resolved.notice.cookie_consent
    if consent is None or consent.change is None:
        return
    if not term_attr("consent_methods", consent.method, "valid"):
        return  # the section does not say that consent is asked: nothing is repeated
    if not any(consent_required(category) for category in resolved.cookie_groups):
        return  # as the template: no cookie needs consent, no sentence about asking for it
    for value in texts(resolved, ("cookie_consent", "change")):
        pattern = _COMPILED.get(value.lang)
        match = pattern.search(value.text) if pattern is not None else None
        if match is not None:
            yield value.loc, {"found": excerpt(match)}
