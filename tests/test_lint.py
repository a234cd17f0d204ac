"""The rule registry, its documentation, the free-text patterns and switching rules off."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from hypothesis import given, settings
from hypothesis import strategies as st

from noticegen import l10n
from noticegen.lint import patterns
from noticegen.lint.docs import render_markdown
from noticegen.lint.registry import Doc, all_rules, lookup, suggest
from noticegen.pipeline import check_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
LINT_RULES = [r for r in all_rules() if not r.core]


def test_there_are_enough_rules_and_codes_follow_the_ranges() -> None:
    assert len(LINT_RULES) >= 25
    families = {"1": "completeness", "2": "contradictions", "4": "cookies", "5": "free-text",
                "6": "cross-language", "7": "meta", "8": "banner"}
    for rule in LINT_RULES:
        family = families.get(rule.code[2])
        assert family is None or family in rule.groups, (rule.code, rule.groups)
    assert {r.code[2] for r in LINT_RULES} == set("12345678")


@pytest.mark.parametrize("rule", LINT_RULES, ids=lambda r: r.code)
def test_every_rule_is_documented_with_examples(rule: object) -> None:
    from noticegen.lint.registry import Rule

    assert isinstance(rule, Rule)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", rule.name)
    assert rule.source and rule.groups
    for lang in ("en", "fi", "sv"):
        assert len(rule.doc.text.get(lang, "")) > 40, f"{rule.code}: no {lang} documentation"
        assert rule.doc.summary(lang).endswith((".", "!", "?")), rule.doc.summary(lang)
    # Both examples exist and are YAML.
    assert rule.doc.fail and rule.doc.passes, f"{rule.code}: the doc needs [fail] and [pass]"
    assert yaml.safe_load(rule.doc.fail) is not None
    assert yaml.safe_load(rule.doc.passes) is not None
    assert rule.doc.fail != rule.doc.passes


@pytest.mark.parametrize("rule", LINT_RULES, ids=lambda r: r.code)
def test_messages_use_the_same_placeholders_in_every_language(rule: object) -> None:
    from noticegen.lint.registry import Rule

    assert isinstance(rule, Rule)
    for texts in (rule.message, rule.hint):
        fields = {lang: {f for _, f, _, _ in string.Formatter().parse(t) if f}
                  for lang, t in texts.items()}
        assert fields["en"] == fields["fi"], rule.code
        for text in texts.values():  # formats with any values: no stray braces
            text.format(**dict.fromkeys(rule.placeholders(), "x"))


@pytest.mark.parametrize("lang", l10n.message_languages())
def test_every_rule_has_its_message_and_fix_in_every_message_language(lang: str) -> None:
    """One place per language (#17): every rule's message and fix is a message of the
    catalogues, translated (not fuzzy) in each of them; the translation is what the rule says
    in that language, and, where the message has words, not the English text."""
    with (l10n.LOCALE_DIR / lang / "LC_MESSAGES" / "noticegen.po").open("rb") as file:
        catalog = read_po(file, locale=lang)
    for rule in all_rules():
        for texts in (rule.message, rule.hint):
            assert isinstance(texts, l10n.Translated), f"{rule.code}: a text outside the catalogues"
            entry = catalog.get(texts.message)
            assert entry is not None and entry.string, f"{lang}: {rule.code} {texts.message!r}"
            assert "fuzzy" not in entry.flags, f"{lang}: {rule.code} {texts.message!r} is fuzzy"
            assert texts[lang] == entry.string
            if lang != "en" and re.search(r"[a-z]{3}", re.sub(r"\{[^{}]*\}|`[^`]*`", "", texts.message)):
                assert texts[lang] != texts["en"], f"{lang}: {rule.code} {texts.message!r} in English"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_rule_s_source_is_cited_in_the_message_language(lang: str) -> None:
    """`explain` says "Lähde: tietosuoja-asetuksen 12 artiklan 1 kohta", not "GDPR Art. 12(1)":
    every rule's legal source is a message of the catalogues, cited as that language cites."""
    with (l10n.LOCALE_DIR / lang / "LC_MESSAGES" / "noticegen.po").open("rb") as file:
        catalog = read_po(file, locale=lang)
    for rule in all_rules():
        entry = catalog.get(rule.source)
        assert entry is not None and entry.string, f"{lang}: {rule.code} {rule.source!r}"
        assert "fuzzy" not in entry.flags, f"{lang}: {rule.code} {rule.source!r} is fuzzy"
        cited = l10n.tr(lang, rule.source)
        assert not re.search(r"\bGDPR\b|\bArt\.|\bsection\b|\bGuidelines\b", cited), (lang, cited)


def test_a_one_language_notice_s_own_group_is_named_in_a_finding() -> None:
    """A Finnish-only notice whose e-mail marketing on legitimate interests reaches a group of
    its own, labelled in Finnish only (`{label: {fi: …}}`), gets NG122 naming that group;
    `check` crashed on it (KeyError 'en', found by test_fuzz_check)."""
    notice = """\
notice: {languages: [fi], version: "1.0", effective: 2026-12-01}
controller:
  name: Testi Oy
  address: {street: Katu 1, postal_code: "00100", city: Helsinki}
registers:
  - id: asiakkaat
    name: Asiakkaat
    data_subjects: [{label: {fi: Messuvieraat}}]
    data_categories: [email_address]
    sources: [data_subject]
    purposes:
      - id: markkinointi
        description: Uutiskirje messuvieraille
        legal_basis: [legitimate_interests]
        legitimate_interest: Omista palveluista kertominen.
        direct_marketing: true
        retention: {period: P1Y}
"""
    for lang in ("fi", "sv", "en"):
        (finding,) = [d for d in check_text(notice, "n.yaml", lang=lang).diagnostics
                      if d.code == "NG122"]
        assert "messuvieraat" in finding.message, finding.message


def test_the_core_codes_of_the_validator_are_registered_and_explainable() -> None:
    emitted: set[str] = set()
    for module in ("source.py", "validate.py", "pipeline.py"):
        emitted |= set(re.findall(r'"(NG0\d\d)"', (ROOT / "noticegen" / module).read_text()))
    core = {r.code for r in all_rules() if r.core}
    assert emitted and emitted <= core, f"core codes without an entry: {sorted(emitted - core)}"
    assert all("core" in r.groups for r in all_rules() if r.core)


def test_lookup_by_code_or_name_and_suggestions() -> None:
    assert lookup("ng101") is lookup("purpose-no-legal-basis") is not None
    assert lookup("NG999") is None
    assert suggest("NG1O1") == "NG101"
    assert suggest("purpose-no-legal-bases") == "purpose-no-legal-basis"


def test_doc_sections_are_parsed() -> None:
    doc = Doc.parse("""Summary. More.

        Body.

        [fi]
        Yhteenveto.

        [fail]
        a: 1
        [pass]
        a: 2
        """)
    assert doc.text == {"en": "Summary. More.\n\nBody.", "fi": "Yhteenveto."}
    assert (doc.fail, doc.passes) == ("a: 1", "a: 2")
    assert doc.summary("en") == "Summary."


def test_doc_examples_in_another_language_are_parsed() -> None:
    doc = Doc.parse("""Summary.

        [fi]
        Yhteenveto.

        [fail]
        a: Text.
        [pass]
        a: Other text.
        [fail.fi]
        a: Teksti.
        """)
    assert doc.text == {"en": "Summary.", "fi": "Yhteenveto."}
    assert (doc.failing("fi"), doc.passing("fi")) == ("a: Teksti.", "a: Other text.")
    assert (doc.failing("sv"), doc.failing("en")) == ("a: Text.", "a: Text.")


def test_a_rule_without_its_swedish_explanation_is_not_registered() -> None:
    """Every rule's long explanation (what `explain` prints, docs/rules.md) is written in
    Swedish too: a rule whose docstring has no ``[sv]`` section is refused."""
    from noticegen.diagnostics import Severity
    from noticegen.lint.registry import Rule, add

    doc = Doc.parse("""Summary in English.

        [fi]
        Yhteenveto suomeksi.

        [fail]
        a: 1
        [pass]
        a: 2
        """)
    texts = {"en": "m", "fi": "m", "sv": "m"}
    with pytest.raises(ValueError, match="NG999: no sv text"):
        add(Rule("NG999", "test-no-swedish", ("meta",), Severity.WARNING, texts, texts,
                 "noticegen", doc, lambda resolved: []))


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    # Regenerate with: python scripts/gen_rules_doc.py
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_markdown(), "docs/rules.md is stale: run scripts/gen_rules_doc.py"
    for rule in all_rules():
        assert rule.code in committed


PHRASES = yaml.safe_load((DATA / "rules" / "_phrases.yaml").read_text(encoding="utf-8"))
PHRASE_CASES = [pytest.param(rule, lang, text, outcome == "match", id=f"{rule}-{lang}-{text[:30]}")
                for rule, outcomes in PHRASES.items() for outcome, langs in outcomes.items()
                for lang, texts in langs.items() for text in texts]


@pytest.mark.parametrize(("rule", "lang", "text", "should_match"), PHRASE_CASES)
def test_phrase(rule: str, lang: str, text: str, should_match: bool) -> None:
    found = [p for p in patterns.PATTERNS
             if p.rule == rule and p.applies_to(lang) and p.regex.search(text)]
    assert bool(found) == should_match, f"{rule} {lang}: {text!r}"
    if should_match:  # the quick look that rules texts out for every rule at once keeps it
        assert patterns.may_match(lang, text)


RULES_WITH_PATTERNS = sorted({p.rule for p in patterns.PATTERNS})
ALL_PHRASES = sorted({text for outcomes in PHRASES.values() for langs in outcomes.values()
                      for texts in langs.values() for text in texts})


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["fi", "en", "sv"]),
       st.lists(st.one_of(st.sampled_from(ALL_PHRASES), st.text(max_size=40)), max_size=5))
def test_may_match_is_true_exactly_when_some_rule_matches(lang: str, parts: list[str]) -> None:
    """``scan`` looks only at texts ``may_match`` lets through: it must not lose one. It is
    exact but for the gates (a superset of their patterns, e.g. "ulkopuolelle" for a denial
    of transfers), the rules that search their few texts themselves (SCOPED), and a match that
    ``search`` takes back afterwards (``_UNLESS``: "as long as needed" beside "2 vuotta …")."""
    text = " ".join(parts)
    some_rule = any(next(patterns.search(rule, lang, text), None) for rule in RULES_WITH_PATTERNS
                     if rule not in patterns.SCOPED)
    gated = [p for p in patterns.PATTERNS if p.gate and p.applies_to(lang)]
    taken_back = any(re.search(unless, text, re.IGNORECASE) for unless in patterns._UNLESS.values())
    if some_rule or not (taken_back
                         or any(re.search(p.gate or "", text, re.IGNORECASE) for p in gated)):
        assert patterns.may_match(lang, text) == some_rule


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "HENKİLÖTİETOLAİN mukaan"),        # "İ".lower() is two characters
    ("sv", "enligt perſonuppgiftslagen"),      # long s matches "s" only with IGNORECASE
    ("en", "Data are not dıſcloſed to third parties."),
    ("fi", "Tiedot säilytetään niin kauan kuin on tarpeen."),
])
def test_may_match_searches_lower_case_as_the_rules_search_ignoring_case(lang: str,
                                                                          text: str) -> None:
    """may_match searches lower-cased text without IGNORECASE (three times faster); a text with
    a letter that lower() and IGNORECASE treat differently goes the slow way, not unseen."""
    some_rule = any(next(patterns.search(rule, lang, text), None) for rule in RULES_WITH_PATTERNS
                    if rule not in patterns.SCOPED)
    assert some_rule
    assert patterns.may_match(lang, text)


def test_a_retention_sentence_that_states_a_duration_is_not_vague() -> None:
    """NG505 is taken back by a duration anywhere in the match's sentence, and only there."""
    def vague(lang: str, text: str) -> bool:
        return next(patterns.search("NG505", lang, text), None) is not None

    assert vague("en", "We keep invoices as required by law.")
    assert not vague("en", "We keep invoices for six years, as required by the Accounting Act.")
    assert not vague("fi", "Tietoja säilytetään niin kauan kuin on tarpeen, enintään 2 vuotta.")
    assert vague("fi", "Laskut säilytetään 6 vuotta. Muut tiedot niin kauan kuin on tarpeen.")


def test_every_pattern_belongs_to_a_registered_rule() -> None:
    for pattern in patterns.PATTERNS:
        rule = lookup(pattern.rule)
        assert rule is not None and rule.check is not None, pattern.rule
        assert pattern.regex.flags & re.IGNORECASE


BASE = (DATA / "rules" / "_base.yaml").read_text(encoding="utf-8")
NO_ID = BASE.replace('  business_id: "1234567-1"\n', "")


def codes(text: str, **kwargs: object) -> list[str]:
    return [d.code for d in check_text(text, "n.yaml", **kwargs).diagnostics]  # type: ignore[arg-type]


def test_project_settings_switch_rules_off() -> None:
    from noticegen.config import Settings

    assert codes(NO_ID) == ["NG107"]
    assert codes(NO_ID, settings=Settings(disable=("NG107",))) == []


def test_diagnostics_carry_the_rule_name_and_follow_the_language() -> None:
    [english] = check_text(NO_ID, "n.yaml").diagnostics
    [finnish] = check_text(NO_ID, "n.yaml", lang="fi").diagnostics
    assert english.name == finnish.name == "controller-no-business-id"
    assert "business ID" in english.message
    assert "Y-tunnusta ei ole ilmoitettu" in finnish.message
    [core] = check_text(BASE + "foo: 1\n", "n.yaml").diagnostics
    assert (core.code, core.name) == ("NG011", "key-unknown")


def test_an_unknown_rule_in_lint_disable_does_not_switch_anything_off() -> None:
    text = NO_ID + "lint:\n  disable:\n    - {rule: NG1077, reason: typo}\n"
    assert codes(text) == ["NG107", "NG701"]


def _facts_reference(text: str, langs: dict[str, object]) -> set[str]:
    """NG602's facts with every pattern run on every text, as before the quick looks."""
    from noticegen.lint.rules.i18n import _EMAIL, _STATUTE, _URL

    found = {m.group(0).rstrip(".").lower() for m in _EMAIL.finditer(text)}
    for m in _URL.finditer(text):
        host = m.group(1).lower().rstrip(".").removeprefix("www.")
        head, _, rest = host.partition(".")
        found.add(rest if head in langs and rest else host)
    found.update(m.group(0) for m in _STATUTE.finditer(_EMAIL.sub(" ", _URL.sub(" ", text))))
    return found


FACT_TEXTS = ["Ei mitään.", "a@b", "mail me @ home", "privacy@example.fi.", "https://fi.example.com/x",
              "HTTP://WWW.Example.COM", "laki 1050/2018 ja 2016/679", "https://example.fi/1050/2018",
              "see 523/1999 or privacy@x.fi/2018/12", "1/2 of it", "ftp://x.fi 2019/12", "://", "/"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FACT_TEXTS),
                          st.text(alphabet="ab.@/:0129 -wht", max_size=20)), max_size=4))
def test_fact_divergence_finds_the_same_facts_with_its_quick_looks(parts: list[str]) -> None:
    from noticegen.lint.rules.i18n import _facts

    text = " ".join(parts)
    langs = {"fi": None, "en": None}
    assert _facts(text, langs) == _facts_reference(text, langs)


def test_todo_marker_looks_at_every_string_when_the_notice_cannot_be_serialised() -> None:
    from typing import Any

    from pydantic import BaseModel

    from noticegen.lint.rules.meta import _json

    class Odd(BaseModel):
        value: Any

    assert b"TODO" not in _json(Odd(value="done"))
    assert _json(Odd(value=object())) == b"TODO"  # no JSON: the rule walks the strings instead
