"""The "New from Template" dialog (objectName ``templateDialog``).

Pick a template, fill in the fields generated from its definition, read the
prompt in a live preview, choose a new document or the cursor, and Write: the
text streams in like Continue (Stop works, one Ctrl+Z takes it back). The
values last used are remembered per template and language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from writer.config import Key, get_setting, settings
from writer.core.document import SCRIPT_FORMS, DocumentState
from writer.core.presets import template_overrides
from writer.core.sampling import SamplingParams
from writer.core.templates import (
    Field,
    Template,
    TemplateFileError,
    TemplateLibrary,
    language_of_setting,
    load_templates,
)
from writer.engine.template_jobs import TemplateJob
from writer.errors import TemplateError
from writer.gui.messages import localized_text, messenger
from writer.gui.widgets.fountain_highlighter import attach_fountain

if TYPE_CHECKING:
    from writer.gui.host import Host

_GROUP = "templates"


class TemplateDialog(QDialog):
    """Choose a template, fill it in, and write from it into the document."""

    #: Emitted with the job id when writing starts.
    writeStarted = Signal(int)

    def __init__(
        self,
        window: Host,
        *,
        modal: bool = True,
        library: TemplateLibrary | None = None,
    ) -> None:
        super().__init__(window.parent_widget())
        self.setObjectName("templateDialog")
        self.setWindowTitle(self.tr("New from Template"))
        self.setModal(modal)
        self.resize(820, 560)
        self.host = window
        self.library = library or load_templates()
        self._widgets: dict[str, QWidget] = {}
        self._building = False
        self._build()
        self._fill_list()
        self._restore()

    # -- building ---------------------------------------------------------------

    def _build(self) -> None:
        """Create the widgets."""
        self.language = QComboBox(self)
        self.language.setObjectName("templateLanguage")
        self.language.addItem("English", "en")
        self.language.addItem("中文", "zh")
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        self.list.currentItemChanged.connect(lambda *_: self._show_template())
        self.errors = QLabel(self)
        self.errors.setObjectName("templateErrors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #a33;")
        self.errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Language:"), self))
        row.addWidget(self.language, 1)
        left_layout.addLayout(row)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.errors)

        self.description = QLabel(self)
        self.description.setObjectName("templateDescription")
        self.description.setWordWrap(True)
        self.fields_box = QWidget(self)
        self.fields_box.setObjectName("templateFields")
        self.form = QFormLayout(self.fields_box)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("templatePreview")
        self.preview.setAccessibleName(self.tr("Prompt preview"))
        self.preview.setReadOnly(True)
        self.new_document = QRadioButton(self.tr("In a &new document"), self)
        self.new_document.setObjectName("templateNewDocument")
        self.at_cursor = QRadioButton(self.tr("At the &cursor"), self)
        self.at_cursor.setObjectName("templateAtCursor")
        self.new_document.setChecked(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.description)
        right_layout.addWidget(self.fields_box)
        right_layout.addWidget(QLabel(self.tr("Prompt preview:"), self))
        right_layout.addWidget(self.preview, 1)
        target = QHBoxLayout()
        target.addWidget(self.new_document)
        target.addWidget(self.at_cursor)
        target.addStretch(1)
        right_layout.addLayout(target)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        self.buttons = QDialogButtonBox(self)
        self.write_button = self.buttons.addButton(
            self.tr("&Write"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.write_button.setObjectName("templateWrite")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.write)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

    def _fill_list(self) -> None:
        """List the templates in the chosen language, and the files that failed to load."""
        current = self.template()
        self._building = True
        self.list.clear()
        for template in self.library.templates:
            item = QListWidgetItem(template.name_in(self.lang()), self.list)
            item.setData(Qt.ItemDataRole.UserRole, template.id)
            item.setToolTip(template.description_in(self.lang()))
        self._building = False
        if current is not None:
            self.select(current.id)
        broken = self.library.errors
        self.errors.setVisible(bool(broken))
        if broken:
            self.errors.setText(
                self.tr("These template files could not be loaded:")
                + "\n"
                + "\n".join(_problem(error) for error in broken)
            )

    # -- state ----------------------------------------------------------------------

    def lang(self) -> str:
        """Return the language chosen for the output ("en" or "zh")."""
        return self.language.currentData() or "en"

    def template(self) -> Template | None:
        """Return the template selected in the list."""
        item = self.list.currentItem()
        if item is None:
            return None
        return self.library.get(item.data(Qt.ItemDataRole.UserRole))

    def select(self, template_id: str) -> bool:
        """Select the template ``template_id``; return whether it exists."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == template_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def set_language(self, lang: str) -> None:
        """Choose the output language ("en" or "zh")."""
        index = self.language.findData(lang)
        if index >= 0:
            self.language.setCurrentIndex(index)

    def field_widget(self, key: str) -> QWidget | None:
        """Return the widget of field ``key`` of the shown template."""
        return self._widgets.get(key)

    def values(self) -> dict[str, Any]:
        """Return the values in the field widgets."""
        values: dict[str, Any] = {}
        for key, widget in self._widgets.items():
            if isinstance(widget, QComboBox):
                values[key] = widget.currentData()
            elif isinstance(widget, QSpinBox):
                values[key] = widget.value()
            elif isinstance(widget, QPlainTextEdit):
                values[key] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                values[key] = widget.text()
        return values

    # -- fields ---------------------------------------------------------------------

    def _on_language_changed(self, _index: int) -> None:
        """Show names, labels and remembered values in the new language."""
        self._fill_list()
        self._show_template()

    def _show_template(self) -> None:
        """Build the field widgets of the selected template."""
        if self._building:
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        self._widgets.clear()
        template = self.template()
        if template is None:
            self.description.clear()
            self.preview.clear()
            return
        lang = self.lang()
        self.description.setText(template.description_in(lang))
        remembered = self._remembered(template, lang)
        for spec in template.fields:
            widget = self._make_widget(spec, lang, remembered.get(spec.key))
            widget.setObjectName(f"field_{spec.key}")
            widget.setAccessibleName(spec.label_in(lang))
            self._widgets[spec.key] = widget
            colon = "：" if lang == "zh" else ":"
            self.form.addRow(spec.label_in(lang) + colon, widget)
        self._update_preview()

    def _make_widget(self, spec: Field, lang: str, remembered: Any) -> QWidget:
        """Return the input widget for one field, holding its remembered or default value."""
        value = spec.default_in(lang) if remembered is None else remembered
        if spec.type == "choice":
            combo = QComboBox(self.fields_box)
            for option in spec.options:
                combo.addItem(option.label_in(lang), option.value)
            combo.setCurrentIndex(max(0, combo.findData(str(value))))
            combo.currentIndexChanged.connect(self._update_preview)
            return combo
        if spec.type == "number":
            spin = QSpinBox(self.fields_box)
            spin.setRange(
                spec.minimum if spec.minimum is not None else 0,
                spec.maximum if spec.maximum is not None else 1_000_000,
            )
            try:
                spin.setValue(int(value))
            except (TypeError, ValueError):
                spin.setValue(int(spec.default_in(lang)))
            spin.valueChanged.connect(self._update_preview)
            return spin
        if spec.multiline:
            box = QPlainTextEdit(str(value), self.fields_box)
            box.setMaximumHeight(80)
            box.textChanged.connect(self._update_preview)
            return box
        line = QLineEdit(str(value), self.fields_box)
        line.textChanged.connect(self._update_preview)
        return line

    def _uses_chat(self) -> bool:
        """Return whether the loaded model takes the instruction form (it has a chat template)."""
        info = self.host.engine.model
        return info is None or bool(info.chat_template)

    def _update_preview(self) -> None:
        """Show the prompt the model will get."""
        template = self.template()
        if template is None:
            return
        try:
            rendered = template.render(self.values(), self.lang(), chat=self._uses_chat())
        except TemplateError as error:
            self.preview.setPlainText(str(error))
            return
        text = rendered.text
        if rendered.system:
            text = f"[{rendered.system}]\n\n{text}"
        self.preview.setPlainText(text)

    # -- remembering ---------------------------------------------------------------------

    def _remembered(self, template: Template, lang: str) -> dict[str, Any]:
        """Return the values last used with ``template`` in ``lang``."""
        store = settings()
        store.beginGroup(f"{_GROUP}/{template.id}/{lang}")
        values = {key: store.value(key) for key in store.childKeys()}
        store.endGroup()
        return values

    def _remember(self, template: Template) -> None:
        """Store the values, template, language and target for next time."""
        store = settings()
        store.beginGroup(f"{_GROUP}/{template.id}/{self.lang()}")
        for key, value in self.values().items():
            store.setValue(key, value)
        store.endGroup()
        store.setValue(f"{_GROUP}/last", template.id)
        store.setValue(f"{_GROUP}/language", self.lang())
        store.setValue(f"{_GROUP}/target", "cursor" if self.at_cursor.isChecked() else "new")
        store.sync()

    def _restore(self) -> None:
        """Select the template, language and target used last time."""
        store = settings()
        ui_language = str(get_setting(Key.LANGUAGE))
        lang = str(store.value(f"{_GROUP}/language", "")) or language_of_setting(
            ui_language, QLocale.system().name()
        )
        self.set_language(lang)
        if store.value(f"{_GROUP}/target", "new") == "cursor":
            self.at_cursor.setChecked(True)
        last = str(store.value(f"{_GROUP}/last", ""))
        if not (last and self.select(last)) and self.list.count():
            self.list.setCurrentRow(0)

    # -- writing ---------------------------------------------------------------------------

    def write(self) -> int | None:
        """Start writing from the selected template; return the job id (None if it cannot)."""
        template = self.template()
        window = self.host
        if template is None:
            return None
        reason = window.engine.not_ready
        if reason is not None:
            messenger.error(self, self.tr("Cannot write"), reason)
            return None
        values = self.values()
        try:
            template.resolve(values, self.lang())
        except TemplateError as error:
            messenger.error(self, self.tr("Cannot write"), str(error))
            return None
        self._remember(template)
        screenplay = template.kind in SCRIPT_FORMS
        if self.new_document.isChecked():
            editor = window.new_document(state=DocumentState(form=template.kind))
            lead = ""
        else:
            editor = window.current_editor()
            editor.aboutToRewrite.emit("template")
            before = editor.text_before_cursor(2)
            lead = (
                ""
                if not before or before.endswith("\n\n")
                else ("\n" if before.endswith("\n") else "\n\n")
            )
        if screenplay and (self.new_document.isChecked() or not editor.toPlainText().strip()):
            attach_fountain(editor)
        job = TemplateJob(
            template,
            values,
            self.lang(),
            SamplingParams.from_settings(),
            template_overrides(),
            lead=lead,
        )
        job_id = window.stream.stream(editor, job)
        self.writeStarted.emit(job_id)
        self.accept()
        return job_id


def _problem(error: TemplateFileError) -> str:
    """Return a broken template file's line ("path:line: why") in the interface language."""
    if error.line is None:  # "path: why": only the why is a catalogue message
        return f"{error.path}: {localized_text(error.reason)}"
    return localized_text(str(error))
