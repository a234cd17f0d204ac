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


def _gated(rule: str, langs: str, regex: str, gate: str, **params: Mapping[str, str]) -> Pattern:
    """A pattern that starts with a common word, with the cheaper ``gate`` for :func:`may_match`."""
    return Pattern(rule, frozenset(langs.split()), regex, params, gate)


# Finnish negation: the negative verb in every person, with the enclitic -kä ("eikä").
_NEG_FI = r"(?:en|et|ei|emme|ette|eivät|enkä|etkä|eikä|emmekä|ettekä|eivätkä)"

# Sentences are not crossed: "[^.!?]" stands for "anything within the same sentence".
_SAME_SENTENCE = r"[^.!?]{0,80}?"

# --- shared words of the free-text patterns (#16) ------------------------------------------
# Owners say the same thing with other verbs, persons, moods and word orders. These lists are
# the words, as stems that take every inflection; the patterns below combine them in either
# order within one clause, so that a new phrasing needs a new word here rather than a new
# pattern. A gap of a few words stands for the free word order of Finnish and Swedish.

_WORD = r"[\w:-]+"


def _gap(words: int) -> str:
    """Up to ``words`` words, each followed by white space (within one sentence)."""
    return rf"(?:{_WORD}\s+){{0,{words}}}?"


# Need: "tarpeen", "tarpeellista", "tarvitaan", "välttämätöntä", "perusteltua", "käyttöä".
_NEED_FI = (r"(?:tarpee\w*|tarvi\w*|välttämät\w*|edellyt\w*|vaati\w*|vaadi\w*|perustel\w*|"
            r"aiheellis\w*|tarkoituksenmukais\w*|käyttöä|katso\w*|käyttökelpois\w*|hyödyllis\w*|"
            r"ajantasais\w*|ajankohtais\w*|oleellis\w*|olennais\w*|"
            # What the law permits or obliges: "niin kauan kuin laki sallii / velvoittaa" (s12).
            r"salli\w*|velvoitt\w*|määrää\w*)")
# "Niin kauan", "niin pitkään", "niin pitkä", "niin pitkän ajan"; "pidempään", "kauempaa" (s11).
_LONG_FI = r"(?:kauan|pitkään|pitkä\w*(?:\s+aika\w*|\s+aja\w*)?)"
_LONGER_FI = (r"(?:pidempään|pitempään|kauemmin|kauempaa|kauemmaksi|pidemmän\s+aikaa|"
              r"pidempää\s+aikaa)")
# Keeping or deleting: the verbs of a retention sentence.
_KEEP_FI = r"\b(?:säily\w*|säilö\w*|poist\w*|hävit\w*|tuho\w*|tallenn\w*|pidä\w*|pidetään)"
# A time that is only "what is needed": "tarvittavan ajan", "kohtuullisen ajan".
_NEED_TIME_FI = (r"(?:tarpeelli\w*|tarvitta\w*|välttämättömä\w*|kohtuulli\w*|edellyttämä\w*|"
                 r"vaatima\w*|katsoma\w*|katsotu\w*|sallima\w*|velvoittama\w*|määräämä\w*|"
                 r"harkitse\w*|arvioima\w*|rajoittamattoma\w*|määräämättömä\w*)")
# A sentence that states a duration ("kaksi vuotta", "12 months", "i två år") is not vague:
# NG505's matches in such a sentence are dropped (:data:`_UNLESS`), wherever the duration stands.
_NUMBER = (r"(?:\d+|an?|yh\w+|kah\w+|kaksi|kolm\w+|nelj\w+|viid\w+|viisi|kuu\w+|seitsem\w+|kahdeksa\w+|"
           r"yhdeksä\w+|kymmen\w+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
           r"ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tolv)")
_DURATION = (r"\b" + _NUMBER + r"\s+(?:vuo\w*|kuukau\w*|päiv\w*|viiko\w*|year\w*|month\w*|day\w*|"
             r"week\w*|år\w*|månad\w*|dag\w*|veck\w*)")

# Using a site, sending a form, ordering, joining: the acts that are not consent (NG503).
# Instructive ("käyttämällä"), temporal ("lähettäessään") and "kun"/"jos" clauses.
_MEANS_FI = (r"(?:\b(?:käyttä|jatka|selaa|lähettä|tilaa|rekisteröity|täyttä|liitty|anta|teke|osta|"
             r"vieraile|kirjautu|asioi|siirty|ilmoittautu|luo|lataa)m[aä]ll[aä]\b|"
             r"\b(?:käyttä|lähettä|rekisteröity|liitty|tilat|täyttä|osta|vieraill|kirjautu|asioid|"
             r"anta|tehd|jatka|selat|ilmoittautu|siirty)ess[aä]\w*|"
             r"\b(?:kun|jos)\s+(?:\w+\s+){0,2}?(?:käytä|käyttä|jatka|selaa|lähetä|lähettä|tilaa|"
             r"täytä|täyttä|liity|liitty|vieraile|rekisteröidy|rekisteröity|kirjaudu|kirjautu|"
             r"osta|teet|tekee|annat|antaa|asioi|ilmoittaudu|siirry)\w*)")
# Accepting or consenting; the noun "suostumus" only when given ("annat suostumuksesi") or
# when an act "means" it: "peruuttaa suostumuksesi lähettämällä…" withdraws, it does not give.
_ACCEPT_FI = (r"(?:hyväksy\w*|suostu(?!mu)\w*|salli\w*|sitoutu\w*|(?:anna|anta)\w*\s+(?:\w+\s+)?"
              r"(?:suostumu|lupa|luva)\w*|"
              r"(?:merkitse\w*|tarkoitta\w*|katsotaan)\s+(?:\w+\s+){0,2}?suostumu\w*)")
_ACCEPT_SV = (r"(?:godkänner|godkänt|samtycker|samtyckt|accepterar|accepterat|(?:ger|lämnar)\s+"
              r"(?:\w+\s+){0,2}samtycke\w*)")
_MEANS_SV = (r"\b(?:genom\s+att|när|om)\s+(?:du\s+|användaren\s+|kunden\s+)?(?:\w+\s+){0,2}?"
             r"(?:använd\w*|skicka\w*|fortsätt\w*|besök\w*|handla\w*|registrera\w*|surfa\w*|"
             r"beställ\w*|fyll\w*|skapa\w*|ange\w*|uppge\w*)\b")
_MEANS_EN = (r"\bby\s+(?:continuing\s+to\s+)?(?:using|use|browsing|browse|visiting|submitting|sending|"
             r"signing\s+up|registering|ordering|purchasing|buying|accessing|providing|entering|"
             r"filling|creating|completing|placing|making|continuing|navigating|staying|shopping)\b")

# Signatures and the requests they are demanded on (NG507).
_SIGNED_FI = r"(?:allekirjoi\w*|omakätis\w*|nimikirjoit\w*)"
_REQUEST_FI = r"(?:\w*pyyn\w*|\w*kirje\w*|kirjalli\w*|asiakirj\w*|\w*lomak\w*|\w*hakemu\w*)"
_SIGNED_EN = r"(?:signed\b(?!\s+up)|signature\w*|sign\b(?!\s+(?:up|in|into|out)\b))"
_REQUEST_EN = r"(?:requests?|letters?|applications?|forms?)\b"
_SIGNED_SV = r"(?:undertecknad\w*|underskri\w*|signera\w*|egenhändig\w*)"
_REQUEST_SV = r"(?:begäran\w*|ansökan\w*|brev\w*|blankett\w*)"

# Transfers abroad (NG201): the verbs, and where to. "EU"/"ETA" as whole words ("etänä" is not).
_EU_FI = r"(?:\b(?:EU|ETA)(?::\w+|-\w+)?\b|\bEuroopan\s+(?:unioni|talousalue)\w*)"
_MOVE_FI = (r"(?:siirr\w*|siirt\w*|siirret\w*|luovut\w*|luovute\w*|käsitel\w*|lähet\w*|tallenn\w*|"
            r"vie(?:dä|dään|tä|mme)\b|viety\w*|"
            # The data as subject: "eivät siirry / päädy / kulje" (s12).
            r"siirty\w*|päädy\w*|päätyv\w*|kulje\w*|kulke\w*|välit\w*)")
_ABROAD_FI = (r"(?:(?:" + _EU_FI + r"|\b(?:Suomen|Pohjoismaiden|Euroopan))[^.!?]{0,40}?\bulkopuol\w*|"
              r"\bkolmansi\w*\s+mai\w*|"
              r"\bkolmanteen\s+maahan|\bmuihin\s+maihin|\bulkomail\w*)")
_ABROAD_EN = (r"(?:\boutside\s+(?:of\s+)?(?:the\s+)?(?:EU|EEA|European|Europe)|\b(?:to|in)\s+"
              r"(?:any\s+)?(?:third|other|non-EU|non-EEA)\s+countr\w*|\babroad\b)")
_ABROAD_SV = r"(?:\butanför\s+(?:EU|EES|Europa)|\btredje\s*land\w*|\btredjeländer\w*)"

# Disclosure (NG202): the verbs, and to whom.
_GIVE_FI = (r"(?:luovut\w*|luovute\w*|anne\w*|anna\w*|anta\w*|jaa\w*|jae\w*|jaka\w*|myy\w*|välit\w*|"
            r"siirr\w*|siirret\w*|vuokra\w*)")
_OTHERS_FI = (r"(?:ulkopuolisille|ulkopuolisten\s+(?:\w+\s+)?käyttöön|kolmansille|kolmansien\s+"
              r"(?:\w+\s+)?käyttöön|muille|muiden\s+käyttöön|eteenpäin|kenellekään|(?:yrityksen|"
              r"yhtiön|organisaation|rekisterinpitäjän|konsernin|yrityksemme)\s+ulkopuolelle|"
              # "muiden yritysten kanssa"; any body's outside ("seuran ulkopuolelle") but a place's
              # ("EU:n", "Suomen", "ETA-alueen": NG201's) (s11).
              r"(?:muiden|kolmansien|ulkopuolisten)\s+(?:\w+\s+)?kanssa|(?<![:-])\b(?!(?:eu|eta|"
              r"euroopan|talousalueen|unionin|suomen|maan|alueen|rajojen|valtion|maiden|"
              r"pohjoismaiden)\b)\w{3,}n\s+ulkopuolelle)")
_OTHERS_EN = (r"(?:anyone|anybody|third[\s-]+part(?:y|ies)|other\s+(?:compan(?:y|ies)|"
              r"organi[sz]ations?|business(?:es)?|firms?|part(?:y|ies))|outside\s+(?:part(?:y|ies)|"
              r"organi[sz]ations?|compan(?:y|ies)))\b")

# "Only in Finland": home places whose only-ness denies transfers (NG201) (s11).
_HOME_FI = (r"\b(?:Suomessa|Suomen\s+(?:alueella|rajojen\s+sisällä|sisällä)|kotimaassa|Euroopassa|"
            r"EU:ssa|ETA:ssa|EU-alueella|ETA-alueella|Pohjoismaissa)\b")
# To whom data are not given, in Swedish (NG202) (s11).
_OTHERS_SV = (r"(?:vidare|tredje\s+part\w*|utomstående|någon\s+annan|några\s+andra|andra\s+"
              r"(?:företag|organisationer|aktörer))\b")
# Linked to a person: the other half of an anonymity claim (NG203) (s11).
_SOMEONE_FI = (r"\b(?:yksittäi\w*|henkilöön|käyttäjään|kävijään|sinuun|kehenkään|tiettyyn|"
               r"luonnolliseen|asiakkaaseen)")
_LINKED_SV = r"\b(?:kopplas|knytas|härledas|spåras|hänföras)\b"
_SOMEONE_SV = (r"(?:dig|en\s+enskild|enskild\w*|en\s+viss|en\s+specifik|någon|person\w*|individ\w*|"
               r"användar\w*|besökar\w*)\b")
_LINKED_EN = (r"\b(?:linked|traced|tied|connected|attributed|associated|matched|link|trace|tie|connect|"
              r"attribute|associate|match)\s+(?:back\s+)?(?:to|with)\s+(?:you\b|an?\s+(?:individual|"
              r"person|specific|particular|identifiable)|any\s+(?:individual|person|one)|individuals|"
              r"specific\s+(?:person|individual|user)s?|users?\b|visitors?\b|your\s+identity)")

# --- session 12: retention words as families (NG505) ----------------------------------------
# Not after a negative verb: "emme tallenna pysyvästi", "Toistaiseksi emme tallenna".
_NOT_NEG_FI = "".join(rf"(?<!\b{neg}\s)" for neg in (
    "en", "et", "ei", "emme", "ette", "eivät", "enkä", "etkä", "eikä", "emmekä", "ettekä", "eivätkä"))
# Keeping (not deleting) in every person, mood and the passive: "säilytetään", "säilytämme",
# "säilyvät", "tallennamme", "pidämme tallessa", "arkistoidaan".
_STORE_FI = _NOT_NEG_FI + r"\b(?:säily\w*|säilö\w*|tallenn\w*|tallete\w*|pidä\w*|pidetään|arkistoi\w*)"
# Without end: "pysyvästi", "ikuisesti", "loputtomiin", "määräajatta", "ilman määräaikaa",
# "rajoittamattoman ajan", and "toistaiseksi" / "kunnes toisin ilmoitetaan" (until further notice).
_ENDLESS_FI = (r"\b(?:pysyvästi|ikuisesti|loputtomiin|rajattomasti|määräajatta|"
               # Not "toistaiseksi voimassa olevan asiakassuhteen ajan": a relationship's time.
               r"toistaiseksi(?!\s+(?:voimassa|jatkuv))|"
               r"ilman\s+(?:määrä|aika|takaraja)\w*|kunnes\s+toisin\s+(?:ilmoite|päätet|sovi)\w*|"
               r"(?:rajoittamattoma|rajattoma|määräämättömä|määrittelemättömä|toistaiseksi\s+"
               r"jatkuva)\w*\s+aja(?:n|ksi)\b)")
# Deleted "now and then", with no period: "säännöllisesti", "määräajoin", "ajoittain",
# "aika ajoin", "aikanaan", "jossain vaiheessa", "ajan myötä".
_NOW_AND_THEN_FI = (r"\b(?:säännöll\w*|määräajoin|ajoittain|aika\s+ajoin|aikanaan|jossain\s+"
                    r"vaiheessa|ajan\s+myötä|aikojen\s+kuluessa)")
_DELETE_FI = r"\b(?:poist\w*|hävit\w*|tuho\w*|karsi\w*|siivo\w*|anonymisoi\w*|tyhjenn\w*)"
# The period "depends" or "varies" or is decided case by case: no period, no criteria.
_DEPENDS_FI = (r"(?:riippu\w*|vaihtel\w*|arvioi\w*\s+tapauskohtaisesti|määrit\w*\s+tapauskohtaisesti|"
               r"tapauskohtai\w*|harkitaan)")
_REGULARLY_SV = r"\b(?:regelbundet|med\s+jämna\s+mellanrum|då\s+och\s+då|emellanåt|ibland|periodvis)\b"
# Reading the notice again (NG508), in Swedish: the verbs, and what is read.
_READ_SV = (r"\b(?:läs|besök|kontroller|granska|följ|ta\s+del\s+av|tar\s+del\s+av|se\s+över|"
            r"titta\s+på)\w*")
_PAGE_SV = r"(?:\w*sida\w*|\w*beskrivning\w*|\w*policy\w*|webbplats\w*)"
# "Other" purposes (NG504), in the cases a purpose takes: "muihin", "muita … varten".
_OTHER_FI = r"\b(?:mui(?:hin|ta|den|ssa|lle)|muu(?:hun|ta|n)|sellaisiin|niihin)"
# Not a denial or claim when the same sentence names the exception: "ilman lisätietoja" (the
# pseudonymised data of Art. 4(5)), "utan standardavtalsklausuler", "unless you log in".
_NO_EXCEPT = (r"(?![^.!?]*\b(?:ilman|ellei|paitsi|lukuun\s+ottamatta|utan|förutom|om\s+inte|without|"
              r"unless|except)\b)")
# Consent "deemed" given but only by an explicit act: "only if you tick the box" (NG503).
_NO_EXPLICIT_ACT = (r"(?![^.!?]*\b(?:vain\s+jos|ainoastaan\s+jos|rasti\w*|valintaruu\w*|endast\s+om|"
                    r"kryssa\w*|only\s+if|only\s+when|tick\w*|box)\b)")
# Gates that several patterns share (searched once in the one regex of :func:`may_match`).
_AS_LONG_AS = r"\bas\s+long\s+as\b"
_NO_LONGER = r"\bno\s+longer\b"
_ABROAD_EN_GATE = (r"(?:\boutside\s+(?:of\s+)?(?:the\s+)?(?:EU|EEA|European|Europe)|\b(?:third|other|"
                   r"non-EU|non-EEA)\s+countr|\babroad\b)")
_ANYONE_EN = r"\b(?:anyone|anybody|third[\s-]+part(?:y|ies))\b"
# A complement clause: "tarkoittaa, että hyväksyt" as "tarkoittaa hyväksyntää" (s12).
_THAT_FI = r"\s*,?\s+(?:että\s+)?"
_NO_PERSONAL_DATA_SV = r"\b(?:inte|aldrig|ej|några|inga|in)\s+personuppgifter\b|\bidentifierande\b"
# "Thereby", "automatically": an acceptance that comes with the act (NG503, s12).
_THEREBY_FI = r"(?:samalla|näin|siten|tällöin|automaattisesti)"
_LEAVE_FI = r"(?:luva|lupa|suostumu|hyväksyn)\w*"
_COLLECT_EN = r"\b(?:collect|gather)\w*"
_KEEP_SV = (r"\b(?:spar\w*|lagr\w*|bevar\w*|förvar\w*|behåll\w*|behålls|arkiver\w*)")
_DELETE_SV = r"\b(?:gallr\w*|rader\w*|rensa\w*|tas\s+bort|tar\s+bort|förstör\w*|utplån\w*)"
# A need, in Swedish: "behövs", "krävs", "nödvändigt", "motiverat", "befogat", "erforderligt",
# "behov", "skäl", what the law "tillåter".
_NEED_SV = (r"(?:behöv\w*|behov\w*|kräv\w*|erfordr\w*|nödvändig\w*|motivera\w*|befoga\w*|"
            r"erforderlig\w*|skäl\w*|tillåt\w*|relevant\w*|aktuell\w*|ändamålsenlig\w*)")
_ENDLESS_SV = (r"\b(?:tills\s+vidare|på\s+obestämd\s+tid|för\s+alltid|permanent\w*|obegränsat|"
               r"tidsobegränsat|utan\s+(?:tidsgräns|tidsbegränsning|slutdatum)|under\s+obegränsad\s+tid)")
_NOW_AND_THEN_SV = (r"\b(?:regelbundet|periodvis|periodiskt|med\s+jämna\s+mellanrum|fortlöpande|"
                    r"så\s+småningom|med\s+tiden|då\s+och\s+då|emellanåt)")
_DEPENDS_SV = r"(?:beror|varierar|avgörs\s+från\s+fall\s+till\s+fall|bedöms\s+från\s+fall\s+till\s+fall)"
_KEEP_EN = r"\b(?:keep|kept|retain\w*|stor\w*|hold\w*|held|archiv\w*|preserv\w*|maintain\w*)"
_ENDLESS_EN = (r"\b(?:indefinitely|permanently|forever|for\s+ever|in\s+perpetuity|until\s+further\s+"
               r"notice|for\s+an?\s+(?:indefinite|unlimited|unspecified|undefined|open-ended|"
               r"unrestricted)\s+(?:period|time|duration)|without\s+(?:a\s+|any\s+)?time\s+limit)")
_DELETE_EN = r"\b(?:delet\w*|eras\w*|destroy\w*|purg\w*|remov\w*|dispos\w*|anonymi[sz]\w*)"
_NOW_AND_THEN_EN = (r"\b(?:regularly|periodically|from\s+time\s+to\s+time|eventually|in\s+due\s+"
                    r"course|at\s+some\s+point|every\s+now\s+and\s+then|over\s+time)")
# "No longer (than)… necessary": the degree adverbs of the need ("reasonably", "strictly").
_DEGREE_EN = r"(?:reasonably\s+|strictly\s+|absolutely\s+|really\s+|actually\s+|legally\s+)?"
_NEED_EN = (r"(?:necessary|needed|required|justified|appropriate|warranted|useful|relevant|"
            r"permitted|allowed)")

_RETENTION_WORDS = {
    "fi": (_STORE_FI, _ENDLESS_FI, _DELETE_FI, _NOW_AND_THEN_FI),
    "sv": (_KEEP_SV, _ENDLESS_SV, _DELETE_SV, _NOW_AND_THEN_SV),
    "en": (_KEEP_EN, _ENDLESS_EN, _DELETE_EN, _NOW_AND_THEN_EN),
}
"""Per language, the words of :func:`_retention_families`: keeping, without end, deleting,
now and then."""


def _retention_families() -> Iterator[Pattern]:
    """NG505 in each language: a verb of keeping and an adverb without end, a verb of deleting
    and an adverb of "now and then", in either order within one sentence (session 12)."""
    for lang, (keep, endless, delete, now_and_then) in _RETENTION_WORDS.items():
        for verb, adverb in ((keep, endless), (delete, now_and_then)):
            yield _gated("NG505", lang, verb + _SAME_SENTENCE + adverb, adverb)
            yield _gated("NG505", lang, adverb + r"\s*,?\s+" + _gap(3) + verb, adverb)

# "You may", "data subjects may": a right granted, not a hedge (NG506).
_NOT_A_PERSON_WHO_MAY = "".join(rf"(?<!\b{who}\s)" for who in (
    "you", "they", "subject", "subjects", "user", "users", "customer", "customers", "person",
    "persons", "individual", "individuals", "people", "anyone", "everyone", "member", "members"))

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
_SAFE_HARBOR = {"law": Translated(N_("the Safe Harbour arrangement with the United States, "
                                      "invalidated by the EU Court of Justice in 2015 (C-362/14)")),
                "replacement": _SHIELD["replacement"]}

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
    _p("NG501", "fi", r"\bHetiL\b", **_LAW_523),
    _p("NG501", ANY, r"\bsafe[\s-]+harbou?r\b", **_SAFE_HARBOR),
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
    # The old rights as verbs: "oikeus kieltää" (kielto-oikeus), "rätt att granska" (s11).
    _p("NG502", "fi", r"\boikeu\w*\s+" + _gap(1) + r"kieltä(?:ä|mään)\b", **_OBJECT),
    _p("NG502", "sv", r"\brätt(?:en)?\s+att\s+granska\b", **_ACCESS_SV),
    _p("NG502", "sv", r"\bpersonregist\w*", **_PERSONAL_REGISTER_SV),
    _p("NG502", "en", r"\b(?:requests?\s+(?:for|of)\s+inspection|inspection\s+requests?)\b",
       **_ACCESS),
    # NG503 consent-by-acceptance: reading or using is not consent.
    _p("NG503", "fi", r"\bhyväksy\w*\s+(?:[\w:-]+\s+){0,3}tietosuoja\w*"),
    _p("NG503", "fi", r"\b(?:käyttämällä|jatkamalla|selaamalla|lähettämällä)\s+(?:[\w:-]+\s+){0,5}"
                      r"(?:hyväksy\w*|suostu\w*|annat\s+suostumuk\w*)"),
    _p("NG503", "en", r"\baccepts?\s+(?:[\w-]+\s+){0,8}privacy\s+(?:statement|policy|notice)"),
    _gated("NG503", "en", r"\bby\s+(?:using|continuing\s+to\s+(?:use|browse)|browsing|visiting|"
                          r"submitting|sending)\b[^.!?]{0,60}?\byou\s+(?:hereby\s+)?"
                          r"(?:agree|accept|consent)\b", _MEANS_EN),
    _p("NG503", "en", r"\byou\s+(?:hereby\s+)?(?:agree|consent)\s+to\s+(?:this|our|the)\s+privacy\s+"
                      r"(?:statement|policy|notice)"),
    _p("NG503", "sv", r"\bgodkänner\s+(?:\w+\s+){0,4}(?:integritets|dataskydds)\w*"),
    # The act and the acceptance in either order, within one sentence (#16). Each gate is the
    # rarer half: "suostumus" alone is in every consent text, "käyttämällä" is not.
    _gated("NG503", "fi", _MEANS_FI + _SAME_SENTENCE + r"\b" + _ACCEPT_FI, r"\b" + _ACCEPT_FI),
    _gated("NG503", "fi", r"\b" + _ACCEPT_FI + _SAME_SENTENCE + _MEANS_FI, r"\b" + _ACCEPT_FI),
    _gated("NG503", "fi", r"\b(?:\w+minen|käyttö|jatkuva\s+käyttö)\s+" + _gap(2) + r"(?:merkitse\w*|"
                          r"tarkoitta\w*|katsotaan|tulkitaan|pidetään)" + _THAT_FI + _gap(2)
                          + r"(?:suostum\w*|hyväksy\w*)",
           r"\b(?:merkitse\w*|tarkoitta\w*|katsotaan|tulkitaan|pidetään)" + _THAT_FI + _gap(2)
           + r"(?:suostum|hyväksy)"),
    _gated("NG503", "fi", r"\bjos\s+et\s+" + _gap(1) + r"(?:hyväksy|suostu)\w*" + _SAME_SENTENCE
                          + r"\bälä\s+(?:käytä|jatka|selaa|vieraile)",
           r"\bälä\s+(?:käytä|jatka|selaa|vieraile)"),
    _gated("NG503", "sv", _MEANS_SV + _SAME_SENTENCE + r"\b" + _ACCEPT_SV, r"\b" + _ACCEPT_SV),
    _gated("NG503", "sv", r"\bom\s+du\s+inte\s+(?:godkänn|samtyck|accepter)\w*" + _SAME_SENTENCE
                          + r"\b(?:använd|besök|surfa)\w*\s+inte\b",
           r"\bom\s+du\s+inte\s+(?:godkänn|samtyck|accepter)"),
    _gated("NG503", "en", _MEANS_EN + _SAME_SENTENCE + r"\b(?:agree|accept|consent)\w*", _MEANS_EN),
    _gated("NG503", "en", r"\b(?:using|use|submitting|sending|browsing|visiting|continuing|"
                          r"accessing|ordering|registering)\b[^.!?]{0,50}?\b(?:means|constitutes|"
                          r"signifies|indicates|implies|is\s+deemed|shall\s+be\s+deemed|"
                          r"(?:regarded|considered|treated|taken|interpreted|seen)\s+as)\b"
                          r"[^.!?]{0,30}?\b(?:agree|accept|consent)\w*",
           r"\b(?:means|constitutes|signifies|indicates|implies|deemed|(?:regarded|considered|treated|"
           r"taken|interpreted|seen)\s+as)\b[^.!?]{0,30}?\b(?:agree|accept|consent)"),
    _gated("NG503", "en", r"\bif\s+you\s+(?:do\s+not|don't)\s+(?:agree|accept|consent)\b"
                          + _SAME_SENTENCE + r"\b(?:do\s+not|don't)\s+(?:use|access|visit|browse)\b",
           r"\bif\s+you\s+(?:do\s+not|don't)\s+(?:agree|accept|consent)\b"),
    # NG504 consent-open-ended: consent to purposes that are not named.
    _gated("NG504", "en", r"\b(?:other|any|such)\s+(?:other\s+)?purposes?\s+(?:to\s+which\s+|for\s+"
                          r"which\s+|that\s+)?you\s+(?:have\s+|may\s+have\s+)?(?:consented|agreed|"
                          r"given\s+(?:your\s+)?consent)",
           r"\bpurposes?\s+(?:to\s+which\s+|for\s+which\s+|that\s+)?you\s"),
    _p("NG504", "fi", r"\bmuihin\s+(?:\w+\s+){0,2}\w*tarkoituksiin\W+(?:\w+\s+){0,5}(?<!\bilman\s)suostu\w*"),
    # Swedish as Finland-Swedish notices write it: "andra ändamål som du har samtyckt till",
    # "övriga syften som du gett ditt samtycke till", "för sådana ändamål som du godkänt" (s12).
    _gated("NG504", "sv", r"\b(?:andra|övriga|sådana|ytterligare)\s+" + _gap(2) + r"(?:ändamål|syfte|"
                          r"syften)\w*\s+(?:som\s+|för\s+vilka\s+|till\s+vilka\s+)" + _gap(3)
                          + r"(?:samtyck\w*|godkän\w*|(?:gett|gav|ger|lämnat|lämnar)\s+(?:\w+\s+)?"
                          r"samtycke\w*)",
           r"\b(?:andra|övriga|sådana|ytterligare)\s+" + _gap(2) + r"(?:ändamål|syfte)"),
    # Finnish: "muita tarkoituksia varten, joihin olet antanut suostumuksesi", "muihin
    # hyväksymiisi tarkoituksiin" (every case of "muu" and "tarkoitus", consent or acceptance) (s12).
    _gated("NG504", "fi", _OTHER_FI + r"\s+" + _gap(2)
                          + r"\w*tarkoitu\w*[^.!?]{0,60}?(?<!\bilman\s)\b(?:suostu\w*|hyväksy\w*)",
           _OTHER_FI),
    _gated("NG504", "fi", r"\b(?:mui(?:hin|ta|den)|muu(?:hun|ta))\s+(?:\w+\s+)?(?:suostumukse\w*|"
                          r"hyväksy\w*)\s+(?:\w+\s+)?\w*tarkoitu\w*",
           _OTHER_FI),
    # NG505 retention-vague: no period at all, in any person and word order; "until no longer
    # needed". Not when the sentence also states a duration (:data:`_UNLESS`).
    _gated("NG505", "en", r"\b(?:for\s+)?as\s+long\s+as\s+(?:is\s+|it\s+is\s+)?(?:reasonably\s+|"
                          r"strictly\s+|absolutely\s+)?(?:necessary|needed|required|appropriate)\b",
           _AS_LONG_AS),
    _gated("NG505", "en", r"\b(?:keep|kept|retain\w*|stor\w*|hold\w*)\b[^.!?]{0,60}?\bas\s+"
                          r"(?:needed|required|necessary)\b",
           r"\bas\s+(?:needed|required|necessary)\b"),
    _p("NG505", "en", r"\bfor\s+the\s+(?:time|period)\s+(?:necessary|needed|required)\b"),
    _gated("NG505", "en", r"\bfor\s+(?:a|an|the)\s+(?:reasonable|appropriate|adequate|necessary|"
                          r"required|needed|limited)\s+(?:period|time|amount\s+of\s+time)\b",
           r"\bfor\s+(?:a|an|the)\s+(?:reasonable|appropriate|adequate|necessary|required|needed|"
           r"limited)\s+(?:period|time|amount)"),
    _gated("NG505", "en", r"\b(?:while|as\s+long\s+as)\s+(?:we\s+(?:still\s+)?need|(?:it\s+is|they\s+"
                          r"are)\s+(?:still\s+)?(?:needed|necessary|required))\b",
           r"\b(?:while\s+(?:we|it|they)\s|as\s+long\s+as\b)"),
    _gated("NG505", "en", r"\bas\s+long\s+as\s+(?:we|I)\s+(?:deem|consider|think)\b", _AS_LONG_AS),
    _gated("NG505", "en", r"\b(?:until|when|once|after)\b[^.!?]{0,40}?\bno\s+longer\s+(?:needed|"
                          r"necessary|required|useful|relevant|of\s+use)\b",
           _NO_LONGER),
    _gated("NG505", "en", r"\bno\s+longer\s+than\s+(?:is\s+|it\s+is\s+)?(?:necessary|needed|required)\b",
           _NO_LONGER),
    _gated("NG505", "en", r"\b(?:keep|kept|retain\w*|stor\w*|hold\w*)\s+" + _gap(4)
                          + r"indefinitely\b", r"\bindefinitely\b"),
    _gated("NG505", "fi", r"\bniin\s+" + _LONG_FI + r"\s*,?\s+kuin\s+" + _gap(6) + _NEED_FI,
           r"\bniin\s+" + _LONG_FI + r"\s*,?\s+kuin\b"),
    _gated("NG505", "fi", r"\b" + _NEED_TIME_FI + r"\s+" + _gap(1) + r"aja(?:n|ksi)\b"
                          r"(?!\s+(?:kuluessa|kuluttua|sisällä))",
           r"\b" + _NEED_TIME_FI + r"\s+" + _gap(1) + r"aja(?:n|ksi)\b"),
    _gated("NG505", "fi", r"\bajan\s*,?\s*(?:jonka|jolloin|kun|kuin)\s+" + _gap(5) + _NEED_FI,
           r"\bajan\s*,?\s*(?:jonka|jolloin|kun|kuin)\b"),
    _gated("NG505", "fi", r"\b(?:kun|kunnes|jolloin)\s+" + _gap(5) + _NEG_FI + r"\s+" + _gap(2)
                          + r"(?:tarvita|tarvitse|tarvittu|ole\s+(?:\w+\s+)?(?:tarpee\w*|tarvetta|"
                          r"perustetta|käyttöä|välttämätön\w*))",
           r"\b(?:tarvit(?:a|se|tu)\b|ole\s+(?:\w+\s+)?(?:tarpee|tarvetta|perustetta|käyttöä|"
           r"välttämätön))"),
    _gated("NG505", "fi", r"\b" + _NEG_FI + r"\s+(?:[\w:-]+\s+){0,2}" + _LONGER_FI
                          + r"\s+kuin\s+(?:[\w:-]+\s+){0,3}" + _NEED_FI,
           r"\b" + _LONGER_FI + r"\s+kuin"),
    _gated("NG505", "fi", r"\b(?:säily\w*|tallenn\w*|pidä\w*|pidetään|pidämme)\s+" + _gap(3)
                          + r"toistaiseksi\b(?!\s+(?:voimassa|jatkuv))", r"\btoistaiseksi\b"),
    _gated("NG505", "fi", r"\b(?:säilytysai\w*|säily\w*|poist\w*|hävit\w*)\s+" + _gap(3)
                          + r"tarpeen\s+mukaan\b", r"\btarpeen\s+mukaan\b"),
    _gated("NG505", "fi", r"\b(?:poist\w*|hävit\w*|tuho\w*|säily\w*|tallenn\w*)\s+" + _gap(3)
                          + r"tarpeettom\w*", r"\btarpeettom\w*"),
    _gated("NG505", "fi", r"\btarpeettom\w*\s+" + _gap(3) + r"(?:poist\w*|hävit\w*|tuho\w*|"
                          r"säily\w*|tallenn\w*)", r"\btarpeettom\w*"),
    # At the controller's discretion; deleted "regularly"; "when the purpose is fulfilled"; the
    # need after a longer clause ("as long as the law and our business needs require") (s11).
    _gated("NG505", "fi", _KEEP_FI + _SAME_SENTENCE + r"\bharkin\w*", r"\bharkin\w*"),
    _gated("NG505", "fi", r"\bharkin\w*" + _SAME_SENTENCE + _KEEP_FI, r"\bharkin\w*"),
    _gated("NG505", "fi", r"\b(?:poist\w*|hävit\w*|tuho\w*|karsi\w*)\s+" + _gap(3)
                          + r"säännöll\w*", r"\bsäännöll\w*"),
    _gated("NG505", "fi", r"\bsäännöll\w*\s+" + _gap(3) + r"(?:poist\w*|hävit\w*|tuho\w*|karsi\w*)",
           r"\bsäännöll\w*"),
    _gated("NG505", "fi", r"\b(?:käyttö|käsittely)?tarkoitu\w*\s+" + _gap(2) + r"(?:täytty\w*|"
                          r"saavute\w*|päättyn\w*|lakann\w*|poistu\w*)",
           r"\b(?:täytty\w*|saavute\w*|päättyn\w*|lakann\w*|poistu\w*)"),
    _gated("NG505", "en", r"\bfor\s+(?:a|an|the)\s+(?:period|time|duration|length\s+of\s+time)\s+"
                          r"(?:that\s+is\s+|which\s+is\s+|as\s+is\s+)?(?:reasonabl\w*|necessary|"
                          r"needed|required|appropriate|adequate|justified)\b",
           r"\b(?:period|time|duration)\s+(?:that\s+is\s+|which\s+is\s+|as\s+is\s+)?"
           r"(?:reasonabl|necessary|needed|required|appropriate|adequate|justified)"),
    _gated("NG505", "en", r"\bas\s+long\s+as\b[^.!?]{0,60}?\b(?:need\w*|necessary|require\w*|useful|"
                          r"relevant|appropriate|justified)\b", _AS_LONG_AS),
    _gated("NG505", "en", r"\b(?:until|when|once|after)\b[^.!?]{0,40}?\bno\s+longer\s+have\s+"
                          r"(?:a\s+|any\s+)?(?:need|use)\b",
           _NO_LONGER),
    _gated("NG505", "sv", r"\bså\s+länge\b[^.!?]{0,50}?\b(?:behöv\w*|kräv\w*|nödvändig\w*|"
                          r"motivera\w*)", r"\bså\s+länge\b"),
    _gated("NG505", "sv", r"\binte\s+längre\s+(?:har\s+)?(?:något\s+)?(?:behov|användning|nytta)\b",
           r"\binte\s+längre\s+(?:har\s+)?(?:något\s+)?(?:behov|användning|nytta)\b"),
    _p("NG505", "sv", r"\bså\s+länge\s+(?:som\s+)?(?:det\s+)?(?:är\s+)?(?:nödvändigt|behövs)"),
    _gated("NG505", "sv", r"\bså\s+länge\s+(?:som\s+)?(?:vi|det)\s+" + _gap(1) + r"(?:behöver|"
                          r"behövs|krävs|är\s+nödvändigt|anser)",
           r"\bså\s+länge\s+(?:som\s+)?(?:vi|det)\s+"),
    _gated("NG505", "sv", r"\binte\s+" + _gap(3) + r"längre\s+än\s+(?:vad\s+)?(?:som\s+)?(?:vi\s+)?"
                          r"(?:är\s+)?(?:nödvändigt|behövs|behöver|krävs)", r"\blängre\s+än"),
    _gated("NG505", "sv", r"\b(?:när|då|tills|till\s+dess)\b[^.!?]{0,40}?\binte\s+längre\s+"
                          r"(?:behövs|krävs|är\s+nödvändig\w*)",
           r"\binte\s+längre\s+(?:behövs|krävs|är\s+nödvändig\w*)"),
    _gated("NG505", "sv", r"\b(?:under\s+)?den\s+tid\s+(?:som\s+)?(?:krävs|behövs|är\s+nödvändig)",
           r"\bden\s+tid\s+(?:som\s+)?(?:krävs|behövs|är\s+nödvändig)"),
    _gated("NG505", "sv", r"\b(?:under\s+)?en\s+rimlig\s+tid\b", r"\brimlig\s+tid\b"),
    # NG506 hedging: purposes that say what might happen.
    _gated("NG506", "en", _NOT_A_PERSON_WHO_MAY + r"\b(?:may|might|possibly)\b",
           r"\b(?:may|might|possibly)\b"),
    _p("NG506", "en", r"\b(?:e\.g\.|etc\b\.?)"),
    _gated("NG506", "fi", r"(?<!jotta\s)\b(?:voimme|voidaan|saatamme|saatetaan|saattaa|saattavat|"
                          r"mahdollisesti)\b",
           r"\b(?:voimme|voidaan|saatamme|saatetaan|saattaa|saattavat|mahdollisesti)\b"),
    _p("NG506", "fi", r"\b(?:esim\.|jne\b\.?|tms\b\.?)"),
    _p("NG506", "sv", r"\b(?:kan\s+komma\s+att|eventuellt|t\.ex\.|m\.m\.)"),
    # More hedges (#16): conditional moods, "muun muassa", "for example", a modal with the
    # controller as subject. "Voit", "you may", "jotta voimme" grant a right or give an aim.
    _p("NG506", "en", r"\b(?:could|potentially|perhaps|for\s+example|for\s+instance|such\s+as|"
                      r"among\s+other\s+things|including\s+but\s+not\s+limited\s+to)\b"),
    _p("NG506", "fi", r"\b(?:voisimme|voitaisiin|saattaisimme|saatettaisiin|saattaisi|voisi|"
                      r"mm\.|muun\s+muassa|esimerkiksi|tarvittaessa|tms\b|ynnä\s+muuta|ym\.|yms\.|"
                      # "mahdolliset", "mahdollisiin": what may or may not be (not "on mahdollista",
                      # "mahdollisimman", "mahdollisuus") (s11).
                      r"mahdollinen\b|mahdollis(?:en|et|ia|iin|ten|issa|ille|elle|eksi|ina)\b)"),
    _gated("NG506", "fi", r"\b(?:käytä\w*|käyte\w*|käsittel\w*|hyödyn\w*|lähet\w*)\s+" + _gap(3)
                          + r"tarpeen\s+mukaan\b", r"\btarpeen\s+mukaan\b"),
    _p("NG506", "fi", r"\b(?:rekisterinpitäjä|yritys|yrityksemme|yhtiö|yhtiömme|yhdistys|"
                      r"seura)\s+(?:\w+\s+)?voi\s+\w+(?:a|ä)\b"),
    # "Kan användas" hedges; "kan inte kopplas" denies, "begäran kan skickas" and "samtycket kan
    # återkallas" say what the reader may do (s11).
    _p("NG506", "sv", r"\b(?:bland\s+annat|bl\.\s?a\.|m\.fl\.|exempelvis|till\s+exempel|(?<!att\s)vi\s+"
                      r"kan\s+(?!inte|aldrig)|kan\s+(?!inte\b|aldrig\b)(?:[\w-]+\s+)?(?!(?:skickas|"
                      r"lämnas|göras|riktas|framföras|ställas|återkallas|sägas)\b)\w+as\b)"),
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
    # A signature demanded on a request, in either order within the sentence; a letter by post
    # only (#16).
    _gated("NG507", "fi", r"\b" + _SIGNED_FI + _SAME_SENTENCE + r"\b" + _REQUEST_FI,
           r"\b" + _SIGNED_FI),
    _gated("NG507", "fi", r"\b" + _REQUEST_FI + _SAME_SENTENCE + r"\b" + _SIGNED_FI,
           r"\b" + _SIGNED_FI),
    _gated("NG507", "fi", r"\b(?:kirjallisesti|kirjallisena|kirjeitse|kirjeellä)\s+(?:ja\s+)?"
                          r"postitse\b",
           r"\b(?:kirjallisesti|kirjallisena|kirjeitse|kirjeellä)\s+(?:ja\s+)?postitse\b"),
    _gated("NG507", "en", r"\b" + _SIGNED_EN + _SAME_SENTENCE + r"\b" + _REQUEST_EN,
           r"\bsign(?:ed|ature|\b)"),
    _gated("NG507", "en", r"\b" + _REQUEST_EN + _SAME_SENTENCE + r"\b" + _SIGNED_EN,
           r"\bsign(?:ed|ature|\b)"),
    _p("NG507", "en", r"\bin\s+writing\s+(?:and\s+)?by\s+(?:post|mail)\b"),
    _gated("NG507", "sv", r"\b" + _SIGNED_SV + _SAME_SENTENCE + r"\b" + _REQUEST_SV,
           r"\b" + _SIGNED_SV),
    _gated("NG507", "sv", r"\b" + _REQUEST_SV + _SAME_SENTENCE + r"\b" + _SIGNED_SV,
           r"\b" + _SIGNED_SV),
    # NG508 check-page-regularly: changes announced only by "check this page".
    _gated("NG508", "en", r"\b(?:check|review|visit|consult|read)\s+(?:this\s+(?:page|notice|policy|"
                          r"statement)|our\s+(?:website|site|privacy\s+(?:policy|notice|statement))|it|"
                          r"back)\s+(?:\w+\s+){0,2}(?:regularly|periodically|frequently|from\s+time\s+to\s+"
                          r"time)\b", r"\b(?:regularly|periodically|frequently|from\s+time\s+to\s+time)\b"),
    _p("NG508", "fi", r"\b(?:seura|tarkist|tutustu|luke|lue)\w*\s+(?:[\w:-]+\s+){0,4}säännöllisesti\b"),
    _p("NG508", "fi", r"\bsäännöllisesti\s+(?:[\w:-]+\s+){0,2}(?:seura|tarkist|tutustu)\w*"),
    # Swedish (Finland-Swedish notices): "Vi rekommenderar att du regelbundet läser denna
    # dataskyddsbeskrivning", "Kontrollera sidan med jämna mellanrum" (s12). The page or notice
    # must be named: "vi granskar regelbundet våra rutiner" is not about reading.
    _gated("NG508", "sv", r"(?<!\bvi\s)" + _READ_SV + r"\s+" + _gap(2) + r"(?:" + _PAGE_SV + r"|den|dem)\s+"
                          + _gap(2) + _REGULARLY_SV, _REGULARLY_SV),
    _gated("NG508", "sv", _REGULARLY_SV + r"\s+" + _gap(1) + _READ_SV + r"\s+" + _gap(2) + _PAGE_SV,
           _REGULARLY_SV),
    # English with the adverb first: "we encourage you to periodically review this notice" (s12).
    _gated("NG508", "en", r"\b(?:to|please|should)\s+(?:regularly|periodically|frequently|from\s+time\s+to\s+"
                          r"time)\s+(?:check|review|"
                      r"visit|consult|read|revisit)\w*\s+(?:this|our|the)\s+(?:page|notice|policy|statement|"
                          r"website|site|privacy)",
           r"\b(?:regularly|periodically|frequently|from\s+time\s+to\s+time)\s+(?:check|review|visit|consult|"
           r"read|revisit)"),
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
    _gated("NG201", "en", r"\b(?:no|not|never|don't)\s+(?:\w+\s+){0,3}(?:transfer\w*|transmit\w*|send|"
                          r"sent|move[ds]?|disclosed|processed|stored)\b" + _SAME_SENTENCE
                          + r"\boutside\s+(?:of\s+)?(?:the\s+)?(?:EU|EEA|European)", _ABROAD_EN_GATE),
    # Other verbs, targets and word orders; "only in the EU"; "no transfer takes place" (#16).
    _gated("NG201", "fi", r"\b" + _NEG_FI + r"\s+" + _gap(3) + _MOVE_FI + _SAME_SENTENCE
                          + _ABROAD_FI, r"(?:\bulkopuol\w*|\bkolmansi\w*\s+mai|\bkolmanteen\s+maahan|"
                                        r"\bmuihin\s+maihin|\bulkomail)"),
    _gated("NG201", "fi", _ABROAD_FI + r"\s+" + _gap(3) + r"(?:ei|eikä)\s+" + _gap(2) + _MOVE_FI,
           r"(?:\bulkopuol\w*|\bkolmansi\w*\s+mai|\bkolmanteen\s+maahan|\bmuihin\s+maihin|"
           r"\bulkomail)"),
    _gated("NG201", "fi", r"\bsiirto\w*\s+" + _gap(4) + _ABROAD_FI + _SAME_SENTENCE
                          + r"\b(?:ei|eikä)\s+(?:tapahdu|tehdä|suoriteta|ole)\b", r"\bsiirto\w*"),
    _gated("NG201", "fi", r"\b(?:ainoastaan|vain|yksinomaan|pelkästään)\s+" + _gap(1) + _EU_FI
                          + r"(?!" + _SAME_SENTENCE + r"\bulkopuol)",
           r"\b(?:ainoastaan|vain|yksinomaan|pelkästään)\s+" + _gap(1) + r"(?:EU|ETA|Euroopan)\b"),
    _gated("NG201", "en", r"\b(?:no|not|never|don't|doesn't|won't)\s+" + _gap(3) + r"(?:transfer\w*|"
                          r"transmit\w*|send|sent|move[ds]?|disclosed|processed|stored|exported)\b"
                          + _SAME_SENTENCE + _ABROAD_EN,
           _ABROAD_EN_GATE),
    _gated("NG201", "sv", r"\b(?:inte|aldrig)\s+" + _gap(3) + r"(?:över|överför\w*|skicka\w*|"
                          r"lämna\w*|lagra\w*|flytta\w*|behandla\w*)\b" + _SAME_SENTENCE
                          + _ABROAD_SV, r"(?:\butanför\s+(?:EU|EES|Europa)|\btredje\s*land|"
                                        r"\btredjeländer)"),
    _gated("NG201", "sv", r"\b(?:överförs|överför|skickas|lämnas|lagras|flyttas|behandlas)\s+"
                          + _gap(2) + r"(?:inte|aldrig)\b" + _SAME_SENTENCE + _ABROAD_SV,
           r"(?:\butanför\s+(?:EU|EES|Europa)|\btredje\s*land|\btredjeländer)"),
    # "Remain in the EU" says they never leave it; "are kept in the EU" only says where they are
    # kept (docs/rules.md's passing example), unless "only" says more.
    _gated("NG201", "en", r"\b(?:remains?|stays?)\s+" + _gap(1) + r"(?:within|inside|in)\s+"
                          r"(?:the\s+)?(?:EU|EEA|European|Europe|Finland)\b",
           r"\b(?:remains?|stays?)\s+" + _gap(1) + r"(?:within|inside|in)\s"),
    _gated("NG201", "fi", r"\bpysy\w*\s+" + _gap(1) + r"(?:ainoastaan\s+|vain\s+)?" + _EU_FI
                          + r"\s+(?:alueella|sisällä)", r"\b(?:alueella|sisällä)\b"),
    _gated("NG201", "sv", r"\bingen\s+" + _gap(1) + r"överföring\w*" + _SAME_SENTENCE + _ABROAD_SV,
           r"\bingen\s+" + _gap(1) + r"överföring"),
    _gated("NG201", "sv", r"\b(?:endast|bara|enbart|uteslutande)\s+(?:inom|i)\s+(?:EU|EES|Europa)\b",
           r"\b(?:endast|bara|enbart|uteslutande)\s+(?:inom|i)\s+(?:EU|EES|Europa)\b"),
    # NG202 disclosure-denial-contradiction: "not disclosed to third parties".
    _gated("NG202", "fi", r"\b" + _NEG_FI + r"\s+(?:[\w:-]+\s+){0,3}(?:luovut\w*|anne\w*|anna\w*|jaa\w*|"
                          r"jae\w*|myy\w*)\s+(?:[\w:-]+\s+){0,3}(?:ulkopuolisille|kolmansille|muille|"
                          r"eteenpäin|kenellekään)\b",
           r"\b(?:ulkopuolisille|kolmansille|muille|eteenpäin|kenellekään)\b"),
    _gated("NG202", "en", r"\b(?:not|never)\s+(?:be\s+)?(?:disclosed|shared|given|passed\s+on|handed\s+"
                          r"over)\s+(?:\w+\s+){0,3}(?:to|with)\s+(?:any\s+)?(?:other\s+)?third[\s-]+"
                          r"part(?:y|ies)\b", _ANYONE_EN),
    _gated("NG202", "en", r"\b(?:not|never|don't|doesn't|won't|didn't)\s+(?:\w+\s+){0,3}(?:sell|"
                          r"share|disclose|give|pass|sold|"
                          r"shared|disclosed|given|passed)\b[^.!?]{0,60}?\b(?:anyone|anybody|"
                          r"third[\s-]+part(?:y|ies))\b",
           _ANYONE_EN),
    _gated("NG202", "sv", r"\b(?:lämnas|delas|säljs|lämnar|delar|säljer)\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:inte|aldrig)\s+"
                          r"(?:ut\s+)?(?:[\w-]+\s+){0,3}?(?:till|med)\s+(?:tredje\s+part|någon|andra|"
                          r"utomstående)", r"\b(?:tredje\s+part|någon|andra|utomstående)\b"),
    _gated("NG202", "en", r"\bdo(?:es)?\s+not\s+(?:share|disclose|give)\s+(?:\w+\s+){0,4}(?:to|with)\s+"
                          r"(?:any\s+)?(?:other\s+)?third[\s-]+part(?:y|ies)\b", _ANYONE_EN),
    # Other verbs and recipients, either order; a bare "ei luovuteta"; "only for our own
    # use" (#16).
    _gated("NG202", "fi", r"\b" + _NEG_FI + r"\s+" + _gap(3) + _GIVE_FI + r"\s+" + _gap(3)
                          + _OTHERS_FI + r"\b", r"\b" + _NEG_FI + r"\s+" + _gap(3) + _GIVE_FI),
    _gated("NG202", "fi", r"\b" + _OTHERS_FI + r"\s+" + _gap(3) + _NEG_FI + r"\s+" + _gap(2)
                          + _GIVE_FI, r"\b" + _NEG_FI + r"\s+" + _gap(3) + _GIVE_FI),
    _gated("NG202", "fi", r"\b" + _NEG_FI + r"\s+" + _gap(2) + r"luovute\w*\s*(?:säännönmukaisesti|"
                          r"[.!]|$)", r"\b" + _NEG_FI + r"\s+" + _gap(3) + _GIVE_FI),
    _gated("NG202", "fi", r"\bsäännönmukaisesti\s+" + _gap(1) + _NEG_FI + r"\s+" + _gap(1)
                          + r"luovute\w*", r"\bsäännönmukaisesti\b"),
    _gated("NG202", "fi", r"\b(?:ainoastaan|vain|yksinomaan|pelkästään)\s+" + _gap(2)
                          + r"oma(?:ssa|an|lla|n|t)?\s+(?:sisäise\w*\s+)?(?:käytö\w*|henkilökun\w*|"
                          r"henkilöstö\w*|työntekijö\w*)",
           r"\boma(?:ssa|an|lla|n|t)?\s+(?:sisäise\w*\s+)?(?:käytö|henkilökun|henkilöstö|"
           r"työntekijö)"),
    _gated("NG202", "en", r"\b(?:not|never|don't|doesn't|won't|didn't)\s+" + _gap(3)
                          + r"(?:sell|share|disclose|give|pass|transfer|rent|hand|provide|sold|"
                          r"shared|disclosed|given|passed|transferred|rented|handed|provided)\b"
                          r"[^.!?]{0,60}?\b" + _OTHERS_EN,
           r"\b(?:not|never|don't|doesn't|won't|didn't)\s+" + _gap(3) + r"(?:sell|share|disclose|"
           r"give|pass|transfer|rent|hand|provide|sold|shared|disclosed|given|passed|transferred|"
           r"rented|handed|provided)\b"),
    _gated("NG202", "en", r"\b(?:(?:only|solely|exclusively)\s+(?:be\s+)?used\s+internally|"
                          r"for\s+internal\s+use\s+only)\b", r"\b(?:used\s+internally|internal\s+use)\b"),
    _gated("NG202", "sv", r"\blämna\w*\s+" + _gap(2) + r"(?:inte|aldrig)\s+ut\b",
           r"\b(?:inte|aldrig)\s+ut\b"),
    _gated("NG202", "sv", r"\b(?:endast|bara|enbart)\s+internt\b", r"\binternt\b"),
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
                          r"tunnista\w*", r"\b(?:voida|voi|pysty\w*|mahdollista)\s+(?:[\w:-]+\s+){0,2}"
                          r"tunnista"),
    _p("NG203", "sv", r"\banonym\w*"),
    _gated("NG203", "sv", r"\b(?:kan|går)\s+(?:\w+\s+){0,2}inte\s+(?:att\s+)?identifiera\w*" + _NO_EXCEPT,
           r"\bidentifiera\w*"),
    # Other words for "anonymous", "cannot be singled out", "contain no personal data" (#16).
    _p("NG203", "fi", r"\b(?:nimettöm\w*|nimetön\w*|tunnistamattom\w*|anonymisoitu\w*)"),
    _gated("NG203", "fi", r"\b" + _NEG_FI + r"\s+" + _gap(4) + r"(?:voida|voi|pysty\w*|"
                          r"ole\s+mahdollista)\s+" + _gap(2) + r"(?:yksilöi\w*|identifioi\w*)",
           r"\b(?:yksilöi|identifioi)"),
    _gated("NG203", "fi", r"\b" + _NEG_FI + r"\s+" + _gap(1) + r"(?:sisällä|sisälly\w*|"
                          r"kerää|kerätä|tallenna|tallenneta)\s+" + _gap(3) + r"(?:henkilötieto\w*|"
                          r"henkilötiedo\w*|tunnistettav\w*|tunnistetiet\w*|tunnistetiedo\w*)",
           r"\b" + _NEG_FI + r"\s+" + _gap(1) + r"(?:sisällä|sisälly\w*|kerää|kerätä|tallenna|"
           r"tallenneta)\s"),
    _gated("NG203", "en", r"\b(?:cannot|can\s*not|can't|could\s+not|couldn't|not\s+possible\s+to)\s+"
                          + _gap(3) + r"identif\w*",
           r"\b(?:cannot|can\s*not|can't|could\s+not|couldn't|not\s+possible\s+to)\s+"
           + _gap(3) + r"identif"),
    _gated("NG203", "fi", r"\b" + _NEG_FI + r"\s+" + _gap(1) + r"ole\s+" + _gap(1)
                          + r"(?:henkilötieto\w*|henkilötiedo\w*|tunnistettav\w*)" + _NO_EXCEPT,
           r"\bole\s+" + _gap(1) + r"(?:henkilötie|tunnistettav)"),
    _gated("NG203", "en", r"\b(?:is|are)\s+(?:not|never)\s+(?:personal\s+data|personal\s+"
                          r"information|personally\s+identifiable)", r"\b(?:not|never)\s+personal"),
    _gated("NG203", "sv", r"\b(?:är|utgör)\s+(?:inte|aldrig)\s+personuppgifter\b",
           r"\b(?:inte|aldrig)\s+personuppgifter\b"),
    _gated("NG203", "en", r"\b(?:not|never)\s+" + _gap(2) + r"(?:allow|enable|permit|let)\w*\s+"
                          + _gap(2) + r"(?:to\s+)?identif\w*",
           r"\b(?:allow|enable|permit|let)\w*\s+" + _gap(2) + r"(?:to\s+)?identif"),
    _gated("NG203", "en", r"\b(?:none\s+of|no\s+part\s+of|nothing\s+in)\s+" + _gap(3)
                          + r"(?:identif\w*|reveals?\s+who)",
           r"\b(?:none\s+of|no\s+part\s+of|nothing\s+in)\s"),
    _gated("NG203", "en", r"\b(?:does|do|will)\s+not\s+(?:\w+\s+)?identify\s+(?:you|the\s+user|"
                          r"individual|visitors?|users?)", r"\bnot\s+(?:\w+\s+)?identify\b"),
    _p("NG203", "en", r"\b(?:non-personal|not\s+personally\s+identifiable|no\s+personally\s+"
                      r"identifiable|non-identifiable)\b"),
    _gated("NG203", "sv", r"\b(?:kan|går)\s+" + _gap(2) + r"inte\s+(?:att\s+)?(?:se|veta|avgöra)\s+"
                          r"vem\s+(?:du|användaren|besökaren)", r"\bvem\s+(?:du|användaren|"
                          r"besökaren)"),
    _gated("NG203", "sv", r"\binnehåller\s+(?:inga|inte\s+några)\s+personuppgifter\b",
           r"\binnehåller\s+(?:inga|inte\s+några)\s+personuppgifter\b"),
    # --- session 11: other words and constructions the unseen sets used -------------------
    # NG201: "only in Finland", "pysyvät Suomessa", "never leaves Finland", "utomlands",
    # "never export". A place is a denial only beside a verb of keeping or processing: "we
    # deliver only in Finland" says nothing about the data.
    _gated("NG201", "fi", r"\b(?:käsit\w*|säily\w*|tallenn\w*|sijait\w*|sijoit\w*|pide\w*|pidä\w*|"
                          r"hallinnoi\w*)\b" + _SAME_SENTENCE + r"\b(?:ainoastaan|vain|yksinomaan|"
                          r"pelkästään)\s+" + _gap(1) + _HOME_FI, _HOME_FI),
    _gated("NG201", "fi", r"\b(?:ainoastaan|vain|yksinomaan|pelkästään)\s+" + _gap(1) + _HOME_FI
                          + _SAME_SENTENCE + r"\b(?:käsit\w*|säily\w*|tallenn\w*|sijait\w*|sijoit\w*)",
           _HOME_FI),
    _gated("NG201", "fi", r"\bpysy\w*\s+" + _gap(1) + r"(?:ainoastaan\s+|vain\s+)?" + _HOME_FI,
           _HOME_FI),
    _gated("NG201", "en", r"\b(?:not|never|don't|doesn't|won't)\s+" + _gap(2) + r"leav\w*\s+"
                          r"(?:Finland|Europe|Sweden|the\s+country)\b",
           r"\bleav\w*\s+(?:finland|europe|sweden|the\s+country)\b"),
    _gated("NG201", "en", r"\b(?:stor|process|kept|keep|held|hold|host|locat|handl|sav)\w*\b"
                          r"[^.!?]{0,30}?\b(?:only|solely|exclusively)\s+(?:within|inside|in)\s+"
                          r"(?:Finland|Europe|the\s+Nordic)", r"\b(?:only|solely|exclusively)\s+"
                          r"(?:within|inside|in)\s+(?:finland|europe|the\s+nordic)"),
    _gated("NG201", "en", r"\b(?:no|not|never|don't|doesn't|won't)\s+" + _gap(3) + r"(?:export\w*|"
                          r"ship\w*|transmit\w*|hand\w*\s+over)\b" + _SAME_SENTENCE + _ABROAD_EN,
           _ABROAD_EN_GATE),
    _gated("NG201", "sv", r"\b(?:inte|aldrig)\s+" + _gap(3) + r"(?:över\w*|för\w*|skicka\w*|"
                          r"lämna\w*|lagra\w*|flytta\w*|behandla\w*)\b" + _SAME_SENTENCE
                          + r"\butomlands\b", r"\butomlands\b"),
    _gated("NG201", "sv", r"\b(?:överförs|förs|skickas|lämnas|lagras|flyttas|behandlas|flyttar|"
                          r"skickar|för)\s+" + _gap(2) + r"(?:inte|aldrig)\b" + _SAME_SENTENCE
                          + r"\butomlands\b", r"\butomlands\b"),
    _gated("NG201", "sv", r"\b(?:behandl|lagr|spar|hanter|förvar|finns)\w*\b[^.!?]{0,30}?\b(?:endast|"
                          r"bara|enbart|uteslutande)\s+(?:inom|i)\s+(?:Finland|Sverige|Norden)\b",
           r"\b(?:endast|bara|enbart|uteslutande)\s+(?:inom|i)\s+(?:finland|sverige|norden)\b"),
    # NG503: "if you submit the form, you agree" (the act in an "if"/"when" clause).
    _gated("NG503", "en", r"\b(?:if|when|once)\s+you\s+(?:\w+\s+){0,2}?(?:use|submit|send|continue|visit|"
                          r"browse|register|sign\s+up|order|place|buy|create|fill|subscribe|join)\w*\b"
                          + _SAME_SENTENCE + r"\byou\s+(?:\w+\s+)?(?:agree|accept|consent)\w*",
           r"\byou\s+(?:\w+\s+)?(?:agree|accept|consent)"),
    # NG202: "vain henkilökunnan käytössä", "delas aldrig vidare", "is never shared".
    _gated("NG202", "fi", r"\b(?:ainoastaan|vain|yksinomaan|pelkästään)\s+" + _gap(3)
                          + r"(?:käytö(?:ssä|ön)|käyttöö\w*|käytettävissä)\b",
           r"\b(?:käytö(?:ssä|ön)|käyttöö\w*|käytettävissä)\b"),
    _gated("NG202", "sv", r"\b(?:lämna|dela|sälj|överlåt|hyr|ge|skicka)\w*\s+" + _gap(3)
                          + r"(?:inte|aldrig|ej)\s+" + _gap(3) + _OTHERS_SV,
           r"\b" + _OTHERS_SV),
    _gated("NG202", "sv", r"\b(?:inte|aldrig|ej)\s+" + _gap(2) + r"(?:lämna|dela|sälj|överlåt|hyr|"
                          r"ge|skicka)\w*\s+" + _gap(3) + _OTHERS_SV, r"\b" + _OTHERS_SV),
    _gated("NG202", "en", r"\bnever\s+(?:be\s+)?(?:shared|sold|disclosed|passed\s+on|given\s+(?:out|away)|"
                          r"rented\s+out)\b",
           r"\bnever\s+(?:be\s+)?(?:shared|sold|disclosed|passed\s+on|given\s+(?:out|away)|"
           r"rented\s+out)\b"),
    _gated("NG202", "en", r"\bnot\s+(?:be\s+)?made\s+available\s+to\s+(?:any\s+)?" + _OTHERS_EN,
           r"\bmade\s+available\s+to\b"),
    # NG203: "ei voi yhdistää yksittäiseen käyttäjään", "kan inte kopplas till dig", "cannot be
    # linked back to you". Not "anonymised": anonymising data at the end of their period is
    # right (the tuned and held-out sets' clean sentences).
    _gated("NG203", "fi", r"\b" + _NEG_FI + r"\s+" + _gap(4) + r"(?:voida|voi|pysty\w*|ole\s+"
                          r"mahdollista)\s+" + _gap(2) + r"(?:yhdist\w*|liittä\w*|kohdist\w*|kytke\w*)\s+"
                          + _gap(3) + _SOMEONE_FI, _SOMEONE_FI),
    _gated("NG203", "sv", r"\b(?:inte|aldrig|ej)\s+" + _gap(2) + _LINKED_SV + r"\s+(?:\w+\s+)?till\s+"
                          + _SOMEONE_SV, _LINKED_SV),
    _gated("NG203", "sv", _LINKED_SV + r"\s+(?:inte|aldrig|ej)\s+(?:\w+\s+)?till\s+" + _SOMEONE_SV,
           _LINKED_SV),
    _gated("NG203", "en", r"\b(?:cannot|can\s*not|can't|could\s+not|couldn't|not\s+possible\s+to|never|"
                          r"not)\s+" + _gap(3) + _LINKED_EN, _LINKED_EN),
    # --- session 12: NG505 by families, not phrasings --------------------------------------
    # Keeping without end ("pysyvästi", "toistaiseksi", "tills vidare", "indefinitely"), and
    # deleting "now and then" ("määräajoin", "gallras regelbundet", "from time to time").
    *_retention_families(),
    # The period "depends", "varies", is decided case by case.
    _gated("NG505", "fi", r"\bsäilytys(?:ai\w*|jakso\w*|kau\w*)\s+" + _gap(2) + _DEPENDS_FI,
           r"\bsäilytys(?:ai|jakso|kau)"),
    _gated("NG505", "fi", _STORE_FI + r"\s+" + _gap(3) + r"tapauskohtai\w*", r"\btapauskohtai\w*"),
    _gated("NG505", "sv", r"\b(?:lagrings|bevarande|sparande|gallrings)(?:tid|period)\w*\s+" + _gap(2)
                          + _DEPENDS_SV, r"\b(?:lagrings|bevarande|sparande|gallrings)(?:tid|period)"),
    _gated("NG505", "en", r"\b(?:retention|storage)\s+(?:period|time|duration)s?\s+" + _gap(2)
                          + r"(?:depends?|var(?:y|ies)|differs?|is\s+(?:decided|determined|assessed)\s+"
                          r"(?:on\s+a\s+)?case[\s-]+by[\s-]+case)",
           r"\b(?:retention|storage)\s+(?:period|time|duration)s?\s+" + _gap(2)
           + r"(?:depend|var|differ|is\s+(?:decided|determined|assessed))"),
    _gated("NG505", "en", _KEEP_EN + _SAME_SENTENCE + r"\bcase[\s-]+by[\s-]+case\b",
           r"\bcase[\s-]+by[\s-]+case\b"),
    # Swedish need after "så länge", "längre än", "den tid", and the need as an adjective of time.
    _gated("NG505", "sv", r"\bså\s+länge\b[^.!?]{0,50}?\b" + _NEED_SV, r"\bså\s+länge\b"),
    _gated("NG505", "sv", r"\b(?:inte|aldrig|ej)\s+" + _gap(3) + r"längre\s+än\s+" + _gap(3) + _NEED_SV,
           r"\blängre\s+än"),
    _gated("NG505", "sv", r"\bden\s+tid\s+(?:som\s+)?" + _gap(2) + _NEED_SV,
           r"\bden\s+tid\b"),
    _gated("NG505", "sv", r"\b(?:under|i|för)\s+(?:en\s+|den\s+)?(?:nödvändig|erforderlig|behövlig|"
                          r"skälig|rimlig|lämplig|obestämd|obegränsad)\s+tid\b",
           r"\b(?:nödvändig|erforderlig|behövlig|skälig|rimlig|lämplig|obestämd|obegränsad)\s+tid\b"),
    _gated("NG505", "sv", r"\b(?:när|då|tills|till\s+dess|så\s+snart|efter\s+att)\b[^.!?]{0,50}?\b"
                          r"(?:inte|ej)\s+längre\s+" + _gap(1) + _NEED_SV,
           r"\b(?:inte|ej)\s+längre\b"),
    # English: the degree adverbs of the need, "no longer than", "until … no longer".
    _gated("NG505", "en", r"\bno\s+longer\s+than\s+(?:is\s+|it\s+is\s+|we\s+need|they\s+are\s+)?"
                          + _DEGREE_EN + _NEED_EN + r"\b", _NO_LONGER),
    _gated("NG505", "en", r"\b(?:until|when|once|after|as\s+soon\s+as)\b[^.!?]{0,60}?\bno\s+longer\s+"
                          + _gap(1) + _NEED_EN + r"\b",
           _NO_LONGER),
    _gated("NG505", "en", r"\bas\s+long\s+as\b[^.!?]{0,60}?\b(?:permit\w*|allow\w*|reasonabl\w*|"
                          r"legitimate|warrant\w*)\b", _AS_LONG_AS),
    # --- session 12: NG201-NG203, NG502, NG503 by families ----------------------------------
    # NG201: leaving a place ("eivät poistu Suomesta", "lämnar aldrig EU"); "inga … överförs";
    # "none of your data is transferred".
    _gated("NG201", "fi", r"\b" + _NEG_FI + r"\s+" + _gap(2) + r"(?:poistu|lähde|lähte|karkaa)\w*\s+"
                          r"(?:Suomesta|Euroopasta|Pohjoismaista|EU:sta|ETA:sta|EU-alueelta|ETA-alueelta|"
                          r"maasta)\b", r"\b(?:poistu|lähde|lähte|karkaa)\w*\s+(?:suomesta|euroopasta|"
                          r"pohjoismaista|eu:sta|eta:sta|eu-alueelta|eta-alueelta|maasta)\b"),
    _gated("NG201", "sv", r"\b(?:lämnar|lämnas|lämna)\s+(?:\w+\s+)?(?:inte|aldrig|ej)\s+(?:\w+\s+)?"
                          r"(?:Finland|EU|EES|Europa|Norden|landet)\b",
           r"\b(?:inte|aldrig|ej)\s+(?:\w+\s+)?(?:finland|eu|ees|europa|norden|landet)\b"),
    _gated("NG201", "sv", r"\binga\s+" + _gap(2) + r"(?:överförs|förs|skickas|lämnas|lagras|behandlas|"
                          r"flyttas)\b" + _SAME_SENTENCE + r"(?:" + _ABROAD_SV + r"|\butomlands\b)"
                          + _NO_EXCEPT,
           r"\binga\s+" + _gap(2) + r"(?:överförs|förs|skickas|lämnas|lagras|behandlas|flyttas)\b"),
    _gated("NG201", "en", r"\b(?:none|nothing|neither)\b\s+" + _gap(6) + r"(?:transfer\w*|transmit\w*|"
                          r"sent|moved|exported|stored|processed)\b" + _SAME_SENTENCE + _ABROAD_EN,
           r"\b(?:none|nothing|neither)\b"),
    # NG202: data that "stay with us" ("pysyvät yrityksen sisällä", "stannar hos oss", "stays
    # with us"); only "nähtävillä / saatavilla" to a few; "någon utanför föreningen"; "none of".
    _gated("NG202", "fi", r"\bpysy\w*\s+" + _gap(1) + r"(?:meillä|meidän\s+hallussamme|(?:yrityksen|yhtiön|"
                          r"yhdistyksen|seuran|organisaation|rekisterinpitäjän|konsernin)\s+(?:sisällä|"
                          r"hallussa))\b", r"\b(?:meillä|hallussamme|sisällä|hallussa)\b"),
    _gated("NG202", "fi", r"\b(?:ainoastaan|vain|yksinomaan|pelkästään)\s+" + _gap(3)
                          + r"(?:nähtävi\w*|saatavi\w*|ulottuvi\w*|tiedossa)\b",
           r"\b(?:nähtävi\w*|saatavi\w*|ulottuvi\w*|tiedossa)\b"),
    _gated("NG202", "sv", r"\b(?:stannar|stanna|förblir|stannas)\s+" + _gap(1) + r"(?:hos\s+oss|internt|"
                          r"inom\s+"
                          r"(?:företaget|föreningen|organisationen|koncernen|bolaget))\b",
           r"\b(?:stannar|stanna|förblir|stannas)\b"),
    _gated("NG202", "sv", r"\b(?:inte|aldrig|ej)\s+" + _gap(3) + r"(?:med|till)\s+(?:någon|några|ingen)\s+"
                          r"(?:annan\s+|andra\s+)?utanför\b(?!\s+(?:EU|EES|Europa|Finland|Norden))",
           r"\butanför\b"),
    _gated("NG202", "en", r"\b(?:stays?|remains?|kept)\s+(?:only\s+)?(?:with\s+us|within\s+(?:our|the)\s+"
                          r"(?:company|organi[sz]ation|association|club|group))\b",
           r"\b(?:with\s+us|within\s+(?:our|the)\s+(?:company|organi[sz]ation|association|club|group))\b"),
    _gated("NG202", "en", r"\b(?:none|nothing)\b\s+" + _gap(6) + r"(?:sold|shared|disclosed|passed\s+on|"
                          r"given|rented|handed)\b[^.!?]{0,60}?\b" + _OTHERS_EN,
           r"\b(?:none|nothing)\b"),
    # NG203: cannot be traced or linked, in the potential participle ("ei ole yhdistettävissä /
    # jäljitettävissä"), "går inte att koppla till dig", "we cannot tell who you are".
    _gated("NG203", "fi", r"\b" + _NEG_FI + r"\s+" + _gap(2) + r"ole\s+" + _gap(2)
                          + r"(?:yhdistettäv|liitettäv|kohdistettav|jäljitettäv|yksilöitäv|identifioitav|"
                          r"tunnistettav)\w*" + _NO_EXCEPT,
           r"\b(?:yhdistettäv|liitettäv|kohdistettav|jäljitettäv|"
                          r"yksilöitäv|identifioitav|tunnistettav)"),
    _gated("NG203", "fi", r"\b" + _NEG_FI + r"\s+" + _gap(4) + r"(?:voida|voi|pysty\w*|ole\s+"
                          r"mahdollista)\s+" + _gap(2) + r"jäljit\w*", r"\bjäljit"),
    _gated("NG203", "fi", r"\b" + _NEG_FI + r"\s+" + _gap(2) + r"(?:tiedä|näe|selvitä|tunne)\s*,?\s+"
                          r"(?:kuka|kenen|keitä|kenestä)\b", r"\b(?:kuka|kenen|keitä|kenestä)\b"),
    _gated("NG203", "sv", r"\bgår\s+" + _gap(1) + r"(?:inte|aldrig|ej)\s+att\s+(?:koppla|knyta|härleda|"
                          r"spåra|hänföra|identifiera)\w*" + _NO_EXCEPT,
           r"\b(?:inte|aldrig|ej)\s+att\s+(?:koppla|knyta|"
                          r"härleda|spåra|hänföra|identifiera)"),
    _gated("NG203", "en", r"\b(?:not|never|cannot|can't|can\s*not)\s+" + _gap(2) + r"(?:reveal\w*|"
                          r"disclose\w*|"
                          r"tell|know|see|work\s+out|determine)\s+(?:your\s+identity|who\s+you\s+are|who\s+"
                          r"(?:the\s+)?(?:user|visitor)s?\s+(?:is|are))" + _NO_EXCEPT,
           r"\b(?:your\s+identity|who\s+you\s+are|who\s+(?:the\s+)?(?:user|visitor))"),
    # NG502: the old rights in Swedish as a verb ("rätt att kontrollera") and a noun
    # ("förbudsrätt"). Not the Finnish "oikeus tarkastaa": the tuned set labels it clean of NG502.
    _p("NG502", "sv", r"\brätt(?:en)?\s+att\s+kontrollera\b", **_ACCESS_SV),
    _p("NG502", "sv", r"\bförbudsrätt\w*", **_OBJECT_SV),
    # NG503: "deemed to have accepted" ("katsotaan hyväksyneen", "anses ha godkänt", "deemed to
    # have agreed"), unless an explicit act is named ("only if you tick the box"); an act that
    # "innebär / betyder" acceptance.
    _gated("NG503", "fi", r"\b(?:hyväksynee|suostunee|sitoutunee)\w*" + _NO_EXPLICIT_ACT,
           r"\b(?:hyväksynee|suostunee|sitoutunee)"),
    _gated("NG503", "sv", r"\banses\s+" + _gap(2) + r"ha\s+(?:godkänt|accepterat|samtyckt|gett\s+"
                          r"(?:\w+\s+)?samtycke)" + _NO_EXPLICIT_ACT, r"\banses\s+" + _gap(2) + r"ha\s"),
    _gated("NG503", "sv", r"\b(?:användning\w*|använda|besök\w*|fortsatt\w*|fortsätta|surfa\w*|skicka\w*|"
                          r"registrering\w*|beställning\w*)\b[^.!?]{0,50}?\b(?:innebär|betyder|medför|"
                          r"räknas\s+som)\b[^.!?]{0,30}?\b(?:godkänn|accepter|samtyck|godkänt)\w*",
           r"\b(?:innebär|betyder|medför|räknas\s+som)\b"),
    _gated("NG503", "en", r"\b(?:deemed|considered|taken|assumed|treated\s+as\s+having)\s+(?:to\s+have\s+)?"
                          r"(?:agreed|accepted|consented)\b" + _NO_EXPLICIT_ACT,
           r"\b(?:deemed|considered|taken|assumed|having)\s+(?:to\s+have\s+)?(?:agreed|accepted|consented)"),
    # --- session 12, after Unseen 4's misses were read: the families they belong to --------
    # NG503: the actor as an agent noun in -ja/-jä ("lomakkeen lähettäjä", "sivuston käyttäjä")
    # who "thereby" or "automatically" accepts: "antaa samalla luvan", "hyväksyy näin". Third
    # person only: "Voit samalla antaa suostumuksesi erillisellä ruudulla" is a choice.
    _gated("NG503", "fi", r"\b\w+(?:ja|jä)\s+" + _gap(3) + r"(?:" + _THEREBY_FI + r"\s+" + _gap(1)
                          + r"(?:hyväksyy|suostuu|sitoutuu|antaa\s+(?:\w+\s+)?" + _LEAVE_FI + r")|"
                          r"(?:hyväksyy|suostuu|sitoutuu)\s+" + _THEREBY_FI + r"\b|antaa\s+" + _THEREBY_FI
                          + r"\s+(?:\w+\s+)?" + _LEAVE_FI + r")",
           r"\b" + _THEREBY_FI + r"\b"),
    # NG203 in Swedish and English: collects, stores or contains no personal data, in either
    # order of verb and negation ("samlar inte in några personuppgifter", "inga personuppgifter
    # lagras", "does not collect any personal data"); Finnish has had it since #16.
    _gated("NG203", "sv", r"\b(?:samla|registrera|innehåll|hämta)\w*\s+(?:\w+\s+)?"
                          r"(?:inte|aldrig|ej)\s+(?:in\s+)?(?:några\s+)?(?:personuppgifter|identifierande)\b",
           _NO_PERSONAL_DATA_SV),
    _gated("NG203", "sv", r"\b(?:samla|registrera|innehåll|hämta)\w*\s+(?:\w+\s+)?"
                          r"(?:in\s+)?inga\s+(?:personuppgifter|identifierande)\b", _NO_PERSONAL_DATA_SV),
    _gated("NG203", "sv", r"\binga\s+personuppgifter\s+(?:\w+\s+)?(?:samlas|registreras|"
                          r"hämtas)\b", _NO_PERSONAL_DATA_SV),
    # Not "contain": aggregate figures "contain no personal data" (the tuned set's clean line);
    # not "store" or "spara": "we do not store personal data longer than two years" is a period.
    _gated("NG203", "en", r"\b(?:not|never)\s+" + _gap(1) + r"(?:collect|gather)\w*\s+"
                          r"(?:any\s+)?(?:personal\s+(?:data|information)|personally\s+identifiable)\b",
           _COLLECT_EN + r"\s+(?:any\s+)?personal(?:ly)?\s"),
    _gated("NG203", "en", _COLLECT_EN + r"\s+no\s+(?:personal\s+(?:data|information)|personally\s+"
                          r"identifiable)\b", _COLLECT_EN + r"\s+no\s+personal"),
    # NG502: Finnish and Swedish compounds coordinated with a hyphen ("rekisteri- ja
    # tietosuojaseloste" is a "rekisteriseloste"; "tarkastus- ja oikaisuoikeus", "henkilö- ja
    # asiakasrekisteri", "register- och dataskyddsbeskrivning"); inspection as a Swedish noun.
    _gated("NG502", "fi", r"\brekisteri-\s+(?:ja|tai|sekä)\s+\w*selost\w*", r"\brekisteri-\s", **_SELOSTE),
    _gated("NG502", "fi", r"\b(?:tarkastus|tarkistus)-\s+(?:ja|tai|sekä)\s+\w*(?:oikeu|pyy?n)\w*",
           r"\b(?:tarkastus|tarkistus)-\s", **_ACCESS),
    _gated("NG502", "fi", r"\bkielto-\s+(?:ja|tai|sekä)\s+\w*(?:oikeu|pyy?n)\w*", r"\bkielto-\s", **_OBJECT),
    _gated("NG502", "fi", r"\bhenkilö-\s+(?:ja|tai|sekä)\s+\w*rekister\w*", r"\bhenkilö-\s",
           **_PERSONAL_REGISTER),
    _gated("NG502", "sv", r"\bregister-\s+(?:och|eller)\s+\w*beskrivning\w*", r"\bregister-\s",
           **_SELOSTE_SV),
    _gated("NG502", "sv", r"\b(?:begäran\s+om\s+granskning|granskningsbegäran|granskning\s+av\s+(?:dina|"
                          r"egna|sina|de)\s+(?:egna\s+)?(?:person)?uppgifter)",
           r"\b(?:begäran\s+om\s+granskning|granskningsbegäran|granskning\s+av\s)", **_ACCESS_SV),
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
def _any_rule(lang: str, fold: bool = False) -> re.Pattern[str] | None:
    """Every pattern for ``lang`` as one regex: a text it does not match, no rule's matches.
    One search over all of them takes about half as long as one per rule. The regex is in lower
    case and searches lower-cased text: without IGNORECASE the engine skips a branch on its
    first letter, which makes this search, the one every text of a notice meets, three times
    faster (#16). ``fold``: the same with IGNORECASE, for the rare text :data:`_FOLD_TRAPS`
    names."""
    found = [p for p in PATTERNS if p.applies_to(lang) and p.rule not in SCOPED]
    if not found:
        return None
    sources = list(dict.fromkeys(p.gate or p.source for p in found))  # a gate may serve two
    if fold:
        return re.compile("|".join(f"(?:{s})" for s in sources), re.IGNORECASE)
    return re.compile("|".join(f"(?:{_lowered(s)})" for s in sources))


def _lowered(source: str) -> str:
    """A regex's letters in lower case, its escapes (``\\b``, ``\\W``) as they are."""
    return _ESCAPE_OR_TEXT.sub(lambda m: m[0] if m[0].startswith("\\") else m[0].lower(), source)


_ESCAPE_OR_TEXT = re.compile(r"\\.|[^\\]+", re.DOTALL)
_FOLD_TRAPS = re.compile("[\u0130\u0131\u017f]")
"""Letters whose ``str.lower()`` differs from IGNORECASE ("İ" becomes two characters; "ı" and
"ſ" match "i" and "s" only with IGNORECASE): a text with one is searched with IGNORECASE."""


def _one_regex(patterns: Sequence[Pattern]) -> re.Pattern[str] | None:
    """Any of ``patterns`` as one regex, by their gates (shorter, so quicker to compile; each
    pattern's own regex decides after it); None when there are none."""
    if not patterns:
        return None
    sources = dict.fromkeys(p.gate or p.source for p in patterns)
    return re.compile("|".join(f"(?:{s})" for s in sources), re.IGNORECASE)


def may_match(lang: str, text: str) -> bool:
    """Whether any rule's pattern could match ``text``; False rules it out for every rule."""
    if _FOLD_TRAPS.search(text):
        combined = _any_rule(lang, fold=True)
        return combined is not None and combined.search(text) is not None
    combined = _any_rule(lang)
    return combined is not None and combined.search(text.lower()) is not None


_UNSIGNED = (r"\b(?:ei|eikä)\s+(?:tarvitse|tarvita|vaadita|edellytetä)\s+(?:\w+\s+){0,2}allekirjoi|"
             r"\bilman\s+allekirjoitu|\bno\s+signature|\bwithout\s+(?:a\s+)?signature|"
             r"\b(?:not|never)\s+(?:need\s+to\s+|have\s+to\s+)?be\s+signed|\bbehöver\s+inte\s+"
             r"(?:vara\s+)?underteckna|\butan\s+underskrift")
"""A signature said not to be needed ("pyyntöä ei tarvitse allekirjoittaa") (s11)."""

_PUBLISHED = (r"\b(?:raportoi\w*|julkai\w*|julkist\w*|publish\w*|reported|publicera\w*|"
              r"rapportera\w*)")
"""Results reported or published in aggregate ("Tutkimustulokset raportoidaan tilastoina, joista
yksittäistä vastaajaa ei voi tunnistaa"): a true statement about the output, not a claim that
the data collected are anonymous (NG203) (s12)."""

_UNLESS = {"NG505": _DURATION, "NG507": _UNSIGNED, "NG203": _PUBLISHED}
"""Per rule, what in the same sentence takes a match back: "as long as necessary, at most two
years" and "kept for six years, as required by law" state a period (#16)."""


@cache
def _unless(rule: str) -> re.Pattern[str] | None:
    source = _UNLESS.get(rule)
    return None if source is None else re.compile(source, re.IGNORECASE)


def _sentence(text: str, match: re.Match[str]) -> str:
    """The sentence of ``text`` that ``match`` is in."""
    start = max(text.rfind(stop, 0, match.start()) for stop in ".!?") + 1
    ends = [i for i in (text.find(stop, match.end()) for stop in ".!?") if i >= 0]
    return text[start:min(ends, default=len(text))]


def search(rule: str, lang: str, text: str) -> Iterator[tuple[Pattern, re.Match[str]]]:
    """The first of the rule's patterns that matches ``text`` for each meaning (its message
    parameters), with its first match (in a sentence the rule's :data:`_UNLESS` does not take
    back). Every caller reports one finding per text and meaning, so the later patterns of a
    meaning already found are neither compiled nor searched: most rules have one meaning, and a
    text that draws one is searched by one or two of its patterns instead of all of them."""
    combined, found = _indexed(rule, lang)
    if combined is None or not combined.search(text):
        return
    unless = _unless(rule)
    done: list[Mapping[str, Mapping[str, str]]] = []
    for pattern in found:
        if pattern.params in done:
            continue
        for match in pattern.regex.finditer(text):
            if unless is None or not unless.search(_sentence(text, match)):
                done.append(pattern.params)
                yield pattern, match
                break


def excerpt(match: re.Match[str], limit: int = 70) -> str:
    """The matched words on one line, shortened for a message."""
    text = " ".join(match.group(0).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
