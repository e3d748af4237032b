"""Names for documents that have no file yet: numbered "Untitled", a first heading, a file name.

A new document is "Untitled", the next one "Untitled 2", and so on; once it has
a first heading (Markdown ``# Title`` or setext, or a Fountain ``Title:``) it is
named after it. Save As suggests a file name made from that heading, with the
characters file systems refuse taken out.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from writer.core.outline import parse_headings

if TYPE_CHECKING:
    from collections.abc import Iterable

UNTITLED = "Untitled"
#: How much of the start of a document is searched for its first heading.
HEAD_CHARS = 20_000
#: The longest name a tab shows (longer headings end with "…").
MAX_TITLE_CHARS = 60
#: The longest file name stem suggested (characters; its UTF-8 bytes stay under 255).
MAX_STEM_CHARS = 100

_FOUNTAIN_TITLE = re.compile(r"[ \t]*title[ \t]*:[ \t]*(\S[^\n]*)", re.I)
_INLINE_MARKS = re.compile(r"[*`]+|(?<!\w)_+|_+(?!\w)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{n}" for n in range(1, 10)),
    *(f"LPT{n}" for n in range(1, 10)),
}

#: The forms of a script kept in Fountain (highlighted as one, exported as one).
SCRIPT_FORMS: tuple[str, ...] = ("screenplay", "stage_play")


def untitled_name(number: int) -> str:
    """Return the English name of the ``number``-th untitled document ("Untitled 2")."""
    return UNTITLED if number <= 1 else f"{UNTITLED} {number}"


def next_untitled_number(used: Iterable[int]) -> int:
    """Return the lowest number (from 1) that no open untitled document holds."""
    taken = set(used)
    number = 1
    while number in taken:
        number += 1
    return number


def clean_heading(text: str) -> str:
    """Return a heading as plain words: no emphasis marks or link syntax, one line, not too long."""
    text = _LINK.sub(r"\1", text)
    text = _INLINE_MARKS.sub("", text)
    text = " ".join(text.split())
    if len(text) > MAX_TITLE_CHARS:
        text = text[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    return text


def first_heading(text: str, *, screenplay: bool = False) -> str:
    """Return the first heading of ``text`` (its first ``HEAD_CHARS``), cleaned; "" if none.

    A screenplay's title is the ``Title:`` of its title page.
    """
    return find_first_heading(text, screenplay=screenplay)[0]


def find_first_heading(text: str, *, screenplay: bool = False) -> tuple[str, int]:
    """Return the first heading of ``text`` and the offset past which no edit can change it.

    That offset is the end of the line after the heading (a setext underline);
    without a heading it is :data:`HEAD_CHARS`, the end of what is searched.
    """
    head = text[:HEAD_CHARS]
    if screenplay:
        start = len(head) - len(head.lstrip("\ufeff\n"))
        match = _FOUNTAIN_TITLE.match(head, start)
        if match and clean_heading(match.group(1)):
            return clean_heading(match.group(1)), _line_after(head, match.end())
    for heading in parse_headings(head):
        title = clean_heading(heading.title)
        if title:
            return title, _line_after(head, heading.position)
    return "", HEAD_CHARS


def _line_after(text: str, position: int) -> int:
    """Return the offset just past the line after the one holding ``position``."""
    end = text.find("\n", position)
    after = text.find("\n", end + 1) if end >= 0 else -1
    return HEAD_CHARS if after < 0 else after + 1


def file_stem(title: str, fallback: str = UNTITLED) -> str:
    """Return ``title`` as a file name stem every common file system accepts.

    Characters Windows, macOS or Linux refuse become spaces, leading and trailing
    dots and spaces go (no hidden files), reserved device names get a ``_`` and
    the result is at most :data:`MAX_STEM_CHARS` characters; ``fallback`` when
    nothing is left.
    """
    text = unicodedata.normalize("NFC", title.replace("…", ""))
    text = " ".join(_UNSAFE.sub(" ", text).split())
    text = text[:MAX_STEM_CHARS].strip(" .")
    while len(text.encode("utf-8")) > 240:
        text = text[:-1].rstrip(" .")
    if not text:
        return fallback
    if text.split(".")[0].strip().upper() in _RESERVED:
        text += "_"
    return text


def suffix_for(form: str) -> str:
    """Return the file extension a document of ``form`` is saved with."""
    return ".fountain" if form in SCRIPT_FORMS else ".md"
