"""The snapshot diff as two HTML columns: what the snapshot had, and what the text has now.

Long unchanged stretches are shortened to their first and last lines of
context, so a one-word change in a novel shows as a few lines, not megabytes.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from writer.manuscript.text_diff import DiffPart

#: Characters of unchanged text kept on each side of a change.
CONTEXT_CHARS = 240
_REMOVED = "background-color: #f8d0d0; color: #6b0000; text-decoration: line-through;"
_ADDED = "background-color: #cfeccf; color: #004d00;"
_ELIDED = "color: #808080;"


def _escape(text: str) -> str:
    """Escape text for the HTML columns."""
    return html.escape(text, quote=False)


def _shorten(text: str, *, head: bool, tail: bool) -> str:
    """Return unchanged text as HTML, keeping only context next to changes."""
    keep_head = CONTEXT_CHARS if head else 0
    keep_tail = CONTEXT_CHARS if tail else 0
    if len(text) <= keep_head + keep_tail + 40:
        return _escape(text)
    start = _escape(text[-keep_tail:]) if keep_tail else ""
    end = _escape(text[:keep_head]) if keep_head else ""
    cut = len(text) - keep_head - keep_tail
    return f'{end}<span style="{_ELIDED}">\n[… {cut:,} …]\n</span>{start}'


def side_by_side(parts: list[DiffPart]) -> tuple[str, str]:
    """Return (snapshot HTML, current HTML) for the diff ``parts``."""
    left: list[str] = []
    right: list[str] = []
    for index, part in enumerate(parts):
        if part.kind == "equal":
            same = _shorten(part.old, head=index > 0, tail=index < len(parts) - 1)
            left.append(same)
            right.append(same)
            continue
        if part.old:
            left.append(f'<span style="{_REMOVED}">{_escape(part.old)}</span>')
        if part.new:
            right.append(f'<span style="{_ADDED}">{_escape(part.new)}</span>')
    wrap = '<div style="white-space: pre-wrap;">{}</div>'
    return wrap.format("".join(left)), wrap.format("".join(right))
