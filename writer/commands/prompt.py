"""``writer prompt FILE``: show what Continue would send, part by part."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from writer.commands.common import (
    CommandError,
    add_model_arguments,
    load_backend,
    read_text_file,
    sampling_from,
)
from writer.core.context_window import ContextWindow
from writer.core.document_context import load_document_context
from writer.core.prompt_parts import ContextSettings
from writer.engine.jobs import ContinueJob

if TYPE_CHECKING:
    import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``prompt`` subcommand."""
    parser = subparsers.add_parser(
        "prompt", help="show what Continue would send for FILE, part by part"
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "--cursor",
        type=int,
        default=None,
        metavar="N",
        help="the cursor as a character offset (default: the end; negative counts from the end)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--max-tokens",
        type=int,
        default=None,
        metavar="N",
        help="room kept for the passage (default: settings)",
    )
    add_model_arguments(parser)
    parser.set_defaults(func=run, temperature=None, top_p=None, top_k=None, seed=None)


def continue_job_for(path: str, cursor: int | None, args: argparse.Namespace) -> ContinueJob:
    """Return the Continue job for ``path`` with the cursor at ``cursor`` (None: the end)."""
    text = read_text_file(path)
    if cursor is None:
        cursor = len(text)
    elif cursor < 0:
        cursor = max(0, len(text) + cursor)
    if cursor > len(text):
        raise CommandError(f"--cursor {cursor} is past the end of {path} ({len(text)} characters).")
    context = load_document_context(Path(path))
    return ContinueJob(
        text_before=text[:cursor],
        window=ContextWindow(),
        params=sampling_from(args),
        notes=context.notes,
        text_after=text[cursor:],
        lore=context.lore,
        authors_note=context.authors_note,
        story_so_far=context.story_so_far,
        settings=ContextSettings.from_settings(),
    )


def run(args: argparse.Namespace) -> int:
    """Print the prompt's parts (or one JSON object)."""
    job = continue_job_for(args.file, args.cursor, args)
    backend = load_backend(args, job.text_before)
    try:
        assembly = job.assemble(backend)
    finally:
        backend.close()
    if args.json:
        print(json.dumps(assembly.to_json(), ensure_ascii=False, indent=1))
        return 0
    out = sys.stdout
    for part in assembly.parts:
        label = f"{part.kind} · {part.title}" if part.title else part.kind
        out.write(f"── {label} · {part.tokens} tokens · {part.why}\n{part.text}\n")
    for item in assembly.left_out:
        label = f"{item.kind} · {item.title}" if item.title else item.kind
        out.write(f"── left out: {label} · {item.why}\n")
    out.write(f"── {assembly.tokens} tokens in all ({assembly.mode})\n")
    return 0
