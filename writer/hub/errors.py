"""The hub's exceptions: each one says what happened and what the user can do."""

from __future__ import annotations

from writer.errors import HubError


class HubOfflineError(HubError):
    """The hub cannot be reached: no network, or ``HF_HUB_OFFLINE`` is set."""


class HubTimeoutError(HubError):
    """The hub did not answer in time."""


class HubNotFoundError(HubError):
    """The repository or the file does not exist on the hub (404)."""


class HubAuthError(HubError):
    """The repository is gated or private and needs a login / ``HF_TOKEN`` (401/403)."""


class HubDiskFullError(HubError):
    """There is not enough disk space for the download."""


class HubChecksumError(HubError):
    """The downloaded file's sha256 does not match the one the hub publishes."""


class HubUnsafePathError(HubError):
    """A file name from the hub would land outside the models folder."""


class DownloadCancelledError(HubError):
    """The user cancelled the download; the partial file is kept for a later resume."""
