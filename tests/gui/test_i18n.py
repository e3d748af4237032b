"""The Chinese interface: every visible string translated, switching at run time."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from writer.i18n import catalogue_source

ROOT = Path(__file__).resolve().parents[2]
#: Texts that read the same in Chinese: names, formats, shortcuts, numbers, and the status
#: bar's encoding and line endings ("UTF-8 · LF").
SAME_IN_CHINESE = re.compile(
    r"^([\W\d_]*|Writer|GGUF|UTF-8|Q\d\w*|Markdown|Fountain|HTML|Top-[pk]|Min-p|"
    r"简体中文|English|[A-Z]{1,4}|Ctrl\+.*|[\w.-]+\.(gguf|md|txt)|[\w.-]+ · (LF|CRLF|CR))$"
)


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(path)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found.append((name, message.findtext("source"), message.find("translation")))
    return found


def test_catalogue_is_complete_and_current(tmp_path: Path):
    """Every string in the code is in the Chinese catalogue, with a finished translation."""
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "writer").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), *files, "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    committed = {(ctx, src): tr for ctx, src, tr in messages(catalogue_source("zh_CN"))}
    missing, unfinished = [], []
    for ctx, src, _tr in messages(fresh):
        translation = committed.get((ctx, src))
        if translation is None:
            missing.append(f"{ctx}: {src}")
        elif translation.get("type") in ("unfinished", "vanished", "obsolete") or (
            not (translation.text or "").strip() and not translation.findall("numerusform")
        ):
            unfinished.append(f"{ctx}: {src}")
    assert not missing, "run `python -m writer.i18n update`; not in the catalogue:\n" + "\n".join(
        missing[:30]
    )
    assert not unfinished, "untranslated in writer_zh_CN.ts:\n" + "\n".join(unfinished[:30])


def test_no_context_is_a_variable_name():
    """`window.tr(...)` from outside a class gives lupdate a context Qt never asks for."""
    contexts = {ctx for ctx, _src, _tr in messages(catalogue_source("zh_CN"))}
    assert not {c for c in contexts if not re.fullmatch(r"[A-Z]\w*", c or "")}


def visible_texts(widget: QWidget) -> list[str]:
    """Return the texts ``widget`` shows: labels, buttons, tabs, choices, column headers."""
    texts = [widget.windowTitle()] if widget.isWindow() or isinstance(widget, QDockWidget) else []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if isinstance(child, QAbstractButton | QLabel | QGroupBox):
            texts.append(child.title() if isinstance(child, QGroupBox) else child.text())
        if isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        if isinstance(child, QTabWidget):
            texts.extend(child.tabText(i) for i in range(child.count()))
        if isinstance(child, QComboBox) and not isinstance(child, QFontComboBox | QLineEdit):
            texts.extend(child.itemText(i) for i in range(child.count()))  # not font names
        if isinstance(child, QTreeWidget):
            header = child.headerItem()
            texts.extend(header.text(i) for i in range(header.columnCount()))
    return texts


def field_labels(dialog: QWidget) -> set[str]:
    """Return the labels a template's field rows are built from (the template's own data)."""
    return {
        label.text()
        for form in dialog.findChildren(QFormLayout)
        for row in range(form.rowCount())
        if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
        and isinstance(label := item.widget(), QLabel)
    }


def english_leftovers(texts: list[str]) -> list[str]:
    leftovers = []
    for text in texts:
        plain = re.sub(r"<[^>]+>", " ", text).replace("&", "").strip()
        if not plain or SAME_IN_CHINESE.match(plain):
            continue
        if re.search(r"[A-Za-z]{3,}", plain) and not re.search(r"[\u4e00-\u9fff]", plain):
            leftovers.append(plain)
    return leftovers


def test_menus_and_actions_are_chinese(chinese, qtbot):
    from writer.gui.main_window import MainWindow

    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    titles = [menu.title() for menu in window.menuBar().findChildren(QMenu)]
    actions = [a.text() for menu in window.menus.values() for a in menu.actions() if a.text()]
    assert english_leftovers(titles + actions) == []
    assert english_leftovers(visible_texts(window)) == []
    window.engine.shutdown()


def test_dialogs_are_chinese(chinese, qtbot, tmp_path: Path):
    from writer.core.recovery import RecoveryStore
    from writer.gui.documents.recovery_dialog import RecoveryDialog
    from writer.gui.main_window import MainWindow

    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    modal = Qt.WindowModality.NonModal
    store = RecoveryStore(tmp_path / "recovery")
    store.save("draft", "山雨欲来风满楼。", {"title": "Untitled"})
    recovery = RecoveryDialog(store, parent=window, modality=modal)
    recovery.show()
    dialogs: list[QWidget] = [
        window.settings_feature.open(modality=modal),
        window.models.open_manager(modality=modal),
        window.help.show_about(modality=modal),
        window.models.open_hub(search_on_open=False),
        window.template_feature.open_dialog(modal=False),
        recovery,
        window.assistant,
    ]
    for dialog in dialogs:
        texts = visible_texts(dialog)
        for tabs in dialog.findChildren(QTabWidget):  # every page of the settings
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                texts += visible_texts(dialog)
        if dialog.objectName() == "templateDialog":  # field names come from the template files
            texts = [t for t in texts if t not in field_labels(dialog)]
        leftovers = english_leftovers(texts)
        if isinstance(dialog, QDialog) and dialog.objectName() == "aboutDialog":
            leftovers = [t for t in leftovers if "Writer" not in t]  # version table
        assert leftovers == [], dialog.objectName()
    assert "未命名" in recovery.list.item(0).text()
    window.models.hub.shutdown()
    window.engine.shutdown()


def test_switching_language_at_run_time_updates_menus(qtbot):
    from writer.gui.main_window import MainWindow

    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    file_menu = window.menu("file")
    assert file_menu.title() == "&File"
    dialog = window.settings_feature.open(modality=Qt.WindowModality.NonModal)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.apply()
    QApplication.processEvents()
    assert "文件" in file_menu.title()
    assert "继续" in window.action("actionContinue").text()
    # the features' own actions, docks and labels follow too
    dialog.close()
    actions = [a.text() for menu in window.menus.values() for a in menu.actions() if a.text()]
    assert english_leftovers(actions) == []
    assert english_leftovers(visible_texts(window)) == []
    assert window.assistant.windowTitle() == "助手"
    dialog = window.settings_feature.open(modality=Qt.WindowModality.NonModal)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.apply()
    QApplication.processEvents()
    assert file_menu.title() == "&File"
    assert window.assistant.send_button.text() == "Send"
    assert window.action("actionFind").text() == "&Find…"
    window.engine.shutdown()
