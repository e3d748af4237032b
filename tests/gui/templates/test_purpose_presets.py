"""Chat and templates run with the preset and length chosen for them (issue 11, item 2)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QPushButton, QSpinBox

from tests.gui_helpers import spy_on_jobs
from writer.config import Key, set_setting
from writer.core import presets
from writer.gui.templates.dialog import TemplateDialog

PRECISE = presets.builtin_presets()["Precise"]


def choose_in_settings(qtbot, window, purpose: str, preset: str, tokens: int) -> None:
    """Pick ``preset`` and a length for ``purpose`` in Settings and press OK."""
    dialog = window.settings_feature.open(modality=Qt.WindowModality.NonModal)
    box = dialog.findChild(QComboBox, f"settingPreset_{purpose}")
    box.setCurrentIndex(box.findData(preset))
    dialog.findChild(QSpinBox, f"settingMaxTokens_{purpose}").setValue(tokens)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_chat_runs_with_its_own_preset_and_length(qtbot, window, monkeypatch):
    set_setting(Key.MAX_TOKENS, 30)  # Continue's length: not the chat's
    choose_in_settings(qtbot, window, "chat", "Precise", 77)
    jobs = spy_on_jobs(window, monkeypatch)
    window.findChild(QLineEdit, "chatInput").setText("Name a colour.")
    with qtbot.waitSignal(window.engine.finished, timeout=120_000) as done:
        qtbot.mouseClick(window.findChild(QPushButton, "chatSend"), Qt.MouseButton.LeftButton)
    params = jobs[-1].params
    assert params.max_tokens == 77 and params.temperature == PRECISE["temperature"]
    assert params.top_k == PRECISE["top_k"]
    assert 0 < done.args[1].tokens <= 77


def test_templates_run_with_their_own_preset_and_length(qtbot, window, monkeypatch):
    choose_in_settings(qtbot, window, "template", "Precise", 40)
    jobs = spy_on_jobs(window, monkeypatch)
    dialog = TemplateDialog(window, modal=False)
    qtbot.addWidget(dialog)
    dialog.set_language("en")
    assert dialog.select("poem")
    with qtbot.waitSignal(window.stream.finished, timeout=120_000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "templateWrite"), Qt.MouseButton.LeftButton)
    params = jobs[-1].sampling()
    assert params.max_tokens == 40 and params.temperature == PRECISE["temperature"]


def test_templates_keep_their_own_values_unless_the_writer_chose(bare_window):
    assert presets.preset_for("template") == presets.TEMPLATE_OWN
    assert presets.template_overrides() == {}
    dialog = bare_window.settings_feature.open(modality=Qt.WindowModality.NonModal)
    tokens = dialog.findChild(QSpinBox, "settingMaxTokens_template")
    assert tokens.value() == 0 and tokens.text() == "Each template's own"
    dialog.close()
