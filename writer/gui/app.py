"""Starting the GUI: the QApplication and the main window."""

from __future__ import annotations

import logging
import os
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


#: Libraries Qt's X11 plugin loads (Debian/Ubuntu package names in brackets).
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def display_problem() -> str | None:
    """Return why Qt could not open a window here (it would abort), or None if it can."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None
    if not os.environ.get("DISPLAY"):
        return (
            "No display found: run Writer in a desktop session, "
            "or use its headless commands (writer --help)."
        )
    import ctypes

    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    if missing:
        return (
            "Qt needs system libraries that are missing here; install them "
            f"(Debian/Ubuntu: sudo apt install {' '.join(missing)})."
        )
    return None


def run_gui(files: list[str], *, model: str | None = None) -> int:
    """Open the main window on ``files`` and run the event loop; return the exit code."""
    problem = display_problem()
    if problem is not None:
        print(f"writer: {problem}", file=sys.stderr)
        return 1
    app = create_application()
    from writer.gui.main_window import MainWindow

    window = MainWindow([Path(f) for f in files], model=model)
    window.show()
    from writer.gui.models.first_run import show_welcome_once

    show_welcome_once(window)
    window.autosave.offer_recovery()
    return app.exec()
