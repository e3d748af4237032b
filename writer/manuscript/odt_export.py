"""ODT (OpenDocument text, for LibreOffice) with odfpy, in the same manuscript format as DOCX.

12 pt Liberation Serif / Times New Roman with a CJK font declared for Asian
text, double spacing, a title page, chapters as level-1 headings on new pages,
centred scene breaks. Language and country are set for Western and Asian text.
"""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING

from odf import dc, meta, style, text
from odf.opendocument import OpenDocument, OpenDocumentText

if TYPE_CHECKING:
    from odf.element import Element

    from writer.manuscript.book import Block, Book

LATIN_FONT = "Liberation Serif"
CJK_FONT = "Noto Serif CJK SC"


def _language(book: Book) -> dict[str, str]:
    """Return the text properties that name the Western and Asian languages."""
    lang, _, country = book.language.partition("-")
    western = (
        {"language": "en", "country": "US"}
        if book.is_cjk
        else {"language": lang or "en", "country": country or "none"}
    )
    asian = {
        "languageasian": lang if book.is_cjk else "zh",
        "countryasian": (country or "none") if book.is_cjk else "CN",
    }
    return western | asian


def _styles(document: OpenDocument, book: Book) -> dict[str, Element]:
    """Declare fonts and the paragraph styles; return them by name."""
    for name, family in ((LATIN_FONT, "roman"), (CJK_FONT, "roman")):
        document.fontfacedecls.addElement(
            style.FontFace(name=name, fontfamily=f"'{name}'", fontfamilygeneric=family)
        )
    default = style.DefaultStyle(family="paragraph")
    default.addElement(
        style.TextProperties(
            fontname=LATIN_FONT,
            fontsize="12pt",
            fontnameasian=CJK_FONT,
            fontsizeasian="12pt",
            **_language(book),
        )
    )
    default.addElement(style.ParagraphProperties(lineheight="200%"))
    document.styles.addElement(default)
    indent = "2em" if book.is_cjk else "0.5in"
    made = {
        "body": style.Style(
            name="Manuscript_20_Body", displayname="Manuscript Body", family="paragraph"
        ),
        "plain": style.Style(
            name="Manuscript_20_Plain", displayname="Manuscript Plain", family="paragraph"
        ),
        "centred": style.Style(
            name="Manuscript_20_Centred", displayname="Manuscript Centred", family="paragraph"
        ),
        "title": style.Style(name="Title", family="paragraph"),
        "h1": style.Style(
            name="Heading_20_1",
            displayname="Heading 1",
            family="paragraph",
            defaultoutlinelevel="1",
        ),
        "h2": style.Style(
            name="Heading_20_2",
            displayname="Heading 2",
            family="paragraph",
            defaultoutlinelevel="2",
        ),
        "h3": style.Style(
            name="Heading_20_3",
            displayname="Heading 3",
            family="paragraph",
            defaultoutlinelevel="3",
        ),
        "new_page": style.Style(
            name="Manuscript_20_Body_20_New_20_Page",
            displayname="Manuscript Body New Page",
            family="paragraph",
            parentstylename="Manuscript_20_Body",
        ),
    }
    made["body"].addElement(
        style.ParagraphProperties(textindent=indent, margintop="0in", marginbottom="0in")
    )
    made["plain"].addElement(style.ParagraphProperties(lineheight="100%"))
    made["centred"].addElement(style.ParagraphProperties(textalign="center"))
    made["title"].addElement(style.ParagraphProperties(textalign="center", margintop="3in"))
    made["h1"].addElement(
        style.ParagraphProperties(
            textalign="center", breakbefore="page", margintop="2in", marginbottom="0.2in"
        )
    )
    made["h2"].addElement(style.ParagraphProperties(margintop="0.2in"))
    made["h2"].addElement(style.TextProperties(fontweight="bold", fontweightasian="bold"))
    made["h3"].addElement(style.TextProperties(fontweight="bold", fontweightasian="bold"))
    made["new_page"].addElement(style.ParagraphProperties(breakbefore="page"))
    for item in made.values():
        document.styles.addElement(item)
    for key, props in (
        ("italic", {"fontstyle": "italic", "fontstyleasian": "italic"}),
        ("bold", {"fontweight": "bold", "fontweightasian": "bold"}),
        (
            "bold_italic",
            {
                "fontstyle": "italic",
                "fontstyleasian": "italic",
                "fontweight": "bold",
                "fontweightasian": "bold",
            },
        ),
    ):
        span_style = style.Style(name=f"Manuscript_20_{key}", displayname=key, family="text")
        span_style.addElement(style.TextProperties(**props))
        document.automaticstyles.addElement(span_style)
        made[key] = span_style
    layout = style.PageLayout(name="Manuscript")
    layout.addElement(
        style.PageLayoutProperties(
            pagewidth="210mm" if book.is_cjk else "8.5in",
            pageheight="297mm" if book.is_cjk else "11in",
            margintop="1in",
            marginbottom="1in",
            marginleft="1in",
            marginright="1in",
        )
    )
    document.automaticstyles.addElement(layout)
    document.masterstyles.addElement(style.MasterPage(name="Standard", pagelayoutname=layout))
    return made


def _add_lines(paragraph: Element, block: Block, styles: dict[str, str]) -> None:
    """Add the lines of ``block`` to ``paragraph``, with emphasis and line breaks."""
    for index, line in enumerate(block.lines):
        if index:
            paragraph.addElement(text.LineBreak())
        for span in line:
            key = ("bold_" if span.bold else "") + ("italic" if span.italic else "")
            if key.endswith("_"):
                key = "bold"
            if key:
                paragraph.addElement(text.Span(stylename=styles[key], text=span.text))
            else:
                paragraph.addText(span.text)


def build_odt(book: Book) -> bytes:
    """Return the ODT file of ``book``."""
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=book.title))
    if book.author:
        document.meta.addElement(meta.InitialCreator(text=book.author))
        document.meta.addElement(dc.Creator(text=book.author))
    document.meta.addElement(dc.Language(text=book.language))
    made = _styles(document, book)
    # Style names as strings: odfpy resolves a Style object on every element it is given to.
    styles = {key: str(style_.getAttribute("name")) for key, style_ in made.items()}
    body: Element = document.text  # pyright: ignore[reportAttributeAccessIssue]
    body.addElement(
        text.P(stylename=styles["plain"], text=f"{book.author}    {book.word_count_label}".strip())
    )
    body.addElement(text.P(stylename=styles["title"], text=book.title))
    if book.byline:
        body.addElement(text.P(stylename=styles["centred"], text=book.byline))
    for chapter in book.chapters:
        new_page = True
        if chapter.title:
            body.addElement(text.H(outlinelevel=1, stylename=styles["h1"], text=chapter.title))
            new_page = False
        for block in chapter.blocks:
            if block.kind == "heading":
                level = min(block.level, 3)
                element = text.H(outlinelevel=level, stylename=styles[f"h{level}"], text=block.text)
            elif block.kind == "scene_break":
                element = text.P(stylename=styles["centred"], text=block.marker)
            else:
                element = text.P(stylename=styles["new_page" if new_page else "body"])
                _add_lines(element, block, styles)
            new_page = False
            body.addElement(element)
    buffer = BytesIO()
    document.write(buffer)
    return buffer.getvalue()
