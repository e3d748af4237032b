"""The model hub browser: search GGUF models, see which file fits, download it.

A non-modal window (objectName ``hubBrowser``). The curated catalogue is
listed first and stays visible offline; typing in ``hubSearch`` starts a
search once typing pauses; making a row of ``hubResults`` current lists that
repository's files in ``hubFiles`` with size, quantization and fit; the
recommended file is marked and made current. ``hubDownload`` downloads it
with progress in ``hubProgress``; ``hubCancel`` stops it (the partial file is
kept and the next download resumes it). ``hubClose`` or Esc closes the window
(a running download goes on). Curated rows show a short description under
the repository id; names are never cut off (the columns fit their contents).
All hub work runs on a thread pool; results of stale jobs are dropped.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from writer.config import Key, get_setting
from writer.core.system_memory import MemoryBudget, memory_budget
from writer.core.templates import language_of_setting
from writer.gui.messages import localized_text
from writer.gui.models.hub_jobs import HubJob, start_job
from writer.gui.models.model_manager import source_label
from writer.hub.catalog import CatalogEntry, load_catalog
from writer.hub.download import DownloadProgress, download_model
from writer.hub.errors import DownloadCancelledError, HubOfflineError
from writer.hub.fit import FitEstimate, FitLabel, human_size
from writer.hub.local_models import list_local_models
from writer.hub.repo_files import HubModelFile, assess_files, list_repo_gguf_files
from writer.hub.search import SearchResult, SearchSort, search_models
from writer.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 400
ROLE_REPO = Qt.ItemDataRole.UserRole
ROLE_FILE = Qt.ItemDataRole.UserRole + 1
ROLE_CATALOG = Qt.ItemDataRole.UserRole + 2

#: The sort orders as shown (translated in the HubBrowser context).
SORT_LABELS = {
    SearchSort.DOWNLOADS: QT_TRANSLATE_NOOP("HubBrowser", "Most downloads"),
    SearchSort.LIKES: QT_TRANSLATE_NOOP("HubBrowser", "Most likes"),
    SearchSort.UPDATED: QT_TRANSLATE_NOOP("HubBrowser", "Recently updated"),
}
#: How a file fits this machine, on the CPU and in GPU memory.
FIT_LABELS = {
    (FitLabel.FITS, False): QT_TRANSLATE_NOOP("HubBrowser", "fits"),
    (FitLabel.TIGHT, False): QT_TRANSLATE_NOOP("HubBrowser", "tight"),
    (FitLabel.TOO_BIG, False): QT_TRANSLATE_NOOP("HubBrowser", "too big"),
    (FitLabel.FITS, True): QT_TRANSLATE_NOOP("HubBrowser", "fits in GPU memory"),
    (FitLabel.TIGHT, True): QT_TRANSLATE_NOOP("HubBrowser", "tight in GPU memory"),
    (FitLabel.TOO_BIG, True): QT_TRANSLATE_NOOP("HubBrowser", "too big"),
}


def describe_fit(fit: FitEstimate) -> str:
    """Return ``fit`` as shown, e.g. ``fits (needs 1.2 GB)``, in the interface language."""
    label = FIT_LABELS.get((fit.label, bool(fit.on_gpu)))
    if label is None:
        return fit.describe()
    return QCoreApplication.translate("HubBrowser", "{0} (needs {1})").format(
        QCoreApplication.translate("HubBrowser", label), human_size(fit.need_bytes)
    )


class HubBrowser(QWidget):
    """Search the hub, compare files against this machine's memory, download one."""

    modelDownloaded = Signal(str)  # path of the file to load

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        context_size: int | None = None,
        budget: MemoryBudget | None = None,
        search_delay_ms: int = SEARCH_DELAY_MS,
        search_on_open: bool = True,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("hubBrowser")
        self.setWindowTitle(self.tr("Model hub"))
        self.setAccessibleName(self.tr("Model hub browser"))
        self.resize(1000, 640)
        self._context_size = context_size
        self._budget = budget
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(3)
        self._search_job: int | None = None
        self._files_job: int | None = None
        self._download: HubJob | None = None
        self._jobs: dict[int, HubJob] = {}
        self._catalog: list[CatalogEntry] = load_catalog()
        self._build(search_delay_ms)
        self._show_catalog("")
        self.refresh_local()
        if search_on_open:
            self.search_now()

    # -- layout ---------------------------------------------------------------

    def _build(self, search_delay_ms: int) -> None:
        """Create the widgets with their stable objectNames."""
        self.search_field = QLineEdit()
        self.search_field.setObjectName("hubSearch")
        self.search_field.setPlaceholderText(self.tr("Search GGUF models on Hugging Face…"))
        self.search_field.setAccessibleName(self.tr("Search models"))
        self.sort_choice = QComboBox()
        self.sort_choice.setObjectName("hubSort")
        self.sort_choice.setAccessibleName(self.tr("Sort results"))
        for sort in SearchSort:
            label = SORT_LABELS.get(sort)
            self.sort_choice.addItem(self.tr(label) if label else sort.label, sort)
        self.status_label = QLabel()
        self.status_label.setObjectName("hubStatus")
        self.status_label.setWordWrap(True)
        self.results_view = QTreeWidget()
        self.results_view.setObjectName("hubResults")
        self.results_view.setHeaderLabels(
            [self.tr("Repository"), self.tr("Downloads"), self.tr("Likes"), self.tr("Updated")]
        )
        self.results_view.setRootIsDecorated(False)
        self.results_view.setAlternatingRowColors(True)  # a curated row is two lines tall
        self.results_view.setAccessibleName(self.tr("Search results"))
        self.files_view = QTreeWidget()
        self.files_view.setObjectName("hubFiles")
        self.files_view.setHeaderLabels(
            [
                self.tr("File"),
                self.tr("Size"),
                self.tr("Quantization"),
                self.tr("Fits this computer"),
            ]
        )
        self.files_view.setRootIsDecorated(False)
        self.files_view.setAccessibleName(self.tr("Model files"))
        for view in (self.results_view, self.files_view):
            # Names are never cut off: every column fits its contents (a narrow window
            # scrolls sideways) and the last one takes the room that is left.
            header = view.header()
            header.setStretchLastSection(True)
            for column in range(view.columnCount() - 1):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.download_button = QPushButton(self.tr("Download"))
        self.download_button.setObjectName("hubDownload")
        self.download_button.setEnabled(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("hubProgress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setFormat("")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("hubCancel")
        self.cancel_button.setEnabled(False)
        self.local_list = QListWidget()
        self.local_list.setObjectName("hubLocal")
        self.local_list.setAccessibleName(self.tr("Models on this computer"))
        self.local_list.setMaximumHeight(120)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("hubClose")
        self.close_button.setToolTip(self.tr("Close the model hub (Esc); a download goes on"))

        top = QHBoxLayout()
        top.addWidget(self.search_field, 1)
        top.addWidget(self.sort_choice)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.results_view)
        split.addWidget(self.files_view)
        split.setSizes([540, 460])
        bottom = QHBoxLayout()
        bottom.addWidget(self.download_button)
        bottom.addWidget(self.progress_bar, 1)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        layout.addWidget(QLabel(self.tr("On this computer:")))
        layout.addWidget(self.local_list)
        closing = QHBoxLayout()
        closing.addStretch(1)
        closing.addWidget(self.close_button)
        layout.addLayout(closing)

        self._debounce = QTimer(self, singleShot=True, interval=search_delay_ms)
        self._debounce.timeout.connect(self.search_now)
        self.search_field.textEdited.connect(lambda _text: self._debounce.start())
        self.search_field.returnPressed.connect(self.search_now)
        self.sort_choice.currentIndexChanged.connect(lambda _index: self.search_now())
        self.results_view.currentItemChanged.connect(self._on_result_changed)
        self.files_view.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.download_button.clicked.connect(self.start_download)
        self.cancel_button.clicked.connect(self.cancel_download)
        self.close_button.clicked.connect(self.close)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the window, as in a dialog (a running download goes on)."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.close()
            return
        super().keyPressEvent(event)

    # -- search ---------------------------------------------------------------

    def _show_catalog(self, query: str) -> None:
        """Put the catalogue entries matching ``query`` at the top of the results.

        Each shows its repository id and, on a second line, its short description
        in the interface language.
        """
        self.results_view.clear()
        needle = query.strip().lower()
        lang = language_of_setting(str(get_setting(Key.LANGUAGE)), QLocale.system().name())
        for entry in self._catalog:
            if needle and needle not in entry.repo_id.lower() and needle not in entry.name.lower():
                continue
            description = entry.description_in(lang)
            text = f"★ {entry.repo_id}" + (f"\n    {description}" if description else "")
            item = QTreeWidgetItem([text, "", "", ""])
            item.setToolTip(0, f"{entry.name} ({entry.parameters}) — {entry.note}")
            item.setData(0, ROLE_REPO, entry.repo_id)
            item.setData(0, ROLE_CATALOG, True)
            self.results_view.addTopLevelItem(item)

    def search_now(self) -> None:
        """Start a search for the current text and sort (a running one is superseded)."""
        self._debounce.stop()
        query = self.search_field.text()
        sort = SearchSort(self.sort_choice.currentData() or SearchSort.DOWNLOADS)
        self.status_label.setText(self.tr("Searching…"))
        job = start_job(
            self._pool,
            lambda _job: search_models(query, sort=sort),
            self._on_search_done,
            self._on_search_failed,
        )
        self._jobs[job.job_id] = job
        self._search_job = job.job_id
        self._search_query = query

    def _on_search_done(self, job_id: int, results: list[SearchResult]) -> None:
        self._jobs.pop(job_id, None)
        if job_id != self._search_job:
            return
        current = self._current_repo()
        self._show_catalog(self._search_query)
        items = (
            self.results_view.topLevelItem(i) for i in range(self.results_view.topLevelItemCount())
        )
        shown = {item.data(0, ROLE_REPO) for item in items if item is not None}
        for result in results:
            if result.repo_id in shown:
                continue
            item = QTreeWidgetItem(
                [result.repo_id, f"{result.downloads:,}", f"{result.likes:,}", result.updated_text]
            )
            item.setData(0, ROLE_REPO, result.repo_id)
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            if result.gated:
                item.setToolTip(0, self.tr("Gated: needs a Hugging Face login or HF_TOKEN."))
            self.results_view.addTopLevelItem(item)
        self.status_label.setText(self.count_text(self.results_view.topLevelItemCount()))
        self._select_repo(current)

    def count_text(self, count: int) -> str:
        """Return "N repositories found." for the ``count`` rows listed (curated ones too)."""
        if count == 1:
            return self.tr("1 repository found.")
        return self.tr("{0} repositories found.").format(count)

    def _on_search_failed(self, job_id: int, message: str, error: object) -> None:
        self._jobs.pop(job_id, None)
        if job_id != self._search_job:
            return
        self._show_catalog(self._search_query)
        message = localized_text(message)
        if isinstance(error, HubOfflineError):
            message = self.tr(
                "{0} The recommended models are listed; the ones on this computer are below."
            ).format(message)
        self.status_label.setText(message)

    def show_repo(self, repo_id: str) -> bool:
        """Make ``repo_id`` the current result and list its files; return whether it is listed.

        The catalogue is listed first when nothing is shown yet (offline too).
        """
        if self.results_view.topLevelItemCount() == 0:
            self._show_catalog("")
        for index in range(self.results_view.topLevelItemCount()):
            item = self.results_view.topLevelItem(index)
            if item is not None and item.data(0, ROLE_REPO) == repo_id:
                self.results_view.setCurrentItem(item)
                self.results_view.scrollToItem(item)
                return True
        return False

    def _current_repo(self) -> str | None:
        item = self.results_view.currentItem()
        return item.data(0, ROLE_REPO) if item else None

    def _select_repo(self, repo_id: str | None) -> None:
        if repo_id is None:
            return
        for index in range(self.results_view.topLevelItemCount()):
            item = self.results_view.topLevelItem(index)
            if item is not None and item.data(0, ROLE_REPO) == repo_id:
                self.results_view.blockSignals(True)
                self.results_view.setCurrentItem(item)
                self.results_view.blockSignals(False)
                return

    # -- files ----------------------------------------------------------------

    def _on_result_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        """List the files of the repository that became current."""
        self.files_view.clear()
        self._update_buttons()
        if current is None:
            self._files_job = None
            return
        repo_id = current.data(0, ROLE_REPO)
        n_ctx = self._context_size or int(get_setting(Key.CONTEXT_SIZE))
        fixed_budget = self._budget

        def work(_job: HubJob) -> list[HubModelFile]:
            files = list_repo_gguf_files(repo_id)
            assess_files(files, fixed_budget or memory_budget(), n_ctx)
            return files

        self.status_label.setText(self.tr("Listing the files of {0}…").format(repo_id))
        job = start_job(self._pool, work, self._on_files_done, self._on_files_failed)
        self._jobs[job.job_id] = job
        self._files_job = job.job_id

    def _on_files_done(self, job_id: int, files: list[HubModelFile]) -> None:
        self._jobs.pop(job_id, None)
        if job_id != self._files_job:
            return
        self.files_view.clear()
        recommended = None
        for model in files:
            name = (
                self.tr("{0} ({1} parts)").format(model.name, len(model.parts))
                if model.is_split
                else model.name
            )
            fit = describe_fit(model.fit) if model.fit else ""
            if model.recommended:
                fit = "★ " + self.tr("recommended") + " — " + fit
            item = QTreeWidgetItem([name, human_size(model.size), model.quant, fit])
            item.setData(0, ROLE_FILE, model)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            self.files_view.addTopLevelItem(item)
            if model.recommended:
                recommended = item
        for column in range(4):
            self.files_view.resizeColumnToContents(column)
        if recommended is not None:
            self.files_view.setCurrentItem(recommended)
        message = (
            (
                self.tr("1 GGUF file.")
                if len(files) == 1
                else self.tr("{0} GGUF files.").format(len(files))
            )
            if files
            else self.tr("This repository has no GGUF files Writer can run.")
        )
        self.status_label.setText(message)
        self._update_buttons()

    def _on_files_failed(self, job_id: int, message: str, _error: object) -> None:
        self._jobs.pop(job_id, None)
        if job_id == self._files_job:
            self.status_label.setText(localized_text(message))

    # -- download -------------------------------------------------------------

    def selected_file(self) -> HubModelFile | None:
        """Return the file that is current in ``hubFiles``."""
        item = self.files_view.currentItem()
        return item.data(0, ROLE_FILE) if item else None

    def _update_buttons(self) -> None:
        downloading = self._download is not None
        self.download_button.setEnabled(not downloading and self.selected_file() is not None)
        self.cancel_button.setEnabled(downloading)

    def start_download(self) -> None:
        """Download the current file of ``hubFiles``."""
        model = self.selected_file()
        if model is None or self._download is not None:
            return
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(self.tr("Starting…"))
        self.status_label.setText(self.tr("Downloading {0}…").format(model.name))
        job = start_job(
            self._pool,
            lambda job: download_model(model, on_progress=job.report_progress, cancel=job.cancel),
            self._on_download_done,
            self._on_download_failed,
            self._on_download_progress,
        )
        self._download = job
        self._update_buttons()

    def cancel_download(self) -> None:
        """Stop the running download; its partial file is kept so it can resume."""
        if self._download is not None:
            self._download.cancel.set()
            self.status_label.setText(self.tr("Cancelling…"))

    @property
    def is_downloading(self) -> bool:
        """Return whether a download is running."""
        return self._download is not None

    def _on_download_progress(self, job_id: int, progress: DownloadProgress) -> None:
        if self._download is None or job_id != self._download.job_id:
            return
        self.progress_bar.setValue(int(progress.fraction * 1000))
        if progress.notice:  # another Writer is downloading this file: this one waits
            self.status_label.setText(localized_text(progress.notice))
            return
        left = ""
        if progress.seconds_left is not None:
            minutes, seconds = divmod(int(progress.seconds_left), 60)
            left = (
                self.tr(", {0} min {1} s left").format(minutes, seconds)
                if minutes
                else self.tr(", {0} s left").format(seconds)
            )
        self.progress_bar.setFormat(
            f"{progress.fraction:.0%} — {human_size(progress.done_bytes)} / "
            f"{human_size(progress.total_bytes)}, {human_size(progress.bytes_per_s)}/s{left}"
        )

    def _on_download_done(self, job_id: int, path: Path) -> None:
        if self._download is None or job_id != self._download.job_id:
            return
        self._download = None
        self.progress_bar.setValue(1000)
        self.progress_bar.setFormat(self.tr("Done"))
        self.status_label.setText(self.tr("Downloaded and verified: {0}").format(Path(path).name))
        self.refresh_local()
        self._update_buttons()
        self.modelDownloaded.emit(str(path))

    def _on_download_failed(self, job_id: int, message: str, error: object) -> None:
        if self._download is None or job_id != self._download.job_id:
            return
        self._download = None
        self.progress_bar.setFormat(
            self.tr("Cancelled — the partial file is kept for resuming")
            if isinstance(error, DownloadCancelledError)
            else self.tr("Failed")
        )
        self.status_label.setText(localized_text(message))
        self.refresh_local()
        self._update_buttons()

    # -- local models ---------------------------------------------------------

    def refresh_local(self) -> None:
        """List the models already on this computer."""
        self.local_list.clear()
        for model in list_local_models():
            text = f"{model.name} — {human_size(model.size_bytes)} ({source_label(model.source)})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(model.path))
            item.setToolTip(str(model.path))
            self.local_list.addItem(item)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel a running download and wait for the background jobs (call before quitting)."""
        self.cancel_download()
        self._pool.waitForDone(timeout_ms)
