"""Trimming the Continue prompt to the context window: boundaries, stable start, CJK."""

from __future__ import annotations

import re

from writer.core.context_window import ContextWindow, next_boundary


def count_words(text: str) -> int:
    """A stand-in tokenizer: one token per word or CJK character or punctuation mark."""
    return len(re.findall(r"[\u4e00-\u9fff]|\w+|[^\w\s]", text))


def paragraphs(n: int, words: int = 40) -> str:
    """Return ``n`` numbered paragraphs of ``words`` words each."""
    return "\n\n".join(
        " ".join([f"Paragraph {i} begins."] + ["word"] * (words - 4)) + "." for i in range(n)
    )


def test_short_text_is_kept_whole():
    window = ContextWindow()
    result = window.fit("Once upon a time.", 100, count_words)
    assert result.text == "Once upon a time."
    assert result.start == 0 and not result.trimmed


def test_long_text_is_cut_at_a_paragraph_boundary_and_fits():
    text = paragraphs(60)
    window = ContextWindow()
    result = window.fit(text, 500, count_words)
    assert result.trimmed
    assert count_words(result.text) <= 500
    assert result.text.startswith("Paragraph ")
    assert text.endswith(result.text)
    # A large step: the window is refilled well below the budget, leaving room to grow.
    assert count_words(result.text) < 500 * 0.8


def test_start_stays_put_while_the_text_fits():
    text = paragraphs(60)
    window = ContextWindow()
    first = window.fit(text, 500, count_words)
    grown = text + " And then something happened."
    second = window.fit(grown, 500, count_words)
    assert second.start == first.start
    assert second.text.startswith(first.text)
    third = window.fit(grown + " More words follow here, and more.", 500, count_words)
    assert third.start == first.start


def test_window_moves_by_a_large_step_when_full():
    text = paragraphs(60)
    window = ContextWindow()
    first = window.fit(text, 500, count_words)
    starts = {first.start}
    for i in range(40):
        text += f" extra sentence number {i} with a few words."
        starts.add(window.fit(text, 500, count_words).start)
    # 40 appends of ~9 tokens = 360 tokens: at most one or two moves, not one per press.
    assert 2 <= len(starts) <= 3
    last = window.fit(text, 500, count_words)
    assert count_words(last.text) <= 500


def test_cjk_text_is_cut_at_a_sentence_end():
    sentence = "月光洒在安静的湖面上，远处传来钟声。"
    text = sentence * 200
    window = ContextWindow()
    result = window.fit(text, 300, count_words)
    assert count_words(result.text) <= 300
    assert result.text.startswith("月光")
    assert text.endswith(result.text)


def test_next_boundary_prefers_paragraphs_then_sentences():
    text = "One. Two three.\n\nFour five."
    assert text[next_boundary(text, 1, len(text)) :].startswith("Four")
    text = "One two. Three four."
    assert text[next_boundary(text, 1, len(text)) :] == "Three four."


def test_zero_budget_gives_empty_prompt():
    result = ContextWindow().fit("some text", 0, count_words)
    assert result.text == "" and result.trimmed
