"""Server API keys in the OS keychain (through ``keyring``), when the system has one.

Keys are stored under the service :data:`SERVICE` with the server's base URL
as the user name. Without a usable keychain (or when it refuses), nothing is
written anywhere: a key the writer typed is kept in this process's memory for
the session, and after a restart it comes from ``WRITER_API_KEY``. A key is
never logged; failures of the keychain are logged by their kind only.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

log = logging.getLogger(__name__)

SERVICE = "Writer"

#: Keys typed in this session, by server URL (memory only; used when no keychain holds one).
_session: dict[str, str] = {}


def _keyring() -> Any | None:
    """Return the keyring module when a real keychain backend is available, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception as error:  # a broken keychain setup must not stop the app
        log.warning("no usable keychain (%s)", type(error).__name__)
        return None
    if isinstance(backend, fail.Keyring):
        return None
    chained = getattr(backend, "backends", None)
    if chained is not None and not chained:
        return None
    return keyring


def keychain_available() -> bool:
    """Return whether API keys can be kept in the OS keychain."""
    return _keyring() is not None


def load_key(url: str) -> str:
    """Return the key stored for the server at ``url``: the keychain's, else this session's."""
    keyring = _keyring()
    if keyring is not None:
        try:
            stored = keyring.get_password(SERVICE, url)
        except Exception as error:
            log.warning("could not read a key from the keychain (%s)", type(error).__name__)
        else:
            if stored:
                return stored
    return _session.get(url, "")


def save_key(url: str, key: str) -> bool:
    """Keep (or, for "", forget) the key of the server at ``url``; return whether the keychain did.

    The key is also kept in memory for this session, so it works until the
    app ends even where no keychain can hold it.
    """
    if key:
        _session[url] = key
    else:
        _session.pop(url, None)
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        if key:
            keyring.set_password(SERVICE, url, key)
        else:
            with contextlib.suppress(Exception):  # nothing was stored
                keyring.delete_password(SERVICE, url)
        return True
    except Exception as error:
        log.warning("could not store a key in the keychain (%s)", type(error).__name__)
        return False


def forget_session_keys() -> None:
    """Forget the keys kept in memory for this session (the keychain keeps its own)."""
    _session.clear()
