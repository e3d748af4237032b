"""Help menu: About (versions of the app, Qt, llama.cpp, GPU offload) and the log folder."""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from writer import APP_NAME, __version__
from writer.config import log_dir

if TYPE_CHECKING:
    from writer.gui.host import Host


def version_lines(gpu_offload: bool | None) -> list[tuple[str, str]]:
    """Return (name, version) pairs for the About box and bug reports."""
    from writer.engine.backend import gpu_offload_supported
    from writer.engine.native import system_info, version

    system = system_info()

    offload = gpu_offload_supported()
    state = (
        QCoreApplication.translate("AboutDialog", "available")
        if offload
        else QCoreApplication.translate("AboutDialog", "not available")
    )
    if gpu_offload is not None:
        state = (
            QCoreApplication.translate("AboutDialog", "{0}, in use")
            if gpu_offload
            else QCoreApplication.translate("AboutDialog", "{0}, not in use")
        ).format(state)
    return [
        (APP_NAME, __version__),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
        ("llama-cpp-python", version()),
        ("llama.cpp", system[:160] + ("…" if len(system) > 160 else "")),
        (QCoreApplication.translate("AboutDialog", "GPU offload"), state),
        ("Python", platform.python_version()),
        (QCoreApplication.translate("AboutDialog", "System"), platform.platform()),
    ]


class AboutDialog(QDialog):
    """Help > About (objectName ``aboutDialog``)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        gpu_offload: bool | None = None,
        modality: Qt.WindowModality = Qt.WindowModality.ApplicationModal,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Writer"))
        self.setWindowModality(modality)
        rows = "".join(
            f"<tr><td><b>{name}</b></td><td>{value}</td></tr>"
            for name, value in version_lines(gpu_offload)
        )
        text = QLabel(
            "<h2>Writer</h2><p>"
            + self.tr(
                "A writing assistant that runs a language model on your own computer. "
                "Your text never leaves it."
            )
            + f"</p><table cellspacing='4'>{rows}</table>",
            self,
        )
        text.setObjectName("aboutText")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)


class HelpFeature(QObject):
    """Connects Help > About and Help > Open Log Folder."""

    def __init__(self, window: Host) -> None:
        super().__init__(window.parent_widget())
        self.window = window
        self.about: AboutDialog | None = None
        window.action("actionAbout").triggered.connect(lambda: self.show_about())
        window.action("actionOpenLogFolder").triggered.connect(self.open_log_folder)

    def show_about(
        self, modality: Qt.WindowModality = Qt.WindowModality.ApplicationModal
    ) -> AboutDialog:
        """Show the About box."""
        model = self.window.engine.model
        self.about = AboutDialog(
            self.window.parent_widget(),
            gpu_offload=model.gpu_offload if model else None,
            modality=modality,
        )
        self.about.show()
        return self.about

    def open_log_folder(self) -> bool:
        """Open the folder holding the log file in the file manager."""
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
