"""Models in the window: the hub browser, the model manager, servers, switching models."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from writer.engine.server_keys import save_key
from writer.engine.server_list import ServerEntry, remember_server
from writer.gui.messages import messenger
from writer.gui.models.hub_browser import HubBrowser
from writer.gui.models.model_manager import ModelManager, switch_model, switch_to_server
from writer.gui.models.server_dialog import ServerDialog

if TYPE_CHECKING:
    from writer.gui.host import Host


class ModelsFeature(QObject):
    """Opens the hub browser and the model manager; switches the engine's model."""

    def __init__(self, window: Host) -> None:
        super().__init__(window.parent_widget())
        self.window = window
        self.hub: HubBrowser | None = None
        self.manager: ModelManager | None = None
        self.server_dialog: ServerDialog | None = None
        self._warned_hosts: set[str] = set()
        window.action("actionOpenHub").triggered.connect(lambda: self.open_hub())
        window.action("actionManageModels").triggered.connect(lambda: self.open_manager())
        window.action("actionAddServer").triggered.connect(lambda: self.add_server())
        window.engine.modelLoaded.connect(self._on_model_loaded)
        window.signals.closing.connect(self._shutdown)
        window.signals.languageChanged.connect(lambda _language: self._forget_hidden_hub())

    def _forget_hidden_hub(self) -> None:
        """After a language switch, build the hub browser anew (in the new language) next time."""
        if self.hub is not None and not self.hub.isVisible() and not self.hub.is_downloading:
            self.hub.shutdown()
            self.hub.deleteLater()
            self.hub = None

    def open_hub(self, **options) -> HubBrowser:
        """Show the (non-modal) hub browser, creating it on first use."""
        if self.hub is None:
            context = self.window.engine.model.n_ctx if self.window.engine.model else None
            self.hub = HubBrowser(self.window.parent_widget(), context_size=context, **options)
            self.hub.modelDownloaded.connect(self._offer_downloaded)
        self.hub.show()
        self.hub.raise_()
        self.hub.activateWindow()
        return self.hub

    def open_hub_at(self, repo_id: str) -> HubBrowser:
        """Show the hub browser with catalogue entry ``repo_id`` current and its files listed."""
        hub = self.open_hub(search_on_open=False)
        if repo_id:
            hub.show_repo(repo_id)
        return hub

    def open_manager(
        self, modality: Qt.WindowModality = Qt.WindowModality.ApplicationModal
    ) -> ModelManager:
        """Show the model manager."""
        self.manager = ModelManager(
            self.window.parent_widget(), engine=self.window.engine, modality=modality
        )
        self.manager.addServerRequested.connect(self.window.action("actionAddServer").trigger)
        self.manager.show()
        return self.manager

    def add_server(
        self, modality: Qt.WindowModality = Qt.WindowModality.ApplicationModal
    ) -> ServerDialog:
        """Show the "Add server…" dialog; on Use, keep the server and switch to its model."""
        self.server_dialog = ServerDialog(self.window.parent_widget(), modality=modality)
        self.server_dialog.accepted.connect(self._on_server_chosen)
        self.server_dialog.show()
        return self.server_dialog

    def _on_server_chosen(self) -> None:
        """Keep the chosen server (its key in the keychain) and connect the engine to it."""
        dialog = self.server_dialog
        if dialog is None:
            return
        spec = dialog.spec()
        if spec.api_key:
            save_key(spec.url, spec.api_key)
        entry = ServerEntry(spec.url, spec.model, spec.n_ctx)
        remember_server(entry)
        switch_to_server(self.window.engine, entry, api_key=spec.api_key)
        if self.manager is not None and self.manager.isVisible():
            self.manager.refresh()

    def _on_model_loaded(self, info: object) -> None:
        """Warn once per server that text to it travels unencrypted."""
        notes = getattr(info, "notes", ())
        host = getattr(info, "host", "")
        unencrypted = [note for note in notes if "http://" in note]
        if unencrypted and host not in self._warned_hosts:
            self._warned_hosts.add(host)
            messenger.info(
                self.window.parent_widget(),
                self.tr("Unencrypted connection"),
                self.tr(
                    "Text sent to {0} travels unencrypted (http://). Use https:// or a "
                    "trusted network for private writing."
                ).format(host),
            )

    def _offer_downloaded(self, path: str) -> None:
        """A download finished and passed its checksum: offer to switch to it."""
        name = Path(path).name
        if messenger.question(
            self.window.parent_widget(),
            self.tr("Model downloaded"),
            self.tr("{0} is ready. Use it now?").format(name),
        ):
            switch_model(self.window.engine, path)

    def _shutdown(self) -> None:
        """Cancel a running download when the window closes."""
        if self.hub is not None:
            self.hub.shutdown()
