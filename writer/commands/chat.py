"""``writer chat``: talk to the model from a terminal, one question per line.

Questions come from stdin (typed, or piped); each reply streams to stdout,
with the conversation kept across lines. ``--about FILE`` puts a document
into the first question as context, like "Ask about selection".
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from writer.commands.common import (
    StdoutSink,
    add_model_arguments,
    add_sampling_arguments,
    load_backend,
    read_text_file,
    sampling_from,
)
from writer.core.chat_prompt import ChatTurn
from writer.engine.assistant_jobs import ChatJob
from writer.engine.backend import StopFlag

if TYPE_CHECKING:
    import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``chat`` subcommand."""
    parser = subparsers.add_parser(
        "chat", help="chat with the model: one question per line on stdin"
    )
    parser.add_argument("--about", metavar="FILE", help="a document the first question is about")
    add_model_arguments(parser)
    add_sampling_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Answer each line of stdin in one conversation."""
    context = read_text_file(args.about) if args.about else ""
    backend = load_backend(args, context)
    params = sampling_from(args, "chat")
    turns: list[ChatTurn] = []
    interactive = sys.stdin.isatty()
    if interactive:
        print("Ask a question (Ctrl+D to end).", file=sys.stderr)
    for line in sys.stdin:
        question = line.strip()
        if not question:
            continue
        turns.append(ChatTurn(question, context if not turns else ""))
        job = ChatJob(turns, params=params)
        job.run(backend, StdoutSink(), StopFlag())
        turns[-1].reply = job.reply
        sys.stdout.write("\n\n" if interactive else "\n")
        sys.stdout.flush()
    return 0
