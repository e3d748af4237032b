"""What the headless subcommands share: loading a model, printing, failing in one line."""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from writer.engine.backend import EngineOptions, LlamaBackend
from writer.errors import WriterError

if TYPE_CHECKING:
    from pathlib import Path

    from writer.core.sampling import SamplingParams
    from writer.engine.backend_api import Backend
    from writer.engine.server_spec import ServerSpec


class CommandError(WriterError):
    """A subcommand failed; the message is printed as one line on stderr (exit 1)."""


class StdoutSink:
    """Prints a job's text on stdout as it streams; progress and notices on stderr."""

    def text(self, piece: str) -> None:
        """Print one piece."""
        sys.stdout.write(piece)
        sys.stdout.flush()

    def progress(self, step: int, total: int, label: str) -> None:
        """Print progress on stderr."""
        progress(f"[{step}/{total}] {label}")

    def notice(self, message: str) -> None:
        """Print a notice on stderr."""
        progress(message)


#: The context sizes --ctx accepts (tokens).
MIN_CTX = 64
MAX_CTX = 1 << 20


def _whole_number(text: str) -> int:
    """Parse a whole number for argparse."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not '{text}'") from None


def _number(text: str) -> float:
    """Parse a finite number for argparse."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, not '{text}'") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a finite number, not '{text}'")
    return value


def positive_int(text: str) -> int:
    """Parse a whole number of at least 1 (--max-tokens)."""
    value = _whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def context_size(text: str) -> int:
    """Parse a context size in tokens (--ctx)."""
    value = _whole_number(text)
    if not MIN_CTX <= value <= MAX_CTX:
        raise argparse.ArgumentTypeError(
            f"must be between {MIN_CTX} and {MAX_CTX:,} tokens, not {value:,}"
        )
    return value


def temperature(text: str) -> float:
    """Parse a sampling temperature, 0 to 5 (--temperature)."""
    value = _number(text)
    if not 0 <= value <= 5:
        raise argparse.ArgumentTypeError(f"must be from 0 to 5, not {text}")
    return value


def probability(text: str) -> float:
    """Parse a share above 0 and at most 1 (--top-p)."""
    value = _number(text)
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be above 0 and at most 1, not {text}")
    return value


def non_negative_int(text: str) -> int:
    """Parse a whole number of at least 0 (--top-k; 0 turns it off)."""
    value = _whole_number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def add_model_arguments(parser: argparse.ArgumentParser) -> None:
    """Add --model, --server and the engine options to a subcommand."""
    parser.add_argument("--model", metavar="PATH", help="GGUF model file to use")
    parser.add_argument(
        "--ctx",
        type=context_size,
        default=None,
        metavar="N",
        help="context window in tokens (default: settings, 4096; for a server: what it says)",
    )
    parser.add_argument(
        "--server",
        metavar="URL",
        default=None,
        help="write with a model on an OpenAI-compatible server, e.g. http://gpu-box:8080/v1 "
        "(or WRITER_SERVER; API key in WRITER_API_KEY)",
    )
    parser.add_argument(
        "--server-model",
        metavar="NAME",
        default=None,
        help="the server's model to use (or WRITER_SERVER_MODEL; default: the first it lists)",
    )


def add_sampling_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the sampling options to a subcommand."""
    parser.add_argument("--max-tokens", type=positive_int, default=None, metavar="N")
    parser.add_argument("--temperature", type=temperature, default=None, metavar="T", help="0 to 5")
    parser.add_argument(
        "--top-p", type=probability, default=None, metavar="P", help="above 0, at most 1"
    )
    parser.add_argument("--top-k", type=non_negative_int, default=None, metavar="K")
    parser.add_argument("--seed", type=_whole_number, default=None, metavar="S")


def sampling_from(args: argparse.Namespace, purpose: str = "continue") -> SamplingParams:
    """Return the settings' sampling parameters for ``purpose`` with the command line's."""
    from writer.core.presets import sampling_for

    return sampling_for(purpose).with_overrides(
        max_tokens=args.max_tokens,
        temperature=args.temperature,
        top_p=args.top_p,
        top_k=args.top_k,
        seed=args.seed,
    )


def load_backend(args: argparse.Namespace, text: str = "") -> Backend:
    """Connect to --server / WRITER_SERVER, else load --model / WRITER_MODEL / settings' model.

    Without any of those, a Chinese ``text`` (the document worked on) loads the
    Chinese starter model when it is installed, as the window does.
    """
    from writer.engine.server_spec import ServerSpec

    spec = ServerSpec.from_env(getattr(args, "server", None), getattr(args, "server_model", None))
    if spec is not None and not getattr(args, "model", None):
        return connect_server(replace(spec, n_ctx=getattr(args, "ctx", None) or 0))
    from writer.config import Key, get_setting
    from writer.core.model_files import choose_model, prepare_model
    from writer.core.prompt_library import detect_language

    chinese = bool(text.strip()) and detect_language(text) == "zh"
    path = choose_model(getattr(args, "model", None), get_setting(Key.LAST_MODEL), chinese=chinese)
    path = prepare_model(path)
    options = EngineOptions.from_settings()
    ctx = getattr(args, "ctx", None)
    if ctx:
        options = EngineOptions(ctx, options.n_threads, options.gpu_layers)
    from writer.core.model_files import check_gguf

    check_gguf(path)
    if ctx:
        _check_context_fits(path, ctx)
    progress(f"Loading {path.name}…")
    try:
        return LlamaBackend.load(path, options)
    except WriterError:
        if not ctx:
            raise
        raise CommandError(
            f"Could not load {path.name} with a context of {ctx:,} tokens; try a smaller "
            "--ctx (without it, the model loads with the settings' context)."
        ) from None


def _check_context_fits(path: Path, ctx: int) -> None:
    """Refuse a --ctx whose cache cannot fit this machine's memory, saying why."""
    from writer.core.gguf_info import read_gguf_info
    from writer.core.system_memory import total_ram_bytes
    from writer.hub.fit import human_size

    try:
        info = read_gguf_info(path)
    except (OSError, ValueError, WriterError):
        return  # loading says what is wrong with the file
    need = info.size_bytes + info.kv_bytes_per_token * ctx
    total = total_ram_bytes()
    if info.kv_bytes_per_token and total and need > total:
        raise CommandError(
            f"A context of {ctx:,} tokens needs about {human_size(need)} of memory with "
            f"{path.name}, more than this machine's {human_size(total)}; use a smaller --ctx."
        )
    if info.context_length and ctx > info.context_length:
        progress(
            f"Note: {path.name} was trained on {info.context_length:,} tokens of "
            f"context; text beyond that may lose its thread."
        )


def connect_server(spec: ServerSpec) -> Backend:
    """Connect to a server model, telling on stderr where the text goes and what to know."""
    from writer.engine.server_backend import ServerBackend

    progress(f"Connecting to {spec.host}…")
    backend = ServerBackend.connect(spec)
    progress(f"Writing with {backend.info.display_name}")
    for note in backend.info.notes:
        progress(note)
    return backend


def progress(message: str) -> None:
    """Print a progress line on stderr."""
    print(message, file=sys.stderr, flush=True)


def read_text_file(path: str) -> str:
    """Read a document for a subcommand, with the app's encoding detection when available."""
    from pathlib import Path

    try:
        from writer.core.document_io import read_document
    except ImportError:  # pragma: no cover - during early development
        try:
            return Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
    return read_document(Path(path)).text
