"""The recovery offer: lists recovered documents, restores or discards each."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from writer.core.recovery import RecoveryStore
from writer.gui.documents.recovery_dialog import RecoveryDialog

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    """A store with two recovered documents, the Chinese one newest."""
    store = RecoveryStore(tmp_path / "recovery")
    store.save("novel", "Chapter one.\nIt was a dark night.", {"original_path": tmp_path / "n.md"})
    store.save("draft", "山雨欲来风满楼。", {"title": "草稿"})
    return store


def make_dialog(qtbot, store: RecoveryStore) -> RecoveryDialog:
    """Open the dialog non-modally."""
    dialog = RecoveryDialog(store, modality=Qt.WindowModality.NonModal)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_lists_what_each_copy_holds(qtbot, store: RecoveryStore, tmp_path: Path) -> None:
    """Each row names the document, where it came from and its size; the text is shown."""
    dialog = make_dialog(qtbot, store)
    assert dialog.objectName() == "recoveryDialog"
    assert not dialog.isModal()
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(rows) == 2
    texts = {row.split("\n")[0]: row for row in rows}
    assert "never saved" in texts["草稿"] and "8 characters" in texts["草稿"]
    assert str(tmp_path / "n.md") in texts["n.md"] and "7 words" in texts["n.md"]
    dialog.list.setCurrentRow(rows.index(texts["n.md"]))
    assert dialog.preview.toPlainText() == "Chapter one.\nIt was a dark night."


def test_restore_emits_entry_and_keeps_copy(qtbot, store: RecoveryStore) -> None:
    """Restore hands the entry to the app; the copy stays until the document is saved."""
    dialog = make_dialog(qtbot, store)
    dialog.list.setCurrentRow(0)
    expected = dialog.current_entry()
    with qtbot.waitSignal(dialog.restoreRequested, timeout=1000) as signal:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].text == expected.text
    assert dialog.list.count() == 1
    assert store.load(expected.doc_id) is not None


def test_discard_deletes_copy_and_last_choice_closes(qtbot, store: RecoveryStore) -> None:
    """Discard deletes the copy; once every entry is handled the dialog closes."""
    dialog = make_dialog(qtbot, store)
    dialog.list.setCurrentRow(0)
    gone = dialog.current_entry().doc_id
    with qtbot.waitSignal(dialog.discarded, timeout=1000):
        qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert store.load(gone) is None
    with qtbot.waitSignal(dialog.finished, timeout=1000):
        dialog.restore_all()
    assert dialog.result() == RecoveryDialog.DialogCode.Accepted
    assert len(dialog.restored) == 1


def test_decide_later_keeps_everything(qtbot, store: RecoveryStore) -> None:
    """Closing with "Decide later" deletes nothing."""
    dialog = make_dialog(qtbot, store)
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    assert len(store.entries()) == 2
