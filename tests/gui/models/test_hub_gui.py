"""The hub browser, driven through its stable objectNames against a local test hub."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTreeWidget,
)

from tests.hub_fixtures import QUANTS_REPO
from writer.core.system_memory import MemoryBudget

GB = 1024**3
WAIT_MS = 20_000


@pytest.fixture
def browser(qtbot, hub):
    from writer.gui.models.hub_browser import HubBrowser

    widget = HubBrowser(
        context_size=4096,
        budget=MemoryBudget(free_ram=16 * GB, total_ram=32 * GB),
        search_delay_ms=150,
    )
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


def rows(view: QTreeWidget, column: int = 0) -> list[str]:
    return [view.topLevelItem(i).text(column) for i in range(view.topLevelItemCount())]


def searches(hub) -> list[str]:
    return [r["path"] for r in hub.requests if r["path"] == "/api/models"]


def show_quant_files(qtbot, browser) -> QTreeWidget:
    """Make the repo of several quantizations current, as a user clicks it; return hubFiles."""
    results = browser.findChild(QTreeWidget, "hubResults")
    files = browser.findChild(QTreeWidget, "hubFiles")
    qtbot.waitUntil(lambda: QUANTS_REPO in rows(results), timeout=WAIT_MS)
    results.setCurrentItem(find_row(results, QUANTS_REPO))
    qtbot.waitUntil(lambda: files.topLevelItemCount() == 5, timeout=WAIT_MS)
    return files


def find_row(view: QTreeWidget, text: str):
    return next(
        view.topLevelItem(i)
        for i in range(view.topLevelItemCount())
        if text in view.topLevelItem(i).text(0)
    )


def test_stable_names_exist_and_browser_is_not_modal(browser):
    assert browser.objectName() == "hubBrowser"
    assert not browser.isModal()
    for kind, name in [
        (QLineEdit, "hubSearch"),
        (QComboBox, "hubSort"),
        (QTreeWidget, "hubResults"),
        (QTreeWidget, "hubFiles"),
        (QPushButton, "hubDownload"),
        (QProgressBar, "hubProgress"),
        (QPushButton, "hubCancel"),
    ]:
        assert browser.findChild(kind, name) is not None, name


def test_catalogue_first_then_typing_searches_once(qtbot, browser, hub):
    results = browser.findChild(QTreeWidget, "hubResults")
    qtbot.waitUntil(lambda: QUANTS_REPO in rows(results), timeout=WAIT_MS)
    assert rows(results)[0].startswith("★ ")  # curated models come first
    before = len(searches(hub))
    search = browser.findChild(QLineEdit, "hubSearch")
    search.setFocus()
    qtbot.keyClicks(search, "tiny")
    qtbot.waitUntil(lambda: rows(results) == [QUANTS_REPO], timeout=WAIT_MS)
    assert len(searches(hub)) - before == 1  # four keys, one request


def test_sort_choice_reorders_results(qtbot, browser):
    results = browser.findChild(QTreeWidget, "hubResults")
    sort = browser.findChild(QComboBox, "hubSort")
    qtbot.waitUntil(lambda: QUANTS_REPO in rows(results), timeout=WAIT_MS)
    sort.setCurrentIndex(sort.findText("Most likes"))
    plain = lambda: [r for r in rows(results) if not r.startswith("★")]  # noqa: E731
    qtbot.waitUntil(lambda: plain() and plain()[0] == QUANTS_REPO, timeout=WAIT_MS)
    likes = [int(t.replace(",", "")) for t in rows(results, 2) if t]
    assert likes == sorted(likes, reverse=True)


def test_current_result_lists_files_with_size_and_fit(qtbot, browser):
    files = show_quant_files(qtbot, browser)
    assert "tiny-Q6_K.gguf (3 parts)" in rows(files)
    assert find_row(files, "tiny-Q4_K_M").text(1) == "2 MB"
    assert find_row(files, "tiny-F16").text(3).startswith("too big")
    assert find_row(files, "tiny-Q8_0").text(3).startswith("★ recommended")
    assert files.currentItem().text(0) == "tiny-Q8_0.gguf"
    assert browser.findChild(QPushButton, "hubDownload").isEnabled()


def test_download_with_progress_lists_the_model(qtbot, browser):
    files = show_quant_files(qtbot, browser)
    files.setCurrentItem(find_row(files, "tiny-Q2_K"))
    with qtbot.waitSignal(browser.modelDownloaded, timeout=WAIT_MS) as done:
        browser.findChild(QPushButton, "hubDownload").click()
    assert done.args[0].endswith("tiny-Q2_K.gguf")
    assert browser.findChild(QProgressBar, "hubProgress").value() == 1000
    local = browser.findChild(QListWidget, "hubLocal")
    assert any("tiny-Q2_K" in local.item(i).toolTip() for i in range(local.count()))


def test_a_file_another_writer_is_downloading_says_so_and_waits(qtbot, browser):
    from writer.hub.download import destination_path, partial_path
    from writer.hub.file_lock import FileLock

    files = show_quant_files(qtbot, browser)
    files.setCurrentItem(find_row(files, "tiny-Q2_K"))
    partial = partial_path(destination_path(QUANTS_REPO, "tiny-Q2_K.gguf"))
    other_writer = FileLock(partial.with_name(partial.name + ".lock"))
    assert other_writer.try_acquire()
    status = browser.findChild(QLabel, "hubStatus")
    try:
        browser.findChild(QPushButton, "hubDownload").click()
        qtbot.waitUntil(
            lambda: (
                status.text()
                == "Another Writer is downloading tiny-Q2_K.gguf; waiting for it to finish…"
            ),
            timeout=WAIT_MS,
        )
        assert browser.is_downloading
    finally:
        other_writer.release()
    with qtbot.waitSignal(browser.modelDownloaded, timeout=WAIT_MS):
        pass
    assert status.text() == "Downloaded and verified: tiny-Q2_K.gguf"


def test_offline_says_so_and_still_shows_local_and_catalogue(qtbot, hub, monkeypatch, model_path):
    from writer.gui.models.hub_browser import HubBrowser

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    widget = HubBrowser(search_delay_ms=50)
    qtbot.addWidget(widget)
    status = widget.findChild(QLabel, "hubStatus")
    qtbot.waitUntil(lambda: "HF_HUB_OFFLINE" in status.text(), timeout=WAIT_MS)
    assert any(r.startswith("★ Qwen/") for r in rows(widget.findChild(QTreeWidget, "hubResults")))
    local = widget.findChild(QListWidget, "hubLocal")
    assert any(str(model_path) == local.item(i).toolTip() for i in range(local.count()))
    widget.shutdown()
