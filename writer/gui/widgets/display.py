"""Texts the GUI composes from plain-Python values, in the interface language.

The core (``writer.core``) returns English labels for logs and the command
line; these helpers build the same texts through Qt's translation (context
``Display``), so the window shows them in the chosen language. In English
they are exactly the core's texts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from writer.core import text_stats
from writer.core.document_io import encoding_label, newline_label
from writer.core.document_names import UNTITLED, untitled_name
from writer.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from writer.core.document import DocumentState
    from writer.core.text_stats import TextCounts

#: What the common encodings are for, as the core names them in ``COMMON_ENCODINGS``.
ENCODING_NOTES = (
    QT_TRANSLATE_NOOP("Display", "Simplified Chinese"),
    QT_TRANSLATE_NOOP("Display", "Traditional Chinese"),
    QT_TRANSLATE_NOOP("Display", "Japanese"),
    QT_TRANSLATE_NOOP("Display", "Western"),
    QT_TRANSLATE_NOOP("Display", "Central European"),
    QT_TRANSLATE_NOOP("Display", "Cyrillic"),
    QT_TRANSLATE_NOOP("Display", "Greek"),
    QT_TRANSLATE_NOOP("Display", "Turkish"),
    QT_TRANSLATE_NOOP("Display", "Latin-1"),
)


# The count templates of writer.core.text_stats.format_counts, marked for lupdate.
COUNT_TEXTS = (
    QT_TRANSLATE_NOOP("Display", "{0} characters, {1} words"),
    QT_TRANSLATE_NOOP("Display", "{0} characters"),
    QT_TRANSLATE_NOOP("Display", "{0} words"),
)


def translated(text: str) -> str:
    """Translate ``text`` in the ``Display`` context."""
    return QCoreApplication.translate("Display", text)


def display_title(title: str) -> str:
    """Return a document title as shown: the core's "Untitled" and "Untitled 2" are translated."""
    if title == UNTITLED:
        return QCoreApplication.translate("Display", "Untitled")
    number = title.removeprefix(UNTITLED + " ")
    if number != title and number.isdigit():
        return QCoreApplication.translate("Display", "Untitled {0}").format(number)
    return title


def document_title(state: DocumentState) -> str:
    """Return the name shown for a document in tabs, the title bar and questions."""
    if state.path is None and not state.heading:
        return display_title(untitled_name(state.untitled_number))
    return state.title


def format_counts(counts: TextCounts, selection: TextCounts | None = None) -> str:
    """Return the status bar's counts in the interface language."""
    return text_stats.format_counts(counts, selection, translated)


def encoding_text(encoding: str, bom: bool = False) -> str:
    """Return an encoding's short name, e.g. ``UTF-8`` or ``UTF-8 with BOM``."""
    label = encoding_label(encoding, bom)
    if label.endswith(" with BOM"):
        return QCoreApplication.translate("Display", "{0} with BOM").format(
            label.removesuffix(" with BOM")
        )
    return label


def encoding_choice(label: str) -> str:
    """Translate the note of an encoding choice: ``GB18030 (Simplified Chinese)``."""
    if label == "Korean (CP949)":
        return QCoreApplication.translate("Display", "Korean (CP949)")
    name, sep, note = label.partition(" (")
    if sep and note.endswith(")") and note[:-1] in ENCODING_NOTES:
        return f"{name} ({translated(note[:-1])})"
    return label


def status_encoding(state: DocumentState) -> str:
    """Return the status bar's encoding and line endings, e.g. ``UTF-8 · LF``."""
    return f"{encoding_text(state.encoding, state.bom)} · {newline_label(state.newline)}"
