"""Export: DOCX, EPUB and ODT open in their libraries with the chapters in order; no half files."""

from __future__ import annotations

import errno
import os
import stat
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from ebooklib import epub
from odf import teletype
from odf import text as odf_text
from odf.opendocument import load as load_odt

from writer.errors import ExportError
from writer.manuscript import files
from writer.manuscript.export import ExportOptions, export_text, format_of

NOVEL = """# The Lighthouse

## Chapter One

The keeper had not spoken to anyone in *three weeks*.

Each morning he climbed the stairs.

* * *

A boat appeared on the horizon.

## Chapter Two

She waved a **lantern**.

***

He put down his pen.
"""

CHINESE = """# 长安十二时辰

## 第一章 晨钟

天宝三载，元月十四日，巳正。

长安城的*钟声*响了。

* * *

张小敬走出了牢门。

## 第二章 暮鼓

夜色降临。
"""

OPTIONS = ExportOptions(author="Ada Writer")


def body_paragraphs(document) -> list[tuple[str, str]]:
    """Return (style, text) of the paragraphs after the title page."""
    rows = [(p.style.name, p.text) for p in document.paragraphs]
    first = next(i for i, (style, _) in enumerate(rows) if style == "Heading 1")
    return rows[first:]


def test_docx_has_chapters_as_heading_1_in_order(tmp_path: Path) -> None:
    path = export_text(NOVEL, tmp_path / "book.docx", options=OPTIONS)
    document = docx.Document(str(path))
    assert body_paragraphs(document) == [
        ("Heading 1", "Chapter One"),
        ("Normal", "The keeper had not spoken to anyone in three weeks."),
        ("Normal", "Each morning he climbed the stairs."),
        ("Scene Break", "* * *"),
        ("Normal", "A boat appeared on the horizon."),
        ("Heading 1", "Chapter Two"),
        ("Normal", "She waved a lantern."),
        ("Scene Break", "***"),
        ("Normal", "He put down his pen."),
    ]
    italic = [r.text for p in document.paragraphs for r in p.runs if r.italic]
    assert italic == ["three weeks"]
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert all(h.paragraph_format.page_break_before for h in headings)


def test_docx_is_in_manuscript_format(tmp_path: Path) -> None:
    """12 pt, double spacing, a title page with the author and the word count."""
    document = docx.Document(str(export_text(NOVEL, tmp_path / "b.docx", options=OPTIONS)))
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(12)
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.DOUBLE
    title_page = "\n".join(p.text for p in document.paragraphs[:3])
    assert "Ada Writer" in title_page and "about 100 words" in title_page
    assert "The Lighthouse" in title_page
    assert document.core_properties.title == "The Lighthouse"
    assert document.core_properties.author == "Ada Writer"


def test_docx_chinese_round_trips_with_cjk_font_and_language(tmp_path: Path) -> None:
    document = docx.Document(str(export_text(CHINESE, tmp_path / "zh.docx", options=OPTIONS)))
    rows = body_paragraphs(document)
    assert rows[0] == ("Heading 1", "第一章 晨钟")
    assert ("Normal", "长安城的钟声响了。") in rows
    assert ("Heading 1", "第二章 暮鼓") in rows
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "SimSun"
    lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    assert "约 100 字" in document.paragraphs[0].text


def epub_documents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_epub_opens_with_navigation_and_metadata(tmp_path: Path) -> None:
    path = export_text(NOVEL, tmp_path / "book.epub", options=OPTIONS)
    book = epub.read_epub(str(path))
    assert book.get_metadata("DC", "title")[0][0] == "The Lighthouse"
    assert book.get_metadata("DC", "creator")[0][0] == "Ada Writer"
    assert book.get_metadata("DC", "language")[0][0] == "en"
    nav = next(i for i in book.get_items() if isinstance(i, epub.EpubNav))
    tree = ElementTree.fromstring(nav.get_content())
    links = [a.text for a in tree.iter("{http://www.w3.org/1999/xhtml}a")]
    assert links == ["Chapter One", "Chapter Two"]
    chapter = epub_documents(path)["EPUB/chapter-001.xhtml"].decode()
    assert chapter.index("three weeks") < chapter.index("climbed") < chapter.index("* * *")


def test_epub_basics_hold(tmp_path: Path) -> None:
    """mimetype first and stored; every XHTML file is well-formed XML."""
    path = export_text(NOVEL + "\nA & B < C \x0b done\n", tmp_path / "book.epub", options=OPTIONS)
    with zipfile.ZipFile(path) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/epub+zip"
        assert not first.extra
        pages = [n for n in archive.namelist() if n.endswith((".xhtml", ".opf", ".ncx"))]
        assert len(pages) >= 5
        for name in pages:
            ElementTree.fromstring(archive.read(name))  # raises on invalid XML


def test_epub_chinese_has_language_and_cjk_font(tmp_path: Path) -> None:
    path = export_text(CHINESE, tmp_path / "zh.epub", options=OPTIONS)
    book = epub.read_epub(str(path))
    assert book.get_metadata("DC", "language")[0][0] == "zh-CN"
    assert book.get_metadata("DC", "title")[0][0] == "长安十二时辰"
    files_ = epub_documents(path)
    chapter = ElementTree.fromstring(files_["EPUB/chapter-001.xhtml"])
    assert chapter.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"
    text = "".join(chapter.itertext())
    assert "天宝三载，元月十四日，巳正。" in text and "张小敬走出了牢门。" in text
    assert b"Noto Serif CJK SC" in files_["EPUB/style/book.css"]


def test_odt_opens_with_chapters(tmp_path: Path) -> None:
    path = export_text(CHINESE, tmp_path / "zh.odt", options=OPTIONS)
    with zipfile.ZipFile(path) as archive:
        assert archive.infolist()[0].filename == "mimetype"
        styles = archive.read("styles.xml").decode()
    assert "Noto Serif CJK SC" in styles and 'style:language-asian="zh"' in styles
    document = load_odt(str(path))
    headings = [
        (h.getAttribute("outlinelevel"), teletype.extractText(h))
        for h in document.getElementsByType(odf_text.H)
    ]
    assert headings == [("1", "第一章 晨钟"), ("1", "第二章 暮鼓")]
    paragraphs = [teletype.extractText(p) for p in document.getElementsByType(odf_text.P)]
    assert "长安城的钟声响了。" in paragraphs


def test_html_txt_and_fountain(tmp_path: Path) -> None:
    html = export_text(NOVEL, tmp_path / "b.html").read_text(encoding="utf-8")
    assert "<h2>Chapter One</h2>" in html
    assert export_text(NOVEL, tmp_path / "b.txt").read_text(encoding="utf-8") == NOVEL
    script = "INT. KITCHEN - NIGHT\n\nMARA\nWhere is it?\n"
    screenplay = ExportOptions(screenplay=True, fallback_title="scene")
    laid_out = export_text(script, tmp_path / "s.html", options=screenplay).read_text("utf-8")
    assert "KITCHEN" in laid_out and "<html" in laid_out
    assert export_text(script, tmp_path / "s.fountain").read_text("utf-8") == script
    assert format_of(Path("x.EPUB")) == "epub" and format_of(Path("x.doc")) is None


def test_unknown_suffix_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"x\.pdf"):
        export_text(NOVEL, tmp_path / "x.pdf")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores modes")
def test_read_only_folder_real(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ExportError, match="not writable"):
            export_text(NOVEL, folder / "book.docx", options=OPTIONS)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


@pytest.mark.parametrize("fmt", ["docx", "epub", "odt"])
def test_read_only_folder_gives_one_line_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """A folder that refuses new files (as a read-only one does): message, nothing left."""
    real_open = os.open

    def refuse(name, flags, mode=0o777, **kwargs):
        if str(name).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, flags, mode, **kwargs)

    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(files.os, "open", refuse)
    with pytest.raises(ExportError) as caught:
        export_text(NOVEL, folder / f"book.{fmt}", options=OPTIONS)
    message = str(caught.value)
    assert f"book.{fmt}" in message and "not writable" in message and "\n" not in message
    assert list(folder.iterdir()) == []


def test_full_disk_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "book.epub"
    target.write_bytes(b"the old export")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle) -> None:
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    with pytest.raises(ExportError, match="disk is full"):
        export_text(NOVEL, target, options=OPTIONS)
    assert target.read_bytes() == b"the old export"
    assert [p.name for p in folder.iterdir()] == ["book.epub"]
