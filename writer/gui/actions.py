"""Every action and menu of the main window, in one catalogue.

Each row declares one action: its stable objectName, its text (marked for
translation in the MainWindow context), its menu and its shortcut. Rows are
in menu order; a :class:`Separator` row draws a line, a :class:`Submenu` row
places a menu inside a menu, which later rows fill (their ``menu`` is the
submenu's objectName) or a feature fills with data (recent files). Keys that
work without a menu entry being seen (Alt+1 … Alt+N for the candidates) are
rows too, in a submenu, so every key is a named action. The window builds every
action from this table and retranslates them all on a language change;
features look actions up by name (``host.action(name)``) and connect to them,
they never create one. Adding an action is one row here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

from writer.i18n import QT_TRANSLATE_NOOP

Shortcut = str | QKeySequence.StandardKey | None


@dataclass(frozen=True)
class Action:
    """One action: objectName, text, menu (a menu key or a Submenu's name) and shortcut."""

    name: str
    text: str
    menu: str
    shortcut: Shortcut = None
    checkable: bool = False
    enabled: bool = True


@dataclass(frozen=True)
class Separator:
    """A line between two groups of a menu."""

    menu: str


@dataclass(frozen=True)
class Submenu:
    """A menu inside a menu (objectName ``name``), filled by later rows or by a feature."""

    name: str
    text: str
    menu: str


#: Menu keys and titles, in menu-bar order.
MENU_TITLES = {
    "file": QT_TRANSLATE_NOOP("MainWindow", "&File"),
    "edit": QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    "assistant": QT_TRANSLATE_NOOP("MainWindow", "&Assistant"),
    "models": QT_TRANSLATE_NOOP("MainWindow", "&Models"),
    "view": QT_TRANSLATE_NOOP("MainWindow", "&View"),
    "settings": QT_TRANSLATE_NOOP("MainWindow", "&Tools"),
    "help": QT_TRANSLATE_NOOP("MainWindow", "&Help"),
}

_Std = QKeySequence.StandardKey

#: Every action, separator and submenu of the window, in menu order.
CATALOGUE: tuple[Action | Separator | Submenu, ...] = (
    # -- File ------------------------------------------------------------------------------
    Action("actionNew", QT_TRANSLATE_NOOP("MainWindow", "&New"), "file", _Std.New),
    Action("actionOpen", QT_TRANSLATE_NOOP("MainWindow", "&Open…"), "file", _Std.Open),
    Submenu("menuRecent", QT_TRANSLATE_NOOP("MainWindow", "Open &Recent"), "file"),
    Action("actionSave", QT_TRANSLATE_NOOP("MainWindow", "&Save"), "file", "Ctrl+S"),
    Action("actionSaveAs", QT_TRANSLATE_NOOP("MainWindow", "Save &As…"), "file", _Std.SaveAs),
    Action("actionExportHtml", QT_TRANSLATE_NOOP("MainWindow", "Export as &HTML…"), "file"),
    Action(
        "actionExportFountain",
        QT_TRANSLATE_NOOP("MainWindow", "Export Scri&pt (Fountain/HTML)…"),
        "file",
    ),
    Action("actionExportDocx", QT_TRANSLATE_NOOP("MainWindow", "Export as &Word (DOCX)…"), "file"),
    Action("actionExportEpub", QT_TRANSLATE_NOOP("MainWindow", "Export as EP&UB…"), "file"),
    Action(
        "actionExportOdt", QT_TRANSLATE_NOOP("MainWindow", "Export as OpenDocu&ment (ODT)…"), "file"
    ),
    Action(
        "actionExportChat", QT_TRANSLATE_NOOP("MainWindow", "Export &Chat as Markdown…"), "file"
    ),
    Separator("file"),
    Action(
        "actionTakeSnapshot",
        QT_TRANSLATE_NOOP("MainWindow", "Ta&ke Snapshot…"),
        "file",
        "Ctrl+Alt+S",
    ),
    Separator("file"),
    Action(
        "actionReopenWithEncoding",
        QT_TRANSLATE_NOOP("MainWindow", "Reopen with &Encoding…"),
        "file",
    ),
    Action(
        "actionSaveWithEncoding", QT_TRANSLATE_NOOP("MainWindow", "Save with Enco&ding…"), "file"
    ),
    Action("actionExportText", QT_TRANSLATE_NOOP("MainWindow", "Export as Plain Te&xt…"), "file"),
    Action(
        "actionNewFromTemplate",
        QT_TRANSLATE_NOOP("MainWindow", "New from &Template…"),
        "file",
        "Ctrl+Shift+N",
    ),
    Separator("file"),
    Action("actionQuit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "file", _Std.Quit),
    # -- Edit ------------------------------------------------------------------------------
    Action("actionUndo", QT_TRANSLATE_NOOP("MainWindow", "&Undo"), "edit", _Std.Undo),
    Action("actionRedo", QT_TRANSLATE_NOOP("MainWindow", "&Redo"), "edit", _Std.Redo),
    Action("actionCut", QT_TRANSLATE_NOOP("MainWindow", "Cu&t"), "edit", _Std.Cut),
    Action("actionCopy", QT_TRANSLATE_NOOP("MainWindow", "&Copy"), "edit", _Std.Copy),
    Action("actionPaste", QT_TRANSLATE_NOOP("MainWindow", "&Paste"), "edit", _Std.Paste),
    Action(
        "actionSelectAll", QT_TRANSLATE_NOOP("MainWindow", "Select &All"), "edit", _Std.SelectAll
    ),
    Action("actionFind", QT_TRANSLATE_NOOP("MainWindow", "&Find…"), "edit", _Std.Find),
    Action("actionReplace", QT_TRANSLATE_NOOP("MainWindow", "R&eplace…"), "edit", _Std.Replace),
    # -- Assistant -------------------------------------------------------------------------
    Action(
        "actionContinue",
        QT_TRANSLATE_NOOP("MainWindow", "&Continue Writing"),
        "assistant",
        "Ctrl+Return",
    ),
    Action(
        "actionStop", QT_TRANSLATE_NOOP("MainWindow", "&Stop"), "assistant", "Esc", enabled=False
    ),
    Separator("assistant"),
    Action(
        "actionRegenerate",
        QT_TRANSLATE_NOOP("MainWindow", "&Regenerate"),
        "assistant",
        "Ctrl+Shift+Return",
    ),
    Action(
        "actionShowPrompt",
        QT_TRANSLATE_NOOP("MainWindow", "Show Prompt to &Be Sent…"),
        "assistant",
        "Ctrl+Alt+P",
    ),
    Action(
        "actionContinueChoices",
        QT_TRANSLATE_NOOP("MainWindow", "Continue with Ch&oices"),
        "assistant",
        "Ctrl+Alt+Return",
    ),
    Action(
        "actionPreviousTake",
        QT_TRANSLATE_NOOP("MainWindow", "Pre&vious Take"),
        "assistant",
        "Ctrl+Alt+Left",
    ),
    Action(
        "actionNextTake",
        QT_TRANSLATE_NOOP("MainWindow", "Ne&xt Take"),
        "assistant",
        "Ctrl+Alt+Right",
    ),
    Submenu("menuChooseCandidate", QT_TRANSLATE_NOOP("MainWindow", "Pic&k Candidate"), "assistant"),
    Action(
        "actionChooseCandidate1",
        QT_TRANSLATE_NOOP("MainWindow", "Candidate &1"),
        "menuChooseCandidate",
        "Alt+1",
    ),
    Action(
        "actionChooseCandidate2",
        QT_TRANSLATE_NOOP("MainWindow", "Candidate &2"),
        "menuChooseCandidate",
        "Alt+2",
    ),
    Action(
        "actionChooseCandidate3",
        QT_TRANSLATE_NOOP("MainWindow", "Candidate &3"),
        "menuChooseCandidate",
        "Alt+3",
    ),
    Action(
        "actionChooseCandidate4",
        QT_TRANSLATE_NOOP("MainWindow", "Candidate &4"),
        "menuChooseCandidate",
        "Alt+4",
    ),
    Action(
        "actionChooseCandidate5",
        QT_TRANSLATE_NOOP("MainWindow", "Candidate &5"),
        "menuChooseCandidate",
        "Alt+5",
    ),
    Action(
        "actionChooseCandidate6",
        QT_TRANSLATE_NOOP("MainWindow", "Candidate &6"),
        "menuChooseCandidate",
        "Alt+6",
    ),
    Action(
        "actionSummarize",
        QT_TRANSLATE_NOOP("MainWindow", "Su&mmarize"),
        "assistant",
        "Ctrl+Shift+M",
    ),
    Action("actionRewrite", QT_TRANSLATE_NOOP("MainWindow", "Re&write Selection"), "assistant"),
    Action("actionExpand", QT_TRANSLATE_NOOP("MainWindow", "&Expand Selection"), "assistant"),
    Action("actionShorten", QT_TRANSLATE_NOOP("MainWindow", "S&horten Selection"), "assistant"),
    Action("actionChangeTone", QT_TRANSLATE_NOOP("MainWindow", "Change &Tone…"), "assistant"),
    Action(
        "actionNewDirection",
        QT_TRANSLATE_NOOP("MainWindow", "Continue in A&nother Direction"),
        "assistant",
    ),
    Action(
        "actionAskAboutSelection",
        QT_TRANSLATE_NOOP("MainWindow", "&Ask About Selection…"),
        "assistant",
        "Ctrl+Shift+A",
    ),
    Separator("assistant"),
    Action(
        "actionInsertReply",
        QT_TRANSLATE_NOOP("MainWindow", "&Insert Reply at Cursor"),
        "assistant",
        "Ctrl+Shift+I",
    ),
    Action(
        "actionReplaceWithReply",
        QT_TRANSLATE_NOOP("MainWindow", "Re&place Selection with Reply"),
        "assistant",
        "Ctrl+Shift+R",
    ),
    Action("actionCopyReply", QT_TRANSLATE_NOOP("MainWindow", "Cop&y Reply"), "assistant"),
    Action("actionDiscardReply", QT_TRANSLATE_NOOP("MainWindow", "&Discard Reply"), "assistant"),
    Action("actionClearChat", QT_TRANSLATE_NOOP("MainWindow", "C&lear Conversation"), "assistant"),
    # -- Models ----------------------------------------------------------------------------
    Action("actionOpenHub", QT_TRANSLATE_NOOP("MainWindow", "&Browse Models…"), "models"),
    Action("actionManageModels", QT_TRANSLATE_NOOP("MainWindow", "&Manage Models…"), "models"),
    Action("actionAddServer", QT_TRANSLATE_NOOP("MainWindow", "Add &Server…"), "models"),
    # -- View ------------------------------------------------------------------------------
    Action(
        "actionTogglePreview",
        QT_TRANSLATE_NOOP("MainWindow", "Markdown &Preview"),
        "view",
        "Ctrl+Shift+P",
        checkable=True,
    ),
    Action(
        "actionToggleOutline",
        QT_TRANSLATE_NOOP("MainWindow", "&Outline"),
        "view",
        "Ctrl+Shift+O",
        checkable=True,
    ),
    Action(
        "actionToggleNotes",
        QT_TRANSLATE_NOOP("MainWindow", "Story &Notes"),
        "view",
        "Ctrl+Shift+K",
        checkable=True,
    ),
    Action(
        "actionToggleLore",
        QT_TRANSLATE_NOOP("MainWindow", "&Lore and Author's Note"),
        "view",
        "Ctrl+Shift+L",
        checkable=True,
    ),
    Action(
        "actionToggleAssistant",
        QT_TRANSLATE_NOOP("MainWindow", "As&sistant Panel"),
        "view",
        checkable=True,
    ),
    Action(
        "actionShowAlternatives",
        QT_TRANSLATE_NOOP("MainWindow", "Show &Alternatives"),
        "view",
        checkable=True,
    ),
    Action(
        "actionShowSnapshots",
        QT_TRANSLATE_NOOP("MainWindow", "Snapsho&ts"),
        "view",
        "Ctrl+Alt+H",
        checkable=True,
    ),
    # -- Tools -----------------------------------------------------------------------------
    Action(
        "actionSettings",
        QT_TRANSLATE_NOOP("MainWindow", "&Settings…"),
        "settings",
        _Std.Preferences,
    ),
    # -- Help ------------------------------------------------------------------------------
    Action("actionAbout", QT_TRANSLATE_NOOP("MainWindow", "&About Writer"), "help"),
    Action("actionOpenLogFolder", QT_TRANSLATE_NOOP("MainWindow", "Open &Log Folder"), "help"),
)

#: The actions of the catalogue, by objectName.
ACTIONS: dict[str, Action] = {row.name: row for row in CATALOGUE if isinstance(row, Action)}
