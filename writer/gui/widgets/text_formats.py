"""Character formats for syntax highlighting, readable on light and dark themes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QGuiApplication, QTextCharFormat

#: Colour of each highlighting role, on a light and on a dark background.
COLOURS: dict[str, tuple[str, str]] = {
    "heading": ("#1f4e8c", "#8cb8f0"),
    "code": ("#7a3e00", "#e0a86a"),
    "link": ("#0b5cad", "#7ab4ff"),
    "list": ("#8a5a00", "#e5b85c"),
    "quote": ("#5f6b5f", "#a9b5a9"),
    "scene_heading": ("#1f5fa8", "#8cb8f0"),
    "character": ("#8a3ea8", "#d29be8"),
    "dialogue": ("#2d6a3e", "#8fd3a0"),
    "parenthetical": ("#7a7a7a", "#a8a8a8"),
    "transition": ("#b35c00", "#f0a35c"),
    "note": ("#7a7a7a", "#a8a8a8"),
}


def background_is_dark() -> bool:
    """Return whether the application's text background is dark."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.palette().base().color().lightness() < 128


def char_format(
    role: str = "", *, bold: bool = False, italic: bool = False, mono: bool = False
) -> QTextCharFormat:
    """Return the format of ``role`` for the current theme."""
    fmt = QTextCharFormat()
    if role in COLOURS:
        light, dark = COLOURS[role]
        fmt.setForeground(QColor(dark if background_is_dark() else light))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if mono:
        fmt.setFontFixedPitch(True)
        fmt.setFontFamilies(["monospace"])
    return fmt
