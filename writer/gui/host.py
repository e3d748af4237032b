"""What a feature may use of the window: the host, one narrow typed surface.

Every feature under ``writer/gui/<feature>/`` receives a :class:`Host` in its
constructor and reaches the app only through it: the engine, the stream
controller, the status bar, the documents, the actions of the catalogue
(:mod:`writer.gui.actions`), a few places to put its widgets, and the
window's signals. A feature imports no other feature and never
``main_window``; links between features are wired in one block of
:class:`~writer.gui.main_window.MainWindow`. The window is the one host.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

    from writer.core.document import DocumentState
    from writer.engine.engine_thread import Engine
    from writer.gui.generation import StreamController
    from writer.gui.widgets.editor import Editor
    from writer.gui.widgets.status_bar import StatusBar


class WindowSignals(QObject):
    """What happens in the window that features follow; the window emits them."""

    editorCreated = Signal(object)  # Editor of a new document, before it is shown
    editorClosed = Signal(object)  # Editor the user closed (saved or discarded)
    currentEditorChanged = Signal(object)  # Editor now shown
    documentSaved = Signal(object)  # Editor whose document was written to its file
    documentStateChanged = Signal(object)  # Editor whose path or encoding changed
    languageChanged = Signal(str)  # the new ui/language setting, after the switch
    settingsChanged = Signal(object)  # SettingsChange: the groups of settings just applied
    closing = Signal()  # once, when the window closes cleanly


class Host(Protocol):
    """The window as features see it."""

    @property
    def engine(self) -> Engine:
        """The one engine: loads the model, runs every job."""
        ...

    @property
    def stream(self) -> StreamController:
        """Streams a job's text into an editor (Continue, Regenerate, templates)."""
        ...

    @property
    def status(self) -> StatusBar:
        """The status bar (``statusBar``) with its labels."""
        ...

    @property
    def signals(self) -> WindowSignals:
        """The window's signals: documents created, shown, saved, closed; language; closing."""
        ...

    # -- documents and the model ------------------------------------------------------------

    def current_editor(self) -> Editor:
        """Return the editor of the document shown."""
        ...

    def editors(self) -> list[Editor]:
        """Return the editors of all open documents."""
        ...

    def new_document(self, text: str = "", state: DocumentState | None = None) -> Editor:
        """Open a new tab holding ``text``."""
        ...

    def open_document(self, path: Path, encoding: str | None = None) -> Editor | None:
        """Open ``path`` in a tab (or show it if it is open already)."""
        ...

    def close_editor(self, editor: Editor) -> bool:
        """Close ``editor``'s document after asking about unsaved changes."""
        ...

    def show_editor(self, editor: Editor) -> None:
        """Make ``editor``'s document the one shown."""
        ...

    def load_model(self, path: Path, *, remember: bool = False) -> None:
        """Load ``path`` in the engine (replacing the current model)."""
        ...

    def export_path(self, editor: Editor, suffix: str) -> Path:
        """Return where a file made from ``editor``'s document starts in a save dialog.

        Beside the document's file, else in the folder last used, named from its
        first heading (or its tab), with ``suffix``.
        """
        ...

    def remember_folder(self, path: Path) -> None:
        """Remember the folder of ``path``, chosen in a file dialog, for the next dialog."""
        ...

    def ask_save_path(self, caption: str, start: Path, file_filter: str) -> tuple[Path | None, str]:
        """Ask where to save a file, starting at ``start``; the folder chosen is remembered.

        Returns the path (None when the writer cancelled) and the filter chosen.
        """
        ...

    # -- actions and places -----------------------------------------------------------------

    def action(self, name: str) -> QAction:
        """Return the catalogue's action with objectName ``name``."""
        ...

    def submenu(self, name: str) -> QMenu:
        """Return the catalogue's submenu with objectName ``name`` (e.g. ``menuRecent``)."""
        ...

    def parent_widget(self) -> QWidget:
        """Return the window, as the parent of the features' widgets, dialogs and messages."""
        ...

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        """Dock ``dock`` at ``area`` of the window."""
        ...

    def add_banner(self, widget: QWidget) -> None:
        """Put ``widget`` above the documents."""
        ...

    def add_bar(self, widget: QWidget) -> None:
        """Put ``widget`` below the documents."""
        ...

    def add_pane(self, widget: QWidget) -> None:
        """Put ``widget`` beside the documents, hidden until :meth:`show_pane`."""
        ...

    def show_pane(self, widget: QWidget, visible: bool) -> None:
        """Show (with two fifths of the width) or hide a pane beside the documents."""
        ...
