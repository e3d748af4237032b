"""Exporting a document: one entry point for every format, each file written whole or not at all.

``docx``, ``epub`` and ``odt`` read the text as a book (:mod:`writer.manuscript.book`);
``html`` is the Markdown export (or a screenplay laid out as a script for a
Fountain document), ``txt`` the text as UTF-8 and ``fountain`` the screenplay
as Fountain. Every format goes through :func:`~writer.manuscript.files.write_atomically`.
"""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass
from pathlib import Path

from writer.errors import ExportError
from writer.manuscript.book import Book, parse_book
from writer.manuscript.files import write_atomically

log = logging.getLogger(__name__)

FORMATS = ("docx", "epub", "odt", "html", "txt", "fountain")
SUFFIXES = {
    "docx": ".docx",
    "epub": ".epub",
    "odt": ".odt",
    "html": ".html",
    "txt": ".txt",
    "fountain": ".fountain",
}
SCREENPLAY_SUFFIXES = (".fountain", ".spmd")


@dataclass(frozen=True)
class ExportOptions:
    """What the title page and metadata say; empty values come from the text or defaults."""

    title: str = ""
    author: str = ""
    language: str = ""
    screenplay: bool = False
    fallback_title: str = "Untitled"  # the document's name, when the text names no title


def format_of(path: Path) -> str | None:
    """Return the export format a file name asks for (``book.epub`` -> ``epub``), if any."""
    suffix = path.suffix.lower()
    if suffix == ".htm":
        return "html"
    return next((name for name, known in SUFFIXES.items() if known == suffix), None)


def is_screenplay(path: Path | None) -> bool:
    """Return whether a document at ``path`` is a screenplay (a Fountain file)."""
    return path is not None and path.suffix.lower() in SCREENPLAY_SUFFIXES


def default_author() -> str:
    """Return the author when none is set: the name of the user's account."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def read_book(text: str, options: ExportOptions) -> Book:
    """Return ``text`` as a book with the options' metadata."""
    return parse_book(
        text,
        title=options.title,
        author=options.author,
        language=options.language,
        fallback_title=options.fallback_title,
    )


def render(text: str, fmt: str, options: ExportOptions) -> bytes:
    """Return the bytes of ``text`` exported as ``fmt``.

    Raises:
        ExportError: an unknown format, or the exporter failed.
    """
    if fmt not in FORMATS:
        raise ExportError(f"Cannot export as {fmt}: choose one of {', '.join(FORMATS)}.")
    title = options.title or options.fallback_title
    if fmt == "txt":
        return (text if text.endswith("\n") or not text else text + "\n").encode("utf-8")
    if fmt == "fountain":
        return (text if text.endswith("\n") else text + "\n").encode("utf-8")
    if fmt == "html":
        if options.screenplay:
            from writer.core.fountain import fountain_to_html

            return fountain_to_html(text, title=title).encode("utf-8")
        from writer.core.markdown_render import render_standalone

        return render_standalone(text, title).encode("utf-8")
    book = read_book(text, options)
    try:
        if fmt == "docx":
            from writer.manuscript.docx_export import build_docx

            return build_docx(book)
        if fmt == "epub":
            from writer.manuscript.epub_export import build_epub

            return build_epub(book)
        from writer.manuscript.odt_export import build_odt

        return build_odt(book)
    except (ValueError, TypeError, KeyError) as error:  # a library refused the content
        log.exception("%s export failed", fmt)
        raise ExportError(f"Cannot export as {fmt.upper()}: {error}.") from error


def export_text(
    text: str, path: Path, fmt: str | None = None, options: ExportOptions | None = None
) -> Path:
    """Export ``text`` to ``path`` as ``fmt`` (default: from the file name); return the path.

    Raises:
        ExportError: unknown format, or the file could not be written (nothing half-written).
    """
    path = Path(path)
    fmt = fmt or format_of(path)
    if fmt is None:
        raise ExportError(
            f"Cannot tell the format of {path.name}: use a name ending in "
            f"{', '.join(SUFFIXES.values())}."
        )
    data = render(text, fmt, options or ExportOptions())
    write_atomically(path, data, error=ExportError, verb="export")
    return path
