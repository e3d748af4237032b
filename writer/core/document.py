"""The state of one open document, apart from its text."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from writer.core.document_names import SCRIPT_FORMS, untitled_name

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["SCRIPT_FORMS", "DocumentState"]


@dataclass
class DocumentState:
    """Where a document lives and how it is stored on disk."""

    path: Path | None = None
    encoding: str = "utf-8"
    newline: str = "\n"
    bom: bool = False
    notes: str = ""  # story notes, put ahead of the text in prompts
    stamp: Any = None  # what the file looked like on disk when opened or saved
    doc_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    form: str = ""  # "screenplay" or "stage_play": a Fountain script (see SCRIPT_FORMS)
    #: Lines (0-based) whose ending on disk differs from ``newline``, as read (the editor
    #: keeps them on its blocks from then on).
    line_ends: dict[int, str] = field(default_factory=dict)
    #: Which untitled document this is (1: "Untitled", 2: "Untitled 2"); 0 before it is numbered.
    untitled_number: int = 0
    #: The document's first heading, which names it while it has no file ("" if none).
    heading: str = ""

    @property
    def title(self) -> str:
        """Return the name shown in the window title and tab."""
        if self.path:
            return self.path.name
        return self.heading or untitled_name(self.untitled_number)
