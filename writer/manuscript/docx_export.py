"""DOCX in standard manuscript format, with python-docx.

12 pt Times New Roman (SimSun declared for Chinese), double spacing, one-inch
margins, first lines indented; a title page with the author and the rounded
word count; each chapter a Heading 1 on a new page; scene breaks centred as
written; a running header "Author / Title / page" from the second page on.
"""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING, cast

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Inches, Mm, Pt
from lxml.etree import SubElement

from writer.manuscript.book import Block, Book, Span

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph

LATIN_FONT = "Times New Roman"
CJK_FONT = "SimSun"
_R, _RPR, _B, _I, _T, _BR, _TAB = (
    qn(f"w:{tag}") for tag in ("r", "rPr", "b", "i", "t", "br", "tab")
)
_P, _PPR, _PSTYLE, _PAGE_BREAK, _VAL = (
    qn(name) for name in ("w:p", "w:pPr", "w:pStyle", "w:pageBreakBefore", "w:val")
)
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SCENE_BREAK = "Scene Break"
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _set_fonts(style: ParagraphStyle, book: Book) -> None:
    """Give ``style`` the manuscript fonts and language, dropping theme fonts and colours."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), CJK_FONT)
    if book.is_cjk:
        fonts.set(qn("w:hint"), "eastAsia")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US" if not book.is_cjk else book.language)
    lang.set(qn("w:eastAsia"), book.language if book.is_cjk else "zh-CN")
    style.font.size = Pt(12)
    style.font.color.rgb = None
    color = rpr.find(qn("w:color"))
    if color is not None:
        rpr.remove(color)


def _setup_styles(document: DocxDocument, book: Book) -> None:
    """Make Normal and the headings manuscript-plain."""
    styles = document.styles
    normal = cast("ParagraphStyle", styles["Normal"])
    _set_fonts(normal, book)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.DOUBLE
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(24) if book.is_cjk else Inches(0.5)
    fmt.widow_control = True
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        style = cast("ParagraphStyle", styles[name])
        _set_fonts(style, book)
        style.font.bold = name != "Heading 1" and name != "Title"
        style.font.italic = False
        style.font.all_caps = False
        pf = style.paragraph_format
        pf.first_line_indent = Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.DOUBLE
        pf.space_after = Pt(12)
        if name in ("Heading 1", "Title"):
            pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pf.space_before = Inches(2) if name == "Heading 1" else Inches(3)
        else:
            pf.space_before = Pt(12)
    scene = cast("ParagraphStyle", styles.add_style(SCENE_BREAK, WD_STYLE_TYPE.PARAGRAPH))
    scene.base_style = normal
    scene.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    scene.paragraph_format.first_line_indent = Pt(0)
    title = styles["Title"]
    title.element.get_or_add_pPr()
    ppr = title.element.pPr
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _page_field(paragraph: Paragraph) -> None:
    """Append a PAGE field (the page number) to ``paragraph``, as Word's complex field runs."""
    for kind, instruction in (
        ("begin", ""),
        ("", " PAGE "),
        ("separate", ""),
        ("", "1"),
        ("end", ""),
    ):
        run = paragraph.add_run().element
        if kind:
            SubElement(run, qn("w:fldChar")).set(qn("w:fldCharType"), kind)
        elif instruction == "1":
            SubElement(run, _T).text = instruction
        else:
            code = SubElement(run, qn("w:instrText"))
            code.text = instruction
            code.set(_SPACE, "preserve")


def _add_spans(p: BaseOxmlElement, block: Block) -> None:
    """Add ``block``'s lines to the paragraph element ``p`` as runs, line breaks between lines."""
    for index, line in enumerate(block.lines):
        if index:
            SubElement(SubElement(p, _R), _BR)
        for span in line:
            run = SubElement(p, _R)
            if span.italic or span.bold:
                properties = SubElement(run, _RPR)
                if span.bold:
                    SubElement(properties, _B)
                if span.italic:
                    SubElement(properties, _I)
            for number, piece in enumerate(span.text.split("\t")):
                if number:
                    SubElement(run, _TAB)
                if piece:
                    text = SubElement(run, _T)
                    text.text = piece
                    if piece[0].isspace() or piece[-1].isspace():
                        text.set(_SPACE, "preserve")


class _Body:
    """Appends paragraphs to the document body with lxml.

    python-docx's ``add_paragraph`` and ``add_run`` search the body for its
    section properties on every call (quadratic in the paragraphs) and cost
    about half a millisecond each: far too slow for a novel.
    """

    def __init__(self, document: DocxDocument) -> None:
        body = document.element.body
        self.body = body
        self.end = body.find(qn("w:sectPr"))

    def add(self, style_id: str = "", *, page_break: bool = False) -> BaseOxmlElement:
        """Add an empty paragraph of ``style_id`` (Normal when empty); return its element."""
        p = self.body.makeelement(_P, {})
        if style_id or page_break:
            properties = SubElement(p, _PPR)
            if style_id:
                SubElement(properties, _PSTYLE).set(_VAL, style_id)
            if page_break:
                SubElement(properties, _PAGE_BREAK)
        if self.end is not None:
            self.end.addprevious(p)
        else:
            self.body.append(p)
        return p


def _title_page(document: DocxDocument, book: Book) -> None:
    """Write the title page: author and word count at the top, the title half-way down."""
    section = document.sections[0]
    width = Emu(
        int(section.page_width or 0)
        - int(section.left_margin or 0)
        - int(section.right_margin or 0)
    )
    top = document.add_paragraph(style="Normal")
    top.paragraph_format.first_line_indent = Pt(0)
    top.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    top.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    top.add_run(f"{book.author}\t{book.word_count_label}")
    title = document.add_paragraph(book.title, style="Title")
    title.paragraph_format.keep_with_next = True
    if book.byline:
        byline = document.add_paragraph(book.byline, style="Normal")
        byline.alignment = WD_ALIGN_PARAGRAPH.CENTER
        byline.paragraph_format.first_line_indent = Pt(0)


def _header(document: DocxDocument, book: Book) -> None:
    """Put "Author / Title / page" at the top right of every page but the first."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.paragraph_format.first_line_indent = Pt(0)
    surname = book.author.split()[-1] if book.author.split() else ""
    keyword = book.title if book.is_cjk else book.title.upper()
    paragraph.add_run(" / ".join(part for part in (surname, keyword) if part) + " / ")
    _page_field(paragraph)


def _add_block(body: _Body, block: Block, styles: dict[str, str], page_break: bool) -> None:
    """Add one paragraph, heading or scene break."""
    if block.kind == "heading":
        p = body.add(styles[f"Heading {min(block.level, 3)}"], page_break=page_break)
        _add_spans(p, Block("paragraph", [[Span(block.text)]]))
    elif block.kind == "scene_break":
        p = body.add(styles[SCENE_BREAK], page_break=page_break)
        _add_spans(p, Block("paragraph", [[Span(block.marker)]]))
    else:
        _add_spans(body.add(page_break=page_break), block)


def build_docx(book: Book) -> bytes:
    """Return the DOCX file of ``book``."""
    document = Document()
    section = document.sections[0]
    if book.is_cjk:
        section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    core = document.core_properties
    core.title, core.author, core.language = book.title, book.author, book.language
    core.comments = "Exported by Writer"
    _setup_styles(document, book)
    _header(document, book)
    _title_page(document, book)
    styles = {
        name: document.styles[name].style_id
        for name in ("Heading 1", "Heading 2", "Heading 3", SCENE_BREAK)
    }
    body = _Body(document)
    for chapter in book.chapters:
        page_break = True
        if chapter.title:
            heading = body.add(styles["Heading 1"], page_break=True)
            _add_spans(heading, Block("paragraph", [[Span(chapter.title)]]))
            page_break = False
        for block in chapter.blocks:
            _add_block(body, block, styles, page_break)
            page_break = False
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
