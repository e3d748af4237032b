"""The main window's actions and menus: stable objectNames, texts, shortcuts.

Texts are marked for translation in the MainWindow context and translated
when the window shows them (:meth:`MainWindow.retranslate` on a language change).
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from writer.i18n import QT_TRANSLATE_NOOP

#: (objectName, text, shortcut, menu) of every action; menus are created in this order.
ACTIONS: tuple[tuple[str, str, str | QKeySequence.StandardKey | None, str], ...] = (
    ("actionNew", QT_TRANSLATE_NOOP("MainWindow", "&New"), QKeySequence.StandardKey.New, "file"),
    (
        "actionOpen",
        QT_TRANSLATE_NOOP("MainWindow", "&Open…"),
        QKeySequence.StandardKey.Open,
        "file",
    ),
    ("actionSave", QT_TRANSLATE_NOOP("MainWindow", "&Save"), "Ctrl+S", "file"),
    (
        "actionSaveAs",
        QT_TRANSLATE_NOOP("MainWindow", "Save &As…"),
        QKeySequence.StandardKey.SaveAs,
        "file",
    ),
    ("actionExportHtml", QT_TRANSLATE_NOOP("MainWindow", "Export as &HTML…"), None, "file"),
    (
        "actionNewFromTemplate",
        QT_TRANSLATE_NOOP("MainWindow", "New from &Template…"),
        "Ctrl+Shift+N",
        "file",
    ),
    ("actionQuit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit, "file"),
    ("actionUndo", QT_TRANSLATE_NOOP("MainWindow", "&Undo"), QKeySequence.StandardKey.Undo, "edit"),
    ("actionRedo", QT_TRANSLATE_NOOP("MainWindow", "&Redo"), QKeySequence.StandardKey.Redo, "edit"),
    ("actionCut", QT_TRANSLATE_NOOP("MainWindow", "Cu&t"), QKeySequence.StandardKey.Cut, "edit"),
    ("actionCopy", QT_TRANSLATE_NOOP("MainWindow", "&Copy"), QKeySequence.StandardKey.Copy, "edit"),
    (
        "actionPaste",
        QT_TRANSLATE_NOOP("MainWindow", "&Paste"),
        QKeySequence.StandardKey.Paste,
        "edit",
    ),
    (
        "actionSelectAll",
        QT_TRANSLATE_NOOP("MainWindow", "Select &All"),
        QKeySequence.StandardKey.SelectAll,
        "edit",
    ),
    (
        "actionContinue",
        QT_TRANSLATE_NOOP("MainWindow", "&Continue Writing"),
        "Ctrl+Return",
        "assistant",
    ),
    ("actionStop", QT_TRANSLATE_NOOP("MainWindow", "&Stop"), "Esc", "assistant"),
    (
        "actionRegenerate",
        QT_TRANSLATE_NOOP("MainWindow", "&Regenerate"),
        "Ctrl+Shift+Return",
        "assistant",
    ),
    ("actionSummarize", QT_TRANSLATE_NOOP("MainWindow", "Su&mmarize"), "Ctrl+Shift+M", "assistant"),
    ("actionRewrite", QT_TRANSLATE_NOOP("MainWindow", "Re&write Selection"), None, "assistant"),
    ("actionExpand", QT_TRANSLATE_NOOP("MainWindow", "&Expand Selection"), None, "assistant"),
    ("actionShorten", QT_TRANSLATE_NOOP("MainWindow", "S&horten Selection"), None, "assistant"),
    ("actionChangeTone", QT_TRANSLATE_NOOP("MainWindow", "Change &Tone…"), None, "assistant"),
    (
        "actionAskAboutSelection",
        QT_TRANSLATE_NOOP("MainWindow", "&Ask About Selection…"),
        "Ctrl+Shift+A",
        "assistant",
    ),
    ("actionOpenHub", QT_TRANSLATE_NOOP("MainWindow", "&Browse Models…"), None, "models"),
    ("actionManageModels", QT_TRANSLATE_NOOP("MainWindow", "&Manage Models…"), None, "models"),
    (
        "actionTogglePreview",
        QT_TRANSLATE_NOOP("MainWindow", "Markdown &Preview"),
        "Ctrl+Shift+P",
        "view",
    ),
    (
        "actionSettings",
        QT_TRANSLATE_NOOP("MainWindow", "&Settings…"),
        QKeySequence.StandardKey.Preferences,
        "settings",
    ),
    ("actionAbout", QT_TRANSLATE_NOOP("MainWindow", "&About Writer"), None, "help"),
    ("actionOpenLogFolder", QT_TRANSLATE_NOOP("MainWindow", "Open &Log Folder"), None, "help"),
)

#: Modules that add a feature to the window through ``install(window)``.

MENU_TITLES = {
    "file": QT_TRANSLATE_NOOP("MainWindow", "&File"),
    "edit": QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    "assistant": QT_TRANSLATE_NOOP("MainWindow", "&Assistant"),
    "models": QT_TRANSLATE_NOOP("MainWindow", "&Models"),
    "view": QT_TRANSLATE_NOOP("MainWindow", "&View"),
    "settings": QT_TRANSLATE_NOOP("MainWindow", "&Tools"),
    "help": QT_TRANSLATE_NOOP("MainWindow", "&Help"),
}


def menu_of(name: str) -> str:
    """Return the menu key of action ``name``."""
    return next(menu for action, _t, _s, menu in ACTIONS if action == name)
