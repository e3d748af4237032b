"""The context inspector (``promptInspector``): what the next Continue sends, part by part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from writer.gui.messages import localized_text
from writer.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from writer.core.prompt_parts import Assembly

#: How each kind of part is named in the inspector.
KIND_LABELS = {
    "notes": QT_TRANSLATE_NOOP("PromptInspector", "Story notes"),
    "lore": QT_TRANSLATE_NOOP("PromptInspector", "Lore"),
    "summary": QT_TRANSLATE_NOOP("PromptInspector", "Story so far"),
    "text": QT_TRANSLATE_NOOP("PromptInspector", "Text"),
    "authors_note": QT_TRANSLATE_NOOP("PromptInspector", "Author's note"),
    "after": QT_TRANSLATE_NOOP("PromptInspector", "Text after the cursor"),
}
MODE_LABELS = {
    "plain": QT_TRANSLATE_NOOP("PromptInspector", "continues at the end"),
    "bridge": QT_TRANSLATE_NOOP("PromptInspector", "writes a bridge to the text after"),
    "fim": QT_TRANSLATE_NOOP("PromptInspector", "fills in the middle"),
}


class PromptInspector(QDialog):
    """Lists the parts of the prompt with token counts and why each is there, and what was cut."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        modality: Qt.WindowModality = Qt.WindowModality.NonModal,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("promptInspector")
        self.setWindowModality(modality)
        self.assembly: Assembly | None = None
        self.n_ctx = 0
        self.summary = QLabel(self)
        self.summary.setObjectName("promptSummary")
        self.summary.setWordWrap(True)
        self.parts = QTreeWidget(self)
        self.parts.setObjectName("promptParts")
        self.parts.setRootIsDecorated(False)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("promptPartText")
        self.text.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.parts)
        splitter.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.parts.currentItemChanged.connect(self._show_text)
        self.resize(760, 560)
        self.retranslate()

    def retranslate(self) -> None:
        """Show the inspector in the current interface language."""
        self.setWindowTitle(self.tr("What Continue Sends"))
        self.parts.setHeaderLabels([self.tr("Part"), self.tr("Tokens"), self.tr("Why")])
        self.parts.setAccessibleName(self.tr("Prompt parts"))
        self.text.setAccessibleName(self.tr("Text of the part"))
        if self.assembly is not None:
            self.show_assembly(self.assembly, self.n_ctx)

    def show_assembly(self, assembly: Assembly, n_ctx: int) -> None:
        """List ``assembly``'s parts, then what was left out."""
        self.assembly = assembly
        self.n_ctx = n_ctx
        self.parts.clear()
        for part in assembly.parts:
            label = self.tr(KIND_LABELS.get(part.kind, part.kind))
            if part.title:
                label = f"{label}: {part.title}"
            why = localized_text(part.why)
            item = QTreeWidgetItem([label, str(part.tokens), why])
            item.setData(0, Qt.ItemDataRole.UserRole, part.text)
            item.setToolTip(2, why)
            self.parts.addTopLevelItem(item)
        dim = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for left in assembly.left_out:
            label = self.tr("Left out: {0}").format(self.tr(KIND_LABELS.get(left.kind, left.kind)))
            if left.title:
                label = f"{label}: {left.title}"
            why = localized_text(left.why)
            item = QTreeWidgetItem([label, str(left.tokens) if left.tokens else "", why])
            item.setData(0, Qt.ItemDataRole.UserRole, "")
            item.setToolTip(2, why)
            for column in range(3):
                item.setForeground(column, dim)
            self.parts.addTopLevelItem(item)
        for column in range(2):
            self.parts.resizeColumnToContents(column)
        mode = self.tr(MODE_LABELS.get(assembly.mode, assembly.mode))
        self.summary.setText(
            self.tr("{0} tokens of a {1}-token window; Continue {2}.").format(
                assembly.tokens, n_ctx, mode
            )
        )
        first = self.parts.topLevelItem(0)
        if first is not None:
            self.parts.setCurrentItem(first)

    def _show_text(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        """Show the text of the chosen part."""
        self.text.setPlainText(str(item.data(0, Qt.ItemDataRole.UserRole) or "") if item else "")
