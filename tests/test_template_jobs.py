"""The template job: prompt form, poems stopped at their line count, screenplays cleaned."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from writer.core.chat_prompt import ChatFormat
from writer.core.poem_lines import count_lines
from writer.core.sampling import SamplingParams
from writer.core.templates import load_templates
from writer.engine.backend import EngineOptions, GenerationStats, LlamaBackend, StopFlag
from writer.engine.backend_api import SpecialTokens
from writer.engine.template_jobs import TemplateJob, chat_prompt


class Sink:
    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.notices: list[str] = []

    def text(self, piece: str) -> None:
        self.pieces.append(piece)

    def progress(self, step: int, total: int, label: str) -> None:
        pass

    def notice(self, message: str) -> None:
        self.notices.append(message)

    @property
    def all(self) -> str:
        return "".join(self.pieces)


class ScriptedBackend:
    """Streams fixed outputs one character per token, and honours the stop flag."""

    def __init__(self, *outputs: str, chat_template: str | None = None) -> None:
        self.info = SimpleNamespace(chat_template=chat_template, name="scripted")
        self.outputs = list(outputs)
        self.prompts: list[str] = []
        self.sent: list[int] = []

    def generate(self, prompt, params, on_text, *, stop=None, stop_strings=(), add_bos=True):
        self.prompts.append(prompt)
        text = self.outputs.pop(0) if self.outputs else ""
        count = 0
        for ch in text[: params.max_tokens]:
            if stop is not None and stop.is_set():
                break
            on_text(ch)
            count += 1
        self.sent.append(count)
        reason = "cancelled" if stop is not None and stop.is_set() else "eos"
        return GenerationStats(count, 0.01, 100.0, 10, 0, reason)

    def generate_chat(self, prompt, params, on_text, *, stop=None):
        return self.generate(prompt.text + prompt.reply_prefix, params, on_text, stop=stop)

    def chat_format(self) -> ChatFormat:
        return ChatFormat(self.info.chat_template)

    def special_tokens(self) -> SpecialTokens:
        return SpecialTokens()


@pytest.fixture(scope="module")
def library():
    return load_templates()


def test_a_set_length_poem_is_stopped_after_its_last_line(library):
    backend = ScriptedBackend("Here is your poem:\n\none\ntwo\n\nthree\nfour\nfive\nsix\n" * 3)
    job = TemplateJob(library.get("poem"), {"form": "rhymed_quatrain"})
    sink = Sink()
    stats = job.run(backend, sink, StopFlag())
    assert sink.all == "one\ntwo\n\nthree\nfour" == job.text
    assert job.lines_written == 4 and sink.notices == []
    assert stats.stop_reason == "stop"
    assert backend.sent[0] < len("Here is your poem:\n\none\ntwo\n\nthree\nfour\n") + 2


def test_a_short_poem_is_continued_and_then_reported(library):
    backend = ScriptedBackend("one\ntwo", "three", "")
    job = TemplateJob(library.get("poem"), {"form": "haiku"}, params=SamplingParams(seed=1))
    sink = Sink()
    job.run(backend, sink, StopFlag())
    assert sink.all == "one\ntwo\nthree"
    assert backend.prompts[1].endswith("one\ntwo\n")
    assert job.lines_written == 3 and sink.notices == []

    backend = ScriptedBackend("one\ntwo", "", "")
    sink = Sink()
    TemplateJob(library.get("poem"), {"form": "sonnet"}).run(backend, sink, StopFlag())
    assert len(backend.prompts) == 3
    assert sink.notices == [
        "The model wrote 2 lines instead of 14; edit the poem or write it again."
    ]


def test_a_base_model_gets_the_completion_form(library):
    backend = ScriptedBackend("Dear Alex, thank you.")
    letter = library.get("letter")
    job = TemplateJob(letter, {"recipient": "Alex"}, lang="en")
    sink = Sink()
    job.run(backend, sink, StopFlag())
    assert backend.prompts == ["Dear Alex,\n\n"]
    assert sink.all == "Dear Alex, thank you."


def test_a_failing_chat_template_falls_back_to_the_plain_prompt(library):
    backend = ScriptedBackend("Dear Sam,", chat_template="{{ raise_exception('no roles') }}")
    sink = Sink()
    TemplateJob(library.get("letter"), {"recipient": "Sam"}).run(backend, sink, StopFlag())
    assert backend.prompts == ["Dear Sam,\n\n"]
    assert sink.notices == ["The model's chat template failed; the plain prompt was used."]


def test_a_working_chat_template_wraps_system_and_instruction(library):
    template = "{% for m in messages %}<{{ m.role }}>{{ m.content }}</s>{% endfor %}<assistant>"
    backend = ScriptedBackend("one", chat_template=template)
    TemplateJob(library.get("poem"), {"subject": "rain"}).run(backend, Sink(), StopFlag())
    assert backend.prompts[0].startswith("<system>You are a poet.")
    assert "</s><user>Write a free-verse poem" in backend.prompts[0]
    assert backend.prompts[0].endswith("</s><assistant>")


def test_sampling_is_settings_then_template_then_overrides(library):
    poem = library.get("poem")
    job = TemplateJob(
        poem,
        params=SamplingParams(temperature=0.2, max_tokens=50, top_k=7),
        overrides={"max_tokens": 12},
    )
    params = job.sampling()
    assert params.temperature == poem.sampling["temperature"]
    assert params.max_tokens == 12 and params.top_k == 7


def test_screenplay_output_is_cleaned_as_it_streams(library):
    backend = ScriptedBackend(
        "Sure, here it is:\n**INT. DINER - NIGHT**\nAnna: Coffee?\nTom: (quietly) Black."
    )
    sink = Sink()
    TemplateJob(library.get("screenplay_scene")).run(backend, sink, StopFlag())
    # The heading comes from the fields; the model's own is dropped (issue 11, item 10).
    assert sink.all == (
        "INT. A LATE-NIGHT DINER - NIGHT\n\nANNA\nCoffee?\n\nTOM\n(quietly)\nBlack."
    )


def test_prose_loses_the_lead_in_and_gets_the_lead(library):
    backend = ScriptedBackend("Certainly! Here is the opening:\n\nThe storm came at noon.")
    job = TemplateJob(library.get("story_opening"), lead="\n\n")
    sink = Sink()
    job.run(backend, sink, StopFlag())
    assert sink.all == "\n\nThe storm came at noon." == job.text


def test_cancelling_stops_the_job(library):
    stop = StopFlag()
    backend = ScriptedBackend("one\ntwo\n")
    sink = Sink()
    stop.set()
    stats = TemplateJob(library.get("poem"), {"form": "sonnet"}).run(backend, sink, stop)
    assert stats.stop_reason == "cancelled" and sink.all == "" and len(backend.prompts) == 1
    assert sink.notices == []


@pytest.fixture(scope="module")
def backend():
    from tests.conftest import require_model

    loaded = LlamaBackend.load(require_model(), EngineOptions(n_ctx=2048))
    yield loaded
    loaded.close()


@pytest.mark.model
def test_instruction_goes_through_the_models_chat_template(backend, library):
    assert backend.info.chat_template
    prompt = TemplateJob(library.get("poem"), {"subject": "snow"}).prompt(backend)
    assert prompt.startswith("<|im_start|>system\nYou are a poet.")
    assert "<|im_start|>user\nWrite a free-verse poem" in prompt and "snow" in prompt
    assert prompt.endswith("<|im_start|>assistant\n")
    assert chat_prompt(backend, "", "Hi") == (
        "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face"
        "<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"
    )


@pytest.mark.model
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_four_line_poem_has_exactly_four_lines(backend, library, seed: int):
    job = TemplateJob(
        library.get("poem"),
        {"form": "rhymed_quatrain", "subject": "autumn"},
        params=SamplingParams(seed=seed),
        overrides={"max_tokens": 160},
    )
    sink = Sink()
    job.run(backend, sink, StopFlag())
    assert count_lines(sink.all) == 4, sink.all
    assert job.lines_written == 4 and sink.notices == []
    assert not sink.all.endswith("\n")


def test_module_has_no_qt_imports():
    source = Path(__file__).parents[1] / "writer" / "engine" / "template_jobs.py"
    assert "PySide6" not in source.read_text(encoding="utf-8")
