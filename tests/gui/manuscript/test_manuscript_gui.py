"""Snapshots and export in the window: restore is exact and one undo step, snapshots outlive it."""

from __future__ import annotations

import errno
import os
from typing import TYPE_CHECKING

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
)

from writer.config import user_templates_dir
from writer.core.document_context import save_authors_note
from writer.core.lore import LoreEntry
from writer.core.sidecar import load_sidecar
from writer.gui.main_window import MainWindow
from writer.manuscript import files
from writer.manuscript.snapshots import SnapshotStore

if TYPE_CHECKING:
    from pathlib import Path

TEXT = (
    "# The Lighthouse\n\n## One\n\nThe keeper waited.\n\n长安城的钟声响了。 😀\n\n"
    "## Two\n\nA boat.\n"
)


@pytest.fixture
def novel(tmp_path: Path) -> Path:
    path = tmp_path / "novel.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def open_window(qtbot, path: Path) -> MainWindow:
    window = MainWindow([path], load_model=False)
    qtbot.addWidget(window)
    return window


def edit(window: MainWindow) -> str:
    """Type over a few places of the current document; return the edited text."""
    editor = window.current_editor()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(20)
    cursor.insertText(" Chapter zero.\n\nNew paragraph 😀.")
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(
        QTextCursor.MoveOperation.PreviousCharacter, QTextCursor.MoveMode.KeepAnchor, 5
    )
    cursor.removeSelectedText()
    return editor.toPlainText()


def test_snapshot_edit_restore_is_exact_and_one_undo_step(qtbot, novel: Path) -> None:
    window = open_window(qtbot, novel)
    feature = window.manuscript
    editor = window.current_editor()
    with qtbot.waitSignal(feature.snapshotTaken, timeout=20000) as taken:
        feature.take(editor, "first draft")
    info = taken.args[0]
    assert info.name == "first draft"
    edited = edit(window)
    assert edited != TEXT
    with qtbot.waitSignal(feature.restored, timeout=20000):
        feature.restore(info)
    assert editor.toPlainText().encode("utf-8") == TEXT.encode("utf-8")
    editor.undo()
    assert editor.toPlainText() == edited
    kept = SnapshotStore(novel).list().snapshots
    before = [i for i in kept if i.reason == "before_restore"]
    assert len(before) == 1 and SnapshotStore(novel).load(before[0]).text == edited


#: Lines that keep their own ending: a paragraph separator (U+2029) and a line separator (U+2028).
MARKED = "# Chapitre\n\nUne ligne\u2028coupée\u2029Paragraphe\u00a0!\nLe gardien attendait.\n"


def test_a_line_that_keeps_u2029_is_kept_by_snapshot_and_restore(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "chapitre.txt"
    path.write_text(MARKED, encoding="utf-8")
    window = open_window(qtbot, path)
    feature = window.manuscript
    editor = window.current_editor()
    assert editor.toPlainText() == MARKED and editor.has_line_marks
    with qtbot.waitSignal(feature.snapshotTaken, timeout=20000) as taken:
        feature.take(editor, "marked")
    info = taken.args[0]
    assert SnapshotStore(path).load(info).text == MARKED  # what the editor held
    cursor = QTextCursor(editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("Suite.\n")
    cursor.setPosition(MARKED.index("Paragraphe"))
    cursor.insertText("Nouveau ")  # an edit in the line after the U+2029
    cursor.setPosition(MARKED.index("\u2029"))
    cursor.deleteChar()  # the U+2029 break itself is gone: the two lines are one
    cursor.insertText(" ")
    edited = editor.toPlainText()
    with qtbot.waitSignal(feature.restored, timeout=20000):
        feature.restore(info)
    assert editor.toPlainText() == MARKED
    editor.undo()
    assert editor.toPlainText() == edited
    before = [i for i in SnapshotStore(path).list().snapshots if i.reason == "before_restore"]
    assert len(before) == 1 and SnapshotStore(path).load(before[0]).text == edited
    editor.redo()
    window.action("actionSave").trigger()
    assert path.read_bytes() == MARKED.encode("utf-8")


def test_a_line_that_keeps_its_own_ending_is_kept_by_snapshot_and_restore(
    qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.txt"
    data = b"one\ntwo\r\nthree\nfour\n"  # an LF file with one CRLF line
    path.write_bytes(data)
    window = open_window(qtbot, path)
    feature = window.manuscript
    editor = window.current_editor()
    with qtbot.waitSignal(feature.snapshotTaken, timeout=20000) as taken:
        feature.take(editor, "mixed")
    info = taken.args[0]
    assert SnapshotStore(path).load(info).line_ends == {1: "\r\n"}
    cursor = QTextCursor(editor.document())
    cursor.setPosition(len("one\ntwo"))
    cursor.deleteChar()  # "two" and "three" become one line
    cursor.insertText(" and ")
    with qtbot.waitSignal(feature.restored, timeout=20000):
        feature.restore(info)
    window.action("actionSave").trigger()
    assert path.read_bytes() == data  # "two" ends in CRLF again, "three" in LF


def test_restore_brings_back_text_lore_and_notes(qtbot, novel: Path) -> None:
    """Restore puts back what the snapshot kept: text, story notes, lore and author's note."""
    window = open_window(qtbot, novel)
    feature, lore = window.manuscript, window.lore
    editor = window.current_editor()
    keeper = LoreEntry(title="Keeper", keys=("keeper",), content="Old Tom, sixty, half deaf.")
    lore.put_entry(editor, keeper)
    lore.lore_for(editor).authors_note = "Style: spare."
    save_authors_note(novel, "Style: spare.")
    editor.state.notes = "Setting: a storm coast, 1890s."
    with qtbot.waitSignal(feature.snapshotTaken, timeout=20000) as taken:
        feature.take(editor, "before the storm")
    info = taken.args[0]

    edited = edit(window)
    lore.put_entry(editor, LoreEntry(title="Keeper", keys=("keeper",), content="A young woman."))
    lore.put_entry(editor, LoreEntry(title="Boat", keys=("boat",), content="The Mary Ann."))
    lore.follow(editor)
    lore.dock.authors_note.setPlainText("Style: lush.")
    window.story_notes.follow(editor)
    window.story_notes.notes.setPlainText("Setting: a city, today.")
    assert editor.state.notes == "Setting: a city, today."

    with qtbot.waitSignal(feature.restored, timeout=20000):
        feature.restore(info)
    assert editor.toPlainText() == TEXT
    assert editor.state.notes == "Setting: a storm coast, 1890s."
    assert window.story_notes.notes.toPlainText() == "Setting: a storm coast, 1890s."
    assert lore.lore_for(editor).document == [keeper]
    assert lore.lore_for(editor).authors_note == "Style: spare."
    assert lore.dock.authors_note.toPlainText() == "Style: spare."
    assert [entry.title for entry in lore.context_for(editor).lore] == ["Keeper"]
    kept = load_sidecar(novel)  # and kept beside the document, for the next start
    assert kept["notes"] == "Setting: a storm coast, 1890s."
    assert kept["authors_note"] == "Style: spare."
    assert [entry["content"] for entry in kept["lore"]] == ["Old Tom, sixty, half deaf."]

    editor.undo()  # one undo step takes the text back to the edited one
    assert editor.toPlainText() == edited
    before = [i for i in SnapshotStore(novel).list().snapshots if i.reason == "before_restore"]
    assert len(before) == 1
    saved = SnapshotStore(novel).load(before[0])  # the state before the restore is kept too
    assert saved.text == edited and saved.notes == "Setting: a city, today."
    assert [entry.title for entry in saved.lore] == ["Keeper", "Boat"]
    assert saved.authors_note == "Style: lush."


def test_panel_lists_compares_and_restores(qtbot, novel: Path) -> None:
    window = open_window(qtbot, novel)
    window.show()
    qtbot.waitExposed(window)
    feature = window.manuscript
    with qtbot.waitSignal(feature.listed, timeout=20000):
        window.action("actionShowSnapshots").trigger()
    panel = window.findChild(QDockWidget, "snapshotsPanel")
    assert panel is feature.panel and panel.isVisible()
    panel.name.setText("Before the storm")
    with qtbot.waitSignal(feature.listed, timeout=20000):
        qtbot.mouseClick(panel.take, Qt.MouseButton.LeftButton)
    snapshot_list = window.findChild(QListWidget, "snapshotList")
    assert snapshot_list.count() == 1
    assert "Before the storm" in snapshot_list.item(0).text()
    edit(window)
    with qtbot.waitSignal(feature.compared, timeout=20000):
        snapshot_list.setCurrentRow(0)
    assert "Chapter zero" in panel.right.toPlainText()
    assert "Chapter zero" not in panel.left.toPlainText()
    with qtbot.waitSignal(feature.restored, timeout=20000):
        qtbot.mouseClick(panel.restore, Qt.MouseButton.LeftButton)
    assert window.current_editor().toPlainText() == TEXT


def test_take_snapshot_lets_the_user_name_it_and_lists_it(qtbot, novel: Path) -> None:
    """Take Snapshot: the name field gets the keyboard; type a name, Enter, and it is listed."""
    window = open_window(qtbot, novel)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    feature = window.manuscript
    window.action("actionTakeSnapshot").trigger()
    panel = window.findChild(QDockWidget, "snapshotsPanel")
    name = window.findChild(QLineEdit, "snapshotName")
    assert panel.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name, timeout=5000)
    qtbot.keyClicks(QApplication.focusWidget(), "Chapter one done")
    with qtbot.waitSignal(feature.snapshotTaken, timeout=20000) as taken:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    info = taken.args[0]
    assert info.name == "Chapter one done" and not info.auto
    assert SnapshotStore(novel).load(info).text == TEXT
    snapshot_list = window.findChild(QListWidget, "snapshotList")
    qtbot.waitUntil(lambda: snapshot_list.count() == 1, timeout=20000)
    assert "Chapter one done" in snapshot_list.item(0).text()
    assert name.text() == ""  # ready for the next one


def test_the_panel_names_a_damaged_snapshot_and_lists_the_others(qtbot, novel: Path) -> None:
    store = SnapshotStore(novel)
    good = store.take(TEXT, name="good")
    assert good is not None
    (store.folder / "20260101T000000_000000-auto-000000.snapshot.gz").write_bytes(b"garbage")
    window = open_window(qtbot, novel)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.manuscript.listed, timeout=20000):
        window.action("actionShowSnapshots").trigger()
    snapshot_list = window.findChild(QListWidget, "snapshotList")
    assert snapshot_list.count() == 1 and "good" in snapshot_list.item(0).text()
    notice = window.findChild(QLabel, "snapshotNotice")
    assert notice.isVisible()
    assert notice.text().startswith("Some snapshot files are damaged and were skipped: ")
    assert "20260101T000000_000000-auto-000000.snapshot.gz" in notice.text()


def test_snapshot_survives_a_restart(qtbot, novel: Path) -> None:
    window = open_window(qtbot, novel)
    with qtbot.waitSignal(window.manuscript.snapshotTaken, timeout=20000):
        window.manuscript.take(window.current_editor(), "keep me")
    window.close()
    again = open_window(qtbot, novel)
    with qtbot.waitSignal(again.manuscript.listed, timeout=20000):
        again.action("actionShowSnapshots").trigger()
    snapshot_list = again.findChild(QListWidget, "snapshotList")
    assert snapshot_list.count() == 1 and "keep me" in snapshot_list.item(0).text()


def test_replace_all_takes_a_snapshot_first(qtbot, novel: Path) -> None:
    window = open_window(qtbot, novel)
    editor = window.current_editor()
    with qtbot.waitSignal(window.manuscript.snapshotTaken, timeout=20000) as taken:
        editor.aboutToRewrite.emit("replace_all")
        editor.setPlainText("gone")
    info = taken.args[0]
    assert info.auto and info.reason == "replace_all"
    assert SnapshotStore(novel).load(info).text == TEXT


#: A short user template, so the real model writes only a few tokens.
NOTE_TEMPLATE = """\
name = "Short note"
description = "A two-sentence note."
kind = "prose"

[sampling]
max_tokens = 12
seed = 5

[[fields]]
key = "topic"
label = "Topic"
default = "the sea"

[prompt.en]
instruction = "Write two sentences about {topic}."
"""


def test_a_template_written_into_a_saved_document_takes_a_snapshot_first(
    qtbot, novel: Path, model_path: Path
) -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "note.toml").write_text(NOTE_TEMPLATE, encoding="utf-8")
    window = open_window(qtbot, novel)
    with qtbot.waitSignal(window.engine.modelLoaded, timeout=60_000):
        window.load_model(model_path)
    editor = window.current_editor()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    dialog = window.template_feature.open_dialog(modal=False)
    dialog.set_language("en")
    assert dialog.select("note")
    dialog.findChild(QRadioButton, "templateAtCursor").setChecked(True)
    with (
        qtbot.waitSignal(window.manuscript.snapshotTaken, timeout=60_000) as taken,
        qtbot.waitSignal(window.stream.finished, timeout=120_000),
    ):
        qtbot.mouseClick(dialog.findChild(QPushButton, "templateWrite"), Qt.MouseButton.LeftButton)
    info = taken.args[0]
    assert info is not None and info.auto and info.reason == "template"
    assert SnapshotStore(novel).load(info).text == TEXT  # the text before the template wrote
    assert editor.toPlainText().startswith(TEXT) and editor.toPlainText() != TEXT
    window.engine.shutdown()


def test_unsaved_document_cannot_take_a_snapshot(qtbot, answers) -> None:
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    assert not window.manuscript.take(window.current_editor(), "x")
    assert answers.infos and "Save the document first" in answers.infos[0][1]


def test_export_docx_from_the_window(qtbot, novel: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, novel)
    out = tmp_path / "novel.docx"
    with qtbot.waitSignal(window.manuscript.exported, timeout=30000):
        window.manuscript.export(window.current_editor(), out, "docx")
    document = docx.Document(str(out))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == ["One", "Two"]


def test_export_into_a_read_only_folder_says_so(
    qtbot, novel: Path, tmp_path: Path, monkeypatch, answers
) -> None:
    window = open_window(qtbot, novel)
    folder = tmp_path / "locked"
    folder.mkdir()
    real_open = os.open

    def refuse(name, flags, mode=0o777, **kwargs):
        if str(name).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, flags, mode, **kwargs)

    monkeypatch.setattr(files.os, "open", refuse)
    with qtbot.waitSignal(window.manuscript.exportFailed, timeout=30000):
        window.manuscript.export(window.current_editor(), folder / "novel.epub", "epub")
    assert len(answers.errors) == 1 and "not writable" in answers.errors[0][1]
    assert list(folder.iterdir()) == []


def test_real_replace_all_and_reopen_take_snapshots_first(qtbot, novel: Path) -> None:
    window = open_window(qtbot, novel)
    bar = window.view.find_bar
    bar.open_bar(replace=True)
    bar.find_input.setText("keeper")
    bar.replace_input.setText("warden")
    with qtbot.waitSignal(window.manuscript.snapshotTaken, timeout=20000) as taken:
        assert bar.replace_all() == 1
    assert taken.args[0].reason == "replace_all"
    assert SnapshotStore(novel).load(taken.args[0]).text == TEXT
    with qtbot.waitSignal(window.manuscript.snapshotTaken, timeout=20000) as taken:
        assert window.files.reopen_with_encoding(window.current_editor(), "utf-8")
    assert taken.args[0].reason == "reopen_encoding"
    assert "warden" in SnapshotStore(novel).load(taken.args[0]).text


def test_first_edit_of_the_day_keeps_the_saved_text(qtbot, novel: Path) -> None:
    from datetime import UTC, datetime, timedelta

    window = open_window(qtbot, novel)
    feature = window.manuscript
    now = [datetime(2026, 5, 1, 9, 0, tzinfo=UTC)]
    feature.clock = lambda: now[0]
    editor = window.current_editor()
    with qtbot.waitSignal(feature.snapshotTaken, timeout=20000) as taken:
        editor.textCursor().insertText("Morning. ")
    assert taken.args[0].reason == "daily"
    assert SnapshotStore(novel).load(taken.args[0]).text == TEXT
    editor.textCursor().insertText("More. ")  # the same day: no second snapshot
    now[0] += timedelta(days=1)
    with qtbot.waitSignal(feature.snapshotTaken, timeout=20000) as taken:
        editor.textCursor().insertText("Next day. ")
    assert taken.args[0] is None or taken.args[0].reason == "daily"
    daily = [i for i in SnapshotStore(novel).list().snapshots if i.reason == "daily"]
    assert len(daily) == 1  # the saved text did not change, so no copy of it


def test_chat_of_the_assistant_panel_exports(qtbot, novel: Path, tmp_path: Path) -> None:
    from writer.core.chat_prompt import ChatTurn
    from writer.gui.assistant.transcript import Conversation

    window = open_window(qtbot, novel)
    editor = window.current_editor()
    conversation = window.assistant.conversation(editor)
    filled = Conversation.from_turns([ChatTurn("Who is the keeper?", reply="A lonely man.")])
    conversation.turns, conversation.entries = filled.turns, filled.entries
    out = tmp_path / "chat.md"
    assert window.manuscript.export_chat(editor, out)
    text = out.read_text(encoding="utf-8")
    assert "## You\n\nWho is the keeper?" in text and "## Assistant\n\nA lonely man." in text


def test_text_mirror_follows_every_edit(qtbot) -> None:
    """The line copy snapshots read stays equal to the editor through any mix of edits."""
    import random

    from PySide6.QtWidgets import QPlainTextEdit

    from writer.gui.widgets.text_mirror import TextMirror

    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("Hello world\n\nSecond paragraph.\nThird.")
    mirror = TextMirror(editor.document(), chunk_lines=4)  # small chunks: many boundaries
    rnd = random.Random(5)
    pieces = ["a", "\n", "xyz\n\nq", "", "长安\n", "\n\n\n", "😀"]
    for _ in range(600):
        document = editor.document()
        size = document.characterCount() - 1
        cursor = QTextCursor(document)
        start, end = sorted((rnd.randint(0, size), rnd.randint(0, size)))
        roll = rnd.random()
        if roll < 0.7:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(rnd.choice(pieces))
        elif roll < 0.8:
            editor.undo()
        elif roll < 0.9:
            editor.redo()
        else:
            editor.setPlainText("new\ntext" * rnd.randint(0, 3))
        assert mirror.text() == editor.toPlainText()
    assert mirror.rebuilds <= 1 + 60  # a whole new text is read at once; edits are not


def test_each_document_keeps_its_own_mirror(qtbot, novel: Path, tmp_path: Path) -> None:
    """Closing a document and opening others never hands a stale copy of a text to a snapshot."""
    other = tmp_path / "other.md"
    other.write_text("Another story.\n", encoding="utf-8")
    window = open_window(qtbot, novel)
    feature = window.manuscript
    first = window.current_editor()
    assert feature.mirror(first).text() == TEXT
    window.close_editor(first)
    second = window.open_document(other)
    assert second is not None
    assert feature.mirror(second).text() == "Another story.\n"


def test_a_copy_of_the_text_keeps_its_moment_and_shares_what_did_not_change(qtbot) -> None:
    """Taking the text copies a short list of chunks; an edit replaces only the chunk it touches."""
    from PySide6.QtWidgets import QPlainTextEdit

    from writer.gui.widgets.text_mirror import TextMirror

    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    text = "\n".join(f"Line {number} of the novel, 长安 😀." for number in range(5000))
    editor.setPlainText(text)
    mirror = TextMirror(editor.document(), chunk_lines=100)
    before = mirror.copy()
    cursor = QTextCursor(editor.document().findBlockByNumber(2500))
    cursor.insertText("Inserted. ")
    after = mirror.copy()
    assert before.text() == text  # the earlier copy still holds its moment
    assert after.text() == editor.toPlainText() != text
    assert after.revision > before.revision
    assert after.units == editor.document().characterCount() - 1
    shared = sum(a is b for a, b in zip(before.chunks, after.chunks, strict=True))
    assert len(after.chunks) >= 50 and shared == len(after.chunks) - 1


def test_snapshot_and_autosave_leave_the_reading_and_writing_to_a_worker(
    qtbot, novel: Path, monkeypatch
) -> None:
    """On the GUI thread a snapshot or a recovery copy only takes the mirror's chunk list."""
    import threading

    from writer.core.recovery import RecoveryStore
    from writer.gui.widgets.editor import Editor
    from writer.gui.widgets.text_mirror import TextMirror

    novel.write_text(TEXT * 2000, encoding="utf-8")
    window = open_window(qtbot, novel)
    editor = window.current_editor()
    with qtbot.waitSignal(window.manuscript.snapshotTaken, timeout=20000):
        edit(window)  # the first edit of the day keeps the saved text first
    reads: list[str] = []
    gui_thread = threading.main_thread()
    for cls, name in ((Editor, "toPlainText"), (TextMirror, "rebuild"), (TextMirror, "lines")):
        original = getattr(cls, name)

        def spy(self, *args, _original=original, _name=name):
            if threading.current_thread() is gui_thread:
                reads.append(_name)
            return _original(self, *args)

        monkeypatch.setattr(cls, name, spy)
    writers: list[str] = []
    for cls, name in ((SnapshotStore, "take"), (RecoveryStore, "save")):
        original = getattr(cls, name)

        def recorded(self, *args, _original=original, _name=name, **kwargs):
            if threading.current_thread() is gui_thread:
                writers.append(_name)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(cls, name, recorded)

    with qtbot.waitSignal(window.manuscript.snapshotTaken, timeout=20000) as taken:
        window.manuscript.take(editor, "long")
    assert reads == []  # the whole text was neither read nor copied on the GUI thread
    with qtbot.waitSignal(window.autosave.autosaved, timeout=20000):
        assert window.autosave.save(editor)
    assert reads == []
    assert writers == []  # encoding, compressing and writing happened on a worker
    expected = editor.toPlainText()
    assert SnapshotStore(novel).load(taken.args[0]).text == expected
    assert RecoveryStore().load(editor.state.doc_id).text == expected
