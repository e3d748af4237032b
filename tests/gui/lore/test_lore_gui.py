"""The Lore dock, the author's note, the prompt inspector and the story so far, in the window."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
)

from writer.config import Key, set_setting
from writer.core.lore import LoreEntry, load_lorebook, save_document_lore
from writer.core.sidecar import load_sidecar
from writer.core.story_so_far import load_summary
from writer.gui.lore.entry_dialog import LoreEntryDialog

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

TAVERN = {
    "entries": {
        "0": {
            "uid": 0,
            "key": ["Owen"],
            "comment": "Owen",
            "content": "Owen is the old keeper.",
            "constant": False,
            "order": 100,
        }
    }
}


def open_at_end(window, path: Path):
    window.open_document(path)
    editor = window.current_editor()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    return editor


def test_lore_dock_adds_searches_imports_and_keeps_entries(qtbot, bare_window, tmp_path: Path):
    path = tmp_path / "story.md"
    path.write_text("Mara waited by the lamp.", encoding="utf-8")
    open_at_end(bare_window, path)
    feature = bare_window.lore
    feature.dialog_modality = Qt.WindowModality.NonModal
    bare_window.action("actionToggleLore").trigger()
    dock = bare_window.findChild(QDockWidget, "loreDock")
    assert not dock.isHidden()
    dock.add_button.click()
    dialog = bare_window.findChild(LoreEntryDialog, "loreEntryDialog")
    dialog.title.setText("Mara")
    dialog.keys.setText("Mara, keeper's daughter")
    dialog.content.setPlainText("Mara is stubborn.")
    dialog.accept()
    entries = bare_window.findChild(QListWidget, "loreList")
    assert entries.count() == 1 and entries.item(0).text().startswith("Mara")
    assert load_lorebook(path).document == [
        LoreEntry("Mara", ("Mara", "keeper's daughter"), "Mara is stubborn.")
    ]
    dock.search.setText("lighthouse")
    assert entries.count() == 0
    dock.search.setText("stubborn")
    assert entries.count() == 1
    dock.search.clear()
    book = tmp_path / "tavern.json"
    book.write_text(json.dumps(TAVERN), encoding="utf-8")
    assert feature.import_file(book) == 1
    assert entries.count() == 2
    note = bare_window.findChild(QPlainTextEdit, "authorsNote")
    note.setPlainText("Style: terse, present tense.")
    assert load_sidecar(path)["authors_note"] == "Style: terse, present tense."
    context = feature.context_for(bare_window.current_editor())
    assert context.authors_note == "Style: terse, present tense."
    assert [entry.title for entry in context.lore] == ["Mara", "Owen"]

    # Edit: choose Mara, Edit…, change the text, OK.
    entries.setCurrentRow(0)
    assert entries.currentItem().text().startswith("Mara") and dock.edit_button.isEnabled()
    dock.edit_button.click()
    editing = open_dialogs(bare_window)
    assert len(editing) == 1 and editing[0].title.text() == "Mara"
    editing[0].content.setPlainText("Mara is stubborn and keeps the log.")
    editing[0].accept()
    assert [(e.title, e.content) for e in load_lorebook(path).document] == [
        ("Mara", "Mara is stubborn and keeps the log."),
        ("Owen", "Owen is the old keeper."),
    ]
    assert entries.count() == 2
    # Remove: choose Owen, Remove.
    row = next(i for i in range(entries.count()) if entries.item(i).text().startswith("Owen"))
    entries.setCurrentRow(row)
    dock.remove_button.click()
    assert entries.count() == 1 and entries.item(0).text().startswith("Mara")
    assert [e.title for e in load_lorebook(path).document] == ["Mara"]
    assert not dock.remove_button.isEnabled()  # nothing chosen now


def open_dialogs(window) -> list[LoreEntryDialog]:
    """Return the lore entry dialogs shown now."""
    return [d for d in window.findChildren(LoreEntryDialog) if d.isVisible()]


def test_inspector_lists_exactly_what_continue_sends(qtbot, window, tmp_path: Path):
    path = tmp_path / "story.md"
    path.write_text(
        "Owen slept.\n\n" + "The wind rose.\n\n" * 300 + "Mara lit the lamp and", encoding="utf-8"
    )
    save_document_lore(
        path,
        [
            LoreEntry("Mara", ("Mara",), "Mara is stubborn."),
            LoreEntry("Owen", ("Owen",), "Owen is deaf."),
        ],
    )
    open_at_end(window, path)
    with qtbot.waitSignal(window.lore.promptShown, timeout=60_000) as shown:
        window.action("actionShowPrompt").trigger()
    assembly = shown.args[0]
    inspector = window.findChild(QDialog, "promptInspector")
    assert inspector.isVisible()
    assert inspector.parts.topLevelItemCount() >= len(assembly.parts)
    assert [p.title for p in assembly.parts if p.kind == "lore"] == ["Mara"]
    with qtbot.waitSignal(window.stream.finished, timeout=120_000):
        window.action("actionContinue").trigger()
    assert window.stream.last_job.assembly.prompt == assembly.prompt


@pytest.fixture
def small_window(qtbot, model_path: Path) -> Iterator:
    """A main window on the default model with a 512-token window."""
    from writer.gui.main_window import MainWindow

    set_setting(Key.CONTEXT_SIZE, 512)
    win = MainWindow(load_model=False)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.engine.modelLoaded, timeout=60_000):
        win.load_model(model_path)
    yield win
    win.engine.shutdown()


CHAPTER = (
    "The keeper climbed the tower at dusk and lit the great lamp. Ships passed far out, "
    "and he wrote each one in the log.\n\n"
)


def test_a_200k_document_gets_its_story_so_far_while_idle(qtbot, small_window, tmp_path):
    path = tmp_path / "novel.md"
    path.write_text(CHAPTER * (200_000 // len(CHAPTER) + 1), encoding="utf-8")
    editor = open_at_end(small_window, path)
    feature = small_window.lore
    feature.idle.setInterval(10)
    with qtbot.waitSignal(feature.storySoFarUpdated, timeout=900_000):
        editor.insertPlainText("The end of the first book.")
    assert load_summary(path).covers > 150_000
    with qtbot.waitSignal(small_window.stream.finished, timeout=120_000) as done:
        small_window.action("actionContinue").trigger()
    stats = done.args[1]
    assert stats.prompt_tokens + stats.tokens <= 512
    kinds = [part.kind for part in small_window.stream.last_job.assembly.parts]
    assert kinds[0] == "summary"


def test_rebuild_replaces_a_hand_written_story_so_far_and_says_how_fresh(
    qtbot, small_window, tmp_path
):
    set_setting(Key.STORY_SO_FAR, False)  # only the Rebuild button starts a summary here
    path = tmp_path / "novel.md"
    path.write_text(CHAPTER * (11_000 // len(CHAPTER) + 1), encoding="utf-8")
    open_at_end(small_window, path)
    feature = small_window.lore
    small_window.action("actionToggleLore").trigger()
    state = small_window.findChild(QLabel, "storySoFarState")
    story = small_window.findChild(QPlainTextEdit, "storySoFar")
    rebuild = small_window.findChild(QPushButton, "storySoFarRebuild")
    assert state.text().startswith("Not made yet")
    story.setPlainText("Written by hand: the keeper lights the lamp.")
    assert state.text() == "Written by hand; Rebuild replaces it."
    assert load_summary(path).edited
    with qtbot.waitSignal(feature.storySoFarUpdated, timeout=300_000):
        rebuild.click()
        assert state.text() == "Summarizing the story so far…"
    summary = load_summary(path)
    assert not summary.edited and summary.covers >= 8000
    assert summary.text.strip() and "Written by hand" not in summary.text
    assert story.toPlainText() == summary.text
    assert state.text() == f"Covers the first {summary.covers:,} characters; up to date."
