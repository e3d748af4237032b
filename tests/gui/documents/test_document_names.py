"""New documents are numbered or named by their first heading; questions show their document.

Issue 11, item 7: four new documents were four "Untitled" tabs, and the quit
prompt asked about "Untitled" while another tab was shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPlainTextEdit, QTabBar, QTabWidget

from writer.gui.messages import Answer, messenger


def shown(qtbot, window) -> QTabWidget:
    """Show and focus ``window``; return its documents' tabs."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.current_editor().setFocus()
    return window.findChild(QTabWidget, "documents")


def tab_texts(tabs: QTabWidget) -> list[str]:
    return [tabs.tabText(i) for i in range(tabs.count())]


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text``, pressing Return for each line break."""
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(widget, line)


def press_new(qtbot, window) -> None:
    """Ctrl+N, as the writer presses it in the editor."""
    qtbot.keyClick(window.current_editor(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)


def click_tab(qtbot, tabs: QTabWidget, index: int) -> None:
    bar = tabs.findChild(QTabBar)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: tabs.currentIndex() == index, timeout=5_000)


def click_close_button(qtbot, tabs: QTabWidget, index: int) -> None:
    bar = tabs.findChild(QTabBar)
    close = bar.tabButton(index, QTabBar.ButtonPosition.RightSide) or bar.tabButton(
        index, QTabBar.ButtonPosition.LeftSide
    )
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)


def test_new_documents_are_numbered(qtbot, bare_window):
    tabs = shown(qtbot, bare_window)
    for _ in range(3):
        press_new(qtbot, bare_window)
    assert tab_texts(tabs) == ["Untitled", "Untitled 2", "Untitled 3", "Untitled 4"]
    assert bare_window.windowTitle().startswith("Untitled 4")
    # Closing "Untitled 2" frees its number for the next new document.
    click_close_button(qtbot, tabs, 1)
    assert tab_texts(tabs) == ["Untitled", "Untitled 3", "Untitled 4"]
    press_new(qtbot, bare_window)
    assert tab_texts(tabs)[-1] == "Untitled 2"


def test_a_document_is_named_after_its_first_heading(qtbot, bare_window):
    tabs = shown(qtbot, bare_window)
    press_new(qtbot, bare_window)
    click_tab(qtbot, tabs, 0)
    editor = tabs.currentWidget()
    qtbot.keyClicks(editor, "# The *Lighthouse*")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "It was dark.")
    assert tab_texts(tabs) == ["The Lighthouse •", "Untitled 2"]
    assert "The Lighthouse" in bare_window.windowTitle()
    # Editing the heading renames the tab; removing it brings the number back.
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)  # "# " loses its "#": no heading any more
    assert tab_texts(tabs)[0] == "Untitled •"
    qtbot.keyClick(editor, Qt.Key.Key_NumberSign)
    assert tab_texts(tabs)[0] == "The Lighthouse •"
    # A setext heading in a new document names it too.
    press_new(qtbot, bare_window)
    type_text(qtbot, tabs.currentWidget(), "Chapter One\n===\n")
    assert tab_texts(tabs)[-1] == "Chapter One •"


def test_the_quit_prompt_shows_each_document_it_asks_about(qtbot, bare_window, monkeypatch):
    tabs = shown(qtbot, bare_window)
    qtbot.keyClicks(bare_window.current_editor(), "first draft")
    press_new(qtbot, bare_window)
    qtbot.keyClicks(bare_window.current_editor(), "second draft")
    press_new(qtbot, bare_window)  # "Untitled 3", empty and shown
    asked: list[tuple[str, str, str]] = []

    def save_changes(_parent, name: str) -> Answer:
        editor = bare_window.current_editor()
        asked.append((name, tabs.tabText(tabs.currentIndex()), editor.toPlainText()))
        return Answer.DISCARD

    monkeypatch.setattr(messenger, "save_changes", save_changes)
    bare_window.findChild(QAction, "actionQuit").trigger()  # File > Quit
    assert not bare_window.isVisible()
    assert asked == [
        ("Untitled", "Untitled •", "first draft"),
        ("Untitled 2", "Untitled 2 •", "second draft"),
    ]


def test_closing_a_background_tab_shows_it_while_asking(qtbot, bare_window, monkeypatch):
    tabs = shown(qtbot, bare_window)
    type_text(qtbot, bare_window.current_editor(), "# Notes\nkeep me")
    press_new(qtbot, bare_window)
    asked: list[tuple[str, int]] = []

    def save_changes(_parent, name: str) -> Answer:
        asked.append((name, tabs.currentIndex()))
        return Answer.CANCEL

    monkeypatch.setattr(messenger, "save_changes", save_changes)
    click_close_button(qtbot, tabs, 0)
    assert asked == [("Notes", 0)]
    assert tab_texts(tabs) == ["Notes •", "Untitled 2"]
    assert isinstance(tabs.widget(0), QPlainTextEdit)
    assert tabs.widget(0).toPlainText() == "# Notes\nkeep me"


def test_first_heading_and_numbers():
    from writer.core.document_names import file_stem, first_heading, next_untitled_number

    assert first_heading("text\n\n## Part *One*\n# Later") == "Part One"
    assert first_heading("```\n# not a heading\n```\nBody") == ""
    assert first_heading("Title: Night Shift\nAuthor: A\n\nINT. DINER", screenplay=True) == (
        "Night Shift"
    )
    assert first_heading("# [Link](http://x) title") == "Link title"
    assert next_untitled_number([1, 2, 4]) == 3
    assert next_untitled_number([]) == 1
    assert file_stem('Who? What: "Now" / <then>') == "Who What Now then"
    assert file_stem("  ...  ") == "Untitled"
    assert file_stem("CON") == "CON_"
    assert file_stem("第一章 月光") == "第一章 月光"
    assert len(file_stem("x" * 500)) <= 100
