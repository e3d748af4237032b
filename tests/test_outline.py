"""The outline: Markdown headings with their positions."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QPlainTextEdit

from writer.core.outline import heading_index_at, parse_headings
from writer.gui.view.outline_panel import OutlinePanel

DOC = """---
title: front matter
---
# Part One #
Intro text.

Setext Title
============

```markdown
# not a heading inside code
```
## Chapter 1
A paragraph line
---
- a list item
---

Plain text
#NoSpaceIsNotAHeading
###### Deep
"""


def test_atx_and_setext_headings() -> None:
    """ATX and setext headings are found; code, front matter, lists and rules are not headings."""
    headings = parse_headings(DOC)
    assert [(h.level, h.title) for h in headings] == [
        (1, "Part One"),
        (1, "Setext Title"),
        (2, "Chapter 1"),
        (2, "A paragraph line"),
        (6, "Deep"),
    ]


def test_positions_point_at_the_heading_line() -> None:
    """Each heading's position and line number point at the start of its line."""
    lines = DOC.split("\n")
    for heading in parse_headings(DOC):
        assert DOC[heading.position :].startswith(lines[heading.line])
        assert heading.title in lines[heading.line]


def test_crlf_and_cjk_titles() -> None:
    """Windows line ends and Chinese titles work."""
    headings = parse_headings("第一章\r\n===\r\n\r\n## 第二章 夜\r\n")
    assert [(h.level, h.title) for h in headings] == [(1, "第一章"), (2, "第二章 夜")]


def test_heading_index_at() -> None:
    """The section holding a position is found; before the first heading there is none."""
    text = "intro\n# A\naaa\n# B\nbbb\n"
    headings = parse_headings(text)
    assert heading_index_at(headings, 0) == -1
    assert heading_index_at(headings, text.index("aaa")) == 0
    assert heading_index_at(headings, text.index("bbb")) == 1


def test_no_headings() -> None:
    """A text without headings has an empty outline."""
    assert parse_headings("just words\nand more words\n") == []


def test_outline_panel_moves_the_cursor(qtbot) -> None:
    """Clicking a heading in the panel puts the editor's cursor on that heading's line."""
    editor = QPlainTextEdit()
    editor.setPlainText("intro\n# One\ntext\n## Two\nmore text\n")
    qtbot.addWidget(editor)
    panel = OutlinePanel(editor, delay_ms=10)
    qtbot.addWidget(panel)
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["One", "    Two"]
    with qtbot.waitSignal(panel.headingActivated, timeout=1000) as signal:
        panel.list.itemActivated.emit(panel.list.item(1))
    assert editor.textCursor().block().text() == "## Two"
    assert signal.args == [editor.toPlainText().index("## Two")]
    assert panel.list.currentRow() == 1


def test_outline_panel_follows_typing(qtbot) -> None:
    """A heading typed into the editor appears in the panel after a pause."""
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    panel = OutlinePanel(editor, delay_ms=10)
    qtbot.addWidget(panel)
    assert panel.list.count() == 0
    editor.setPlainText("# New chapter\n")
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=2000)
    assert panel.list.item(0).text() == "New chapter"
