"""What a document keeps beside it for Continue: notes, author's note, lore, the story so far."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from writer.core.lore import LoreEntry, load_lorebook
from writer.core.sidecar import load_sidecar, update_sidecar
from writer.core.story_so_far import StoredSummary

if TYPE_CHECKING:
    from pathlib import Path

    from writer.core.prompt_parts import StorySoFar

#: Sidecar key of the author's note.
AUTHORS_NOTE_KEY = "authors_note"


@dataclass(frozen=True)
class DocumentContext:
    """The context a saved document carries into Continue's prompt."""

    notes: str = ""
    authors_note: str = ""
    lore: tuple[LoreEntry, ...] = ()
    story_so_far: StorySoFar | None = None


def load_document_context(document: Path | None) -> DocumentContext:
    """Return the notes, author's note, lore and story so far stored beside ``document``."""
    if document is None:
        return DocumentContext()
    data = load_sidecar(document)
    summary = StoredSummary.from_dict(data.get("story_so_far"))
    return DocumentContext(
        notes=str(data.get("notes", "")),
        authors_note=str(data.get(AUTHORS_NOTE_KEY, "")),
        lore=tuple(load_lorebook(document).entries()),
        story_so_far=summary.as_prompt_summary(),
    )


def save_authors_note(document: Path, note: str) -> None:
    """Store the author's note beside ``document`` (removed when empty)."""
    update_sidecar(document, **{AUTHORS_NOTE_KEY: note.strip() or None})
