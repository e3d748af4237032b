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
