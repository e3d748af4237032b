"""The servers the user added, kept in the settings (never their API keys).

Plain Python, no Qt widgets. Each entry is a base URL, a model id and an
optional context size; keys live in the OS keychain (:mod:`server_keys`) or
come from ``WRITER_API_KEY``. The last model used may be a server model
(``model/last_server``); choosing a model file clears it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass

from writer.engine.server_spec import ServerSpec, api_key_for, host_of, normalize_url

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServerEntry:
    """A server model the user added: base URL, model id, context size (0: ask the server)."""

    url: str
    model: str
    n_ctx: int = 0

    @property
    def host(self) -> str:
        """Return ``host:port``."""
        return host_of(self.url)

    @property
    def label(self) -> str:
        """Return ``model @ host:port``."""
        return f"{self.model} @ {self.host}"

    def spec(self) -> ServerSpec:
        """Return the spec to connect with, its key from the keychain or WRITER_API_KEY."""
        return ServerSpec(self.url, self.model, api_key=api_key_for(self.url), n_ctx=self.n_ctx)

    @classmethod
    def from_dict(cls, item: object) -> ServerEntry | None:
        """Return the entry stored as ``item`` (None when damaged)."""
        if not isinstance(item, dict) or not item.get("url") or not item.get("model"):
            return None
        try:
            return cls(
                normalize_url(str(item["url"])), str(item["model"]), int(item.get("n_ctx") or 0)
            )
        except (TypeError, ValueError):
            return None


def _read(key) -> object:
    from writer.config import get_setting

    text = get_setting(key, "")
    try:
        return json.loads(text) if isinstance(text, str) and text else None
    except ValueError:
        log.warning("setting %s is damaged; ignored", key)
        return None


def load_servers() -> list[ServerEntry]:
    """Return the servers added, most recently used first."""
    from writer.config import Key

    items = _read(Key.SERVERS)
    entries = [ServerEntry.from_dict(item) for item in items] if isinstance(items, list) else []
    return [entry for entry in entries if entry is not None]


def save_servers(entries: list[ServerEntry]) -> None:
    """Store the list of servers."""
    from writer.config import Key, set_setting

    set_setting(Key.SERVERS, json.dumps([asdict(entry) for entry in entries]))


def remember_server(entry: ServerEntry) -> None:
    """Put ``entry`` first in the list (once) and make it the last model used."""
    from writer.config import Key, set_setting

    others = [e for e in load_servers() if (e.url, e.model) != (entry.url, entry.model)]
    save_servers([entry, *others])
    set_setting(Key.LAST_SERVER, json.dumps(asdict(entry)))


def forget_server(entry: ServerEntry) -> None:
    """Remove ``entry`` from the list (and as the last model used)."""
    from writer.config import Key, set_setting

    save_servers([e for e in load_servers() if (e.url, e.model) != (entry.url, entry.model)])
    last = last_server()
    if last is not None and (last.url, last.model) == (entry.url, entry.model):
        set_setting(Key.LAST_SERVER, "")


def last_server() -> ServerEntry | None:
    """Return the server model used last, if the last model used was a server's."""
    from writer.config import Key

    return ServerEntry.from_dict(_read(Key.LAST_SERVER))


def clear_last_server() -> None:
    """Record that the last model used is a file (called when one is chosen)."""
    from writer.config import Key, set_setting

    set_setting(Key.LAST_SERVER, "")
