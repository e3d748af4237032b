"""One wording for "the model is not ready", whichever feature asks (issue 12, item 4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.gui_helpers import STORY, action, type_story

if TYPE_CHECKING:
    from pathlib import Path


def ask_everything(window) -> None:
    """Continue, Continue with Choices, a chat question and a poem, as a writer asks them."""
    type_story(window)
    action(window, "actionContinue").trigger()
    action(window, "actionContinueChoices").trigger()
    panel = window.assistant
    panel.input.setText("Who is Mara?")
    panel.send_button.click()
    dialog = window.template_feature.open_dialog(modal=False)
    assert dialog.select("poem")
    assert dialog.write() is None
    dialog.close()


def test_no_model_is_said_the_same_way_everywhere(bare_window, answers):
    """With no model, each request shows the engine's one line, which says where to get one."""
    window = bare_window
    reason = window.engine.not_ready
    assert reason is not None and "Models > Manage Models" in reason
    ask_everything(window)
    assert [text for _title, text in answers.errors] == [reason] * 4
    assert window.statusBar().currentMessage() == reason  # Continue with Choices said it last
    assert window.current_editor().toPlainText() == STORY
    assert window.choices.candidates is None


def test_a_model_still_loading_is_said_the_same_way_everywhere(
    qtbot, bare_window, answers, model_path: Path
):
    """While the model loads, each request says so, in the same words (not "no model")."""
    window = bare_window
    window.load_model(model_path)
    reason = window.engine.not_ready
    assert reason is not None and window.engine.is_loading
    ask_everything(window)  # no event loop runs in between: the model is still loading
    assert window.engine.is_loading
    assert [text for _title, text in answers.errors] == [reason] * 4
    qtbot.waitUntil(lambda: window.engine.model is not None, timeout=60_000)
    assert window.engine.not_ready is None
