"""One clear line for each way a model server can fail, from the ``openai`` client's errors.

Plain Python. Each function returns a :class:`~writer.errors.ServerError`
(or raises nothing itself): the caller raises it ``from`` the original error,
whose details go to the log. The API key never appears in a message: every
line is written here, not copied from the server's answer, and
:func:`scrub` removes a key from anything logged.
"""

from __future__ import annotations

import email.utils
import ssl
import time
from typing import Any

from writer.errors import ServerError, StreamInterruptedError

#: Longest Retry-After honoured (seconds); a longer wait is reported instead.
MAX_RETRY_AFTER = 30.0


def scrub(text: str, key: str) -> str:
    """Return ``text`` with the API key ``key`` replaced by ``***``."""
    return text.replace(key, "***") if key and len(key) >= 4 else text


def _status(error: BaseException) -> int:
    """Return the HTTP status of an API status error (0 for other errors)."""
    return int(getattr(error, "status_code", 0) or 0)


def _is_tls(error: BaseException) -> bool:
    """Return whether ``error`` (or one it came from) is a TLS failure."""
    seen: BaseException | None = error
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError):
            return True
        text = str(seen).lower()
        if "certificate" in text or "ssl" in text or "tls" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def retry_after(error: BaseException) -> float | None:
    """Return the seconds a 429 answer asks to wait (None when it does not say)."""
    response: Any = getattr(error, "response", None)
    headers: Any = getattr(response, "headers", None)
    value = headers.get("retry-after") if headers is not None else None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def describe(
    error: BaseException, host: str, model: str, *, streaming: bool = False
) -> ServerError:
    """Return the one-line error for a failure talking to the server at ``host``.

    Args:
        error: what the ``openai`` client (or httpx under it) raised.
        host: ``host:port`` of the server.
        model: the model asked for.
        streaming: the failure came after text had started to arrive.
    """
    import httpx2
    import openai

    kept = " The text written so far is kept." if streaming else ""
    if isinstance(error, ValueError | openai.APIResponseValidationError):
        return (StreamInterruptedError if streaming else ServerError)(
            f"The server at {host} sent an answer Writer cannot read (a malformed event "
            f"stream). Check that it speaks the OpenAI API.{kept}"
        )
    if streaming and not _status(error):
        return StreamInterruptedError(
            f"The connection to {host} broke off in the middle of the passage; "
            "the text written so far is kept. Try again."
        )
    if isinstance(error, openai.APITimeoutError | httpx2.TimeoutException):
        return ServerError(
            f"The server at {host} did not answer in time. Check that it is running and not "
            "overloaded, then try again."
        )
    if isinstance(error, openai.APIConnectionError | httpx2.TransportError):
        if _is_tls(error):
            return ServerError(
                f"A secure (TLS) connection to {host} failed: its certificate is not trusted "
                "or does not match. Check the address, or the server's certificate."
            )
        return ServerError(
            f"Cannot reach the server at {host}. Check the address and that the server is running."
        )
    status = _status(error)
    if status in (401, 403):
        return ServerError(
            f"The server at {host} refused the API key ({status}). Enter the right key for "
            "this server."
        )
    if status == 404:
        return ServerError(
            f"The server at {host} has no model named “{model}” (404). Choose one of the "
            "models it lists."
        )
    if status == 429:
        return ServerError(
            f"The server at {host} is busy (429, too many requests). Try again in a minute."
        )
    if status >= 500:
        return ServerError(
            f"The server at {host} failed with an internal error ({status}). Try again, or "
            "look at the server's log."
        )
    if status:
        return ServerError(f"The server at {host} refused the request ({status}).{kept}")
    if isinstance(error, openai.APIError):
        return ServerError(f"The server at {host} reported an error while writing.{kept}")
    return ServerError(
        f"The server at {host} sent an answer Writer cannot read. Check that it speaks the "
        "OpenAI API."
    )
