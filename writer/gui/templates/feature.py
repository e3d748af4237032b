"""The templates feature: New from Template, Fountain highlighting and screenplay export.

Connects ``actionNewFromTemplate`` to the template dialog and
``actionExportFountain`` to the script export (a screenplay or a stage play as
``.fountain``, or as HTML laid out as a screenplay or as a play), highlights script
documents, and shows a template job's notices (a poem that came out with the
wrong number of lines) in the status bar.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from writer.core.fountain import export_screenplay
from writer.core.stage_play import export_stage_play
from writer.gui.messages import localized_text, messenger
from writer.gui.templates.dialog import TemplateDialog
from writer.gui.widgets.fountain_highlighter import attach_fountain, is_screenplay

if TYPE_CHECKING:
    from pathlib import Path

    from writer.gui.host import Host
    from writer.gui.widgets.editor import Editor

log = logging.getLogger(__name__)


class TemplatesFeature(QObject):
    """What the templates feature keeps on a window: its dialog and its jobs."""

    def __init__(self, window: Host) -> None:
        super().__init__(window.parent_widget())
        self.window = window
        self.dialog: TemplateDialog | None = None
        self.job_ids: set[int] = set()
        window.action("actionNewFromTemplate").triggered.connect(lambda: self.open_dialog())
        window.action("actionExportFountain").triggered.connect(lambda: self.export_dialog())
        window.signals.currentEditorChanged.connect(self._on_current_changed)
        window.engine.notice.connect(self._on_notice)
        window.engine.finished.connect(lambda job_id, _stats: self.job_ids.discard(job_id))
        window.engine.failed.connect(lambda job_id, _msg: self.job_ids.discard(job_id))
        window.signals.languageChanged.connect(lambda _language: self.retranslate())

    def retranslate(self) -> None:
        """Build the template dialog anew (in the new language) next time it is shown."""
        if self.dialog is not None and not self.dialog.isVisible():
            self.dialog.deleteLater()  # the next one is built in the new language
            self.dialog = None

    def open_dialog(self, *, modal: bool = True) -> TemplateDialog:
        """Show the template dialog (non-modal when ``modal`` is False); return it."""
        if self.dialog is None or self.dialog.isModal() != modal:
            if self.dialog is not None:
                self.dialog.deleteLater()
            self.dialog = TemplateDialog(self.window, modal=modal)
            self.dialog.writeStarted.connect(self.job_ids.add)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def export_dialog(self) -> Path | None:
        """Ask where to export the current document as a script; return the path written.

        Both HTML layouts are offered (a reopened .fountain file does not say
        which kind of script it is); the document's own kind comes first.
        """
        editor = self.window.current_editor()
        play = editor.state.form == "stage_play"
        html_play = self.tr("HTML stage play (*.html)")
        html_screenplay = self.tr("HTML screenplay (*.html)")
        if play:
            filters = [self.tr("Fountain stage play (*.fountain)"), html_play, html_screenplay]
            caption = self.tr("Export Stage Play")
        else:
            filters = [self.tr("Fountain screenplay (*.fountain)"), html_screenplay, html_play]
            caption = self.tr("Export Screenplay")
        start = self.window.export_path(editor, ".fountain")  # named from its Title: line
        path, selected = self.window.ask_save_path(caption, start, ";;".join(filters))
        if path is None:
            return None
        if path.suffix.lower() not in (".fountain", ".html", ".htm"):
            html = selected in (html_play, html_screenplay)
            path = path.with_suffix(".html" if html else ".fountain")
        if selected in (html_play, html_screenplay):
            play = selected == html_play
        return self.export(editor, path, play=play)

    def export(self, editor: Editor, path: Path, *, play: bool | None = None) -> Path | None:
        """Write ``editor``'s text to ``path`` as Fountain, or as HTML for .html/.htm.

        The HTML is laid out as a play when ``play`` (by default: for a stage
        play), else as a screenplay.
        """
        if play is None:
            play = editor.state.form == "stage_play"
        export = export_stage_play if play else export_screenplay
        try:
            export(editor.toPlainText(), path, title=editor.state.title)
        except OSError as error:
            messenger.error(
                self.window.parent_widget(),
                self.tr("Cannot export"),
                f"{path}: {error.strerror or error}",
            )
            return None
        self.window.status.showMessage(self.tr("Exported {0}").format(path.name), 5000)
        return path

    @Slot(object)
    def _on_current_changed(self, editor: Editor | None) -> None:
        """Highlight a screenplay (a .fountain file) when it is shown."""
        if editor is not None and is_screenplay(editor):
            attach_fountain(editor)

    @Slot(int, str)
    def _on_notice(self, job_id: int, message: str) -> None:
        """Show a template job's notice in the status bar."""
        if job_id in self.job_ids:
            log.info("template job %d: %s", job_id, message)
            self.window.status.showMessage(localized_text(message), 15000)
