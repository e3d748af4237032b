"""Starting the GUI where it cannot open a window gives one clear line, not a Qt abort."""

from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING

from writer.gui import app

if TYPE_CHECKING:
    import pytest


def test_no_display(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(app.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    assert "No display found" in (app.display_problem() or "")


def test_missing_xcb_library_is_named(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(app.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    real = ctypes.CDLL

    def cdll(name, *args, **kwargs):
        if name == "libxcb-icccm.so.4":
            raise OSError("not found")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(ctypes, "CDLL", cdll)
    problem = app.display_problem() or ""
    assert "libxcb-icccm4" in problem and "apt install" in problem


def test_offscreen_and_wayland_need_no_check(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(app.sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.display_problem() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert app.display_problem() is None


def test_gui_without_display_exits_1_with_one_line(monkeypatch, capsys):
    monkeypatch.setattr(app, "display_problem", lambda: "No display found: run Writer ...")
    assert app.run_gui([]) == 1
    assert capsys.readouterr().err.strip().count("\n") == 0
