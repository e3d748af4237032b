"""The ``writer`` command: the GUI, and headless subcommands for scripts.

``writer [FILE...]`` opens the window; ``writer continue|summarize|models|
template|bench ...`` run without one. Exit codes: 0 done, 1 a failure
explained in one line on stderr (no traceback), 2 a usage error.
"""

from __future__ import annotations

import argparse
import difflib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from writer import __version__
from writer.commands import (
    bench,
    chat,
    continue_text,
    export,
    lore,
    models,
    prompt,
    snapshot,
    summarize,
    template,
)
from writer.errors import WriterError

if TYPE_CHECKING:
    from collections.abc import Sequence

#: Modules that add a subcommand through ``register(subparsers)``, in --help order.
COMMAND_MODULES = (
    continue_text,
    models,
    summarize,
    chat,
    template,
    export,
    snapshot,
    bench,
    prompt,
    lore,
)

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


#: Exit code of a command whose output pipe was closed (as if killed by SIGPIPE).
BROKEN_PIPE_EXIT = 141


def unknown_command(word: str, names: set[str]) -> str | None:
    """Return a usage error for ``word`` when it is a mistyped command, not a file to open."""
    if word.startswith("-") or "/" in word or os.sep in word:
        return None
    if Path(word).suffix or Path(word).exists():
        return None
    message = f"unknown command '{word}'"
    close = difflib.get_close_matches(word, sorted(names), n=1, cutoff=0.6)
    if close:
        message += f" (did you mean '{close[0]}'?)"
    else:
        message += f" (commands: {', '.join(sorted(names))})"
    return message + f"; to open a new file of that name, use ./{word}"


def _pipe_closed(fd: int) -> bool:
    """Return whether ``fd`` is a pipe nobody reads any more."""
    try:
        import select

        poller = select.poll()
    except (ImportError, AttributeError):  # Windows
        return False
    if fd < 0:
        return False
    poller.register(fd, select.POLLOUT)
    return any(events & select.POLLERR for _fd, events in poller.poll(0))


def _fileno(stream: object) -> int:
    """Return the file descriptor of ``stream``, or -1 (a stand-in such as a test's capture)."""
    try:
        return int(stream.fileno())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return -1


def check_streams(args: argparse.Namespace) -> int | None:
    """Check stdin and stdout before the work starts; return an exit code to stop with."""
    if sys.stderr is None:
        sys.stderr = os.fdopen(os.open(os.devnull, os.O_WRONLY), "w")
    writes_file = bool(getattr(args, "output", None))
    if sys.stdout is None:
        if writes_file:
            sys.stdout = os.fdopen(os.open(os.devnull, os.O_WRONLY), "w")
        else:
            print("writer: standard output is closed; nowhere to write the result", file=sys.stderr)
            return 1
    elif not writes_file and _pipe_closed(_fileno(sys.stdout)):
        return BROKEN_PIPE_EXIT  # quietly, as Unix tools do
    if args.command == "chat" and sys.stdin is None:
        print("writer: standard input is closed; chat reads its questions from it", file=sys.stderr)
        return 1
    return None


def _quiet_broken_pipe() -> int:
    """Stop writing to a pipe that was closed, without a message; return the exit code."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the final flush must not fail again
    except (OSError, AttributeError, ValueError):
        pass
    return BROKEN_PIPE_EXIT


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from writer.app_logging import setup_logging

    args_list = list(sys.argv[1:] if argv is None else argv)
    setup_logging()
    names = subcommand_names()
    if args_list and args_list[0] not in names:
        mistake = unknown_command(args_list[0], names)
        if mistake is not None:
            build_gui_parser().print_usage(sys.stderr)
            print(f"writer: error: {mistake}", file=sys.stderr)
            return 2
    if args_list and args_list[0] in names:
        args = build_parser().parse_args(args_list)
        stop = check_streams(args)
        if stop is not None:
            return stop
        try:
            return int(args.func(args) or 0)
        except BrokenPipeError:
            return _quiet_broken_pipe()
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
