"""The status bar: model, engine state, speed, context use, counts and encoding."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

LABELS = (
    "statusModel",
    "statusEngine",
    "statusSpeed",
    "statusContext",
    "statusCounts",
    "statusEncoding",
)


class StatusBar(QStatusBar):
    """Status bar (objectName ``statusBar``) with one label per stable name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.labels: dict[str, QLabel] = {}
        for name in LABELS:
            label = QLabel(self)
            label.setObjectName(name)
            label.setAccessibleName(name)
            self.labels[name] = label
            if name == "statusModel":
                self.addWidget(label, 1)
            else:
                self.addPermanentWidget(label)

    def set(self, name: str, text: str, tooltip: str = "") -> None:
        """Set the text (and tooltip) of one label."""
        label = self.labels[name]
        label.setText(text)
        label.setToolTip(tooltip)
        label.setVisible(bool(text))

    def text(self, name: str) -> str:
        """Return the text of one label."""
        return self.labels[name].text()
