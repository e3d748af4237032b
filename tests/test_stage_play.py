"""Stage plays: the model's scene cleaned into a play layout, written and exported (issue 11).

The stage-play template's output used to be whatever the model wrote ("NAME:
words", bare directions, Markdown). Now it is laid out as a play script: names
in capitals on their own line with the words below, delivery notes under the
name, stage directions in brackets as paragraphs of their own; the dialog says
so, and the export keeps the layout.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QRadioButton

from tests.test_template_jobs import ScriptedBackend, Sink
from writer.config import settings
from writer.core.fountain import parse_fountain
from writer.core.stage_play import (
    StagePlayCleaner,
    clean_stage_play,
    export_stage_play,
    stage_play_opening,
    stage_play_to_html,
)
from writer.core.templates import load_templates
from writer.engine.backend_api import StopFlag
from writer.engine.template_jobs import TemplateJob

if TYPE_CHECKING:
    from pathlib import Path

MESSY = """Sure! Here is a scene for the stage:

**Title: The Last Bench**

[A railway waiting room at midnight. A single bench under a flickering light.]

**MARGARET:** (looking at the board) Cancelled. Of course it is.
LEO: "We could share the bench."
*Margaret sits at the far end. Leo hesitates.*
Margaret (softly): You play?
LEO
(brightly)
Every night.
In the band at the Lantern.
(He opens his case.)

ACT TWO
Leo, a young musician: It's late. *laughs* Too late.
She looks at him for a long time.
BLACKOUT.
I hope you enjoy this scene!"""

CLEAN = """Title: The Last Bench

(A railway waiting room at midnight. A single bench under a flickering light.)

MARGARET
(looking at the board)
Cancelled. Of course it is.

LEO
We could share the bench.

(Margaret sits at the far end. Leo hesitates.)

MARGARET
(softly)
You play?

LEO
(brightly)
Every night.
In the band at the Lantern.

(He opens his case.)

.ACT TWO

(Leo, a young musician.)

LEO
It's late. (laughs) Too late.

(She looks at him for a long time.)

(Blackout.)"""

MESSY_ZH = """以下是舞台剧场景：
（午夜的火车站候车室，一张长椅。）
周老师：（叹气）又停运了。
小陆：“我们可以一起坐。”
周老师坐下。
第二场
小陆
我弹琴。
（幕落）"""

CLEAN_ZH = """（午夜的火车站候车室，一张长椅。）

@周老师
(叹气)
又停运了。

@小陆
我们可以一起坐。

（周老师坐下。）

.第二场

@小陆
我弹琴。

（幕落）"""


def check_play_layout(text: str) -> None:
    """Every part of ``text`` is a title, a heading, a name with its words, or a direction."""
    for element in parse_fountain(text):
        if element.kind == "action":
            for line in element.text.split("\n"):
                assert line[:1] in "(（" and line[-1:] in ")）", f"not a direction: {line!r}"
        else:
            assert element.kind in (
                "title",
                "scene_heading",
                "character",
                "parenthetical",
                "dialogue",
            ), element
        if element.kind == "character":
            assert element.text == element.text.upper()
        if element.kind == "dialogue":
            assert not re.match(r"^[A-Z][A-Za-z ]{0,30}:\s", element.text), element.text


def test_messy_scene_is_laid_out_as_a_play():
    assert clean_stage_play(MESSY) == CLEAN
    check_play_layout(CLEAN)


def test_streamed_pieces_give_the_same_play():
    cleaner = StagePlayCleaner()
    streamed = "".join(cleaner.feed(MESSY[i : i + 3]) for i in range(0, len(MESSY), 3))
    assert streamed + cleaner.flush() == CLEAN


def test_a_chinese_play_keeps_chinese_brackets_and_forces_names():
    assert clean_stage_play(MESSY_ZH) == CLEAN_ZH
    kinds = [(e.kind, e.text) for e in parse_fountain(CLEAN_ZH)]
    assert ("character", "周老师") in kinds and ("parenthetical", "(叹气)") in kinds
    assert ("scene_heading", "第二场") in kinds


def test_a_name_with_nothing_to_say_is_left_out_and_a_blank_line_keeps_the_speech():
    assert clean_stage_play("MARGARET:\n\nHello there.\nLEO:\n[She sits.]\nJOHN\n") == (
        "MARGARET\nHello there.\n\nLEO\n(She sits.)"
    )
    assert clean_stage_play("LEO:\n\n(The lights go down.)\n") == "(The lights go down.)"


def test_html_is_laid_out_as_a_play_with_each_direction_apart():
    page = stage_play_to_html(CLEAN, title="bench.fountain")
    assert "<title>The Last Bench</title>" in page
    assert '<p class="character">MARGARET</p>' in page
    assert '<p class="delivery">(softly)</p>' in page
    assert '<p class="speech">Every night.<br>In the band at the Lantern.</p>' in page
    assert '<p class="direction">(She looks at him for a long time.)</p>' in page
    assert '<p class="direction">(Blackout.)</p>' in page
    assert '<p class="act">ACT TWO</p>' in page
    assert ".direction { font-style: italic" in page


def test_export_writes_the_play_as_fountain_and_html(tmp_path: Path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    export_stage_play(CLEAN, tmp_path / "bench.fountain")
    assert (tmp_path / "bench.fountain").read_text(encoding="utf-8") == CLEAN + "\n"
    export_stage_play(CLEAN, tmp_path / "bench.html", title="bench")
    assert 'class="play"' in (tmp_path / "bench.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bench.fountain", "bench.html"]


def test_the_template_job_starts_the_scene_from_the_fields_and_cleans_it():
    template = load_templates().get("stage_play_scene")
    assert template is not None
    backend = ScriptedBackend(" Late again.\n*She sits.*\nLEO: Go home.\nI hope you like it!")
    sink = Sink()
    job = TemplateJob(template, {"characters": "MARGARET, a teacher; LEO, a musician"})
    job.run(backend, sink, StopFlag())
    # The opening direction and the first speaker come from the fields: the model goes on.
    assert backend.prompts[0].endswith("MARGARET:")
    assert (
        sink.all
        == job.text
        == (
            "(A railway waiting room at midnight.)\n\nMARGARET\nLate again.\n\n(She sits.)"
            "\n\nLEO\nGo home."
        )
    )
    check_play_layout(sink.all)


def test_a_chat_model_is_given_the_opening_as_the_start_of_its_reply():
    template = load_templates().get("stage_play_scene")
    assert template is not None
    backend = ScriptedBackend("又停运了。", chat_template="{{ messages[0].content }}")
    sink = Sink()
    TemplateJob(template, lang="zh").run(backend, sink, StopFlag())
    assert backend.prompts[0].endswith("（午夜的火车站候车室。）\n\n周老师：")
    assert sink.all == "（午夜的火车站候车室。）\n\n@周老师\n又停运了。"
    assert stage_play_opening({"setting": "", "characters": "a crowd"}) == ("", "")


def test_the_dialog_says_what_it_writes_and_the_play_is_laid_out_and_exported(
    qtbot, window, tmp_path, monkeypatch
):
    from writer.gui.widgets.fountain_highlighter import FountainHighlighter

    settings().setValue("sampling/max_tokens_template", 160)  # Settings > length for templates
    dialog = window.template_feature.open_dialog(modal=False)
    dialog.set_language("en")
    assert dialog.select("stage_play_scene")
    said = dialog.findChild(QLabel, "templateDescription").text()
    assert "name in capitals on its own line" in said
    assert "stage directions in brackets" in said and "HTML laid out as a play" in said
    assert "File > Export Script" in said
    assert window.action("actionExportFountain").text() == "Export Scri&pt (Fountain/HTML)…"
    dialog.findChild(QRadioButton, "templateNewDocument").setChecked(True)
    with qtbot.waitSignal(window.stream.finished, timeout=180_000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "templateWrite"), Qt.MouseButton.LeftButton)
    editor = window.current_editor()
    text = editor.toPlainText()
    assert text.strip()
    assert editor.state.form == "stage_play"
    assert editor.document().findChild(FountainHighlighter) is not None
    check_play_layout(text)

    target = tmp_path / "scene"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "HTML stage play (*.html)")
    )
    window.action("actionExportFountain").trigger()
    page = (tmp_path / "scene.html").read_text(encoding="utf-8")
    assert 'class="play"' in page and 'class="screenplay"' not in page


def test_a_reopened_script_can_be_exported_laid_out_as_a_play(
    qtbot, bare_window, tmp_path, monkeypatch
):
    """A .fountain file does not say it is a play: the export offers both HTML layouts."""
    from writer.core.document import DocumentState

    bare_window.new_document(CLEAN, DocumentState(form="screenplay"))
    offered: list[str] = []

    def save_as(_parent, _caption, _name, filters, *args, **kwargs):
        offered.extend(filters.split(";;"))
        return str(tmp_path / "bench"), "HTML stage play (*.html)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    bare_window.action("actionExportFountain").trigger()
    assert offered == [
        "Fountain screenplay (*.fountain)",
        "HTML screenplay (*.html)",
        "HTML stage play (*.html)",
    ]
    page = (tmp_path / "bench.html").read_text(encoding="utf-8")
    assert 'class="play"' in page and '<p class="character">MARGARET</p>' in page
