"""Why the trusted certificates could not be loaded, in one line.

Plain Python, no Qt. Every https client (the remote engine's and the hub's) reads
SSL_CERT_FILE, SSL_CERT_DIR or the system's store as it is made; a file that is
missing or not certificates must reach the writer as this message, never as a
traceback.
"""

from __future__ import annotations

import os
import ssl

#: What a client's constructor raises when the trusted certificates cannot be loaded.
LOAD_ERRORS = (ssl.SSLError, OSError)


def load_failure_message(error: BaseException, *, then: str) -> str:
    """Return the one-line message for ``error``; ``then`` is what to do after the fix."""
    where = os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR")
    if isinstance(error, FileNotFoundError):
        reason = "it does not exist"
    elif isinstance(error, PermissionError):
        reason = "it cannot be read"
    else:
        reason = "it is not a valid certificate file"
    if where:
        return (
            f"Writer could not load the trusted certificates from {where} ({reason}). Fix "
            f"that file, or point SSL_CERT_FILE at a good one, then {then}."
        )
    return (
        "Writer could not load the system's trusted certificates. Set SSL_CERT_FILE to a "
        f"certificate file, then {then}."
    )
