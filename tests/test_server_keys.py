"""API keys of servers: the OS keychain when there is one, else WRITER_API_KEY; never settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from writer.config import settings_path
from writer.engine import server_keys
from writer.engine.server_list import ServerEntry, load_servers, remember_server
from writer.engine.server_spec import ServerSpec

if TYPE_CHECKING:
    from collections.abc import Iterator

URL = "http://gpu-box:8080/v1"


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


def test_without_a_keychain_the_key_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("WRITER_API_KEY", "sk-from-env")
    assert not server_keys.keychain_available()  # the tests run on the fail backend
    assert not server_keys.save_key(URL, "sk-lost")
    spec = ServerSpec.from_env(URL)
    assert spec is not None and spec.api_key == "sk-from-env"
    assert "sk-from-env" not in repr(spec)
