"""API keys of servers: the OS keychain when there is one, else WRITER_API_KEY; never settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import Qt

from tests.gui.models.test_server_gui import add_server
from tests.server_standin import MODEL, StandIn
from writer.config import settings_path
from writer.engine import server_keys
from writer.engine.server_list import ServerEntry, load_servers, remember_server
from writer.engine.server_spec import ServerSpec, host_of
from writer.gui.models.model_manager import switch_to_server

if TYPE_CHECKING:
    from collections.abc import Iterator

URL = "http://gpu-box:8080/v1"
KEY = "sk-keychain-secret-5150"
NON_MODAL = Qt.WindowModality.NonModal


@pytest.fixture(autouse=True)
def fresh_session() -> Iterator[None]:
    """Each test starts as a new process would: no key typed yet."""
    server_keys.forget_session_keys()
    yield
    server_keys.forget_session_keys()


class MemoryKeyring(KeyringBackend):
    """A keychain in memory."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username))


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(fail.Keyring())


def test_keys_live_in_the_keychain_and_never_in_settings(memory, monkeypatch):
    monkeypatch.delenv("WRITER_API_KEY", raising=False)
    assert server_keys.keychain_available()
    assert server_keys.save_key(URL, "sk-keychain")
    remember_server(ServerEntry(URL, "qwen", 8192))
    assert load_servers() == [ServerEntry(URL, "qwen", 8192)]
    assert "sk-keychain" not in settings_path().read_text(encoding="utf-8")
    assert ServerSpec.from_env(URL, "qwen").api_key == "sk-keychain"  # type: ignore[union-attr]
    assert load_servers()[0].spec().api_key == "sk-keychain"
    server_keys.save_key(URL, "")
    assert memory.store == {}


def test_without_a_keychain_a_typed_key_lasts_the_session_then_the_environment_gives_it(
    monkeypatch,
):
    monkeypatch.setenv("WRITER_API_KEY", "sk-from-env")
    assert not server_keys.keychain_available()  # the tests run on the fail backend
    spec = ServerSpec.from_env(URL)
    assert spec is not None and spec.api_key == "sk-from-env"
    assert "sk-from-env" not in repr(spec)
    assert not server_keys.save_key(URL, "sk-typed")  # no keychain holds it ...
    assert ServerSpec.from_env(URL).api_key == "sk-typed"  # type: ignore[union-attr]
    server_keys.forget_session_keys()  # ... so after a restart the environment gives the key
    assert ServerSpec.from_env(URL).api_key == "sk-from-env"  # type: ignore[union-attr]


# -- through the window, against the stand-in server -----------------------------------


def test_a_key_typed_in_add_server_is_kept_by_the_keychain_across_a_restart(
    qtbot, memory: MemoryKeyring, standin: StandIn, writer_home, monkeypatch, answers
):
    """Add server… keeps the key in the keychain only; a restart uses it; Remove drops it."""
    from writer.gui.main_window import MainWindow

    monkeypatch.delenv("WRITER_API_KEY", raising=False)
    first = MainWindow(load_model=False)
    qtbot.addWidget(first)
    assert "keychain" in first.models.add_server(modality=NON_MODAL).key_hint.text()
    add_server(qtbot, first, standin.url, KEY)
    assert memory.store == {("Writer", standin.url): KEY}
    assert standin.authorizations[-1] == f"Bearer {KEY}"
    first.engine.shutdown()
    first.close()
    server_keys.forget_session_keys()  # a new process remembers nothing but the keychain
    assert KEY not in settings_path().read_text(encoding="utf-8")
    for log in writer_home.rglob("*.log"):
        assert KEY not in log.read_text(encoding="utf-8", errors="replace")

    standin.authorizations.clear()
    second = MainWindow(load_model=False)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.engine.modelLoaded, timeout=30_000) as loaded:
        second.load_startup_model()
    assert loaded.args[0].is_remote
    assert standin.authorizations and set(standin.authorizations) == {f"Bearer {KEY}"}
    manager = second.models.open_manager(modality=NON_MODAL)
    assert manager.select_server(f"{MODEL} @ {host_of(standin.url)}")
    manager.delete_selected()  # the messenger answers yes
    assert memory.store == {} and load_servers() == []
    manager.close()
    second.engine.shutdown()
    assert KEY not in settings_path().read_text(encoding="utf-8")


def test_without_a_keychain_the_typed_key_serves_the_whole_session(
    qtbot, bare_window, standin: StandIn, monkeypatch
):
    """Switching away from a server and back (the model manager's way) keeps sending its key."""
    monkeypatch.delenv("WRITER_API_KEY", raising=False)
    assert "this session only" in bare_window.models.add_server(modality=NON_MODAL).key_hint.text()
    add_server(qtbot, bare_window, standin.url, KEY)
    entry = load_servers()[0]
    standin.authorizations.clear()
    with qtbot.waitSignal(bare_window.engine.modelLoaded, timeout=30_000):
        switch_to_server(bare_window.engine, entry)
    assert standin.authorizations and set(standin.authorizations) == {f"Bearer {KEY}"}
    assert KEY not in settings_path().read_text(encoding="utf-8")
