"""One bad user template is named with its line; the others still load (issue 10, item 11)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from writer.config import user_templates_dir

if TYPE_CHECKING:
    from pathlib import Path

GOOD = """name = "Postcard"
kind = "prose"
[prompt.en]
instruction = "Write a postcard."
"""
BAD_ORDER = GOOD.replace("kind", 'order = "abc"\nkind')
DEEP = 'name = "Deep"\nnested = ' + "[" * 5000 + "]" * 5000 + "\n" + GOOD.split("\n", 1)[1]

CASES = [("order.toml", BAD_ORDER, 2), ("deep.toml", DEEP, 2)]


def _write_user_templates(bad_name: str, bad_text: str) -> Path:
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "postcard.toml").write_text(GOOD, encoding="utf-8")
    (folder / bad_name).write_text(bad_text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("bad_name", "bad_text", "line"), CASES)
def test_template_list_names_the_bad_file_and_lists_the_others(bad_name, bad_text, line):
    folder = _write_user_templates(bad_name, bad_text)
    result = subprocess.run(
        [sys.executable, "-m", "writer", "template", "list"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    ids = [row.split("\t")[0] for row in result.stdout.splitlines()]
    assert "postcard" in ids and "poem" in ids
    assert f"{folder / bad_name}:{line}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("bad_name", "bad_text", "line"), CASES)
def test_template_dialog_opens_and_names_the_bad_file(qtbot, bare_window, bad_name, bad_text, line):
    _write_user_templates(bad_name, bad_text)
    bare_window.findChild(QAction, "actionNewFromTemplate").trigger()
    dialog = bare_window.findChild(QDialog, "templateDialog")
    assert dialog is not None and dialog.isVisible()
    assert f"{bad_name}:{line}" in dialog.findChild(type(dialog.errors), "templateErrors").text()
    dialog.close()


@pytest.mark.parametrize(
    ("source", "line", "why"),
    [
        ('name = "x"\n= 3\n', 2, "Invalid statement."),
        ("name = [\n", 1, "Invalid value."),  # at the end of the file: its last line
        ("[t]\n[t]\n", 2, "Cannot declare ('t',) twice."),
    ],
)
def test_a_toml_error_names_the_line_and_says_why_in_one_clause(
    tmp_path: Path, source: str, line: int, why: str
):
    """tomllib's place ("(at line 2, column 1)") becomes the line; its words stay whole."""
    from writer.core.templates import TemplateFileError, load_template_file

    path = tmp_path / "broken.toml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(TemplateFileError) as caught:
        load_template_file(path)
    assert str(caught.value) == f"{path}:{line}: {why}"
