"""``writer summarize FILE``: print a summary of a document (long ones in parts).

The summary goes to stdout; progress ("part 2 of 5") goes to stderr. A text
that fits the context streams as it is written; a long one is summarized part
by part and only the combined summary is printed. Ctrl+C prints the part
summaries made so far.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from writer.commands.common import (
    StdoutSink,
    add_model_arguments,
    add_sampling_arguments,
    load_backend,
    progress,
    read_text_file,
    sampling_from,
)
from writer.engine.assistant_jobs import STAGE_COMBINE, STAGE_FINAL, SummaryJob
from writer.engine.backend import StopFlag

if TYPE_CHECKING:
    import argparse


class _SummarySink(StdoutSink):
    """Streams the final summary to stdout and reports the parts on stderr."""

    def __init__(self) -> None:
        self.stage = STAGE_FINAL  # a text that fits is summarized at once: stream it
        self.printed = False

    def text(self, piece: str) -> None:
        """Print a piece of the final summary (part summaries are not printed)."""
        if self.stage == STAGE_FINAL:
            if not self.printed:
                piece = piece.lstrip()
            if piece:
                sys.stdout.write(piece)
                sys.stdout.flush()
                self.printed = True

    def progress(self, step: int, total: int, label: str) -> None:
        """Print progress on stderr."""
        self.stage = label
        if label == STAGE_FINAL:
            progress("Combining the part summaries…")
        elif label == STAGE_COMBINE:
            progress(f"Combining, group {step} of {total}…")
        else:
            progress(f"Summarizing part {step} of {total}…")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``summarize`` subcommand."""
    parser = subparsers.add_parser(
        "summarize", help="print a summary of FILE (long files are summarized in parts)"
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "--language",
        choices=("en", "zh"),
        default=None,
        help="language of the summary prompt (default: that of the text)",
    )
    add_model_arguments(parser)
    add_sampling_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Summarize the document and print the summary."""
    text = read_text_file(args.file)
    if not text.strip():
        progress(f"{args.file} is empty: there is nothing to summarize.")
        return 0
    backend = load_backend(args, text)
    params = sampling_from(args, "chat")
    if args.max_tokens is None:
        params = params.with_overrides(max_tokens=min(params.max_tokens, 256))
    job = SummaryJob(text, params=params, language=args.language)
    sink = _SummarySink()
    stop = StopFlag()
    try:
        stats = job.run(backend, sink, stop)
    except KeyboardInterrupt:
        if not job.part_summaries:
            raise
        progress(f"Interrupted: the summaries of {len(job.part_summaries)} parts so far.")
        print("\n\n".join(job.part_summaries))
        return 130
    if not sink.printed:
        sys.stdout.write(job.result)
    sys.stdout.write("\n")
    parts = f"{job.parts} parts, " if job.parts > 1 else ""
    progress(f"{parts}{stats.tokens} tokens in {stats.seconds:.1f} s")
    return 0
