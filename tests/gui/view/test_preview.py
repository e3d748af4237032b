"""The Markdown preview pane: renders after a pause, never reaches the network, runs no script."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import socket
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument

from writer.gui.view.preview import PreviewPane
from writer.gui.widgets.markdown_highlighter import MarkdownHighlighter

if TYPE_CHECKING:
    from pathlib import Path

IMAGE = QTextDocument.ResourceType.ImageResource.value

HOSTILE = """# Title

![x](http://example.com/a.png)

<script>document.title = "owned"</script>

<img src="https://example.com/b.png" onerror="alert(1)">
<link rel="stylesheet" href="http://example.com/s.css">

Body text.
"""


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record (and refuse) every attempt to open a network connection."""
    attempts: list[object] = []

    def refuse_connect(_sock, address):
        attempts.append(address)
        raise OSError("network disabled in tests")

    def refuse_create(address, *args, **kwargs):
        attempts.append(address)
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse_connect)
    monkeypatch.setattr(socket, "create_connection", refuse_create)
    return attempts


@pytest.fixture
def pane(qtbot, tmp_path: Path) -> PreviewPane:
    """A visible preview pane for a document in ``tmp_path``."""
    widget = PreviewPane(delay_ms=50)
    widget.set_base_dir(tmp_path)
    widget.resize(400, 300)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_hostile_markdown_makes_no_connection_and_shows_no_script(qtbot, pane, connections):
    """Remote images and scripts are blocked: no socket, no script text, a visible placeholder."""
    with qtbot.waitSignal(pane.rendered, timeout=5000):
        pane.schedule_update(HOSTILE)
    shown = pane.toPlainText()
    html = pane.toHtml()
    assert "Title" in shown and "Body text." in shown
    assert "Remote image not loaded: x" in shown
    assert "owned" not in shown and "document.title" not in html
    assert "example.com/a.png" not in html.replace('title="http://example.com/a.png"', "")
    assert connections == []
    assert pane.blocked_urls == []  # the remote URLs never even reached Qt's loader
    assert pane.objectName() == "preview"
    assert not pane.openLinks() and not pane.openExternalLinks()


def test_load_resource_refuses_remote_urls(pane, connections) -> None:
    """Asked directly for remote resources, the pane returns nothing and records the refusal."""
    for url in ("http://example.com/a.png", "https://example.com/b.png", "ftp://example.com/c"):
        assert pane.loadResource(IMAGE, QUrl(url)) is None
    assert pane.blocked_urls == [
        "http://example.com/a.png",
        "https://example.com/b.png",
        "ftp://example.com/c",
    ]
    assert connections == []


def test_local_image_beside_document_loads(pane, tmp_path: Path) -> None:
    """An image in the document's folder is shown; one outside it is not."""
    image = QImage(4, 3, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    (tmp_path / "pics").mkdir()
    image.save(str(tmp_path / "pics" / "map.png"))
    loaded = pane.loadResource(IMAGE, QUrl("pics/map.png"))
    assert isinstance(loaded, QImage) and loaded.width() == 4
    outside = tmp_path.parent / "outside.png"
    image.save(str(outside))
    try:
        assert pane.loadResource(IMAGE, QUrl.fromLocalFile(str(outside))) is None
        assert pane.loadResource(IMAGE, QUrl("../outside.png")) is None
    finally:
        outside.unlink()


def test_updates_wait_for_a_pause_and_show_the_latest(qtbot, pane) -> None:
    """Many quick updates render once typing pauses, showing the newest text."""
    with qtbot.waitSignal(pane.rendered, timeout=5000):
        for i in range(20):
            pane.schedule_update(f"# Draft {i}")
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=5000)
    assert pane.toPlainText().strip() == "Draft 19"


def test_render_while_busy_renders_newest_next(qtbot, pane) -> None:
    """Text that arrives during a conversion is rendered right after it, one at a time."""
    pane.render_now("# First\n\n" + "word " * 20000)
    pane.render_now("# Second")
    qtbot.waitUntil(lambda: not pane.is_busy() and "Second" in pane.toPlainText(), timeout=10000)
    assert "First" not in pane.toPlainText()


def test_scroll_to_fraction(qtbot, pane) -> None:
    """The editor can drive the preview's scroll position."""
    with qtbot.waitSignal(pane.rendered, timeout=5000):
        pane.render_now("\n\n".join(f"Paragraph {i}" for i in range(300)))
    bar = pane.verticalScrollBar()
    assert bar.maximum() > 0
    pane.scroll_to_fraction(0.5)
    assert abs(bar.value() - bar.maximum() / 2) <= 1
    pane.scroll_to_fraction(2.0)
    assert bar.value() == bar.maximum()


def test_highlighter_marks_headings_and_code(qtbot) -> None:
    """Headings are bold; lines inside a fenced block get the code format."""
    document = QTextDocument()
    document.setPlainText("# Heading\nplain *em*\n```\ncode line\n```\nafter")
    highlighter = MarkdownHighlighter(document)
    highlighter.rehighlight()

    def formats(line: int):
        return document.findBlockByNumber(line).layout().formats()

    assert formats(0)[0].format.fontWeight() > 400
    assert any(r.format.fontItalic() for r in formats(1))
    code = highlighter.formats["code"].foreground().color()
    assert formats(3)[0].format.foreground().color() == code
    assert formats(5) == []


def test_huge_text_waits_for_an_explicit_render(qtbot, pane) -> None:
    """A text over the live limit is not rendered while typing, but is on request."""
    pane.live_limit = 100
    pane.schedule_update("# Big\n\n" + "x" * 200)
    assert pane.stale and not pane.is_busy()
    with qtbot.waitSignal(pane.rendered, timeout=5000):
        pane.render_now("# Big\n\n" + "x" * 200)
    assert not pane.stale
    assert pane.toPlainText().startswith("Big")
