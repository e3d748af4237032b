"""``writer continue FILE``: stream a continuation of a document to stdout."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from writer.commands.common import (
    StdoutSink,
    add_model_arguments,
    add_sampling_arguments,
    load_backend,
    progress,
)
from writer.commands.prompt import continue_job_for
from writer.engine.backend_api import Backend, StopFlag
from writer.engine.candidates import MAX_CANDIDATES
from writer.engine.choice_jobs import CandidatesJob

if TYPE_CHECKING:
    import argparse

    from writer.engine.jobs import ContinueJob


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``continue`` subcommand."""
    parser = subparsers.add_parser(
        "continue", help="print a continuation of FILE (its end is the cursor)"
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "--notes", default="", help="story notes ahead of the text (default: those beside FILE)"
    )
    parser.add_argument(
        "--choices",
        type=int,
        default=None,
        metavar="N",
        help=f"write N candidates at once (1-{MAX_CANDIDATES}), decoded together",
    )
    parser.add_argument(
        "--json", action="store_true", help="with --choices: print the candidates as a JSON list"
    )
    add_model_arguments(parser)
    add_sampling_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Continue the document and print the new text."""
    if args.choices is not None and not 1 <= args.choices <= MAX_CANDIDATES:
        print(f"writer continue: --choices takes 1 to {MAX_CANDIDATES}", file=sys.stderr)
        return 2
    if args.json and args.choices is None:
        print("writer continue: --json goes with --choices N", file=sys.stderr)
        return 2
    job = continue_job_for(args.file, None, args)  # with the lore and notes kept beside it
    if args.notes:
        job.notes = args.notes
    backend = load_backend(args, job.text_before)
    if args.choices is not None:
        return _run_choices(args, job, backend)
    stats = job.run(backend, StdoutSink(), StopFlag())
    sys.stdout.write("\n")
    progress(
        f"{stats.tokens} tokens in {stats.seconds:.2f} s ({stats.tokens_per_s:.1f} tokens/s), "
        f"stop: {stats.stop_reason}"
    )
    return 0


def _run_choices(args: argparse.Namespace, request: ContinueJob, backend: Backend) -> int:
    """Write N candidates of the same request together and print them (a JSON list with --json)."""
    job = CandidatesJob.like(request, count=args.choices, on_pieces=lambda _pieces: None)
    stats = job.run(backend, StdoutSink(), StopFlag())
    if args.json:
        json.dump(job.texts, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for number, candidate in enumerate(job.texts, start=1):
            sys.stdout.write(f"--- {number} ---\n{candidate}\n")
    progress(
        f"{len(job.texts)} candidates, {stats.tokens} tokens in {stats.seconds:.2f} s, "
        f"stop: {stats.stop_reason}"
    )
    return 0
