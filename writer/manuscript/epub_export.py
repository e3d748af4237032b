"""EPUB 3 with ebooklib: a title page, one XHTML file per chapter, and a table of contents.

The package carries the title, author and language (``dc:language`` and each
page's ``xml:lang``); the stylesheet names CJK serif fonts for Chinese and
Japanese books. ebooklib writes ``mimetype`` first and uncompressed, as
readers require.
"""

from __future__ import annotations

import html
import uuid
from io import BytesIO
from typing import TYPE_CHECKING

from ebooklib import epub

if TYPE_CHECKING:
    from writer.manuscript.book import Block, Book, Span

_CSS = """
body { font-family: %s; line-height: 1.5; }
h1 { text-align: center; margin: 2em 0 1.5em; page-break-before: always; }
h2, h3, h4 { margin: 1.5em 0 0.5em; }
p { margin: 0; text-indent: %s; }
p.first, h1 + p, h2 + p, h3 + p, h4 + p, p.scene-break + p { text-indent: 0; }
p.scene-break { text-align: center; text-indent: 0; margin: 1em 0; }
.title-page { text-align: center; margin-top: 30%%; }
.title-page h1 { page-break-before: avoid; }
.title-page p { text-indent: 0; }
"""
_LATIN_FONTS = 'Georgia, "Times New Roman", serif'
_CJK_FONTS = '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif'


def _spans_html(spans: list[Span]) -> str:
    """Return spans as XHTML text with ``<em>`` and ``<strong>``."""
    parts = []
    for span in spans:
        text = html.escape(span.text, quote=False)
        if span.bold:
            text = f"<strong>{text}</strong>"
        if span.italic:
            text = f"<em>{text}</em>"
        parts.append(text)
    return "".join(parts)


def _block_html(block: Block) -> str:
    """Return one block as XHTML."""
    if block.kind == "scene_break":
        return f'<p class="scene-break">{html.escape(block.marker, quote=False)}</p>'
    if block.kind == "heading":
        level = min(block.level, 6)
        return f"<h{level}>{html.escape(block.text, quote=False)}</h{level}>"
    return "<p>" + "<br/>".join(_spans_html(line) for line in block.lines) + "</p>"


def build_epub(book: Book) -> bytes:
    """Return the EPUB file of ``book``."""
    package = epub.EpubBook()
    package.set_identifier(f"urn:uuid:{uuid.uuid4()}")
    package.set_title(book.title)
    package.set_language(book.language)
    if book.author:
        package.add_author(book.author)
    package.add_metadata("DC", "date", _today())
    css = _CSS % (_CJK_FONTS if book.is_cjk else _LATIN_FONTS, "2em" if book.is_cjk else "1.5em")
    style = epub.EpubItem(
        uid="style", file_name="style/book.css", media_type="text/css", content=css
    )
    package.add_item(style)

    title_page = epub.EpubHtml(title=book.title, file_name="title.xhtml", lang=book.language)
    byline = f"<p>{html.escape(book.byline, quote=False)}</p>" if book.byline else ""
    title_page.content = (
        f'<div class="title-page"><h1>{html.escape(book.title, quote=False)}</h1>{byline}</div>'
    )
    title_page.add_item(style)
    package.add_item(title_page)

    chapters = []
    for number, chapter in enumerate(book.chapters, start=1):
        name = chapter.title or book.title
        page = epub.EpubHtml(
            title=name, file_name=f"chapter-{number:03d}.xhtml", lang=book.language
        )
        heading = f"<h1>{html.escape(chapter.title, quote=False)}</h1>" if chapter.title else ""
        body = "\n".join(_block_html(block) for block in chapter.blocks)
        page.content = f"<section>{heading}\n{body}\n</section>"
        page.add_item(style)
        package.add_item(page)
        chapters.append(page)

    package.toc = chapters
    package.add_item(epub.EpubNcx())
    nav = epub.EpubNav()
    nav.add_item(style)
    package.add_item(nav)
    package.spine = [title_page, "nav", *chapters]
    buffer = BytesIO()
    epub.write_epub(buffer, package, {"epub3_pages": False})
    return buffer.getvalue()


def _today() -> str:
    """Return today's date as YYYY-MM-DD."""
    from datetime import date

    return date.today().isoformat()
