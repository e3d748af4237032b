"""A Writer window that opens a file and types into it steadily, never pausing.

Run as a subprocess by tests/gui/documents/test_recovery_crashes.py, which
kills it hard (kill -9) once a recovery copy was written. The autosave pause is
set to a minute, so a copy can only come from the deadline after the first
change. It types one character every 100 ms for argv[2] seconds and prints one
line per event on stdout:
``TYPING``, ``AUTOSAVED <characters typed that the copy holds>``, and ``DONE``
if typing ends.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

from writer.config import Key, set_setting
from writer.core.recovery import RecoveryStore
from writer.gui.app import create_application

TYPED = "The fox ran through the snow without stopping once. "


def main() -> None:
    """Open argv[1] and type at its end for argv[2] seconds."""
    app = create_application()
    from writer.gui.main_window import MainWindow

    set_setting(Key.AUTOSAVE_SECONDS, 60)  # a long pause: the copy must not wait for it
    window = MainWindow([Path(sys.argv[1])], load_model=False)
    editor = window.current_editor()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    keys = [0]
    limit = int(float(sys.argv[2]) * 10)

    def type_one() -> None:
        if keys[0] >= limit:
            timer.stop()
            print("DONE", flush=True)
            return
        editor.insertPlainText(TYPED[keys[0] % len(TYPED)])  # as if typed
        keys[0] += 1

    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(type_one)
    original = len(editor.toPlainText())

    def autosaved(doc_id: str) -> None:  # the copy is written off the GUI thread: read it
        entry = RecoveryStore().load(doc_id)
        print(f"AUTOSAVED {len(entry.text) - original if entry else 0}", flush=True)

    window.autosave.autosaved.connect(autosaved)
    window.show()
    print("TYPING", flush=True)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
