"""Writer reopens the documents that were open when it was last closed.

Issue 11, item 8: a restart brought an empty Untitled. Each test is a restart:
one window opens files and is closed, a new one starts on the same settings.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QFileDialog, QTabBar, QTabWidget

from tests.gui_helpers import act, start_window
from writer.config import Key, get_setting, set_setting
from writer.core.session import OpenDocument, Session
from writer.errors import DocumentError
from writer.gui.documents import files as document_files

LONG = "".join(f"Line {n} of a long chapter.\n" for n in range(1, 401))


def tabs_of(window) -> QTabWidget:
    return window.findChild(QTabWidget, "documents")


def tab_texts(window) -> list[str]:
    tabs = tabs_of(window)
    return [tabs.tabText(i) for i in range(tabs.count())]


def click_tab(qtbot, window, index: int) -> None:
    tabs = tabs_of(window)
    bar = tabs.findChild(QTabBar)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: tabs.currentIndex() == index, timeout=5_000)
    tabs.currentWidget().setFocus()


def open_with_dialog(window, monkeypatch, paths: list[Path]) -> None:
    """File > Open, choosing ``paths`` in the (replaced) file dialog."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(p) for p in paths], "")
    )
    act(window, "actionOpen")


@pytest.fixture
def story_files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "novel"
    folder.mkdir()
    texts = {
        "a.md": "# Chapter One\n\nThe rain began.\n",
        "b.md": "First line.\nSecond line.\nThird line, the last.\n",
        "long.md": LONG,
    }
    paths = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def work_and_quit(qtbot, monkeypatch, paths: list[Path]) -> dict[str, int]:
    """Open ``paths``, move about in them, leave b.md shown, quit; return the cursors."""
    window = start_window(qtbot)
    open_with_dialog(window, monkeypatch, paths)
    assert tab_texts(window) == ["a.md", "b.md", "long.md"]
    click_tab(qtbot, window, 2)
    qtbot.keyClick(window.current_editor(), Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    click_tab(qtbot, window, 1)
    editor = window.current_editor()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Right):
        qtbot.keyClick(editor, key)
    qtbot.keyClick(window.current_editor(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.current_editor(), "an untitled note, never saved")
    click_tab(qtbot, window, 1)
    cursors = {
        e.state.path.name: e.textCursor().position() for e in window.editors() if e.state.path
    }
    cursors["long.md scroll"] = window.editors()[2].verticalScrollBar().value()
    act(window, "actionQuit")  # the untitled note is discarded (the answers fixture)
    assert not window.isVisible()
    return cursors


def test_restart_reopens_the_files_in_order_with_their_cursors(
    qtbot, monkeypatch, story_files, answers
):
    cursors = work_and_quit(qtbot, monkeypatch, story_files)
    assert cursors["b.md"] == len("First line.\nSecond line.\nTh")
    assert cursors["long.md"] == len(LONG)
    assert cursors["long.md scroll"] > 0

    window = start_window(qtbot)
    assert tab_texts(window) == ["a.md", "b.md", "long.md"]
    assert window.current_editor().state.path == story_files[1]
    positions = {e.state.path.name: e.textCursor().position() for e in window.editors()}
    assert positions == {"a.md": 0, "b.md": cursors["b.md"], "long.md": cursors["long.md"]}
    click_tab(qtbot, window, 2)
    bar = window.current_editor().verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == cursors["long.md scroll"], timeout=5_000)
    assert answers.errors == []
    # Typing goes where the cursor was left.
    click_tab(qtbot, window, 1)
    qtbot.keyClicks(window.current_editor(), "XX")
    assert window.current_editor().toPlainText().startswith("First line.\nSecond line.\nThXXird")


def test_missing_and_unreadable_files_are_skipped_with_a_note(
    qtbot, monkeypatch, story_files, answers
):
    work_and_quit(qtbot, monkeypatch, story_files)
    story_files[0].rename(story_files[0].with_name("moved.md"))  # a.md is gone
    real_read = document_files.read_document

    def read(path, encoding=None):
        if Path(path).name == "b.md":
            raise DocumentError("Cannot open b.md: permission denied.")
        return real_read(path, encoding)

    monkeypatch.setattr(document_files, "read_document", read)
    answers.questions.clear()  # the quit prompt about the untitled note
    window = start_window(qtbot)
    assert tab_texts(window) == ["long.md"]
    note = window.status.currentMessage()
    assert "a.md" in note and "b.md" in note
    assert answers.errors == [] and answers.questions == []  # no dialog at start


def test_the_setting_turns_reopening_off(qtbot, monkeypatch, story_files):
    window = start_window(qtbot)
    dialog = window.settings_feature.open(modality=Qt.WindowModality.NonModal)
    box = dialog.findChild(QCheckBox, "settingReopenDocuments")
    assert box.isChecked()
    box.click()
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    window.close()
    work_and_quit(qtbot, monkeypatch, story_files)

    again = start_window(qtbot)
    assert tab_texts(again) == ["Untitled"]
    again.settings_feature.open(modality=Qt.WindowModality.NonModal)
    assert not again.settings_feature.dialog.findChild(
        QCheckBox, "settingReopenDocuments"
    ).isChecked()


def leave_crash_copy(path: Path, text: str, writer_home: Path) -> None:
    """Leave a recovery copy of ``path`` as a Writer that crashed would (its process is gone)."""
    code = (
        "import sys; from writer.core.recovery import RecoveryStore; "
        "RecoveryStore().save('crashed', sys.argv[2], "
        "{'title': 'a.md', 'original_path': sys.argv[1], 'encoding': 'utf-8'})"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(path), text],
        check=True,
        env={**os.environ, "WRITER_HOME": str(writer_home)},
    )


@pytest.mark.parametrize("choice", ["restore", "discard"])
def test_crash_recovery_comes_first_and_no_file_opens_twice(
    qtbot, monkeypatch, story_files, writer_home, choice
):
    work_and_quit(qtbot, monkeypatch, story_files)
    unsaved = "# Chapter One\n\nThe rain began. Typed before the crash.\n"
    leave_crash_copy(story_files[0], unsaved, writer_home)

    window = start_window(qtbot)
    assert tab_texts(window) == ["b.md", "long.md"]  # a.md waits for the recovery offer
    dialog = window.autosave.offer_recovery(modality=Qt.WindowModality.NonModal)
    assert dialog is not None and len(dialog.entries) == 1
    button = "recoveryRestore" if choice == "restore" else "recoveryDiscard"
    qtbot.mouseClick(
        dialog.findChild(type(dialog.restore_button), button), Qt.MouseButton.LeftButton
    )
    paths = [e.state.path for e in window.editors()]
    assert paths.count(story_files[0]) == 1
    reopened = next(e for e in window.editors() if e.state.path == story_files[0])
    if choice == "restore":
        assert reopened.toPlainText() == unsaved and reopened.document().isModified()
    else:
        assert reopened.toPlainText() == story_files[0].read_text(encoding="utf-8")
        assert not reopened.document().isModified()


def test_the_files_open_at_a_crash_are_reopened(qtbot, monkeypatch, story_files):
    crashed = start_window(qtbot)
    open_with_dialog(crashed, monkeypatch, story_files[:2])
    click_tab(qtbot, crashed, 0)

    # The window never closes (as in a crash); what it keeps on disk is all the next one has.
    def kept() -> tuple[list[str], int]:
        session = Session.from_json(get_setting(Key.OPEN_DOCUMENTS))
        return [d.path.name for d in session.documents], session.current

    qtbot.waitUntil(lambda: kept() == (["a.md", "b.md"], 0), timeout=5_000)

    window = start_window(qtbot)
    assert tab_texts(window) == ["a.md", "b.md"]
    assert window.current_editor().state.path == story_files[0]


def test_a_damaged_session_starts_with_a_new_document(qtbot, answers):
    set_setting(Key.OPEN_DOCUMENTS, '{"documents": [{"path": 5}, "x"], "current": "no"')
    window = start_window(qtbot)
    assert tab_texts(window) == ["Untitled"]
    assert answers.errors == []
    assert Session.from_json(
        '{"documents": [{"path": "/a.md", "cursor": "7"}, {}], "current": 3}'
    ) == (Session([OpenDocument(Path("/a.md"), cursor=7)], -1))
