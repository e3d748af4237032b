"""The status bar's context figure is live and belongs to the document shown (issue 11, item 4)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from writer.config import Key, set_setting


def figure(window) -> int:
    """Return the tokens used that ``statusContext`` shows."""
    text = window.findChild(QLabel, "statusContext").text()
    used, _sep, total = text.partition(" / ")
    assert total == "4096", text
    return int(used)


def test_the_figure_grows_while_continue_writes_and_follows_the_tab(qtbot, window):
    set_setting(Key.MAX_TOKENS, 60)
    editor = window.findChild(QPlainTextEdit, "editor")
    assert figure(window) == 0
    editor.setPlainText("The ship left the harbour at dawn, and the captain")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    seen: list[int] = []
    window.engine.text.connect(lambda _job, _piece: seen.append(figure(window)))
    with qtbot.waitSignal(window.stream.finished, timeout=120_000) as done:
        window.findChild(QAction, "actionContinue").trigger()
    stats = done.args[1]
    assert len(seen) >= 2 and seen[0] > 0 and seen[-1] > seen[0]  # live, growing
    first = figure(window)
    assert first == stats.prompt_tokens + stats.tokens
    # A new document has used nothing; the first one keeps its figure.
    window.findChild(QAction, "actionNew").trigger()
    assert window.tabs.count() == 2
    assert figure(window) == 0
    window.tabs.setCurrentIndex(0)
    assert figure(window) == first
