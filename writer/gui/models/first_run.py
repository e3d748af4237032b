"""First run: say when no model is available and offer ways to get one; a welcome document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from writer.config import Key, get_setting, set_setting
from writer.core import starter_model
from writer.core.model_files import bundled_model_path
from writer.core.model_languages import chinese_download
from writer.core.system_memory import memory_budget

if TYPE_CHECKING:
    from writer.gui.host import Host


def welcome_text() -> str:
    """Return the welcome document shown on first start."""
    return QCoreApplication.translate(
        "FirstRun",
        "# Welcome to Writer\n\n"
        "Writer runs a language model on this computer. Nothing you write leaves it.\n\n"
        "- **Ctrl+Return** continues writing from the cursor; **Esc** stops it.\n"
        "- **Ctrl+Z** takes a whole generated passage back; **Ctrl+Shift+Return** "
        "writes it again differently.\n"
        "- **Ctrl+Shift+M** summarizes the selection; the assistant panel chats about your "
        "draft.\n"
        "- **Ctrl+Shift+N** starts a poem, a script scene or a letter from a template.\n"
        "- **Models > Browse Models** finds bigger models on the Hugging Face Hub.\n\n"
        "Delete this text and start writing.\n",
    )


class FirstRun(QObject):
    """A banner above the documents while no model is loaded, and the welcome document."""

    starterRequested = Signal()  # load the Chinese starter
    chineseModelRequested = Signal()  # get a Chinese-capable model from the hub

    def __init__(self, window: Host) -> None:
        super().__init__(window.parent_widget())
        self.window = window
        self.banner = QFrame(window.parent_widget())
        self.banner.setObjectName("firstRunBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel(self.banner)
        self.message.setObjectName("firstRunMessage")
        self.message.setWordWrap(True)
        self.use_default = QPushButton(self.tr("Use the bundled model"), self.banner)
        self.use_default.setObjectName("firstRunDefault")
        self.browse = QPushButton(self.tr("Browse models…"), self.banner)
        self.browse.setObjectName("firstRunBrowse")
        self.open_file = QPushButton(self.tr("Open a .gguf file…"), self.banner)
        self.open_file.setObjectName("firstRunOpenModel")
        self.use_starter = QPushButton(self.banner)
        self.use_starter.setObjectName("firstRunStarter")
        self.chinese = QPushButton(self.banner)
        self.chinese.setObjectName("firstRunChinese")
        column = QVBoxLayout(self.banner)
        column.addWidget(self.message)
        row = QHBoxLayout()
        for button in (
            self.use_default,
            self.use_starter,
            self.chinese,
            self.browse,
            self.open_file,
        ):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        self.use_default.clicked.connect(self._use_default)
        self.browse.clicked.connect(lambda: window.action("actionOpenHub").trigger())
        self.open_file.clicked.connect(self._open_model_file)
        self.use_starter.clicked.connect(self.starterRequested)
        self.chinese.clicked.connect(self.chineseModelRequested)
        self._name_chinese_buttons()
        window.add_banner(self.banner)
        window.engine.modelLoading.connect(lambda _p: self.refresh())
        window.engine.modelLoaded.connect(lambda _i: self.refresh())
        window.engine.modelFailed.connect(lambda _m: self.refresh())
        window.signals.languageChanged.connect(lambda _language: self.retranslate())
        self.refresh()
        QTimer.singleShot(0, self.refresh)  # after the window chose (or failed to find) a model

    def retranslate(self) -> None:
        """Show the banner in the current interface language."""
        self.use_default.setText(self.tr("Use the bundled model"))
        self.browse.setText(self.tr("Browse models…"))
        self.open_file.setText(self.tr("Open a .gguf file…"))
        self._name_chinese_buttons()
        self.refresh()

    def _name_chinese_buttons(self) -> None:
        """Name the ways to a model that writes Chinese: the starter, a Qwen2.5 that fits."""
        self.use_starter.setText(
            self.tr("Use {0} (writes Chinese)").format(starter_model.CHINESE_STARTER.name)
        )
        entry = chinese_download(memory_budget().best)
        self.chinese.setText(
            self.tr("Download {0} for Chinese…").format(entry.name) if entry else ""
        )

    def refresh(self) -> None:
        """Show the banner only while no model is loaded or loading."""
        engine = self.window.engine
        needed = engine.model is None and not engine.is_loading
        self.banner.setVisible(needed)
        if not needed:
            return
        self.message.setText(
            self.tr("{0} Writer needs a model to continue, chat and summarize.").format(
                engine.not_ready
            )
        )
        self.use_default.setVisible(bundled_model_path() is not None)
        self.use_starter.setVisible(starter_model.is_installed())
        self.chinese.setVisible(bool(self.chinese.text()))

    def _use_default(self) -> None:
        """Load the bundled default model."""
        path = bundled_model_path()
        if path is not None:
            self.window.load_model(path, remember=True)

    def _open_model_file(self) -> None:
        """Choose a .gguf file on disk and load it."""
        chosen, _ = QFileDialog.getOpenFileName(
            self.window.parent_widget(),
            self.tr("Open a model"),
            str(Path.home()),
            self.tr("GGUF models (*.gguf)"),
        )
        if chosen:
            self.window.load_model(Path(chosen), remember=True)


def show_welcome_once(window: Host) -> None:
    """Put the welcome document in the first, empty tab on the very first start."""
    if get_setting(Key.WELCOMED):
        return
    set_setting(Key.WELCOMED, True)
    editor = window.current_editor()
    if editor is not None and not editor.toPlainText() and editor.state.path is None:
        editor.setPlainText(welcome_text())
        editor.document().setModified(False)
