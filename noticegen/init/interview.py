"""The `noticegen init` interview: questions in Finnish or English, each answer checked as given."""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import typer

from noticegen import catalog
from noticegen.init import parts
from noticegen.init.parts import Tx
from noticegen.init.starter import (
    Answers,
    catalogue_kinds,
    default_languages,
    notice_languages,
    offered_services,
)
from noticegen.l10n import C_, N_, message_language, message_languages

T = TypeVar("T")

Check = Callable[[str], tuple[T | None, str]]
"""An answer → (value, "") when it is fine, or (None, what to say) when it is not."""


def default_language(environ: Mapping[str, str] | None = None, *, configured: str | None = None,
                     system: str | None = None) -> str:
    """The language of the questions when `--lang` is not given: NOTICEGEN_LANG, then the
    project setting, then the locale (on Windows the system locale), then English; the same
    rule as every other command's (noticegen.lint.lang)."""
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
        if not codes or any(c not in notice_languages() for c in codes):
            return None, SAY["languages"](lang).format(choices=", ".join(notice_languages()))
        return tuple(dict.fromkeys(codes)), ""

    return check


# TRANSLATORS: the answers a user may type for yes (for no), separated by spaces; the first is
# the one the questions show ("[y/N]").
YES = C_("answers meaning yes", "y yes")
NO = C_("answers meaning no", "n no")


def _answers(words: Mapping[str, str]) -> set[str]:
    """The answers of every message language: "yes" works in a Finnish interview too."""
    return {w.lower() for lang in message_languages() for w in words[lang].split()}


def check_yes_no(lang: str) -> Check[bool]:
    yes, no = _answers(YES), _answers(NO) - _answers(YES)

    def check(text: str) -> tuple[bool | None, str]:
        if text.lower() in yes:
            return True, ""
        if text.lower() in no:
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
    languages = ask(lang, "languages", check_languages(lang),
                    default=", ".join(default_languages(lang)))
    yes_no = check_yes_no(lang)
    kinds, unconfirmed = catalogue_kinds(), catalogue_kinds(confirmed=False)
    choices: set[str] = set()
    services: dict[str, tuple[str, ...]] = {}
    for choice in parts.CHOICES:
        if not ask(lang, choice, yes_no, default=NO[lang].split()[0], show_default=False):
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


QUESTIONS: dict[str, Tx] = {
    "company": Tx(N_("The company's legal name (as in the Trade Register)")),
    "business_id": Tx(N_("Y-tunnus, the Finnish business ID (e.g. 1234567-1; leave empty if none)")),
    "street": Tx(N_("Street address")),
    "postal_code": Tx(N_("Postal code")),
    "city": Tx(N_("City")),
    "email": Tx(N_("E-mail address for privacy requests")),
    "languages": Tx(N_("The notice's languages, separated by commas (fi = Finnish, sv = Swedish, "
                       "en = English)")),
    "analytics": Tx(N_("Does the website use analytics cookies, such as Google Analytics? [y/N]")),
    "marketing": Tx(N_("Does the website use marketing cookies, such as the Meta Pixel? [y/N]")),
    "newsletter": Tx(N_("Does the company send a newsletter? [y/N]")),
    "shop": Tx(N_("Does the company have an online shop? [y/N]")),
    "jobs": Tx(N_("Does the company receive job applications? [y/N]")),
    "services": Tx(N_("Type the numbers separated by commas, or leave empty if none applies")),
}

SAY: dict[str, Tx] = {
    "intro": Tx(N_("Answer a few questions to get a starter privacy notice. If you do not know an answer "
                   "yet, press Enter: the spot is marked TODO in the file for you to fill in later.")),
    "business_id_shape": Tx(N_("Write the Y-tunnus as 1234567-1.")),
    "business_id_digit": Tx(N_("The Y-tunnus's check digit does not match. Look the ID up at ytj.fi.")),
    "postal_code": Tx(N_("A Finnish postal code has five digits, such as 00100.")),
    "email": Tx(N_("This is not an e-mail address. Write it as name@company.fi.")),
    "email_needed": Tx(N_("An e-mail address is needed: people use it to exercise their rights.")),
    "languages": Tx(N_("Choose the languages from {choices}, separated by commas.")),
    "yes_no": Tx(N_("Answer y (yes) or n (no).")),
    "number_one": Tx(N_("Type 1, or leave it empty.")),
    "numbers": Tx(N_("Type numbers from 1 to {n}, separated by commas.")),
    "written": Tx(N_("The starter privacy notice is saved in {path}.")),
    "unconfirmed": Tx(N_("  Not listed: {names}, because the catalogue cannot confirm on what ground it "
                         "transfers data outside the EU. If you use it, add it to the file yourself.")),
    "todo": Tx(N_("Before you publish, fill in the spot marked TODO:")),
    "todos": Tx(N_("Before you publish, fill in the {n} spots marked TODO:")),
    "next": Tx(N_("Next: open the file in a text editor and check it with\n"
                  "  noticegen check {path}")),
    "exists": Tx(N_("{path} already exists and is not overwritten.")),
    "exists_hint": Tx(N_("Give another file name, or replace the file with --force.")),
}
