"""Word counts for Latin text and character counts for CJK text."""

from __future__ import annotations

from writer.core.text_stats import count_text, format_counts


def test_chinese_chapter_counts_characters() -> None:
    """A 3,000-character Chinese chapter counts 3,000, not one word."""
    chapter = ("他已经三年没有回家了" * 300)[:3000]
    counts = count_text(chapter)
    assert counts.cjk_characters == 3000
    assert counts.words == 0
    assert format_counts(counts) == "3,000 characters"


def test_chinese_punctuation_counts_as_characters() -> None:
    """Full-width punctuation counts like a character, as word processors count 字数."""
    assert count_text("你好，世界。").cjk_characters == 6


def test_english_words() -> None:
    """Contractions, hyphenated words and numbers are one word each."""
    counts = count_text("Don't stop — it's a well-known fact: 3.14 is pi.\n\nNew paragraph.")
    assert counts.words == 11
    assert format_counts(counts) == "11 words"


def test_japanese_and_korean() -> None:
    """Japanese kana and kanji count as characters; Korean words are separated by spaces."""
    assert count_text("吾輩は猫である").cjk_characters == 7
    assert count_text("안녕하세요 세계").words == 2


def test_mixed_text_shows_both() -> None:
    """Mixed text counts Chinese characters and English words separately."""
    counts = count_text("我喜欢 Python programming 语言")
    assert (counts.cjk_characters, counts.words, counts.total) == (5, 2, 7)
    assert format_counts(counts) == "5 characters, 2 words"


def test_selection_with_paragraph_separators() -> None:
    """Qt selection text uses U+2029 between paragraphs; words across it are separate."""
    selection = count_text("one two\u2029three")
    document = count_text("one two\nthree four five")
    assert selection.words == 3
    assert format_counts(document, selection) == "3 / 5 words"


def test_empty_text() -> None:
    """An empty document has zero of everything."""
    counts = count_text("")
    assert (counts.words, counts.cjk_characters, counts.characters) == (0, 0, 0)
    assert format_counts(counts) == "0 words"
