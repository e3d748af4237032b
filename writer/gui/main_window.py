"""The main window: documents in tabs, menus and actions, the engine and the status bar.

The window is the one :class:`~writer.gui.host.Host`: it builds its layout and
every action of the catalogue (:mod:`writer.gui.actions`), then the features,
each given the window as its host, and wires the links between features in
one block (:meth:`MainWindow._wire_features`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from writer import APP_NAME
from writer.config import Key, get_setting, set_setting
from writer.engine.backend import EngineOptions, GenerationStats
from writer.engine.engine_thread import Engine
from writer.gui.actions import CATALOGUE, MENU_TITLES, Action, Separator, Submenu
from writer.gui.assistant.panel import AssistantPanel
from writer.gui.choices.feature import ChoicesFeature
from writer.gui.context_meter import ContextMeter
from writer.gui.documents.autosave import Autosave
from writer.gui.documents.files import DocumentFiles
from writer.gui.documents.names import DocumentNames
from writer.gui.documents.session import DocumentSession
from writer.gui.documents.story_notes import StoryNotes
from writer.gui.generation import StreamController
from writer.gui.help.feature import HelpFeature
from writer.gui.host import WindowSignals
from writer.gui.lore.feature import LoreFeature
from writer.gui.manuscript.feature import ManuscriptFeature
from writer.gui.messages import Answer, messenger
from writer.gui.models.chinese import ChineseWriting
from writer.gui.models.feature import ModelsFeature
from writer.gui.models.first_run import FirstRun
from writer.gui.models.model_status import ModelStatus
from writer.gui.settings.feature import SettingsFeature
from writer.gui.templates.feature import TemplatesFeature
from writer.gui.view.feature import ViewFeature
from writer.gui.widgets.display import document_title
from writer.gui.widgets.editor import Editor
from writer.gui.widgets.length_box import ContinueLength
from writer.gui.widgets.status_bar import StatusBar
from writer.gui.widgets.stop_key import StopKeyFilter
from writer.gui.writing.feature import WritingFeature
from writer.manuscript.chat_export import ChatEntry

if TYPE_CHECKING:
    from writer.core.document import DocumentState
    from writer.engine.jobs import ContinueJob

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Writer's main window (objectName ``mainWindow``)."""

    def __init__(
        self,
        paths: list[Path] | None = None,
        *,
        model: str | Path | None = None,
        load_model: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.signals = WindowSignals(self)
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 760)
        self.engine = Engine(self)
        self.stream = StreamController(self.engine, self)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.context_meter = ContextMeter(
            self.engine, self.stream, self.status, self.current_editor, self
        )
        self.continue_length = ContinueLength(self.status)
        self.status.addPermanentWidget(self.continue_length)
        self._build_layout()
        self.menus: dict[str, QMenu] = {}
        self.submenus: dict[str, QMenu] = {}
        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()
        self._connect_engine()
        self._connect_core_actions()
        self._build_features()
        self._wire_features()
        self.session.restore()
        for path in paths or []:
            self.open_document(Path(path))
        if self.tabs.count() == 0:
            self.new_document()
        self._update_engine_state()
        self._restore_layout()
        if load_model:
            self.load_startup_model(model)

    # -- building ---------------------------------------------------------------

    def _build_layout(self) -> None:
        """Documents in tabs, with room above and below them, and a pane beside them."""
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("documents")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._on_current_changed)
        left = QWidget(self)
        self._column = QVBoxLayout(left)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.tabs)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.addWidget(left)
        self.splitter.setStretchFactor(0, 3)
        self.setCentralWidget(self.splitter)

    def _build_actions(self) -> None:
        """Create every action and submenu of the catalogue, in menu order."""
        for key in MENU_TITLES:
            self.menu(key)
        for row in CATALOGUE:
            menu = self.submenus.get(row.menu) or self.menu(row.menu)
            if isinstance(row, Separator):
                menu.addSeparator()
            elif isinstance(row, Submenu):
                submenu = menu.addMenu(self.tr(row.text))
                submenu.setObjectName(row.name)
                self.submenus[row.name] = submenu
            else:
                action = QAction(self.tr(row.text), self)
                action.setObjectName(row.name)
                if row.shortcut is not None:
                    action.setShortcut(QKeySequence(row.shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                action.setCheckable(row.checkable)
                action.setEnabled(row.enabled)
                self.actions_by_name[row.name] = action
                menu.addAction(action)
                self.addAction(action)

    def _build_features(self) -> None:
        """Build the features, each given the window as its host.

        The order is the order of their docks and of their handlers of the
        window's signals (settings style a new editor before the view decorates it).
        """
        self.files = DocumentFiles(self)
        self.names = DocumentNames(self)
        self.settings_feature = SettingsFeature(self)
        self.autosave = Autosave(self)
        self.session = DocumentSession(self, self.files, self.autosave)
        self.view = ViewFeature(self)
        self.story_notes = StoryNotes(self)
        self.models = ModelsFeature(self)
        self.model_status = ModelStatus(self)
        self.first_run = FirstRun(self)
        self.chinese = ChineseWriting(self, self.models.open_hub_at)
        self.help = HelpFeature(self)
        self.assistant = AssistantPanel(self)
        self.template_feature = TemplatesFeature(self)
        self.lore = LoreFeature(self, self._continue_at_cursor)
        self.choices = ChoicesFeature(self, self._continue_at_cursor)
        self.writing = WritingFeature(self, self.lore.context_for, self.choices.continue_job)
        self.manuscript = ManuscriptFeature(self)

    def _wire_features(self) -> None:
        """The links between features, in one place."""
        self.files.saved.connect(self.signals.documentSaved)
        self.names.renamed.connect(self._show_name)
        self.first_run.starterRequested.connect(self.chinese.use_starter_model)
        self.first_run.chineseModelRequested.connect(self.chinese.get_chinese_model)
        panel = self.assistant
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
        # A side panel, not half the window: about 48 average characters of the interface font.
        width = panel.fontMetrics().averageCharWidth() * 48
        self.resizeDocks([panel], [width], Qt.Orientation.Horizontal)
        self.signals.settingsChanged.connect(lambda _change: self.continue_length.reload())
        bar = self.menuBar()  # the first Esc after a menu closes goes to the menu bar
        bar.installEventFilter(StopKeyFilter(self.action("actionStop"), bar))
        self.manuscript.chat_source = lambda editor: [
            ChatEntry(entry.role, entry.text, entry.title)
            for entry in self.assistant.conversation(editor).entries
        ]
        self.manuscript.notesRestored.connect(self._show_restored_notes)
        self.manuscript.loreRestored.connect(self.lore.restore_lore)

    def _continue_at_cursor(self, editor: Editor) -> ContinueJob:
        """Return the Continue request at ``editor``'s cursor (for lore and choices)."""
        return self.writing.continue_at_cursor(editor)

    def _show_restored_notes(self, editor: Editor) -> None:
        """Show and keep the story notes a snapshot restore brought back."""
        notes = self.story_notes
        if notes.editor is editor:
            notes.editor = None
            notes.follow(editor)
        notes.save(editor)

    def _restore_layout(self) -> None:
        """Bring back the window's size and the docks' places from the last session."""
        geometry = get_setting(Key.WINDOW_GEOMETRY)
        state = get_setting(Key.WINDOW_STATE)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def retranslate(self) -> None:
        """Show menus and actions in the current interface language."""
        for key, menu in self.menus.items():
            if key in MENU_TITLES:
                menu.setTitle(self.tr(MENU_TITLES[key]))
        for row in CATALOGUE:
            if isinstance(row, Action):
                self.action(row.name).setText(self.tr(row.text))
            elif isinstance(row, Submenu):
                self.submenus[row.name].setTitle(self.tr(row.text))
        for editor in self.editors():
            self._show_name(editor)
        if (
            self.engine.model is None
            and not self.engine.is_loading
            and self.status.text("statusModel")
        ):
            self.status.set(
                "statusModel", self.tr("No model"), self.status.labels["statusModel"].toolTip()
            )
        self.show_speed()
        self._update_engine_state()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def menu(self, key: str) -> QMenu:
        """Return the menu ``key`` (file, edit, assistant, models, view, settings, help)."""
        if key not in self.menus:
            menu = self.menuBar().addMenu(self.tr(MENU_TITLES.get(key, key)))
            menu.setObjectName(f"menu{key.capitalize()}")
            self.menus[key] = menu
        return self.menus[key]

    def action(self, name: str) -> QAction:
        """Return the catalogue's action with objectName ``name``."""
        return self.actions_by_name[name]

    def submenu(self, name: str) -> QMenu:
        """Return the catalogue's submenu with objectName ``name``."""
        return self.submenus[name]

    # -- places for the features' widgets -------------------------------------------

    def parent_widget(self) -> QWidget:
        """Return the window, as the parent of the features' widgets, dialogs and messages."""
        return self

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        """Dock ``dock`` at ``area``."""
        self.addDockWidget(area, dock)

    def add_banner(self, widget: QWidget) -> None:
        """Put ``widget`` above the documents."""
        self._column.insertWidget(0, widget)

    def add_bar(self, widget: QWidget) -> None:
        """Put ``widget`` below the documents."""
        self._column.addWidget(widget)

    def add_pane(self, widget: QWidget) -> None:
        """Put ``widget`` beside the documents, hidden until :meth:`show_pane`."""
        widget.hide()
        self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(self.splitter.indexOf(widget), 2)

    def show_pane(self, widget: QWidget, visible: bool) -> None:
        """Show (with two fifths of the width) or hide a pane beside the documents."""
        widget.setVisible(visible)
        if visible:
            total = max(2, sum(self.splitter.sizes()))
            self.splitter.setSizes([total * 3 // 5, total - total * 3 // 5])

    def _connect_core_actions(self) -> None:
        """Wire the actions this module implements."""
        self.action("actionNew").triggered.connect(lambda: self.new_document())
        self.action("actionOpen").triggered.connect(self.open_dialog)
        self.action("actionSave").triggered.connect(lambda: self.save_document())
        self.action("actionSaveAs").triggered.connect(lambda: self.save_document(save_as=True))
        self.action("actionQuit").triggered.connect(self.close)
        for name, slot in (
            ("actionUndo", "undo"),
            ("actionRedo", "redo"),
            ("actionCut", "cut"),
            ("actionCopy", "copy"),
            ("actionPaste", "paste"),
            ("actionSelectAll", "selectAll"),
        ):
            self.action(name).triggered.connect(
                lambda _checked=False, slot=slot: getattr(self.current_editor(), slot)()
            )

    def _connect_engine(self) -> None:
        """Follow the engine's state in the status bar."""
        engine = self.engine
        engine.modelLoading.connect(lambda _path: self._update_engine_state())
        engine.modelLoaded.connect(lambda _info: self._model_loaded())
        engine.modelFailed.connect(lambda _message: self._update_engine_state())
        engine.busyChanged.connect(lambda _busy: self._update_engine_state())
        engine.queueChanged.connect(lambda _n: self._update_engine_state())
        engine.finished.connect(self._on_job_finished)
        engine.rate.connect(lambda _job, rate: self.show_speed(rate))

    def show_speed(self, rate: float | None = None) -> None:
        """Show tokens per second (the last rate again, after a language switch)."""
        if rate is not None:
            self._speed = rate
        speed = getattr(self, "_speed", None)
        if speed is not None:
            self.status.set("statusSpeed", self.tr("{0:.1f} tok/s").format(speed))

    # -- documents ----------------------------------------------------------------

    def editors(self) -> list[Editor]:
        """Return the editors of all open documents."""
        return [self.tabs.widget(i) for i in range(self.tabs.count())]  # type: ignore[misc]

    def current_editor(self) -> Editor:
        """Return the editor of the document shown."""
        return self.tabs.currentWidget()  # type: ignore[return-value]

    def new_document(self, text: str = "", state: DocumentState | None = None) -> Editor:
        """Open a new tab holding ``text``."""
        editor = Editor(self.tabs, state)
        editor.setPlainText(text, editor.state.line_ends)
        editor.document().setModified(False)
        editor.document().modificationChanged.connect(lambda _m: self._show_name(editor))
        editor.streamingChanged.connect(lambda _s: self._update_engine_state())
        self.signals.editorCreated.emit(editor)
        index = self.tabs.addTab(editor, document_title(editor.state))
        self.tabs.setCurrentIndex(index)
        editor.setFocus()
        return editor

    def show_editor(self, editor: Editor) -> None:
        """Make ``editor``'s document the one shown."""
        self.tabs.setCurrentWidget(editor)

    def close_editor(self, editor: Editor) -> bool:
        """Close ``editor``'s document after asking about unsaved changes."""
        return self.close_tab(self.tabs.indexOf(editor))

    def open_dialog(self) -> None:
        """Ask for files to open."""
        self.files.open_dialog()

    def open_document(self, path: Path, encoding: str | None = None) -> Editor | None:
        """Open ``path`` in a new tab (or show it if it is open already)."""
        return self.files.open_document(Path(path), encoding)

    def export_path(self, editor: Editor, suffix: str) -> Path:
        """Return where a file made from ``editor``'s document starts in a save dialog."""
        return self.files.suggested_path(editor).with_suffix(suffix)

    def remember_folder(self, path: Path) -> None:
        """Remember the folder of a file chosen in a file dialog."""
        self.files.remember_folder(path)

    def ask_save_path(self, caption: str, start: Path, file_filter: str) -> tuple[Path | None, str]:
        """Ask where to save a file, starting at ``start``; the folder chosen is remembered."""
        return self.files.ask_save_path(caption, start, file_filter)

    def save_document(self, editor: Editor | None = None, *, save_as: bool = False) -> bool:
        """Save a document (asking for a name when it has none); return whether it was saved."""
        editor = editor or self.current_editor()
        saved = self.files.save(editor, save_as=save_as)
        if saved:
            self._show_name(editor)
            self.signals.documentStateChanged.emit(editor)
        return saved

    def close_tab(self, index: int) -> bool:
        """Close the tab at ``index`` after asking about unsaved changes."""
        editor: Editor = self.tabs.widget(index)  # type: ignore[assignment]
        if not self._confirm_discard(editor):
            return False
        if self.stream.editor is editor:
            self.stream.stop()
        self.tabs.removeTab(index)
        self.signals.editorClosed.emit(editor)
        editor.deleteLater()
        if self.tabs.count() == 0:
            self.new_document()
        return True

    def _confirm_discard(self, editor: Editor) -> bool:
        """Ask whether to save ``editor``'s changes; return False if the user cancels.

        The document asked about is shown while the question is.
        """
        if not editor.document().isModified():
            return True
        self.show_editor(editor)
        answer = messenger.save_changes(self, document_title(editor.state))
        if answer is Answer.SAVE:
            return self.save_document(editor)
        return answer is Answer.DISCARD

    def _update_title(self) -> None:
        """Show the current file's name and modified mark in the title."""
        editor = self.current_editor()
        if editor is not None:
            self._show_name(editor)

    def _show_name(self, editor: Editor) -> None:
        """Show ``editor``'s name and modified mark on its tab (and the title if it is shown)."""
        mark = " •" if editor.document().isModified() else ""
        self.tabs.setTabText(self.tabs.indexOf(editor), document_title(editor.state) + mark)
        if editor is self.current_editor():
            self.setWindowTitle(f"{document_title(editor.state)}[*] — {APP_NAME}")
            self.setWindowModified(editor.document().isModified())

    @Slot(int)
    def _on_current_changed(self, _index: int) -> None:
        self._update_title()
        self.signals.currentEditorChanged.emit(self.current_editor())
        self.context_meter.show()

    # -- the model -----------------------------------------------------------------

    def load_startup_model(self, model: str | Path | None = None) -> None:
        """Load the model chosen at start (see :class:`ModelStatus`)."""
        self.model_status.load_startup_model(model)
        self._update_engine_state()

    def load_model(self, path: Path, *, remember: bool = False) -> None:
        """Load ``path`` in the engine (replacing the current model)."""
        if remember:
            set_setting(Key.LAST_MODEL, str(path))
        self.engine.load_model(path, EngineOptions.from_settings())

    def _model_loaded(self) -> None:
        """Show the context meter and the engine's state once a model is in."""
        self.context_meter.show()
        self._update_engine_state()

    # -- generation -----------------------------------------------------------------

    def continue_writing(self) -> int | None:
        """Stream a continuation of the text before the cursor; return the job id."""
        return self.writing.continue_writing()

    @Slot(int, object)
    def _on_job_finished(self, _job_id: int, stats: GenerationStats) -> None:
        if stats.tokens and stats.tokens_per_s:
            self.show_speed(stats.tokens_per_s)

    def _update_engine_state(self) -> None:
        """Show the engine state and enable Stop only while something generates."""
        engine = self.engine
        if engine.is_loading:
            state = self.tr("Loading model…")
        elif engine.is_busy:
            state = self.tr("Generating")
            if engine.queued:
                state += self.tr(" · {0} waiting").format(engine.queued)
        elif engine.model is None:
            state = self.tr("No model")
        else:
            state = self.tr("Ready")
        self.status.set("statusEngine", state)
        self.action("actionStop").setEnabled(engine.is_busy)

    # -- closing ---------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved documents, then stop the engine."""
        shown = self.current_editor()
        for editor in self.editors():
            if not self._confirm_discard(editor):  # shows the document asked about
                event.ignore()
                return
        self.show_editor(shown)  # the session remembers the document the writer had open
        self.signals.closing.emit()
        set_setting(Key.WINDOW_GEOMETRY, self.saveGeometry())
        set_setting(Key.WINDOW_STATE, self.saveState())
        self.engine.shutdown()
        event.accept()
