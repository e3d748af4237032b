"""Poem output, line by line: keep line and stanza breaks, stop after the Nth line.

Plain Python, no Qt. A chat model tends to wrap a poem in chatter ("Here is
a poem about the sea:", a bold title, "I hope you like it!"). The filter
takes the streamed text, passes on whole lines only, drops that chatter,
keeps one blank line between stanzas, and reports when a poem of a set
length (a sonnet's 14 lines, a quatrain's 4) is complete, so the job can stop
the model there. The text it has passed on always ends at the end of a line.
"""

from __future__ import annotations

import re

_PREAMBLE = re.compile(
    r"^(here(?:'s| is| are)\b|sure\b|certainly\b|of course\b|okay\b|ok\b|absolutely\b"
    r"|as an ai\b|当然|好的|以下是|这是|下面是)",
    re.IGNORECASE,
)
_CHATTER = re.compile(
    r"^(i hope\b|hope you\b|this poem\b|in this poem\b|the poem\b|feel free\b|let me know\b"
    r"|note:|希望你|这首诗)",
    re.IGNORECASE,
)
_NOTE_LINE = re.compile(
    r"^[(（\[].*(poem|haiku|sonnet|quatrain|lines?\b|stanza|syllable|诗|行|句).*[)）\]]$",
    re.IGNORECASE,
)
_TITLE = re.compile(r"^(#+\s|title\s*[:：]|标题\s*[:：]|《[^》]*》$)", re.IGNORECASE)
_WRAPPED = re.compile(r"^(\*{1,2}|_{1,2})(.+?)\1$")
_HTML_TAG = re.compile(r"</?(?:strong|b|em|i|p|br|span|div)\b[^>]*>", re.IGNORECASE)
#: The prompt's own "Subject: … Mood: …" line, which a base model may write back.
_ECHO = re.compile(r"(主题|情绪|subject|mood)\s*[:：]", re.IGNORECASE)


def is_preamble(line: str) -> bool:
    """Return whether ``line`` is a chat model's lead-in rather than part of the work."""
    text = line.strip()
    if not text:
        return False
    if text.startswith("```"):
        return True
    return bool(_PREAMBLE.match(text)) or text.endswith((":", "："))


def is_title(line: str) -> bool:
    """Return whether ``line`` looks like a title (a Markdown heading, bold, "Title:")."""
    text = line.strip()
    return bool(_TITLE.match(text)) or (
        text.startswith("**") and text.endswith("**") and len(text) > 4
    )


def clean_line(line: str) -> str:
    """Return a poem line without Markdown emphasis around it or trailing spaces."""
    text = _HTML_TAG.sub("", line).rstrip()
    match = _WRAPPED.match(text.strip())
    return match.group(2).strip() if match else text


class PoemLineFilter:
    """Turns streamed model text into poem lines; see the module docstring.

    Args:
        lines: the number of non-empty lines the poem must have, or None.
    """

    def __init__(self, lines: int | None = None) -> None:
        self.limit = lines
        self.count = 0  # non-empty lines passed on
        self.done = False  # the poem has its number of lines
        self.text = ""  # everything passed on
        self._partial = ""  # the line being received
        self._blank = False  # a blank line (stanza break) waits before the next line
        self._started = False

    def feed(self, piece: str) -> str:
        """Take a piece of model text; return the text to insert (whole lines only)."""
        if self.done:
            return ""
        out: list[str] = []
        self._partial += piece.replace("\r", "")
        while "\n" in self._partial and not self.done:
            line, self._partial = self._partial.split("\n", 1)
            out.append(self._take(line))
        if self.done:
            self._partial = ""
        return "".join(out)

    def flush(self) -> str:
        """Return the last line when the model has stopped without a line break."""
        line, self._partial = self._partial, ""
        return "" if self.done else self._take(line)

    @property
    def missing(self) -> int:
        """Return how many lines a poem of set length still lacks (0 when none is set)."""
        return max(0, self.limit - self.count) if self.limit else 0

    def _take(self, line: str) -> str:
        """Judge one whole line; return what to insert for it."""
        if not line.strip():
            self._blank = self._started
            return ""
        if line.strip().startswith("```"):
            return ""
        if not self._started and (is_preamble(line) or is_title(line)):
            return ""
        if _NOTE_LINE.match(line.strip()) or (self._started and _CHATTER.match(line.strip())):
            return ""
        if _ECHO.search(line):
            return ""
        text = clean_line(line)
        if not text.strip():
            return ""
        prefix = ("\n\n" if self._blank else "\n") if self._started else ""
        self._started = True
        self._blank = False
        self.count += 1
        if self.limit and self.count >= self.limit:
            self.done = True
        emitted = prefix + text
        self.text += emitted
        return emitted


def count_lines(text: str) -> int:
    """Return the number of non-empty lines of ``text``."""
    return sum(1 for line in text.splitlines() if line.strip())
