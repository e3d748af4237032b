"""``writer snapshot FILE [--name N]``, ``writer snapshot list FILE [--json]``, ``show``.

``snapshot FILE`` stores the document's text and sidecar (story notes, lore)
beside it; ``snapshot list FILE`` lists them newest first (``--json``: a list of
``{name, time, auto}``); ``snapshot show FILE WHICH`` prints a snapshot's text
(WHICH is its name or the start of its time). A damaged snapshot file is named
on stderr and skipped; the others still list.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from writer.commands.common import CommandError, progress
from writer.core.document_io import read_document
from writer.core.sidecar import load_sidecar
from writer.manuscript.snapshots import REASONS, SnapshotInfo, SnapshotStore, with_line_ends

EXIT_USAGE = 2
USAGE = "writer snapshot FILE [--name N] | list FILE [--json] | show FILE WHICH"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``snapshot`` subcommand."""
    parser = subparsers.add_parser(
        "snapshot", help="take, list or show snapshots of a document", usage=USAGE
    )
    parser.add_argument("words", nargs="+", metavar="[list|show] FILE", help=argparse.SUPPRESS)
    parser.add_argument("--name", default="", metavar="N", help="name the snapshot")
    parser.add_argument("--json", action="store_true", help="list as one JSON document")
    parser.set_defaults(func=run)


def _usage(message: str) -> int:
    """Print a usage error on stderr; return 2."""
    print(f"writer: {message} (usage: {USAGE})", file=sys.stderr)
    return EXIT_USAGE


def _document(path: str) -> Path:
    """Return the document path, which must be an existing file."""
    document = Path(path)
    if not document.is_file():
        raise CommandError(f"{path} is not a file.")
    return document


def describe(info: SnapshotInfo) -> str:
    """Return one line of the plain listing: local time, kind, name."""
    when = info.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    kind = "auto  " if info.auto else "manual"
    label = info.name or REASONS.get(info.reason, info.reason)
    return f"{when}\t{kind}\t{label}"


def run(args: argparse.Namespace) -> int:
    """Take, list or show snapshots."""
    words = list(args.words)
    action = words.pop(0) if words[0] in ("list", "show") and len(words) > 1 else "take"
    if action in ("take", "list") and len(words) != 1:
        return _usage("expected one FILE")
    if action == "show" and len(words) != 2:
        return _usage("expected FILE and the snapshot's name or time")
    store = SnapshotStore(_document(words[0]))
    if action == "take":
        loaded = read_document(Path(words[0]))
        sidecar = with_line_ends(load_sidecar(store.document), loaded.line_ends)
        info = store.take(loaded.text, sidecar, name=args.name, auto=False, reason="command_line")
        assert info is not None
        progress(f"Snapshot taken: {info.path}")
        print(info.time.isoformat())
        return 0
    listing = store.list()
    for problem in listing.problems:
        progress(f"writer: skipped a damaged snapshot: {problem}")
    if action == "show":
        found = next(
            (
                i
                for i in listing.snapshots
                if i.name == words[1] or i.time.isoformat().startswith(words[1])
            ),
            None,
        )
        if found is None:
            raise CommandError(f"No snapshot of {Path(words[0]).name} is named “{words[1]}”.")
        sys.stdout.write(store.load(found).text)
        return 0
    if args.json:
        print(json.dumps([i.to_json() for i in listing.snapshots], ensure_ascii=False, indent=1))
    else:
        for info in listing.snapshots:
            print(describe(info))
    return 0
