"""Settings: the dialog's round trip, live application, presets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit

from writer.config import Key, get_setting, settings_path
from writer.core import presets
from writer.gui.widgets.themes import is_dark


def open_dialog(window):
    dialog = window.settings_feature.open(modality=Qt.WindowModality.NonModal)
    assert dialog.objectName() == "settingsDialog"
    assert isinstance(dialog, QDialog) and not dialog.isModal()
    return dialog


def test_round_trip_through_the_ini_file(bare_window):
    dialog = open_dialog(bare_window)
    dialog.context.setValue(2048)
    dialog.temperature.setValue(0.55)
    dialog.seed.setValue(99)
    dialog.preset_boxes["chat"].setCurrentText("Precise")
    dialog.max_tokens["template"].setValue(321)
    dialog.autosave.setValue(7)
    changed = dialog.apply()
    assert {"engine", "sampling", "editor"} <= changed
    assert settings_path().is_file()
    text = settings_path().read_text()
    assert "context_size=2048" in text
    assert get_setting(Key.TEMPERATURE) == 0.55
    assert get_setting(Key.SEED) == 99
    assert presets.preset_for("chat") == "Precise"
    params = presets.sampling_for("chat")
    assert params.temperature == presets.builtin_presets()["Precise"]["temperature"]
    assert presets.sampling_for("template").max_tokens == 321
    assert presets.sampling_for("continue").temperature == 0.55  # Custom by default
    again = open_dialog(bare_window)
    assert again.context.value() == 2048 and again.autosave.value() == 7
    assert again.apply() == set()


def test_editor_settings_apply_at_once(bare_window):
    dialog = open_dialog(bare_window)
    dialog.font_size.setValue(19)
    dialog.wrap.setChecked(False)
    dialog.apply()
    editor = bare_window.findChild(QPlainTextEdit, "editor")
    assert editor.font().pointSizeF() == 19
    assert editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    new = bare_window.new_document("x")
    assert new.font().pointSizeF() == 19


def test_theme_switch(bare_window):
    dialog = open_dialog(bare_window)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.apply()
    palette = QApplication.instance().palette()
    assert palette.base().color().lightness() < 80
    assert is_dark("dark")
    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    dialog.apply()
    assert QApplication.instance().palette().base().color().lightness() > 200


def test_engine_change_reloads_the_model(qtbot, window):
    dialog = open_dialog(window)
    dialog.context.setValue(2048)
    with qtbot.waitSignal(window.engine.modelLoaded, timeout=60_000) as loaded:
        dialog.apply()
    assert loaded.args[0].n_ctx == 2048


def test_user_preset_is_saved_and_offered(bare_window):
    dialog = open_dialog(bare_window)
    dialog.temperature.setValue(1.3)
    dialog.preset_name.setText("Wild")
    dialog.findChild(type(dialog.buttons.buttons()[0]), "settingSavePreset").click()
    assert presets.user_presets()["Wild"]["temperature"] == 1.3
    assert dialog.preset_boxes["continue"].findText("Wild") >= 0
    dialog.preset_boxes["continue"].setCurrentText("Wild")
    dialog.temperature.setValue(0.2)
    dialog.apply()
    assert presets.sampling_for("continue").temperature == 1.3


def test_highlighting_is_readable_in_both_themes(bare_window):
    editor = bare_window.current_editor()
    for theme in ("dark", "light"):
        dialog = open_dialog(bare_window)
        dialog.theme.setCurrentIndex(dialog.theme.findData(theme))
        dialog.apply()
        background = QApplication.instance().palette().base().color()
        heading = editor.highlighter.formats["heading"].foreground().color()
        # Lightness contrast of at least 80 out of 255 between heading text and background.
        assert abs(heading.lightness() - background.lightness()) >= 80, theme
