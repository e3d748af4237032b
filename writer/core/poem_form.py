"""Checking a Chinese classical poem's form: how many characters each line has.

Plain Python, no Qt. A 七言绝句 has four lines of seven characters, a 五言律诗
eight lines of five. Punctuation (，。！？) does not count; every Han character
does. The check reports each line's length and says, in one line, when the
model missed the form, so the writer knows what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from writer.core.localized import QT_TRANSLATE_NOOP, message

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def han_count(line: str) -> int:
    """Return the number of Han characters in ``line`` (punctuation and Latin do not count)."""
    return len(_HAN.findall(line))


@dataclass(frozen=True)
class FormCheck:
    """The line lengths of a poem against its form."""

    lengths: tuple[int, ...]  # Han characters of each non-empty line
    lines: int | None  # the form's number of lines
    characters: int  # the form's characters per line

    @property
    def wrong_lines(self) -> tuple[int, ...]:
        """Return the 1-based numbers of the lines whose length is not the form's."""
        return tuple(n for n, size in enumerate(self.lengths, 1) if size != self.characters)

    @property
    def ok(self) -> bool:
        """Return whether every line has the form's length (and the count of lines is right)."""
        count_ok = self.lines is None or len(self.lengths) == self.lines
        return count_ok and not self.wrong_lines and bool(self.lengths)

    def report(self) -> str:
        """Return the line lengths as a one-line message (in the interface language in the GUI)."""
        sizes = " ".join(str(size) for size in self.lengths) or "0"
        if self.ok:
            return message(
                QT_TRANSLATE_NOOP("Messages", "Form kept: every line has {0} characters ({1})."),
                self.characters,
                sizes,
            )
        wrong = ", ".join(str(n) for n in self.wrong_lines)
        if wrong:
            return message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The model missed the form: lines should have {0} characters; "
                    "line lengths are {1} (lines {2} are off). Edit them or write it again.",
                ),
                self.characters,
                sizes,
                wrong,
            )
        return message(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The model missed the form: it wrote {0} lines instead of {1} "
                "(line lengths {2}). Edit the poem or write it again.",
            ),
            len(self.lengths),
            self.lines,
            sizes,
        )


def check_form(text: str, characters: int, lines: int | None = None) -> FormCheck:
    """Return the form check of ``text`` for lines of ``characters`` Han characters."""
    lengths = tuple(han_count(line) for line in text.splitlines() if line.strip())
    return FormCheck(lengths=lengths, lines=lines, characters=characters)
