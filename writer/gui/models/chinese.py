"""Writing Chinese: the starter's notice with its licence, and a model that knows its limits.

A bar above the documents (``languageNotice``) says, once per model:

- when the Chinese starter (Gemma 3 270M) is loaded for the first time, that it
  was chosen for Chinese, what it is (a small base model, no chat template) and
  that it comes under the Gemma Terms of Use (``languageTerms`` shows them);
- when a request is Chinese (the document, a template's language, a chat
  question) and the loaded model writes English only, that the Chinese will be
  poor, with ``languageGetModel`` to get a Chinese-capable one (the biggest
  Qwen2.5 Instruct that fits, in the hub browser) and ``languageUseStarter``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from writer.config import Key, get_setting, set_setting
from writer.core import starter_model
from writer.core.model_languages import is_chinese_text, writes_chinese

if TYPE_CHECKING:
    from collections.abc import Callable

    from writer.engine.backend import ModelInfo
    from writer.gui.host import Host

#: How much of a request's text is looked at to tell whether it is Chinese.
SAMPLE = 4000


def request_is_chinese(job: object) -> bool | None:
    """Return whether an engine job asks for Chinese: its language, or its text, is Chinese.

    None when the job says nothing either way (Continue at the very start of a document).
    """
    for name in ("lang", "language"):
        value = getattr(job, name, None)
        if isinstance(value, str) and value:
            return value.lower().startswith("zh")
    turns = getattr(job, "turns", None)
    if turns:  # a chat: the turn it answers (the last one, unless it says which)
        index = getattr(job, "index", -1)
        turn = turns[index % len(turns)] if isinstance(index, int) else turns[-1]
        return is_chinese_text(f"{getattr(turn, 'question', '')}{getattr(turn, 'context', '')}")
    for name in ("text_before", "text"):
        value = getattr(job, name, None)
        if isinstance(value, str) and value.strip():
            return is_chinese_text(value[-SAMPLE:])
    return None


class LicenceDialog(QDialog):
    """Shows a model's licence terms as plain text (``licenceDialog``)."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        modality: Qt.WindowModality = Qt.WindowModality.ApplicationModal,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("licenceDialog")
        self.setWindowTitle(title)
        self.setWindowModality(modality)
        self.resize(720, 560)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("licenceText")
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class ChineseWriting(QObject):
    """The ``languageNotice`` bar: the starter's terms, and English-only models on Chinese."""

    def __init__(self, window: Host, open_hub_at: Callable[[str], object]) -> None:
        super().__init__(window.parent_widget())
        self.window = window
        self._open_hub_at = open_hub_at
        self._warned: set[str] = set()  # models already said to be English-only
        self._kind = ""  # what the bar says now: "starter", "limits" or ""
        self.licence: LicenceDialog | None = None
        self.bar = QFrame(window.parent_widget())
        self.bar.setObjectName("languageNotice")
        self.bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self.bar)
        self.text.setObjectName("languageNoticeText")
        self.text.setWordWrap(True)
        self.get_model = QPushButton(self.bar)
        self.get_model.setObjectName("languageGetModel")
        self.use_starter = QPushButton(self.bar)
        self.use_starter.setObjectName("languageUseStarter")
        self.terms = QPushButton(self.bar)
        self.terms.setObjectName("languageTerms")
        self.dismiss = QPushButton(self.bar)
        self.dismiss.setObjectName("languageDismiss")
        row = QHBoxLayout()
        for button in (self.get_model, self.use_starter, self.terms):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.dismiss)
        column = QVBoxLayout(self.bar)
        column.addWidget(self.text)
        column.addLayout(row)
        self.bar.hide()
        window.add_banner(self.bar)
        self.get_model.clicked.connect(self.get_chinese_model)
        self.use_starter.clicked.connect(self.use_starter_model)
        self.terms.clicked.connect(lambda: self.show_terms())
        self.dismiss.clicked.connect(self.hide)
        window.engine.modelLoaded.connect(self._on_model_loaded)
        window.engine.modelLoading.connect(lambda _path: self.hide())
        window.engine.submitted.connect(self._on_submitted)
        window.signals.languageChanged.connect(lambda _language: self.retranslate())
        self.retranslate()

    # -- what the bar says ------------------------------------------------------

    def retranslate(self) -> None:
        """Show the bar in the current interface language."""
        name = starter_model.CHINESE_STARTER.name
        self.get_model.setText(self.tr("Get a Chinese-capable model…"))
        self.use_starter.setText(self.tr("Use {0}").format(name))
        self.terms.setText(self.tr("Gemma Terms of Use…"))
        self.dismiss.setText(self.tr("Dismiss"))
        self._show_text()

    def _show_text(self) -> None:
        """Write the bar's sentence for what it says now."""
        info = self.window.engine.model
        name = info.name if info is not None else ""
        if self._kind == "starter":
            self.text.setText(
                self.tr(
                    "{0} writes Chinese offline: a small base model, so chat uses a plain prompt "
                    "and poems may miss their form. It comes under Google's Gemma Terms of Use. "
                    "For better Chinese, get a bigger model."
                ).format(starter_model.CHINESE_STARTER.name)
            )
        elif self._kind == "limits":
            self.text.setText(
                self.tr(
                    "{0} writes English only, and you are writing Chinese: expect poor or broken "
                    "Chinese. Get a model that writes Chinese."
                ).format(name)
            )

    def show_notice(self, kind: str) -> None:
        """Show the bar saying ``kind``."""
        self._kind = kind
        loaded = self.window.engine.model
        starter_loaded = (
            loaded is not None and loaded.path.name == starter_model.CHINESE_STARTER.file_name
        )
        self.terms.setVisible(kind == "starter")
        self.use_starter.setVisible(
            kind == "limits" and starter_model.is_installed() and not starter_loaded
        )
        self._show_text()
        self.bar.show()

    def hide(self) -> None:
        """Hide the bar."""
        self._kind = ""
        self.bar.hide()

    @property
    def showing(self) -> str:
        """Return what the bar says now: "starter", "limits" or "" when hidden."""
        return self._kind if self.bar.isVisibleTo(self.window.parent_widget()) else ""

    # -- when -------------------------------------------------------------------

    def _on_model_loaded(self, info: ModelInfo) -> None:
        """Introduce the starter once; check the document shown against the new model."""
        if info.path.name == starter_model.CHINESE_STARTER.file_name:
            if not get_setting(Key.STARTER_INTRODUCED):
                set_setting(Key.STARTER_INTRODUCED, True)
                self.show_notice("starter")
            return
        self.hide()
        editor = self.window.current_editor()
        if editor is not None and is_chinese_text(editor.head(SAMPLE)):
            self.check_chinese()

    def _on_submitted(self, _job_id: int, job: object) -> None:
        """A request went to the engine: say so if it is Chinese and the model is not."""
        chinese = request_is_chinese(job)
        if chinese is None:
            editor = self.window.current_editor()
            chinese = editor is not None and is_chinese_text(editor.head(SAMPLE))
        if chinese:
            self.check_chinese()

    def check_chinese(self) -> bool:
        """Say once per model that it writes English only; return whether the bar says so."""
        info = self.window.engine.model
        if info is None or str(info.path) in self._warned:
            return False
        if writes_chinese(info.path) is not False:
            return False
        self._warned.add(str(info.path))
        self.show_notice("limits")
        return True

    # -- buttons ----------------------------------------------------------------

    def get_chinese_model(self) -> object:
        """Open the hub browser at the biggest Qwen2.5 Instruct that fits this machine."""
        from writer.core.model_languages import chinese_download
        from writer.core.system_memory import memory_budget

        entry = chinese_download(memory_budget().best)
        return self._open_hub_at(entry.repo_id if entry else "")

    def use_starter_model(self) -> None:
        """Load the Chinese starter (its chunks are joined on the engine thread)."""
        self.window.load_model(starter_model.target_path(), remember=True)

    def show_terms(
        self, modality: Qt.WindowModality = Qt.WindowModality.ApplicationModal
    ) -> LicenceDialog:
        """Show the starter's licence terms."""
        text = starter_model.licence_text() or self.tr(
            "The terms are not installed. Read them at https://ai.google.dev/gemma/terms"
        )
        self.licence = LicenceDialog(
            self.window.parent_widget(), self.tr("Gemma Terms of Use"), text, modality=modality
        )
        self.licence.show()
        return self.licence
