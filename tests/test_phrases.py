"""The phrase corpora (tests/data/phrases*.yaml): each free-text rule finds the real-world
phrasings it is for, in Finnish, English and Swedish, and nothing in the others; measured on
the corpus the patterns were written from and, separately, on the held-out one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from noticegen.lint.docs import (
    PHRASE_RULES,
    load_phrase_corpora,
    phrase_scores,
    phrase_table,
    precision_recall,
)
from noticegen.lint.registry import lookup

ROOT = Path(__file__).resolve().parent.parent
CORPORA = load_phrase_corpora(ROOT / "tests" / "data")
BY_NAME: dict[str, list[dict[str, Any]]] = dict(CORPORA)
CORPUS = BY_NAME["Tuned"]
HELDOUT = BY_NAME["Held-out"]
FRESH = BY_NAME["Fresh"]
FRESH2 = BY_NAME["Fresh 2"]
UNSEEN3 = BY_NAME["Unseen 3"]
UNSEEN4 = BY_NAME["Unseen 4"]
UNSEEN5 = BY_NAME["Unseen 5"]

# The floors each rule must keep: (precision, recall). The issue asks for 0.95 and 0.9 on
# phrasings never seen; on the sets the patterns have read, the floors are what they reach, so
# that a change that loses a phrase or draws a false alarm fails here (session 12: every rule
# 1.00 / 1.00 on the tuned, held-out, Unseen 3 and Unseen 4 sets). Before #16 the patterns found
# 55% of the held-out defects; Unseen 3's first run was 0.77 / 0.97.
TUNED_FLOOR = (1.0, 1.0)
HELDOUT_FLOORS: dict[str, tuple[float, float]] = {rule: (1.0, 1.0) for rule in PHRASE_RULES}
UNSEEN3_FLOOR = (1.0, 1.0)
# Unseen 4: its first run was the figure for phrasings the patterns had not seen (0.77; its
# header). Session 12 first ran it as the set left out of a rewrite by families of words (0.93,
# with the NG505, NG503 and NG202 lines read before: docs/phrases.md), then read its last six
# misses and added their families: 1.00 / 1.00 now, a regression set like Unseen 3.
UNSEEN4_FLOORS: dict[str, tuple[float, float]] = {rule: (1.0, 1.0) for rule in PHRASE_RULES}
# Unseen 5: written blind in session 12 (its header); the floors are its first run, so that no
# later change loses what the patterns found on phrasings they had not seen.
UNSEEN5_FLOORS: dict[str, tuple[float, float]] = {
    "NG201": (1.0, 0.66), "NG202": (1.0, 0.8), "NG203": (0.9, 1.0), "NG501": (1.0, 0.91),
    "NG502": (0.69, 1.0), "NG503": (1.0, 0.92), "NG505": (1.0, 0.77), "NG506": (0.84, 0.91),
    "NG507": (1.0, 0.63)}


def _wanted(entry: dict[str, Any]) -> list[str]:
    expect = entry["expect"]
    return [] if expect == "clean" else [expect] if isinstance(expect, str) else list(expect)


@pytest.mark.parametrize(("name", "corpus"), CORPORA, ids=[name for name, _ in CORPORA])
def test_each_corpus_is_large_enough_and_well_formed(name: str,
                                                     corpus: list[dict[str, Any]]) -> None:
    """The fresh sets are small (written after a round of pattern work, their score reported as
    it came out); the tuned, held-out and Unseen 3 sets hold at least 150 phrasings and 40 clean
    sentences."""
    small = corpus is FRESH or corpus is FRESH2 or corpus is UNSEEN4
    assert len(corpus) >= (30 if small else 150)
    assert sum(1 for e in corpus if e["expect"] == "clean") >= (10 if small else 40)
    assert {e["lang"] for e in corpus} == {"fi", "en", "sv"}
    for entry in corpus:
        assert set(entry) == {"lang", "text", "expect"}, entry
        assert all(c in PHRASE_RULES for c in _wanted(entry)), entry
    texts = [e["text"] for e in corpus]
    assert len(texts) == len(set(texts)), "a phrase is in the corpus twice"
    for rule in PHRASE_RULES:  # every rule has phrasings, in Finnish and English at least
        langs = {e["lang"] for e in corpus if rule in _wanted(e)}
        assert {"fi", "en"} <= langs, rule


def test_the_held_out_and_fresh_phrases_are_new() -> None:
    """A phrase that is also in an earlier corpus would measure nothing new."""
    def norm(text: str) -> str:
        return " ".join(text.lower().split()).rstrip(".")

    tuned = {norm(e["text"]) for e in CORPUS}
    assert [e["text"] for e in HELDOUT if norm(e["text"]) in tuned] == []
    earlier = tuned | {norm(e["text"]) for e in HELDOUT}
    assert [e["text"] for e in FRESH if norm(e["text"]) in earlier] == []
    earlier |= {norm(e["text"]) for e in FRESH}
    assert [e["text"] for e in FRESH2 if norm(e["text"]) in earlier] == []
    earlier |= {norm(e["text"]) for e in FRESH2}
    assert [e["text"] for e in UNSEEN3 if norm(e["text"]) in earlier] == []
    earlier |= {norm(e["text"]) for e in UNSEEN3}
    assert [e["text"] for e in UNSEEN4 if norm(e["text"]) in earlier] == []
    earlier |= {norm(e["text"]) for e in UNSEEN4}
    assert [e["text"] for e in UNSEEN5 if norm(e["text"]) in earlier] == []
    assert sum(1 for e in HELDOUT if e["expect"] != "clean") >= 150
    assert sum(1 for e in HELDOUT if e["expect"] == "clean") >= 50


def _check(corpus: list[dict[str, Any]], rule: str, floor: tuple[float, float]) -> None:
    tp, fp, fn = phrase_scores(corpus)[rule]
    precision, recall = precision_recall(tp, fp, fn)
    misses = [e["text"] for e in corpus if rule in _wanted(e) and phrase_scores([e])[rule][2]]
    wrong = [e["text"] for e in corpus if phrase_scores([e])[rule][1]]
    assert recall >= floor[1], f"{rule} recall {recall:.2f} < {floor[1]}; missed: {misses}"
    assert precision >= floor[0], \
        f"{rule} precision {precision:.2f} < {floor[0]}; wrongly found: {wrong}"


@pytest.mark.parametrize("rule", PHRASE_RULES)
def test_each_free_text_rule_keeps_its_precision_and_recall(rule: str) -> None:
    _check(CORPUS, rule, TUNED_FLOOR)
    assert lookup(rule) is not None


@pytest.mark.parametrize("rule", PHRASE_RULES)
def test_each_free_text_rule_keeps_its_held_out_precision_and_recall(rule: str) -> None:
    _check(HELDOUT, rule, HELDOUT_FLOORS[rule])


@pytest.mark.parametrize("rule", PHRASE_RULES)
def test_each_free_text_rule_keeps_its_unseen_3_precision_and_recall(rule: str) -> None:
    _check(UNSEEN3, rule, UNSEEN3_FLOOR)


@pytest.mark.parametrize("rule", PHRASE_RULES)
def test_each_free_text_rule_keeps_its_unseen_4_precision_and_recall(rule: str) -> None:
    _check(UNSEEN4, rule, UNSEEN4_FLOORS[rule])


@pytest.mark.parametrize("rule", PHRASE_RULES)
def test_each_free_text_rule_keeps_its_unseen_5_precision_and_recall(rule: str) -> None:
    _check(UNSEEN5, rule, UNSEEN5_FLOORS[rule])


def test_every_gate_starts_on_a_word_boundary() -> None:
    """A gate that can start anywhere in a word ("(?:yksittäi\\w*|henkilöön…)" without "\\b")
    makes the one search every text of a notice meets try it at every letter: one such gate made
    `may_match` five times slower (benchmarks/README.md, section 16)."""
    from noticegen.lint.patterns import PATTERNS, SCOPED

    loose = [p.gate or p.source for p in PATTERNS
             if p.rule not in SCOPED and not (p.gate or p.source).startswith(("\\b", "(?:\\b"))]
    assert loose == []


def test_a_gate_lets_through_every_text_its_pattern_matches() -> None:
    from noticegen.lint.patterns import PATTERNS

    gated = [p for p in PATTERNS if p.gate is not None]
    assert gated
    for pattern in gated:
        for _, corpus in CORPORA:
            for entry in corpus:
                lang, text = str(entry["lang"]), str(entry["text"])
                if pattern.applies_to(lang) and pattern.regex.search(text):
                    assert re.search(str(pattern.gate), text, re.IGNORECASE), \
                        (pattern.source, text)


def test_the_measure_can_fail() -> None:
    # A rule that found nothing would have recall 0; one that found everything, poor precision.
    assert precision_recall(0, 0, 10) == (1.0, 0.0)
    assert precision_recall(10, 40, 0) == (0.2, 1.0)
    entry: dict[str, object] = {"lang": "en", "expect": "NG505",
                                "text": "We keep your data for as long as necessary."}
    assert phrase_scores([entry])["NG505"] == (1, 0, 0)
    assert phrase_scores([{**entry, "expect": "clean"}])["NG505"] == (0, 1, 0)
    assert phrase_scores([{**entry, "text": "We keep it."}])["NG505"] == (0, 0, 1)


def test_docs_phrases_md_is_generated_from_the_corpora() -> None:
    committed = (ROOT / "docs" / "phrases.md").read_text(encoding="utf-8")
    assert committed == phrase_table(CORPORA), \
        "docs/phrases.md is stale: run scripts/gen_rules_doc.py"
    for name, _ in CORPORA:
        assert f"{name} R" in committed
