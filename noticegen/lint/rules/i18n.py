"""Cross-language checks: every language version must say the same thing.

That every free text exists in every declared language is checked earlier (NG022); these
rules compare what the language versions say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from noticegen.diagnostics import Loc, Severity
from noticegen.l10n import C_, N_, Translated
from noticegen.lint.facts import TextValue, texts
from noticegen.lint.registry import Finding, rule
from noticegen.resolve import ResolvedNotice

E, W = Severity.ERROR, Severity.WARNING

# Language names in the forms the messages need (Finnish declines them: "suomenkielinen teksti",
# "suomenkielisestä tekstistä"): one English word per language, in a context per use.
# TRANSLATORS: the contexts name the form: "text" as in "the Finnish text is shorter", "from
# text" and "in text" as in "the Finnish text does not mention …, which the English text does",
# "language" as in "looks like Finnish".
_NAMES: dict[str, dict[str, Translated]] = {
    "fi": {"nom": C_("text", "Finnish"), "ela": C_("from text", "Finnish"),
           "ine": C_("in text", "Finnish"), "par": C_("language", "Finnish")},
    "en": {"nom": C_("text", "English"), "ela": C_("from text", "English"),
           "ine": C_("in text", "English"), "par": C_("language", "English")},
    "sv": {"nom": C_("text", "Swedish"), "ela": C_("from text", "Swedish"),
           "ine": C_("in text", "Swedish"), "par": C_("language", "Swedish")},
}


def _name(lang: str, case: str) -> Mapping[str, str] | str:
    """A language's name in the form ``case`` needs, in every message language (its code,
    for a language without a name here)."""
    names = _NAMES.get(lang)
    return names[case] if names is not None else lang


def _versions(resolved: ResolvedNotice) -> Iterator[dict[str, TextValue]]:
    """Every free text written per language: {lang: text}, in the notice's language order."""
    groups: dict[Loc, dict[str, TextValue]] = {}
    for value in texts(resolved):
        if value.free_text and value.loc[-1] == value.lang:
            groups.setdefault(value.loc[:-1], {})[value.lang] = value
    for group in groups.values():
        if len(group) > 1:
            yield group


_MIN_CHARS = 80
_RATIO = 0.5


@rule("NG601", "translation-much-shorter", groups=("cross-language",), severity=W,
      message=N_("the {short} text is much shorter than the {long} one ({n} and {m} characters): a "
                 "sentence may be missing"),
      hint=N_("Compare the two texts and translate what is missing; every language version must say the "
              "same."),
      source=N_("GDPR Art. 12(1); WP260 para. 13 (translations)"), user_text=True)
def translation_much_shorter(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A language version much shorter than another has probably lost a sentence.

    Finnish and English texts that say the same thing are of similar length in characters; a
    version less than half as long as the longest (of at least 80 characters) is flagged.

    [fi]
    Kieliversio, joka on paljon lyhyempi kuin toinen, on todennäköisesti menettänyt virkkeen.

    Samaa tarkoittavat suomen- ja englanninkieliset tekstit ovat merkkimäärältään suunnilleen
    yhtä pitkiä; sääntö huomauttaa versiosta, joka on alle puolet pisimmän (vähintään 80 merkin)
    version pituudesta.

    [sv]
    En språkversion som är mycket kortare än en annan har sannolikt tappat en mening.

    Finska, svenska och engelska texter som säger samma sak är ungefär lika långa räknat i
    tecken; regeln påpekar en version som är mindre än hälften så lång som den längsta (på minst
    80 tecken).

    [fail]
    description:
      fi: Asiakassuhteen hoitaminen.
      en: Managing the customer relationship, answering enquiries and keeping customer records.
    [pass]
    description:
      fi: Asiakassuhteen hoitaminen, yhteydenottoihin vastaaminen ja asiakastietojen ylläpito.
      en: Managing the customer relationship, answering enquiries and keeping customer records.
    """
    for group in _versions(resolved):
        lengths = {lang: len(v.text.strip()) for lang, v in group.items()}
        longest = max(lengths, key=lambda lang: lengths[lang])
        for lang, n in lengths.items():
            if lengths[longest] >= _MIN_CHARS and n < _RATIO * lengths[longest]:
                yield group[lang].loc, {"short": _name(lang, "nom"), "long": _name(longest, "nom"),
                                        "n": n, "m": lengths[longest]}


# The lookbehind starts a match only where a run of address characters starts: without it, a long
# word with no "@" is rescanned from every letter (quadratic time).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\bhttps?://([\w.-]+)", re.IGNORECASE)
_STATUTE = re.compile(r"\b(?:\d{1,4}/(?:19|20)\d\d|(?:19|20)\d\d/\d{1,4})\b")


def _facts(text: str, langs: Mapping[str, object]) -> set[str]:
    """The e-mail addresses, web hosts and law numbers of a text. Most texts have none, so each
    pattern runs only where the character it cannot match without is there."""
    found: set[str] = set()
    if "@" in text:
        found.update(m.group(0).rstrip(".").lower() for m in _EMAIL.finditer(text))
    if "://" in text:
        for m in _URL.finditer(text):
            host = m.group(1).lower().rstrip(".").removeprefix("www.")
            head, _, rest = host.partition(".")
            found.add(rest if head in langs and rest else host)  # fi.example.com ~ en.example.com
    if "/" in text:
        text_without_mail = _EMAIL.sub(" ", _URL.sub(" ", text)) if found else text
        found.update(m.group(0) for m in _STATUTE.finditer(text_without_mail))
    return found


@rule("NG602", "fact-divergence", groups=("cross-language",), severity=E,
      message=N_("the {lang} text does not mention {fact}, which the {other} text does"),
      hint=N_("Use the same e-mail addresses, web sites and law numbers in every language, and correct "
              "the one that is wrong."),
      source=N_("GDPR Art. 12(1); WP260 para. 13 (translations)"), user_text=True)
def fact_divergence(resolved: ResolvedNotice) -> Iterator[Finding]:
    """E-mail addresses, web sites and law numbers must be the same in every language.

    The QualityDesk notices gave sales@ in Finnish and privacy@ in English. Facts belong in
    their own fields, written once; in free text, each language must give the same ones.

    [fi]
    Sähköpostiosoitteiden, verkkosivustojen ja säädösnumeroiden on oltava samat kaikilla kielillä.

    QualityDeskin selosteissa suomenkielinen antoi osoitteen sales@ ja englanninkielinen
    osoitteen privacy@. Tosiasiat kuuluvat omiin kenttiinsä, joihin ne kirjoitetaan kerran;
    vapaassa tekstissä jokaisen kieliversion on annettava samat tiedot.

    [sv]
    E-postadresser, webbplatser och författningsnummer ska vara desamma på alla språk.

    I QualityDesks beskrivningar angav den finska versionen adressen sales@ och den engelska
    privacy@. Fakta hör hemma i egna fält, där de skrivs en gång; i fri text ska varje
    språkversion ange samma uppgifter.

    [fail]
    how:
      fi: Lähetä pyyntö osoitteeseen sales@example.fi.
      en: Send your request to privacy@example.fi.
    [pass]
    how:
      fi: Lähetä pyyntö osoitteeseen privacy@example.fi.
      en: Send your request to privacy@example.fi.
    """
    for group in _versions(resolved):
        facts = {lang: _facts(v.text, group) for lang, v in group.items()}
        for lang, value in group.items():
            for other, theirs in facts.items():
                for fact in sorted(theirs - facts[lang]):
                    yield value.loc, {"lang": _name(lang, "ela"), "other": _name(other, "ine"),
                                      "fact": fact}


@rule("NG603", "untranslated-text", groups=("cross-language",), severity=W,
      message=N_("the {lang} text is the same as the {other} one: it has not been translated"),
      hint=N_("Translate the text; each language version must be written in its own language."),
      source=N_("GDPR Art. 12(1); WP260 para. 13 (translations)"), user_text=True)
def untranslated_text(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A text that is identical in two languages has not been translated.

    Texts of four words or more are compared; names and short labels may rightly be the same.

    [fi]
    Teksti, joka on kahdella kielellä täsmälleen sama, on jäänyt kääntämättä.

    Vertailu koskee vähintään neljän sanan tekstejä; nimet ja lyhyet nimikkeet voivat
    perustellusti olla samat.

    [sv]
    En text som är exakt likadan på två språk har inte översatts.

    Jämförelsen gäller texter på minst fyra ord; namn och korta benämningar kan med rätta vara
    likadana.

    [fail]
    description:
      fi: Managing the customer relationship
      en: Managing the customer relationship
    [pass]
    description:
      fi: Asiakassuhteen hoitaminen
      en: Managing the customer relationship
    """
    for group in _versions(resolved):
        seen: dict[str, str] = {}
        for lang, value in group.items():
            key = " ".join(value.text.split()).casefold()
            if key in seen and len(key.split()) >= 4:
                yield value.loc, {"lang": _name(lang, "nom"), "other": _name(seen[key], "nom")}
            seen.setdefault(key, lang)


_STOPWORDS: dict[str, frozenset[str]] = {  # common words that the other languages do not use
    "en": frozenset({"the", "and", "of", "to", "is", "are", "for", "we", "our", "your", "with",
                     "that", "this", "be", "by", "you", "or", "not", "from", "will", "can", "which",
                     "have", "has", "it", "at", "an", "as"}),
    "fi": frozenset({"ja", "ei", "tai", "että", "se", "ovat", "kun", "jos", "sekä", "mukaan", "myös",
                     "kuin", "olla", "joka", "jotka", "niiden", "sen", "tämä", "tietoja", "tiedot",
                     "emme", "voit", "sinun", "meidän", "ole"}),
    "sv": frozenset({"och", "att", "är", "för", "som", "av", "med", "till", "vi", "våra", "det",
                     "den", "inte", "på", "eller", "om", "dina", "har", "kan", "ska", "vid", "från"}),
}
_WORD = re.compile(r"\w+")


@rule("NG604", "text-wrong-language", groups=("cross-language",), severity=W,
      message=N_("the text under `{code}` looks like {other}"),
      hint=N_("Put each text under its own language code: `{{fi: <Finnish text>, en: <English text>}}`."),
      source=N_("GDPR Art. 12(1); WP260 para. 13 (translations)"), user_text=True)
def text_wrong_language(resolved: ResolvedNotice) -> Iterator[Finding]:
    """A text written in the wrong language, or under the wrong code, is missing in its own.

    Texts of six words or more are compared with the commonest words of Finnish, English and
    Swedish: a text with none of its own language's and several of another's is flagged.

    [fi]
    Väärällä kielellä tai väärän kielikoodin alle kirjoitettu teksti puuttuu omalta kieleltään.

    Vähintään kuuden sanan tekstejä verrataan suomen, englannin ja ruotsin yleisimpiin sanoihin:
    sääntö huomauttaa tekstistä, jossa ei ole yhtään oman kielen yleistä sanaa mutta useita
    toisen kielen sanoja.

    [sv]
    En text som är skriven på fel språk, eller under fel språkkod, saknas på sitt eget språk.

    Texter på minst sex ord jämförs med de vanligaste orden i finska, engelska och svenska:
    regeln påpekar en text som inte innehåller något av de vanliga orden i sitt eget språk men
    flera ord från ett annat språk.

    [fail]
    description:
      fi: We send our newsletter to the customers who have asked for it.
      en: We send our newsletter to the customers who have asked for it.
    [pass]
    description:
      fi: Lähetämme uutiskirjeen asiakkaille, jotka ovat tilanneet sen.
      en: We send our newsletter to the customers who have asked for it.
    """
    for value in texts(resolved):
        own_words = _STOPWORDS.get(value.lang)
        if not value.free_text or own_words is None:
            continue
        words = [w.casefold() for w in _WORD.findall(value.text)]
        if len(words) < 6 or any(w in own_words for w in words):
            continue
        hits = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()
                if lang != value.lang}
        other = max(hits, key=lambda lang: hits[lang])
        if hits[other] >= 3:
            yield value.loc, {"code": value.lang, "other": _name(other, "par")}
