"""Fountain screenplays: clean a model's messy script into Fountain, and lay it out as HTML.

Plain Python, no Qt. `Fountain <https://fountain.io/syntax>`_ is plain text
with a few conventions: scene headings start with INT./EXT. (or a forced
``.``), character cues are upper case (or forced with ``@``) and the dialogue
follows them without a blank line, parentheticals sit in brackets,
transitions end in ``TO:`` (or are forced with ``>``).

:class:`FountainCleaner` works on streamed text, one whole line at a time,
so a screenplay template can clean the model's output as it arrives.
:func:`parse_fountain` reads Fountain into elements; the HTML export and the
editor's highlighter share its rules through :func:`classify_line`.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from writer.core.poem_lines import is_preamble

if TYPE_CHECKING:
    from collections.abc import Callable

SCENE = re.compile(r"^(?:INT\.?/EXT|INT/EXT|I/E|INT|EXT|EST)(?:\.|\s)", re.IGNORECASE)
_SCENE_LOOSE = re.compile(
    r"^(?P<where>INT\.?/EXT\.?|I/E\.?|INTERIOR|EXTERIOR|INT|EXT|EST)\b[.,:]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_SCENE_LABEL = re.compile(
    r"^(?:scene|sc\.)\s*(?:(?:\d+[A-Z]?|[IVX]+)\b\s*[:.\-–—]?|[:\-–—])\s*(?P<rest>.*)$"
    r"|^(?:场景[一二三四五六七八九十百\d]*|第\S{1,3}场)\s*[:：.、]?\s*(?P<zh>.*)$",
    re.IGNORECASE,
)
_ZH_SCENE = re.compile(r"^(内景|外景|内/外景|日景|夜景)")
_TRANSITION = re.compile(
    r"^(?:(?:smash |match |jump |hard )?cut(?: back)? to|dissolve to|fade to(?: black)?|wipe to"
    r"|fade out|fade in|cut to black|切至|切到|淡入|淡出|叠化|转场)\s*[:.：。]?$",
    re.IGNORECASE,
)
# "NAME: words" (a colon between digits, as in 08:52, is part of the text, not a cue's).
_INLINE_CUE = re.compile(
    r"^(?P<cue>[^:：()（）\[\]]{1,32}?)\s*(?P<paren>[(（][^)）]*[)）])?\s*"
    r"(?:：|:(?!\d))\s*(?P<text>.*)$"
)
#: "ANNA, a tired waitress": a name, then who they are (an introduction, not a name).
_INTRODUCED = re.compile(r"^(?P<name>[^,，]{1,24})[,，]\s*(?P<who>\S.{0,60})$")
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z0-9'.\-]*(?: [A-Z0-9][A-Za-z0-9'.\-]*){0,3}$")
_UPPER_CUE = re.compile(r"^[A-Z0-9][A-Z0-9 '.\-]{0,30}(?: ?\([A-Z.' ]+\))?$")
_CJK_NAME = re.compile(r"^[\u3400-\u9fff·]{1,6}$")
_EXTENSION = re.compile(r"^[(（]\s*(V\.?O\.?|O\.?S\.?|O\.?C\.?|CONT'?D|画外音|旁白)\s*[)）]$", re.I)
_NOT_NAMES = {
    "note",
    "notes",
    "title",
    "scene",
    "setting",
    "time",
    "place",
    "location",
    "characters",
    "summary",
    "description",
    "action",
    "logline",
    "genre",
    "author",
    "draft",
    "credit",
    "source",
    "contact",
    "场景",
    "时间",
    "地点",
    "人物",
    "注",
    "标题",
    "背景",
    "剧名",
    "角色",
}
_TITLE_KEYS = re.compile(
    r"^(title|credit|author|authors|source|draft date|date|contact|notes|copyright)\s*:",
    re.IGNORECASE,
)
_CHATTER = re.compile(r"^(i hope\b|hope you\b|let me know\b|feel free\b|希望你)", re.IGNORECASE)
_QUOTED = re.compile(r'^(["“「])(.*)(["”」])$')
_FORCE_CHARS = tuple(".@~=#>[!")


def _is_cjk_text(text: str) -> bool:
    """Return whether ``text`` has no Latin letters (a Chinese screenplay line)."""
    return not re.search(r"[A-Za-z]", text)


def _scene_heading(text: str) -> str | None:
    """Return ``text`` as a Fountain scene heading, or None if it is not one."""
    label = _SCENE_LABEL.match(text)
    if label:
        rest = (label.group("rest") or label.group("zh") or "").strip()
        if not rest:
            return ""  # a bare "Scene 2": a number, not a heading
        text = rest
    loose = _SCENE_LOOSE.match(text)
    if loose and loose.group("where").upper() in ("INTERIOR", "EXTERIOR"):
        after = text[len(loose.group("where")) :][:1]
        if not (text.isupper() or after in tuple(".,:-–—")):
            loose = None  # "Interior of the car smells." is action
    if loose and (loose.group("rest") or SCENE.match(text)):
        where = loose.group("where").upper().rstrip(".")
        where = {"INTERIOR": "INT", "EXTERIOR": "EXT", "INT/EXT": "INT./EXT"}.get(where, where)
        rest = re.sub(r"\s*[,–—]\s*", " - ", loose.group("rest").strip()).strip(" .-")
        rest = re.sub(r"\s+-\s+", " - ", rest)
        return f"{where}. {rest.upper()}".rstrip()
    if _ZH_SCENE.match(text) or (label and _is_cjk_text(text)):
        return "." + text
    if label:
        return "." + text.upper()
    return None


def _transition(text: str) -> str | None:
    """Return ``text`` as a Fountain transition, or None if it is not one."""
    if not _TRANSITION.match(text):
        return None
    word = text.rstrip(":.：。 ").upper()
    if _is_cjk_text(word):
        return "> " + text
    if word == "FADE IN":
        return "FADE IN:"
    if word.endswith(" TO"):
        return word + ":"
    return "> " + word + "."


def _cue(name: str, extension: str = "") -> str | None:
    """Return a Fountain character cue for ``name``, or None if it is not a name."""
    name = name.strip().strip("*_ ")
    if not name or name.casefold() in _NOT_NAMES:
        return None
    ext = f" ({extension.strip('()（） ').upper()})" if extension else ""
    if _CJK_NAME.match(name):
        return "@" + name + ext
    if _LATIN_NAME.match(name) or _UPPER_CUE.match(name):
        return name.upper() + ext
    return None


def unquote(text: str) -> str:
    """Return a speech or dialogue line without one pair of quotes around it."""
    match = _QUOTED.match(text.strip())
    return match.group(2).strip() if match else text.strip()


def _paren(text: str) -> str:
    """Return a parenthetical in round ASCII brackets."""
    inner = text.strip().strip("()（）").strip()
    return f"({inner})"


class LineCleaner:
    """Cleans a model's streamed text one whole line at a time: :meth:`feed`, then :meth:`flush`.

    A subclass says what one line becomes in :meth:`_line`.
    """

    def __init__(self) -> None:
        self._partial = ""  # the line not yet ended

    def feed(self, piece: str) -> str:
        """Take a piece of model text; return the cleaned text of the lines it completes."""
        self._partial += piece.replace("\r", "")
        out: list[str] = []
        while "\n" in self._partial:
            line, self._partial = self._partial.split("\n", 1)
            out.append(self._line(line))
        return "".join(out)

    def flush(self) -> str:
        """Return the cleaned text of the last, unfinished line."""
        line, self._partial = self._partial, ""
        return self._line(line)

    def clean(self, text: str) -> str:
        """Return a whole ``text`` cleaned (:meth:`feed` and :meth:`flush` at once)."""
        return self.feed(text) + self.flush()

    def _line(self, raw: str) -> str:
        """Return what one line of model text becomes (with the line breaks it needs)."""
        raise NotImplementedError


class FountainCleaner(LineCleaner):
    """Cleans streamed screenplay text into Fountain, one whole line at a time."""

    def __init__(self) -> None:
        super().__init__()
        self._started = False
        self._need_blank = False  # the next element must follow a blank line
        self._input_blank = False  # the model left a blank line since the last element
        self._in_dialogue = False  # a cue on its own line opened a dialogue block
        self._title_page = True  # "Title:" lines at the very start form a title page
        self._last_heading = ""
        self._after_heading = False  # nothing came after the last heading yet
        self._elements = 0

    def _emit(self, kind: str, text: str) -> str:
        """Return ``text`` with the line breaks Fountain wants before an element of ``kind``."""
        if not self._started:
            separator = ""
        elif kind in ("dialogue", "paren"):
            separator = "\n"
        elif kind in ("heading", "transition", "cue", "title_end") or self._need_blank:
            separator = "\n\n"
        else:
            separator = "\n\n" if self._input_blank else "\n"
        self._started = True
        self._input_blank = False
        self._need_blank = kind in ("heading", "transition")
        self._after_heading = kind == "heading"
        self._elements += 1
        if kind == "heading":
            self._last_heading = text
        return separator + text

    def _line(self, raw: str) -> str:
        """Clean one line; return what to insert for it."""
        text = raw.replace("**", "").replace("__", "").strip()
        text = re.sub(r"^#+\s*", "", text).strip()
        if not text or text.startswith("```") or re.fullmatch(r"-{3,}|\*{3,}", text):
            if self._started:
                self._input_blank = True
                self._in_dialogue = False
                self._title_page = False
            return ""
        if re.fullmatch(r"={3,}", text):
            return self._emit("heading", "===")
        heading = _scene_heading(text)
        if heading is not None:
            self._in_dialogue = self._title_page = False
            if self._after_heading and (
                self._elements == 1 or heading.upper() == self._last_heading.upper()
            ):
                return ""  # the model repeated the heading (Writer wrote it from the fields)
            return self._emit("heading", heading) if heading else ""
        transition = _transition(text)
        if transition is not None:
            self._in_dialogue = self._title_page = False
            return self._emit("transition", transition)
        if self._title_page and _TITLE_KEYS.match(text):
            out = self._emit("title", text)
            self._need_blank = True
            return out
        self._title_page = False
        nothing_but_a_heading = self._elements == 1 and self._after_heading
        if (self._elements == 0 or nothing_but_a_heading) and is_preamble(text):
            return ""
        if _CHATTER.match(text):
            return ""
        return self._cue_or_action(text)

    def _cue_or_action(self, text: str) -> str:
        """Clean a line that is dialogue, a character cue, a parenthetical or action."""
        if self._in_dialogue and text[0] in "(（" and text[-1] in ")）":
            return self._emit("paren", _paren(text))
        inline = _INLINE_CUE.match(text)
        if inline:
            paren = inline.group("paren") or ""
            is_ext = bool(_EXTENSION.match(paren)) if paren else False
            cue = _cue(inline.group("cue"), paren if is_ext else "")
            introduced = _INTRODUCED.match(inline.group("cue")) if cue is None else None
            out = ""
            if introduced is not None and (cue := _cue(introduced.group("name"))) is not None:
                who = introduced.group("who").rstrip(" .")
                out = self._emit("action", f"{introduced.group('name').strip()}, {who}.")
            if cue is not None:
                out += self._emit("cue", cue)
                speech = inline.group("text").strip()
                if paren and not is_ext:
                    out += self._emit("paren", _paren(paren))
                lead = re.match(r"^([(（][^)）]*[)）])\s*(.*)$", speech)
                if lead:
                    out += self._emit("paren", _paren(lead.group(1)))
                    speech = lead.group(2)
                if speech:
                    out += self._emit("dialogue", unquote(speech))
                    self._in_dialogue = False
                    self._need_blank = True
                else:
                    self._in_dialogue = True
                return out
        alone = _cue(text) if _UPPER_CUE.match(text) and not self._in_dialogue else None
        if alone is not None and not text.endswith((".", "!", "?")):
            self._in_dialogue = True
            return self._emit("cue", alone)
        if self._in_dialogue:
            return self._emit("dialogue", unquote(text))
        if text[0] in "(（[【" and text[-1] in ")）]】":
            text = text[1:-1].strip()
        if text.startswith(_FORCE_CHARS) or (text.upper() == text and re.search(r"[A-Z]", text)):
            text = "!" + text
        return self._emit("action", text)


def clean_screenplay(text: str) -> str:
    """Return a model's screenplay text cleaned into Fountain."""
    return FountainCleaner().clean(text)


# -- reading Fountain ---------------------------------------------------------------


@dataclass(frozen=True)
class Element:
    """One element of a screenplay: its kind and text (lines joined by "\\n")."""

    kind: str  # title, scene_heading, action, character, parenthetical, dialogue,
    # transition, centered, section, synopsis, lyric, page_break
    text: str


def is_character_cue(line: str) -> bool:
    """Return whether ``line`` reads as a character cue (upper case, or forced with @)."""
    text = line.strip()
    if text.startswith("@"):
        return len(text) > 1
    bare = re.sub(r"\([^)]*\)", "", text).rstrip("^ ").strip()
    return (
        bool(bare)
        and bool(re.search(r"[A-Z]", bare))
        and bare == bare.upper()
        and not bare.endswith((":", ".", "!", "?"))
        and len(bare) <= 40
    )


def classify_line(line: str, *, prev_blank: bool, next_blank: bool) -> str:
    """Return the kind of a line that is not inside a dialogue block."""
    text = line.strip()
    if re.fullmatch(r"={3,}", text):
        return "page_break"
    if text.startswith("!"):
        return "action"
    if text.startswith("~"):
        return "lyric"
    if text.startswith("#"):
        return "section"
    if text.startswith("="):
        return "synopsis"
    if text.startswith(">"):
        return "centered" if text.endswith("<") else "transition"
    if prev_blank and (
        (text.startswith(".") and not text.startswith("..") and len(text) > 1) or SCENE.match(text)
    ):
        return "scene_heading"
    if prev_blank and next_blank and text.isupper() and text.endswith("TO:"):
        return "transition"
    if prev_blank and not next_blank and is_character_cue(text):
        return "character"
    return "action"


def element_text(kind: str, line: str) -> str:
    """Return a line's text without its Fountain markers."""
    text = line.strip()
    if kind == "scene_heading":
        text = re.sub(r"\s*#[^#]+#$", "", text)
        return text[1:] if text.startswith(".") else text
    if kind == "character":
        return text.lstrip("@").rstrip("^ ").strip()
    if kind == "centered":
        return text.strip("><").strip()
    if kind in ("transition", "action", "lyric", "synopsis"):
        return text[1:].strip() if text[:1] in ">!~=" else text
    if kind == "section":
        return text.lstrip("#").strip()
    return text


def parse_fountain(text: str) -> list[Element]:
    """Return the elements of a Fountain screenplay."""
    text = re.sub(r"/\*.*?\*/", "", text.replace("\r\n", "\n"), flags=re.DOTALL)
    text = re.sub(r"\[\[.*?\]\]", "", text, flags=re.DOTALL)
    lines = text.split("\n")
    elements: list[Element] = []
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index < len(lines) and _TITLE_KEYS.match(lines[index].strip()):
        while index < len(lines) and lines[index].strip():
            elements.append(Element("title", lines[index].strip()))
            index += 1
    prev_blank = True
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            prev_blank = True
            index += 1
            continue
        next_blank = index + 1 >= len(lines) or not lines[index + 1].strip()
        kind = classify_line(line, prev_blank=prev_blank, next_blank=next_blank)
        index += 1
        prev_blank = False
        if kind == "character":
            elements.append(Element(kind, element_text(kind, line)))
            while index < len(lines) and lines[index].strip():
                spoken = lines[index].strip()
                part = "parenthetical" if spoken.startswith("(") else "dialogue"
                _append(elements, part, spoken)
                index += 1
            continue
        _append(elements, kind, element_text(kind, line), merge=kind == "action")
    return elements


def _append(elements: list[Element], kind: str, text: str, *, merge: bool = True) -> None:
    """Add an element, joining it to the previous one of the same kind when ``merge``."""
    if merge and elements and elements[-1].kind == kind and kind in ("action", "dialogue"):
        elements[-1] = Element(kind, elements[-1].text + "\n" + text)
    else:
        elements.append(Element(kind, text))


# -- HTML ---------------------------------------------------------------------------

_CSS = """
body { background: #f4f4f0; margin: 0; }
.screenplay { font-family: "Courier Prime", "Courier New", Courier, monospace; font-size: 12pt;
  line-height: 1.15; width: 6in; margin: 0.5in auto; padding: 1in 1in 1in 1.5in;
  background: #fff; box-shadow: 0 0 6px rgba(0,0,0,.2); }
.screenplay p { margin: 0 0 12pt 0; white-space: pre-wrap; }
.title-page { text-align: center; margin-bottom: 3in; }
.scene-heading { text-transform: uppercase; font-weight: bold; margin-top: 24pt !important; }
.character { margin: 12pt 0 0 2.2in !important; text-transform: uppercase; }
.parenthetical { margin: 0 0 0 1.6in !important; width: 2in; }
.dialogue { margin: 0 0 12pt 1in !important; width: 3.5in; }
.transition { text-align: right; text-transform: uppercase; }
.centered { text-align: center; }
.section, .synopsis { color: #888; }
.lyric { font-style: italic; }
.page-break { page-break-after: always; border-top: 1px dashed #ccc; margin: 24pt 0; }
@media print { body { background: none; } .screenplay { box-shadow: none; margin: 0; } }
"""

_CLASSES = {"scene_heading": "scene-heading", "page_break": "page-break"}


def _inline(text: str) -> str:
    """Return escaped HTML with Fountain emphasis (*italic*, **bold**, _underline_)."""
    out = html.escape(text, quote=False)
    out = re.sub(r"\*\*\*(.+?)\*\*\*", r"<strong><em>\1</em></strong>", out)
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"\*(.+?)\*", r"<em>\1</em>", out)
    out = re.sub(r"(?<!\w)_(.+?)_(?!\w)", r"<u>\1</u>", out)
    return out.replace("\n", "<br>")


def fountain_to_html(text: str, title: str = "Screenplay") -> str:
    """Return a standalone HTML page that lays out a Fountain screenplay."""
    body: list[str] = []
    titles = []
    for element in parse_fountain(text):
        if element.kind == "title":
            key, _, value = element.text.partition(":")
            titles.append(
                f'<p class="title-{html.escape(key.strip().lower().replace(" ", "-"))}">'
                f"{_inline(value.strip())}</p>"
            )
            if key.strip().lower() == "title" and value.strip():
                title = value.strip()
            continue
        css = _CLASSES.get(element.kind, element.kind)
        if element.kind == "page_break":
            body.append('<div class="page-break"></div>')
        else:
            body.append(f'<p class="{css}">{_inline(element.text)}</p>')
    return script_page(title, _CSS, "screenplay", titles, body)


def script_page(title: str, css: str, layout: str, titles: list[str], body: list[str]) -> str:
    """Return the standalone HTML page of a script: title page (when any), then ``body``.

    ``layout`` is the class of the page's outer ``div`` ("screenplay", "play").
    """
    head = f'<div class="title-page">{"".join(titles)}</div>\n' if titles else ""
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f'<div class="{layout}">\n{head}' + "\n".join(body) + "\n</div>\n</body>\n</html>\n"
    )


def export_screenplay(text: str, path: Path, *, title: str = "Screenplay") -> None:
    """Write ``text`` to ``path``: HTML laid out as a screenplay for .html/.htm, else Fountain.

    Raises:
        OSError: the file cannot be written (nothing half-written is left).
    """
    export_script(text, path, fountain_to_html, title)


def export_script(text: str, path: Path, to_html: Callable[[str, str], str], title: str) -> None:
    """Write a script to ``path`` whole: ``to_html``'s page for .html/.htm, else Fountain.

    Raises:
        OSError: the file cannot be written (nothing half-written is left).
    """
    if path.suffix.lower() in (".html", ".htm"):
        content = to_html(text, Path(title).stem or title)
    else:
        content = text if text.endswith("\n") else text + "\n"
    temp = path.with_name(f".{path.name}.tmp")
    try:
        temp.write_text(content, encoding="utf-8")
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
