"""``writer lore list|import FILE``: a document's lorebook from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from writer.commands.common import CommandError, progress
from writer.core.lore import (
    load_lorebook,
    save_document_lore,
    save_project_lore,
    write_lore_file,
)
from writer.core.lore_formats import read_lore_file

if TYPE_CHECKING:
    import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``lore`` subcommand and its actions."""
    parser = subparsers.add_parser("lore", help="list, import or export a document's lorebook")
    actions = parser.add_subparsers(dest="lore_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the entries in effect for FILE")
    listing.add_argument("file", metavar="FILE")
    listing.add_argument("--json", action="store_true", help="print one JSON list")
    listing.set_defaults(func=run_list)
    importing = actions.add_parser(
        "import", help="add the entries of a Writer, KoboldAI or SillyTavern lorebook to FILE"
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("book", metavar="WORLDINFO.json")
    importing.add_argument(
        "--project", action="store_true", help="into the lorebook shared by FILE's folder"
    )
    importing.set_defaults(func=run_import)
    exporting = actions.add_parser("export", help="write FILE's entries as Writer JSON")
    exporting.add_argument("file", metavar="FILE")
    exporting.add_argument("-o", "--output", required=True, metavar="OUT")
    exporting.set_defaults(func=run_export)


def _document(path: str) -> Path:
    """Return the document's path, which must exist."""
    document = Path(path)
    if not document.is_file():
        raise CommandError(f"{path} does not exist.")
    return document


def run_list(args: argparse.Namespace) -> int:
    """Print the entries in effect (the document's, then its folder's)."""
    entries = load_lorebook(_document(args.file)).entries()
    if args.json:
        rows = [{k: v for k, v in e.to_dict().items() if k != "enabled"} for e in entries]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for entry in entries:
        flags = " (always)" if entry.always else ""
        flags += " (off)" if not entry.enabled else ""
        print(f"{entry.title}{flags} [{', '.join(entry.keys)}] priority {entry.priority}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Add a lorebook's entries to the document (an entry of the same title is replaced)."""
    document = _document(args.file)
    imported = read_lore_file(Path(args.book))
    book = load_lorebook(document)
    current = book.project if args.project else book.document
    titles = {entry.title for entry in imported}
    merged = [entry for entry in current if entry.title not in titles] + imported
    if args.project:
        save_project_lore(document, merged)
    else:
        save_document_lore(document, merged)
    where = "the folder's lorebook" if args.project else document.name
    progress(f"Imported {len(imported)} entries into {where}.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the entries in effect as Writer's plain JSON lorebook."""
    entries = load_lorebook(_document(args.file)).entries()
    try:
        write_lore_file(Path(args.output), entries)
    except OSError as error:
        raise CommandError(f"Cannot write {args.output}: {error.strerror}.") from error
    progress(f"Exported {len(entries)} entries to {args.output}.")
    return 0
