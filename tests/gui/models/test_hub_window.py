"""The hub window and the model list as a new user meets them (issue 11, item 12).

Driven through the stable objectNames against the local test hub: Close and
Esc close the window; curated rows show their whole name and a description
(in Chinese too); the count above the results is the number of rows; Cancel
says the partial file is kept and the next download resumes it; file names
that would leave the models folder are not listed.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QPushButton, QTreeWidget

from tests.hub_fixtures import QUANTS_REPO
from writer.config import Key, models_dir, set_setting
from writer.core.system_memory import MemoryBudget
from writer.i18n import apply_language

GB = 1024**3
WAIT_MS = 20_000
EVIL_REPO = "test-org/Evil-GGUF"


def make_browser(qtbot):
    from writer.gui.models.hub_browser import HubBrowser

    widget = HubBrowser(
        context_size=4096,
        budget=MemoryBudget(free_ram=16 * GB, total_ram=32 * GB),
        search_delay_ms=150,
    )
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def browser(qtbot, hub):
    widget = make_browser(qtbot)
    yield widget
    widget.shutdown()


def rows(view: QTreeWidget) -> list[str]:
    return [view.topLevelItem(i).text(0) for i in range(view.topLevelItemCount())]


def status_of(browser) -> QLabel:
    return browser.findChild(QLabel, "hubStatus")


def wait_for_search(qtbot, browser, word: str = "found") -> None:
    qtbot.waitUntil(lambda: word in status_of(browser).text(), timeout=WAIT_MS)


def choose_repo(qtbot, browser, repo_id: str) -> QTreeWidget:
    """Search for ``repo_id`` as a user types it, make its row current; return hubFiles."""
    search = browser.findChild(QLineEdit, "hubSearch")
    results = browser.findChild(QTreeWidget, "hubResults")
    search.setFocus()
    qtbot.keyClicks(search, repo_id.split("/")[1])
    qtbot.waitUntil(lambda: rows(results) == [repo_id], timeout=WAIT_MS)
    results.setCurrentItem(results.topLevelItem(0))
    listed = ("GGUF file.", "GGUF files.", "no GGUF files")
    qtbot.waitUntil(
        lambda: any(end in status_of(browser).text() for end in listed), timeout=WAIT_MS
    )
    return browser.findChild(QTreeWidget, "hubFiles")


def test_close_button_and_esc_close_the_hub(qtbot, browser):
    close = browser.findChild(QPushButton, "hubClose")
    assert close is not None and close.isEnabled()
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not browser.isVisible()
    browser.show()
    search = browser.findChild(QLineEdit, "hubSearch")
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert not browser.isVisible()
    browser.show()
    qtbot.keyClick(browser.findChild(QTreeWidget, "hubResults"), Qt.Key.Key_Escape)
    assert not browser.isVisible()


def curated(view: QTreeWidget) -> list:
    items = (view.topLevelItem(i) for i in range(view.topLevelItemCount()))
    return [item for item in items if item.text(0).startswith("★ ")]


def test_curated_names_are_whole_and_described_in_the_interface_language(qtbot, browser, hub):
    browser.resize(640, 480)  # a small window: the names must still show whole
    results = browser.findChild(QTreeWidget, "hubResults")
    wait_for_search(qtbot, browser)
    metrics = results.fontMetrics()
    width = results.header().sectionSize(0)
    stars = curated(results)
    assert len(stars) >= 8
    for item in stars:
        name, description = item.text(0).split("\n")
        assert name.startswith("★ ") and "/" in name
        assert description.strip()
        for line in (name, description):
            assert metrics.horizontalAdvance(line) <= width, line
        assert results.visualItemRect(item).height() >= 2 * metrics.height()
    qwen = next(i for i in stars if "Qwen/Qwen2.5-0.5B-Instruct-GGUF" in i.text(0))
    assert "English and Chinese" in qwen.text(0)

    set_setting(Key.LANGUAGE, "zh_CN")
    apply_language("zh_CN")
    try:
        chinese = make_browser(qtbot)
        wait_for_search(qtbot, chinese, "找到")
        view = chinese.findChild(QTreeWidget, "hubResults")
        qwen = next(i for i in curated(view) if "Qwen/Qwen2.5-0.5B-Instruct-GGUF" in i.text(0))
        assert "中英文" in qwen.text(0).split("\n")[1]
        assert chinese.findChild(QPushButton, "hubClose").text() == "关闭"
        chinese.shutdown()
    finally:
        set_setting(Key.LANGUAGE, "en")
        apply_language("en")


def test_the_count_is_the_number_of_rows_listed(qtbot, browser):
    results = browser.findChild(QTreeWidget, "hubResults")
    wait_for_search(qtbot, browser)
    listed = results.topLevelItemCount()
    assert listed > len(curated(results))  # curated rows and the hub's own
    assert status_of(browser).text() == f"{listed} repositories found."
    search = browser.findChild(QLineEdit, "hubSearch")
    search.setFocus()
    qtbot.keyClicks(search, "tiny")
    qtbot.waitUntil(lambda: rows(results) == [QUANTS_REPO], timeout=WAIT_MS)
    assert status_of(browser).text() == "1 repository found."
    search.clear()
    qtbot.keyClicks(search, "qwen")  # curated rows only: the test hub has no Qwen
    qtbot.waitUntil(
        lambda: rows(results) and all(r.startswith("★") for r in rows(results)), timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: "found" in status_of(browser).text(), timeout=WAIT_MS)
    assert status_of(browser).text() == f"{results.topLevelItemCount()} repositories found."


def test_cancel_says_the_partial_file_is_kept_and_download_resumes_it(qtbot, browser, hub):
    hub.faults.delay_per_mb_s = 0.5
    files = choose_repo(qtbot, browser, QUANTS_REPO)
    row = next(
        files.topLevelItem(i)
        for i in range(files.topLevelItemCount())
        if files.topLevelItem(i).text(0) == "tiny-Q8_0.gguf"
    )
    files.setCurrentItem(row)
    progress = browser.findChild(QProgressBar, "hubProgress")
    download = browser.findChild(QPushButton, "hubDownload")
    qtbot.mouseClick(download, Qt.MouseButton.LeftButton)
    cancel = browser.findChild(QPushButton, "hubCancel")
    assert cancel.isEnabled()
    qtbot.waitUntil(lambda: "B/s" in progress.format() and progress.value() > 0, timeout=WAIT_MS)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not browser.is_downloading, timeout=WAIT_MS)
    assert progress.format() == "Cancelled — the partial file is kept for resuming"
    said = status_of(browser).text()
    assert "partial file is kept" in said and "resumes" in said
    assert not list(models_dir().glob("*/*/*.gguf"))  # nothing is listed as a model
    partial = list((models_dir() / ".partial").rglob("tiny-Q8_0.gguf.part"))
    assert len(partial) == 1 and partial[0].stat().st_size > 0
    kept = partial[0].stat().st_size

    hub.faults.delay_per_mb_s = 0
    with qtbot.waitSignal(browser.modelDownloaded, timeout=WAIT_MS):
        qtbot.mouseClick(download, Qt.MouseButton.LeftButton)
    assert hub.range_requests("tiny-Q8_0.gguf")[-1] == f"bytes={kept}-"


def test_file_names_that_would_leave_the_models_folder_are_not_listed(qtbot, browser, hub):
    files = choose_repo(qtbot, browser, EVIL_REPO)
    assert rows(files) == ["sub/safe-Q2_K.gguf"]
    assert status_of(browser).text() == "1 GGUF file."
    assert browser.findChild(QPushButton, "hubDownload").isEnabled()
