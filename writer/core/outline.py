"""The outline of a Markdown document: its ATX (``# Title``) and setext headings.

Headings inside fenced code blocks and a leading YAML front matter block are
ignored. Only lines that could matter are visited (found by one regular
expression over the whole text), so a long novel is parsed quickly.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_CANDIDATE = re.compile(
    r"^ {0,3}(?:#{1,6}(?:[ \t\r]|$)|=+[ \t]*\r?$|[- \t]*-[ \t]*\r?$|`{3,}|~{3,})", re.M
)
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_LIST_OR_QUOTE = re.compile(r" {0,3}(?:[-+*>]|\d{1,9}[.)])(?:[ \t]|$)")
_THEMATIC_BREAK = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")


@dataclass(frozen=True)
class Heading:
    """One heading: level 1-6, its text, its 0-based line and the offset of that line."""

    level: int
    title: str
    line: int
    position: int


def _front_matter_end(text: str) -> int:
    """Return the offset just after a leading YAML front matter block, or 0."""
    if not text.startswith("---\n"):
        return 0
    match = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M).search(text, 4)
    return match.end() if match else 0


def parse_headings(text: str) -> list[Heading]:
    """Return the Markdown headings of ``text`` in document order."""
    headings: list[Heading] = []
    fence: str | None = None
    line_number, counted_to = 0, 0
    for match in _CANDIDATE.finditer(text, _front_matter_end(text)):
        start = match.start()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].rstrip("\r")
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker
            elif (
                marker[0] == fence[0]
                and len(marker) >= len(fence)
                and not line[len(marker) :].strip(" \t`~")
            ):
                fence = None
            continue
        if fence is not None:
            continue
        line_number += text.count("\n", counted_to, start)
        counted_to = start
        atx = _ATX.fullmatch(line)
        if atx:
            title = (atx.group(2) or "").strip()
            headings.append(Heading(len(atx.group(1)), title, line_number, start))
            continue
        heading = _setext(text, start, line, line_number)
        if heading and not (headings and headings[-1].position == heading.position):
            headings.append(heading)
    return headings


def _setext(text: str, start: int, underline: str, line_number: int) -> Heading | None:
    """Return the setext heading that ``underline`` closes, if the line above is a paragraph."""
    if start == 0:
        return None
    above_start = text.rfind("\n", 0, start - 1) + 1
    above = text[above_start : start - 1].rstrip("\r")
    if not above.strip() or above.startswith(("    ", "\t")):
        return None
    if _ATX.fullmatch(above) or _FENCE.match(above) or _LIST_OR_QUOTE.match(above):
        return None
    if _THEMATIC_BREAK.fullmatch(above):
        return None
    if (
        underline.strip().startswith("-")
        and _THEMATIC_BREAK.fullmatch(underline)
        and " " in underline.strip()
    ):
        return None
    level = 1 if underline.strip().startswith("=") else 2
    return Heading(level, above.strip(), line_number - 1, above_start)


def heading_index_at(headings: list[Heading], position: int) -> int:
    """Return the index of the heading whose section holds ``position``, or -1 before the first."""
    return bisect.bisect_right([heading.position for heading in headings], position) - 1
