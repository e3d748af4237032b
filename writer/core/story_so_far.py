"""The story so far: a summary of the text before Continue's window, kept beside the document.

A long document is cut into chapters-sized parts (:func:`plan_parts`), each
summarized once and remembered by a hash of its text, so adding a chapter
summarizes only the new part; the part summaries are then combined into the
story so far. Everything lives in the document's sidecar under
:data:`SIDECAR_KEY`::

    {"text": "...", "covers": 180000, "edited": false, "made": 1764500000.0,
     "parts": [{"hash": "ab12…", "chars": 12000, "summary": "..."}]}

A summary written or changed by hand (``edited``) is never replaced by a
rebuild until the writer asks for one.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from writer.core.prompt_parts import StorySoFar
from writer.core.sidecar import load_sidecar, update_sidecar
from writer.core.summary_plan import split_into_parts

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

SIDECAR_KEY = "story_so_far"
#: The story so far is made only when at least this many characters precede the window.
MIN_CHARS = 8000
#: The summary is stale when this many characters before the window are not in it.
STALE_CHARS = 4000


def digest(text: str) -> str:
    """Return a short content hash of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class PartSummary:
    """One part of the text, by hash and length, with its summary."""

    hash: str
    chars: int
    summary: str


@dataclass
class StoredSummary:
    """The story so far as kept in the sidecar."""

    text: str = ""
    covers: int = 0
    edited: bool = False
    made: float = 0.0
    parts: list[PartSummary] = field(default_factory=list)

    def as_prompt_summary(self) -> StorySoFar | None:
        """Return what the prompt uses, or None when there is no summary."""
        if not self.text.strip():
            return None
        return StorySoFar(self.text, self.covers, self.edited)

    def freshness(self, before_window: int) -> str:
        """Return "missing", "fresh", "stale" or "edited" for a window at ``before_window``."""
        if not self.text.strip():
            return "missing"
        if self.edited:
            return "edited"
        return "stale" if self.covers + STALE_CHARS < before_window else "fresh"

    def to_dict(self) -> dict[str, Any]:
        """Return the sidecar form."""
        return {
            "text": self.text,
            "covers": self.covers,
            "edited": self.edited,
            "made": self.made,
            "parts": [{"hash": p.hash, "chars": p.chars, "summary": p.summary} for p in self.parts],
        }

    @classmethod
    def from_dict(cls, data: Any) -> StoredSummary:
        """Return the summary stored as ``data`` (empty when it is not a summary)."""
        if not isinstance(data, dict):
            return cls()
        parts = []
        for item in data.get("parts", []):
            if isinstance(item, dict) and isinstance(item.get("hash"), str):
                parts.append(
                    PartSummary(
                        item["hash"], int(item.get("chars", 0)), str(item.get("summary", ""))
                    )
                )
        return cls(
            text=str(data.get("text", "")),
            covers=int(data.get("covers", 0) or 0),
            edited=bool(data.get("edited", False)),
            made=float(data.get("made", 0.0) or 0.0),
            parts=parts,
        )


def load_summary(document: Path | None) -> StoredSummary:
    """Return the story so far stored beside ``document`` (empty when none)."""
    if document is None:
        return StoredSummary()
    return StoredSummary.from_dict(load_sidecar(document).get(SIDECAR_KEY))


def save_summary(document: Path, summary: StoredSummary) -> None:
    """Store the story so far beside ``document`` (atomically)."""
    update_sidecar(
        document, **{SIDECAR_KEY: summary.to_dict() if summary.text or summary.parts else None}
    )


def edited_summary(summary: StoredSummary, text: str) -> StoredSummary:
    """Return ``summary`` with its text written by hand (kept until a rebuild)."""
    return StoredSummary(text, summary.covers, True, time.time(), list(summary.parts))


@dataclass(frozen=True)
class SummaryPlan:
    """What a rebuild has to do: the parts, which are already summarized, what it covers."""

    parts: tuple[str, ...]
    known: dict[str, str]  # hash → summary of parts summarized before
    covers: int

    @property
    def missing(self) -> list[int]:
        """Return the indexes of the parts still to summarize."""
        return [i for i, part in enumerate(self.parts) if digest(part) not in self.known]


def summary_target(text_before_window: str) -> str:
    """Return the text the story so far should cover: all but the last partial paragraph."""
    cut = text_before_window.rfind("\n")
    return text_before_window[: cut + 1] if cut > 0 else text_before_window


def plan_parts(
    text: str,
    part_tokens: int,
    count_tokens: Callable[[str], int],
    stored: StoredSummary,
    *,
    should_stop: Callable[[], bool] | None = None,
) -> SummaryPlan:
    """Return the parts of ``text`` to summarize and the ones whose summary is cached.

    Parts are cut from the start, so text added at the end changes only the
    last part(s): earlier parts keep their hashes and their summaries.
    """
    parts = tuple(split_into_parts(text, part_tokens, count_tokens, should_stop=should_stop))
    known = {p.hash: p.summary for p in stored.parts if p.summary}
    return SummaryPlan(parts, known, len(text))


def stored_from(plan: SummaryPlan, summaries: Sequence[str], combined: str) -> StoredSummary:
    """Return the stored summary after a rebuild from ``plan``."""
    parts = [
        PartSummary(digest(part), len(part), summary)
        for part, summary in zip(plan.parts, summaries, strict=True)
    ]
    return StoredSummary(combined, plan.covers, False, time.time(), parts)
