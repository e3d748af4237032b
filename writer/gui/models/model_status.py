"""Which model Writer starts with, and the status bar's model field while it loads.

:class:`ModelStatus` picks the model at start (``--model``/``WRITER_MODEL``, a
server, the last used, the Chinese starter for Chinese writing, the bundled
default) and shows in ``statusModel`` what is loading, what is loaded (file
and CPU/GPU, or server and host) and why a model did not load.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from writer.config import Key, get_setting
from writer.core.model_files import choose_model
from writer.core.model_languages import is_chinese_text
from writer.errors import NoModelError
from writer.gui.messages import localized_text, messenger
from writer.gui.models.chinese import SAMPLE
from writer.i18n import resolve_language

if TYPE_CHECKING:
    from writer.engine.backend import ModelInfo
    from writer.gui.host import Host


class ModelStatus(QObject):
    """Starts the engine on the right model and keeps ``statusModel`` up to date."""

    def __init__(self, host: Host) -> None:
        super().__init__(host.parent_widget())
        self.host = host
        engine = host.engine
        engine.modelLoading.connect(self._on_loading)
        engine.modelLoaded.connect(self._on_loaded)
        engine.modelFailed.connect(self._on_failed)

    def load_startup_model(self, model: str | Path | None = None) -> None:
        """Load the model chosen at start: --model/WRITER_MODEL, a server, last used, default.

        A server comes from WRITER_SERVER, or is the last model used when that was a server's.
        When the interface or an open document is Chinese, the Chinese starter
        comes before the English default (if it is installed).
        """
        engine = self.host.engine
        if not model and not os.environ.get("WRITER_MODEL"):
            from writer.engine.server_list import last_server
            from writer.engine.server_spec import ServerSpec

            spec = ServerSpec.from_env()
            entry = last_server() if spec is None else None
            if spec is not None or entry is not None:
                engine.connect_server(spec or entry.spec())  # type: ignore[union-attr]
                return
        chinese = resolve_language(str(get_setting(Key.LANGUAGE))) == "zh_CN" or any(
            is_chinese_text(editor.head(SAMPLE)) for editor in self.host.editors()
        )
        try:
            path = choose_model(
                str(model) if model else None, get_setting(Key.LAST_MODEL), chinese=chinese
            )
        except NoModelError as error:
            engine.set_unavailable(str(error))
            self.host.status.set("statusModel", self.tr("No model"), localized_text(str(error)))
            return
        self.host.load_model(path)

    @Slot(str)
    def _on_loading(self, path: str) -> None:
        if "://" in path:  # a server's base URL
            from writer.engine.server_spec import host_of

            name = host_of(path)
        else:
            name = Path(path).name
        self.host.status.set("statusModel", self.tr("Loading {0}…").format(name), path)

    @Slot(object)
    def _on_loaded(self, info: ModelInfo) -> None:
        status = self.host.status
        if info.is_remote:
            tip = self.tr("{0}\nContext: {1} tokens").format(info.url, info.n_ctx)
            tip += "".join("\n" + localized_text(note) for note in info.notes)
            status.set("statusModel", info.display_name, tip)
        else:
            offload = self.tr("GPU") if info.gpu_offload else self.tr("CPU")
            status.set(
                "statusModel",
                f"{info.name} · {offload}",
                self.tr("{0}\nContext: {1} tokens").format(info.path, info.n_ctx),
            )

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.host.status.set("statusModel", self.tr("No model"), localized_text(message))
        messenger.error(self.host.parent_widget(), self.tr("Model not loaded"), message)
