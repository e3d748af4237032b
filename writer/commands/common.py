"""What the headless subcommands share: loading a model, printing, failing in one line."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from writer.core.sampling import SamplingParams
from writer.engine.backend import EngineOptions, LlamaBackend
from writer.engine.backend_api import Backend
from writer.errors import WriterError

if TYPE_CHECKING:
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


def add_model_arguments(parser: argparse.ArgumentParser) -> None:
    """Add --model, --server and the engine options to a subcommand."""
    parser.add_argument("--model", metavar="PATH", help="GGUF model file to use")
    parser.add_argument(
        "--ctx",
        type=int,
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
    parser.add_argument("--max-tokens", type=int, default=None, metavar="N")
    parser.add_argument("--temperature", type=float, default=None, metavar="T")
    parser.add_argument("--top-p", type=float, default=None, metavar="P")
    parser.add_argument("--top-k", type=int, default=None, metavar="K")
    parser.add_argument("--seed", type=int, default=None, metavar="S")


def sampling_from(args: argparse.Namespace) -> SamplingParams:
    """Return the settings' sampling parameters with the command line's overrides."""
    return SamplingParams.from_settings().with_overrides(
        max_tokens=args.max_tokens,
        temperature=args.temperature,
        top_p=args.top_p,
        top_k=args.top_k,
        seed=args.seed,
    )


def load_backend(args: argparse.Namespace) -> Backend:
    """Connect to --server / WRITER_SERVER, else load --model / WRITER_MODEL / settings' model."""
    from writer.engine.server_spec import ServerSpec

    spec = ServerSpec.from_env(getattr(args, "server", None), getattr(args, "server_model", None))
    if spec is not None and not getattr(args, "model", None):
        return connect_server(replace(spec, n_ctx=getattr(args, "ctx", None) or 0))
    from writer.config import Key, get_setting
    from writer.core.model_files import choose_model

    path = choose_model(getattr(args, "model", None), get_setting(Key.LAST_MODEL))
    options = EngineOptions.from_settings()
    if getattr(args, "ctx", None):
        options = EngineOptions(args.ctx, options.n_threads, options.gpu_layers)
    from writer.core.model_files import check_gguf

    check_gguf(path)
    progress(f"Loading {path.name}…")
    return LlamaBackend.load(path, options)


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
