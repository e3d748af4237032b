"""Starting the GUI: the QApplication and the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from writer import APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def _route_qt_messages() -> None:
    """Send Qt's own warnings to the log file instead of the terminal."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    logger = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        logger.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def create_application(argv: list[str] | None = None) -> QApplication:
    """Return the running QApplication, creating it if needed."""
    from PySide6.QtWidgets import QApplication

    _route_qt_messages()
    running = QApplication.instance()  # typed as QCoreApplication; windows need a QApplication
    if isinstance(running, QApplication):
        app = running
    else:
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
