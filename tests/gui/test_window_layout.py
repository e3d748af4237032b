"""The window remembers its size and where the docks are."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget

from writer.gui.main_window import MainWindow


def test_layout_comes_back_next_time(qtbot):
    first = MainWindow(load_model=False)
    qtbot.addWidget(first)
    first.show()
    first.findChild(QDockWidget, "chatPanel").hide()
    first.action("actionToggleNotes").trigger()
    first.resize(640, 480)
    expected = first.size()
    assert first.close()
    second = MainWindow(load_model=False)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == expected
    assert second.findChild(QDockWidget, "storyNotesDock").isVisible()
    assert not second.findChild(QDockWidget, "chatPanel").isVisible()
    second.engine.shutdown()
