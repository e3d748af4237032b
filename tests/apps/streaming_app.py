"""A Writer window that opens a file, types into it and streams a continuation, then waits.

Run as a subprocess by tests/gui/documents/test_recovery_gui.py, which kills it hard (kill -9)
while the continuation streams. It prints one line per event on stdout.
"""

from __future__ import annotations

import faulthandler
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer

from writer.config import Key, set_setting
from writer.core.recovery import RecoveryStore
from writer.gui.app import create_application


def main() -> None:
    """Open argv[1], type argv[2] at its end, continue with the model argv[3]."""
    # Should the event loop ever hang, print every thread's stack and end: the test then
    # fails with the stacks instead of waiting for ever.
    faulthandler.dump_traceback_later(200, exit=True)
    app = create_application()
    from writer.gui.main_window import MainWindow

    set_setting(Key.MAX_TOKENS, 4000)
    set_setting(Key.AUTOSAVE_SECONDS, 1)
    window = MainWindow([Path(sys.argv[1])], model=sys.argv[3])
    editor = window.current_editor()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.insertPlainText(sys.argv[2])  # as if typed
    print("TYPED", flush=True)
    pieces = [0]

    def on_text(_job: int, _piece: str) -> None:
        pieces[0] += 1
        if pieces[0] == 1:
            print("STREAMING", flush=True)

    window.engine.text.connect(on_text)
    before = len(editor.toPlainText())

    def autosaved(doc_id: str) -> None:  # the copy is written off the GUI thread: read it
        entry = RecoveryStore().load(doc_id)
        print(f"AUTOSAVED {len(entry.text) - before if entry else 0}", flush=True)

    window.autosave.autosaved.connect(autosaved)

    def finished(*_args: object) -> None:  # the test waits for a copy with streamed text:
        print("FINISHED", flush=True)  # if none comes, end (after the last copies) so it fails
        QTimer.singleShot(15_000, lambda: os._exit(3))  # no "save changes?" on the way out

    window.stream.finished.connect(finished)
    window.stream.failed.connect(finished)

    def give_up() -> None:  # never leave the test waiting: say what was seen, then end
        entry = RecoveryStore().load(editor.state.doc_id)
        print(
            f"streaming_app: giving up after 180 s: {pieces[0]} pieces streamed, copy of "
            f"{len(entry.text) if entry else 'no'} characters (typed text ends at {before}), "
            f"autosave busy: {window.autosave.worker.busy}",
            file=sys.stderr,
            flush=True,
        )
        os._exit(4)

    QTimer.singleShot(180_000, give_up)
    window.engine.modelLoaded.connect(lambda _info: window.continue_writing())
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
