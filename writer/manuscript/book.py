"""A document read as a book: title, author, language and chapters of paragraphs.

Every exporter (DOCX, EPUB, ODT) builds from the same :class:`Book`, so they
agree on what a chapter is. Markdown headings become chapters (the top level
used more than once; a single heading of that level at the very start is the
book's title), deeper headings stay headings inside a chapter, ``***`` and
``* * *`` lines are scene breaks, and ``*italic*`` / ``**bold**`` survive.
Paragraphs are separated by blank lines; in a text that hardly uses blank
lines (many Chinese novels), every line is a paragraph. A YAML-style front
matter block (``---`` … ``---`` with ``title:``, ``author:``, ``lang:``) names
the book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from writer.core.text_stats import count_text

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_SCENE_BREAK = re.compile(r"^[ \t]*\*[ \t]*\*[ \t]*\*[ \t*]*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_META_LINE = re.compile(r"^([A-Za-z_-]+)[ \t]*:[ \t]*(.*?)[ \t]*$")
#: ``*x*`` / ``**x**`` / ``***x***`` (also inside words, as CommonMark and CJK text need),
#: and ``_x_`` / ``__x__`` only at word boundaries.
_EMPHASIS = re.compile(
    r"(?<![\\*])(?P<star>\*{1,3})(?=[^\s*])(?P<s>.+?)(?<=[^\s\\*])(?P=star)(?!\*)"
    r"|(?<![\\\w])(?P<line>_{1,3})(?=[^\s_])(?P<u>.+?)(?<=[^\s\\_])(?P=line)(?!\w)",
    re.DOTALL,
)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
#: Characters XML 1.0 cannot hold (control codes, lone surrogates): dropped on export.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
#: A text whose blocks hold more lines than this on average puts one paragraph per line.
_LINES_PER_BLOCK = 8


@dataclass(frozen=True)
class Span:
    """A run of text with its emphasis."""

    text: str
    italic: bool = False
    bold: bool = False


@dataclass
class Block:
    """A paragraph (lines of spans, joined by line breaks), a heading or a scene break."""

    kind: str  # "paragraph", "heading", "scene_break"
    lines: list[list[Span]] = field(default_factory=list)
    level: int = 2  # for headings inside a chapter: 2 = the first level under chapters
    marker: str = ""  # the scene break as written, e.g. "* * *"

    @property
    def text(self) -> str:
        """Return the plain text of the block (lines joined by newlines)."""
        if self.kind == "scene_break":
            return self.marker
        return "\n".join("".join(span.text for span in line) for line in self.lines)


@dataclass
class Chapter:
    """A chapter: its title (empty for text before the first heading) and blocks."""

    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Book:
    """What the exporters need: metadata and chapters."""

    title: str
    author: str
    language: str  # BCP 47: "en", "zh-CN", "ja"
    chapters: list[Chapter]
    words: int  # words, plus CJK characters (the word-processor count)

    @property
    def is_cjk(self) -> bool:
        """Return whether the book is in Chinese or Japanese."""
        return self.language.startswith(("zh", "ja"))

    @property
    def word_count_label(self) -> str:
        """Return the title page's rounded count: ``about 85,000 words`` or ``约 85,000 字``."""
        step = 100 if self.words < 20_000 else 1000
        rounded = max(step, round(self.words / step) * step) if self.words else 0
        if self.is_cjk:
            return f"约 {rounded:,} 字"
        return f"about {rounded:,} words"

    @property
    def byline(self) -> str:
        """Return ``by AUTHOR`` (``作者：AUTHOR`` in Chinese); empty without an author."""
        if not self.author:
            return ""
        return f"作者：{self.author}" if self.is_cjk else f"by {self.author}"


def detect_language(text: str) -> str:
    """Return ``zh-CN`` for mostly Chinese text, ``ja`` with kana, else ``en``."""
    sample = text[:200_000]
    counts = count_text(sample)
    if not counts.is_mostly_cjk:
        return "en"
    return "ja" if len(_KANA.findall(sample)) > counts.cjk_characters // 20 else "zh-CN"


def inline_spans(text: str) -> list[Span]:
    """Return ``text`` as spans, with Markdown emphasis turned into italic and bold."""
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "*" not in text and "_" not in text:
        return [Span(_unescape(text))] if text else []
    spans: list[Span] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            spans.append(Span(_unescape(text[position : match.start()])))
        marker = match.group("star") or match.group("line")
        inner = _unescape(match.group("s") or match.group("u"))
        strength = len(marker)
        spans.append(Span(inner, italic=strength in (1, 3), bold=strength >= 2))
        position = match.end()
    if position < len(text):
        spans.append(Span(_unescape(text[position:])))
    return [span for span in spans if span.text]


def _unescape(text: str) -> str:
    """Remove Markdown backslash escapes."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def parse_book(
    text: str,
    *,
    title: str = "",
    author: str = "",
    language: str = "",
    fallback_title: str = "Untitled",
) -> Book:
    """Read ``text`` as a book; front matter, then a leading title heading, fill the gaps.

    ``fallback_title`` (the file name, say) is used when nothing names the book.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = _NOT_XML.sub("", text)
    meta, text = _front_matter(text)
    lines = text.split("\n")
    headings = [(i, _HEADING.match(line)) for i, line in enumerate(lines)]
    levels = [len(m.group(1)) for _, m in headings if m]
    book_title = ""
    chapter_level = min(levels) if levels else 0
    if levels and levels.count(chapter_level) == 1:
        first = next(i for i, m in headings if m)
        deeper = [level for level in levels if level > chapter_level]
        if deeper and not any(line.strip() for line in lines[:first]):
            book_title = headings[first][1].group(2)  # type: ignore[union-attr]
            lines[first] = ""
            chapter_level = min(deeper)
    per_line = _one_paragraph_per_line(lines)
    chapters: list[Chapter] = [Chapter("")]
    paragraph: list[str] = []

    def flush() -> None:
        if not paragraph:
            return
        if per_line:
            chapters[-1].blocks.extend(Block("paragraph", [inline_spans(p)]) for p in paragraph)
        else:
            chapters[-1].blocks.append(Block("paragraph", [inline_spans(p) for p in paragraph]))
        paragraph.clear()

    for line in lines:
        heading = _HEADING.match(line)
        stripped = line.strip()
        if heading:
            flush()
            level, heading_text = len(heading.group(1)), _plain(heading.group(2))
            if level <= chapter_level:
                chapters.append(Chapter(heading_text))
            else:
                depth = min(level - chapter_level + 1, 6)
                chapters[-1].blocks.append(Block("heading", [[Span(heading_text)]], level=depth))
        elif _SCENE_BREAK.match(line):
            flush()
            chapters[-1].blocks.append(Block("scene_break", marker=stripped))
        elif not stripped:
            flush()
        else:
            paragraph.append(stripped[1:].lstrip() if stripped.startswith(">") else stripped)
    flush()
    if not chapters[0].blocks and len(chapters) > 1:
        chapters.pop(0)
    return Book(
        title=title or meta.get("title", "") or book_title or fallback_title,
        author=author or meta.get("author", ""),
        language=language
        or meta.get("lang", "")
        or meta.get("language", "")
        or detect_language(text),
        chapters=chapters,
        words=count_text(text).total,
    )


def _plain(text: str) -> str:
    """Return heading text without Markdown emphasis or escapes."""
    return "".join(span.text for span in inline_spans(text))


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split off a ``---`` front matter block; return its simple keys and the rest."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        pair = _META_LINE.match(line)
        if pair is None:
            return {}, text  # not front matter we understand: keep the text as it is
        meta[pair.group(1).lower()] = pair.group(2).strip("\"'")
    return meta, text[match.end() :]


def _one_paragraph_per_line(lines: list[str]) -> bool:
    """Return whether the text puts one paragraph per line (it hardly uses blank lines)."""
    filled = blocks = 0
    previous_blank = True
    for line in lines:
        blank = not line.strip() or bool(_HEADING.match(line))
        if not blank:
            filled += 1
            if previous_blank:
                blocks += 1
        previous_blank = blank
    return blocks > 0 and filled / blocks > _LINES_PER_BLOCK
