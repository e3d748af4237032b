"""Splitting long texts into parts that fit, and grouping part summaries."""

from __future__ import annotations

import time

import pytest

from writer.core.summary_plan import SplitStoppedError, fits, group_summaries, split_into_parts


def tokens(text: str) -> int:
    """A stand-in tokenizer: about four characters per token, never zero."""
    return (len(text) + 3) // 4


def paragraphs(count: int, sentences: int = 6) -> str:
    return "\n\n".join(
        " ".join(f"Paragraph {p} sentence {s} goes on a little." for s in range(sentences))
        for p in range(count)
    )


def test_parts_fit_and_keep_every_word_in_order():
    text = paragraphs(200)
    parts = split_into_parts(text, 500, tokens)
    assert len(parts) > 1
    assert all(tokens(part) <= 500 for part in parts)
    assert " ".join(" ".join(parts).split()) == " ".join(text.split())


def test_parts_end_at_paragraph_boundaries():
    text = paragraphs(100)
    for part in split_into_parts(text, 400, tokens):
        assert part.startswith("Paragraph") and part.endswith("little.")


def test_a_long_paragraph_is_cut_at_sentences():
    text = paragraphs(1, sentences=400)
    parts = split_into_parts(text, 300, tokens)
    assert len(parts) > 3 and all(tokens(p) <= 300 for p in parts)
    assert all(part.endswith("little.") for part in parts)


def test_text_without_any_boundary_is_cut_between_characters():
    text = "雨" * 50_000  # CJK with no punctuation at all
    parts = split_into_parts(text, 1000, len)
    assert all(len(part) <= 1000 for part in parts)
    assert "".join(parts) == text


def test_a_megabyte_is_split_quickly():
    text = paragraphs(3000, sentences=8)
    assert len(text) > 1_000_000
    started = time.perf_counter()
    parts = split_into_parts(text, 3000, tokens)
    assert time.perf_counter() - started < 5
    assert all(tokens(p) <= 3000 for p in parts)


def test_splitting_can_be_stopped():
    calls = []

    def should_stop() -> bool:
        calls.append(1)
        return len(calls) > 10

    with pytest.raises(SplitStoppedError):
        split_into_parts(paragraphs(500), 400, tokens, should_stop=should_stop)


def test_a_budget_too_small_is_refused():
    with pytest.raises(ValueError):
        split_into_parts("text", 4, tokens)


def test_fits_does_not_count_huge_texts():
    counted = []

    def counting(text: str) -> int:
        counted.append(text)
        return tokens(text)

    assert not fits("x" * 1_000_000, 1000, counting)
    assert not counted
    assert fits("short", 1000, counting)


def test_summaries_that_fit_are_combined_at_once_else_in_groups():
    assert group_summaries(["one.", "two."], 100, tokens) == ["one.\n\ntwo."]
    summaries = [f"Summary {i}: " + "words " * 40 for i in range(30)]
    groups = group_summaries(summaries, 300, tokens)
    assert 1 < len(groups) < len(summaries)
    assert all(tokens(g) <= 300 for g in groups)
    assert groups[0].startswith("Summary 0:")
