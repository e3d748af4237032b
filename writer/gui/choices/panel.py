"""The Candidates panel: N continuations streaming side by side as cards.

The dock ``candidatesPanel`` holds one card per candidate, ``candidate_1`` …
``candidate_N``. A click on a card (or Alt+1 … Alt+N, or Enter on the focused
card) asks for that candidate with :attr:`CandidatesPanel.chosen`; the feature
inserts it. The panel only shows text: it knows nothing of the engine.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from writer.gui.messages import localized_text


class CandidateCard(QFrame):
    """One candidate's text; a click or Enter chooses it."""

    clicked = Signal(int)  # candidate index from 0

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setObjectName(f"candidate_{index + 1}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel(self)
        self.body = QPlainTextEdit(self)
        self.body.setReadOnly(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body.viewport().installEventFilter(self)
        self.body.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """Show the card's title and accessible name in the current language."""
        title = self.tr("Candidate {0} (Alt+{0})").format(self.index + 1)
        self.title.setText(title)
        self.setAccessibleName(self.tr("Candidate {0}").format(self.index + 1))
        self.setToolTip(self.tr("Click to insert this candidate at the cursor"))

    def text(self) -> str:
        """Return the candidate's text so far."""
        return self.body.toPlainText()

    def append(self, piece: str) -> None:
        """Add a streamed piece at the end, keeping the view at the end."""
        cursor = self.body.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(piece)
        self.body.setTextCursor(cursor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Treat a click on the text as a click on the card."""
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self.clicked.emit(self.index)
            return True
        return super().eventFilter(watched, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Choose this candidate."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.index)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter or Space chooses this candidate."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.index)
            return
        super().keyPressEvent(event)


class CandidatesPanel(QDockWidget):
    """The dock ``candidatesPanel`` with the cards of the latest candidates."""

    chosen = Signal(int)  # candidate index from 0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidatesPanel")
        self.cards: list[CandidateCard] = []
        holder = QWidget(self)
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(4, 4, 4, 4)
        self.hint = QLabel(holder)
        self.hint.setWordWrap(True)
        outer.addWidget(self.hint)
        self.message = QLabel(holder)  # what the job said (fewer fit, a server broke off)
        self.message.setObjectName("candidatesMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self._messages: list[str] = []
        outer.addWidget(self.message)
        self._row = QWidget(holder)
        self._layout = QHBoxLayout(self._row)
        self._layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(holder)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._row)
        outer.addWidget(scroll, 1)
        self.setWidget(holder)
        self.retranslate()

    def retranslate(self) -> None:
        """Show the panel's texts in the current language."""
        self.setWindowTitle(self.tr("Candidates"))
        self.setAccessibleName(self.tr("Candidates"))
        self.hint.setText(
            self.tr(
                "Click a candidate or press Alt+1 … Alt+{0} to insert it at the cursor; "
                "Esc stops them."
            ).format(max(1, len(self.cards)))
        )
        for card in self.cards:
            card.retranslate()
        self._show_messages()

    def start(self, count: int) -> None:
        """Show ``count`` empty cards."""
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        self._messages.clear()
        self._show_messages()
        for index in range(count):
            card = CandidateCard(index, self._row)
            card.clicked.connect(self.chosen)
            self._layout.addWidget(card, 1)
            self.cards.append(card)
        self.retranslate()
        self.show()
        self.raise_()

    def add_message(self, message: str) -> None:
        """Show ``message`` (English, as the engine said it) above the cards, in the UI language."""
        self._messages.append(message)
        self._show_messages()

    def _show_messages(self) -> None:
        """Show what was said for these candidates in the current language."""
        self.message.setText("\n".join(localized_text(message) for message in self._messages))
        self.message.setVisible(bool(self._messages))

    def add_pieces(self, pieces: list[tuple[int, str]]) -> None:
        """Append streamed pieces to their cards."""
        for index, piece in pieces:
            if 0 <= index < len(self.cards):
                self.cards[index].append(piece)

    def set_texts(self, texts: list[str]) -> None:
        """Show the finished candidates' texts (the cards match the job's result exactly)."""
        if len(texts) < len(self.cards):
            for card in self.cards[len(texts) :]:
                card.setParent(None)
                card.deleteLater()
            del self.cards[len(texts) :]
            self.retranslate()  # the hint names Alt+1 … Alt+N for the cards shown
        for card, text in zip(self.cards, texts, strict=False):
            if card.text() != text:
                card.body.setPlainText(text)

    def texts(self) -> list[str]:
        """Return the cards' texts."""
        return [card.text() for card in self.cards]
