"""The view around the editor: Markdown preview, highlighting, find/replace, outline, counts.

The preview sits beside the documents and follows the current one after
typing pauses, its scroll position tracking the editor's. Counts in the
status bar are worked out after a pause, in slices between events for very
long documents, so typing never waits for them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from writer.core.text_stats import TextCounts, count_text
from writer.gui.view.find_replace import FindReplaceBar
from writer.gui.view.outline_panel import OutlinePanel
from writer.gui.view.preview import PreviewPane
from writer.gui.widgets.display import format_counts, status_encoding
from writer.gui.widgets.fountain_highlighter import is_screenplay
from writer.gui.widgets.markdown_highlighter import MarkdownHighlighter

if TYPE_CHECKING:
    from collections.abc import Iterator

    from writer.gui.host import Host
    from writer.gui.widgets.editor import Editor

#: Documents longer than this are counted in slices between events.
SLICED_COUNT_CHARS = 1_000_000
SLICE_CHARS = 200_000


def _last_space(text: str) -> int:
    """Return the index of the last whitespace character of ``text``, or -1."""
    match = _LAST_SPACE.search(text)
    return match.start() if match else -1


_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")


def _add(a: TextCounts, b: TextCounts) -> TextCounts:
    """Return the counts of two texts together."""
    return TextCounts(
        a.words + b.words,
        a.cjk_characters + b.cjk_characters,
        a.characters + b.characters,
        a.characters_no_spaces + b.characters_no_spaces,
    )


class ViewFeature(QObject):
    """Wires the preview, highlighter, find bar, outline and counts to the window."""

    def __init__(self, window: Host) -> None:
        super().__init__(window.parent_widget())
        self.window = window
        self.editor: Editor | None = None
        self.preview = PreviewPane(window.parent_widget())
        window.add_pane(self.preview)
        self.find_bar = FindReplaceBar(None, window.parent_widget())
        self.find_bar.hide()
        window.add_bar(self.find_bar)
        self.outline = OutlinePanel(None, window.parent_widget())
        self.outline_dock = QDockWidget(self.tr("Outline"), window.parent_widget())
        self.outline_dock.setObjectName("outlineDock")
        self.outline_dock.setWidget(self.outline)
        window.add_dock(self.outline_dock, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.outline_dock.hide()
        self._connect_actions()
        self._doc_counts: TextCounts | None = None
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.timeout.connect(self._count_document)
        self._slice_timer = QTimer(self)
        self._slice_timer.setInterval(0)
        self._slice_timer.timeout.connect(self._count_slice)
        self._slices: Iterator[str] = iter(())
        self._partial: TextCounts | None = None
        self._carry = ""  # the start of a word a slice ended in
        window.signals.editorCreated.connect(self._decorate)
        window.signals.currentEditorChanged.connect(self._follow)
        window.signals.documentStateChanged.connect(lambda _e: self._show_encoding())
        window.signals.languageChanged.connect(lambda _language: self.retranslate())

    def retranslate(self) -> None:
        """Show the outline's dock and the counts in the current interface language."""
        self.outline_dock.setWindowTitle(self.tr("Outline"))
        self._show_counts()
        self._show_encoding()

    # -- building ---------------------------------------------------------------------------

    def _connect_actions(self) -> None:
        """Find, Replace, the outline and the preview toggles."""
        window = self.window
        window.action("actionTogglePreview").toggled.connect(self.set_preview_visible)
        window.action("actionFind").triggered.connect(lambda: self.find_bar.open_bar(replace=False))
        window.action("actionReplace").triggered.connect(
            lambda: self.find_bar.open_bar(replace=True)
        )
        outline = window.action("actionToggleOutline")
        outline.toggled.connect(self.outline_dock.setVisible)
        self.outline_dock.visibilityChanged.connect(outline.setChecked)

    # -- editors ----------------------------------------------------------------------------

    def _decorate(self, editor: Editor) -> None:
        """Give a new editor Markdown highlighting, unless another feature claimed it."""
        if not is_screenplay(editor):
            editor.highlighter = MarkdownHighlighter(editor.document())
        QTimer.singleShot(0, lambda: self._follow(self.window.current_editor()))

    def _follow(self, editor: Editor | None) -> None:
        """Point the preview, find bar, outline and counts at ``editor``."""
        if editor is self.editor:
            return
        if self.editor is not None:
            try:
                self.editor.textChanged.disconnect(self._on_text_changed)
                self.editor.selectionChanged.disconnect(self._show_counts)
                self.editor.verticalScrollBar().valueChanged.disconnect(self._sync_scroll)
            except (RuntimeError, TypeError):  # the editor was deleted
                pass
        self.editor = editor
        self.find_bar.set_editor(editor)
        self.outline.set_editor(editor)
        if editor is None:
            return
        editor.textChanged.connect(self._on_text_changed)
        editor.selectionChanged.connect(self._show_counts)
        editor.verticalScrollBar().valueChanged.connect(self._sync_scroll)
        self._doc_counts = None
        self._count_document()
        self._show_encoding()
        if self.preview.isVisible():
            self._render_now()

    def _on_text_changed(self) -> None:
        """Recount after a pause; refresh the preview after a pause."""
        editor = self.editor
        if editor is None:
            return
        size = editor.document().characterCount()
        self._count_timer.start(1500 if size > SLICED_COUNT_CHARS else 400)
        if self.preview.isVisible():
            self.preview.schedule_update(editor.toPlainText())

    # -- preview ----------------------------------------------------------------------------

    def set_preview_visible(self, visible: bool) -> None:
        """Show or hide the Markdown preview."""
        self.window.show_pane(self.preview, visible)
        if visible:
            self._render_now()

    def _render_now(self) -> None:
        """Render the current document at once."""
        editor = self.editor
        if editor is None:
            return
        path = editor.state.path
        self.preview.set_base_dir(path.parent if path else None)
        self.preview.render_now(editor.toPlainText())

    def _sync_scroll(self, value: int) -> None:
        """Keep the preview at the same place as the editor."""
        if self.preview.isVisible() and self.editor is not None:
            maximum = self.editor.verticalScrollBar().maximum()
            self.preview.scroll_to_fraction(value / maximum if maximum else 0.0)

    # -- status bar ---------------------------------------------------------------------------

    def _show_encoding(self) -> None:
        """Show the current document's encoding and line endings."""
        editor = self.window.current_editor()
        if editor is None:
            return
        state = editor.state
        self.window.status.set("statusEncoding", status_encoding(state))

    def _count_document(self) -> None:
        """Count the whole document: at once if short, in slices if long."""
        editor = self.editor
        if editor is None:
            return
        if editor.document().characterCount() <= SLICED_COUNT_CHARS:
            self._slice_timer.stop()
            self._doc_counts = count_text(editor.toPlainText())
            self._show_counts()
            return
        # A long document is counted from the editor's text mirror, a slice of whole
        # lines between events: no whole-document copy on the GUI thread.
        self._slices = editor.text_mirror().copy().pieces(SLICE_CHARS)
        self._carry = ""
        self._partial = TextCounts(0, 0, 0, 0)
        if self._doc_counts is None:  # nothing to show yet: say it is being counted
            self.window.status.set("statusCounts", self.tr("Counting…"))
        self._slice_timer.start()

    def _count_slice(self) -> None:
        """Count one slice of a long document between events."""
        piece = next(self._slices, None)
        partial = self._partial or TextCounts(0, 0, 0, 0)
        if piece is None:
            self._slice_timer.stop()
            self._doc_counts = _add(partial, count_text(self._carry))
            self._carry = ""
            self._show_counts()
            return
        piece = self._carry + piece
        # A slice may end inside a word (a very long line is cut anywhere): that word is
        # counted with the next slice, so it is counted once.
        cut = len(piece) if piece[-1:].isspace() else _last_space(piece) + 1
        self._carry = piece[cut:] if cut > 0 else ""
        self._partial = _add(partial, count_text(piece[:cut] if cut > 0 else piece))

    def _show_counts(self) -> None:
        """Show words (or CJK characters) of the document and the selection."""
        editor = self.editor
        if editor is None or self._doc_counts is None:
            return
        selected = editor.selected_text() if editor.textCursor().hasSelection() else ""
        selection = count_text(selected) if selected else None
        self.window.status.set("statusCounts", format_counts(self._doc_counts, selection))
