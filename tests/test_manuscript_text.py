"""Reading a document as a book, the snapshot diff, and chat transcripts as Markdown."""

from __future__ import annotations

from writer.manuscript.book import detect_language, inline_spans, parse_book
from writer.manuscript.chat_export import ChatEntry, chat_to_markdown
from writer.manuscript.text_diff import diff_texts, tokens


def test_headings_become_chapters_and_a_lone_top_heading_the_title() -> None:
    book = parse_book("# Title\n\nIntro.\n\n## One\n\nA.\n\n### Part\n\nB.\n\n## Two\n\nC.\n")
    assert book.title == "Title"
    assert [c.title for c in book.chapters] == ["", "One", "Two"]
    assert [b.kind for b in book.chapters[1].blocks] == ["paragraph", "heading", "paragraph"]
    assert book.chapters[1].blocks[1].level == 2


def test_several_top_headings_are_chapters() -> None:
    book = parse_book("# One\n\nA.\n\n# Two\n\nB.\n", fallback_title="draft")
    assert book.title == "draft"
    assert [c.title for c in book.chapters] == ["One", "Two"]


def test_front_matter_names_the_book() -> None:
    book = parse_book('---\ntitle: Night Train\nauthor: "R. Lee"\nlang: fr\n---\n# I\n\nA.\n')
    assert (book.title, book.author, book.language) == ("Night Train", "R. Lee", "fr")
    assert [c.title for c in book.chapters] == ["I"]


def test_text_without_blank_lines_has_one_paragraph_per_line() -> None:
    lines = [f"第{i}段。" for i in range(20)]
    book = parse_book("\n".join(lines))
    assert [b.text for b in book.chapters[0].blocks] == lines
    poem = parse_book("Roses are red,\nviolets are blue.\n\nSugar is sweet.\n")
    assert poem.chapters[0].blocks[0].text == "Roses are red,\nviolets are blue."


def test_scene_breaks_and_emphasis() -> None:
    book = parse_book("A.\n\n* * *\n\nB.\n\n***\n\nC **bold** and _it_ and \\*not\\*.\n")
    kinds = [(b.kind, b.text) for b in book.chapters[0].blocks]
    assert kinds[1] == ("scene_break", "* * *") and kinds[3] == ("scene_break", "***")
    spans = inline_spans("C **bold** and _it_ and \\*not\\*.")
    assert [(s.text, s.bold, s.italic) for s in spans if s.bold or s.italic] == [
        ("bold", True, False),
        ("it", False, True),
    ]
    assert "".join(s.text for s in spans) == "C bold and it and *not*."


def test_language_detection() -> None:
    assert detect_language("The cat sat on the mat.") == "en"
    assert detect_language("长安城的钟声响了，张小敬走出了牢门。") == "zh-CN"
    japanese = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。"
    assert detect_language(japanese) == "ja"


def test_word_level_diff() -> None:
    old, new = "The old man walked home.\nSame line.\n", "The young man ran home.\nSame line.\n"
    parts = diff_texts(old, new)
    changed = [(p.kind, p.old, p.new) for p in parts if p.kind != "equal"]
    assert changed == [("replace", "old", "young"), ("replace", "walked", "ran")]
    assert "".join(p.old for p in parts) == old
    assert "".join(p.new for p in parts) == new


def test_chinese_diff_is_character_level() -> None:
    assert tokens("长安城") == ["长", "安", "城"]
    parts = diff_texts("他走进了长安城。", "她走进了洛阳城。")
    changed = [(p.old, p.new) for p in parts if p.kind != "equal"]
    assert changed == [("他", "她"), ("长安", "洛阳")]


def test_chat_transcript_as_markdown() -> None:
    entries = [
        ChatEntry("user", "Who is Mara?"),
        ChatEntry("assistant", "Mara is the keeper's daughter."),
        ChatEntry("assistant", "A short summary.", title="Summary"),
        ChatEntry("note", "The model stopped."),
    ]
    text = chat_to_markdown(entries, title="Chat about novel.md")
    assert text.startswith("# Chat about novel.md\n")
    assert text.index("## You\n\nWho is Mara?") < text.index("## Assistant\n\nMara is")
    assert "## Assistant — Summary\n\nA short summary." in text
    assert "> *Note:* The model stopped." in text


def apply_utf16(text: str, edits) -> str:
    """Apply edits given in UTF-16 positions, as a QTextDocument would."""
    data = bytearray(text.encode("utf-16-le"))
    for edit in edits:
        data[edit.start * 2 : edit.end * 2] = edit.text.encode("utf-16-le")
    return data.decode("utf-16-le")


def test_restore_edits_turn_any_text_into_the_snapshot() -> None:
    import random

    from writer.manuscript.text_diff import edits_to

    rnd = random.Random(7)
    alphabet = ["a", "b", "\n", "😀", "长", "\n\n", ""]
    for _ in range(3000):
        current = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        target = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert apply_utf16(current, edits_to(current.split("\n"), target)) == target


def test_restore_edits_touch_only_changed_lines() -> None:
    from writer.manuscript.text_diff import edits_to

    lines = [f"Paragraph {i}." for i in range(1000)]
    target = "\n".join([*lines[:500], "Changed.", *lines[501:]])
    [edit] = edits_to(lines, target)
    assert edit.text == "Changed.\n" and edit.end - edit.start == len("Paragraph 500.\n")
