"""What Continue sends, part by part: notes, story so far, lore, text, author's note, text after.

:func:`assemble` returns an :class:`Assembly` whose parts, joined, are exactly
the prompt the engine receives; the context inspector and ``writer prompt``
show the same parts. The order puts what changes least first, so llama.cpp's
prompt cache keeps as much as possible across presses:

1. story notes (edited rarely),
2. the story so far (a summary of the text before the window, updated rarely),
3. lore entries, in the order they first entered the prompt (a newly triggered
   entry goes after the others),
4. in bridge mode, the text after the cursor (it changes only when the cursor
   moves),
5. the text window (typing at the end changes only its end),
6. the author's note, a few paragraphs before the end, where it steers most,
7. in fill-in-the-middle mode, the text after the cursor between the model's
   suffix and middle tokens.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from writer.core.lore import (
    DEFAULT_BUDGET_TOKENS,
    DEFAULT_SCAN_CHARS,
    LoreEntry,
    entry_text,
    match_entries,
    select_entries,
)

if TYPE_CHECKING:
    from writer.core.context_window import ContextWindow

KINDS = ("notes", "lore", "summary", "text", "authors_note", "after")
#: Tokens kept free between the prompt and the reply (counts of long texts are estimates).
MARGIN_TOKENS = 8
#: Characters of text after the cursor looked at (its first paragraphs are enough).
AFTER_SCAN_CHARS = 4000

_SENTENCE_END = re.compile(r"[.!?…。！？；][\"'”’」』）)\]]*\s*|\n\s*")
_FIRST_WORDS = re.compile(r"\S+(?:\s+\S+){0,2}")

CountTokens = Callable[[str], int]


@dataclass(frozen=True)
class PromptPart:
    """One piece of the prompt, in order; ``why`` says why it is there."""

    kind: str  # one of KINDS
    text: str
    tokens: int
    why: str
    title: str = ""  # a lore entry's title

    def to_dict(self) -> dict[str, Any]:
        """Return the part as ``{kind, text, tokens, why}`` (and ``title`` for lore)."""
        data = {"kind": self.kind, "text": self.text, "tokens": self.tokens, "why": self.why}
        if self.title:
            data["title"] = self.title
        return data


@dataclass(frozen=True)
class LeftOut:
    """Something that did not fit: a lore entry over the budget, text before the window."""

    kind: str
    title: str
    tokens: int
    why: str


@dataclass(frozen=True)
class FimTokens:
    """The text of a model's fill-in-the-middle tokens (they tokenize to one token each)."""

    prefix: str
    suffix: str
    middle: str


@dataclass(frozen=True)
class StorySoFar:
    """A summary of the start of the document, and how much of it it covers."""

    text: str
    covers: int  # characters of the document summarized (from its start)
    edited: bool = False  # written or changed by hand


@dataclass(frozen=True)
class ContextSettings:
    """How the prompt is put together (the app's settings, or test values)."""

    lore_budget: int = DEFAULT_BUDGET_TOKENS
    scan_chars: int = DEFAULT_SCAN_CHARS
    authors_note_depth: int = 3  # paragraphs before the end
    use_text_after: bool = True
    after_tokens: int = 200
    lore_enabled: bool = True

    @classmethod
    def from_settings(cls) -> ContextSettings:
        """Read the context settings stored by the app."""
        from writer.config import Key, get_setting

        return cls(
            lore_budget=int(get_setting(Key.LORE_BUDGET)),
            scan_chars=int(get_setting(Key.LORE_SCAN_CHARS)),
            authors_note_depth=int(get_setting(Key.AUTHORS_NOTE_DEPTH)),
            use_text_after=bool(get_setting(Key.USE_TEXT_AFTER)),
            lore_enabled=bool(get_setting(Key.LORE_ENABLED)),
        )


@dataclass
class ContextRequest:
    """What Continue knows about the document at the cursor."""

    text_before: str  # the end of the text before the cursor (a tail is enough)
    text_after: str = ""  # the start of the text after the cursor
    notes: str = ""
    lore: Sequence[LoreEntry] = ()
    authors_note: str = ""
    story_so_far: StorySoFar | None = None
    offset: int = 0  # where ``text_before`` starts in the document


@dataclass(frozen=True)
class Assembly:
    """The prompt of one Continue, part by part."""

    parts: tuple[PromptPart, ...]
    left_out: tuple[LeftOut, ...] = ()
    mode: str = "plain"  # "plain", "fim" (fill in the middle) or "bridge"
    window_start: int = 0  # where the text window starts in ``text_before``
    stop_strings: tuple[str, ...] = ()  # the start of the text after: stop on repeating it
    trailing_space: bool = False  # the text before ended in spaces (the model writes its own)

    @property
    def prompt(self) -> str:
        """Return the exact text sent to the model."""
        return "".join(part.text for part in self.parts)

    @property
    def tokens(self) -> int:
        """Return the sum of the parts' token counts."""
        return sum(part.tokens for part in self.parts)

    def to_json(self) -> dict[str, Any]:
        """Return ``{prompt, parts: [{kind, text, tokens, why}], left_out, mode}``."""
        return {
            "prompt": self.prompt,
            "parts": [part.to_dict() for part in self.parts],
            "left_out": [asdict(item) for item in self.left_out],
            "mode": self.mode,
        }


def notes_block(notes: str) -> str:
    """Return story notes formatted to stand ahead of the text in a Continue prompt."""
    notes = notes.strip()
    return f"[Story notes: {notes}]\n\n" if notes else ""


def summary_room(n_ctx: int, reply_tokens: int) -> int:
    """Return the most tokens the story so far may take in a Continue prompt.

    A quarter of what is left after the passage's room: a longer summary would
    crowd out the text it summarizes, so :func:`assemble` leaves it out.
    """
    return max(0, n_ctx - reply_tokens - MARGIN_TOKENS) // 4


def summary_block(summary: str) -> str:
    """Return the story so far formatted to stand ahead of the text."""
    summary = summary.strip()
    return f"[The story so far: {summary}]\n\n" if summary else ""


def authors_note_block(note: str) -> str:
    """Return the author's note formatted to stand between paragraphs."""
    note = note.strip()
    return f"[Author's note: {note}]\n" if note else ""


def bridge_block(after: str) -> str:
    """Return the text after the cursor presented for a model without infill tokens."""
    after = after.strip()
    return f"[The passage to write leads into this later text: {after}]\n\n" if after else ""


@dataclass
class _Counter:
    """Counts tokens, remembering short texts (lore entries, notes) per document and model."""

    window: ContextWindow
    count: CountTokens

    def __call__(self, text: str) -> int:
        """Return the tokens of ``text``."""
        if not text:
            return 0
        if len(text) > 2000:
            return self.count(text)
        memo = self.window.token_memo
        owner = getattr(self.count, "__self__", self.count)
        if self.window.memo_owner is not owner:
            memo.clear()
            self.window.memo_owner = owner
        tokens = memo.get(text)
        if tokens is None:
            if len(memo) > 8192:
                memo.clear()
            tokens = memo[text] = self.count(text)
        return tokens


@dataclass
class _Builder:
    """Collects parts and what was left out."""

    count: CountTokens
    parts: list[PromptPart] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    def add(self, kind: str, text: str, why: str, title: str = "", tokens: int = -1) -> None:
        """Append a part (empty texts are skipped)."""
        if text:
            count = self.count(text) if tokens < 0 else tokens
            self.parts.append(PromptPart(kind, text, count, why, title))


def assemble(
    request: ContextRequest,
    *,
    window: ContextWindow,
    n_ctx: int,
    reply_tokens: int,
    count_tokens: CountTokens,
    fim: FimTokens | None = None,
    settings: ContextSettings | None = None,
) -> Assembly:
    """Return the prompt for Continue at the cursor, part by part, fitting ``n_ctx``.

    Args:
        request: the document's text around the cursor and its notes, lore and summary.
        window: the document's :class:`ContextWindow` (keeps the text window's start and
            the order lore entries entered the prompt).
        n_ctx: the model's context window in tokens.
        reply_tokens: tokens kept free for the passage.
        count_tokens: the model's token count of a string (without BOS).
        fim: the model's infill tokens, or None when it has none.
        settings: how to build the prompt (default: :class:`ContextSettings` defaults).
    """
    settings = settings or ContextSettings()
    count = _Counter(window, count_tokens)
    build = _Builder(count)
    total = max(0, n_ctx - reply_tokens - MARGIN_TOKENS)

    body = request.text_before
    stripped = body.rstrip(" \t")
    trailing_space = len(stripped) != len(body)

    after = request.text_after if settings.use_text_after else ""
    mode = "plain"
    if after.strip():
        mode = "fim" if fim is not None else "bridge"
    after_text = (
        _after_window(after, min(settings.after_tokens, total // 6), count)
        if (mode != "plain")
        else ""
    )
    stops = _stop_strings(after_text) if mode != "plain" else ()
    if mode == "fim" and fim is not None:
        head_marker = fim.prefix
        after_part = f"{fim.suffix}{after_text}{fim.middle}"
    else:
        head_marker = ""
        after_part = bridge_block(after_text)

    notes = notes_block(request.notes)
    note = authors_note_block(request.authors_note)
    fixed = count(head_marker + notes) + count(note) + count(after_part)

    # The story so far: only when text before the window was left out (decided below).
    summary = request.story_so_far
    summary_text = summary_block(summary.text) if summary is not None else ""
    summary_tokens = count(summary_text) if summary_text else 0
    if summary_tokens > summary_room(n_ctx, reply_tokens):
        summary_text, summary_tokens = "", 0  # too long to help; the inspector says so

    triggers = []
    if settings.lore_enabled and request.lore:
        triggers = match_entries(request.lore, stripped[-settings.scan_chars :])
    lore_budget = max(0, min(settings.lore_budget, (total - fixed - summary_tokens) // 3))
    selection = select_entries(triggers, lore_budget, count, order=window.lore_order)

    # A summary exists only for long documents, so its room is always kept free.
    text_budget = total - fixed - selection.tokens - summary_tokens
    trimmed = window.fit(stripped, text_budget, count_tokens)
    use_summary = bool(summary_text) and (trimmed.start > 0 or request.offset > 0)

    # -- parts, in prompt order ------------------------------------------------
    build.add(
        "notes",
        head_marker + notes,
        "story notes, always ahead of the text" if notes else "start of the infill prompt",
    )
    if use_summary and summary is not None:
        build.add(
            "summary",
            summary_text,
            _summary_why(summary, request.offset + trimmed.start),
            tokens=summary_tokens,
        )
    elif summary is not None and summary.text.strip() and not summary_text:
        build.left_out.append(
            LeftOut(
                "summary",
                "",
                count(summary.text),
                "the story so far is longer than a quarter of the window",
            )
        )
    for trigger, tokens in selection.kept:
        build.add("lore", entry_text(trigger.entry), trigger.why, trigger.entry.title, tokens)
    for trigger, tokens in selection.cut:
        build.left_out.append(
            LeftOut(
                "lore",
                trigger.entry.title,
                tokens,
                f"{trigger.why}, but cut to fit the lore budget ({lore_budget} tokens, "
                f"priority {trigger.entry.priority})",
            )
        )
    if mode == "bridge":
        build.add("after", after_part, "the text after the cursor, so the passage leads into it")
    _add_text(build, trimmed.text, trimmed.tokens, note, settings.authors_note_depth)
    if mode == "fim":
        build.add("after", after_part, "the text after the cursor (fill in the middle)")
    if trimmed.start > 0 or request.offset > 0:
        left = request.offset + trimmed.start
        why = (
            f"{left:,} characters before the window did not fit; the story so far summarizes them"
            if use_summary
            else f"{left:,} characters before the window did not fit"
        )
        build.left_out.append(LeftOut("text", "", 0, why))
    return Assembly(
        parts=tuple(build.parts),
        left_out=tuple(build.left_out),
        mode=mode,
        window_start=trimmed.start,
        stop_strings=stops,
        trailing_space=trailing_space,
    )


def _add_text(build: _Builder, text: str, tokens: int, note: str, depth: int) -> None:
    """Add the text window (``tokens`` long) with the author's note ``depth`` paragraphs before
    its end; only the short tail after the note is counted again."""
    if not note:
        build.add("text", text, "the text before the cursor", tokens=tokens)
        return
    position = authors_note_position(text, depth)
    tail = text[position:]
    tail_tokens = build.count(tail) if tail else 0
    build.add(
        "text", text[:position], "the text before the cursor", tokens=max(0, tokens - tail_tokens)
    )
    build.add("authors_note", note, f"author's note, {max(1, depth)} paragraphs before the end")
    build.add("text", tail, "the last paragraphs before the cursor", tokens=tail_tokens)


def authors_note_position(text: str, depth: int) -> int:
    """Return where a note ``depth`` paragraphs (lines) before the end of ``text`` goes."""
    depth = max(1, depth)
    starts: list[int] = []
    end = len(text)
    while len(starts) < depth:
        newline = text.rfind("\n", 0, end)
        if newline < 0:
            break
        start = newline + 1
        while start < len(text) and text[start].isspace():
            start += 1
        if start < len(text) and (not starts or start < starts[-1]):
            starts.append(start)
        end = newline
    return starts[depth - 1] if len(starts) >= depth else 0


def _after_window(after: str, budget: int, count: CountTokens) -> str:
    """Return the start of the text after the cursor that fits ``budget``, ending on a boundary."""
    if budget <= 0:
        return ""
    piece = after[: min(AFTER_SCAN_CHARS, budget * 6)]
    while piece and count(piece) > budget:
        piece = piece[: int(len(piece) * 0.8)]
    if len(piece) < len(after):
        ends = [m.end() for m in _SENTENCE_END.finditer(piece)]
        if ends and ends[-1] > len(piece) // 3:
            piece = piece[: ends[-1]]
    return piece.rstrip() if len(piece) < len(after) else piece


def _stop_strings(after: str) -> tuple[str, ...]:
    """Return the first words of the text after's first sentences: the passage stops there.

    A passage that starts to repeat what follows the cursor ends where the
    repetition begins (leading punctuation is skipped: ".\n\nThe sea" gives "The sea was").
    """
    stops: list[str] = []
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(after)]
    for start in starts:
        sentence = after[start:].lstrip(" \t\n.,;:!?…。，；：！？”’」』)]\"'")
        match = _FIRST_WORDS.match(sentence)
        first = match.group(0) if match else sentence
        if any(ord(ch) >= 0x2E80 for ch in first[:8]):
            first = first[:6]  # CJK: no spaces between words
        elif len(first) < 8:
            continue  # too short to be told from ordinary words
        first = first[:32]
        if len(first.strip()) >= 4 and first not in stops:
            stops.append(first)
        if len(stops) == 3:
            break
    return tuple(stops)


def _summary_why(summary: StorySoFar, window_start: int) -> str:
    """Return the story so far's reason and freshness."""
    by = "written by hand" if summary.edited else "summary"
    if summary.covers + 2000 < window_start:
        return (
            f"story so far ({by}) of the first {summary.covers:,} characters; "
            f"{window_start - summary.covers:,} more before the window are not in it yet"
        )
    return f"story so far ({by}) of the {window_start:,} characters before the window"
