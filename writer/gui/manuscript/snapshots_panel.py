"""The Snapshots panel (``snapshotsPanel``): the list, a side-by-side diff, Take and Restore.

The list (``snapshotList``) shows the current document's snapshots, newest
first, by time and name; choosing one shows what it had (left) beside the text
now (right), word by word. The panel only shows and asks: the feature takes,
loads and restores snapshots off the GUI thread and fills the panel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from writer.manuscript.snapshots import SnapshotInfo

#: Reasons of automatic snapshots, as the list shows them (translated in ``reason_text``).
REASONS = ("replace_all", "reopen_encoding", "template", "daily", "before_restore")


class SnapshotsPanel(QDockWidget):
    """A dock with the snapshot list, a name field, the buttons and the diff."""

    takeRequested = Signal(str)  # the name typed (may be empty)
    restoreRequested = Signal(object)  # SnapshotInfo
    compareRequested = Signal(object)  # SnapshotInfo, or None when nothing is chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snapshotsPanel")
        body = QWidget(self)
        self.name = QLineEdit(body)
        self.name.setObjectName("snapshotName")
        self.take = QPushButton(body)
        self.take.setObjectName("snapshotTake")
        self.restore = QPushButton(body)
        self.restore.setObjectName("snapshotRestore")
        self.restore.setEnabled(False)
        self.list = QListWidget(body)
        self.list.setObjectName("snapshotList")
        self.notice = QLabel(body)
        self.notice.setObjectName("snapshotNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.left_title = QLabel(body)
        self.right_title = QLabel(body)
        self.left = QTextBrowser(body)
        self.left.setObjectName("snapshotDiffOld")
        self.right = QTextBrowser(body)
        self.right.setObjectName("snapshotDiffNew")
        for view in (self.left, self.right):
            view.setOpenLinks(False)
        self.left.verticalScrollBar().valueChanged.connect(self._sync_scroll)

        buttons = QHBoxLayout()
        buttons.addWidget(self.take)
        buttons.addWidget(self.restore)
        buttons.addStretch(1)
        listing = QWidget(body)
        listing.setMinimumWidth(self.fontMetrics().averageCharWidth() * 34)
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.name)
        listing_layout.addLayout(buttons)
        listing_layout.addWidget(self.list, 1)
        listing_layout.addWidget(self.notice)
        columns = QSplitter(Qt.Orientation.Horizontal, body)
        for title, view in ((self.left_title, self.left), (self.right_title, self.right)):
            column = QWidget(columns)
            layout = QVBoxLayout(column)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(title)
            layout.addWidget(view, 1)
            columns.addWidget(column)
        split = QSplitter(Qt.Orientation.Horizontal, body)
        split.addWidget(listing)
        split.addWidget(columns)
        split.setStretchFactor(1, 3)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(split)
        self.setWidget(body)

        self.take.clicked.connect(self._on_take)
        self.name.returnPressed.connect(self._on_take)
        self.restore.clicked.connect(self._on_restore)
        self.list.currentItemChanged.connect(self._on_current)
        self.retranslate()

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Show the panel in the current interface language."""
        self.setWindowTitle(self.tr("Snapshots"))
        self.name.setPlaceholderText(self.tr("Name (optional)"))
        self.name.setAccessibleName(self.tr("Snapshot name"))
        self.take.setText(self.tr("&Take Snapshot"))
        self.restore.setText(self.tr("&Restore"))
        self.restore.setToolTip(
            self.tr(
                "Put the chosen snapshot's text back (one undo step); the current text is "
                "kept as a snapshot first."
            )
        )
        self.list.setAccessibleName(self.tr("Snapshots"))
        self.left_title.setText(self.tr("Snapshot"))
        self.right_title.setText(self.tr("Now"))
        self.left.setAccessibleName(self.tr("Text of the snapshot"))
        self.right.setAccessibleName(self.tr("Current text"))
        for row in range(self.list.count()):
            item = self.list.item(row)
            info = item.data(Qt.ItemDataRole.UserRole)
            if isinstance(info, SnapshotInfo):
                item.setText(self.describe(info))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application's language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reason_text(self, reason: str) -> str:
        """Return what an automatic snapshot was taken before, in the interface language."""
        texts = {
            "replace_all": self.tr("before Replace All"),
            "reopen_encoding": self.tr("before Reopen with Encoding"),
            "template": self.tr("before a template wrote into the text"),
            "daily": self.tr("before the first edit of the day"),
            "before_restore": self.tr("before a restore"),
            "command_line": self.tr("from the command line"),
        }
        return texts.get(reason, reason)

    def describe(self, info: SnapshotInfo) -> str:
        """Return the list's text for one snapshot: local time, then name or reason."""
        when = info.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if info.name:
            return f"{when} — {info.name}"
        if info.auto:
            return self.tr("{0} — automatic, {1}").format(when, self.reason_text(info.reason))
        return when

    # -- contents ----------------------------------------------------------------------------

    def show_snapshots(self, snapshots: list[SnapshotInfo], problems: list[str]) -> None:
        """List ``snapshots`` (newest first), keeping the chosen one chosen if it is still there."""
        current = self.current()
        self.list.blockSignals(True)
        self.list.clear()
        for info in snapshots:
            item = QListWidgetItem(self.describe(info))
            item.setData(Qt.ItemDataRole.UserRole, info)
            size = info.text_bytes / 1024
            item.setToolTip(self.tr("{0:,.0f} KB of text").format(size))
            self.list.addItem(item)
            if current is not None and info.path == current.path:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if problems:
            self.notice.setText(
                self.tr("Some snapshot files are damaged and were skipped: {0}").format(
                    "; ".join(problems)
                )
            )
        self.notice.setVisible(bool(problems))
        self.restore.setEnabled(self.current() is not None)
        if self.current() is None:
            self.show_diff("", "")

    def set_message(self, text: str) -> None:
        """Show a one-line notice under the list (empty hides it)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def current(self) -> SnapshotInfo | None:
        """Return the chosen snapshot, if any."""
        item = self.list.currentItem()
        info = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return info if isinstance(info, SnapshotInfo) else None

    def show_diff(self, left_html: str, right_html: str) -> None:
        """Show the two columns of the diff."""
        self.left.setHtml(left_html)
        self.right.setHtml(right_html)

    # -- requests ----------------------------------------------------------------------------

    def _on_take(self) -> None:
        """Ask for a snapshot with the typed name."""
        name = self.name.text().strip()
        self.name.clear()
        self.takeRequested.emit(name)

    def _on_restore(self) -> None:
        """Ask to restore the chosen snapshot."""
        info = self.current()
        if info is not None:
            self.restoreRequested.emit(info)

    def _on_current(self, *_items: object) -> None:
        """Ask for the diff of the chosen snapshot."""
        info = self.current()
        self.restore.setEnabled(info is not None)
        self.compareRequested.emit(info)

    def _sync_scroll(self, value: int) -> None:
        """Scroll the right column with the left one, in proportion."""
        left, right = self.left.verticalScrollBar(), self.right.verticalScrollBar()
        if left.maximum() > 0:
            right.setValue(round(value * right.maximum() / left.maximum()))
