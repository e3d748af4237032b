"""Screenplays: messy model output cleaned into Fountain, HTML layout, highlighting, export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from writer.core.document import DocumentState
from writer.core.fountain import (
    FountainCleaner,
    clean_screenplay,
    export_screenplay,
    fountain_to_html,
    parse_fountain,
)

if TYPE_CHECKING:
    from pathlib import Path

MESSY = """Sure! Here's a screenplay scene for you:

**Scene 1: Interior, Kitchen – Night**
The kettle screams. Anna, 30s, stares at her phone.
**ANNA:** (whispering) He's not coming.
Tom: "I'm right here."
He steps out of the shadows.

JAKE (V.O.)
(softly)
You never listen.
Cut to:
ext. rooftop - dawn
BANG! A door slams.
### FADE OUT.
I hope you enjoy this scene!"""

CLEAN = """INT. KITCHEN - NIGHT

The kettle screams. Anna, 30s, stares at her phone.

ANNA
(whispering)
He's not coming.

TOM
I'm right here.

He steps out of the shadows.

JAKE (V.O.)
(softly)
You never listen.

CUT TO:

EXT. ROOFTOP - DAWN

!BANG! A door slams.

> FADE OUT."""


def test_messy_screenplay_is_cleaned_into_fountain():
    assert clean_screenplay(MESSY) == CLEAN.replace("!BANG!", "BANG!")
    kinds = [(e.kind, e.text) for e in parse_fountain(clean_screenplay(MESSY))]
    assert kinds == [
        ("scene_heading", "INT. KITCHEN - NIGHT"),
        ("action", "The kettle screams. Anna, 30s, stares at her phone."),
        ("character", "ANNA"),
        ("parenthetical", "(whispering)"),
        ("dialogue", "He's not coming."),
        ("character", "TOM"),
        ("dialogue", "I'm right here."),
        ("action", "He steps out of the shadows."),
        ("character", "JAKE (V.O.)"),
        ("parenthetical", "(softly)"),
        ("dialogue", "You never listen."),
        ("transition", "CUT TO:"),
        ("scene_heading", "EXT. ROOFTOP - DAWN"),
        ("action", "BANG! A door slams."),
        ("transition", "FADE OUT."),
    ]


def test_cleaning_streamed_pieces_gives_the_same_text():
    cleaner = FountainCleaner()
    pieces = [MESSY[i : i + 3] for i in range(0, len(MESSY), 3)]
    assert "".join(cleaner.feed(p) for p in pieces) + cleaner.flush() == clean_screenplay(MESSY)


def test_shouting_action_is_forced_so_it_is_not_read_as_a_character():
    text = clean_screenplay("INT. HALL - DAY\n\nEVERYONE SCREAMS AT ONCE.\nThe lights die.")
    assert "!EVERYONE SCREAMS AT ONCE." in text
    assert [e.kind for e in parse_fountain(text)] == ["scene_heading", "action"]


def test_chinese_screenplay_uses_forced_headings_and_characters():
    text = clean_screenplay(
        "场景一：咖啡馆，夜\n李明坐在窗边。\n李明：（低声）你来了。\n王芳：我一直都在。\n切至："
    )
    assert text == (
        ".咖啡馆，夜\n\n李明坐在窗边。\n\n@李明\n(低声)\n你来了。\n\n"
        "@王芳\n我一直都在。\n\n> 切至："
    )
    kinds = [e.kind for e in parse_fountain(text)]
    assert kinds == [
        "scene_heading",
        "action",
        "character",
        "parenthetical",
        "dialogue",
        "character",
        "dialogue",
        "transition",
    ]


def test_html_is_laid_out_as_a_screenplay():
    title_page = "Title: Night Shift\nAuthor: A. Writer\n\n"
    page = fountain_to_html(title_page + CLEAN + "\n\nTOM\nA <b> & *soft* word.")
    assert page.startswith("<!DOCTYPE html>") and "<title>Night Shift</title>" in page
    assert '<p class="scene-heading">INT. KITCHEN - NIGHT</p>' in page
    assert '<p class="character">ANNA</p>' in page
    assert '<p class="parenthetical">(whispering)</p>' in page
    assert '<p class="dialogue">He\'s not coming.</p>' in page
    assert '<p class="transition">CUT TO:</p>' in page
    assert "A &lt;b&gt; &amp; <em>soft</em> word." in page
    assert 'class="title-page"' in page and "A. Writer" in page
    assert ".character {" in page and "monospace" in page


def test_export_writes_fountain_and_html(tmp_path: Path):
    export_screenplay(CLEAN, tmp_path / "scene.fountain")
    assert (tmp_path / "scene.fountain").read_text(encoding="utf-8") == CLEAN + "\n"
    export_screenplay(CLEAN, tmp_path / "scene.html", title="scene.fountain")
    page = (tmp_path / "scene.html").read_text(encoding="utf-8")
    assert "<title>scene</title>" in page and 'class="scene-heading"' in page


def test_window_exports_a_screenplay_and_highlights_it(qtbot, bare_window, tmp_path, monkeypatch):
    from writer.gui.widgets.fountain_highlighter import FountainHighlighter

    action = bare_window.findChild(QAction, "actionExportFountain")
    assert action is not None and action in bare_window.menu("file").actions()
    file_actions = bare_window.menu("file").actions()
    assert (
        file_actions.index(action) == file_actions.index(bare_window.action("actionExportHtml")) + 1
    )
    editor = bare_window.new_document(CLEAN, DocumentState(form="screenplay"))
    assert editor.document().findChild(FountainHighlighter) is not None
    heading = editor.document().firstBlock()
    qtbot.waitUntil(
        lambda: any(r.format.fontWeight() > 400 for r in heading.layout().formats()), timeout=2000
    )

    target = tmp_path / "out.html"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "HTML screenplay (*.html)")
    )
    action.trigger()
    assert '<p class="character">ANNA</p>' in target.read_text(encoding="utf-8")
    target = tmp_path / "out"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(target), "Fountain screenplay (*.fountain)"),
    )
    action.trigger()
    assert (tmp_path / "out.fountain").read_text(encoding="utf-8") == CLEAN + "\n"


def test_an_opened_fountain_file_is_highlighted(qtbot, bare_window, tmp_path):
    from writer.gui.widgets.fountain_highlighter import FountainHighlighter

    path = tmp_path / "play.fountain"
    path.write_text(CLEAN, encoding="utf-8")
    editor = bare_window.open_document(path)
    assert editor.document().findChild(FountainHighlighter) is not None
    plain = bare_window.new_document("INT. NOT A SCRIPT")
    assert plain.document().findChild(FountainHighlighter) is None


def test_a_time_is_not_a_character_cue_and_an_introduction_is_converted():
    """Issue 11, item 10: lines the cleanup used to damage."""
    cleaned = clean_screenplay(
        "INT. DINER - NIGHT\n\nMISS BEDFALLS - 08:52 AM\n\n"
        'ANNA, a tired waitress: "Oh… you again."\n'
    )
    assert "52 AM" not in cleaned.replace("08:52 AM", "")
    assert "MISS BEDFALLS - 08:52 AM" in cleaned
    assert "\n\nANNA, a tired waitress.\n\nANNA\nOh… you again.\n" in cleaned + "\n"


def test_a_repeated_scene_heading_is_dropped():
    cleaned = clean_screenplay("EXT. A PARK - DAY\n\nEXT. A PARK - DAY\n\nThe sun comes up.\n")
    assert cleaned.count("EXT. A PARK - DAY") == 1


def test_the_scene_heading_comes_from_the_fields(model_path: Path):
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "writer",
            "template",
            "run",
            "screenplay_scene",
            "--field",
            "place=a bus station",
            "--field",
            "time=day",
            "--field",
            "setting=ext",
            "--max-tokens",
            "20",
            "--seed",
            "3",
            "--model",
            str(model_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("EXT. A BUS STATION - DAY\n")
    assert result.stdout.count("EXT. A BUS STATION - DAY") == 1
