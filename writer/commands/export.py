"""``writer export FILE --to docx|epub|odt|html|txt|fountain -o OUT``: export a document.

The format comes from ``--to`` or from the name of ``OUT``; without ``-o`` the
export is written beside FILE with the format's suffix. ``--title``,
``--author`` and ``--lang`` fill the title page and metadata (by default the
text's front matter or first heading, the account's name, and the language
the text is written in). Exit codes: 0 done, 1 a failure in one line on
stderr, 2 a usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from writer.commands.common import progress, read_text_file
from writer.manuscript.export import (
    FORMATS,
    SUFFIXES,
    ExportOptions,
    default_author,
    export_text,
    format_of,
    is_screenplay,
)

if TYPE_CHECKING:
    import argparse

EXIT_USAGE = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` subcommand."""
    parser = subparsers.add_parser(
        "export", help="export a document as DOCX, EPUB, ODT, HTML, text or Fountain"
    )
    parser.add_argument("file", metavar="FILE", help="the document to export")
    parser.add_argument("--to", choices=FORMATS, help="the format (default: from OUT's name)")
    parser.add_argument("-o", "--output", metavar="OUT", help="the file to write")
    parser.add_argument("--title", default="", help="the book's title")
    parser.add_argument("--author", default=None, help="the author's name")
    parser.add_argument(
        "--lang",
        default="",
        metavar="TAG",
        help="language tag such as en or zh-CN (default: detected)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Export FILE; print the path written on stdout."""
    source = Path(args.file)
    fmt = args.to or (format_of(Path(args.output)) if args.output else None)
    if fmt is None:
        print(
            "writer: say the format with --to, or give -o a name ending in "
            f"{', '.join(SUFFIXES.values())}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    output = Path(args.output) if args.output else source.with_suffix(SUFFIXES[fmt])
    if output.resolve() == source.resolve():
        print(
            f"writer: the export would overwrite {source.name}; choose another -o", file=sys.stderr
        )
        return EXIT_USAGE
    text = read_text_file(str(source))
    options = ExportOptions(
        title=args.title,
        author=default_author() if args.author is None else args.author,
        language=args.lang,
        screenplay=is_screenplay(source),
        fallback_title=source.stem,
    )
    export_text(text, output, fmt, options)
    progress(f"Exported {fmt.upper()}: {output}")
    print(output)
    return 0
