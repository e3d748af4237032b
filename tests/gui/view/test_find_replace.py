"""The find and replace bar on a plain-text editor."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from writer.gui.view.find_replace import FindReplaceBar

TEXT = "The cat sat. A Cat ran.\nConcatenate the cat!\n猫在这里，猫在那里。"


@pytest.fixture
def editor(qtbot) -> QPlainTextEdit:
    """An editor holding TEXT."""
    widget = QPlainTextEdit()
    widget.setPlainText(TEXT)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def bar(qtbot, editor: QPlainTextEdit) -> FindReplaceBar:
    """A find bar working on ``editor``."""
    widget = FindReplaceBar(editor)
    qtbot.addWidget(widget)
    return widget


def selections(bar: FindReplaceBar, editor: QPlainTextEdit, step, times: int) -> list[int]:
    """Run ``step`` ``times`` times and return where each selection starts."""
    starts = []
    for _ in range(times):
        assert step()
        starts.append(editor.textCursor().selectionStart())
    return starts


def test_find_next_wraps_around(bar: FindReplaceBar, editor: QPlainTextEdit) -> None:
    """Find next visits every match (any case, inside words too) and wraps to the top."""
    bar.find_input.setText("cat")
    starts = selections(bar, editor, bar.find_next, 5)
    assert starts == [4, 15, 27, 40, 4]
    assert editor.textCursor().selectedText() == "cat"


def test_find_previous(bar: FindReplaceBar, editor: QPlainTextEdit) -> None:
    """Find previous goes backwards and wraps to the end."""
    bar.find_input.setText("cat")
    assert selections(bar, editor, bar.find_previous, 2) == [40, 27]


def test_match_case_and_whole_word(bar: FindReplaceBar, editor: QPlainTextEdit) -> None:
    """Match case skips "Cat"; whole words skips "Concatenate"."""
    bar.find_input.setText("cat")
    bar.match_case.setChecked(True)
    bar.whole_word.setChecked(True)
    assert selections(bar, editor, bar.find_next, 3) == [4, 40, 4]


def test_no_match_is_reported(bar: FindReplaceBar, editor: QPlainTextEdit) -> None:
    """Searching for something absent says so and leaves the cursor alone."""
    bar.find_input.setText("dog")
    assert not bar.find_next()
    assert bar.status.text() == "No matches"
    assert not editor.textCursor().hasSelection()


def test_replace_one_then_next(bar: FindReplaceBar, editor: QPlainTextEdit) -> None:
    """Replace swaps the selected match and moves to the next one."""
    bar.find_input.setText("cat")
    bar.replace_input.setText("dog")
    assert not bar.replace_current()  # first press only finds
    assert bar.replace_current()
    assert editor.toPlainText().startswith("The dog sat. A Cat ran.")
    assert editor.textCursor().selectedText() == "Cat"


def test_replace_all_is_one_undo_step(bar: FindReplaceBar, editor: QPlainTextEdit) -> None:
    """Replace all changes every whole-word match and one undo restores the text."""
    bar.find_input.setText("cat")
    bar.replace_input.setText("dog")
    bar.whole_word.setChecked(True)
    assert bar.replace_all() == 3
    assert editor.toPlainText().startswith("The dog sat. A dog ran.\nConcatenate the dog!")
    assert bar.status.text() == "3 replaced"
    editor.undo()
    assert editor.toPlainText() == TEXT


def test_replace_all_cjk_and_longer_replacement(bar: FindReplaceBar, editor: QPlainTextEdit):
    """Chinese text is found and a replacement containing the search text does not loop."""
    bar.find_input.setText("猫")
    bar.replace_input.setText("小猫")
    assert bar.replace_all() == 2
    assert editor.toPlainText().endswith("小猫在这里，小猫在那里。")


def test_open_with_selection_and_escape_closes(qtbot, bar, editor: QPlainTextEdit) -> None:
    """Opening takes the selected word as the search; Esc hides the bar and emits closed."""
    cursor = editor.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(7, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    bar.open_bar()
    assert bar.isVisible()
    assert bar.find_input.text() == "cat"
    with qtbot.waitSignal(bar.closed, timeout=1000):
        qtbot.keyClick(bar.find_input, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_enter_finds_next(qtbot, bar, editor: QPlainTextEdit) -> None:
    """Pressing Enter in the find field selects the next match."""
    bar.show()
    qtbot.keyClicks(bar.find_input, "sat")
    qtbot.keyClick(bar.find_input, Qt.Key.Key_Return)
    assert editor.textCursor().selectedText() == "sat"
