"""The find and replace bar: find next/previous, replace, replace all, case and whole word.

It works on any QPlainTextEdit handed to it. Searching uses QTextDocument.find
(C++), so it stays fast on a whole novel; Replace all is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)


class FindReplaceBar(QWidget):
    """A bar under the editor (objectName ``findReplaceBar``) for finding and replacing text."""

    #: Emitted when the bar hides itself (Esc or the close button).
    closed = Signal()

    def __init__(self, editor: QPlainTextEdit | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findReplaceBar")
        self.editor = editor
        self.find_input = self._line_edit("findInput", self.tr("Find"))
        self.replace_input = self._line_edit("replaceInput", self.tr("Replace with"))
        self.match_case = self._check_box("findMatchCase", self.tr("Match case"))
        self.whole_word = self._check_box("findWholeWord", self.tr("Whole words"))
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        buttons = (
            ("findPrevious", self.tr("Previous"), self.find_previous),
            ("findNext", self.tr("Next"), self.find_next),
            ("replaceOne", self.tr("Replace"), self.replace_current),
            ("replaceAll", self.tr("Replace all"), self.replace_all),
            ("findClose", self.tr("Close"), self.close_bar),
        )
        self.buttons: dict[str, QPushButton] = {}
        for name, label, slot in buttons:
            button = QPushButton(label, self)
            button.setObjectName(name)
            button.setAccessibleName(name)
            button.clicked.connect(slot)
            self.buttons[name] = button
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.find_input, 0, 0)
        layout.addWidget(self.buttons["findPrevious"], 0, 1)
        layout.addWidget(self.buttons["findNext"], 0, 2)
        layout.addWidget(self.match_case, 0, 3)
        layout.addWidget(self.whole_word, 0, 4)
        layout.addWidget(self.buttons["findClose"], 0, 5)
        layout.addWidget(self.replace_input, 1, 0)
        layout.addWidget(self.buttons["replaceOne"], 1, 1)
        layout.addWidget(self.buttons["replaceAll"], 1, 2)
        layout.addWidget(self.status, 1, 3, 1, 3)
        self.find_input.returnPressed.connect(self.find_next)
        self.replace_input.returnPressed.connect(self.replace_current)
        previous = QShortcut(QKeySequence("Shift+Return"), self.find_input)
        previous.setContext(Qt.ShortcutContext.WidgetShortcut)
        previous.activated.connect(self.find_previous)

    def retranslate(self) -> None:
        """Show the bar's labels in the current interface language."""
        self.find_input.setPlaceholderText(self.tr("Find"))
        self.replace_input.setPlaceholderText(self.tr("Replace with"))
        self.match_case.setText(self.tr("Match case"))
        self.whole_word.setText(self.tr("Whole words"))
        for name, text in (
            ("findPrevious", self.tr("Previous")),
            ("findNext", self.tr("Next")),
            ("replaceOne", self.tr("Replace")),
            ("replaceAll", self.tr("Replace all")),
            ("findClose", self.tr("Close")),
        ):
            self.buttons[name].setText(text)
        self.status.clear()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self.retranslate()
        super().changeEvent(event)

    def _line_edit(self, name: str, placeholder: str) -> QLineEdit:
        """Make one named input field."""
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setAccessibleName(name)
        field.setPlaceholderText(placeholder)
        field.setClearButtonEnabled(True)
        return field

    def _check_box(self, name: str, label: str) -> QCheckBox:
        """Make one named option."""
        box = QCheckBox(label, self)
        box.setObjectName(name)
        box.setAccessibleName(name)
        return box

    def set_editor(self, editor: QPlainTextEdit | None) -> None:
        """Point the bar at another editor (for example when the current tab changes)."""
        self.editor = editor
        self.status.clear()

    def open_bar(self, *, replace: bool = False) -> None:
        """Show the bar with the editor's selection as the search text and focus the field."""
        if self.editor is not None:
            selected = self.editor.textCursor().selectedText()
            if selected and "\u2029" not in selected:
                self.find_input.setText(selected)
        self.replace_input.setVisible(True)
        self.show()
        target = self.replace_input if replace and self.find_input.text() else self.find_input
        target.setFocus()
        target.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and give the focus back to the editor."""
        self.hide()
        if self.editor is not None:
            self.editor.setFocus()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Close on Esc."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        """Return the find flags of the current options."""
        flags = QTextDocument.FindFlag(0)
        if self.match_case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.whole_word.isChecked():
            flags |= QTextDocument.FindFlag.FindWholeWords
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _find(self, backward: bool) -> bool:
        """Select the next (or previous) match, wrapping around the document once."""
        needle = self.find_input.text()
        if self.editor is None or not needle:
            return False
        document = self.editor.document()
        flags = self._flags(backward)
        found = document.find(needle, self.editor.textCursor(), flags)
        wrapped = False
        if found.isNull():
            start = QTextCursor(document)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(needle, start, flags)
            wrapped = True
        if found.isNull():
            self.status.setText(self.tr("No matches"))
            return False
        self.editor.setTextCursor(found)
        self.editor.centerCursor()
        self.status.setText(self.tr("Wrapped around") if wrapped else "")
        return True

    def find_next(self) -> bool:
        """Select the next match after the cursor; return False when there is none."""
        return self._find(backward=False)

    def find_previous(self) -> bool:
        """Select the match before the cursor; return False when there is none."""
        return self._find(backward=True)

    def _selection_matches(self) -> bool:
        """Return True when the editor's selection is a match of the search text."""
        if self.editor is None:
            return False
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return False
        probe = QTextCursor(self.editor.document())
        probe.setPosition(cursor.selectionStart())
        found = self.editor.document().find(self.find_input.text(), probe, self._flags())
        return (
            not found.isNull()
            and found.selectionStart() == cursor.selectionStart()
            and found.selectionEnd() == cursor.selectionEnd()
        )

    def replace_current(self) -> bool:
        """Replace the selected match and select the next one; return True if one was replaced."""
        if self.editor is None or not self.find_input.text():
            return False
        if not self._selection_matches():
            self.find_next()
            return False
        self.editor.textCursor().insertText(self.replace_input.text())
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every match in one undo step; return how many were replaced."""
        needle = self.find_input.text()
        if self.editor is None or not needle:
            return 0
        document = self.editor.document()
        replacement = self.replace_input.text()
        flags = self._flags()
        if document.find(needle, 0, flags).isNull():
            self.status.setText(self.tr("%n replaced", "", 0))
            return 0
        announce = getattr(self.editor, "aboutToRewrite", None)  # Writer's editor: snapshot first
        if announce is not None:
            announce.emit("replace_all")
        edit = QTextCursor(document)
        edit.beginEditBlock()
        count = 0
        found = document.find(needle, 0, flags)
        while not found.isNull():
            found.insertText(replacement)
            count += 1
            found = document.find(needle, found, flags)
        edit.endEditBlock()
        self.status.setText(self.tr("%n replaced", "", count))
        return count
