"""The phrase corpus (tests/data/phrases.yaml): each free-text rule finds the real-world
phrasings it is for, in Finnish, English and Swedish, and nothing in the others."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from noticegen.lint.docs import PHRASE_RULES, phrase_scores, phrase_table, precision_recall
from noticegen.lint.registry import lookup

ROOT = Path(__file__).resolve().parent.parent
CORPUS: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "data" / "phrases.yaml").read_text(encoding="utf-8"))
SCORES = phrase_scores(CORPUS)


def test_the_corpus_is_large_enough_and_well_formed() -> None:
    assert len(CORPUS) >= 150
    assert sum(1 for e in CORPUS if e["expect"] == "clean") >= 40
    assert {e["lang"] for e in CORPUS} == {"fi", "en", "sv"}
    for entry in CORPUS:
        assert set(entry) == {"lang", "text", "expect"}, entry
        codes = entry["expect"] if isinstance(entry["expect"], list) else [entry["expect"]]
        assert all(c == "clean" or c in PHRASE_RULES for c in codes), entry
    texts = [e["text"] for e in CORPUS]
    assert len(texts) == len(set(texts)), "a phrase is in the corpus twice"
    for rule in PHRASE_RULES:  # every rule has phrasings, in Finnish and English at least
        langs = {e["lang"] for e in CORPUS if rule in (e["expect"] if isinstance(
            e["expect"], list) else [e["expect"]])}
        assert {"fi", "en"} <= langs, rule


@pytest.mark.parametrize("rule", PHRASE_RULES)
def test_each_free_text_rule_keeps_its_precision_and_recall(rule: str) -> None:
    tp, fp, fn = SCORES[rule]
    precision, recall = precision_recall(tp, fp, fn)
    misses = [e["text"] for e in CORPUS if rule in (
        e["expect"] if isinstance(e["expect"], list) else [e["expect"]])
        and phrase_scores([e])[rule][2]]
    wrong = [e["text"] for e in CORPUS if phrase_scores([e])[rule][1]]
    assert recall >= 0.9, f"{rule} recall {recall:.2f}; missed: {misses}"
    assert precision >= 0.95, f"{rule} precision {precision:.2f}; wrongly found: {wrong}"
    assert lookup(rule) is not None


def test_a_gate_lets_through_every_text_its_pattern_matches() -> None:
    from noticegen.lint.patterns import PATTERNS

    gated = [p for p in PATTERNS if p.gate is not None]
    assert gated
    for pattern in gated:
        for entry in CORPUS:
            if pattern.applies_to(entry["lang"]) and pattern.regex.search(entry["text"]):
                assert re.search(str(pattern.gate), entry["text"], re.IGNORECASE), \
                    (pattern.source, entry["text"])


def test_the_measure_can_fail() -> None:
    # A rule that found nothing would have recall 0; one that found everything, poor precision.
    assert precision_recall(0, 0, 10) == (1.0, 0.0)
    assert precision_recall(10, 40, 0) == (0.2, 1.0)


def test_docs_phrases_md_is_generated_from_the_corpus() -> None:
    committed = (ROOT / "docs" / "phrases.md").read_text(encoding="utf-8")
    assert committed == phrase_table(CORPUS), \
        "docs/phrases.md is stale: run scripts/gen_rules_doc.py"
