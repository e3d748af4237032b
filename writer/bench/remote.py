"""``writer bench --only remote``: writing through a server against a raw ``openai`` stream.

One ``llama_cpp.server`` with the model runs on a loopback port for the whole
section. Figures: streamed tokens/s of Continue through the app's server
engine into the editor over a raw streamed ``openai`` completions loop on the
same server (target >= 0.98); the time from Stop to the engine being free
again (target <= 200 ms); and, for reference, the same two figures of the
in-process engine.

Both sides of the ratio are measured alike: the raw loop sends the exact
prompt Continue sent (taken from the app's warm-up run), with the same
sampling, seed and ``max_tokens`` (Continue's finishing of the last sentence
is off here, so it asks for no extra tokens); each side is warmed up once,
then they take turns, each round starting with the side the last one ended
with, and the figure is the median of the :data:`ROUNDS` rounds' ratios.
Each rate is (tokens - 1) over the time from the first token's arrival to
the last's: for the app, arrival in the editor.
"""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING, Any

from writer.bench.common import STORY, Figure
from writer.core.sampling import SamplingParams
from writer.engine.backend import EngineOptions, GenerationStats, default_thread_count
from writer.engine.jobs import ContinueJob

if TYPE_CHECKING:
    from pathlib import Path

PARAMS = SamplingParams(max_tokens=160, temperature=0.7, seed=1234, repeat_penalty=1.1)
N_CTX = 4096
#: Measured runs of each side (after one warm-up run each); the medians are compared.
ROUNDS = 5


class RawStream:
    """A raw streamed ``openai`` completions loop, with one client for all its runs (as the app)."""

    def __init__(self, url: str, model: str) -> None:
        import openai

        self.model = model
        self.client = openai.OpenAI(base_url=url, api_key="no-key", max_retries=0)
        self.tokens = 0

    def rate(self, prompt: str, params: SamplingParams) -> float:
        """Return tokens/s after the first token; :attr:`tokens` is how many arrived."""
        stamps: list[float] = []
        stream = self.client.completions.create(
            model=self.model,
            prompt=prompt,
            stream=True,
            max_tokens=params.max_tokens,
            temperature=params.temperature,
            top_p=params.top_p,
            seed=params.seed,
            extra_body={
                "min_p": params.min_p,
                "top_k": params.top_k,
                "repeat_penalty": params.repeat_penalty,
            },
        )
        try:
            for chunk in stream:
                if chunk.choices and chunk.choices[0].text:
                    stamps.append(time.perf_counter())
        finally:
            stream.close()
        self.tokens = len(stamps)
        return (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0

    def close(self) -> None:
        """Close the client."""
        self.client.close()


class BenchWindow:
    """A main window whose engine writes with one model; streams Continue into its editor."""

    def __init__(self, connect: Any) -> None:
        from PySide6.QtCore import QEventLoop

        from writer.gui.main_window import MainWindow

        self.window = MainWindow(load_model=False)
        loop = QEventLoop()
        self.window.engine.modelLoaded.connect(loop.quit)
        self.window.engine.modelFailed.connect(loop.quit)
        connect(self.window.engine)
        loop.exec()
        if self.window.engine.model is None:
            raise RuntimeError(self.window.engine.load_error or "the model did not load")
        self.stamps: list[float] = []
        self.window.engine.text.connect(lambda _id, _p: self.stamps.append(time.perf_counter()))
        self.tokens = 0
        self.prompt = ""  # the prompt the last Continue sent

    def _start(self, params: SamplingParams) -> Any:
        editor = self.window.current_editor()
        editor.setPlainText(STORY)
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        editor.context_window.reset()
        self.stamps.clear()
        # The passage ends where max_tokens says, as the raw loop's does.
        self.job = ContinueJob(STORY, editor.context_window, params, finish_sentence=False)
        return self.window.stream.stream(editor, self.job)

    def _wait_end(self) -> GenerationStats | None:
        from PySide6.QtCore import QEventLoop

        done = QEventLoop()
        result: dict[str, GenerationStats] = {}

        def finished(_id: int, stats: GenerationStats) -> None:
            result["stats"] = stats
            done.quit()

        self.window.stream.finished.connect(finished)
        self.window.stream.failed.connect(done.quit)
        done.exec()
        self.window.stream.finished.disconnect(finished)
        self.window.stream.failed.disconnect(done.quit)
        return result.get("stats")

    def rate(self) -> float:
        """Stream one Continue; return tokens/s from the first inserted piece to the last.

        :attr:`tokens` is how many tokens came, :attr:`prompt` what was sent.
        """
        self._start(PARAMS)
        stats = self._wait_end()
        assembly = self.job.assembly
        self.prompt = assembly.prompt if assembly is not None else ""
        self.tokens = stats.tokens if stats is not None else 0
        if stats is None or len(self.stamps) < 2:
            return 0.0
        return (stats.tokens - 1) / (self.stamps[-1] - self.stamps[0])

    def stop_latency(self) -> float:
        """Start a long Continue, press Stop after the first text; return ms until it ended."""
        from PySide6.QtCore import QEventLoop

        self._start(PARAMS.with_overrides(max_tokens=2000))
        first = QEventLoop()
        self.window.engine.text.connect(first.quit)
        first.exec()
        self.window.engine.text.disconnect(first.quit)
        asked = time.perf_counter()
        self.window.action("actionStop").trigger()
        self._wait_end()
        return (time.perf_counter() - asked) * 1000

    def close(self) -> None:
        """End the engine and the window."""
        self.window.engine.shutdown()
        self.window.deleteLater()


def bench_figures(model: Path, rounds: int = ROUNDS) -> list[Figure]:
    """Server engine vs raw openai stream (tokens/s), Stop latency; in-process for reference."""
    from writer.engine import local_server
    from writer.engine.server_spec import ServerSpec
    from writer.gui.app import create_application

    app = create_application()
    server = local_server.start(model, n_ctx=N_CTX, threads=default_thread_count())
    try:
        spec = ServerSpec(server.url, server.model, n_ctx=N_CTX, timeout=300)
        remote = BenchWindow(lambda engine: engine.connect_server(spec))
        raw = RawStream(server.url, server.model)
        remote.rate()  # warm-up; it also gives the prompt Continue sends
        prompt = remote.prompt
        raw.rate(prompt, PARAMS)  # warm-up
        app_rates, raw_rates, app_tokens, raw_tokens = [], [], [], []
        for round_number in range(rounds):
            sides = ["raw", "app"] if round_number % 2 == 0 else ["app", "raw"]
            for side in sides:
                if side == "raw":
                    raw_rates.append(raw.rate(prompt, PARAMS))
                    raw_tokens.append(raw.tokens)
                else:
                    app_rates.append(remote.rate())
                    app_tokens.append(remote.tokens)
                    if remote.prompt != prompt:
                        raise RuntimeError("Continue sent another prompt than in its warm-up")
                app.processEvents()
        stops = [remote.stop_latency() for _ in range(rounds)]
        raw.close()
        remote.close()
    finally:
        server.stop()
    local = BenchWindow(
        lambda engine: engine.load_model(model, EngineOptions(n_ctx=N_CTX, gpu_layers=0))
    )
    local.rate()  # warm up
    local_rates = [local.rate() for _ in range(rounds)]
    local_stops = [local.stop_latency() for _ in range(rounds)]
    local.close()

    app_rate, raw_rate = statistics.median(app_rates), statistics.median(raw_rates)
    # Each round's two runs are back to back: the median of their ratios follows a load
    # that changes during the section better than the ratio of the medians.
    ratios = [a / r for a, r in zip(app_rates, raw_rates, strict=True) if r]
    ratio = statistics.median(ratios) if ratios else 0.0
    stop_ms, local_stop_ms = max(stops), max(local_stops)
    local_rate = statistics.median(local_rates)
    return [
        Figure(
            "remote",
            "server stream tokens/s, app into editor / raw openai loop",
            ratio,
            ">= 0.98",
            ratio >= 0.98,
            f"median of {rounds} paired runs; app {app_rate:.1f} tok/s, raw {raw_rate:.1f} tok/s; "
            f"tokens per run app {statistics.median(app_tokens):.0f}, "
            f"raw {statistics.median(raw_tokens):.0f}",
            key="remote.tokens_per_s_over_raw",
        ),
        Figure(
            "remote",
            f"server Stop until the engine is free (ms, worst of {rounds})",
            stop_ms,
            "<= 200",
            stop_ms <= 200,
            "llama_cpp.server on 127.0.0.1",
            key="remote.stop_ms",
        ),
        Figure(
            "remote",
            "in-process stream tokens/s into editor (reference)",
            local_rate,
            "reference",
            True,
            f"server engine {app_rate:.1f} tok/s",
            key="remote.local_tokens_per_s",
        ),
        Figure(
            "remote",
            "in-process Stop until the engine is free (ms, reference)",
            local_stop_ms,
            "<= 200",
            local_stop_ms <= 200,
            "",
            key="remote.local_stop_ms",
        ),
    ]
