"""Each menu's access keys are distinct, in English and in Chinese (issue 11)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMenu

from writer.i18n import apply_language


def access_keys(menu: QMenu) -> list[str]:
    """Return the Alt+letter keys of a menu's entries (actions and submenus)."""
    keys = []
    for action in menu.actions():
        match = re.search(r"&([^&\s])", action.text().replace("&&", ""))
        if match:
            keys.append(match.group(1).lower())
    return keys


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_menu_has_distinct_access_keys(bare_window, language):
    apply_language(language)
    try:
        bare_window.retranslate()
        for menu in bare_window.menuBar().findChildren(QMenu):
            keys = access_keys(menu)
            clashes = {key for key in keys if keys.count(key) > 1}
            assert not clashes, (menu.title(), [a.text() for a in menu.actions()])
        file_menu = bare_window.menu("file")
        assert len(access_keys(file_menu)) == len(
            [a for a in file_menu.actions() if not a.isSeparator()]
        )
    finally:
        apply_language("en")


def test_the_assistant_toggle_has_a_key_and_follows_a_language_switch(qtbot, bare_window):
    """The View menu's Assistant entry: its own access key, in Chinese after a switch."""
    from writer.config import Key, SettingsGroup, set_setting

    view = bare_window.menu("view")
    toggle = bare_window.action("actionToggleAssistant")
    assert toggle in view.actions()
    assert toggle.text() == "As&sistant Panel"
    assert len(access_keys(view)) == len([a for a in view.actions() if not a.isSeparator()])
    set_setting(Key.LANGUAGE, "zh_CN")
    try:
        with qtbot.waitSignal(bare_window.signals.languageChanged, timeout=5000):
            bare_window.settings_feature.apply(frozenset({SettingsGroup.LANGUAGE}))
        qtbot.waitUntil(lambda: toggle.text() == "助手面板(&S)", timeout=5000)  # as all menus
        keys = access_keys(view)
        assert len(keys) == len(set(keys)) == len([a for a in view.actions() if a.text()])
    finally:
        set_setting(Key.LANGUAGE, "en")
        apply_language("en")
    qtbot.waitUntil(lambda: toggle.text() == "As&sistant Panel", timeout=5000)
