"""``writer continue FILE``: stream a continuation of a document to stdout."""

from __future__ import annotations

import argparse
import sys

from writer.commands.common import (
    StdoutSink,
    add_model_arguments,
    add_sampling_arguments,
    load_backend,
    progress,
    read_text_file,
    sampling_from,
)
from writer.core.context_window import ContextWindow
from writer.engine.backend import StopFlag
from writer.engine.jobs import ContinueJob


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``continue`` subcommand."""
    parser = subparsers.add_parser(
        "continue", help="print a continuation of FILE (its end is the cursor)"
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--notes", default="", help="story notes to put ahead of the text")
    add_model_arguments(parser)
    add_sampling_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Continue the document and print the new text."""
    text = read_text_file(args.file)
    backend = load_backend(args)
    job = ContinueJob(
        text_before=text, window=ContextWindow(), params=sampling_from(args), notes=args.notes
    )
    stats = job.run(backend, StdoutSink(), StopFlag())
    sys.stdout.write("\n")
    progress(
        f"{stats.tokens} tokens in {stats.seconds:.2f} s ({stats.tokens_per_s:.1f} tokens/s), "
        f"stop: {stats.stop_reason}"
    )
    return 0
