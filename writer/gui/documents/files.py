"""Opening, saving and exporting documents from the window.

Reading detects the encoding and asks when unsure; saving is atomic and
keeps the file's encoding, BOM and line endings; a file changed by another
program since it was opened is not overwritten without asking.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog

from writer.config import Key, get_setting, set_setting
from writer.core.document import DocumentState
from writer.core.document_io import (
    COMMON_ENCODINGS,
    LoadedDocument,
    changed_on_disk,
    read_document,
    save_document,
)
from writer.core.document_names import file_stem, suffix_for
from writer.core.markdown_render import render_standalone
from writer.core.sidecar import load_sidecar
from writer.errors import DocumentError, UndecodableError, UnencodableTextError
from writer.gui.messages import localized_text, messenger
from writer.gui.widgets.display import display_title, encoding_choice, encoding_text
from writer.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from writer.gui.host import Host
    from writer.gui.widgets.editor import Editor

log = logging.getLogger(__name__)

MAX_RECENT = 10
TEXT_FILTER = QT_TRANSLATE_NOOP(
    "DocumentFiles", "Text and Markdown (*.md *.markdown *.txt *.fountain);;All files (*)"
)
HTML_FILTER = QT_TRANSLATE_NOOP("DocumentFiles", "HTML (*.html)")
PLAIN_TEXT_FILTER = QT_TRANSLATE_NOOP("DocumentFiles", "Text (*.txt)")
#: The Save As choices; the third is chosen for a screenplay.
SAVE_FILTERS = (
    QT_TRANSLATE_NOOP("DocumentFiles", "Markdown (*.md)"),
    QT_TRANSLATE_NOOP("DocumentFiles", "Text (*.txt)"),
    QT_TRANSLATE_NOOP("DocumentFiles", "Fountain screenplay (*.fountain)"),
    QT_TRANSLATE_NOOP("DocumentFiles", "All files (*)"),
)


class DocumentFiles(QObject):
    """The file side of the window: open, save, encodings, export, recent files."""

    saved = Signal(object)  # Editor

    def __init__(self, window: Host) -> None:
        super().__init__(window.parent_widget())
        self.window = window
        self.recent_menu = window.submenu("menuRecent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        for name, slot in (
            ("actionReopenWithEncoding", self.reopen_with_encoding_dialog),
            ("actionSaveWithEncoding", self.save_with_encoding_dialog),
            ("actionExportText", self.export_text),
            ("actionExportHtml", self.export_html),
        ):
            window.action(name).triggered.connect(lambda _checked=False, slot=slot: slot())

    # -- opening ----------------------------------------------------------------------

    def open_dialog(self) -> None:
        """Ask for files to open."""
        paths, _ = QFileDialog.getOpenFileNames(
            self.window.parent_widget(), self.tr("Open"), self.last_folder(), self.tr(TEXT_FILTER)
        )
        if paths:
            self.remember_folder(Path(paths[0]))
        for path in paths:
            self.open_document(Path(path))

    def read(self, path: Path, encoding: str | None = None) -> LoadedDocument | None:
        """Read ``path``, asking about the encoding when unsure; None if it cannot be opened."""
        window = self.window
        try:
            loaded = read_document(path, encoding)
        except UndecodableError as error:
            if encoding is not None:  # the user's own choice does not fit either
                messenger.error(window.parent_widget(), self.tr("Cannot open file"), str(error))
                return None
            choice = self._ask_encoding(
                self.tr("Choose an encoding"),
                self.tr(
                    "{0} is not valid UTF-8 and its encoding is uncertain. "
                    "Which encoding should Writer use?"
                ).format(path.name),
                list(error.candidates),
            )
            if choice is None:
                return None
            return self.read(path, choice)
        except DocumentError as error:
            messenger.error(window.parent_widget(), self.tr("Cannot open file"), str(error))
            return None
        if loaded.needs_confirmation and encoding is None:
            keep = loaded.encoding
            options = [(keep, self.tr("{0} (as detected)").format(encoding_text(keep)))]
            choice = self._ask_encoding(
                self.tr("Check the encoding"),
                self.tr(
                    "{0} looks like {1}, but other encodings are possible. Is this right?"
                ).format(path.name, encoding_text(keep)),
                list(loaded.candidates),
                first=options,
            )
            if choice is None:
                return None
            if choice != keep:
                return self.read(path, choice)
        return loaded

    def open_document(self, path: Path, encoding: str | None = None) -> Editor | None:
        """Open ``path`` in a tab (or show it if it is open already)."""
        window = self.window
        for editor in window.editors():
            if editor.state.path and _same(editor.state.path, path):
                window.show_editor(editor)
                return editor
        loaded = self.read(path, encoding)
        if loaded is None:
            return None
        return self._show_loaded(path, loaded)

    def open_quietly(self, path: Path, encoding: str = "") -> Editor:
        """Open ``path`` asking nothing, as ``encoding`` if it still fits (the session's reopen).

        It is not added to the recent files. Raises:
            DocumentError: the file cannot be opened; nothing is shown.
        """
        for editor in self.window.editors():
            if editor.state.path and _same(editor.state.path, path):
                return editor
        try:
            loaded = read_document(path, encoding or None)
        except UndecodableError:
            if not encoding:
                raise
            loaded = read_document(path)  # changed since: detect again
        return self._show_loaded(path, loaded, remember=False)

    def _show_loaded(self, path: Path, loaded: LoadedDocument, *, remember: bool = True) -> Editor:
        """Show a file just read in a new tab (in place of a blank, untouched Untitled)."""
        window = self.window
        state = DocumentState(
            path=path,
            encoding=loaded.encoding,
            newline=loaded.newline,
            bom=loaded.bom,
            stamp=loaded.stamp,
            notes=str(load_sidecar(path).get("notes", "")),
            line_ends=dict(loaded.line_ends),
        )
        current = window.current_editor()
        replace_blank = (
            current is not None
            and current.state.path is None
            and not current.document().isModified()
            and not current.toPlainText()
        )
        editor = window.new_document(loaded.text, state)
        if replace_blank:
            window.close_editor(current)
        if remember:
            self._add_recent(path)
        return editor

    def _ask_encoding(
        self,
        title: str,
        text: str,
        candidates: list[str],
        first: list[tuple[str, str]] | None = None,
    ) -> str | None:
        """Ask for an encoding: the candidates first, then the common ones."""
        options = list(first or [])
        seen = {value for value, _label in options}
        for name in candidates:
            if name not in seen:
                options.append((name, encoding_text(name)))
                seen.add(name)
        for name, label in COMMON_ENCODINGS:
            if name not in seen:
                options.append((name, encoding_choice(label)))
                seen.add(name)
        return messenger.choose(self.window.parent_widget(), title, text, options)

    # -- saving ----------------------------------------------------------------------------

    def save(self, editor: Editor, *, save_as: bool = False, encoding: str | None = None) -> bool:
        """Save ``editor``'s document; return whether it was saved."""
        window = self.window
        state = editor.state
        path = state.path
        if path is None or save_as:
            filters = [self.tr(f) for f in SAVE_FILTERS]
            suffix = path.suffix if path else suffix_for(state.form)
            chosen, _ = QFileDialog.getSaveFileName(
                window.parent_widget(),
                self.tr("Save As"),
                str(self.suggested_path(editor)),
                ";;".join(filters),
                filters[2] if suffix == ".fountain" else filters[0],
            )
            if not chosen:
                return False
            path = Path(chosen)
            self.remember_folder(path)
        elif changed_on_disk(path, state.stamp) and not messenger.question(
            window.parent_widget(),
            self.tr("File changed on disk"),
            self.tr(
                "{0} was changed by another program since you opened it. "
                "Overwrite it with your version?"
            ).format(path.name),
        ):
            return False
        target_encoding = encoding or state.encoding
        bom = state.bom if encoding is None else encoding.lower().startswith("utf-16")
        text = editor.toPlainText()
        line_ends = editor.line_ends()
        try:
            stamp = save_document(
                path,
                text,
                encoding=target_encoding,
                newline=state.newline,
                bom=bom,
                line_ends=line_ends,
            )
        except UnencodableTextError as error:
            if not messenger.question(
                window.parent_widget(),
                self.tr("Cannot save in this encoding"),
                self.tr("{0} Save as UTF-8 instead?").format(localized_text(str(error))),
            ):
                return False
            target_encoding, bom = "utf-8", False
            try:
                stamp = save_document(
                    path, text, encoding="utf-8", newline=state.newline, line_ends=line_ends
                )
            except DocumentError as again:
                messenger.error(window.parent_widget(), self.tr("Cannot save"), str(again))
                return False
        except DocumentError as error:
            messenger.error(window.parent_widget(), self.tr("Cannot save"), str(error))
            return False
        state.path, state.encoding, state.bom, state.stamp = path, target_encoding, bom, stamp
        editor.document().setModified(False)
        self._add_recent(path)
        self.saved.emit(editor)
        return True

    def reopen_with_encoding_dialog(self) -> None:
        """Ask for an encoding and reread the current document with it."""
        editor = self.window.current_editor()
        if editor.state.path is None:
            return
        choice = self._ask_encoding(
            self.tr("Reopen with encoding"), self.tr("Encoding:"), [editor.state.encoding]
        )
        if choice:
            self.reopen_with_encoding(editor, choice)

    def reopen_with_encoding(self, editor: Editor, encoding: str) -> bool:
        """Reread ``editor``'s file as ``encoding`` (after confirming lost changes)."""
        window = self.window
        path = editor.state.path
        if path is None:
            return False
        if editor.document().isModified() and not messenger.question(
            window.parent_widget(),
            self.tr("Reopen"),
            self.tr("Reopening discards your unsaved changes to {0}. Continue?").format(path.name),
        ):
            return False
        try:
            loaded = read_document(path, encoding)
        except DocumentError as error:
            messenger.error(window.parent_widget(), self.tr("Cannot reopen"), str(error))
            return False
        editor.aboutToRewrite.emit("reopen_encoding")
        editor.setPlainText(loaded.text, loaded.line_ends)
        editor.document().setModified(False)
        state = editor.state
        state.encoding, state.newline, state.bom, state.stamp = (
            loaded.encoding,
            loaded.newline,
            loaded.bom,
            loaded.stamp,
        )
        window.signals.documentStateChanged.emit(editor)
        return True

    def save_with_encoding_dialog(self) -> None:
        """Ask for an encoding and save the current document in it."""
        editor = self.window.current_editor()
        choice = self._ask_encoding(
            self.tr("Save with encoding"), self.tr("Encoding:"), [editor.state.encoding]
        )
        if choice:
            self.save(editor, encoding=choice)

    # -- export ----------------------------------------------------------------------------

    def export_html(self, path: Path | None = None) -> bool:
        """Write the current document as standalone HTML."""
        editor = self.window.current_editor()
        path = path or self._export_path(editor, ".html", HTML_FILTER)
        if path is None:
            return False
        html = render_standalone(editor.toPlainText(), display_title(editor.state.title))
        return self._write_export(path, html)

    def export_text(self, path: Path | None = None) -> bool:
        """Write the current document as UTF-8 plain text."""
        editor = self.window.current_editor()
        path = path or self._export_path(editor, ".txt", PLAIN_TEXT_FILTER)
        if path is None:
            return False
        return self._write_export(path, editor.toPlainText())

    def _export_path(self, editor: Editor, suffix: str, file_filter: str) -> Path | None:
        """Ask where to export."""
        base = self.suggested_path(editor).with_suffix(suffix)
        return self.ask_save_path(self.tr("Export"), base, self.tr(file_filter))[0]

    def ask_save_path(self, caption: str, start: Path, file_filter: str) -> tuple[Path | None, str]:
        """Ask where to save a file; remember the folder chosen for the next dialog.

        Returns the path (None when the writer cancelled) and the filter chosen.
        """
        chosen, selected = QFileDialog.getSaveFileName(
            self.window.parent_widget(), caption, str(start), file_filter
        )
        if not chosen:
            return None, selected
        path = Path(chosen)
        self.remember_folder(path)
        return path, selected

    def suggested_path(self, editor: Editor) -> Path:
        """Return where Save As starts: the file itself, or a name from the first heading.

        A document without a file gets its first heading as its name (what file
        systems refuse taken out; its tab's "Untitled" name without one), in the
        last folder used.
        """
        state = editor.state
        if state.path is not None:
            return state.path
        stem = file_stem(state.heading, display_title(state.title))
        return Path(self.last_folder()) / f"{stem}{suffix_for(state.form)}"

    def _write_export(self, path: Path, text: str) -> bool:
        """Write an export atomically, reporting failures."""
        try:
            save_document(path, text, encoding="utf-8")
        except DocumentError as error:
            messenger.error(self.window.parent_widget(), self.tr("Cannot export"), str(error))
            return False
        self.window.status.showMessage(self.tr("Exported {0}").format(path.name), 5000)
        return True

    # -- recent files ------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        """Return the recently opened or saved files, newest first."""
        value = get_setting(Key.RECENT_FILES, [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in value or []]

    def _add_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent files; its folder is the last one used."""
        entry = str(path.resolve())
        files = [f for f in self.recent_files() if f != entry]
        set_setting(Key.RECENT_FILES, [entry, *files][:MAX_RECENT])
        self.remember_folder(Path(entry))

    def _fill_recent(self) -> None:
        """Fill the Open Recent menu."""
        self.recent_menu.clear()
        for entry in self.recent_files():
            action = self.recent_menu.addAction(entry)
            action.triggered.connect(lambda _c=False, p=entry: self.open_document(Path(p)))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def last_folder(self) -> str:
        """Return the folder last used to open or save, else the user's documents folder."""
        recent = self.recent_files()
        for folder in (
            str(get_setting(Key.LAST_FOLDER) or ""),
            str(Path(recent[0]).parent) if recent else "",  # remembered before there was a key
        ):
            if folder and Path(folder).is_dir():
                return folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def remember_folder(self, path: Path) -> None:
        """Remember the folder of a file just opened, saved or chosen in a file dialog."""
        set_setting(Key.LAST_FOLDER, str(path.parent))


def _same(a: Path, b: Path) -> bool:
    """Return whether two paths name the same file."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b
