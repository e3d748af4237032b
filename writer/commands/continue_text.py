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
)
from writer.commands.prompt import continue_job_for
from writer.engine.backend import StopFlag


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``continue`` subcommand."""
    parser = subparsers.add_parser(
        "continue", help="print a continuation of FILE (its end is the cursor)"
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "--notes", default="", help="story notes ahead of the text (default: those beside FILE)"
    )
    add_model_arguments(parser)
    add_sampling_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Continue the document and print the new text."""
    job = continue_job_for(args.file, None, args)  # with the lore and notes kept beside it
    if args.notes:
        job.notes = args.notes
    backend = load_backend(args)
    stats = job.run(backend, StdoutSink(), StopFlag())
    sys.stdout.write("\n")
    progress(
        f"{stats.tokens} tokens in {stats.seconds:.2f} s ({stats.tokens_per_s:.1f} tokens/s), "
        f"stop: {stats.stop_reason}"
    )
    return 0
