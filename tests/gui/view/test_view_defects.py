"""The preview, the HTML export and the counts under hostile or huge text (items 6 and 15)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QTextBrowser

if TYPE_CHECKING:
    from pathlib import Path

UNCLOSED = ["<script>", "<embed>", "<title>", "<textarea>", "<audio>"]


@pytest.mark.parametrize("tag", UNCLOSED)
def test_an_unclosed_tag_keeps_the_rest_in_preview_and_export(
    qtbot, bare_window, tmp_path: Path, tag: str
):
    text = f"# Notes\n\nShe typed {tag} into the box.\n\nThe next paragraph survives.\n"
    editor = bare_window.current_editor()
    editor.setPlainText(text)
    preview = bare_window.findChild(QTextBrowser, "preview")
    bare_window.show()
    with qtbot.waitSignal(preview.rendered, timeout=10_000):
        bare_window.findChild(QAction, "actionTogglePreview").trigger()
    shown = preview.toPlainText()
    assert "into the box." in shown and "The next paragraph survives." in shown
    exported = tmp_path / "notes.html"
    assert bare_window.files.export_html(exported)
    html = exported.read_text(encoding="utf-8")
    assert "into the box." in html and "The next paragraph survives." in html
    assert f"{tag}" not in html.split("<body>")[1]  # the tag itself is never live


def test_a_huge_document_says_it_is_counting_instead_of_zero(qtbot, bare_window, tmp_path: Path):
    path = tmp_path / "saga.txt"
    path.write_text("word " * 1_000_000, encoding="utf-8")  # 5 MB: counted in slices
    label = bare_window.findChild(QLabel, "statusCounts")
    shown: list[str] = []
    bare_window.open_document(path)
    qtbot.waitUntil(
        lambda: shown.append(label.text()) or label.text() == "1,000,000 words", timeout=60_000
    )
    assert shown[-1] == "1,000,000 words"
    assert "Counting…" in shown
    assert "0 words" not in shown[shown.index("Counting…") :]
