"""The Chinese interface: every visible string translated, switching at run time."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from writer.config import Key, set_setting
from writer.i18n import apply_language, catalogue_source

ROOT = Path(__file__).resolve().parent.parent
#: Texts that read the same in Chinese: names, formats, shortcuts, numbers.
SAME_IN_CHINESE = re.compile(
    r"^([\W\d_]*|Writer|GGUF|UTF-8|Q\d\w*|Markdown|Fountain|HTML|Top-[pk]|Min-p|"
    r"简体中文|English|[A-Z]{1,4}|Ctrl\+.*|[\w.-]+\.(gguf|md|txt))$"
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
    subprocess.run([str(lupdate), *files, "-locations", "none", "-ts", str(fresh)],
                   check=True, capture_output=True)
    committed = {(ctx, src): tr for ctx, src, tr in messages(catalogue_source("zh_CN"))}
    missing, unfinished = [], []
    for ctx, src, _tr in messages(fresh):
        translation = committed.get((ctx, src))
        if translation is None:
            missing.append(f"{ctx}: {src}")
        elif translation.get("type") in ("unfinished", "vanished", "obsolete") or (not (
            translation.text or "").strip() and not translation.findall("numerusform")):
            unfinished.append(f"{ctx}: {src}")
    assert not missing, "run `python -m writer.i18n update`; not in the catalogue:\n" + "\n".join(
        missing[:30])
    assert not unfinished, "untranslated in writer_zh_CN.ts:\n" + "\n".join(unfinished[:30])


def test_no_context_is_a_variable_name():
    """`window.tr(...)` from outside a class gives lupdate a context Qt never asks for."""
    contexts = {ctx for ctx, _src, _tr in messages(catalogue_source("zh_CN"))}
    assert not {c for c in contexts if not re.fullmatch(r"[A-Z]\w*", c or "")}


def visible_texts(widget: QWidget) -> list[str]:
    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if isinstance(child, QAbstractButton | QLabel | QGroupBox):
            texts.append(child.title() if isinstance(child, QGroupBox) else child.text())
        if isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        if isinstance(child, QTabWidget):
            texts.extend(child.tabText(i) for i in range(child.count()))
    return texts


def english_leftovers(texts: list[str]) -> list[str]:
    leftovers = []
    for text in texts:
        plain = re.sub(r"<[^>]+>", " ", text).replace("&", "").strip()
        if not plain or SAME_IN_CHINESE.match(plain):
            continue
        if re.search(r"[A-Za-z]{3,}", plain) and not re.search(r"[\u4e00-\u9fff]", plain):
            leftovers.append(plain)
    return leftovers


@pytest.fixture
def chinese(qapp):
    set_setting(Key.LANGUAGE, "zh_CN")
    assert apply_language("zh_CN") == "zh_CN"
    yield
    apply_language("en")


def test_menus_and_actions_are_chinese(chinese, qtbot):
    from writer.gui.main_window import MainWindow

    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    titles = [menu.title() for menu in window.menuBar().findChildren(QMenu)]
    actions = [a.text() for menu in window.menus.values() for a in menu.actions() if a.text()]
    assert english_leftovers(titles + actions) == []
    assert english_leftovers(visible_texts(window)) == []
    window.engine.shutdown()


def test_dialogs_are_chinese(chinese, qtbot):
    from writer.gui.main_window import MainWindow

    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    modal = Qt.WindowModality.NonModal
    dialogs: list[QWidget] = [
        window.settings_feature.open(modality=modal),
        window.models.open_manager(modality=modal),
        window.help.show_about(modality=modal),
    ]
    for dialog in dialogs:
        leftovers = english_leftovers(visible_texts(dialog))
        if isinstance(dialog, QDialog) and dialog.objectName() == "aboutDialog":
            leftovers = [t for t in leftovers if "Writer" not in t]  # version table
        assert leftovers == [], dialog.objectName()
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
    dialog = window.settings_feature.open(modality=Qt.WindowModality.NonModal)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.apply()
    QApplication.processEvents()
    assert file_menu.title() == "&File"
    window.engine.shutdown()
