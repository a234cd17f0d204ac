"""Write synthetic, valid notice YAML for benchmarks: deterministic for a given seed.

Examples::

    python benchmarks/generate.py --preset typical -o /tmp/typical.yaml
    python benchmarks/generate.py --preset large -o /tmp/large.yaml
    python benchmarks/generate.py --registers 5 --purposes 20 --processors 8 --cookies 40 -o x.yaml
    python benchmarks/generate.py --preset typical --count 1000 --out-dir /tmp/batch

Every notice is in Finnish and English, uses real vocabulary ids (read from noticegen/vocab/),
has unique ids, a retention rule per purpose, cookies whose ``provider`` names a declared
recipient, and transfers outside the EU/EEA with a mechanism and a link. Generated notices pass
``noticegen check`` with 0 errors (lint warnings are allowed); tests/test_benchmarks.py checks it.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from noticegen import vocab
from noticegen.model.controller import y_tunnus_check_digit


@dataclass(frozen=True)
class Size:
    """How much a notice contains. ``purposes`` and ``cookies`` are totals for the notice."""

    registers: int
    purposes: int
    processors: int
    cookies: int
    uses: int = 1
    """Catalogue services named under ``uses:`` (each brings its recipient and cookies)."""


PRESETS: dict[str, Size] = {
    "tiny": Size(registers=1, purposes=2, processors=1, cookies=2, uses=0),
    "small": Size(registers=5, purposes=20, processors=4, cookies=100),
    "small2x": Size(registers=10, purposes=40, processors=8, cookies=200),
    "typical": Size(registers=3, purposes=12, processors=6, cookies=15),
    "large": Size(registers=100, purposes=400, processors=40, cookies=2000),
    "large2x": Size(registers=200, purposes=800, processors=80, cookies=4000),
}
"""``typical`` and ``large`` are the sizes of the issue; ``large2x`` doubles every count of
``large``; ``tiny``, ``small`` and ``small2x`` are for ``run.py --quick``."""

# Catalogue services with no cookies of the same name as ours; a notice picks some for ``uses:``.
CATALOGUE = ("hotjar", "google-analytics-4", "mailchimp", "hubspot", "stripe", "zendesk",
             "matomo-cloud", "slack")

# Common words for descriptions, so that notices differ in text (no caching across notices by
# accident) while staying readable.
_FI_WORDS = ("asiakas", "palvelu", "tilaus", "laskutus", "markkinointi", "tuki", "kehitys",
             "verkkosivusto", "uutiskirje", "tapahtuma", "rekrytointi", "sopimus", "palaute",
             "turvallisuus", "raportointi", "analytiikka", "jäsenyys", "toimitus", "varaus")
_EN_WORDS = ("customer", "service", "order", "invoicing", "marketing", "support", "development",
             "website", "newsletter", "event", "recruitment", "contract", "feedback", "security",
             "reporting", "analytics", "membership", "delivery", "booking")
_CITIES = ("Helsinki", "Espoo", "Tampere", "Vantaa", "Oulu", "Turku", "Jyväskylä", "Lahti")
_EEA = ("FI", "SE", "DE", "IE", "NL", "EE", "DK", "FR")
_THIRD = ("US", "GB", "CH", "JP", "CA", "IN")
_MECHANISM_FOR = {"US": "eu_us_dpf", "GB": "adequacy_decision", "CH": "adequacy_decision",
                  "JP": "adequacy_decision", "CA": "adequacy_decision", "IN": "standard_clauses"}
_SPECIAL = frozenset(  # (and the identity code, which needs a ground under national law)
    term_id for term_id, term in vocab.vocabulary("data_categories").items()
    if term.attrs.get("special") or term.attrs.get("criminal")) | {"personal_identity_code"}
_DATA_CATEGORIES = tuple(t for t in vocab.vocabulary("data_categories") if t not in _SPECIAL)
_DATA_SUBJECTS = tuple(vocab.vocabulary("data_subjects"))
_SOURCES = tuple(vocab.vocabulary("sources"))
_EVENTS = tuple(vocab.vocabulary("retention_events"))
_BASES = ("contract", "legal_obligation", "legitimate_interests", "consent")
_REQUIREMENTS = tuple(vocab.vocabulary("requirement_types"))
_COOKIE_TERMS = vocab.vocabulary("cookie_categories")
_CATEGORIES = tuple(_COOKIE_TERMS)
_DURATIONS = ("P1Y", "P6M", "P30D", "P2Y", "PT30M", "session", "P13M", "P90D")
_PERIODS = ("P1Y", "P2Y", "P3Y", "P5Y", "P6Y", "P6M", "P90D", "P10Y")


def _business_id(rng: random.Random) -> str:
    while True:
        body = f"{rng.randrange(1_000_000, 9_999_999):07d}"
        digit = y_tunnus_check_digit(body)
        if digit is not None:
            return f"{body}-{digit}"


def _phrase(rng: random.Random, n: int = 3) -> tuple[str, str]:
    """A Finnish and an English phrase of the same n topics."""
    picks = rng.sample(range(len(_FI_WORDS)), n)
    fi = ", ".join(_FI_WORDS[i] for i in picks)
    en = ", ".join(_EN_WORDS[i] for i in picks)
    return fi[0].upper() + fi[1:], en[0].upper() + en[1:]


def _text(rng: random.Random, fi_start: str, en_start: str, n: int = 3) -> dict[str, str]:
    fi, en = _phrase(rng, n)
    return {"fi": f"{fi_start}: {fi.lower()}.", "en": f"{en_start}: {en.lower()}."}


def _spread(total: int, parts: int) -> list[int]:
    """``total`` items over ``parts`` groups as evenly as possible (the first get the rest)."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _processor(rng: random.Random, index: int) -> dict[str, Any]:
    rid = f"processor-{index + 1}"
    country = rng.choice(_EEA)
    fi, en = _phrase(rng, 2)
    rec: dict[str, Any] = {
        "id": rid,
        "name": f"Palveluntarjoaja {index + 1} Oy" if country == "FI" else f"Provider {index + 1} Ltd",
        "role": "processor" if index % 5 else "independent_controller",
        "country": country,
        "description": {"fi": f"Palvelu: {fi.lower()}.", "en": f"Service: {en.lower()}."},
        "privacy_policy": f"https://provider{index + 1}.example.com/privacy",
    }
    if index % 3 == 1:  # every third processor sends data outside the EU/EEA
        target = _THIRD[index % len(_THIRD)]
        mechanism = _MECHANISM_FOR[target]
        transfer: dict[str, Any] = {"countries": [target], "mechanism": mechanism,
                                    "link": f"https://provider{index + 1}.example.com/dpa"}
        if mechanism == "eu_us_dpf":
            transfer["checked"] = "2026-10-01"
        # The recipient is in the EU/EEA: the data reach its sub-processors, or a controller
        # transfers them itself (NG310).
        transfer["sub_processors" if rec["role"] == "processor" else "onward"] = True
        rec["transfers"] = [transfer]
    if rec["role"] == "processor":
        rec["dpa"] = f"https://provider{index + 1}.example.com/dpa"
    return rec


def _purpose(rng: random.Random, pid: str, categories: list[str],
             processors: list[str]) -> dict[str, Any]:
    basis = _BASES[rng.randrange(len(_BASES))]
    fi, en = _phrase(rng, 3)
    purpose: dict[str, Any] = {
        "id": pid,
        "description": {"fi": fi, "en": en},
        "legal_basis": [basis],
    }
    if basis == "legitimate_interests":
        purpose["legitimate_interest"] = _text(rng, "Oikeutettu etumme on kehittää", "Our legitimate "
                                               "interest is to develop")
        if rng.random() < 0.3:
            purpose["direct_marketing"] = True
            # e-mail marketing without consent: existing customers only (Act 917/2014, 200 §)
            purpose["data_subjects"] = ["customers"]
    elif basis == "legal_obligation":
        purpose["law"] = {"fi": "Kirjanpitolaki (1336/1997)", "en": "Accounting Act (1336/1997)"}
    elif basis == "consent":
        purpose["withdrawal"] = {
            "fi": "Voit peruuttaa suostumuksesi milloin tahansa sivuston alalaidan linkistä.",
            "en": "You can withdraw your consent at any time from the link at the bottom of the page.",
        }
    k = min(len(categories), rng.randint(1, 4))
    purpose["data_categories"] = sorted(rng.sample(categories, k), key=categories.index)
    period = rng.choice(_PERIODS)
    retention: dict[str, Any] = {"period": "P6Y" if basis == "legal_obligation" else period}
    if rng.random() < 0.7:
        retention["after"] = ("end_of_financial_year" if basis == "legal_obligation"
                              else rng.choice(_EVENTS))
    purpose["retention"] = retention
    kind = {"legal_obligation": "statutory", "contract": "contractual"}.get(basis, "voluntary")
    purpose["requirement"] = {"type": kind}
    if kind != "voluntary":
        purpose["requirement"]["consequence"] = {
            "fi": "Ilman näitä tietoja emme voi palvella sinua.",
            "en": "Without these data we cannot serve you."}
    if processors and rng.random() < 0.5:
        purpose["recipients"] = sorted(set(rng.sample(processors, min(2, len(processors)))))
    return purpose


def _register(rng: random.Random, r: int, n_purposes: int, processors: list[str],
              next_purpose: int) -> dict[str, Any]:
    rid = f"register-{r + 1}"
    fi, en = _phrase(rng, 2)
    categories = sorted(rng.sample(_DATA_CATEGORIES, min(len(_DATA_CATEGORIES), 6)),
                        key=_DATA_CATEGORIES.index)
    reg: dict[str, Any] = {
        "id": rid,
        "name": {"fi": f"{fi}rekisteri {r + 1}", "en": f"{en} register {r + 1}"},
        "data_subjects": sorted(rng.sample(_DATA_SUBJECTS, 2), key=_DATA_SUBJECTS.index),
        "data_categories": categories,
        "sources": ["data_subject", *rng.sample([s for s in _SOURCES if s != "data_subject"], 1)],
        "purposes": [_purpose(rng, f"purpose-{next_purpose + p + 1}", categories, processors)
                     for p in range(n_purposes)],
    }
    if r % 4 == 0:
        reg["data_categories"] = [*categories, {
            "label": {"fi": f"Asiakasnumero {r + 1}", "en": f"Customer number {r + 1}"}}]
    if processors and r % 2 == 0:
        reg["recipients"] = [processors[r % len(processors)]]
    reg["security"] = {
        "fi": "Tiedot säilytetään suojatuissa järjestelmissä, joihin pääsevät vain ne, jotka "
              "tarvitsevat niitä työssään.",
        "en": "The data are kept in protected systems that only those who need them for their "
              "work can access.",
    }
    return reg


def _cookie(rng: random.Random, index: int, providers: list[str]) -> dict[str, Any]:
    category = _CATEGORIES[index % len(_CATEGORIES)]
    provider = providers[index % len(providers)] if providers and index % 3 else None
    fi, en = _phrase(rng, 2)
    cookie: dict[str, Any] = {
        "name": f"ck_{index + 1}_{rng.randrange(16**4):04x}",
        "category": category,
        "party": "third" if provider else "first",
        "duration": "P1Y" if category == "necessary" and index == 0 else rng.choice(_DURATIONS),
        "purpose": {"fi": f"Käytetään: {fi.lower()}.", "en": f"Used for: {en.lower()}."},
    }
    if provider:
        cookie["provider"] = provider
    if index % 7 == 6:
        cookie["type"] = "local_storage"
    return cookie


def _consent_purpose(registers: list[dict[str, Any]], uses: list[str],
                     cookies: list[dict[str, Any]]) -> None:
    """The purpose on consent that the cookies needing consent serve (NG409), added to the
    first register without drawing from the random stream: its recipients are the providers of
    such cookies (their cookies then serve it alone), and our own such cookies list it."""
    from noticegen import catalog

    def needs_consent(category: object) -> bool:
        return bool(_COOKIE_TERMS[str(category)].attrs.get("consent_required"))

    providers = {c["provider"] for c in cookies if c.get("provider") and needs_consent(c["category"])}
    providers.update(u for u in uses if any(needs_consent(k.get("category", "necessary"))
                                            for k in catalog.service(u).get("cookies", [])))
    own = [c for c in cookies if "provider" not in c and needs_consent(c["category"])]
    if not registers or not (providers or own):
        return
    first = registers[0]
    purpose: dict[str, Any] = {
        "id": "website-cookies",
        "description": {"fi": "Verkkosivuston käytön analysointi ja markkinointi evästeillä",
                        "en": "Analysing the use of the website and marketing with cookies"},
        "legal_basis": ["consent"],
        "withdrawal": {
            "fi": "Voit peruuttaa suostumuksesi milloin tahansa sivuston alalaidan linkistä.",
            "en": "You can withdraw your consent at any time from the link at the bottom of the page.",
        },
        "data_categories": [first["data_categories"][0]],
        "retention": {"period": "P1Y"},
        "requirement": {"type": "voluntary"},
    }
    if providers:
        purpose["recipients"] = sorted(providers)
    first["purposes"].append(purpose)
    for cookie in own:
        cookie["purposes"] = ["website-cookies"]


def _tie_together(registers: list[dict[str, Any]], recipients: list[str],
                  cookies: list[dict[str, Any]]) -> None:
    """What a real notice must tie, tied without drawing from the random stream (so that the
    rest of the notice stays as it was): every recipient to a purpose, every data category of
    a register to one of its purposes, and every cookie but our own strictly necessary ones to
    a purpose."""
    purposes = [p for reg in registers for p in reg["purposes"]]
    if not purposes:
        return
    named = {ref for reg in registers
             for ref in [*reg.get("recipients", []), *(x for p in reg["purposes"]
                                                        for x in p.get("recipients", []))]}
    for i, rid in enumerate(r for r in recipients if r not in named):
        target = purposes[i % len(purposes)]
        target["recipients"] = [*target.get("recipients", []), rid]
    for reg in registers:
        if not reg["purposes"]:
            continue
        used = [c for p in reg["purposes"] for c in p.get("data_categories", [])]
        missing = [c for c in reg["data_categories"] if c not in used]
        if missing:
            first = reg["purposes"][0]
            first["data_categories"] = [*first.get("data_categories", []), *missing]
    by_purpose = {x for p in purposes for x in p.get("recipients", [])}
    for cookie in cookies:
        own_necessary = "provider" not in cookie and cookie["category"] == "necessary"
        if not own_necessary and cookie.get("provider") not in by_purpose \
                and "purposes" not in cookie:
            cookie["purposes"] = [purposes[0]["id"]]


def notice(size: Size, seed: int = 0) -> dict[str, Any]:
    """One notice as plain data, the same for the same size and seed."""
    rng = random.Random(f"{seed}:{size}")
    company = f"Esimerkki {seed + 1} Oy"
    domain = f"esimerkki{seed + 1}.fi"
    processors = [_processor(rng, i) for i in range(size.processors)]
    processor_ids = [p["id"] for p in processors]
    uses = [CATALOGUE[(seed + i) % len(CATALOGUE)] for i in range(min(size.uses, len(CATALOGUE)))]
    registers = []
    next_purpose = 0
    for r, count in enumerate(_spread(size.purposes, size.registers)):
        registers.append(_register(rng, r, count, processor_ids, next_purpose))
        next_purpose += count
    cookies = [_cookie(rng, i, processor_ids) for i in range(size.cookies)]
    _consent_purpose(registers, uses, cookies)
    _tie_together(registers, [*processor_ids, *uses], cookies)
    data: dict[str, Any] = {
        "notice": {
            "languages": ["fi", "en"],
            "version": "1.0",
            "effective": "2026-12-01",
            "url": {"fi": f"https://{domain}/tietosuoja", "en": f"https://{domain}/en/privacy"},
            "introduction": {
                "fi": f"Tässä selosteessa kerromme, miten {company} käsittelee henkilötietoja.",
                "en": f"This notice explains how {company} processes personal data.",
            },
            "changes": [{"date": "2026-12-01", "version": "1.0",
                         "summary": {"fi": "Ensimmäinen versio.", "en": "First version."}}],
        },
        "controller": {
            "name": company,
            "business_id": _business_id(rng),
            "address": {"street": f"Testikatu {rng.randint(1, 99)}",
                        "postal_code": f"{rng.randrange(100, 99999):05d}",
                        "city": rng.choice(_CITIES), "country": "FI"},
            "email": f"tietosuoja@{domain}",
            "website": f"https://{domain}",
        },
    }
    if uses:
        data["uses"] = uses
    data["recipients"] = processors
    data["registers"] = registers
    if cookies:
        data["cookies"] = cookies
        data["cookie_consent"] = {
            "method": "banner",
            "change": {"fi": "Voit muuttaa evästevalintojasi sivuston alalaidan linkistä.",
                       "en": "You can change your cookie choices from the link at the bottom "
                             "of the page."},
        }
    data["rights"] = {"email": f"tietosuoja@{domain}"}
    return data


def dump(data: dict[str, Any]) -> str:
    """YAML text in the order the data were built (keys not sorted)."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]


def size_from(args: argparse.Namespace) -> Size:
    """The preset, with any count given on the command line overriding it."""
    base = PRESETS[args.preset]
    return Size(
        registers=args.registers if args.registers is not None else base.registers,
        purposes=args.purposes if args.purposes is not None else base.purposes,
        processors=args.processors if args.processors is not None else base.processors,
        cookies=args.cookies if args.cookies is not None else base.cookies,
        uses=args.uses if args.uses is not None else base.uses,
    )


def write_batch(size: Size, count: int, out_dir: Path, seed: int = 0) -> list[Path]:
    """``count`` notices of one size with seeds seed..seed+count-1, as out_dir/notice-NNNN.yaml."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = out_dir / f"notice-{i:04d}.yaml"
        path.write_text(dump(notice(size, seed + i)), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", choices=sorted(PRESETS), default="typical")
    parser.add_argument("--registers", type=int, help="number of registers")
    parser.add_argument("--purposes", type=int, help="purposes in all (spread over the registers)")
    parser.add_argument("--processors", type=int, help="recipients declared in the notice")
    parser.add_argument("--cookies", type=int, help="cookies declared in the notice")
    parser.add_argument("--uses", type=int, help="catalogue services under uses:")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--out", type=Path, help="output file (default: standard output)")
    parser.add_argument("--count", type=int, help="write this many notices (seeds seed, seed+1…)")
    parser.add_argument("--out-dir", type=Path, help="folder for --count notices")
    args = parser.parse_args(argv)
    size = size_from(args)
    if size.registers < 1 or min(size.purposes, size.processors, size.cookies, size.uses) < 0:
        parser.error("a notice needs at least one register and no negative counts")
    if args.count is not None:
        if args.out_dir is None:
            parser.error("--count needs --out-dir")
        write_batch(size, args.count, args.out_dir, args.seed)
        return 0
    text = dump(notice(size, args.seed))
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
