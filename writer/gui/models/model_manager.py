"""The model manager: the models on this computer and on servers; Use / Delete / Import / Reveal.

A dialog (objectName ``modelManager``) whose modality is a constructor
argument, so tests open it non-modal. ``modelList`` shows each model's name,
size, architecture, context length, quantization and chat template, read from
the GGUF header, then the server models the user added ("Add server…"), each
as ``model @ host:port``. Use switches to any of them without a restart; the
"(in use)" mark follows the model once the engine has loaded it.
Questions and errors go through
:data:`writer.gui.messages.messenger`; the file picker and the file manager
are module functions, so tests patch one place for each.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from writer.config import Key, set_setting
from writer.core.model_languages import model_languages
from writer.core.quality import figures_for, save_figures
from writer.engine.scoring import QualityJob
from writer.engine.server_keys import save_key
from writer.engine.server_list import (
    ServerEntry,
    clear_last_server,
    forget_server,
    load_servers,
    remember_server,
)
from writer.errors import WriterError
from writer.gui.messages import localized_text, messenger
from writer.hub.fit import human_size
from writer.hub.local_models import (
    LocalModel,
    ModelSource,
    delete_model,
    import_model,
    list_local_models,
)
from writer.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

ROLE_MODEL = Qt.ItemDataRole.UserRole
ROLE_SERVER = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    QT_TRANSLATE_NOOP("ModelManager", "Name"),
    QT_TRANSLATE_NOOP("ModelManager", "Size"),
    QT_TRANSLATE_NOOP("ModelManager", "Architecture"),
    QT_TRANSLATE_NOOP("ModelManager", "Context"),
    QT_TRANSLATE_NOOP("ModelManager", "Quantization"),
    QT_TRANSLATE_NOOP("ModelManager", "Chat template"),
    QT_TRANSLATE_NOOP("ModelManager", "Languages"),
    QT_TRANSLATE_NOOP("ModelManager", "Bits/char EN"),
    QT_TRANSLATE_NOOP("ModelManager", "Bits/char ZH"),
    QT_TRANSLATE_NOOP("ModelManager", "Tokens/char ZH"),
    QT_TRANSLATE_NOOP("ModelManager", "tok/s"),
    QT_TRANSLATE_NOOP("ModelManager", "Source"),
)
#: The columns of the last quality figures (``writer bench --only quality`` or Measure).
QUALITY_COLUMNS = range(7, 11)
#: Where a model came from (ModelSource values), as shown in the Source column.
SOURCES = {
    "downloaded": QT_TRANSLATE_NOOP("ModelManager", "downloaded"),
    "bundled": QT_TRANSLATE_NOOP("ModelManager", "bundled"),
    "imported": QT_TRANSLATE_NOOP("ModelManager", "imported"),
    "server": QT_TRANSLATE_NOOP("ModelManager", "server"),
}


def source_label(source: object) -> str:
    """Return a model's source (a ModelSource) in the interface language."""
    value = str(getattr(source, "value", source))
    text = SOURCES.get(value)
    return QCoreApplication.translate("ModelManager", text) if text else value


def ask_import_path(parent: QWidget | None) -> str | None:
    """Ask the user for a .gguf file to import; return its path or None."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ModelManager", "Import a model"),
        str(Path.home()),
        QCoreApplication.translate("ModelManager", "GGUF models (*.gguf);;All files (*)"),
    )
    return path or None


def reveal_in_file_manager(path: Path) -> bool:
    """Open the folder holding ``path`` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def switch_model(engine: object, path: Path | str) -> None:
    """Reload the engine with ``path`` and remember it as the last used model."""
    from writer.engine.backend import EngineOptions

    set_setting(Key.LAST_MODEL, str(path))
    clear_last_server()
    engine.load_model(str(path), EngineOptions.from_settings())  # type: ignore[attr-defined]


def switch_to_server(engine: object, entry: ServerEntry, *, api_key: str = "") -> None:
    """Connect the engine to a server model and remember it as the last used model."""
    remember_server(entry)
    spec = entry.spec()
    if api_key:
        spec = type(spec)(spec.url, spec.model, api_key=api_key, n_ctx=spec.n_ctx)
    engine.connect_server(spec)  # type: ignore[attr-defined]


class ModelManager(QDialog):
    """Lists the models on disk and switches, deletes, imports and reveals them."""

    modelChosen = Signal(str)  # path handed to the engine (a server model's label)
    addServerRequested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        engine: object | None = None,
        modality: Qt.WindowModality = Qt.WindowModality.ApplicationModal,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("modelManager")
        self.setWindowTitle(self.tr("Models"))
        self.setWindowModality(modality)
        self.resize(1100, 420)
        self._engine = engine
        self.model_list = QTreeWidget()
        self.model_list.setObjectName("modelList")
        self.model_list.setHeaderLabels([self.tr(c) for c in COLUMNS])
        self.model_list.setRootIsDecorated(False)
        header = self.model_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the model's name
        for column in range(1, self.model_list.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.model_list.setAccessibleName(self.tr("Models on this computer"))
        self.use_button = QPushButton(self.tr("Use"))
        self.use_button.setObjectName("modelUse")
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("modelDelete")
        self.import_button = QPushButton(self.tr("Import .gguf…"))
        self.import_button.setObjectName("modelImport")
        self.reveal_button = QPushButton(self.tr("Show in folder"))
        self.reveal_button.setObjectName("modelReveal")
        self.measure_button = QPushButton(self.tr("Measure quality"))
        self.measure_button.setObjectName("modelMeasure")
        self.measure_button.setToolTip(
            self.tr(
                "Score the model in use on fixed English and Chinese passages "
                "(bits per character: lower is better)"
            )
        )
        self._measuring: tuple[int, QualityJob] | None = None
        self.add_server_button = QPushButton(self.tr("Add server…"))
        self.add_server_button.setObjectName("modelAddServer")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("modelClose")
        buttons = QHBoxLayout()
        for button in (
            self.use_button,
            self.delete_button,
            self.import_button,
            self.reveal_button,
            self.measure_button,
            self.add_server_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.model_list, 1)
        layout.addLayout(buttons)
        self.use_button.clicked.connect(self.use_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.import_file)
        self.reveal_button.clicked.connect(self.reveal_selected)
        self.measure_button.clicked.connect(self.measure_in_use)
        self.add_server_button.clicked.connect(self.addServerRequested)
        self.close_button.clicked.connect(self.accept)
        self.model_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.model_list.itemDoubleClicked.connect(lambda *_: self.use_selected())
        loaded = getattr(engine, "modelLoaded", None)
        if loaded is not None:  # "(in use)" moves to the model the engine loads
            loaded.connect(self._on_model_loaded)
        self.refresh()

    def _on_model_loaded(self, _info: object) -> None:
        """Mark the model the engine has just loaded as "(in use)" (and no other)."""
        if self.isVisible():
            self.refresh()

    def _in_use(self) -> Path | None:
        """Return the path of the model file the engine has loaded."""
        model = getattr(self._engine, "model", None)
        return Path(model.path) if model is not None and not model.is_remote else None

    def _server_in_use(self) -> tuple[str, str] | None:
        """Return (url, model) of the server model the engine uses."""
        model = getattr(self._engine, "model", None)
        return (model.url, model.name) if model is not None and model.is_remote else None

    def refresh(self) -> None:
        """Read the models on disk again and list them."""
        current = self.selected_model()
        self.model_list.clear()
        in_use = self._in_use()
        for model in list_local_models():
            info = model.info
            cells = [
                model.name + (self.tr("  (in use)") if in_use == model.path else ""),
                human_size(model.size_bytes),
                info.architecture if info else "?",
                str(info.context_length) if info and info.context_length else "?",
                info.quantization if info else "?",
                (self.tr("yes") if info.has_chat_template else self.tr("no")) if info else "?",
                *self._language_cells(model.path),
                source_label(model.source),
            ]
            item = QTreeWidgetItem(cells)
            item.setData(0, ROLE_MODEL, model)
            item.setToolTip(0, localized_text(model.error) if model.error else str(model.path))
            self.model_list.addTopLevelItem(item)
            if current is not None and model.path == current.path:
                self.model_list.setCurrentItem(item)
        server_in_use = self._server_in_use()
        for entry in load_servers():
            in_use_mark = self.tr("  (in use)") if server_in_use == (entry.url, entry.model) else ""
            context = str(entry.n_ctx) if entry.n_ctx else "?"
            item = QTreeWidgetItem(
                [entry.label + in_use_mark, "—", "—", context, "—", "—", source_label("server")]
            )
            item.setData(0, ROLE_SERVER, entry)
            item.setToolTip(0, entry.url)
            self.model_list.addTopLevelItem(item)
        for column in range(len(COLUMNS)):
            self.model_list.resizeColumnToContents(column)
        first = self.model_list.topLevelItem(0)  # None when the list is empty
        if self.model_list.currentItem() is None and first is not None:
            self.model_list.setCurrentItem(first)
        self._update_buttons()

    def _language_cells(self, path: Path) -> list[str]:
        """Return the languages and the last quality figures of the model at ``path``."""
        languages, _source = model_languages(path)
        figures = figures_for(path)
        cells = [", ".join(languages) if languages else "?"]
        if figures is None:
            return [*cells, "", "", "", ""]
        return [
            *cells,
            f"{figures.bits_per_char_en:.2f}",
            f"{figures.bits_per_char_zh:.2f}",
            f"{figures.tokens_per_char_zh:.2f}",
            f"{figures.tokens_per_s:.0f}" if figures.tokens_per_s else "",
        ]

    def measure_in_use(self) -> int | None:
        """Measure the model in use on the engine thread; the list shows the figures after."""
        if self._engine is None or getattr(self._engine, "model", None) is None:
            return None
        if self._measuring is not None:
            return self._measuring[0]
        engine: Any = self._engine
        job = QualityJob()
        engine.finished.connect(self._on_measured)
        engine.failed.connect(self._on_measure_failed)
        self._measuring = (engine.submit(job), job)
        self._update_buttons()
        return self._measuring[0]

    def _on_measured(self, job_id: int, _stats: object) -> None:
        """Keep the figures of a finished measurement and show them."""
        if self._measuring is None or self._measuring[0] != job_id:
            return
        figures = self._measuring[1].figures
        self._end_measuring()
        if figures is not None:
            save_figures(figures)
        self.refresh()

    def _on_measure_failed(self, job_id: int, message: str) -> None:
        """Say why a measurement failed."""
        if self._measuring is None or self._measuring[0] != job_id:
            return
        self._end_measuring()
        messenger.error(self, self.tr("Measure quality"), message)

    def _end_measuring(self) -> None:
        """Stop following the engine's results."""
        engine: Any = self._engine
        engine.finished.disconnect(self._on_measured)
        engine.failed.disconnect(self._on_measure_failed)
        self._measuring = None
        self._update_buttons()

    def selected_model(self) -> LocalModel | None:
        """Return the model that is current in ``modelList``."""
        item = self.model_list.currentItem()
        return item.data(0, ROLE_MODEL) if item else None

    def selected_server(self) -> ServerEntry | None:
        """Return the server model that is current in ``modelList``."""
        item = self.model_list.currentItem()
        return item.data(0, ROLE_SERVER) if item else None

    def select_server(self, label: str) -> bool:
        """Make the server model ``model @ host:port`` current; return whether it is listed."""
        for index in range(self.model_list.topLevelItemCount()):
            item = self.model_list.topLevelItem(index)
            entry = item.data(0, ROLE_SERVER) if item is not None else None
            if item is not None and entry is not None and entry.label == label:
                self.model_list.setCurrentItem(item)
                return True
        return False

    def select_path(self, path: Path | str) -> bool:
        """Make the model at ``path`` current; return whether it is listed."""
        for index in range(self.model_list.topLevelItemCount()):
            item = self.model_list.topLevelItem(index)
            model = item.data(0, ROLE_MODEL) if item is not None else None
            if item is not None and model is not None and model.path == Path(path):
                self.model_list.setCurrentItem(item)
                return True
        return False

    def _update_buttons(self) -> None:
        model = self.selected_model()
        server = self.selected_server()
        usable = (model is not None and model.error is None) or server is not None
        self.use_button.setEnabled(usable and self._engine is not None)
        self.delete_button.setEnabled(
            server is not None or (model is not None and model.source != ModelSource.BUNDLED)
        )
        self.reveal_button.setEnabled(model is not None and model.path.exists())
        self.measure_button.setEnabled(
            self._measuring is None and getattr(self._engine, "model", None) is not None
        )

    def use_selected(self) -> None:
        """Switch the engine to the selected model (a file or a server's) and remember it."""
        server = self.selected_server()
        if server is not None and self._engine is not None:
            switch_to_server(self._engine, server)
            self.modelChosen.emit(server.label)
            return
        model = self.selected_model()
        if model is None or model.error is not None or self._engine is None:
            return
        switch_model(self._engine, model.path)
        self.modelChosen.emit(str(model.path))

    def delete_selected(self) -> None:
        """Delete the selected model after the user confirms (a server is only unlisted)."""
        server = self.selected_server()
        if server is not None:
            question = self.tr("Remove the server model “{0}” from the list?")
            if messenger.question(self, self.tr("Remove server"), question.format(server.label)):
                forget_server(server)
                if not any(entry.url == server.url for entry in load_servers()):
                    save_key(server.url, "")  # the last model of that server: drop its key
                self.refresh()
            return
        model = self.selected_model()
        if model is None:
            return
        if model.source == ModelSource.IMPORTED:
            question = self.tr("Remove “{0}” from the list? The file itself stays on disk.")
        else:
            question = self.tr("Delete “{0}” ({1}) from this computer?")
        text = question.format(model.name, human_size(model.size_bytes))
        if not messenger.question(self, self.tr("Delete model"), text):
            return
        try:
            delete_model(model)
        except WriterError as error:
            messenger.error(self, self.tr("Delete model"), str(error))
        self.refresh()

    def import_file(self) -> None:
        """Add a .gguf file from disk to the list."""
        path = ask_import_path(self)
        if not path:
            return
        try:
            model = import_model(path)
        except WriterError as error:
            messenger.error(self, self.tr("Import model"), str(error))
            return
        self.refresh()
        self.select_path(model.path)

    def reveal_selected(self) -> None:
        """Show the selected model's folder in the file manager."""
        model = self.selected_model()
        if model is not None and not reveal_in_file_manager(model.path):
            messenger.error(
                self, self.tr("Show in folder"), self.tr("No file manager could be opened.")
            )
