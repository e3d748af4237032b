"""The ``writer`` command: the GUI, and headless subcommands for scripts.

``writer [FILE...]`` opens the window; ``writer continue|summarize|models|
template|bench ...`` run without one. Exit codes: 0 done, 1 a failure
explained in one line on stderr (no traceback), 2 a usage error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from writer import __version__
from writer.commands import (
    bench,
    chat,
    continue_text,
    export,
    models,
    snapshot,
    summarize,
    template,
)
from writer.errors import WriterError

#: Modules that add a subcommand through ``register(subparsers)``, in --help order.
COMMAND_MODULES = (continue_text, models, summarize, chat, template, export, snapshot, bench)

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the headless subcommands."""
    parser = argparse.ArgumentParser(
        prog="writer", description="Writer: a local, offline writing assistant."
    )
    parser.add_argument("--version", action="version", version=f"writer {__version__}")
    _add_subcommands(parser)
    return parser


def _add_subcommands(parser: argparse.ArgumentParser) -> set[str]:
    """Add every subcommand to ``parser``; return their names."""
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return set(subparsers.choices)


def subcommand_names() -> set[str]:
    """Return the names of the headless subcommands."""
    return _add_subcommands(argparse.ArgumentParser(prog="writer"))


def build_gui_parser() -> argparse.ArgumentParser:
    """Return the parser of the GUI form, ``writer [FILE...]``."""
    parser = argparse.ArgumentParser(
        prog="writer",
        description="Writer: a local, offline writing assistant. "
        "Subcommands: " + ", ".join(sorted(subcommand_names())) + ".",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="documents to open")
    parser.add_argument("--model", metavar="PATH", help="GGUF model file to load")
    parser.add_argument("--version", action="version", version=f"writer {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from writer.app_logging import setup_logging

    args_list = list(sys.argv[1:] if argv is None else argv)
    setup_logging()
    if args_list and args_list[0] in subcommand_names():
        args = build_parser().parse_args(args_list)
        try:
            return int(args.func(args) or 0)
        except WriterError as error:
            print(f"writer: {error}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("writer: interrupted", file=sys.stderr)
            return 130
        except Exception as error:  # never a traceback in the user's face
            log.exception("unexpected failure in %s", args_list[0])
            print(f"writer: unexpected error: {error} (details in the log)", file=sys.stderr)
            return 1
    args = build_gui_parser().parse_args(args_list)
    from writer.gui.app import run_gui

    return run_gui(args.files, model=args.model)


if __name__ == "__main__":
    sys.exit(main())
