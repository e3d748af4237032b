"""The "Add server…" dialog: base URL, optional API key, and one of the models the server lists.

A dialog (objectName ``serverDialog``) whose modality is a constructor
argument, so tests open it non-modal. ``serverUrl`` takes the OpenAI base URL,
``serverKey`` the key (shown as dots), "List models" fills ``serverModels``
from ``GET /v1/models`` on a worker thread, so a slow server never freezes the
window; a failure is one line under the fields (``serverStatus``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from writer.engine.server_keys import keychain_available
from writer.engine.server_list import ServerEntry
from writer.engine.server_spec import ENV_API_KEY, ServerSpec
from writer.errors import WriterError


class _Listing(QObject):
    """Carries the answer of a model listing back to the GUI thread."""

    done = Signal(int, object, str)  # request number, list of model ids, error line


class _ListModels(QRunnable):
    """Asks a server for its models, off the GUI thread."""

    def __init__(self, number: int, spec: ServerSpec, listing: _Listing) -> None:
        super().__init__()
        self.number = number
        self.spec = spec
        self.listing = listing

    def run(self) -> None:
        """List the models; report them, or the failure in one line."""
        from writer.engine.server_client import list_models

        try:
            models = list_models(self.spec)
        except WriterError as error:
            self.listing.done.emit(self.number, [], str(error))
            return
        except Exception as error:  # a server can answer anything; the window lives on
            self.listing.done.emit(self.number, [], f"{type(error).__name__}")
            return
        self.listing.done.emit(self.number, models, "")


class ServerDialog(QDialog):
    """Asks for a server, its key and one of its models."""

    modelsListed = Signal(int)  # how many models the server listed (0 on failure)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        modality: Qt.WindowModality = Qt.WindowModality.ApplicationModal,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle(self.tr("Add server"))
        self.setWindowModality(modality)
        self.resize(520, 420)
        self.url = QLineEdit()
        self.url.setObjectName("serverUrl")
        self.url.setPlaceholderText("http://gpu-box:8080/v1")
        self.url.setAccessibleName(self.tr("Server address"))
        self.key = QLineEdit()
        self.key.setObjectName("serverKey")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("API key"))
        self.key.setPlaceholderText(self.tr("optional"))
        if keychain_available():
            key_hint = self.tr("The key is kept in the system keychain.")
        else:
            key_hint = self.tr(
                "No system keychain: the key is used for this session only; set {0} to keep one."
            ).format(ENV_API_KEY)
        self.key_hint = QLabel(key_hint)
        self.key_hint.setWordWrap(True)
        self.list_button = QPushButton(self.tr("List models"))
        self.list_button.setObjectName("serverListModels")
        self.models = QListWidget()
        self.models.setObjectName("serverModels")
        self.models.setAccessibleName(self.tr("Models on the server"))
        self.context = QSpinBox()
        self.context.setObjectName("serverContext")
        self.context.setRange(0, 1_048_576)
        self.context.setSingleStep(1024)
        self.context.setSpecialValueText(self.tr("as the server says (else 4096)"))
        self.context.setAccessibleName(self.tr("Context size"))
        self.status = QLabel()
        self.status.setObjectName("serverStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use"))
        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.url)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.list_button)
        form.addRow(self.tr("API key:"), key_row)
        form.addRow("", self.key_hint)
        form.addRow(self.tr("Context size:"), self.context)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Models on the server:")))
        layout.addWidget(self.models, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._listing = _Listing(self)
        self._listing.done.connect(self._on_listed)
        self._request = 0
        self.list_button.clicked.connect(self.list_models)
        self.url.returnPressed.connect(self.list_models)
        self.models.currentItemChanged.connect(lambda *_: self._update_ok())
        self.models.itemDoubleClicked.connect(lambda *_: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_ok()

    def spec(self) -> ServerSpec:
        """Return what the fields say (the model chosen, if any)."""
        item = self.models.currentItem()
        return ServerSpec(
            self.url.text(),
            item.text() if item else "",
            api_key=self.key.text().strip(),
            n_ctx=self.context.value(),
        )

    def entry(self) -> ServerEntry:
        """Return the server model chosen, as the list of servers keeps it."""
        spec = self.spec()
        return ServerEntry(spec.url, spec.model, spec.n_ctx)

    @Slot()
    def list_models(self) -> None:
        """Ask the server for its models (on a worker thread)."""
        spec = self.spec()
        if not spec.url:
            self.status.setText(self.tr("Enter the server's address first."))
            return
        self._request += 1
        self.models.clear()
        self.status.setText(self.tr("Asking {0} for its models…").format(spec.host))
        self.list_button.setEnabled(False)
        QThreadPool.globalInstance().start(_ListModels(self._request, spec, self._listing))

    @Slot(int, object, str)
    def _on_listed(self, number: int, models: list[str], error: str) -> None:
        if number != self._request:
            return  # an older request's answer
        self.list_button.setEnabled(True)
        if error:
            self.status.setText(error)
        elif not models:
            self.status.setText(self.tr("The server lists no models."))
        else:
            self.status.setText(self.tr("{0} models. Choose one.").format(len(models)))
            self.models.addItems(models)
            self.models.setCurrentRow(0)
        self._update_ok()
        self.modelsListed.emit(len(models))

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.models.currentItem() is not None
        )
