"""Writing Chinese in the window: the starter on a Chinese first start, limits, figures."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QPushButton, QRadioButton, QTreeWidget

from tests.conftest import require_starter
from writer.config import Key, set_setting
from writer.core import starter_model
from writer.core.quality import PassageScore, QualityFigures, figures_for, save_figures

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese_window(qtbot, model_path: Path, starter_file: Path, writer_home: Path) -> Iterator:
    """A window started for the first time with the interface in 简体中文."""
    from writer.gui.app import create_application
    from writer.gui.main_window import MainWindow
    from writer.i18n import apply_language

    (writer_home / "models").mkdir(exist_ok=True)
    set_setting(Key.LANGUAGE, "zh_CN")
    set_setting(Key.SEED, 1)  # the same poem every run (its content is the model's)
    create_application()
    apply_language("zh_CN")
    win = MainWindow()
    qtbot.addWidget(win)
    try:
        yield win
    finally:
        win.engine.shutdown()
        apply_language("en")


@pytest.mark.model
def test_a_chinese_first_start_loads_the_starter_and_writes_a_qiyan_jueju(
    qtbot, chinese_window, starter_file: Path
):
    """Fresh home, 简体中文: the starter loads, its terms are offered; 七言绝句 gives 4 lines."""
    window = chinese_window
    with qtbot.waitSignal(window.engine.modelLoaded, timeout=180_000) as loaded:
        pass
    assert loaded.args[0].path.name == starter_model.CHINESE_STARTER.file_name
    notice = window.chinese
    assert notice.showing == "starter"
    assert notice.terms.isVisibleTo(window) and "Gemma" in notice.text.text()
    terms = notice.show_terms(modality=Qt.WindowModality.NonModal)
    qtbot.addWidget(terms)
    assert (
        terms.findChild(QPlainTextEdit, "licenceText")
        .toPlainText()
        .startswith("Gemma Terms of Use")
    )
    terms.close()

    dialog = window.template_feature.open_dialog(modal=False)
    dialog.set_language("zh")
    assert dialog.select("poem")
    form = dialog.findChild(QComboBox, "field_form")
    form.setCurrentIndex(form.findData("qiyan_jueju"))
    dialog.findChild(QRadioButton, "templateNewDocument").setChecked(True)
    with qtbot.waitSignal(window.stream.finished, timeout=300_000):
        dialog.findChild(QPushButton, "templateWrite").click()
    lines = [line for line in window.current_editor().toPlainText().splitlines() if line.strip()]
    assert len(lines) == 4, lines
    for line in lines:  # Chinese characters, whatever the model made of the form
        assert len(HAN.findall(line)) >= len(line.strip()) / 2, line
    report = window.status.currentMessage()
    lengths = " ".join(str(len(HAN.findall(line))) for line in lines)
    assert lengths in report, report  # the form check reports the line lengths
    assert "\ufffd" not in window.current_editor().toPlainText()


@pytest.mark.model
def test_an_english_model_on_chinese_says_so_once(qtbot, window, answers):
    """Continue on a Chinese document with SmolLM2: one notice with a way to a Chinese model."""
    notice = window.chinese
    editor = window.current_editor()
    editor.setPlainText("我冒了严寒，回到相隔二千余里，别了二十余年的故乡去。")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.stream.finished, timeout=120_000):
        window.continue_writing()
    assert notice.showing == "limits"
    assert "SmolLM2" in notice.text.text()
    assert notice.get_model.isVisibleTo(window)
    notice.dismiss.click()
    with qtbot.waitSignal(window.stream.finished, timeout=120_000):
        window.continue_writing()
    assert notice.showing == ""  # once per model
    hub = notice.get_chinese_model()
    qtbot.addWidget(hub)
    tree = hub.findChild(QTreeWidget, "hubResults")
    current = tree.currentItem()
    assert current is not None and "Qwen2.5" in current.text(0)
    hub.shutdown()


def test_english_requests_say_nothing(qtbot, window):
    """Continue on English text with an English model: no notice."""
    editor = window.current_editor()
    editor.setPlainText("It is a truth universally acknowledged.")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.stream.finished, timeout=120_000):
        window.continue_writing()
    assert window.chinese.showing == ""


@pytest.mark.model
def test_model_manager_shows_the_last_figures_and_measures(qtbot, window, model_path: Path):
    """Stored figures appear in the list; Measure scores the model in use and stores them."""
    scores = {"en": PassageScore(376, 78, 390.0), "zh": PassageScore(258, 465, 1798.0)}
    save_figures(QualityFigures.from_scores(model_path, scores, tokens_per_s=90))
    manager = window.models.open_manager(modality=Qt.WindowModality.NonModal)
    qtbot.addWidget(manager)
    assert manager.select_path(model_path)
    row = manager.model_list.currentItem()
    cells = [row.text(c) for c in range(manager.model_list.columnCount())]
    assert cells[6:11] == ["en", "1.04", "6.97", "1.80", "90"]
    with qtbot.waitSignal(window.engine.finished, timeout=300_000):
        manager.measure_button.click()
    measured = figures_for(model_path)
    assert measured is not None and measured.bits_per_char_zh > measured.bits_per_char_en > 0


def test_starter_needs_its_packages():
    """The starter counts as installed only with its chunk packages."""
    require_starter()
    assert starter_model.chunk_files() is not None


def test_no_model_banner_offers_chinese_models(qtbot, monkeypatch):
    """With no model, the banner offers the starter and the biggest Qwen2.5 that fits."""
    require_starter()
    import writer.gui.main_window as main_window
    from writer.errors import NoModelError

    def no_model(*_args, **_kwargs):
        raise NoModelError("No model found.")

    import writer.gui.models.model_status as model_status

    monkeypatch.setattr(model_status, "choose_model", no_model)
    window = main_window.MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "firstRunChinese").isVisible())
    offer = window.findChild(QPushButton, "firstRunChinese")
    assert "Qwen2.5" in offer.text() and "Instruct" in offer.text()
    assert window.findChild(QPushButton, "firstRunStarter").isVisible()
    hub = window.models.hub
    assert hub is None
    offer.click()
    assert window.models.hub is not None
    current = window.models.hub.findChild(QTreeWidget, "hubResults").currentItem()
    assert current is not None and "Qwen2.5" in current.text(0)
    window.models.hub.shutdown()
    window.engine.shutdown()


def test_a_chinese_template_or_chat_question_is_a_chinese_request():
    """A template written in Chinese, and a chat turn asked in Chinese, count as Chinese."""
    from writer.core.chat_prompt import ChatTurn
    from writer.core.templates import load_templates
    from writer.engine.assistant_jobs import ChatJob
    from writer.engine.template_jobs import TemplateJob
    from writer.gui.models.chinese import request_is_chinese

    poem = load_templates().get("poem")
    assert request_is_chinese(TemplateJob(poem, lang="zh")) is True
    assert request_is_chinese(TemplateJob(poem, lang="en")) is False
    turns = [ChatTurn("What is a jueju?", reply="A short poem."), ChatTurn("请写一首关于秋天的诗")]
    assert request_is_chinese(ChatJob(turns)) is True
    assert request_is_chinese(ChatJob(turns, index=0)) is False  # the turn it answers
    about = ChatTurn("What does this mean?", context="床前明月光，疑是地上霜。")
    assert request_is_chinese(ChatJob([about])) is True


@pytest.mark.model
def test_a_chinese_chat_question_to_an_english_model_says_so(qtbot, window):
    """Asking SmolLM2 in Chinese in the chat panel shows the model's limits, once."""
    from PySide6.QtWidgets import QLineEdit

    window.current_editor().setPlainText("It was a quiet morning.")  # the draft is English
    window.findChild(QLineEdit, "chatInput").setText("请写一句关于秋天的话")
    with qtbot.waitSignal(window.engine.finished, timeout=120_000):
        qtbot.mouseClick(window.findChild(QPushButton, "chatSend"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.chinese.showing == "limits", timeout=30_000)
        window.action("actionStop").trigger()
    assert "SmolLM2" in window.chinese.text.text()
    assert window.chinese.get_model.isVisibleTo(window)


@pytest.mark.model
def test_a_chinese_document_at_start_loads_the_starter_with_an_english_interface(
    qtbot, model_path: Path, starter_file: Path, writer_home: Path, tmp_path: Path
):
    """English interface, no model chosen yet, a Chinese document opened at start: the starter."""
    import os

    from writer.gui.main_window import MainWindow

    models = writer_home / "models"
    models.mkdir(exist_ok=True)
    marker = starter_file.with_name(f".{starter_file.name}.verified")
    try:  # the file assembled once this session, instead of joining its chunks again
        os.link(starter_file, models / starter_file.name)
        (models / marker.name).write_bytes(marker.read_bytes())
    except OSError:
        pass  # another file system: the first start joins the chunks itself
    set_setting(Key.LANGUAGE, "en")
    story = tmp_path / "guxiang.txt"
    story.write_text("我冒了严寒，回到相隔二千余里，别了二十余年的故乡去。\n", encoding="utf-8")
    window = MainWindow([story])
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.engine.modelLoaded, timeout=180_000) as loaded:
            pass
        assert loaded.args[0].path.name == starter_model.CHINESE_STARTER.file_name
        assert window.current_editor().toPlainText().startswith("我冒了严寒")
        assert window.chinese.showing == "starter"
    finally:
        window.engine.shutdown()
