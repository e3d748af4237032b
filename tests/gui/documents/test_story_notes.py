"""Story notes: ahead of the text in the prompt, never trimmed, kept beside the document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPlainTextEdit

from writer.core.context_window import ContextWindow
from writer.core.sampling import SamplingParams
from writer.core.sidecar import load_sidecar, sidecar_path
from writer.engine.backend import EngineOptions, LlamaBackend, StopFlag
from writer.engine.jobs import CollectingSink, ContinueJob

if TYPE_CHECKING:
    from pathlib import Path

NOTES = "Mara: a lighthouse keeper's daughter. Setting: a storm coast in 1890."


def test_notes_lead_the_prompt_of_a_trimmed_document(model_path: Path, monkeypatch):
    backend = LlamaBackend.load(model_path, EngineOptions(n_ctx=1024))
    prompts: list[str] = []
    real_generate = backend.generate

    def capture(prompt, params, on_text, **kwargs):
        prompts.append(prompt)
        return real_generate(prompt, params, on_text, **kwargs)

    monkeypatch.setattr(backend, "generate", capture)
    document = "\n\n".join(f"Paragraph {i}: the waves rose and fell." for i in range(400))
    try:
        stats = ContinueJob(
            document, ContextWindow(), SamplingParams(max_tokens=8), notes=NOTES
        ).run(backend, CollectingSink(), StopFlag())
    finally:
        backend.close()
    prompt = prompts[0]
    assert prompt.startswith("[Story notes: " + NOTES)
    assert "Paragraph 0:" not in prompt  # the document itself was trimmed...
    assert prompt.rstrip().endswith("Paragraph 399: the waves rose and fell.")  # ...from the start
    assert stats.prompt_tokens + 8 <= 1024


def test_notes_are_kept_beside_the_document(qtbot, bare_window, tmp_path: Path):
    path = tmp_path / "story.md"
    path.write_text("Once.", encoding="utf-8")
    bare_window.open_document(path)
    bare_window.action("actionToggleNotes").trigger()
    notes = bare_window.findChild(QPlainTextEdit, "storyNotes")
    notes.setPlainText(NOTES)
    assert bare_window.current_editor().state.notes == NOTES
    bare_window.story_notes.save()
    assert load_sidecar(path)["notes"] == NOTES
    assert sidecar_path(path).name == ".story.md.writer.json"
    bare_window.close_tab(0)
    editor = bare_window.open_document(path)
    assert editor.state.notes == NOTES
    qtbot.waitUntil(lambda: notes.toPlainText() == NOTES, timeout=2_000)


def test_continue_uses_the_notes(qtbot, window):
    editor = window.current_editor()
    editor.state.notes = NOTES
    editor.setPlainText("The storm came at night.")
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    jobs = []
    original = window.engine.submit
    window.engine.submit = lambda job: jobs.append(job) or original(job)
    with qtbot.waitSignal(window.stream.finished, timeout=60_000):
        window.continue_writing()
    assert jobs[0].notes == NOTES


def test_selection_tools_put_the_notes_ahead(model_path: Path, monkeypatch):
    from writer.engine.assistant_jobs import ToolJob

    backend = LlamaBackend.load(model_path, EngineOptions(n_ctx=2048))
    seen: list[str] = []
    real_tokenize = backend.tokenize

    def capture(text, **kwargs):
        seen.append(text)
        return real_tokenize(text, **kwargs)

    monkeypatch.setattr(backend, "tokenize", capture)
    try:
        job = ToolJob(
            "rewrite", "The storm came.", params=SamplingParams(max_tokens=8), notes=NOTES
        )
        job.run(backend, CollectingSink(), StopFlag())
    finally:
        backend.close()
    prompt = max(seen, key=len)
    assert NOTES in prompt
    assert prompt.index(NOTES) < prompt.index("The storm came.")
