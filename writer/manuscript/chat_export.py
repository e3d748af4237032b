"""A chat transcript as Markdown: who said what, in order, ready to paste or keep."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


@dataclass(frozen=True)
class ChatEntry:
    """One message of a transcript: ``role`` is "user", "assistant" or "note"."""

    role: str
    text: str
    title: str = ""  # what made an assistant entry, e.g. "Summary"; empty for chat


#: Headings of the roles; the GUI passes its translated ones.
ROLE_LABELS = {"user": "You", "assistant": "Assistant", "note": "Note"}


def chat_to_markdown(
    entries: Iterable[ChatEntry],
    *,
    title: str = "Conversation",
    labels: dict[str, str] | None = None,
) -> str:
    """Return ``entries`` as a Markdown document: a title, then one section per message."""
    names = ROLE_LABELS | (labels or {})
    parts = [f"# {title}\n"]
    for entry in entries:
        text = entry.text.strip()
        if not text:
            continue
        heading = names.get(entry.role, entry.role.title())
        if entry.title:
            heading = f"{heading} — {entry.title}"
        if entry.role == "note":
            parts.append(f"> *{heading}:* {' '.join(text.splitlines())}\n")
        else:
            parts.append(f"## {heading}\n\n{text}\n")
    return "\n".join(parts)
