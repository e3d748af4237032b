"""Save As starts in the last folder used, with a name from the first heading.

Issue 11, item 9: Save As started in the home folder with "Untitled.md".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from tests.gui_helpers import act, start_window
from writer.core.document import DocumentState

if TYPE_CHECKING:
    from pathlib import Path


class FileDialogs:
    """Stands in for the file dialogs: records where they start, answers with ``answer``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[dict] = []
        self.answer: list[Path] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self.save)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", self.open)

    def save(self, _parent, caption, start, filters, selected="", *_rest):
        self.asked.append({"caption": caption, "start": start, "selected": selected})
        return (str(self.answer.pop(0)) if self.answer else "", selected)

    def open(self, _parent, caption, start, _filters, *_rest):
        self.asked.append({"caption": caption, "start": start})
        return ([str(p) for p in self.answer], "")


@pytest.fixture
def dialogs(monkeypatch) -> FileDialogs:
    return FileDialogs(monkeypatch)


@pytest.fixture
def documents_folder(tmp_path: Path, monkeypatch) -> Path:
    """The user's documents folder, as Qt reports it."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    real = QStandardPaths.writableLocation

    def location(kind):
        if kind == QStandardPaths.StandardLocation.DocumentsLocation:
            return str(folder)
        return real(kind)

    monkeypatch.setattr(QStandardPaths, "writableLocation", location)
    return folder


def test_save_as_starts_in_documents_with_the_heading_as_name(
    qtbot, dialogs, documents_folder, tmp_path
):
    window = start_window(qtbot)
    editor = window.current_editor()
    qtbot.keyClicks(editor, "# The Lighthouse: A/B Story?")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "It was dark.")
    stories = tmp_path / "stories"
    stories.mkdir()
    dialogs.answer = [stories / "lighthouse.md"]
    act(window, "actionSaveAs")
    assert dialogs.asked[-1]["start"] == str(documents_folder / "The Lighthouse A B Story.md")
    assert (stories / "lighthouse.md").read_text(encoding="utf-8").startswith("# The Lighthouse")
    # The next new document starts in the folder just used, named "Untitled" (no heading).
    act(window, "actionNew")
    act(window, "actionSave")
    assert dialogs.asked[-1]["start"] == str(stories / "Untitled.md")


def test_the_last_folder_is_remembered_across_restarts(qtbot, dialogs, documents_folder, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "old.md").write_text("# Old\n", encoding="utf-8")
    window = start_window(qtbot)
    dialogs.answer = [drafts / "old.md"]
    act(window, "actionOpen")
    assert dialogs.asked[-1]["start"] == str(documents_folder)
    window.close()

    again = start_window(qtbot)
    act(again, "actionNew")
    again.current_editor().insertPlainText("## 第一章 月光")  # as an input method commits it
    dialogs.answer = []  # cancelled
    act(again, "actionSaveAs")
    assert dialogs.asked[-1]["start"] == str(drafts / "第一章 月光.md")


def test_a_screenplay_is_offered_as_fountain(qtbot, dialogs, documents_folder):
    window = start_window(qtbot)
    window.new_document(
        "Title: Night Shift\n\nINT. DINER - NIGHT\n", DocumentState(form="screenplay")
    )
    act(window, "actionSaveAs")
    assert dialogs.asked[-1]["start"] == str(documents_folder / "Night Shift.fountain")
    assert "fountain" in dialogs.asked[-1]["selected"]


def test_every_export_starts_where_save_as_does(qtbot, dialogs, documents_folder, tmp_path):
    """Script, HTML and text exports start in the last folder, named from the title."""
    window = start_window(qtbot)
    window.new_document(
        "Title: Night Shift\n\nINT. DINER - NIGHT\n", DocumentState(form="screenplay")
    )
    act(window, "actionExportFountain")
    assert dialogs.asked[-1]["start"] == str(documents_folder / "Night Shift.fountain")
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    dialogs.answer = [scripts / "night.fountain"]
    act(window, "actionExportFountain")
    assert (scripts / "night.fountain").is_file()
    act(window, "actionExportText")
    assert dialogs.asked[-1]["start"] == str(scripts / "Night Shift.txt")


def test_the_lorebook_is_exported_beside_the_story(qtbot, dialogs, tmp_path):
    story = tmp_path / "novel" / "lighthouse.md"
    story.parent.mkdir()
    story.write_text("# The Lighthouse\n\nMara waited.\n", encoding="utf-8")
    window = start_window(qtbot)
    window.open_document(story)
    act(window, "actionToggleLore")
    qtbot.mouseClick(window.findChild(QPushButton, "loreExport"), Qt.MouseButton.LeftButton)
    assert dialogs.asked[-1]["start"] == str(story.parent / "lighthouse lorebook.json")


def test_manuscript_and_chat_exports_start_in_the_last_folder(qtbot, dialogs, documents_folder):
    window = start_window(qtbot)
    editor = window.current_editor()
    qtbot.keyClicks(editor, "# Salt and Iron")
    act(window, "actionExportDocx")
    assert dialogs.asked[-1]["start"] == str(documents_folder / "Salt and Iron.docx")
    act(window, "actionExportChat")
    assert dialogs.asked[-1]["start"] == str(documents_folder / "Salt and Iron chat.md")
