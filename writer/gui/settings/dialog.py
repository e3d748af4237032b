"""The settings dialog (objectName ``settingsDialog``).

Model and engine, sampling presets per purpose, editor, language, autosave
and the models folder. Values are stored with QSettings (INI) when the user
presses OK or Apply; :attr:`SettingsDialog.applied` then tells the window
which groups changed so it can apply them at once (reloading the model for
engine changes).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from writer.config import Key, SettingsChange, SettingsGroup, get_setting, set_setting
from writer.core import presets
from writer.core.sampling import SamplingParams
from writer.gui.settings.context_page import ContextSettingsPage
from writer.i18n import QT_TRANSLATE_NOOP

LANGUAGES = (
    ("system", QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system")),
    ("en", "English"),
    ("zh_CN", "简体中文"),
)
#: The built-in sampling presets as shown (their names are stored in English).
PRESET_LABELS = {
    presets.CUSTOM: QT_TRANSLATE_NOOP("SettingsDialog", "Custom"),
    "Balanced": QT_TRANSLATE_NOOP("SettingsDialog", "Balanced"),
    "Creative": QT_TRANSLATE_NOOP("SettingsDialog", "Creative"),
    "Precise": QT_TRANSLATE_NOOP("SettingsDialog", "Precise"),
    presets.TEMPLATE_OWN: QT_TRANSLATE_NOOP("SettingsDialog", "Each template's own"),
}


class SettingsDialog(QDialog):
    """Edits the app's settings; emits :attr:`applied` with the changed groups."""

    applied = Signal(object)  # SettingsChange: the groups whose values changed

    def __init__(
        self,
        parent: QWidget | None = None,
        modality: Qt.WindowModality = Qt.WindowModality.ApplicationModal,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setWindowModality(modality)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._engine_tab(), self.tr("Model and engine"))
        self.tabs.addTab(self._sampling_tab(), self.tr("Sampling"))
        self.tabs.addTab(self._editor_tab(), self.tr("Editor"))
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.context_page = ContextSettingsPage(self)
        self.tabs.addTab(self.context_page, self.tr("Context"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self._loaded = self._values()

    # -- tabs -------------------------------------------------------------------

    def _engine_tab(self) -> QWidget:
        """Context size, threads, GPU layers."""
        page = QWidget(self)
        form = QFormLayout(page)
        self.context = QSpinBox(page)
        self.context.setObjectName("settingContext")
        self.context.setRange(512, 131072)
        self.context.setSingleStep(512)
        self.context.setValue(int(get_setting(Key.CONTEXT_SIZE)))
        self.threads = QSpinBox(page)
        self.threads.setObjectName("settingThreads")
        self.threads.setRange(0, 256)
        self.threads.setSpecialValueText(self.tr("Automatic"))
        self.threads.setValue(int(get_setting(Key.THREADS)))
        self.gpu_layers = QComboBox(page)
        self.gpu_layers.setObjectName("settingGpuLayers")
        self.gpu_layers.setEditable(True)
        self.gpu_layers.addItem(self.tr("auto (all layers when a GPU is available)"), "auto")
        self.gpu_layers.addItem(self.tr("0 (CPU only)"), "0")
        current = str(get_setting(Key.GPU_LAYERS))
        index = self.gpu_layers.findData(current)
        if index >= 0:
            self.gpu_layers.setCurrentIndex(index)
        else:
            self.gpu_layers.setEditText(current)
        form.addRow(self.tr("Context size (tokens)"), self.context)
        form.addRow(self.tr("CPU threads"), self.threads)
        form.addRow(self.tr("GPU layers"), self.gpu_layers)
        form.addRow(QLabel(self.tr("Changes here reload the model."), page))
        return page

    def _sampling_tab(self) -> QWidget:
        """Presets per purpose and the custom values."""
        page = QWidget(self)
        form = QFormLayout(page)
        self.preset_boxes: dict[str, QComboBox] = {}
        self.max_tokens: dict[str, QSpinBox] = {}
        names = [presets.CUSTOM, *presets.all_presets()]
        labels = {
            "continue": self.tr("Continue"),
            "chat": self.tr("Chat"),
            "template": self.tr("Templates"),
        }
        for purpose in presets.PURPOSES:
            row = QHBoxLayout()
            box = QComboBox(page)
            box.setObjectName(f"settingPreset_{purpose}")
            own = [presets.TEMPLATE_OWN] if purpose == "template" else []
            for name in own + names:
                label = PRESET_LABELS.get(name)
                box.addItem(self.tr(label) if label else name, name)
            box.setCurrentIndex(max(0, box.findData(presets.preset_for(purpose))))
            tokens = QSpinBox(page)
            tokens.setObjectName(f"settingMaxTokens_{purpose}")
            tokens.setRange(0 if own else 8, 8192)
            if own:  # 0 keeps each template's own length
                tokens.setSpecialValueText(self.tr("Each template's own"))
            tokens.setValue(presets.max_tokens_for(purpose))
            tokens.setSuffix(self.tr(" tokens"))
            if purpose == "chat":
                tip = self.tr("Also used for summaries and the selection tools.")
                box.setToolTip(tip)
                tokens.setToolTip(tip)
            row.addWidget(box, 1)
            row.addWidget(tokens)
            self.preset_boxes[purpose] = box
            self.max_tokens[purpose] = tokens
            form.addRow(labels[purpose], row)
        form.addRow(QLabel(self.tr("Custom values"), page))
        custom = SamplingParams.from_settings()
        self.temperature = self._double(page, "settingTemperature", 0.0, 2.0, custom.temperature)
        self.top_p = self._double(page, "settingTopP", 0.0, 1.0, custom.top_p)
        self.min_p = self._double(page, "settingMinP", 0.0, 1.0, custom.min_p)
        self.repeat_penalty = self._double(
            page, "settingRepeatPenalty", 1.0, 2.0, custom.repeat_penalty
        )
        self.top_k = QSpinBox(page)
        self.top_k.setObjectName("settingTopK")
        self.top_k.setRange(0, 500)
        self.top_k.setValue(custom.top_k)
        self.seed = QSpinBox(page)
        self.seed.setObjectName("settingSeed")
        self.seed.setRange(-1, 2**31 - 1)
        self.seed.setSpecialValueText(self.tr("Random"))
        self.seed.setValue(custom.seed)
        form.addRow(self.tr("Temperature"), self.temperature)
        form.addRow(self.tr("Top-p"), self.top_p)
        form.addRow(self.tr("Top-k"), self.top_k)
        form.addRow(self.tr("Min-p"), self.min_p)
        form.addRow(self.tr("Repeat penalty"), self.repeat_penalty)
        form.addRow(self.tr("Seed"), self.seed)
        self.candidates = QSpinBox(page)
        self.candidates.setObjectName("settingCandidates")
        self.candidates.setRange(1, 6)
        self.candidates.setValue(int(get_setting(Key.CANDIDATES)))
        form.addRow(self.tr("Candidates (Continue with Choices)"), self.candidates)
        self.tint = QCheckBox(self.tr("Tint words the model found unlikely"), page)
        self.tint.setObjectName("settingTintUnlikely")
        self.tint.setChecked(bool(get_setting(Key.TINT_UNLIKELY)))
        form.addRow("", self.tint)
        save_row = QHBoxLayout()
        self.preset_name = QLineEdit(page)
        self.preset_name.setObjectName("settingPresetName")
        self.preset_name.setPlaceholderText(self.tr("Name for a new preset"))
        save = QPushButton(self.tr("Save custom values as preset"), page)
        save.setObjectName("settingSavePreset")
        save.clicked.connect(self._save_preset)
        save_row.addWidget(self.preset_name, 1)
        save_row.addWidget(save)
        form.addRow(save_row)
        return page

    def _double(
        self, parent: QWidget, name: str, low: float, high: float, value: float
    ) -> QDoubleSpinBox:
        """Return a spin box for a float setting."""
        box = QDoubleSpinBox(parent)
        box.setObjectName(name)
        box.setRange(low, high)
        box.setDecimals(2)
        box.setSingleStep(0.05)
        box.setValue(value)
        return box

    def _editor_tab(self) -> QWidget:
        """Font, size, line width, wrap, theme."""
        page = QWidget(self)
        form = QFormLayout(page)
        self.font_family = QFontComboBox(page)
        self.font_family.setObjectName("settingFont")
        family = get_setting(Key.EDITOR_FONT)
        if family:
            self.font_family.setCurrentFont(QFont(str(family)))
        self.font_size = QSpinBox(page)
        self.font_size.setObjectName("settingFontSize")
        self.font_size.setRange(6, 72)
        self.font_size.setValue(int(get_setting(Key.EDITOR_FONT_SIZE, 12)))
        self.line_width = QSpinBox(page)
        self.line_width.setObjectName("settingLineWidth")
        self.line_width.setRange(0, 400)
        self.line_width.setSpecialValueText(self.tr("Window width"))
        self.line_width.setSuffix(self.tr(" characters"))
        self.line_width.setValue(int(get_setting(Key.EDITOR_LINE_WIDTH, 0)))
        self.wrap = QCheckBox(self.tr("Wrap long lines"), page)
        self.wrap.setObjectName("settingWrap")
        self.wrap.setChecked(bool(get_setting(Key.EDITOR_WRAP)))
        self.theme = QComboBox(page)
        self.theme.setObjectName("settingTheme")
        for value, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(get_setting(Key.THEME))))
        form.addRow(self.tr("Font"), self.font_family)
        form.addRow(self.tr("Font size"), self.font_size)
        form.addRow(self.tr("Line width"), self.line_width)
        form.addRow("", self.wrap)
        form.addRow(self.tr("Theme"), self.theme)
        return page

    def _general_tab(self) -> QWidget:
        """Language, autosave, reopening documents, models folder."""
        page = QWidget(self)
        form = QFormLayout(page)
        self.language = QComboBox(page)
        self.language.setObjectName("settingLanguage")
        for value, label in LANGUAGES:
            self.language.addItem(self.tr(label) if value == "system" else label, value)
        self.language.setCurrentIndex(max(0, self.language.findData(get_setting(Key.LANGUAGE))))
        self.autosave = QSpinBox(page)
        self.autosave.setObjectName("settingAutosave")
        self.autosave.setRange(1, 600)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(int(get_setting(Key.AUTOSAVE_SECONDS)))
        self.reopen = QCheckBox(
            self.tr("Reopen the documents that were open when Writer was last closed"), page
        )
        self.reopen.setObjectName("settingReopenDocuments")
        self.reopen.setChecked(bool(get_setting(Key.REOPEN_DOCUMENTS)))
        folder_row = QHBoxLayout()
        self.models_folder = QLineEdit(page)
        self.models_folder.setObjectName("settingModelsFolder")
        self.models_folder.setText(str(get_setting(Key.MODELS_DIR) or ""))
        self.models_folder.setPlaceholderText(self.tr("Default folder"))
        browse = QPushButton(self.tr("Browse…"), page)
        browse.clicked.connect(self._browse_models_folder)
        folder_row.addWidget(self.models_folder, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Autosave after typing pauses for"), self.autosave)
        form.addRow("", self.reopen)
        form.addRow(self.tr("Models folder"), folder_row)
        return page

    # -- values -------------------------------------------------------------------

    def _values(self) -> dict[SettingsGroup, dict]:
        """Return the values shown, grouped by what applying them affects."""
        return {
            SettingsGroup.ENGINE: {
                Key.CONTEXT_SIZE: self.context.value(),
                Key.THREADS: self.threads.value(),
                Key.GPU_LAYERS: self._gpu_layers_value(),
            },
            SettingsGroup.SAMPLING: {
                Key.TEMPERATURE: round(self.temperature.value(), 2),
                Key.TOP_P: round(self.top_p.value(), 2),
                Key.TOP_K: self.top_k.value(),
                Key.MIN_P: round(self.min_p.value(), 2),
                Key.REPEAT_PENALTY: round(self.repeat_penalty.value(), 2),
                Key.SEED: self.seed.value(),
                Key.CANDIDATES: self.candidates.value(),
                Key.TINT_UNLIKELY: self.tint.isChecked(),
                **{
                    f"preset_{p}": b.currentData() or b.currentText()
                    for p, b in self.preset_boxes.items()
                },
                **{f"max_{p}": s.value() for p, s in self.max_tokens.items()},
                **self.context_page.values(),  # read by the next Continue, like sampling
            },
            SettingsGroup.EDITOR: {
                Key.EDITOR_FONT: self.font_family.currentFont().family(),
                Key.EDITOR_FONT_SIZE: self.font_size.value(),
                Key.EDITOR_LINE_WIDTH: self.line_width.value(),
                Key.EDITOR_WRAP: self.wrap.isChecked(),
                Key.AUTOSAVE_SECONDS: self.autosave.value(),
                Key.REOPEN_DOCUMENTS: self.reopen.isChecked(),
            },
            SettingsGroup.THEME: {Key.THEME: self.theme.currentData()},
            SettingsGroup.LANGUAGE: {Key.LANGUAGE: self.language.currentData()},
            SettingsGroup.PATHS: {Key.MODELS_DIR: self.models_folder.text().strip()},
        }

    def _gpu_layers_value(self) -> str:
        """Return the GPU layers choice as stored: "auto" or a whole number."""
        data = self.gpu_layers.currentData()
        text = self.gpu_layers.currentText().strip()
        if data is not None and text == self.gpu_layers.itemText(self.gpu_layers.currentIndex()):
            return str(data)
        number = text.split()[0] if text else "auto"
        return number if number.lstrip("-").isdigit() else "auto"

    def apply(self) -> SettingsChange:
        """Store the changed values; emit and return the changed groups."""
        values = self._values()
        changed = SettingsChange(
            group for group, items in values.items() if items != self._loaded[group]
        )
        for group in changed:
            for key, value in values[group].items():
                if isinstance(key, Key):
                    set_setting(key, value)
                elif key.startswith("preset_"):
                    presets.set_preset_for(key.removeprefix("preset_"), value)
                elif key.startswith("max_"):
                    presets.set_max_tokens_for(key.removeprefix("max_"), value)
        self._loaded = values
        if changed:
            self.applied.emit(changed)
        return changed

    def accept(self) -> None:
        """Apply and close."""
        self.apply()
        super().accept()

    def _save_preset(self) -> None:
        """Save the custom values as a user preset under the typed name."""
        name = self.preset_name.text().strip()
        if not name or name == presets.CUSTOM or name in presets.builtin_presets():
            self.preset_name.setPlaceholderText(self.tr("Type a new, unused name"))
            self.preset_name.clear()
            return
        params = SamplingParams(
            temperature=self.temperature.value(),
            top_p=self.top_p.value(),
            top_k=self.top_k.value(),
            min_p=self.min_p.value(),
            repeat_penalty=self.repeat_penalty.value(),
        )
        presets.save_user_preset(name, params)
        for box in self.preset_boxes.values():
            if box.findData(name) < 0:
                box.addItem(name, name)
        self.preset_name.clear()

    def _browse_models_folder(self) -> None:
        """Choose the models folder."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Models folder"), self.models_folder.text()
        )
        if folder:
            self.models_folder.setText(folder)
