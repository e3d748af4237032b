"""Autosave and crash recovery, end to end: a hard kill while the model streams."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from writer.config import Key, set_setting
from writer.core.recovery import RecoveryStore

ORIGINAL = "# Chapter\n\nThe first line on disk.\n"
TYPED = "Typed before the crash: the fox ran through the snow."


def test_kill_9_while_streaming_then_recover(
    qtbot, tmp_path: Path, model_path: Path, writer_home: Path
):
    document = tmp_path / "chapter.md"
    document.write_text(ORIGINAL, encoding="utf-8")
    errors = tmp_path / "app-stderr.txt"  # a file, not a pipe: a full pipe would block the app
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.apps.streaming_app", str(document), TYPED, str(model_path)],
        stdout=subprocess.PIPE,
        stderr=errors.open("w", encoding="utf-8"),
        text=True,
        env={**os.environ, "WRITER_HOME": str(writer_home)},
        cwd=Path(__file__).resolve().parents[3],
    )
    try:
        streaming = False
        for line in process.stdout:  # each line is an event; no sleeping
            if line.startswith("STREAMING"):
                streaming = True
            if streaming and line.startswith("AUTOSAVED") and int(line.split()[1]) > 0:
                break
        else:
            raise AssertionError(
                "the app ended before autosaving: " + errors.read_text(encoding="utf-8")[-4000:]
            )
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(30)
    assert process.returncode == -signal.SIGKILL
    assert document.read_text(encoding="utf-8") == ORIGINAL  # the original is intact

    from writer.gui.main_window import MainWindow

    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    dialog = window.autosave.offer_recovery(modality=Qt.WindowModality.NonModal)
    assert dialog is not None and dialog.objectName() == "recoveryDialog"
    assert len(dialog.entries) == 1
    entry = dialog.entries[0]
    assert TYPED in entry.text and entry.text.startswith(ORIGINAL)
    assert entry.original_path == document
    assert len(entry.text) > len(ORIGINAL + TYPED)  # streamed text was saved too
    dialog.list.setCurrentRow(0)
    dialog.restore()
    editor = window.current_editor()
    assert TYPED in editor.toPlainText()
    assert editor.document().isModified() and editor.state.path == document
    window.engine.shutdown()


def test_autosave_after_a_pause_and_clean_close_removes_it(qtbot, bare_window):
    set_setting(Key.AUTOSAVE_SECONDS, 1)
    bare_window.autosave.set_interval(1)
    editor = bare_window.current_editor()
    with qtbot.waitSignal(bare_window.autosave.autosaved, timeout=5_000):
        qtbot.keyClicks(editor, "An unsaved new story.")
    store = RecoveryStore()
    entries = store.entries()
    assert [e.text for e in entries] == ["An unsaved new story."]
    assert entries[0].original_path is None
    assert bare_window.close()
    assert RecoveryStore().entries() == []


def test_saving_removes_the_recovery_copy(qtbot, bare_window, tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("text", encoding="utf-8")
    editor = bare_window.open_document(path)
    qtbot.keyClicks(editor, "more ")
    with qtbot.waitSignal(bare_window.autosave.autosaved, timeout=10_000):
        bare_window.autosave.save(editor)
    assert RecoveryStore().entries()
    assert bare_window.save_document(editor)
    assert RecoveryStore().entries() == []


def test_copies_of_another_running_writer_are_not_offered(qtbot, bare_window):
    """A second window must not offer the live documents of a first one as 'recovered'."""
    save = (
        "from writer.core.recovery import RecoveryStore; "
        "RecoveryStore().save(sys.argv[1], 'text', {'title': sys.argv[1]}); "
    )
    subprocess.run(
        [sys.executable, "-c", "import sys; " + save, "dead0001", "writer"], check=True
    )  # a Writer that saved a copy, then died
    other = subprocess.Popen(  # a Writer still running, with a document open
        [
            sys.executable,
            "-c",
            "import sys; " + save + "print('ready', flush=True); sys.stdin.read()",
            "live0001",
            "writer",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "ready"
        offered = [entry.doc_id for entry in bare_window.autosave.pending()]
    finally:
        other.communicate("")
    assert "dead0001" in offered
    assert "live0001" not in offered
    # Once that Writer has gone, its copy is a crash's leftover and is offered.
    assert "live0001" in [entry.doc_id for entry in bare_window.autosave.pending()]
