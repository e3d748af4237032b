"""The story so far: summarized in parts remembered by content, updated as chapters are added."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from writer.core.context_window import ContextWindow
from writer.core.document_context import load_document_context
from writer.core.sampling import SamplingParams
from writer.core.story_so_far import StoredSummary, edited_summary, load_summary, save_summary
from writer.engine.backend import EngineOptions, LlamaBackend, StopFlag
from writer.engine.jobs import CollectingSink, ContinueJob
from writer.engine.story_jobs import StorySoFarJob

if TYPE_CHECKING:
    from pathlib import Path

CHAPTER = (
    "The keeper climbed the tower at dusk and lit the great lamp. Ships passed far out, "
    "and he wrote each one in the log.\n\n"
)
NEW_CHAPTER = (
    "A storm came from the north. The glass broke in the lantern room, and Mara held "
    "the shutters while Owen mended the frame.\n\n"
)


def test_summary_is_kept_beside_the_document_and_an_edit_sticks(tmp_path: Path):
    story = tmp_path / "novel.md"
    story.write_text("Once.", encoding="utf-8")
    save_summary(story, StoredSummary("The keeper keeps the light.", covers=9000))
    assert load_document_context(story).story_so_far is not None
    edited = edited_summary(load_summary(story), "Owen keeps the light; Mara helps.")
    save_summary(story, edited)
    stored = load_summary(story)
    assert stored.edited and stored.freshness(50_000) == "edited"
    assert StoredSummary("x", covers=1000).freshness(50_000) == "stale"
    assert StoredSummary().freshness(50_000) == "missing"


@pytest.mark.model
def test_a_200k_document_gets_its_story_so_far_and_continue_fits(model_path: Path):
    backend = LlamaBackend.load(model_path, EngineOptions(n_ctx=512))
    text = CHAPTER * (200_000 // len(CHAPTER) + 1)
    assert len(text) >= 200_000
    params = SamplingParams(max_tokens=24, seed=5, temperature=0.2)
    try:
        job = StorySoFarJob(text=text, params=params)
        job.run(backend, CollectingSink(), StopFlag())
        assert job.updated is not None and job.updated.text.strip()
        assert job.updated.covers > 150_000
        first_made = job.made_parts
        # Nothing new: nothing to do.
        again = StorySoFarJob(text=text, params=params, stored=job.updated)
        again.run(backend, CollectingSink(), StopFlag())
        assert again.updated is None and again.made_parts == 0
        # A new chapter: only the parts it touches are summarized.
        longer = text + NEW_CHAPTER * 60
        grown = StorySoFarJob(text=longer, params=params, stored=job.updated)
        grown.run(backend, CollectingSink(), StopFlag())
        assert grown.updated is not None and grown.updated.covers > job.updated.covers
        assert 0 < grown.made_parts <= first_made + 4
        summary = grown.updated.as_prompt_summary()
        cont = ContinueJob(
            longer, ContextWindow(), SamplingParams(max_tokens=16, seed=1), story_so_far=summary
        )
        stats = cont.run(backend, CollectingSink(), StopFlag())
    finally:
        backend.close()
    assert cont.assembly is not None
    assert next(p.kind for p in cont.assembly.parts) == "summary"
    assert stats.prompt_tokens + 16 <= 512
