"""The app's connection to the Hugging Face Hub through ``huggingface_hub``.

``HF_ENDPOINT``, ``HF_TOKEN`` and ``HF_HUB_OFFLINE`` are read at each call
(``huggingface_hub`` reads some of them once at import, which would make the
app ignore a change and the tests unable to point it at their server). The
shared HTTP session gets connect/read timeouts so a dead network gives a
clear message instead of a hang, and the library's log lines go to the app's
log, never to the terminal. :func:`hub_error` turns every library or network
exception into one :class:`~writer.errors.HubError` with a one-line message.
"""

from __future__ import annotations

import errno
import logging
import os
import threading
import time

import httpx2
from huggingface_hub import HfApi, constants
from huggingface_hub import errors as hf_errors
from huggingface_hub.utils import _http as hf_http
from huggingface_hub.utils import logging as hf_logging

from writer.core.trusted_certificates import LOAD_ERRORS, load_failure_message
from writer.errors import HubError
from writer.hub.errors import (
    DownloadCancelledError,
    HubAuthError,
    HubDiskFullError,
    HubNotFoundError,
    HubOfflineError,
    HubTimeoutError,
)

log = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://huggingface.co"
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 30.0
#: How long a successful reachability probe is trusted.
REACHABLE_TTL_S = 120.0

_setup_lock = threading.Lock()
_setup_done = False
_reachable: dict[str, float] = {}


def hub_endpoint() -> str:
    """Return the hub's base URL: ``HF_ENDPOINT`` if set, else huggingface.co."""
    return (os.environ.get("HF_ENDPOINT", "").strip() or DEFAULT_ENDPOINT).rstrip("/")


def hub_token() -> str | None:
    """Return ``HF_TOKEN`` if set; None lets huggingface_hub use a stored login."""
    return os.environ.get("HF_TOKEN", "").strip() or None


def hub_offline() -> bool:
    """Return whether ``HF_HUB_OFFLINE`` is on (read now; the library's flag if it is unset)."""
    value = os.environ.get("HF_HUB_OFFLINE")
    if value is None or not value.strip():
        return constants.is_offline_mode()
    return value.strip().upper() in ("1", "ON", "YES", "TRUE")


def _client_factory() -> httpx2.Client:
    """Return huggingface_hub's client, with timeouts so a dead network fails fast.

    Raises:
        HubError: the trusted certificates (SSL_CERT_FILE) cannot be loaded.
    """
    try:
        return httpx2.Client(
            event_hooks={"request": [hf_http.hf_request_event_hook]},
            follow_redirects=True,
            timeout=httpx2.Timeout(READ_TIMEOUT_S, connect=CONNECT_TIMEOUT_S),
        )
    except LOAD_ERRORS as error:
        log.warning("could not load the trusted certificates: %r", error)
        raise HubError(load_failure_message(error, then="try again")) from error


def setup_hub() -> None:
    """Give the shared HTTP session timeouts and send the library's output to the log."""
    global _setup_done
    with _setup_lock:
        if _setup_done:
            return
        hf_http.set_client_factory(_client_factory)
        library_logger = hf_logging.get_logger("huggingface_hub")
        for handler in list(library_logger.handlers):
            if isinstance(handler, logging.StreamHandler) and not isinstance(
                handler, logging.FileHandler
            ):
                library_logger.removeHandler(handler)
        # The app's handlers (log file) still get the records through the root logger;
        # the NullHandler keeps Python's last-resort handler from printing them.
        library_logger.addHandler(logging.NullHandler())
        library_logger.propagate = True
        _setup_done = True


def hub_api() -> HfApi:
    """Return an :class:`HfApi` for the current endpoint and token."""
    setup_hub()
    return HfApi(endpoint=hub_endpoint(), token=hub_token())


def ensure_online() -> None:
    """Raise :class:`HubOfflineError` at once if the hub cannot be reached.

    One quick request without retries, trusted for a while, so a search with
    no network fails in seconds instead of after the library's long backoff.
    """
    if hub_offline():
        raise HubOfflineError(
            "Offline mode is on (HF_HUB_OFFLINE), so the model hub is not used. "
            "Models already on disk still work."
        )
    setup_hub()
    endpoint = hub_endpoint()
    checked = _reachable.get(endpoint)
    if checked is not None and time.monotonic() - checked < REACHABLE_TTL_S:
        return
    try:
        hf_http.get_session().head(endpoint, timeout=CONNECT_TIMEOUT_S)
    except Exception as error:
        raise hub_error(error) from error
    _reachable[endpoint] = time.monotonic()


def forget_reachability() -> None:
    """Drop the cached result of :func:`ensure_online` (after a failure, or in tests)."""
    _reachable.clear()


def _status(error: BaseException) -> int | None:
    """Return the HTTP status of a huggingface_hub error, if it carries one."""
    response = getattr(error, "response", None)
    return getattr(response, "status_code", None)


def _auth_message(repo_id: str | None) -> str:
    """Return the message for a gated or private repository."""
    what = repo_id or "This repository"
    return (
        f"{what} is gated or private: accept its terms on huggingface.co, then log in "
        "with 'hf auth login' or set HF_TOKEN to an access token."
    )


def hub_error(
    error: BaseException, *, repo_id: str | None = None, filename: str | None = None
) -> HubError:
    """Return the :class:`HubError` that explains ``error`` to a user in one line."""
    if isinstance(error, HubError):
        return error
    log.info("hub request failed (repo=%s, file=%s)", repo_id, filename, exc_info=error)
    forget_reachability()
    if isinstance(error, hf_errors.OfflineModeIsEnabled):
        return HubOfflineError(
            "Offline mode is on (HF_HUB_OFFLINE), so the model hub is not used. "
            "Models already on disk still work."
        )
    if isinstance(error, httpx2.TimeoutException):
        return HubTimeoutError("The model hub did not answer in time. Try again in a moment.")
    if isinstance(error, httpx2.TransportError | hf_errors.LocalEntryNotFoundError):
        return HubOfflineError(
            "The model hub cannot be reached. Check the network connection; "
            "models already on disk still work."
        )
    status = _status(error)
    if isinstance(error, hf_errors.GatedRepoError) or status in (401, 403):
        return HubAuthError(_auth_message(repo_id))
    if isinstance(error, hf_errors.RemoteEntryNotFoundError) or (
        filename and status == 404 and not isinstance(error, hf_errors.RepositoryNotFoundError)
    ):
        where = repo_id or "the repository"
        return HubNotFoundError(f"{filename or 'The file'} is not in {where}.")
    if (isinstance(error, hf_errors.RepositoryNotFoundError) or status == 404) and repo_id:
        return HubNotFoundError(f"Repository {repo_id} was not found on the model hub.")
    if status == 404:  # a search or listing: the address is not a model hub
        return HubNotFoundError(
            f"The model hub at {hub_endpoint()} does not offer model search (it answered 404). "
            "Check HF_ENDPOINT: it should point at huggingface.co or a compatible hub."
        )
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return HubDiskFullError("The disk is full. Free some space, then download again.")
    if status is not None:
        return HubError(f"The model hub answered with an error ({status}). Try again later.")
    if isinstance(error, DownloadCancelledError):
        return error
    log.warning("unexpected hub failure", exc_info=error)
    return HubError(f"The model hub request failed: {error}".splitlines()[0])
