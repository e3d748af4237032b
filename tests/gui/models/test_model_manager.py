"""The model manager: models on disk, import, delete with confirmation, switch the engine."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from writer.config import Key, get_setting, models_dir
from writer.errors import ModelError
from writer.hub.local_models import (
    ModelSource,
    delete_model,
    import_model,
    list_local_models,
)

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def downloaded(model_path) -> Path:
    """A model as a download leaves it: <models>/<owner>/<repo>/<file>."""
    target = models_dir() / "test-org" / "Small-GGUF" / "small-Q4_1.gguf"
    target.parent.mkdir(parents=True)
    shutil.copyfile(model_path, target)
    partial = models_dir() / ".partial" / "test-org" / "Other" / "other-Q8_0.gguf.part"
    partial.parent.mkdir(parents=True)
    partial.write_bytes(b"GGUF" + b"\0" * 100)
    return target


def sources(models):
    return {m.path.name: m.source for m in models}


def test_lists_downloaded_and_bundled_models_but_never_partials(downloaded, model_path):
    models = list_local_models()
    assert sources(models) == {
        "small-Q4_1.gguf": ModelSource.DOWNLOADED,
        model_path.name: ModelSource.BUNDLED,
    }
    small = next(m for m in models if m.path == downloaded)
    assert small.info.architecture == "llama" and small.info.quantization == "Q4_1"
    assert small.to_json()["has_chat_template"] is True


def test_split_model_with_a_missing_part_is_not_listed(model_path):
    folder = models_dir() / "o" / "r"
    folder.mkdir(parents=True)
    shutil.copyfile(model_path, folder / "m-00001-of-00002.gguf")
    assert all(m.source != ModelSource.DOWNLOADED for m in list_local_models())
    (folder / "m-00002-of-00002.gguf").write_bytes(b"rest")
    assert [m.path.name for m in list_local_models() if m.source == ModelSource.DOWNLOADED] == [
        "m-00001-of-00002.gguf"
    ]


def test_import_remembers_the_file_and_delete_only_forgets_it(model_path, tmp_path):
    mine = tmp_path / "elsewhere" / "mine.gguf"
    mine.parent.mkdir()
    shutil.copyfile(model_path, mine)
    model = import_model(mine)
    assert model.source == ModelSource.IMPORTED
    assert mine in [m.path for m in list_local_models()]
    delete_model(model)
    assert mine not in [m.path for m in list_local_models()]
    assert mine.is_file()  # the user's own file stays


def test_import_refuses_a_non_gguf_file(tmp_path):
    text = tmp_path / "notes.gguf"
    text.write_text("not a model")
    with pytest.raises(ModelError, match="not a GGUF"):
        import_model(text)


def test_bundled_model_cannot_be_deleted(model_path):
    bundled = next(m for m in list_local_models() if m.source == ModelSource.BUNDLED)
    with pytest.raises(ModelError, match="cannot be deleted"):
        delete_model(bundled)
    assert model_path.is_file()


class FakeEngine:
    """Records load requests like Engine.load_model."""

    model = None

    def __init__(self) -> None:
        self.loaded: list[str] = []

    def load_model(self, path, options=None) -> None:
        self.loaded.append(str(path))


def make_manager(qtbot, engine):
    from writer.gui.models.model_manager import ModelManager

    dialog = ModelManager(engine=engine, modality=Qt.WindowModality.NonModal)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_manager_lists_header_facts_in_model_list(qtbot, downloaded):
    from PySide6.QtWidgets import QTreeWidget

    dialog = make_manager(qtbot, FakeEngine())
    assert dialog.objectName() == "modelManager"
    view = dialog.findChild(QTreeWidget, "modelList")
    rows = [
        [view.topLevelItem(i).text(c) for c in range(view.columnCount())]
        for i in range(view.topLevelItemCount())
    ]
    small = next(row for row in rows if row[-1] == "downloaded")
    assert small[2:6] == ["llama", "8192", "Q4_1", "yes"]
    assert small[1].endswith("MB")


def test_delete_asks_first_and_respects_no(qtbot, downloaded, answers):
    dialog = make_manager(qtbot, FakeEngine())
    assert dialog.select_path(downloaded)
    answers.yes = False
    dialog.delete_button.click()
    assert downloaded.is_file() and len(answers.questions) == 1
    answers.yes = True
    dialog.delete_button.click()
    assert not downloaded.exists()
    assert not dialog.select_path(downloaded)
    assert not (models_dir() / "test-org").exists()  # empty folders are tidied


def test_import_button_uses_the_patched_file_picker(qtbot, model_path, tmp_path, monkeypatch):
    mine = tmp_path / "mine.gguf"
    shutil.copyfile(model_path, mine)
    monkeypatch.setattr(
        "writer.gui.models.model_manager.ask_import_path", lambda _parent: str(mine)
    )
    dialog = make_manager(qtbot, FakeEngine())
    dialog.import_button.click()
    assert dialog.selected_model().path == mine.resolve()


def test_reveal_opens_the_folder(qtbot, downloaded, monkeypatch):
    opened = []
    monkeypatch.setattr(
        "writer.gui.models.model_manager.reveal_in_file_manager", lambda p: opened.append(p) or True
    )
    dialog = make_manager(qtbot, FakeEngine())
    dialog.select_path(downloaded)
    dialog.reveal_button.click()
    assert opened == [downloaded]


def test_use_reloads_the_real_engine_and_remembers_the_model(qtbot, downloaded):
    from writer.engine.engine_thread import Engine

    engine = Engine()
    try:
        dialog = make_manager(qtbot, engine)
        dialog.select_path(downloaded)
        with qtbot.waitSignal(engine.modelLoaded, timeout=60_000) as loaded:
            dialog.use_button.click()
        assert loaded.args[0].path == downloaded
        assert get_setting(Key.LAST_MODEL) == str(downloaded)
        dialog.refresh()
        assert "(in use)" in dialog.model_list.currentItem().text(0)
    finally:
        engine.shutdown()


def test_in_use_follows_the_model_after_use(qtbot, downloaded, model_path):
    """Use moves "(in use)" to the chosen model; the old one loses it (issue 11, item 12)."""
    from writer.engine.engine_thread import Engine

    engine = Engine()
    try:
        with qtbot.waitSignal(engine.modelLoaded, timeout=60_000):
            engine.load_model(str(model_path))
        dialog = make_manager(qtbot, engine)
        view = dialog.model_list

        def marked() -> list[str]:
            return [
                view.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole).path.name
                for i in range(view.topLevelItemCount())
                if "(in use)" in view.topLevelItem(i).text(0)
            ]

        assert marked() == [model_path.name]
        assert dialog.select_path(downloaded)
        with qtbot.waitSignal(engine.modelLoaded, timeout=60_000):
            qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: marked() == [downloaded.name], timeout=5000)
        assert dialog.selected_model().path == downloaded  # the row the user chose stays current
    finally:
        engine.shutdown()
