"""The remote bench compares like with like: the raw loop is sent what Continue sent."""

from __future__ import annotations

import pytest

pytest.importorskip("openai", reason="pip install -e .[test] brings the openai client")

from tests.server_standin import MODEL, WORDS, StandIn
from writer.bench.remote import PARAMS, BenchWindow, RawStream
from writer.engine.server_spec import ServerSpec

#: What a request asks for that decides how many tokens come and how fast.
SAME = ("prompt", "max_tokens", "temperature", "top_p", "seed", "min_p", "top_k", "repeat_penalty")


def test_the_raw_loop_asks_for_exactly_what_continue_asked(qapp, standin: StandIn):
    spec = ServerSpec(standin.url, MODEL, n_ctx=4096)
    window = BenchWindow(lambda engine: engine.connect_server(spec))
    raw = RawStream(standin.url, MODEL)
    try:
        assert window.rate() > 0
        assert raw.rate(window.prompt, PARAMS) > 0
    finally:
        raw.close()
        window.close()
    app_body, raw_body = standin.generation_requests()[-2:]
    assert app_body["stream"] is raw_body["stream"] is True
    assert {key: app_body.get(key) for key in SAME} == {key: raw_body.get(key) for key in SAME}
    assert app_body["max_tokens"] == PARAMS.max_tokens  # no extra tokens to finish a sentence
    assert window.tokens == raw.tokens == len(WORDS)
