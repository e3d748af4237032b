"""Saving writes back exactly what was read: special spaces, separators, mixed line ends.

Issue 10, items 1, 8, 12 and 13: the document is opened and saved in the
window the way a writer does it (Open, Ctrl+S), and the bytes on disk are compared.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor

from writer.core.recovery import RecoveryStore

if TYPE_CHECKING:
    from pathlib import Path

FRENCH = (
    "Bonjour\u00a0! Il dit\u202f: «\u00a0oui\u00a0».\nUne ligne\u2028coupée\u2029Paragraphe\nFin\n"
)


def save(window) -> None:
    """Press Ctrl+S (the Save action)."""
    window.findChild(QAction, "actionSave").trigger()


def type_at_end(qtbot, editor, text: str) -> None:
    """Put the cursor at the end and type ``text``."""
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, text)


#: The usual case: no U+2029, so the recovery copy comes from the editor's text mirror.
FRENCH_WITHOUT_PARAGRAPH_SEPARATOR = FRENCH.replace("\u2029", " ")


@pytest.mark.parametrize(
    "french", [FRENCH, FRENCH_WITHOUT_PARAGRAPH_SEPARATOR], ids=["u2029", "mirror"]
)
def test_untouched_special_characters_survive_save_and_recovery(
    qtbot, bare_window, tmp_path: Path, french: str
):
    path = tmp_path / "chapitre.txt"
    data = french.encode("utf-8")
    path.write_bytes(data)
    editor = bare_window.open_document(path)
    assert editor is not None
    assert editor.has_line_marks == ("\u2029" in french)
    save(bare_window)
    assert path.read_bytes() == data  # no edit: byte-identical

    type_at_end(qtbot, editor, "Suite")
    with qtbot.waitSignal(bare_window.autosave.autosaved, timeout=10_000):
        bare_window.autosave.save(editor)
    [entry] = RecoveryStore().entries()
    assert entry.text == french + "Suite"  # the recovery copy is exact too
    save(bare_window)
    assert path.read_bytes() == (french + "Suite").encode("utf-8")


def test_restored_copy_keeps_special_characters(qtbot, bare_window):
    editor = bare_window.current_editor()
    qtbot.keyClicks(editor, "x")
    bare_window.autosave.store.save("exact01", FRENCH, {"title": "exact"})
    restored = bare_window.autosave.restore(RecoveryStore().load("exact01"))
    assert restored.toPlainText() == FRENCH


def test_mixed_line_endings_are_kept_line_by_line(qtbot, bare_window, tmp_path: Path):
    path = tmp_path / "mixed.txt"
    data = b"one\r\ntwo\nthree\r\nfour\r\nfive\n"
    path.write_bytes(data)
    editor = bare_window.open_document(path)
    save(bare_window)
    assert path.read_bytes() == data
    type_at_end(qtbot, editor, "six")
    save(bare_window)
    assert path.read_bytes() == data + b"six"
    # A line typed above the others: every line keeps its own ending, the new one the file's.
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(editor, "zero")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    save(bare_window)
    assert path.read_bytes() == b"zero\r\n" + data + b"six"


def test_utf16_without_bom_offers_the_encoding(bare_window, tmp_path: Path, answers):
    path = tmp_path / "export.txt"
    text = "Chapter one\r\nThe lake was quiet. Café, naïve, 世界.\r\n"
    path.write_bytes(text.encode("utf-16-le"))
    editor = bare_window.open_document(path)
    assert answers.errors == []
    assert answers.choices, "Writer must offer the encoding choice"
    assert answers.choices[0][1][0][0] == "utf-16-le"
    assert editor is not None and editor.toPlainText() == text.replace("\r\n", "\n")
    editor.document().setModified(True)
    save(bare_window)
    assert path.read_bytes() == text.encode("utf-16-le")


def test_stale_temp_files_of_a_killed_save_are_removed(bare_window, tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "novel.md"
    path.write_text("# Novel\n", encoding="utf-8")
    stale = folder / ".novel.md.0badf00d.tmp"  # what a save killed mid-write leaves
    stale.write_bytes(b"x" * 100_000)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    other = folder / ".notes.md.0badf00d.tmp"  # another file's: not ours to remove
    other.write_bytes(b"y")
    os.utime(other, (old, old))
    editor = bare_window.open_document(path)
    assert not stale.exists()
    assert other.exists()
    stale.write_bytes(b"x")
    os.utime(stale, (old, old))
    editor.document().setModified(True)
    save(bare_window)
    assert not stale.exists()
    assert sorted(p.name for p in folder.iterdir()) == [".notes.md.0badf00d.tmp", "novel.md"]
