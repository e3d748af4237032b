"""Settings in the window: the dialog, and applying changes without a restart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPlainTextEdit

from writer.config import Key, SettingsChange, SettingsGroup, get_setting
from writer.gui.settings.dialog import SettingsDialog
from writer.gui.widgets.themes import apply_theme

if TYPE_CHECKING:
    from writer.gui.host import Host
    from writer.gui.widgets.editor import Editor


def apply_editor_settings(editor: Editor) -> None:
    """Apply font, size, wrap and line width to one editor."""
    family = get_setting(Key.EDITOR_FONT)
    font = QFont(str(family)) if family else QFont(editor.font())
    font.setPointSizeF(float(get_setting(Key.EDITOR_FONT_SIZE)))
    editor.setFont(font)
    wrap = bool(get_setting(Key.EDITOR_WRAP))
    editor.setLineWrapMode(
        QPlainTextEdit.LineWrapMode.WidgetWidth if wrap else QPlainTextEdit.LineWrapMode.NoWrap
    )
    editor.set_line_width(int(get_setting(Key.EDITOR_LINE_WIDTH)))


class SettingsFeature(QObject):
    """Opens the settings dialog and applies what changed."""

    def __init__(self, window: Host) -> None:
        super().__init__(window.parent_widget())
        self.window = window
        self.dialog: SettingsDialog | None = None
        window.action("actionSettings").triggered.connect(lambda: self.open())
        window.signals.editorCreated.connect(apply_editor_settings)
        apply_theme(str(get_setting(Key.THEME)))

    def open(
        self, modality: Qt.WindowModality = Qt.WindowModality.ApplicationModal
    ) -> SettingsDialog:
        """Show the settings dialog."""
        self.dialog = SettingsDialog(self.window.parent_widget(), modality=modality)
        self.dialog.applied.connect(self.apply)
        self.dialog.show()
        return self.dialog

    def apply(self, changed: SettingsChange) -> None:
        """Apply changed setting groups at once, then tell the other features."""
        window = self.window
        if SettingsGroup.EDITOR in changed:
            for editor in window.editors():
                apply_editor_settings(editor)
        if SettingsGroup.THEME in changed:
            apply_theme(str(get_setting(Key.THEME)))
            for editor in window.editors():
                editor.refresh_mark()
                highlighter = getattr(editor, "highlighter", None)
                if highlighter is not None and hasattr(highlighter, "refresh_colours"):
                    highlighter.refresh_colours()
        if SettingsGroup.LANGUAGE in changed:
            from writer.i18n import apply_language

            apply_language(str(get_setting(Key.LANGUAGE)))  # widgets get a LanguageChange event
            window.signals.languageChanged.emit(str(get_setting(Key.LANGUAGE)))
        model = window.engine.model
        if SettingsGroup.ENGINE in changed and model is not None and not model.is_remote:
            window.status.showMessage(self.tr("Reloading the model with the new settings…"), 5000)
            window.load_model(model.path)
        window.signals.settingsChanged.emit(changed)
