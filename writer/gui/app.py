"""Starting the GUI: the QApplication and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from writer import APP_NAME, __version__


def create_application(argv: list[str] | None = None):  # -> QApplication
    """Return the running QApplication, creating it if needed."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("org.writer.Writer")
    from writer.config import Key, get_setting
    from writer.i18n import apply_language

    apply_language(str(get_setting(Key.LANGUAGE)))
    from PySide6.QtGui import QIcon

    from writer.config import resources_dir

    icon = resources_dir() / "icons" / "writer.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_gui(files: list[str], *, model: str | None = None) -> int:
    """Open the main window on ``files`` and run the event loop; return the exit code."""
    app = create_application()
    from writer.gui.main_window import MainWindow

    window = MainWindow([Path(f) for f in files], model=model)
    window.show()
    from writer.gui.first_run import show_welcome_once

    show_welcome_once(window)
    window.autosave.offer_recovery()
    return app.exec()
