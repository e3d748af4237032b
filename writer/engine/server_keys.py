"""Server API keys in the OS keychain (through ``keyring``), when the system has one.

Keys are stored under the service :data:`SERVICE` with the server's base URL
as the user name. Without a usable keychain nothing is stored, and the key
comes from ``WRITER_API_KEY`` instead. A key is never logged; failures of the
keychain are logged by their kind only.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

log = logging.getLogger(__name__)

SERVICE = "Writer"


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
    """Return the key stored for the server at ``url`` ("" when none or no keychain)."""
    keyring = _keyring()
    if keyring is None:
        return ""
    try:
        return keyring.get_password(SERVICE, url) or ""
    except Exception as error:
        log.warning("could not read a key from the keychain (%s)", type(error).__name__)
        return ""


def save_key(url: str, key: str) -> bool:
    """Store (or, for "", delete) the key of the server at ``url``; return whether it was kept."""
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
