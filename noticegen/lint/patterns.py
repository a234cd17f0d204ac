"""Free-text patterns as data: which phrase, in which language, belongs to which rule.

Each row is (rule, languages, regex, parameters). Regexes are compiled once, match case-insensitively,
start on a word boundary and end on one or on a Finnish stem (``\\w*``), so that inflected forms
("henkilötietolain", "henkilötietolaissa") match too. ``*`` means every language: numbers such
as 523/1999 read the same in all of them. The parameters fill the rule's message and hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from noticegen.l10n import N_, Translated

ANY = "*"


@dataclass(frozen=True)
class Pattern:
    rule: str
    langs: frozenset[str]
    source: str
    params: Mapping[str, Mapping[str, str]]
    gate: str | None = None
    """A cheaper regex that every text the pattern matches also matches (its rarest words),
    searched in its place by :func:`may_match`: patterns that start with a common word
    ("ei", "not") would slow down the one search every text of a notice meets."""

    def applies_to(self, lang: str) -> bool:
        return ANY in self.langs or lang in self.langs

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled regex, compiled on first use: most texts are ruled out by a rule's
        combined regex (``_indexed``) and never need their patterns one by one."""
        return _compiled(self.source)


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


def _p(rule: str, langs: str, regex: str, **params: Mapping[str, str]) -> Pattern:
    return Pattern(rule, frozenset(langs.split()), regex, params)


def _gated(rule: str, langs: str, regex: str, gate: str) -> Pattern:
    """A pattern that starts with a common word, with the cheaper ``gate`` for :func:`may_match`."""
    return Pattern(rule, frozenset(langs.split()), regex, {}, gate)


# Finnish negation: the negative verb in every person, with the enclitic -kä ("eikä").
_NEG_FI = r"(?:en|et|ei|emme|ette|eivät|enkä|etkä|eikä|emmekä|ettekä|eivätkä)"

# Sentences are not crossed: "[^.!?]" stands for "anything within the same sentence".
_SAME_SENTENCE = r"[^.!?]{0,80}?"

# --- NG501 law-repealed ------------------------------------------------------------------
_GDPR_AND_TSL = Translated(N_("the GDPR (EU) 2016/679 and the Data Protection Act (1050/2018)"))
_LAW_523 = {"law": Translated(N_("the Personal Data Act (523/1999), repealed in 2019")),
            "replacement": _GDPR_AND_TSL}
_LAW_516 = {"law": Translated(N_("the Act on the Protection of Privacy in Electronic Communications "
                                 "(516/2004), repealed in 2015")),
            "replacement": Translated(N_("the Act on Electronic Communications Services (917/2014)"))}
_LAW_95_46 = {"law": Translated(N_("the Data Protection Directive 95/46/EC, repealed in 2018")),
              "replacement": Translated(N_("the GDPR (EU) 2016/679"))}
_SHIELD = {"law": Translated(N_("the EU-U.S. Privacy Shield, invalidated by the EU Court of Justice in "
                                "2020 (C-311/18)")),
           "replacement": Translated(N_("the EU-U.S. Data Privacy Framework (for certified companies) or "
                                        "standard contractual clauses, under each recipient's "
                                        "`transfers:`"))}

# --- NG502 legacy-term -------------------------------------------------------------------
_ACT_917 = {"why": Translated(N_("the Information Society Code was renamed the Act on Electronic "
                                 "Communications Services in 2021")),
            "instead": Translated(N_("\"the Act on Electronic Communications Services (917/2014)\""))}
_SELOSTE = {"why": Translated(N_("the register description (rekisteriseloste) belonged to the repealed "
                                 "Personal Data Act")),
            "instead": Translated(N_("\"privacy notice\" (tietosuojaseloste)"))}
_ACCESS = {"why": Translated(N_("the GDPR calls it the right of access (Art. 15)")),
           "instead": Translated(N_("\"right of access\""))}
_OBJECT = {"why": Translated(N_("the GDPR calls it the right to object (Art. 21)")),
           "instead": Translated(N_("\"right to object\""))}
_PERSONAL_REGISTER = {"why": Translated(N_("\"personal data file\" (henkilörekisteri) is a term of the "
                                           "repealed Personal Data Act")),
                      "instead": Translated(N_("\"register\" or \"processing of personal data\""))}

# The same old terms in the Swedish of Finland's repealed Personal Data Act (personuppgiftslagen
# 523/1999), with the terms of the Swedish GDPR text (dataskyddsförordningen) instead; sources in
# docs/terms.sv.md.
_SELOSTE_SV = {"why": _SELOSTE["why"],
               "instead": Translated(N_("\"dataskyddsbeskrivning\" (privacy notice)"))}
_CONTROLLER_SV = {"why": Translated(N_("\"registeransvarig\" is the controller of the repealed Personal "
                                       "Data Act")),
                  "instead": Translated(N_("\"personuppgiftsansvarig\" (GDPR Art. 4(7))"))}
_ACCESS_SV = {"why": _ACCESS["why"],
              "instead": Translated(N_("\"rätt till tillgång\""))}
_OBJECT_SV = {"why": _OBJECT["why"],
              "instead": Translated(N_("\"rätt att göra invändningar\""))}
_PERSONAL_REGISTER_SV = {"why": _PERSONAL_REGISTER["why"],
                         "instead": Translated(N_("\"register\" or \"behandling av personuppgifter\""))}
# --- NG511 rights-formality ----------------------------------------------------------------
_FEE = {"why": Translated(N_("requests must be free of charge (Art. 12(5)); a fee is allowed only for "
                             "manifestly unfounded or excessive requests or further copies")),
        "instead": Translated(N_("Say that requests are free of charge."))}
_CHANNEL = {"why": Translated(N_("people must be able to make requests easily, also electronically (Art. "
                                 "12(2), 12(3))")),
            "instead": Translated(N_("Accept requests by e-mail or a web form as well as by post."))}
_ID_COPY = {"why": Translated(N_("further proof of identity may be asked only when there are reasonable "
                                 "doubts about who is asking (Art. 12(6))")),
            "instead": Translated(N_("Say that you may ask for information to confirm the person's "
                                     "identity when you have reasonable doubts, e.g. by a reply from the "
                                     "e-mail address you hold."))}
# A fee, unless the text says the request is free or the fee is for what Art. 12(5)/15(3) allow.
_NO_FREE = (r"(?![^.!?]{0,80}\b(?:lisäjäljennö|lisäkopio|ilmeisen\s+perusteet|kohtuut|"
            r"further\s+cop|additional\s+cop|manifestly|excessive|ytterligare\s+kopi|"
            r"uppenbart\s+ogrundade|orimlig))")

PATTERNS: tuple[Pattern, ...] = (
    # NG501 law-repealed: citations of repealed or invalidated law.
    _p("NG501", ANY, r"\b523/1999\b", **_LAW_523),
    _p("NG501", "fi", r"\bhenkilötietola(?!insäädän)\w*", **_LAW_523),
    _p("NG501", "en", r"\bpersonal\s+data\s+act\b", **_LAW_523),
    _p("NG501", "sv", r"\bpersonuppgiftslag(?:en)?\b", **_LAW_523),
    _p("NG501", ANY, r"\b516/2004\b", **_LAW_516),
    _p("NG501", "fi", r"\bsähköisen\s+viestinnän\s+tietosuojala\w*", **_LAW_516),
    _p("NG501", "en", r"\bact\s+on\s+the\s+protection\s+of\s+privacy\s+in\s+electronic\s+"
                      r"communications\b", **_LAW_516),
    _p("NG501", ANY, r"\b95/46\b", **_LAW_95_46),
    _p("NG501", "en", r"\bdata\s+protection\s+directive\b", **_LAW_95_46),
    _p("NG501", ANY, r"\bprivacy[\s-]+shield\b", **_SHIELD),
    _p("NG501", "fi", r"\byksityisyydensuoja-?järjestel\w*", **_SHIELD),
    # NG502 legacy-term: words of the old law where the GDPR has its own.
    _p("NG502", "fi", r"\btietoyhteiskuntakaar\w*", **_ACT_917),
    _p("NG502", "en", r"\binformation\s+society\s+code\b", **_ACT_917),
    _p("NG502", "fi", r"\brekisteriselost\w*", **_SELOSTE),
    _p("NG502", "en", r"\bregister\s+description\b", **_SELOSTE),
    _p("NG502", "fi", r"\b(?:tarkastusoikeu|tarkastuspyy?n|tarkistusoikeu|tarkistuspyy?n)\w*",
       **_ACCESS),
    _p("NG502", "en", r"\b(?:right\s+(?:of|to)\s+inspect(?:ion)?|requests?\s+to\s+inspect)\b",
       **_ACCESS),
    _p("NG502", "fi", r"\bkielto-?(?:oikeu|pyy?n)\w*", **_OBJECT),
    _p("NG502", "en", r"\bright\s+to\s+prohibit\b", **_OBJECT),
    _p("NG502", "fi", r"\bhenkilörekister\w*", **_PERSONAL_REGISTER),
    _p("NG502", "en", r"\bpersonal\s+data\s+(?:file|register)s?\b", **_PERSONAL_REGISTER),
    _p("NG502", "sv", r"\bregisterbeskrivning\w*", **_SELOSTE_SV),
    _p("NG502", "sv", r"\bregisteransvarig\w*", **_CONTROLLER_SV),
    _p("NG502", "sv", r"\b(?:rätt(?:en)?\s+till\s+insyn|insynsrätt\w*|granskningsrätt\w*)",
       **_ACCESS_SV),
    _p("NG502", "sv", r"\brätt(?:en)?\s+att\s+förbjuda\b", **_OBJECT_SV),
    _p("NG502", "sv", r"\bpersonregist\w*", **_PERSONAL_REGISTER_SV),
    # NG503 consent-by-acceptance: reading or using is not consent.
    _p("NG503", "fi", r"\bhyväksy\w*\s+(?:[\w:-]+\s+){0,3}tietosuoja\w*"),
    _p("NG503", "fi", r"\b(?:käyttämällä|jatkamalla|selaamalla|lähettämällä)\s+(?:[\w:-]+\s+){0,5}"
                      r"(?:hyväksy\w*|suostu\w*|annat\s+suostumuk\w*)"),
    _p("NG503", "en", r"\baccepts?\s+(?:[\w-]+\s+){0,8}privacy\s+(?:statement|policy|notice)"),
    _p("NG503", "en", r"\bby\s+(?:using|continuing\s+to\s+(?:use|browse)|browsing|visiting|"
                      r"submitting|sending)\b[^.!?]{0,60}?\byou\s+(?:hereby\s+)?"
                      r"(?:agree|accept|consent)\b"),
    _p("NG503", "en", r"\byou\s+(?:hereby\s+)?(?:agree|consent)\s+to\s+(?:this|our|the)\s+privacy\s+"
                      r"(?:statement|policy|notice)"),
    _p("NG503", "sv", r"\bgodkänner\s+(?:\w+\s+){0,4}(?:integritets|dataskydds)\w*"),
    # NG504 consent-open-ended: consent to purposes that are not named.
    _p("NG504", "en", r"\b(?:other|any|such)\s+(?:other\s+)?purposes?\s+(?:to\s+which\s+|for\s+which\s+|"
                      r"that\s+)?you\s+(?:have\s+|may\s+have\s+)?(?:consented|agreed|given\s+"
                      r"(?:your\s+)?consent)"),
    _p("NG504", "fi", r"\bmuihin\s+(?:\w+\s+){0,2}\w*tarkoituksiin\W+(?:\w+\s+){0,5}suostu\w*"),
    # NG505 retention-vague: no period at all.
    _p("NG505", "en", r"\b(?:for\s+)?as\s+long\s+as\s+(?:is\s+|it\s+is\s+)?(?:necessary|needed|"
                      r"required|appropriate)\b"),
    _p("NG505", "en", r"\bfor\s+the\s+(?:time|period)\s+(?:necessary|needed|required)\b"),
    _p("NG505", "fi", r"\bniin\s+kauan\s+kuin\s+(?:se\s+on\s+|on\s+)?(?:tarpeen|tarpeellista|"
                      r"tarpeellinen|välttämätöntä|tarvitaan|edellytetään)\b"),
    _p("NG505", "fi", r"\b(?:tarpeellisen|tarpeen\s+vaatiman|välttämättömän|tarpeelliseksi\s+"
                      r"katsotun|edellyttämän|vaatiman)\s+ajan\b"),
    _p("NG505", "fi", r"\bniin\s+(?:kauan|pitkään)\s+kuin\s+(?:[\w:-]+\s+){0,3}?(?:tarpee\w*|"
                      r"välttämätön\w*|tarvi\w*|edellyt\w*|vaati\w*)"),
    _p("NG505", "fi", r"\bkun\s+(?:niitä|tietoja|ne|tiedot)\s+" + _NEG_FI + r"\s+(?:enää\s+)?"
                      r"(?:tarvita|tarvitse|ole\s+tarpee\w*)"),
    _p("NG505", "en", r"\b(?:while|as\s+long\s+as)\s+(?:we\s+(?:still\s+)?need|(?:it\s+is|they\s+are)\s+"
                      r"(?:still\s+)?(?:needed|necessary|required))\b"),
    _p("NG505", "en", r"\b(?:when|once)\s+(?:they\s+are|it\s+is|(?:the\s+)?(?:data|information)\s+"
                      r"(?:are|is))\s+no\s+longer\s+(?:needed|necessary|required)\b"),
    _p("NG505", "sv", r"\bså\s+länge\s+(?:som\s+)?(?:det\s+)?(?:är\s+)?(?:nödvändigt|behövs)"),
    _gated("NG505", "sv", r"\binte\s+längre\s+än\s+(?:vad\s+som\s+)?(?:är\s+)?(?:nödvändigt|behövs)",
           r"\blängre\s+än"),
    _p("NG505", "en", r"\bno\s+longer\s+than\s+(?:is\s+|it\s+is\s+)?(?:necessary|needed|required)\b"),
    _gated("NG505", "fi", r"\b" + _NEG_FI + r"\s+(?:[\w:-]+\s+){0,2}(?:pidempään|kauemmin|"
                          r"pidemmän\s+aikaa)\s+"
                          r"kuin\s+(?:[\w:-]+\s+){0,2}(?:tarpee\w*|välttämätön\w*)",
           r"\b(?:pidempään|kauemmin|pidemmän\s+aikaa)\s+kuin"),
    _p("NG505", "sv", r"\bnär\s+(?:de|dessa|uppgifterna)\s+inte\s+längre\s+(?:behövs|är\s+nödvändiga)"),
    # NG506 hedging: purposes that say what might happen.
    _p("NG506", "en", r"\b(?:may|might|possibly)\b"),
    _p("NG506", "en", r"\b(?:e\.g\.|etc\b\.?)"),
    _p("NG506", "fi", r"\b(?:voimme|voidaan|saatamme|saatetaan|saattaa|saattavat|mahdollisesti)\b"),
    _p("NG506", "fi", r"\b(?:esim\.|jne\b\.?|tms\b\.?)"),
    _p("NG506", "sv", r"\b(?:kan\s+komma\s+att|eventuellt|t\.ex\.|m\.m\.)"),
    # NG507 signed-request: demands for signed letters.
    _p("NG507", "fi", r"\ballekirjoite(?:ttu|tulla|tun|tussa|tut|ttuna)\s+(?:\w+\s+){0,2}"
                      r"(?:pyyn\w*|kirje\w*|kirjalli\w*|lomak\w*|asiakirj\w*)"),
    _p("NG507", "fi", r"\bkirjalli\w*\s*(?:ja|sekä|,)\s*(?:omakätisesti\s+)?allekirjoite\w*"),
    _p("NG507", "sv", r"\b(?:egenhändigt\s+)?undertecknad\w*"),
    _p("NG507", "fi", r"\bomakätisesti\s+allekirjoite\w*"),
    _p("NG507", "en", r"\bsigned\s+(?:and\s+dated\s+)?(?:written\s+)?(?:letter|request|document|form)s?\b"),
    _p("NG507", "en", r"\b(?:in\s+writing|written)\s+and\s+(?:personally\s+)?signed\b"),
    _p("NG507", "en", r"\bpersonally\s+signed\b"),
    _p("NG507", "en", r"\bmust\s+be\s+(?:\w+\s+)?signed\b"),
    # NG508 check-page-regularly: changes announced only by "check this page".
    _p("NG508", "en", r"\b(?:check|review|visit|consult|read)\s+(?:this\s+(?:page|notice|policy|statement)|"
                      r"our\s+(?:website|site|privacy\s+(?:policy|notice|statement))|it|back)\s+"
                      r"(?:\w+\s+){0,2}(?:regularly|periodically|frequently|from\s+time\s+to\s+time)\b"),
    _p("NG508", "fi", r"\b(?:seura|tarkist|tutustu|luke|lue)\w*\s+(?:[\w:-]+\s+){0,4}säännöllisesti\b"),
    _p("NG508", "fi", r"\bsäännöllisesti\s+(?:[\w:-]+\s+){0,2}(?:seura|tarkist|tutustu)\w*"),
    # NG511 rights-formality: fees, visits, post only, ID copies.
    _p("NG511", "fi", r"\b(?:maksu|maksun|hinta|veloit\w*|toimistomaksu\w*|käsittelymaksu\w*)\b"
                      r"(?:\s+(?:on|peritään|\w+))?\s+(?:\d+|kohtuullin\w*)" + _NO_FREE, **_FEE),
    _p("NG511", "fi", r"\b(?:peri\w*|veloit\w*)\s+(?:\w+\s+){0,3}(?:maksu\w*|\d+\s*(?:€|e\b|euro))"
                      + _NO_FREE, **_FEE),
    _p("NG511", "en", r"\b(?:a|an\s+administrative|a\s+handling|a\s+processing|a\s+reasonable)\s+"
                      r"(?:fee|charge)\b" + _NO_FREE, **_FEE),
    _p("NG511", "en", r"\bfor\s+a\s+fee\b" + _NO_FREE, **_FEE),
    _p("NG511", "sv", r"\ben\s+(?:rimlig\s+|administrativ\s+)?avgift\b" + _NO_FREE, **_FEE),
    _p("NG511", "fi", r"\b(?:vain|ainoastaan|pelkästään)\s+(?:kirjeitse|postitse|henkilökohtaisesti|"
                      r"paikan\s+päällä|toimisto\w*)", **_CHANNEL),
    _p("NG511", "fi", r"\b(?:on|tulee)\s+(?:tehtävä|toimitettava|lähetettävä|esitettävä|jätettävä)\s+"
                      r"(?:\w+\s+){0,2}(?:kirjeitse|postitse|henkilökohtaisesti|paikan\s+päällä)",
       **_CHANNEL),
    _p("NG511", "fi", r"\bhenkilökohtaisesti\s+(?:\w+\s+){0,2}(?:toimipisteessä|toimistolla\w*|"
                      r"asioimalla)", **_CHANNEL),
    _p("NG511", "en", r"\b(?:only|solely|exclusively)\s+(?:by\s+(?:post|mail|letter|registered\s+"
                      r"mail)|in\s+person|at\s+our\s+(?:office|premises))", **_CHANNEL),
    _p("NG511", "en", r"\bin\s+person\s+(?:\w+\s+){0,2}(?:at\s+our|at\s+the)\s+(?:office|premises|"
                      r"shop|store)", **_CHANNEL),
    _p("NG511", "en", r"\bmust\s+(?:be\s+)?(?:sent|made|submitted|delivered)\s+(?:\w+\s+){0,2}"
                      r"by\s+(?:post|mail|letter)", **_CHANNEL),
    _p("NG511", "sv", r"\b(?:endast|bara|enbart)\s+(?:per\s+post|brevledes|med\s+post|personligen|"
                      r"på\s+vårt\s+kontor)", **_CHANNEL),
    _p("NG511", "fi", r"\b(?:kopio\w*|jäljenn\w*|valokopio\w*)\s+(?:\w+\s+){0,2}"
                      r"(?:henkilöllisyystodistu\w*|passi\w*|ajokorti\w*|henkilökorti\w*)", **_ID_COPY),
    _p("NG511", "fi", r"\b(?:henkilöllisyystodistu\w*|passi\w*|ajokorti\w*|henkilökorti\w*)\s+"
                      r"(?:\w+\s+){0,1}(?:kopio\w*|jäljenn\w*|valokopio\w*)", **_ID_COPY),
    _p("NG511", "en", r"\b(?:copy|copies|scan|photocopy)\s+of\s+(?:your\s+|a\s+|an\s+)?(?:valid\s+)?"
                      r"(?:passport|ID\b|identity\s+(?:card|document)|driving\s+licen[cs]e|"
                      r"driver's\s+license)", **_ID_COPY),
    _p("NG511", "sv", r"\bkopia\s+(?:av\s+)?(?:ditt\s+|din\s+)?(?:pass|id-handling|legitimation|"
                      r"körkort)\w*", **_ID_COPY),
    # NG509 authority-old-address: the Data Protection Ombudsman moved in 2020.
    _p("NG509", ANY, r"\bRatapihantie\s+9\b"),
    _p("NG509", ANY, r"\bP[LB]\s*800\s*,?\s*00521\b"),
    # NG201 transfer-denial-contradiction: "no transfers outside the EU/EEA".
    _gated("NG201", "fi", r"\b" + _NEG_FI + r"\s+(?:[\w:-]+\s+){0,3}(?:siirr\w*|siirret\w*|luovut\w*|"
                          r"käsitel\w*|lähet\w*|tallenn\w*)\b" + _SAME_SENTENCE
                          + r"\b(?:EU|ETA|Euroopan)\w*" + _SAME_SENTENCE + r"\bulkopuol\w*",
           r"\bulkopuol\w*"),
    _p("NG201", "fi", r"\b(?:EU|ETA|Euroopan)\w*" + _SAME_SENTENCE + r"\bulkopuolel\w*\s+"
                      r"(?:[\w:-]+\s+){0,2}(?:ei|eikä)\s+(?:[\w:-]+\s+){0,2}(?:siirretä|luovuteta)\b"),
    _gated("NG201", "en", r"\b(?:not|never|don't|doesn't|won't|didn't)\s+(?:\w+\s+){0,2}leav\w*\s+"
                          r"(?:the\s+)?(?:EU|EEA|"
                          r"European)", r"\bleav\w*\s+(?:the\s+)?(?:EU|EEA|European)"),
    _p("NG201", "en", r"\b(?:only|solely|exclusively)\s+(?:within|inside|in)\s+(?:the\s+)?(?:EU|EEA|"
                      r"European)"),
    _gated("NG201", "sv", r"\b(?:inte|aldrig)\s+(?:[\w-]+\s+){0,3}?(?:överför\w*|lämna\w*|skicka\w*|"
                          r"lagra\w*|behandla\w*)\b" + _SAME_SENTENCE + r"\butanför\s+(?:EU|EES|Europa)",
           r"\butanför\s+(?:EU|EES|Europa)"),
    _gated("NG201", "sv", r"\b(?:överför\w*|lämna\w*|skicka\w*|lagra\w*|behandla\w*)\s+"
                          r"(?:[\w-]+\s+){0,2}?"
                          r"(?:inte|aldrig)\b" + _SAME_SENTENCE + r"\butanför\s+(?:EU|EES|Europa)",
           r"\butanför\s+(?:EU|EES|Europa)"),
    _p("NG201", "en", r"\b(?:no|not|never|don't)\s+(?:\w+\s+){0,3}(?:transfer\w*|transmit\w*|send|sent|"
                      r"move[ds]?|disclosed|processed|stored)\b" + _SAME_SENTENCE
                      + r"\boutside\s+(?:of\s+)?(?:the\s+)?(?:EU|EEA|European)"),
    # NG202 disclosure-denial-contradiction: "not disclosed to third parties".
    _gated("NG202", "fi", r"\b" + _NEG_FI + r"\s+(?:[\w:-]+\s+){0,3}(?:luovut\w*|anne\w*|anna\w*|jaa\w*|"
                          r"jae\w*|myy\w*)\s+(?:[\w:-]+\s+){0,3}(?:ulkopuolisille|kolmansille|muille|"
                          r"eteenpäin|kenellekään)\b",
           r"\b(?:ulkopuolisille|kolmansille|muille|eteenpäin|kenellekään)\b"),
    _p("NG202", "en", r"\b(?:not|never)\s+(?:be\s+)?(?:disclosed|shared|given|passed\s+on|handed\s+over)"
                      r"\s+(?:\w+\s+){0,3}(?:to|with)\s+(?:any\s+)?(?:other\s+)?third[\s-]+part(?:y|ies)\b"),
    _gated("NG202", "en", r"\b(?:not|never|don't|doesn't|won't|didn't)\s+(?:\w+\s+){0,3}(?:sell|"
                          r"share|disclose|give|pass|sold|"
                          r"shared|disclosed|given|passed)\b[^.!?]{0,60}?\b(?:anyone|anybody|"
                          r"third[\s-]+part(?:y|ies))\b",
           r"\b(?:anyone|anybody|third[\s-]+part(?:y|ies))\b"),
    _gated("NG202", "sv", r"\b(?:lämnas|delas|säljs|lämnar|delar|säljer)\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:inte|aldrig)\s+"
                          r"(?:ut\s+)?(?:[\w-]+\s+){0,3}?(?:till|med)\s+(?:tredje\s+part|någon|andra|"
                          r"utomstående)", r"\b(?:tredje\s+part|någon|andra|utomstående)\b"),
    _p("NG202", "en", r"\bdo(?:es)?\s+not\s+(?:share|disclose|give)\s+(?:\w+\s+){0,4}(?:to|with)\s+"
                      r"(?:any\s+)?(?:other\s+)?third[\s-]+part(?:y|ies)\b"),
    # NG512 consequence-restates-obligation: "the law obliges us to ..." is not a consequence.
    _p("NG512", "en", r"\b(?:the\s+)?(?:law|act|legislation)\s+(?:obliges|obligates|requires|"
                      r"compels)\s+us\b"),
    _p("NG512", "en", r"\bwe\s+are\s+(?:legally\s+)?(?:obliged|required|bound|obligated)\s+"
                      r"(?:by\s+law\s+)?to\b"),
    _p("NG512", "en", r"\b(?:required|obliged)\s+by\s+law\s+to\b"),
    _p("NG512", "fi", r"\b\w*(?:laki|lainsäädäntö|säädös)\s+velvoittaa\s+meidät\b"),
    _p("NG512", "fi", r"\bolemme\s+(?:\w*lain\s+mukaan\s+|lakisääteisesti\s+)?(?:velvollisia|"
                      r"velvoitettuja)\b"),
    _p("NG512", "fi", r"\b\w*lain\s+mukaan\s+meidän\s+(?:on|täytyy)\b"),
    _p("NG512", "sv", r"\b(?:lagen|\w*lagen)\s+(?:ålägger|kräver\s+att|förpliktar)\s+oss\b"),
    _p("NG512", "sv", r"\bvi\s+är\s+(?:enligt\s+lag\s+)?(?:skyldiga|förpliktade)\s+att\b"),
    # NG203 anonymity-claim: "anonymous" data that single out a device.
    _p("NG203", "en", r"\banonymous(?:ly)?\b"),
    _p("NG203", "en", r"\b(?:cannot|can\s*not|can't|not\s+possible\s+to)\s+(?:be\s+)?(?:\w+\s+)?identif\w*"),
    _p("NG203", "fi", r"\banonyym\w*"),
    _gated("NG203", "fi", r"\b" + _NEG_FI + r"\s+(?:[\w:-]+\s+){0,4}(?:voida|voi|pysty\w*|"
                          r"ole\s+mahdollista)\s+(?:[\w:-]+\s+){0,2}"
                          r"tunnista\w*", r"\btunnista\w*"),
    _p("NG203", "sv", r"\banonym\w*"),
    _gated("NG203", "sv", r"\b(?:kan|går)\s+(?:\w+\s+){0,2}inte\s+(?:att\s+)?identifiera\w*",
           r"\bidentifiera\w*"),
)
"""Every free-text pattern, in the order they are tried."""


@cache
def _indexed(rule: str, lang: str) -> tuple[re.Pattern[str] | None, tuple[Pattern, ...]]:
    """One rule's patterns for ``lang``, and all of them as one regex to rule texts out fast."""
    found = tuple(p for p in PATTERNS if p.rule == rule and p.applies_to(lang))
    return _one_regex(found), found


SCOPED = frozenset({"NG511"})
"""Rules whose patterns are searched only in a few texts (NG511: those under ``rights:``), by
the rule itself: left out of :func:`may_match`, whose one regex every text of a notice meets."""


@cache
def _any_rule(lang: str) -> re.Pattern[str] | None:
    """Every pattern for ``lang`` as one regex: a text it does not match, no rule's matches.
    One search over all of them takes about half as long as one per rule."""
    found = [p for p in PATTERNS if p.applies_to(lang) and p.rule not in SCOPED]
    if not found:
        return None
    return re.compile("|".join(f"(?:{p.gate or p.source})" for p in found), re.IGNORECASE)


def _one_regex(patterns: Sequence[Pattern]) -> re.Pattern[str] | None:
    """Any of ``patterns`` as one regex; None when there are none."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.source})" for p in patterns), re.IGNORECASE)


def may_match(lang: str, text: str) -> bool:
    """Whether any rule's pattern could match ``text``; False rules it out for every rule."""
    combined = _any_rule(lang)
    return combined is not None and combined.search(text) is not None


def search(rule: str, lang: str, text: str) -> Iterator[tuple[Pattern, re.Match[str]]]:
    """Each of the rule's patterns that matches ``text``, with its first match."""
    combined, found = _indexed(rule, lang)
    if combined is None or not combined.search(text):
        return
    for pattern in found:
        match = pattern.regex.search(text)
        if match is not None:
            yield pattern, match


def excerpt(match: re.Match[str], limit: int = 70) -> str:
    """The matched words on one line, shortened for a message."""
    text = " ".join(match.group(0).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
