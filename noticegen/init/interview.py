"""The `noticegen init` interview: questions in Finnish or English, each answer checked as given."""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import typer

from noticegen.init import parts
from noticegen.init.parts import Tx
from noticegen.init.starter import NOTICE_LANGUAGES, Answers, catalogue_kinds, offered_services

T = TypeVar("T")

Check = Callable[[str], tuple[T | None, str]]
"""An answer → (value, "") when it is fine, or (None, what to say) when it is not."""


def default_language(environ: Mapping[str, str] | None = None, *, configured: str | None = None,
                     system: str | None = None) -> str:
    """The language of the questions when `--lang` is not given: NOTICEGEN_LANG, then the
    project setting, then the locale (on Windows the system locale), then English; the same
    rule as every other command's (noticegen.lint.lang)."""
    from noticegen.l10n import message_language

    return message_language(None, configured, environ, system=system)


def ask(lang: str, key: str, check: Check[T], *, default: str = "",
        show_default: bool = True) -> T:
    """Ask until the answer passes `check`; the prompt goes to stderr so `-` output stays clean."""
    while True:
        answer = typer.prompt(QUESTIONS[key](lang), default=default,
                              show_default=show_default and bool(default), err=True)
        value, problem = check(str(answer).strip())
        if not problem:
            return value  # type: ignore[return-value]  # a check returns a value with ""
        typer.echo(f"  {problem}", err=True)


def check_business_id(lang: str) -> Check[str]:
    """A Y-tunnus as 1234567-1 (or 12345678) with a correct check digit; empty to skip."""
    from noticegen.model.controller import y_tunnus_check_digit

    def check(text: str) -> tuple[str | None, str]:
        if not text:
            return "", ""
        compact = re.sub(r"\s", "", text).replace("–", "-")
        match = re.fullmatch(r"(\d{7})-?(\d)", compact, re.ASCII)
        if not match:
            return None, SAY["business_id_shape"](lang)
        body, digit = match.groups()
        if y_tunnus_check_digit(body) != int(digit):
            return None, SAY["business_id_digit"](lang)
        return f"{body}-{digit}", ""

    return check


def check_text(text: str) -> tuple[str | None, str]:
    return text, ""


def check_postal_code(lang: str) -> Check[str]:
    def check(text: str) -> tuple[str | None, str]:
        if not text or re.fullmatch(r"\d{5}", text, re.ASCII):
            return text, ""
        return None, SAY["postal_code"](lang)

    return check


def check_email(lang: str) -> Check[str]:
    def check(text: str) -> tuple[str | None, str]:
        from pydantic import TypeAdapter, ValidationError

        from noticegen.model.types import Email

        if not text:
            return None, SAY["email_needed"](lang)
        try:
            return TypeAdapter(Email).validate_python(text), ""
        except ValidationError:
            return None, SAY["email"](lang)

    return check


def check_languages(lang: str) -> Check[tuple[str, ...]]:
    def check(text: str) -> tuple[tuple[str, ...] | None, str]:
        codes = [c for c in re.split(r"[\s,;]+", text.lower()) if c]
        if not codes or any(c not in NOTICE_LANGUAGES for c in codes):
            return None, SAY["languages"](lang)
        return tuple(dict.fromkeys(codes)), ""

    return check


YES = {"k", "kyllä", "kylla", "y", "yes"}
NO = {"e", "ei", "n", "no"}


def check_yes_no(lang: str) -> Check[bool]:
    def check(text: str) -> tuple[bool | None, str]:
        if text.lower() in YES:
            return True, ""
        if text.lower() in NO:
            return False, ""
        return None, SAY["yes_no"](lang)

    return check


def check_numbers(lang: str, options: Sequence[str]) -> Check[tuple[str, ...]]:
    """Numbers of listed options, separated by commas or spaces; empty for none."""
    def check(text: str) -> tuple[tuple[str, ...] | None, str]:
        picked: list[str] = []
        for word in (w for w in re.split(r"[\s,;]+", text) if w):
            if not word.isdigit() or not 1 <= int(word) <= len(options):
                if len(options) == 1:
                    return None, SAY["number_one"](lang)
                return None, SAY["numbers"](lang).format(n=len(options))
            if options[int(word) - 1] not in picked:
                picked.append(options[int(word) - 1])
        return tuple(picked), ""

    return check


def interview(lang: str) -> Answers:
    """Ask the questions and return the answers; everything it prints goes to stderr.

    Click's prompt prints part of each prompt with input() on stdout, which would end up in
    the notice with `init -`: stdout points at stderr while the interview lasts.
    """
    with contextlib.redirect_stdout(sys.stderr):
        try:
            return _interview(lang)
        except KeyboardInterrupt:  # end the question's line: "noticegen: interrupted" follows
            typer.echo(err=True)
            raise


def _interview(lang: str) -> Answers:
    typer.echo(SAY["intro"](lang), err=True)
    company = ask(lang, "company", check_text)
    business_id = ask(lang, "business_id", check_business_id(lang))
    street = ask(lang, "street", check_text)
    postal_code = ask(lang, "postal_code", check_postal_code(lang))
    city = ask(lang, "city", check_text)
    email = ask(lang, "email", check_email(lang))
    first = [lang, *(x for x in NOTICE_LANGUAGES if x != lang)]
    languages = ask(lang, "languages", check_languages(lang), default=", ".join(first))
    yes_no = check_yes_no(lang)
    kinds, unconfirmed = catalogue_kinds(), catalogue_kinds(confirmed=False)
    choices: set[str] = set()
    services: dict[str, tuple[str, ...]] = {}
    for choice in parts.CHOICES:
        if not ask(lang, choice, yes_no, default=NO_DEFAULT[lang], show_default=False):
            continue
        choices.add(choice)
        offered = offered_services(choice, kinds)
        missing = offered_services(choice, unconfirmed)
        if offered or missing:
            services[choice] = _pick_services(lang, choice, offered, missing)
    return Answers(lang=lang, company=company, business_id=business_id, street=street,
                   postal_code=postal_code, city=city, email=email, languages=languages,
                   choices=frozenset(choices), services=services)


def _pick_services(lang: str, choice: str, offered: list[str],
                   missing: list[str]) -> tuple[str, ...]:
    """List the services, name those left out, and ask for the numbers of those in use."""
    from noticegen import catalog

    if offered:
        question = next(p.service_question for p in parts.PURPOSES
                        if p.when == choice and p.service_question)
        typer.echo(question(lang), err=True)
        for n, sid in enumerate(offered, 1):
            typer.echo(f"  {n}. {_service_name(catalog.service(sid), sid)}", err=True)
    if missing:
        names = ", ".join(_service_name(catalog.service(sid), sid) for sid in missing)
        typer.echo(SAY["unconfirmed"](lang).format(names=names), err=True)
    return ask(lang, "services", check_numbers(lang, offered)) if offered else ()


def _service_name(entry: dict[str, Any], sid: str) -> str:
    name = entry.get("name") or sid
    entity = (entry.get("entity") or {}).get("name")
    return f"{name} ({entity})" if entity and entity != name else str(name)


NO_DEFAULT = {"fi": "e", "en": "n"}

QUESTIONS: dict[str, Tx] = {
    "company": Tx("Yrityksen virallinen nimi (kuten kaupparekisterissä)",
                  "The company's legal name (as in the Trade Register)"),
    "business_id": Tx("Y-tunnus (esim. 1234567-1; jätä tyhjäksi, jos sitä ei ole)",
                      "Y-tunnus, the Finnish business ID (e.g. 1234567-1; leave empty if none)"),
    "street": Tx("Katuosoite", "Street address"),
    "postal_code": Tx("Postinumero", "Postal code"),
    "city": Tx("Postitoimipaikka", "City"),
    "email": Tx("Sähköpostiosoite, johon tietosuojaa koskevat pyynnöt lähetetään",
                "E-mail address for privacy requests"),
    "languages": Tx("Selosteen kielet (fi = suomi, en = englanti)",
                    "The notice's languages (fi = Finnish, en = English)"),
    "analytics": Tx(
        "Käyttääkö verkkosivusto analytiikkaevästeitä, esimerkiksi Google Analyticsia? [k/E]",
        "Does the website use analytics cookies, such as Google Analytics? [y/N]"),
    "marketing": Tx(
        "Käyttääkö verkkosivusto markkinointievästeitä, esimerkiksi Meta-pikseliä? [k/E]",
        "Does the website use marketing cookies, such as the Meta Pixel? [y/N]"),
    "newsletter": Tx("Lähettääkö yritys uutiskirjettä? [k/E]",
                     "Does the company send a newsletter? [y/N]"),
    "shop": Tx("Onko yrityksellä verkkokauppa? [k/E]", "Does the company have an online shop? [y/N]"),
    "jobs": Tx("Ottaako yritys vastaan työhakemuksia? [k/E]",
               "Does the company receive job applications? [y/N]"),
    "services": Tx("Kirjoita numerot pilkuin erotettuina tai jätä tyhjäksi, jos mikään ei sovi",
                   "Type the numbers separated by commas, or leave empty if none applies"),
}

SAY: dict[str, Tx] = {
    "intro": Tx(
        "Vastaa muutamaan kysymykseen, niin saat tietosuojaselosteen pohjan. Jos et vielä "
        "tiedä vastausta, paina Enteriä. Kohta merkitään tiedostoon merkinnällä TODO, ja voit "
        "täydentää sen myöhemmin.",
        "Answer a few questions to get a starter privacy notice. If you do not know an answer "
        "yet, press Enter: the spot is marked TODO in the file for you to fill in later.",
    ),
    "business_id_shape": Tx("Kirjoita Y-tunnus muodossa 1234567-1.",
                            "Write the Y-tunnus as 1234567-1."),
    "business_id_digit": Tx(
        "Y-tunnuksen tarkistusnumero ei täsmää. Tarkista tunnus osoitteesta ytj.fi.",
        "The Y-tunnus's check digit does not match. Look the ID up at ytj.fi."),
    "postal_code": Tx("Postinumerossa on viisi numeroa, esimerkiksi 00100.",
                      "A Finnish postal code has five digits, such as 00100."),
    "email": Tx("Tämä ei ole sähköpostiosoite. Kirjoita se muodossa nimi@yritys.fi.",
                "This is not an e-mail address. Write it as name@company.fi."),
    "email_needed": Tx("Sähköpostiosoite tarvitaan, koska sen kautta ihmiset voivat käyttää oikeuksiaan.",
                       "An e-mail address is needed: people use it to exercise their rights."),
    "languages": Tx("Valitse kielet vaihtoehdoista fi ja en pilkuin erotettuina.",
                    "Choose the languages from fi and en, separated by commas."),
    "yes_no": Tx("Vastaa k (kyllä) tai e (ei).", "Answer y (yes) or n (no)."),
    "number_one": Tx("Kirjoita 1 tai jätä tyhjäksi.", "Type 1, or leave it empty."),
    "numbers": Tx("Kirjoita numeroita väliltä 1–{n} pilkuin erotettuina.",
                  "Type numbers from 1 to {n}, separated by commas."),
    "written": Tx("Tietosuojaselosteen pohja on tallennettu tiedostoon {path}.",
                  "The starter privacy notice is saved in {path}."),
    "unconfirmed": Tx(
        "  Luettelosta puuttuu {names}: palveluluettelossa ei ole vahvistettua tietoa siitä, "
        "millä perusteella palvelu siirtää tietoja EU:n ulkopuolelle. Jos käytät sitä, lisää "
        "se tiedostoon itse.",
        "  Not listed: {names}, because the catalogue cannot confirm on what ground it "
        "transfers data outside the EU. If you use it, add it to the file yourself."),
    "todo": Tx("Täydennä ennen julkaisemista kohta, joka on merkitty tekstillä TODO:",
               "Before you publish, fill in the spot marked TODO:"),
    "todos": Tx("Täydennä ennen julkaisemista {n} kohtaa, jotka on merkitty tekstillä TODO:",
                "Before you publish, fill in the {n} spots marked TODO:"),
    "next": Tx("Seuraavaksi: avaa tiedosto tekstieditorissa ja tarkista se komennolla\n"
               "  noticegen check {path}",
               "Next: open the file in a text editor and check it with\n"
               "  noticegen check {path}"),
    "exists": Tx("{path} on jo olemassa, eikä sitä korvata.",
                 "{path} already exists and is not overwritten."),
    "exists_hint": Tx("Anna toinen tiedostonimi tai korvaa tiedosto valitsimella --force.",
                      "Give another file name, or replace the file with --force."),
}
