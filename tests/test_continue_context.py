"""Continue with what the document knows, on the real model: lore, text after, `writer prompt`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.test_cli import run_writer
from writer.core.context_window import ContextWindow
from writer.core.lore import LoreEntry, save_document_lore
from writer.core.sampling import SamplingParams
from writer.engine.backend import EngineOptions, LlamaBackend, StopFlag
from writer.engine.jobs import CollectingSink, ContinueJob

if TYPE_CHECKING:
    from pathlib import Path

MARA = LoreEntry("Mara", ("Mara",), "Mara is the lighthouse keeper's stubborn daughter.", 1)
OWEN = LoreEntry("Owen", ("Owen",), "Owen is the old keeper, deaf in one ear.")


@pytest.fixture(scope="module")
def backend(request) -> LlamaBackend:
    from tests.conftest import require_model

    loaded = LlamaBackend.load(require_model(), EngineOptions(n_ctx=512))
    request.addfinalizer(loaded.close)
    return loaded


def capture_prompts(backend: LlamaBackend, monkeypatch) -> list[str]:
    prompts: list[str] = []
    real = type(backend).generate

    def generate(self, prompt, params, on_text, **kwargs):
        prompts.append(prompt)
        return real(self, prompt, params, on_text, **kwargs)

    monkeypatch.setattr(type(backend), "generate", generate)
    return prompts


def test_the_inspectors_parts_are_exactly_what_the_engine_receives(backend, monkeypatch):
    prompts = capture_prompts(backend, monkeypatch)
    text = (
        "Owen rang the bell.\n\n"
        + "The waves broke on the rocks.\n\n" * 120
        + "Mara climbed the stairs with the lamp."
    )
    job = ContinueJob(
        text,
        ContextWindow(),
        SamplingParams(max_tokens=8, seed=1),
        notes="A storm coast.",
        lore=[MARA, OWEN],
        authors_note="Style: terse.",
    )
    job.run(backend, CollectingSink(), StopFlag())
    assert job.assembly is not None
    assert "".join(part.text for part in job.assembly.parts) == prompts[0]
    kinds = [part.kind for part in job.assembly.parts]
    assert kinds == ["notes", "lore", "text", "authors_note", "text"]
    assert "stubborn daughter" in prompts[0] and "deaf in one ear" not in prompts[0]
    assert backend.count_tokens(prompts[0]) + 8 <= backend.n_ctx


def test_continue_in_the_middle_leads_into_the_following_text(backend, monkeypatch):
    prompts = capture_prompts(backend, monkeypatch)
    before = "The storm had raged all night. At dawn Mara opened the door of the lighthouse"
    following = "The sea was grey and quiet, as if nothing had happened."
    after = ".\n\n" + following + "\n\nOwen was still asleep."
    sink = CollectingSink()
    # Greedy sampling of a tiny model repeats what it sees: the stop must catch it.
    job = ContinueJob(
        before,
        ContextWindow(),
        SamplingParams(max_tokens=40, temperature=0.0, seed=3),
        text_after=after,
    )
    job.run(backend, sink, StopFlag())
    assert following in prompts[0]
    assert job.assembly is not None and job.assembly.mode == "bridge"
    assert following not in sink.joined
    assert "The sea was grey" not in sink.joined


def test_writer_prompt_json_and_lore_commands(tmp_path: Path, model_path: Path):
    story = tmp_path / "story.md"
    story.write_text("Owen slept.\n\nMara lit the lamp, and", encoding="utf-8")
    book = tmp_path / "world.json"
    book.write_text(
        json.dumps(
            {
                "entries": {
                    "0": {
                        "uid": 0,
                        "key": ["Mara"],
                        "comment": "Mara",
                        "content": MARA.content,
                        "constant": False,
                        "order": 101,
                    }
                }
            }
        ),
        encoding="utf-8",
    )
    imported = run_writer("lore", "import", str(story), str(book))
    assert imported.returncode == 0, imported.stderr
    listed = run_writer("lore", "list", str(story), "--json")
    assert json.loads(listed.stdout) == [
        {"title": "Mara", "keys": ["Mara"], "content": MARA.content, "priority": 1, "always": False}
    ]
    result = run_writer("prompt", str(story), "--json", "--model", str(model_path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["prompt"] == "".join(part["text"] for part in data["parts"])
    assert [part["kind"] for part in data["parts"]] == ["lore", "text"]
    assert set(data["parts"][0]) >= {"kind", "text", "tokens", "why"}
    assert data["parts"][0]["tokens"] > 0
    middle = run_writer(
        "prompt", str(story), "--cursor", "11", "--json", "--model", str(model_path)
    )
    assert "Mara lit the lamp" in json.loads(middle.stdout)["prompt"]
    bad = run_writer("lore", "import", str(story), str(story))
    assert bad.returncode == 1 and "not valid JSON" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


def test_lore_kept_beside_the_document_reaches_writer_continue(tmp_path: Path, model_path):
    story = tmp_path / "story.md"
    story.write_text("Mara", encoding="utf-8")
    save_document_lore(story, [MARA])
    result = run_writer("prompt", str(story), "--model", str(model_path))
    assert result.returncode == 0, result.stderr
    assert "── lore · Mara" in result.stdout


def test_writer_lore_export_writes_the_entries_in_effect(tmp_path: Path):
    """The document's entries, then the folder's not shadowed, as Writer JSON; a bad path is 1."""
    from writer.core.lore import save_project_lore
    from writer.core.lore_formats import read_lore_file

    story = tmp_path / "story.md"
    story.write_text("Mara lit the lamp.", encoding="utf-8")
    save_document_lore(story, [MARA])
    shadowed = LoreEntry("Mara", ("Mara",), "The folder's older Mara.")
    save_project_lore(story, [shadowed, OWEN])
    out = tmp_path / "exported.json"
    result = run_writer("lore", "export", str(story), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert read_lore_file(out) == [MARA, OWEN]
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "writer-lorebook"
    assert "Exported 2 entries" in result.stderr and not result.stdout.strip()
    bad = run_writer("lore", "export", str(story), "-o", str(tmp_path / "missing" / "x.json"))
    assert bad.returncode == 1 and "Cannot write" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
