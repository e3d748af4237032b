"""What the chat is told about the draft on screen.

A chat question is answered with the document in view: its story notes, the
part around the cursor that fits the budget (the whole draft when it fits)
and, for a draft longer than that, the story so far (the latest summary of
the whole document when there is one, else the headings before the part).
The text of the block comes from the prompt files (``[draft]`` in
``resources/prompts/chat.toml``), in English or Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from writer.core.context_window import next_boundary
from writer.core.outline import parse_headings
from writer.core.prompt_library import PromptLibrary, detect_language, library

if TYPE_CHECKING:
    from collections.abc import Callable

#: Share of the part that lies before the cursor when the draft does not fit.
BEFORE_SHARE = 0.7
#: Characters per token assumed before the model has measured a draft.
LATIN_CHARS_PER_TOKEN = 4.0
CJK_CHARS_PER_TOKEN = 1.0
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Draft:
    """The document a question is about: its name, text, cursor and notes."""

    title: str
    text: str
    cursor: int = 0
    notes: str = ""
    summary: str = ""  # the latest summary of the whole document, if any


@dataclass(frozen=True)
class DraftContext:
    """The block put into the chat prompt, and what it holds."""

    text: str
    tokens: int
    start: int  # where the part taken from the draft starts in it
    end: int
    whole: bool  # the whole draft fitted


def estimate_tokens(text: str, chars_per_token: float | None = None) -> int:
    """Return about how many tokens ``text`` takes (``chars_per_token`` when measured)."""
    if not text:
        return 0
    if chars_per_token:
        return max(1, round(len(text) / chars_per_token))
    cjk = len(_CJK.findall(text))
    return max(1, round(cjk / CJK_CHARS_PER_TOKEN + (len(text) - cjk) / LATIN_CHARS_PER_TOKEN))


def _part_around(text: str, cursor: int, chars: int) -> tuple[int, int]:
    """Return ``(start, end)`` of about ``chars`` characters around ``cursor``, cut cleanly."""
    cursor = max(0, min(cursor, len(text)))
    before = int(chars * BEFORE_SHARE)
    start = max(0, cursor - before)
    end = min(len(text), start + chars)
    start = max(0, min(start, end - chars))
    if start > 0:
        start = next_boundary(text, start, min(cursor, start + chars // 4))
    if end < len(text):
        cut = max(text.rfind("\n", cursor, end), text.rfind(". ", cursor, end) + 1)
        end = cut if cut > cursor else end
    return start, end


def _so_far(draft: Draft, start: int) -> str:
    """Return the story so far: the summary, else the headings before ``start``."""
    if draft.summary.strip():
        return draft.summary.strip()
    titles = [h.title for h in parse_headings(draft.text[:start]) if h.title]
    return " / ".join(titles)


def build_draft_context(
    draft: Draft,
    budget: int,
    count_tokens: Callable[[str], int],
    *,
    prompts: PromptLibrary | None = None,
) -> DraftContext | None:
    """Return the draft block fitting ``budget`` tokens (None for an empty draft)."""
    if not draft.text.strip() or budget <= 0:
        return None
    prompts = prompts or library()
    language = detect_language(draft.text)
    prompt = prompts.get("draft", language)
    labels = prompts.get("draft_parts", language)

    def render(start: int, end: int) -> str:
        whole = start == 0 and end == len(draft.text)
        extra = ""
        if draft.notes.strip():
            extra += "\n\n" + labels.system.format_map({"notes": draft.notes.strip()})
        so_far = "" if whole else _so_far(draft, start)
        if so_far:
            extra += "\n\n" + labels.user.format_map({"so_far": so_far})
        part = prompt.label if whole else labels.label
        return prompt.system.format_map(
            {"title": draft.title, "extra": extra, "part": part, "text": draft.text[start:end]}
        )

    start, end = 0, len(draft.text)
    block = render(start, end)
    tokens = count_tokens(block)
    chars = len(draft.text)
    for _attempt in range(8):
        if tokens <= budget:
            break
        chars = int(chars * budget / tokens * 0.95)
        if chars < 16:
            return None
        start, end = _part_around(draft.text, draft.cursor, chars)
        block = render(start, end)
        tokens = count_tokens(block)
    else:
        return None
    return DraftContext(block, tokens, start, end, start == 0 and end == len(draft.text))
