"""A writer's choice in the window: the Candidates panel, takes, alternatives (real model)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QFrame, QLabel, QMenu

from tests.gui_helpers import STORY, action, type_story
from writer.config import Key, SettingsGroup, set_setting
from writer.core.sidecar import load_sidecar

if TYPE_CHECKING:
    from pathlib import Path


def write_candidates(qtbot, window, count: int = 3) -> list[str]:
    set_setting(Key.CANDIDATES, count)
    with qtbot.waitSignal(window.engine.finished, timeout=120_000):
        action(window, "actionContinueChoices").trigger()
    panel = window.findChild(QDockWidget, "candidatesPanel")
    assert panel is not None and not panel.isHidden()
    cards = [window.findChild(QFrame, f"candidate_{n}") for n in range(1, count + 1)]
    assert all(card is not None for card in cards)
    return [card.text() for card in cards]


def test_stable_names(bare_window):
    assert action(bare_window, "actionPreviousTake").shortcut() == QKeySequence("Ctrl+Alt+Left")
    assert action(bare_window, "actionNextTake").shortcut() == QKeySequence("Ctrl+Alt+Right")
    assert action(bare_window, "actionShowAlternatives").isCheckable()
    assert action(bare_window, "actionContinueChoices") is not None


def show_focused(qtbot, window, editor) -> None:
    """Show the window with the editor focused, so that its keys reach the shortcuts."""
    window.show()
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=5_000)


def test_choosing_the_second_candidate_inserts_exactly_its_text(qtbot, window):
    set_setting(Key.MAX_TOKENS, 16)
    editor = type_story(window)
    texts = write_candidates(qtbot, window)
    assert all(text.strip() for text in texts) and len(set(texts)) == 3
    card = window.findChild(QFrame, "candidate_2")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() == STORY + texts[1]
    label = window.findChild(QLabel, "statusTakes")
    assert not label.isHidden() and label.text() == "‹ 2/3 ›"
    editor.undo()
    assert editor.toPlainText() == STORY


def test_stop_ends_all_candidates(qtbot, window):
    """Esc, pressed while three candidates stream, ends all of them within 200 ms."""
    set_setting(Key.MAX_TOKENS, 400)
    set_setting(Key.CANDIDATES, 3)
    editor = type_story(window)
    show_focused(qtbot, window, editor)
    panel = window.findChild(QDockWidget, "candidatesPanel")
    action(window, "actionContinueChoices").trigger()
    qtbot.waitUntil(lambda: any(card.text() for card in panel.cards), timeout=60_000)
    asked = time.perf_counter()
    with qtbot.waitSignal(window.engine.finished, timeout=5_000) as done:
        qtbot.keyClick(QApplication.focusWidget() or editor, Qt.Key.Key_Escape)
    assert time.perf_counter() - asked < 0.2
    assert done.args[1].stop_reason == "cancelled"
    assert not window.engine.is_busy


def test_regenerate_twice_then_back_twice_restores_the_first_take(qtbot, window, tmp_path: Path):
    set_setting(Key.MAX_TOKENS, 12)
    editor = type_story(window)
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        action(window, "actionContinue").trigger()
    first = editor.toPlainText()
    for _ in range(2):
        with qtbot.waitSignal(window.stream.finished, timeout=60_000):
            action(window, "actionRegenerate").trigger()
    label = window.findChild(QLabel, "statusTakes")
    assert label.text() == "‹ 3/3 ›"
    action(window, "actionPreviousTake").trigger()
    action(window, "actionPreviousTake").trigger()
    assert editor.toPlainText().encode() == first.encode()
    assert label.text() == "‹ 1/3 ›"
    editor.undo()  # one undo per swap
    assert label.text() == "‹ 2/3 ›"
    action(window, "actionPreviousTake").trigger()
    assert editor.toPlainText() == first

    path = tmp_path / "story.txt"
    editor.state.path = path
    assert window.save_document(editor)
    assert len(load_sidecar(path)["takes"][0]["takes"]) == 3
    window.close_editor(editor)
    reopened = window.open_document(path)
    cursor = reopened.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    reopened.setTextCursor(cursor)
    assert label.text() == "‹ 1/3 ›"
    action(window, "actionNextTake").trigger()
    assert reopened.toPlainText() != first and reopened.toPlainText().startswith(STORY)


def test_an_edit_inside_a_passage_drops_its_takes_but_not_its_text(qtbot, window):
    set_setting(Key.MAX_TOKENS, 12)
    editor = type_story(window)
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        action(window, "actionContinue").trigger()
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        action(window, "actionRegenerate").trigger()
    label = window.findChild(QLabel, "statusTakes")
    assert not label.isHidden()
    cursor = editor.textCursor()
    cursor.setPosition(len(STORY) + 2)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "x")
    text = editor.toPlainText()
    assert label.isHidden()
    action(window, "actionPreviousTake").trigger()
    assert editor.toPlainText() == text


def test_alternatives_reroll_keeps_the_text_before_the_word(qtbot, window):
    set_setting(Key.MAX_TOKENS, 16)
    action(window, "actionShowAlternatives").setChecked(True)
    editor = type_story(window)
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        action(window, "actionContinue").trigger()
    text = editor.toPlainText()
    feature = window.choices
    position = len(STORY) + (len(text) - len(STORY)) // 2
    alternatives = feature.alternatives_at(editor, position)
    assert len(alternatives) == 10
    assert all(0 < a.probability <= 1 for a in alternatives)
    assert sum(a.probability for a in alternatives) <= 1 + 1e-9
    passage = feature.takes(editor).history.at(position)
    found = feature.word_at(editor, position)
    assert found is not None
    word_start = passage.start + found[2].start
    menu = feature.alternatives_menu(editor, position)
    assert menu.objectName() == "alternativesMenu" and len(menu.actions()) == 10
    menu.deleteLater()
    window.show()
    menu = hover(qtbot, editor, position)
    assert len(menu.actions()) == 10
    assert [a.text().split("\t")[0] for a in menu.actions()][:3] == [
        (a.text.replace("\n", "⏎") or "∅") for a in alternatives[:3]
    ]
    menu.close()
    chosen = alternatives[-1]
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        feature.reroll(editor, position, chosen)
    rerolled = editor.toPlainText()
    assert rerolled[:word_start].encode() == text[:word_start].encode()
    assert rerolled[word_start:].startswith(chosen.text.rstrip("…"))
    label = window.findChild(QLabel, "statusTakes")
    cursor = editor.textCursor()
    cursor.setPosition(word_start)
    editor.setTextCursor(cursor)
    assert label.text() == "‹ 2/2 ›"
    assert feature.alternatives_at(editor, word_start)  # the new take has its own alternatives


def hover(qtbot, editor, position: int) -> QMenu:
    """Rest the mouse on the character at ``position``; return the menu that pops up."""
    cursor = editor.textCursor()
    cursor.setPosition(position)
    where = editor.cursorRect(cursor).center()
    assert editor.cursorForPosition(where).position() == position
    event = QHelpEvent(QEvent.Type.ToolTip, where, editor.viewport().mapToGlobal(where))
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5_000)
    menu = QApplication.activePopupWidget()
    assert menu.objectName() == "alternativesMenu" and menu.isVisible()
    return menu


def test_unlikely_words_are_tinted_when_the_setting_is_on(qtbot, window, monkeypatch):
    """With the tint on, each generated word below the threshold gets a tint, nothing else."""
    from writer.gui.choices import feature as choices_feature

    # Every word counts as unlikely, so the test does not hang on what the sampler drew.
    monkeypatch.setattr(choices_feature, "LOW_PROBABILITY", 1.01)
    set_setting(Key.MAX_TOKENS, 12)
    action(window, "actionShowAlternatives").setChecked(True)
    editor = type_story(window)
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        action(window, "actionContinue").trigger()
    qtbot.wait(10)
    assert not tinted(editor)  # the setting is off
    set_setting(Key.TINT_UNLIKELY, True)
    editor.setPlainText(STORY)
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        action(window, "actionContinue").trigger()
    qtbot.waitUntil(lambda: bool(tinted(editor)), timeout=5_000)
    document = window.choices.takes(editor)
    passage = document.history.at(len(editor.toPlainText()) - 1)
    spans = document.recorded_for(passage).spans()
    assert len(tinted(editor)) == len(spans)
    for selection in tinted(editor):
        assert len(STORY) <= selection.cursor.selectionStart() < len(editor.toPlainText())


def tinted(editor) -> list:
    """Return the editor's extra selections that carry a background tint."""
    return [s for s in editor.extraSelections() if s.format.background().color().alpha() == 40]


def test_choosing_while_candidates_stream_is_safe(qtbot, window):
    set_setting(Key.MAX_TOKENS, 300)
    set_setting(Key.CANDIDATES, 2)
    editor = type_story(window)
    panel = window.findChild(QDockWidget, "candidatesPanel")
    with qtbot.waitSignal(window.engine.finished, timeout=60_000):
        action(window, "actionContinueChoices").trigger()
        qtbot.waitUntil(lambda: bool(panel.cards and panel.cards[0].text()), timeout=60_000)
        shown = panel.cards[0].text()
        assert window.choices.choose(0)
    assert editor.toPlainText() == STORY + shown
    editor.undo()
    assert editor.toPlainText() == STORY


def test_candidates_know_the_lore_and_the_text_after(qtbot, window):
    """Continue with Choices sends what Continue sends: the lore and the text after the cursor."""
    from writer.core.lore import LoreEntry

    set_setting(Key.MAX_TOKENS, 16)
    editor = type_story(window, STORY + "\n\nThe next morning the river had risen.")
    cursor = editor.textCursor()
    cursor.setPosition(len(STORY))
    editor.setTextCursor(cursor)
    window.lore.put_entry(editor, LoreEntry("Mara", keys=("Mara",), content="Mara is a pilot."))
    write_candidates(qtbot, window, count=2)
    assembly = window.choices.candidates.job.assembly
    kinds = [part.kind for part in assembly.parts]
    assert "lore" in kinds and "after" in kinds, kinds
    assert "Mara is a pilot." in assembly.prompt
    assert "The next morning the river had risen." in assembly.prompt


def test_more_candidates_than_fit_are_fewer_and_the_panel_says_why(qtbot, window):
    """Six long candidates in a 4,096-token window: fewer cards, a line says why (中文 too)."""
    from writer.engine.choice_jobs import candidates_that_fit

    set_setting(Key.MAX_TOKENS, 1000)
    set_setting(Key.CANDIDATES, 6)
    type_story(window)
    fitted = candidates_that_fit(6, 1000, window.engine.model.n_ctx)
    assert 1 < fitted < 6
    panel = window.findChild(QDockWidget, "candidatesPanel")
    message = window.findChild(QLabel, "candidatesMessage")
    with qtbot.waitSignal(window.engine.finished, timeout=60_000):
        with qtbot.waitSignal(window.engine.notice, timeout=60_000):
            action(window, "actionContinueChoices").trigger()
        action(window, "actionStop").trigger()  # the notice comes before any token
    assert len(panel.cards) == fitted
    assert f"Alt+{fitted} " in panel.hint.text()  # the keys named are the cards shown
    assert not message.isHidden()
    assert f"Only {fitted} of 6 candidates fit the context window" in message.text()
    assert message.text() in window.statusBar().currentMessage()
    set_setting(Key.LANGUAGE, "zh_CN")
    try:  # the language switched in Settings while the line is shown
        window.settings_feature.apply(frozenset({SettingsGroup.LANGUAGE}))
        assert "候选" in message.text() and "Only" not in message.text()
    finally:
        set_setting(Key.LANGUAGE, "en")
        window.settings_feature.apply(frozenset({SettingsGroup.LANGUAGE}))
    assert "Only" in message.text()
    set_setting(Key.MAX_TOKENS, 8)
    set_setting(Key.CANDIDATES, 2)
    with qtbot.waitSignal(window.engine.finished, timeout=60_000):
        action(window, "actionContinueChoices").trigger()
    assert message.isHidden()  # a new run starts with nothing said


def test_alt_n_chooses_candidate_n(qtbot, window):
    """Alt+2 puts the second candidate at the cursor; Alt+3 without a third card does nothing."""
    set_setting(Key.MAX_TOKENS, 8)
    editor = type_story(window)
    texts = write_candidates(qtbot, window, count=2)
    assert texts[1]
    window.show()
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=5_000)
    qtbot.keyClick(editor, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert editor.toPlainText() == STORY
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert editor.toPlainText() == STORY + texts[1]
    assert window.findChild(QLabel, "statusTakes").text() == "‹ 2/2 ›"
    editor.undo()  # one undo step
    assert editor.toPlainText() == STORY
