"""Light, dark and follow-the-system themes, on Qt's Fusion style."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")


def system_prefers_dark() -> bool:
    """Return whether the desktop asks for a dark colour scheme."""
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    """Return a dark palette with readable contrast for text and selections."""
    palette = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(225, 225, 225)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(40, 40, 43),
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 90, 90),
        QPalette.ColorRole.Link: QColor(110, 170, 255),
        QPalette.ColorRole.Highlight: QColor(70, 120, 200),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.PlaceholderText: QColor(140, 140, 140),
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 120))
    return palette


def light_palette() -> QPalette:
    """Return Fusion's standard light palette."""
    style = QStyleFactory.create("Fusion")
    return style.standardPalette() if style else QPalette()


def is_dark(name: str) -> bool:
    """Return whether theme ``name`` shows dark colours now."""
    return name == "dark" or (name == "system" and system_prefers_dark())


def apply_theme(name: str, app: QApplication | None = None) -> bool:
    """Apply theme ``name`` (system, light, dark) to the app; return whether it is dark."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None:
        return False
    if name not in THEMES:
        name = "system"
    app.setStyle("Fusion")
    dark = is_dark(name)
    app.setPalette(dark_palette() if dark else light_palette())
    return dark
