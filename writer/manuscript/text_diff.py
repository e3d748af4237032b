"""A side-by-side diff of two texts, and the edits that turn one text into another.

Comparing a whole novel word by word is slow, so the texts are first matched
line by line; only the lines that changed are compared again token by token.
A token is a word, a run of spaces, a punctuation mark, or a single CJK
character (Chinese has no spaces between words, so each character counts).

:func:`edits_to` plans a restore: the line ranges of the current text that
differ from a snapshot, as edits in Qt's UTF-16 positions, so restoring a
novel touches only what changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from writer.core.text_copy import utf16_length

#: Han ideographs, kana, CJK punctuation and full-width forms: one token each.
_CJK_RANGES = (
    "\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff9f\U00020000-\U0003134f"
)
_TOKEN = re.compile(rf"[{_CJK_RANGES}]|[^\W{_CJK_RANGES}]+|\s+|.", re.DOTALL)
#: Changed blocks larger than this many lines per side are shown whole, not word by word.
_WORD_DIFF_LINES = 200


@dataclass(frozen=True)
class DiffPart:
    """One stretch of the diff: ``kind`` is "equal", "delete", "insert" or "replace".

    ``old`` is the text on the left (the snapshot), ``new`` the text on the right.
    """

    kind: str
    old: str
    new: str


def tokens(text: str) -> list[str]:
    """Return ``text`` split into words, spaces, punctuation and single CJK characters."""
    return _TOKEN.findall(text)


def diff_texts(old: str, new: str) -> list[DiffPart]:
    """Return the parts that turn ``old`` into ``new``, merged where neighbours agree."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    parts: list[DiffPart] = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        if tag == "replace" and max(i2 - i1, j2 - j1) <= _WORD_DIFF_LINES:
            parts.extend(_word_diff(left, right))
        else:
            parts.append(DiffPart(tag, left, right))
    return _merge(parts)


def _word_diff(old: str, new: str) -> list[DiffPart]:
    """Return the word-level parts of one changed block."""
    old_tokens, new_tokens = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    return [
        DiffPart(tag, "".join(old_tokens[i1:i2]), "".join(new_tokens[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def _merge(parts: list[DiffPart]) -> list[DiffPart]:
    """Join neighbouring parts of the same kind."""
    merged: list[DiffPart] = []
    for part in parts:
        if not part.old and not part.new:
            continue
        if merged and merged[-1].kind == part.kind:
            last = merged.pop()
            part = DiffPart(part.kind, last.old + part.old, last.new + part.new)
        merged.append(part)
    return merged


def changed_count(parts: list[DiffPart]) -> int:
    """Return how many stretches differ."""
    return sum(1 for part in parts if part.kind != "equal")


@dataclass(frozen=True)
class Edit:
    """Replace ``start``..``end`` (UTF-16 positions in the current text) with ``text``."""

    start: int
    end: int
    text: str


def edits_to(current_lines: list[str], target: str) -> list[Edit]:
    """Return the edits, last first, that turn the text of ``current_lines`` into ``target``.

    The lines are those of the current text (joined by "\\n"); positions count UTF-16
    code units, as a QTextDocument does. Applied in the order given, each edit
    leaves the positions of the ones after it valid.
    """
    target_lines = target.split("\n")
    offsets = [0]
    for line in current_lines:
        offsets.append(offsets[-1] + utf16_length(line) + 1)
    total = offsets[-1] - 1
    edits: list[Edit] = []
    matcher = SequenceMatcher(None, current_lines, target_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        new = target_lines[j1:j2]
        if i1 < i2:  # remove lines i1..i2 (with their line ends), put the new ones in
            start, end = offsets[i1], min(offsets[i2], total)
            text = "\n".join(new) + ("\n" if new and offsets[i2] <= total else "")
            if i2 == len(current_lines) and i1 > 0 and not new:
                start -= 1  # removing the last lines takes the line end before them
        else:  # insert before line i1
            start = end = min(offsets[i1], total)
            text = "\n".join(new) + "\n" if offsets[i1] <= total else "\n" + "\n".join(new)
        edits.append(Edit(start, end, text))
    return edits[::-1]
