"""Each open document's assistant conversation, read from and written to its sidecar.

Conversations are keyed by the document's id, so a document keeps its own
chat while several are open. A document with a file keeps its chat turns in
the sidecar beside it (key "chat"), so they come back when it is reopened.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from writer.core.chat_prompt import ChatTurn
from writer.core.sidecar import load_sidecar, update_sidecar
from writer.gui.assistant.transcript import Conversation

if TYPE_CHECKING:
    from collections.abc import Iterable

    from writer.gui.widgets.editor import Editor

log = logging.getLogger(__name__)


class ConversationStore:
    """The conversations of the open documents."""

    def __init__(self) -> None:
        self._by_document: dict[str, Conversation] = {}

    def get(self, editor: Editor) -> Conversation:
        """Return ``editor``'s conversation, loading it from the sidecar the first time."""
        key = editor.state.doc_id
        if key not in self._by_document:
            turns: list[ChatTurn] = []
            if editor.state.path is not None:
                stored = load_sidecar(editor.state.path).get("chat")
                if isinstance(stored, list):
                    turns = ChatTurn.from_dicts(stored)
            self._by_document[key] = Conversation.from_turns(turns)
        return self._by_document[key]

    def save(self, editor: Editor) -> str | None:
        """Write ``editor``'s chat beside its document; return why it failed, if it did."""
        conversation = self._by_document.get(editor.state.doc_id)
        if editor.state.path is None or conversation is None:
            return None
        try:
            update_sidecar(editor.state.path, chat=conversation.chat_dicts() or None)
        except OSError as error:
            log.warning("cannot save the conversation of %s: %s", editor.state.path, error)
            return str(error.strerror or error)
        return None

    def editor_of(self, conversation: Conversation, editors: Iterable[Editor]) -> Editor | None:
        """Return the editor among ``editors`` whose conversation this is."""
        for editor in editors:
            if self._by_document.get(editor.state.doc_id) is conversation:
                return editor
        return None
