"""The engine boundary: the llama.cpp backend implements it, and nothing else reaches past it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from writer.core.chat_prompt import ChatMessage, build_prompt
from writer.core.sampling import SamplingParams
from writer.engine.backend import EngineOptions, LlamaBackend
from writer.engine.backend_api import Backend, StopFlag
from writer.engine.jobs import CollectingSink

WRITER = Path(__file__).parents[1] / "writer"


@pytest.fixture(scope="module")
def backend():
    from tests.conftest import require_model

    loaded = LlamaBackend.load(require_model(), EngineOptions(n_ctx=1024, gpu_layers=0))
    yield loaded
    loaded.close()


@pytest.mark.model
def test_the_llama_backend_is_a_backend(backend: LlamaBackend):
    assert isinstance(backend, Backend)
    special = backend.special_tokens()
    assert (special.bos, special.eos) == ("<|im_start|>", "<|im_end|>")
    assert not special.add_bos and not special.has_fim
    assert backend.info.display_name == backend.info.name and not backend.info.is_remote


@pytest.mark.model
def test_chat_reply_comes_from_the_rendered_prompt(backend: LlamaBackend):
    messages = [ChatMessage("user", "Name a colour.")]
    chat_format = backend.chat_format()
    prompt = build_prompt(messages, chat_format, backend.count_tokens, 512)
    assert prompt.messages == tuple(messages) and prompt.templated
    params = SamplingParams(max_tokens=12, seed=5, temperature=0.0)
    by_chat, by_text = CollectingSink(), CollectingSink()
    backend.clear_cache()
    backend.generate_chat(prompt, params, by_chat.text, stop=StopFlag())
    backend.clear_cache()
    tokens = backend.tokenize(prompt.text, add_bos=prompt.add_bos, special=True)
    backend.generate(
        tokens, params, by_text.text, stop=StopFlag(), stop_strings=prompt.stop_strings
    )
    assert by_chat.joined and by_chat.joined == by_text.joined


def _python_files_outside_engine() -> list[Path]:
    return [p for p in WRITER.rglob("*.py") if "engine" not in p.relative_to(WRITER).parts]


def _imports_an_engine_private_name(source: str) -> bool:
    """Return whether ``source`` imports a ``_private`` name from ``writer.engine`` (any layout)."""
    return any(
        isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("writer.engine")
        and any(alias.name.startswith("_") for alias in node.names)
        for node in ast.walk(ast.parse(source))
    )


def test_nothing_outside_the_engine_reaches_into_llama_cpp_objects():
    reaching = re.compile(r"\.llama\.|backend\.llama\b|\._model\b|_ctx\.ctx")
    offenders = [
        str(path.relative_to(WRITER))
        for path in _python_files_outside_engine()
        if reaching.search(path.read_text(encoding="utf-8"))
        or _imports_an_engine_private_name(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_a_private_engine_import_is_seen_in_any_layout():
    assert _imports_an_engine_private_name(
        "from writer.engine.backend import (\n    LlamaBackend,\n    _special_tokens,\n)\n"
    )
    assert _imports_an_engine_private_name("from writer.engine.backend import _x as y\n")
    assert not _imports_an_engine_private_name("from writer.engine.backend import LlamaBackend\n")


def test_jobs_see_only_the_boundary():
    for name in ("jobs.py", "assistant_jobs.py", "template_jobs.py"):
        source = (WRITER / "engine" / name).read_text(encoding="utf-8")
        assert "LlamaBackend" not in source and "llama_cpp" not in source, name
