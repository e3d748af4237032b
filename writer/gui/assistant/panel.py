"""The assistant panel: side chat, summaries and selection tools, in one dock.

The dock ``chatPanel`` holds the transcript of the current document's
conversation, the question field and the buttons that put a result into the
document. Every request becomes a job from :mod:`writer.engine.assistant_jobs`
sent to the one engine through :class:`~writer.gui.assistant.requests.AssistantRequests`,
which keeps each job's entry by id; the panel shows what becomes of them: a
request waits in the engine's queue while another job runs (the entry says
so), and a job that was stopped keeps what it had made. Conversations are
kept per document and saved beside it (the sidecar's "chat" key).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Slot
from PySide6.QtGui import QAction, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from writer.config import Key, get_setting
from writer.core.chat_prompt import ChatTurn
from writer.core.presets import sampling_for
from writer.core.prompt_library import library
from writer.engine.assistant_jobs import (
    STAGE_COMBINE,
    STAGE_FINAL,
    ChatJob,
    SummaryJob,
    ToolJob,
)
from writer.gui.assistant.conversation_store import ConversationStore
from writer.gui.assistant.draft_chip import DraftChip
from writer.gui.assistant.requests import AssistantRequests
from writer.gui.assistant.transcript import (
    Conversation,
    Entry,
    Transcript,
    put_text,
    replace_target,
)
from writer.gui.messages import localized_text, messenger
from writer.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from writer.engine.backend import GenerationStats
    from writer.engine.jobs import Job
    from writer.gui.host import Host
    from writer.gui.widgets.editor import Editor

log = logging.getLogger(__name__)
#: The title of a summary in the transcript, translated when it is shown.
SUMMARY_TITLE = QT_TRANSLATE_NOOP("AssistantPanel", "Summary")

#: Selection tools: action objectName -> prompt name.
TOOL_ACTIONS = {
    "actionRewrite": "rewrite",
    "actionExpand": "expand",
    "actionShorten": "shorten",
    "actionChangeTone": "tone",
    "actionNewDirection": "new_direction",
}


def prompt_language() -> str:
    """Return the language of labels read from the prompt files ("en" or "zh")."""
    language = str(get_setting(Key.LANGUAGE))
    if language == "system":
        language = QLocale.system().name()
    return "zh" if language.startswith("zh") else "en"


class AssistantPanel(QDockWidget):
    """The dock with the chat and every assistant result (objectName ``chatPanel``)."""

    def __init__(self, window: Host) -> None:
        super().__init__(
            QCoreApplication.translate("AssistantPanel", "Assistant"), window.parent_widget()
        )
        self.setObjectName("chatPanel")
        self.setAccessibleName("chatPanel")
        self.window_ = window
        self.engine = window.engine
        self.store = ConversationStore()
        self.requests = AssistantRequests(window.engine, self)
        self._context = ""
        self._tone = "formal"
        self._build()
        self._add_buttons()
        self._connect()
        if window.editors():
            self._follow_editor()

    # -- building ---------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.transcript = Transcript(body)
        layout.addWidget(self.transcript, 1)
        self.status = QLabel(body)
        self.status.setObjectName("chatStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.progress = QProgressBar(body)
        self.progress.setObjectName("chatProgress")
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.buttons = QGridLayout()  # two columns, so the panel can stay narrow
        layout.addLayout(self.buttons)
        self.chip = DraftChip(self.engine, self.window_.current_editor, self.conversation, body)
        layout.addWidget(self.chip)
        context_row = QHBoxLayout()
        self.context_label = QLabel(body)
        self.context_label.setObjectName("chatSelection")
        self.context_label.setWordWrap(True)
        self.context_clear = QToolButton(body)
        self.context_clear.setText("×")
        self.context_clear.setToolTip(self.tr("Ask without the selection"))
        self.context_clear.clicked.connect(self.clear_context)
        context_row.addWidget(self.context_label, 1)
        context_row.addWidget(self.context_clear)
        layout.addLayout(context_row)
        input_row = QHBoxLayout()
        self.input = QLineEdit(body)
        self.input.setObjectName("chatInput")
        self.input.setAccessibleName("chatInput")
        self.input.setPlaceholderText(self.tr("Ask the assistant…"))
        self.send_button = QPushButton(self.tr("Send"), body)
        self.send_button.setObjectName("chatSend")
        self.send_button.setAccessibleName("chatSend")
        input_row.addWidget(self.input, 1)
        input_row.addWidget(self.send_button)
        layout.addLayout(input_row)
        self.setWidget(body)
        self.clear_context()

    def retranslate(self) -> None:
        """Show the panel's own texts and actions in the current interface language."""
        self.setWindowTitle(self.tr("Assistant"))
        self.context_clear.setToolTip(self.tr("Ask without the selection"))
        self.input.setPlaceholderText(self.tr("Ask the assistant…"))
        self.send_button.setText(self.tr("Send"))
        self.chip.retranslate()
        self.transcript.retranslate()
        tones = getattr(self, "tones_menu", None)
        if tones is not None:
            tones.setTitle(self.tr("Change Tone"))
            labels = library().tones(prompt_language())
            for action in tones.actions():
                key = action.objectName().removeprefix("actionTone_")
                action.setText(labels.get(key, action.text()))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "send_button"):
            self.retranslate()
        super().changeEvent(event)

    def _add_buttons(self) -> None:
        """Put the result actions under the transcript and the tones under Change Tone."""
        window = self.window_
        for index, name in enumerate(
            (
                "actionInsertReply",
                "actionReplaceWithReply",
                "actionCopyReply",
                "actionDiscardReply",
                "actionStop",
            )
        ):
            button = QToolButton(self)
            button.setDefaultAction(window.action(name))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.buttons.addWidget(button, index // 2, index % 2)
        tones = QMenu(self.tr("Change Tone"), window.parent_widget())
        tones.setObjectName("menuTones")
        self.tones_menu = tones
        for key, label in library().tones(prompt_language()).items():
            tone = QAction(label, tones)
            tone.setObjectName(f"actionTone_{key}")
            tone.triggered.connect(lambda _c=False, k=key: self.run_tool("tone", tone=k))
            tones.addAction(tone)
        window.action("actionChangeTone").setMenu(tones)

    def _connect(self) -> None:
        window = self.window_
        self.send_button.clicked.connect(self.send)
        self.input.returnPressed.connect(self.send)
        self.transcript.currentRowChanged.connect(lambda _row: self.update_actions())
        window.action("actionSummarize").triggered.connect(self.summarize)
        window.action("actionAskAboutSelection").triggered.connect(self.ask_about_selection)
        for name, tool in TOOL_ACTIONS.items():
            window.action(name).triggered.connect(lambda _c=False, t=tool: self.run_tool(t))
        window.action("actionInsertReply").triggered.connect(self.insert_reply)
        window.action("actionReplaceWithReply").triggered.connect(self.replace_with_reply)
        window.action("actionCopyReply").triggered.connect(self.copy_reply)
        window.action("actionDiscardReply").triggered.connect(self.discard_reply)
        window.action("actionClearChat").triggered.connect(self.clear_conversation)
        toggle = window.action("actionToggleAssistant")  # View > Assistant Panel follows the dock
        toggle.setChecked(self.toggleViewAction().isChecked())
        self.toggleViewAction().toggled.connect(toggle.setChecked)
        toggle.triggered.connect(self.show_panel)
        window.signals.currentEditorChanged.connect(lambda _editor: self._follow_editor())
        window.signals.languageChanged.connect(lambda _language: self.retranslate())
        requests = self.requests
        requests.started.connect(self._on_started)
        requests.textAdded.connect(self.transcript.refresh)
        requests.progressed.connect(self._on_progress)
        requests.noticed.connect(self._on_notice)
        requests.finished.connect(self._on_finished)
        requests.failed.connect(self._on_failed)
        requests.cutShort.connect(self._on_cut_short)
        requests.queueChanged.connect(self._show_queue)

    def show_panel(self, shown: bool = True) -> None:
        """Show and raise the panel, or close it (View > Assistant Panel)."""
        self.setVisible(shown)
        if shown:
            self.raise_()

    # -- documents ----------------------------------------------------------------

    def conversation(self, editor: Editor | None = None) -> Conversation:
        """Return the conversation of ``editor`` (the current one), loading it from its sidecar."""
        return self.store.get(editor or self.window_.current_editor())

    def save_conversation(self, editor: Editor | None = None) -> None:
        """Write ``editor``'s chat beside its document (when it has a file)."""
        editor = editor or self.window_.current_editor()
        error = self.store.save(editor) if editor is not None else None
        if error:
            self.status.setText(self.tr("The conversation could not be saved: {0}").format(error))

    def _follow_editor(self) -> None:
        """Show the current document's conversation and follow its selection."""
        editor = self.window_.current_editor()
        if editor is None:
            return
        if not editor.property("assistantWatched"):
            editor.setProperty("assistantWatched", True)
            editor.selectionChanged.connect(self.update_actions)
            self.chip.watch(editor)
            editor.document().modificationChanged.connect(
                lambda modified, e=editor: None if modified else self.save_conversation(e)
            )
        self.transcript.show_conversation(self.conversation(editor))
        self.update_actions()
        self.chip.refresh()

    def update_actions(self) -> None:
        """Enable the selection tools with a selection, and the result actions with a result."""
        window = self.window_
        editor = window.current_editor()
        selected = editor is not None and editor.textCursor().hasSelection()
        for name in (*TOOL_ACTIONS, "actionAskAboutSelection"):
            window.action(name).setEnabled(selected)
        result = self.transcript.chosen_result()
        window.action("actionInsertReply").setEnabled(result is not None)
        window.action("actionCopyReply").setEnabled(result is not None)
        window.action("actionReplaceWithReply").setEnabled(
            result is not None and (selected or result.source is not None)
        )
        window.action("actionDiscardReply").setEnabled(result is not None)

    # -- requests ----------------------------------------------------------------

    def _ready(self, what: str) -> bool:
        """Return whether a model is loaded; otherwise say why ``what`` cannot run."""
        reason = self.engine.not_ready
        if reason is None:
            return True
        messenger.error(self.window_.parent_widget(), what, reason)
        return False

    def _submit(self, job: Job, entry: Entry, conversation: Conversation) -> int:
        """Send ``job`` to the engine; its text will go to ``entry``."""
        entry.state = "waiting"
        self.transcript.add_entry(conversation, entry)
        self.show()
        self.raise_()
        job_id = self.requests.submit(job, entry, conversation)
        self._show_queue()
        self.update_actions()
        return job_id

    def send(self) -> int | None:
        """Ask the chat input's question (with the selection, after Ask about selection)."""
        question = self.input.text().strip()
        if not question:
            return None
        if not self._ready(self.tr("Cannot chat")):
            return None
        conversation = self.conversation()
        turn = ChatTurn(question, context=self._context)
        conversation.turns.append(turn)
        self.transcript.add_entry(conversation, Entry("user", question, turn=turn))
        self.input.clear()
        self.clear_context()
        job = ChatJob(
            conversation.turns,
            index=len(conversation.turns) - 1,
            params=sampling_for("chat"),
            keep_from=conversation.keep_from,
            draft=self.chip.draft(),
        )
        entry = Entry("assistant", kind="chat", turn=turn)
        return self._submit(job, entry, conversation)

    def ask_about_selection(self) -> None:
        """Put the selection into the next question as context and focus the question field."""
        editor = self.window_.current_editor()
        selection = editor.selected_text() if editor is not None else ""
        if not selection.strip():
            self.status.setText(self.tr("Select the text to ask about first."))
            return
        self._context = selection
        preview = " ".join(selection.split())
        preview = preview[:60] + ("…" if len(preview) > 60 else "")
        self.context_label.setText(self.tr("Asking about: “{0}”").format(preview))
        self.context_label.setVisible(True)
        self.context_clear.setVisible(True)
        self.show()
        self.raise_()
        self.input.setFocus()

    def clear_context(self) -> None:
        """Ask the next question without the selection."""
        self._context = ""
        self.context_label.clear()
        self.context_label.setVisible(False)
        self.context_clear.setVisible(False)

    def summarize(self) -> int | None:
        """Summarize the selection, or the whole document when nothing is selected."""
        editor = self.window_.current_editor()
        text = editor.selected_text() or editor.toPlainText()
        if not text.strip():
            self.status.setText(self.tr("There is nothing to summarize."))
            return None
        if not self._ready(self.tr("Cannot summarize")):
            return None
        entry = Entry(
            "assistant",
            kind="summary",
            title=SUMMARY_TITLE,
            whole_document=not editor.selected_text(),
        )
        job = SummaryJob(text, params=sampling_for("chat"))
        return self._submit(job, entry, self.conversation(editor))

    def run_tool(self, tool: str, *, tone: str | None = None) -> int | None:
        """Apply selection tool ``tool`` to the selection; the result goes to the panel."""
        editor = self.window_.current_editor()
        selection = editor.selected_text() if editor is not None else ""
        if not selection.strip():
            self.status.setText(self.tr("Select some text first."))
            return None
        if not self._ready(self.tr("Cannot run the tool")):
            return None
        if tone:
            self._tone = tone
        label = library().get(tool, prompt_language()).label
        if tool == "tone":
            tones = library().tones(prompt_language())
            label = f"{label} ({tones.get(self._tone, self._tone)})"
        source = QTextCursor(editor.textCursor())
        entry = Entry("assistant", kind="tool", title=label, source=source, source_text=selection)
        editor = self.window_.current_editor()
        job = ToolJob(
            tool,
            selection,
            params=sampling_for("chat"),
            tone=self._tone,
            notes=editor.state.notes if editor is not None else "",
        )
        return self._submit(job, entry, self.conversation(editor))

    # -- results into the document ----------------------------------------------------

    def _writable_editor(self) -> Editor | None:
        """Return the current editor if text can go into it now; else say why."""
        editor = self.window_.current_editor()
        if editor is None or editor.is_streaming:
            self.status.setText(self.tr("Wait until the text being written is finished."))
            return None
        return editor

    def insert_reply(self) -> None:
        """Insert the chosen result at the cursor (one undo step)."""
        entry = self.transcript.chosen_result()
        editor = self._writable_editor()
        if entry is not None and editor is not None:
            cursor = editor.textCursor()
            cursor.setPosition(cursor.position())
            put_text(editor, cursor, entry.text)

    def replace_with_reply(self) -> None:
        """Replace the selection (or the text a tool worked on) with the chosen result."""
        entry = self.transcript.chosen_result()
        editor = self._writable_editor()
        if entry is None or editor is None:
            return
        cursor = replace_target(editor, entry)
        if cursor is None:
            self.status.setText(self.tr("Select the text to replace first."))
            return
        put_text(editor, cursor, entry.text)

    def copy_reply(self) -> None:
        """Copy the chosen result to the clipboard."""
        entry = self.transcript.chosen_result()
        if entry is not None:
            QGuiApplication.clipboard().setText(entry.text)
            self.status.setText(self.tr("Copied."))

    def discard_reply(self) -> None:
        """Remove the chosen result from the transcript (a chat reply stays in the chat)."""
        entry = self.transcript.chosen_result()
        if entry is None:
            return
        self.requests.cancel(entry.job_id)
        self.transcript.remove_entry(self.transcript.conversation, entry)
        self.update_actions()

    def clear_conversation(self) -> None:
        """Forget the current document's conversation (and its waiting requests)."""
        conversation = self.conversation()
        self.requests.forget(conversation)
        conversation.turns.clear()
        conversation.entries.clear()
        conversation.keep_from = 0
        self.transcript.show_conversation(conversation)
        self.save_conversation()
        self.update_actions()

    # -- what becomes of the requests --------------------------------------------------

    def _show_queue(self) -> None:
        """Say how many requests wait for the engine."""
        waiting = self.requests.waiting()
        if waiting:
            self.status.setText(
                self.tr("{0} request(s) waiting for the engine ({1} in the queue)").format(
                    waiting, self.engine.queued
                )
            )
        elif self.requests.running():
            self.status.setText(self.tr("Writing…"))

    @Slot(object)
    def _on_started(self, entry: Entry) -> None:
        self.transcript.refresh(entry)
        self._show_queue()

    @Slot(object, int, int, str)
    def _on_progress(self, entry: Entry, step: int, total: int, stage: str) -> None:
        if stage == STAGE_FINAL:
            entry.detail = self.tr("combining the parts")
        elif stage == STAGE_COMBINE:
            entry.detail = self.tr("combining, group {0} of {1}").format(step, total)
        else:
            entry.detail = self.tr("part {0} of {1}").format(step, total)
        self.progress.setRange(0, total)
        self.progress.setValue(step - 1)
        self.progress.setVisible(True)
        self.status.setText(entry.detail)
        self.transcript.refresh(entry)

    @Slot(object, object, str)
    def _on_notice(self, conversation: Conversation, entry: Entry, message: str) -> None:
        """Show a job's notice (a fallback was taken) above its result."""
        message = localized_text(message)
        self.transcript.insert_before(conversation, entry, Entry("note", message, kind="note"))
        self.status.setText(message)

    @Slot(object, object, object, object)
    def _on_finished(
        self, entry: Entry, conversation: Conversation, job: Job, stats: GenerationStats
    ) -> None:
        stopped = stats.stop_reason == "cancelled"
        if isinstance(job, ChatJob) and job.context is not None:
            editor = self.store.editor_of(conversation, self.window_.editors())
            if editor is not None:
                self.chip.measured(editor, job.draft_text(), job.context.tokens)
        if isinstance(job, SummaryJob) and stopped and job.part_summaries:
            said = self.tr("Stopped; kept the summaries of {0} of {1} parts.").format(
                len(job.part_summaries), job.parts
            )
        elif stopped:
            said = self.tr("Stopped.")
        else:
            said = ""
        self._show_result(entry, conversation, job, said)

    @Slot(object, object, object, str)
    def _on_cut_short(self, entry: Entry, conversation: Conversation, job: Job, message: str):
        """A reply whose stream broke off: it stays as a result, and the reason is shown."""
        self._show_result(entry, conversation, job, localized_text(message))

    def _show_result(self, entry: Entry, conversation: Conversation, job: Job, said: str) -> None:
        """Show a finished (or cut short) reply: a chat's conversation is saved, ``said`` shown."""
        if isinstance(job, ChatJob) and entry.turn is not None:
            editor = self.store.editor_of(conversation, self.window_.editors())
            if editor is not None:
                self.save_conversation(editor)
        self.status.setText(said)
        self.progress.setVisible(False)
        self.transcript.refresh(entry)
        self._show_queue()
        self.update_actions()

    @Slot(object, str)
    def _on_failed(self, entry: Entry, message: str) -> None:
        message = localized_text(message)
        entry.text = self.tr("Failed: {0}").format(message)
        self.progress.setVisible(False)
        self.status.setText(message)
        self.transcript.refresh(entry)
        self.update_actions()
        messenger.error(self.window_.parent_widget(), self.tr("Assistant"), message)
