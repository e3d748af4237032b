"""The assistant panel's transcript: one document's conversation and assistant results.

Each document has a :class:`Conversation`: the chat turns the model sees
(:class:`~writer.core.chat_prompt.ChatTurn`) and the entries the transcript
shows (questions, replies, summaries, tool results, notes). The
:class:`Transcript` widget shows the entries of one conversation, one row
each; the row the user selects is the result Insert / Replace / Copy act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

if TYPE_CHECKING:
    from writer.core.chat_prompt import ChatTurn
    from writer.gui.widgets.editor import Editor

#: Longest part of the "about the selection" context shown under a question.
CONTEXT_PREVIEW_CHARS = 80


@dataclass(eq=False)
class Entry:
    """One row of the transcript.

    ``role`` is "user" (a question), "assistant" (a reply, summary or tool
    result) or "note" (a message from the app). ``state`` is "waiting",
    "running", "done", "stopped", "cut" (its server stream broke off) or "failed".
    """

    role: str
    text: str = ""
    kind: str = "chat"  # chat, summary, tool, note
    title: str = ""  # what made it, e.g. "Summary", "Rewrite"
    job_id: int | None = None
    state: str = "done"
    detail: str = ""  # progress, such as "part 2 of 5"
    turn: ChatTurn | None = None
    source: QTextCursor | None = None  # the selection a tool result was made from
    source_text: str = ""
    whole_document: bool = False  # a summary of the whole document (the story so far)

    @property
    def is_result(self) -> bool:
        """Return whether Insert / Replace / Copy can use this entry (a finished reply)."""
        return self.role == "assistant" and not self.pending and bool(self.text.strip())

    @property
    def pending(self) -> bool:
        """Return whether the entry's job is still waiting or writing."""
        return self.state in ("waiting", "running")


@dataclass(eq=False)
class Conversation:
    """One document's chat turns and transcript entries."""

    turns: list[ChatTurn] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    keep_from: int = 0  # messages the last chat prompt left out (keeps the cache warm)

    @classmethod
    def from_turns(cls, turns: list[ChatTurn]) -> Conversation:
        """Return a conversation that shows ``turns`` (read from the sidecar)."""
        conversation = cls(turns=turns)
        for turn in turns:
            conversation.entries.append(Entry("user", turn.question, turn=turn))
            if turn.reply:
                conversation.entries.append(Entry("assistant", turn.reply, turn=turn))
        return conversation

    def chat_dicts(self) -> list[dict[str, str]]:
        """Return the chat turns as messages to store beside the document."""
        return [item for turn in self.turns for item in turn.to_dicts()]

    def latest_result(self) -> Entry | None:
        """Return the newest entry Insert / Replace / Copy can use."""
        return next((e for e in reversed(self.entries) if e.is_result), None)


class Transcript(QListWidget):
    """Shows one conversation (objectName ``chatTranscript``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatTranscript")
        self.setAccessibleName("chatTranscript")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.conversation = Conversation()

    def show_conversation(self, conversation: Conversation) -> None:
        """Show ``conversation``'s entries, selecting its latest result."""
        self.conversation = conversation
        self.clear()
        for entry in conversation.entries:
            self.addItem(self._item(entry))
        latest = conversation.latest_result()
        if latest is not None:
            self.setCurrentRow(conversation.entries.index(latest))
        self.scrollToBottom()

    def add_entry(self, conversation: Conversation, entry: Entry) -> None:
        """Append ``entry`` to ``conversation`` (and show it if that one is shown)."""
        conversation.entries.append(entry)
        if conversation is self.conversation:
            self.addItem(self._item(entry))
            if entry.role == "assistant":
                self.setCurrentRow(self.count() - 1)
            self.scrollToBottom()

    def insert_before(self, conversation: Conversation, entry: Entry, new: Entry) -> None:
        """Put ``new`` just above ``entry`` in ``conversation`` (at the end if it is gone)."""
        entries = conversation.entries
        row = entries.index(entry) if entry in entries else len(entries)
        entries.insert(row, new)
        if conversation is self.conversation:
            self.insertItem(row, self._item(new))

    def remove_entry(self, conversation: Conversation, entry: Entry) -> None:
        """Take ``entry`` out of ``conversation``."""
        if entry not in conversation.entries:
            return
        row = conversation.entries.index(entry)
        conversation.entries.remove(entry)
        if conversation is self.conversation:
            self.takeItem(row)

    def refresh(self, entry: Entry) -> None:
        """Show the new text or state of ``entry`` if it is shown."""
        if entry not in self.conversation.entries:
            return
        row = self.conversation.entries.index(entry)
        item = self.item(row)
        if item is not None:
            item.setText(self._label(entry))
            if row == self.count() - 1:
                self.scrollToBottom()

    def retranslate(self) -> None:
        """Write every row again in the current interface language ("You", "Assistant" …)."""
        for row, entry in enumerate(self.conversation.entries):
            item = self.item(row)
            if item is not None:
                item.setText(self._label(entry))

    def current_entry(self) -> Entry | None:
        """Return the entry of the selected row."""
        row = self.currentRow()
        entries = self.conversation.entries
        return entries[row] if 0 <= row < len(entries) else None

    def chosen_result(self) -> Entry | None:
        """Return the selected result, else the latest one (None while the selected is written)."""
        entry = self.current_entry()
        if entry is not None and entry.is_result:
            return entry
        if entry is not None and entry.role == "assistant" and entry.pending:
            return None
        return self.conversation.latest_result()

    # -- drawing -------------------------------------------------------------

    def _item(self, entry: Entry) -> QListWidgetItem:
        item = QListWidgetItem(self._label(entry))
        if entry.role == "user":
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        elif entry.role == "note":
            font = QFont(item.font())
            font.setItalic(True)
            item.setFont(font)
        return item

    def _label(self, entry: Entry) -> str:
        """Return the text of ``entry``'s row."""
        if entry.role == "user":
            text = self.tr("You: {0}").format(entry.text)
            if entry.turn is not None and entry.turn.context:
                preview = " ".join(entry.turn.context.split())
                if len(preview) > CONTEXT_PREVIEW_CHARS:
                    preview = preview[:CONTEXT_PREVIEW_CHARS] + "…"
                text += "\n" + self.tr("(about the selection: “{0}”)").format(preview)
            return text
        if entry.role == "note":
            return entry.text
        # Titles the panel gives are kept in English and shown in the current language.
        title = (
            QCoreApplication.translate("AssistantPanel", entry.title)
            if entry.title
            else self.tr("Assistant")
        )
        header = title + (f" · {entry.detail}" if entry.detail else "")
        body = entry.text
        if entry.state == "waiting":
            body = self.tr("Waiting for the engine…")
        elif entry.state == "running" and not body:
            body = "…"
        elif entry.state == "stopped":
            body = (body + "\n" if body else "") + self.tr("(stopped)")
        elif entry.state == "cut":
            body += "\n" + self.tr("(cut short: the connection to the server broke off)")
        return f"{header}:\n{body}"


def put_text(editor: Editor, cursor: QTextCursor, text: str) -> None:
    """Put ``text`` at ``cursor`` (over its selection) as one undo step; move the caret after it."""
    cursor.beginEditBlock()
    cursor.insertText(text)
    cursor.endEditBlock()
    editor.setTextCursor(cursor)


def replace_target(editor: Editor, entry: Entry) -> QTextCursor | None:
    """Return what Replace should replace: the selection, else the text a tool worked on.

    None when there is no selection and the tool's text has changed or is elsewhere.
    """
    cursor = editor.textCursor()
    if cursor.hasSelection():
        return cursor
    source = entry.source
    if source is None or source.document() is not editor.document():
        return None
    if source.selectedText().replace("\u2029", "\n") != entry.source_text:
        return None
    return QTextCursor(source)
