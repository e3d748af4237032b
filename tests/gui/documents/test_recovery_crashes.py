"""Crash recovery under real crashes (issue 10, items 2, 3 and 14).

A Writer process types steadily into a file and is killed with ``kill -9``
(items 2 and 3); a crash copy whose process id now belongs to another running
program is still offered (item 14).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from writer.config import recovery_dir
from writer.core.recovery import RecoveryStore

ORIGINAL = "# Chapter\n\nThe first line on disk.\n"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def crashed_while_typing(tmp_path_factory) -> tuple[Path, Path, str]:
    """Type steadily (never pausing) in a Writer, kill -9 it once it copied; return the leftovers.

    Returns the document, the crashed Writer's recovery folder, and its last line of output.
    """
    folder = tmp_path_factory.mktemp("crash")
    home = folder / "home"
    document = folder / "chapter.md"
    document.write_text(ORIGINAL, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.apps.typing_app", str(document), "12"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "WRITER_HOME": str(home)},
    )
    last = ""
    try:
        assert process.stdout is not None
        for line in process.stdout:  # each line is an event; no sleeping
            last = line.strip()
            if last.startswith(("AUTOSAVED", "DONE")):
                break
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(30)
    return document, home / "data" / "recovery", last


def _window(qtbot, leftovers: Path):
    from writer.gui.main_window import MainWindow

    shutil.copytree(leftovers, recovery_dir(), dirs_exist_ok=True)
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    return window


def test_steady_typing_is_copied_before_a_kill_9(qtbot, crashed_while_typing):
    document, leftovers, last = crashed_while_typing
    assert last.startswith("AUTOSAVED"), f"typing never paused, so nothing was copied ({last})"
    typed = int(last.split()[1])
    # One key every 100 ms and an autosave pause of a minute: the copy came from the
    # deadline, at the latest MAX_WAIT_MS (5 s, about 50 keys) after the first change.
    assert 0 < typed <= 60, f"the copy waited for {typed} keys (over 6 s of typing)"
    window = _window(qtbot, leftovers)
    dialog = window.autosave.offer_recovery(modality=Qt.WindowModality.NonModal)
    assert dialog is not None and len(dialog.entries) == 1
    entry = dialog.entries[0]
    assert entry.text.startswith(ORIGINAL) and len(entry.text) == len(ORIGINAL) + typed
    assert document.read_text(encoding="utf-8") == ORIGINAL
    window.engine.shutdown()


def test_restored_copy_asks_before_overwriting_a_file_changed_since(
    qtbot, crashed_while_typing, answers
):
    document, leftovers, last = crashed_while_typing
    assert last.startswith("AUTOSAVED"), last
    other = "Written by another program after the crash.\n"
    document.write_text(other, encoding="utf-8")
    window = _window(qtbot, leftovers)
    dialog = window.autosave.offer_recovery(modality=Qt.WindowModality.NonModal)
    dialog.list.setCurrentRow(0)
    dialog.restore()
    editor = window.current_editor()
    assert editor.state.path == document and editor.toPlainText().startswith(ORIGINAL)
    answers.yes = False  # "Overwrite it with your version?" -> No
    window.findChild(QAction, "actionSave").trigger()
    assert [title for title, _text in answers.questions] == ["File changed on disk"]
    assert document.read_text(encoding="utf-8") == other
    window.engine.shutdown()


def test_copy_is_offered_when_its_process_id_was_reused(qtbot, bare_window):
    save = (
        "from writer.core.recovery import RecoveryStore; "
        "RecoveryStore().save('dead0002', 'Lost chapter', {'title': 'Lost chapter'})"
    )
    subprocess.run([sys.executable, "-c", save, "writer"], check=True)  # a Writer that died
    reused = subprocess.Popen(  # the id now belongs to a program that is not that Writer
        [
            sys.executable,
            "-c",
            "import sys; print('ready', flush=True); sys.stdin.read()",
            "writer",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reused.stdout is not None and reused.stdout.readline().strip() == "ready"
        copy = RecoveryStore().path_of("dead0002")
        record = json.loads(copy.read_text(encoding="utf-8"))
        record["pid"] = reused.pid  # what the system did: gave the dead Writer's id away
        record["started"] -= 1800  # that Writer had been running for half an hour
        copy.write_text(json.dumps(record), encoding="utf-8")
        offered = [entry.doc_id for entry in bare_window.autosave.pending()]
    finally:
        reused.communicate("")
    assert "dead0002" in offered
