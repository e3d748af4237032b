"""The house rules of the code: who may import whom, and one catalogue of actions."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QMenu

from writer.engine.candidates import MAX_CANDIDATES
from writer.gui.actions import ACTIONS, CATALOGUE, Action, Separator, Submenu

WRITER = Path(__file__).resolve().parents[2] / "writer"
GUI = WRITER / "gui"
#: Folders under writer/gui that hold a feature; widgets/ holds what they share.
FEATURES = sorted(
    p.name for p in GUI.iterdir() if (p / "__init__.py").is_file() and p.name != "widgets"
)
#: What a feature may use outside its own folder, besides the widgets.
SHARED = {
    "writer.gui.host",
    "writer.gui.messages",
    "writer.gui.generation",
    "writer.gui.background",
}
#: The top-level GUI modules that features or the window share: they may use only the widgets
#: and each other (never a feature, main_window, app or the catalogue).
SHARED_TOP = SHARED | {"writer.gui.context_meter"}


def module_name(path: Path) -> str:
    """Return the dotted name of the module at ``path``."""
    parts = path.relative_to(WRITER.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Return every module of the writer package by name."""
    return {module_name(p): p for p in sorted(WRITER.rglob("*.py"))}


def imports(path: Path, *, at_run_time: bool = False) -> set[str]:
    """Return the writer modules ``path`` imports (with ``at_run_time``: not for type checking)."""
    return imports_of(
        path.read_text(encoding="utf-8"),
        module_name(path),
        package=path.name == "__init__.py",
        at_run_time=at_run_time,
    )


def absolute(node: ast.ImportFrom, name: str, *, package: bool) -> str:
    """Return the module a ``from … import`` in module ``name`` names, relative ones resolved."""
    if node.level == 0:
        return node.module or ""
    parts = name.split(".")
    base = parts if package else parts[:-1]  # a package's own __init__ is its level-1 base
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports_of(source: str, name: str, *, package: bool = False, at_run_time: bool = False):
    """Return the writer modules that ``source``, module ``name``, imports (see :func:`imports`)."""
    known = modules()
    tree = ast.parse(source)
    skipped: set[int] = set()
    if at_run_time:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skipped.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = absolute(node, name, package=package)
            names = [f"{module}.{alias.name}" for alias in node.names] + [module]
        else:
            continue
        for used in names:
            while used and used not in known:
                used = used.rpartition(".")[0]
            if used.startswith("writer"):
                found.add(used)
    return found


def folder_of(name: str) -> str | None:
    """Return the writer/gui folder that holds module ``name`` (None: not in one)."""
    parts = name.split(".")
    return parts[2] if len(parts) > 3 and parts[:2] == ["writer", "gui"] else None


def allowed(own: str, used: str) -> bool:
    """Return whether a module in writer/gui/``own`` may import ``used``."""
    if not used.startswith("writer.gui"):
        return True  # the core, the engine, the hub, config, errors, i18n
    other = folder_of(used)
    if own == "widgets":  # widgets know no window and no feature
        return other == "widgets" or used in ("writer.gui", "writer.gui.messages")
    return other in (own, "widgets") or used in SHARED or used == "writer.gui"


def test_features_import_no_other_feature_and_never_the_window():
    """A feature reaches the app through its host: no main_window, no other feature."""
    wrong = [
        f"{name} imports {used}"
        for name, path in modules().items()
        if (own := folder_of(name)) is not None
        for used in sorted(imports(path))
        if not allowed(own, used)
    ]
    assert FEATURES, "no feature folders found"
    assert not wrong, "\n".join(wrong)


def test_shared_gui_modules_use_only_the_widgets_and_each_other():
    """host, messages, generation, background and context_meter know no feature and no window."""
    known = modules()
    assert set(known) >= SHARED_TOP
    wrong = [
        f"{name} imports {used}"
        for name in sorted(SHARED_TOP)
        for used in sorted(imports(known[name]) - {name})
        if used.startswith("writer.gui")
        and folder_of(used) != "widgets"
        and used not in SHARED_TOP | {"writer.gui"}
    ]
    assert not wrong, "\n".join(wrong)


def test_relative_imports_are_read_too():
    """A relative import counts as the module it names, so it cannot slip past the rules."""
    source = (
        "from ..main_window import MainWindow\n"
        "from .. import actions\n"
        "from . import panel\n"
        "from .document_takes import DocumentTakes\n"
    )
    assert imports_of(source, "writer.gui.choices.feature") == {
        "writer.gui",
        "writer.gui.main_window",
        "writer.gui.actions",
        "writer.gui.choices",
        "writer.gui.choices.panel",
        "writer.gui.choices.document_takes",
    }
    assert not allowed("choices", "writer.gui.main_window")
    assert imports_of(
        "from .feature import ChoicesFeature\n", "writer.gui.choices", package=True
    ) == {"writer.gui.choices.feature"}


def test_no_import_cycles():
    """Modules import each other in one direction only (at run time)."""
    graph = {name: imports(path, at_run_time=True) - {name} for name, path in modules().items()}
    # A package imports nothing by being the parent of a module.
    state: dict[str, int] = {}
    cycles: list[str] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for used in sorted(graph.get(name, ())):
            if state.get(used) == 1:
                cycles.append(" -> ".join([*trail[trail.index(used) :], used]))
            elif used not in state:
                visit(used, [*trail, used])
        state[name] = 2

    for name in graph:
        if name not in state:
            visit(name, [name])
    assert not cycles, "\n".join(cycles)


def test_every_action_of_the_window_is_in_the_catalogue(bare_window):
    """The window's actions and menus are the catalogue's, in its order, with its shortcuts."""
    window = bare_window
    owned = {
        action.objectName()
        for action in window.findChildren(
            QAction, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        if action.objectName()
    }
    assert owned == set(ACTIONS)
    assert {action.objectName() for action in window.actions()} == set(ACTIONS)
    filled = {row.menu for row in CATALOGUE if row.menu in window.submenus}
    menus = {**window.menus, **{name: window.submenus[name] for name in filled}}
    for key, menu in menus.items():
        expected = []
        for row in CATALOGUE:
            if row.menu != key:
                continue
            if isinstance(row, Separator):
                expected.append("----")
            elif isinstance(row, Submenu):
                expected.append(row.name)
            else:
                expected.append(row.name)
        shown = [
            "----"
            if a.isSeparator()
            else (a.menu().objectName() if a.menu() and not a.objectName() else a.objectName())
            for a in menu.actions()
        ]
        # The window adds the docks' own show/hide toggles to the View menu.
        shown = [name for name in shown if name]
        assert shown == expected, key
    for row in CATALOGUE:
        if isinstance(row, Action):
            action = window.action(row.name)
            assert action.isCheckable() == row.checkable, row.name
            if isinstance(row.shortcut, str):
                assert action.shortcut().toString() == row.shortcut, row.name


#: Menus whose entries a feature makes from data, not actions of the catalogue.
FILLED_BY_A_FEATURE = {
    "menuRecent": "the recent files",
    "menuTones": "the tones of the prompt library",
}


def test_no_key_or_menu_entry_outside_the_catalogue(qtbot, bare_window):
    """No window-wide QShortcut, no unnamed menu entry, no dock toggle of Qt's own."""
    window = bare_window
    wide = [
        f"{shortcut.key().toString()} on {shortcut.parent().objectName() or shortcut.parent()}"
        for shortcut in window.findChildren(QShortcut)
        if shortcut.context() != Qt.ShortcutContext.WidgetShortcut  # a field's own key is fine
    ]
    assert not wide, "keys outside the catalogue: " + ", ".join(wide)
    # The catalogue's menus, also where the menu bar's overflow menu lists them.
    catalogued = [*window.menus.values(), *window.submenus.values()]
    assert {menu.objectName() for menu in window.submenus.values()} == {
        row.name for row in CATALOGUE if isinstance(row, Submenu)
    }
    strays = []
    for menu in window.findChildren(QMenu):
        name = menu.objectName()
        if name in FILLED_BY_A_FEATURE:
            continue
        for entry in menu.actions():
            if entry.isSeparator():
                continue
            if entry.objectName() in ACTIONS:
                continue
            inner = entry.menu()
            if inner is not None and any(inner is menu for menu in catalogued):
                continue
            strays.append(f"{name or menu.title()}: {entry.text() or entry}")
    assert not strays, "menu entries outside the catalogue:\n" + "\n".join(strays)
    view = window.menu("view").actions()
    assert window.assistant.toggleViewAction() not in view
    toggle = window.action("actionToggleAssistant")
    window.show()
    qtbot.waitExposed(window)
    assert toggle.isChecked() and window.assistant.isVisible()
    toggle.trigger()
    assert not toggle.isChecked() and window.assistant.isHidden()
    toggle.trigger()
    assert toggle.isChecked() and window.assistant.isVisible()
    window.assistant.close()  # the dock's own close button
    assert not toggle.isChecked()
    keys = [window.action(f"actionChooseCandidate{n}") for n in range(1, MAX_CANDIDATES + 1)]
    assert [key.shortcut().toString() for key in keys] == [
        f"Alt+{n}" for n in range(1, MAX_CANDIDATES + 1)
    ]
