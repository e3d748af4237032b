"""Assembling Continue's prompt: lore, author's note, story so far, text after, in cache order."""

from __future__ import annotations

import re

from writer.core.context_window import ContextWindow
from writer.core.lore import LoreEntry
from writer.core.prompt_parts import (
    Assembly,
    ContextRequest,
    ContextSettings,
    FimTokens,
    StorySoFar,
    assemble,
    authors_note_position,
)


def count_words(text: str) -> int:
    """A stand-in tokenizer: one token per word, CJK character or punctuation mark."""
    return len(re.findall(r"[\u4e00-\u9fff]|\w+|[^\w\s]", text))


MARA = LoreEntry("Mara", ("Mara",), "Mara is the keeper's stubborn daughter.", 2)
OWEN = LoreEntry("Owen", ("Owen",), "Owen keeps the light.", 1)
COAST = LoreEntry("Coast", (), "A storm coast in the 1890s.", always=True)
LIGHT = LoreEntry("灯塔", ("灯塔",), "灯塔建于一八五零年。")


def filler(paragraphs: int) -> str:
    return "\n\n".join(
        f"Paragraph {i}: the waves rose and fell on the rocks." for i in range(paragraphs)
    )


def build(
    request: ContextRequest, n_ctx: int = 4096, window: ContextWindow | None = None, **settings
) -> Assembly:
    return assemble(
        request,
        window=window or ContextWindow(),
        n_ctx=n_ctx,
        reply_tokens=200,
        count_tokens=count_words,
        settings=ContextSettings(**settings),
    )


def lore_titles(assembly: Assembly) -> list[str]:
    return [part.title for part in assembly.parts if part.kind == "lore"]


def test_a_key_in_the_last_paragraph_triggers_one_only_far_back_does_not():
    text = "Owen climbed the stairs.\n\n" + filler(200) + "\n\nMara ran to the door."
    assembly = build(ContextRequest(text, lore=[MARA, OWEN, COAST]))
    assert lore_titles(assembly) == ["Coast", "Mara"]
    mara = next(p for p in assembly.parts if p.title == "Mara")
    assert "Mara is the keeper's stubborn daughter." in mara.text
    assert mara.why == "key “Mara” in the recent text"
    assert "Mara is the keeper's" in assembly.prompt and "Owen keeps" not in assembly.prompt


def test_chinese_keys_trigger_and_parts_join_to_the_prompt():
    assembly = build(ContextRequest("夜里，他爬上灯塔。", notes="A ghost story.", lore=[LIGHT]))
    assert lore_titles(assembly) == ["灯塔"]
    assert "".join(p.text for p in assembly.parts) == assembly.prompt
    assert [p.kind for p in assembly.parts] == ["notes", "lore", "text"]
    assert assembly.prompt.endswith("夜里，他爬上灯塔。")


def test_lore_is_cut_by_priority_to_the_budget_and_the_cut_is_reported():
    assembly = build(ContextRequest("Owen and Mara talked.", lore=[OWEN, MARA]), lore_budget=14)
    assert lore_titles(assembly) == ["Mara"]
    assert [(item.kind, item.title) for item in assembly.left_out] == [("lore", "Owen")]
    assert "lore budget" in assembly.left_out[0].why


def test_authors_note_goes_a_set_number_of_paragraphs_before_the_end():
    text = "One.\n\nTwo.\n\nThree.\n\nFour."
    assert text[authors_note_position(text, 2) :] == "Three.\n\nFour."
    assembly = build(ContextRequest(text, authors_note="Style: terse."), authors_note_depth=2)
    assert [p.kind for p in assembly.parts] == ["text", "authors_note", "text"]
    assert assembly.prompt == "One.\n\nTwo.\n\n[Author's note: Style: terse.]\nThree.\n\nFour."


def test_typing_at_the_end_or_a_new_lore_entry_keeps_the_prompts_start():
    window = ContextWindow()
    text = filler(30) + "\n\nThe night was calm."
    first = build(ContextRequest(text, notes="Notes.", lore=[MARA, OWEN, COAST]), window=window)
    second = build(
        ContextRequest(text + " Mara", notes="Notes.", lore=[MARA, OWEN, COAST]), window=window
    )
    # The new entry goes after the lore already there, and the text follows unchanged.
    common = len(first.prompt) - len(first.parts[-1].text)
    assert second.prompt[:common] == first.prompt[:common]
    assert lore_titles(second) == ["Coast", "Mara"]


def test_text_after_the_cursor_is_bridged_or_infilled_and_repetition_stops():
    before = "She opened the door"
    after = " and the wind came in. Rain followed."
    bridge = build(ContextRequest(before, text_after=after))
    assert bridge.mode == "bridge"
    assert "and the wind came in. Rain followed." in bridge.prompt
    assert bridge.prompt.endswith(before)
    assert bridge.stop_strings == ("and the wind", "Rain followed.")
    fim = assemble(
        ContextRequest(before, text_after=after),
        window=ContextWindow(),
        n_ctx=4096,
        reply_tokens=200,
        count_tokens=count_words,
        fim=FimTokens("<PRE>", "<SUF>", "<MID>"),
    )
    assert fim.mode == "fim"
    assert fim.prompt == f"<PRE>{before}<SUF>{after}<MID>"
    assert [p.kind for p in fim.parts] == ["notes", "text", "after"]
    off = build(ContextRequest(before, text_after=after), use_text_after=False)
    assert off.mode == "plain" and "wind" not in off.prompt


def test_story_so_far_comes_after_the_notes_when_the_window_has_moved():
    text = filler(2000)
    summary = StorySoFar("The sea rose for days.", covers=len(text) - 5000)
    assembly = build(ContextRequest(text, notes="Notes.", story_so_far=summary), n_ctx=1024)
    assert [p.kind for p in assembly.parts][:3] == ["notes", "summary", "text"]
    assert "The sea rose for days." in assembly.parts[1].text
    assert count_words(assembly.prompt) + 200 <= 1024
    assert any(item.kind == "text" and "did not fit" in item.why for item in assembly.left_out)
    short = build(ContextRequest("A short text.", story_so_far=summary))
    assert [p.kind for p in short.parts] == ["text"]
