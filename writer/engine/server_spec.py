"""Which server a remote engine talks to: its OpenAI base URL, model, key and context size.

Plain Python, no Qt, no network. The API key is kept out of ``repr`` so it
never lands in a log line or a traceback.
"""

from __future__ import annotations

import ipaddress
import math
import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

#: Environment variables of the command line (and of the app at start).
ENV_SERVER = "WRITER_SERVER"
ENV_SERVER_MODEL = "WRITER_SERVER_MODEL"
ENV_API_KEY = "WRITER_API_KEY"
#: Context size assumed for a server that does not say its own, when none is set.
DEFAULT_SERVER_CTX = 4096
#: Estimated token counts are raised by this share, so a prompt never overflows.
ESTIMATE_MARGIN = 0.15


@dataclass(frozen=True)
class ServerSpec:
    """A server model: the base URL (``http://host:8080/v1``), model id, key, context size.

    ``n_ctx`` of 0 means: ask the server, else :data:`DEFAULT_SERVER_CTX`.
    """

    url: str
    model: str = ""
    api_key: str = field(default="", repr=False)
    n_ctx: int = 0
    timeout: float = 60.0  # seconds without a byte from the server before giving up

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", normalize_url(self.url))

    @property
    def host(self) -> str:
        """Return ``host:port`` of the server."""
        return host_of(self.url)

    @property
    def root(self) -> str:
        """Return the server's URL without ``/v1`` (where /props and /tokenize live)."""
        return self.url.removesuffix("/v1")

    @property
    def unencrypted(self) -> bool:
        """Return whether text travels in the clear to another machine (http:// not loopback)."""
        parts = urlsplit(self.url)
        return parts.scheme == "http" and not is_loopback(parts.hostname or "")

    @classmethod
    def from_env(cls, url: str | None = None, model: str | None = None) -> ServerSpec | None:
        """Return the server named by the arguments or WRITER_SERVER / WRITER_SERVER_MODEL."""
        url = url or os.environ.get(ENV_SERVER, "")
        if not url:
            return None
        model = model or os.environ.get(ENV_SERVER_MODEL, "")
        return cls(url, model, api_key=api_key_for(normalize_url(url)))


def normalize_url(url: str) -> str:
    """Return the OpenAI base URL: scheme added (http), ``/v1`` added when missing."""
    url = url.strip()
    if not url:
        return ""
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if not path.endswith("/v1"):
        path += "/v1"
    return urlunsplit((parts.scheme.lower(), parts.netloc, path, "", ""))


def host_of(url: str) -> str:
    """Return ``host:port`` of a URL (the scheme's default port when none is given)."""
    parts = urlsplit(normalize_url(url))
    host = parts.hostname or "?"
    if ":" in host:  # IPv6
        host = f"[{host}]"
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        port = 0
    return f"{host}:{port}"


def is_loopback(hostname: str) -> bool:
    """Return whether ``hostname`` is this machine (localhost, 127.0.0.0/8, ::1)."""
    if hostname.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(hostname).is_loopback
    except ValueError:
        return False


def api_key_for(url: str) -> str:
    """Return the API key of a server: the OS keychain's, else WRITER_API_KEY, else ""."""
    from writer.engine import server_keys

    return server_keys.load_key(url) or os.environ.get(ENV_API_KEY, "")


def estimate_tokens(text: str) -> int:
    """Return a safe overestimate of the tokens of ``text`` for servers that cannot count.

    About four characters of Latin text make a token, and one CJK character
    (or other non-ASCII letter) at most one; the estimate adds a margin.
    """
    ascii_chars = sum(1 for ch in text if ord(ch) < 128)
    other = len(text) - ascii_chars
    return math.ceil((ascii_chars / 3.5 + other) * (1 + ESTIMATE_MARGIN))
