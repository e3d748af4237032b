"""The template dialog, driven like a user would through qtbot (non-modal)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
)

from writer.config import user_templates_dir
from writer.gui.templates.dialog import TemplateDialog

#: A short user template, so the real model writes only a few tokens.
NOTE_TEMPLATE = """\
name = { en = "Short note", zh = "便条" }
description = { en = "A two-sentence note.", zh = "两句话的便条。" }
kind = "prose"
order = 1

[sampling]
max_tokens = 24
seed = 5

[[fields]]
key = "topic"
label = { en = "Topic", zh = "主题" }
default = { en = "the weather", zh = "天气" }

[prompt.en]
instruction = "Write two sentences about {topic}."

[prompt.zh]
instruction = "写两句关于{topic}的话。"
"""

SCENE_TEMPLATE = NOTE_TEMPLATE.replace('kind = "prose"', 'kind = "screenplay"').replace(
    'name = { en = "Short note", zh = "便条" }', 'name = "Tiny scene"'
)


def add_user_template(name: str, text: str) -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")


def open_dialog(window) -> TemplateDialog:
    dialog = window.template_feature.open_dialog(modal=False)
    assert dialog.objectName() == "templateDialog" and not dialog.isModal()
    assert window.findChild(QDialog, "templateDialog") is dialog
    return dialog


def test_fields_preview_and_languages(qtbot, bare_window):
    dialog = open_dialog(bare_window)
    names = dialog.findChild(QListWidget, "templateList")
    dialog.findChild(QComboBox, "templateLanguage").setCurrentIndex(0)
    shown = [names.item(i).text() for i in range(names.count())]
    assert "Poem" in shown and "Screenplay scene" in shown and "Customer reply" in shown
    assert dialog.select("poem")
    form = dialog.findChild(QComboBox, "field_form")
    subject = dialog.findChild(QLineEdit, "field_subject")
    preview = dialog.findChild(QPlainTextEdit, "templatePreview")
    assert form.count() == 7 and subject.text() == "the sea at night"
    form.setCurrentIndex(form.findData("sonnet"))
    subject.clear()
    qtbot.keyClicks(subject, "a lighthouse")
    assert "fourteen lines" in preview.toPlainText()
    assert "a lighthouse" in preview.toPlainText()

    dialog.findChild(QComboBox, "templateLanguage").setCurrentIndex(1)
    assert "诗歌" in [names.item(i).text() for i in range(names.count())]
    assert dialog.template().id == "poem"
    assert dialog.findChild(QLineEdit, "field_subject").text() == "夜晚的大海"
    assert "十四行诗" not in preview.toPlainText()  # the Chinese form starts at its default
    assert "请写" in preview.toPlainText()


def test_the_action_opens_the_dialog_and_broken_templates_are_named(qtbot, bare_window):
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.toml").write_text("name = \n", encoding="utf-8")
    bare_window.findChild(QAction, "actionNewFromTemplate").trigger()
    dialog = bare_window.findChild(QDialog, "templateDialog")
    assert dialog is not None and dialog.isVisible()
    errors = dialog.findChild(type(dialog.errors), "templateErrors")
    assert "broken.toml:1" in errors.text()
    dialog.close()


def test_writes_into_a_new_document_and_one_undo_removes_it(qtbot, window, answers):
    add_user_template("note", NOTE_TEMPLATE)
    tabs_before = window.tabs.count()
    dialog = open_dialog(window)
    dialog.set_language("en")
    assert dialog.select("note")
    dialog.findChild(QRadioButton, "templateNewDocument").setChecked(True)
    topic = dialog.findChild(QLineEdit, "field_topic")
    topic.setText("autumn leaves")
    with qtbot.waitSignal(window.stream.finished, timeout=120_000) as done:
        qtbot.mouseClick(dialog.findChild(QPushButton, "templateWrite"), Qt.MouseButton.LeftButton)
        assert window.action("actionStop").isEnabled()
    assert done.args[1].tokens > 0
    assert window.tabs.count() == tabs_before + 1
    editor = window.current_editor()
    text = editor.toPlainText()
    assert text.strip() and editor.is_marked()
    assert not dialog.isVisible()
    editor.undo()
    assert editor.toPlainText() == ""
    assert answers.errors == []

    again = TemplateDialog(window, modal=False)
    qtbot.addWidget(again)
    assert again.template().id == "note"
    assert again.findChild(QLineEdit, "field_topic").text() == "autumn leaves"


def test_writes_at_the_cursor_and_one_undo_removes_it(qtbot, window):
    add_user_template("note", NOTE_TEMPLATE)
    editor = window.current_editor()
    editor.setPlainText("My draft.")
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    dialog = open_dialog(window)
    dialog.set_language("en")
    dialog.select("note")
    dialog.findChild(QRadioButton, "templateAtCursor").setChecked(True)
    with qtbot.waitSignal(window.stream.finished, timeout=120_000):
        job_id = dialog.write()
    assert job_id is not None
    assert window.current_editor() is editor
    text = editor.toPlainText()
    assert text.startswith("My draft.\n\n") and len(text.strip()) > len("My draft.")
    editor.undo()
    assert editor.toPlainText() == "My draft."


def test_a_screenplay_template_makes_a_fountain_document(qtbot, window):
    from writer.gui.widgets.fountain_highlighter import FountainHighlighter

    add_user_template("tiny_scene", SCENE_TEMPLATE)
    dialog = open_dialog(window)
    dialog.select("tiny_scene")
    dialog.findChild(QRadioButton, "templateNewDocument").setChecked(True)
    with qtbot.waitSignal(window.stream.finished, timeout=120_000):
        dialog.write()
    editor = window.current_editor()
    assert editor.state.form == "screenplay"
    assert editor.document().findChild(FountainHighlighter) is not None


def test_without_a_model_the_dialog_says_why(qtbot, bare_window, answers):
    dialog = open_dialog(bare_window)
    tabs = bare_window.tabs.count()
    assert dialog.write() is None
    assert answers.errors and answers.errors[0][0] == "Cannot write"
    assert bare_window.tabs.count() == tabs
