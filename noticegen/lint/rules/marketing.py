"""Electronic direct marketing: who may receive it without prior consent (Act 917/2014)."""

from __future__ import annotations

from collections.abc import Iterator

from noticegen import vocab
from noticegen.diagnostics import Severity
from noticegen.l10n import N_
from noticegen.lint.facts import join, label, purpose_categories, purpose_loc, term_attr, vocab_label
from noticegen.lint.registry import Finding, rule
from noticegen.resolve import ResolvedNotice

E = Severity.ERROR


@rule("NG122", "email-marketing-without-consent",
      groups=("completeness", "consent", "legal-basis"), severity=E,
      message=N_("direct marketing by e-mail or text message in '{purpose}' relies on legitimate "
                 "interests, but it also reaches {subjects}, who must have consented to it in advance"),
      hint=N_("Without consent, e-mail and text-message marketing may reach only existing customers, "
              "about your own products of the same kind, who could refuse it when their contact details "
              "were collected and can refuse it in every message: set `data_subjects: [customers]` on "
              "this purpose, and add a separate purpose with `legal_basis: [consent]` and "
              "`direct_marketing: true` for everyone else."),
      source=N_("Act on Electronic Communications Services 917/2014, sections 200 and 202; "
                "GDPR Art. 6(1)(a), 21(2)"))
def email_marketing_without_consent(resolved: ResolvedNotice) -> Iterator[Finding]:
    """E-mail and text-message marketing to people who are not customers needs prior consent.

    Section 200 of the Act on Electronic Communications Services (917/2014) allows direct
    marketing by e-mail or text message to a natural person only with their prior consent. Its
    second subsection exempts existing customers whose contact details were obtained in
    connection with a sale, for the seller's own products of the same kind, when they can
    refuse at collection and in every message; section 202 covers marketing to businesses. A
    direct-marketing purpose on legitimate interests that uses e-mail addresses or phone
    numbers of anyone else (prospective customers, website visitors, people who only sent an
    enquiry) breaks section 200, whatever the notice says.

    [fi]
    Sähköposti- ja tekstiviestimarkkinointiin muille kuin asiakkaille tarvitaan ennalta annettu
    suostumus.

    Sähköisen viestinnän palveluista annetun lain (917/2014) 200 §:n mukaan sähköpostin tai
    tekstiviestin avulla toteutettua suoramarkkinointia saa kohdistaa luonnolliseen henkilöön
    vain, jos hän on antanut siihen ennalta suostumuksensa. Pykälän 2 momentti sallii
    markkinoinnin nykyisille asiakkaille, joiden yhteystiedot on saatu myynnin yhteydessä, omista
    samaan tuoteryhmään kuuluvista tuotteista, kun asiakas voi kieltää sen yhteystietoja
    kerättäessä ja jokaisessa viestissä; 202 § koskee markkinointia yrityksille.
    Oikeutettuun etuun perustuva suoramarkkinointi, jossa käytetään muiden (potentiaalisten
    asiakkaiden, sivuston kävijöiden, pelkän yhteydenoton tehneiden) sähköpostiosoitteita tai
    puhelinnumeroita, rikkoo 200 §:ää riippumatta siitä, mitä selosteessa sanotaan.

    [sv]
    Direkt marknadsföring via e-post och sms till andra än kunder kräver samtycke på förhand.

    Enligt 200 § i lagen om tjänster inom elektronisk kommunikation (917/2014) får direkt
    marknadsföring via e-post eller sms riktas till en fysisk person endast om han eller hon har
    gett sitt samtycke på förhand. Enligt 2 mom. i paragrafen får befintliga kunder vars
    kontaktuppgifter har erhållits i samband med en försäljning få marknadsföring om säljarens
    egna produkter inom samma produktgrupp, om kunden kan förbjuda den när kontaktuppgifterna
    samlas in och i varje meddelande; 202 § gäller marknadsföring till företag. Direkt
    marknadsföring som grundar sig på berättigade intressen och använder andras e-postadresser
    eller telefonnummer (potentiella kunders, besökares på webbplatsen, personers som endast har
    skickat en förfrågan) strider mot 200 §, oberoende av vad beskrivningen säger.

    [fail]
    data_subjects: [customers, prospective_customers]
    purposes:
      - id: marketing
        legal_basis: [legitimate_interests]
        direct_marketing: true
        data_categories: [name, email_address]
    [pass]
    data_subjects: [customers, prospective_customers]
    purposes:
      - id: marketing
        legal_basis: [legitimate_interests]
        direct_marketing: true
        data_subjects: [customers]
        data_categories: [name, email_address]
    """
    for r, reg, p, purpose in resolved.purposes():
        if not purpose.direct_marketing or "consent" in purpose.legal_basis \
                or "legitimate_interests" not in purpose.legal_basis:
            continue
        if not any(vocab.electronic_contact(c) for c in purpose_categories(reg, purpose)):
            continue
        others = [s for s in purpose.data_subjects or reg.data_subjects
                  if not term_attr("data_subjects", s, "marketing_without_consent")]
        if others:
            names = [vocab_label("data_subjects", s) if isinstance(s, str) else label(s)
                     for s in others]
            yield ((*purpose_loc(r, p), "direct_marketing"),
                   {"purpose": purpose.id, "subjects": join([_lower(n) for n in names])})


def _lower(name: object) -> dict[str, str]:
    """A label inside a sentence: "Potentiaaliset asiakkaat" → "potentiaaliset asiakkaat"."""
    if isinstance(name, str):  # the user's own words: the same in every language
        return {"en": name}
    return {lang: text[:1].lower() + text[1:] for lang, text in dict(name).items()}  # type: ignore[call-overload]
