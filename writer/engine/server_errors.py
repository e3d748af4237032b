"""One clear line for each way a model server can fail, from the ``openai`` client's errors.

Plain Python. Each function returns a :class:`~writer.errors.ServerError`
(or raises nothing itself): the caller raises it ``from`` the original error,
whose details go to the log. The API key never appears in a message: every
line is written here, not copied from the server's answer, and
:func:`scrub` removes a key from anything logged.
"""

from __future__ import annotations

import email.utils
import re
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


#: Certificate checks that failed (OpenSSL's verify codes), in plain words.
_CERTIFICATE_REASONS = {
    2: "its issuer is unknown",
    9: "it is not valid yet",
    10: "it has expired",
    18: "it is self-signed",
    19: "it is signed by an untrusted authority",
    20: "its issuer is unknown",
    21: "its issuer is unknown",
    62: "it was made for another host name",
    64: "it was made for another address",
}
#: What OpenSSL says when the other side does not speak TLS at all (plain http).
_NOT_TLS = (
    "WRONG_VERSION_NUMBER",
    "HTTP_REQUEST",
    "RECORD_LAYER_FAILURE",
    "PACKET_LENGTH_TOO_LONG",
)


def _chain(error: BaseException) -> list[BaseException]:
    """Return ``error`` and the errors it came from, nearest first."""
    found: list[BaseException] = []
    seen: BaseException | None = error
    while seen is not None and len(found) < 8 and seen not in found:
        found.append(seen)
        seen = seen.__cause__ or seen.__context__
    return found


def _tls_failure(error: BaseException, host: str) -> ServerError | None:
    """Return the one-line error when ``error`` is a TLS failure (None when it is not)."""
    chain = _chain(error)
    tls = next((e for e in chain if isinstance(e, ssl.SSLError)), None)
    text = " ".join(str(e) for e in chain)
    if tls is None and not re.search(r"\[SSL[:\]]|certificate verify|\bTLS\b", text):
        return None
    if isinstance(tls, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in text:
        code = getattr(tls, "verify_code", 0) or 0
        reason = _CERTIFICATE_REASONS.get(code)
        if reason is None:
            return ServerError(
                f"A secure (TLS) connection to {host} failed: the server's certificate is not "
                "trusted. Check the address, or set SSL_CERT_FILE to the certificate that "
                "vouches for it."
            )
        return ServerError(
            f"A secure (TLS) connection to {host} failed: the server's certificate is not "
            f"trusted ({reason}). Check the address, or set SSL_CERT_FILE to the certificate "
            "that vouches for it."
        )
    reason_code = str(getattr(tls, "reason", "") or "")
    if reason_code in _NOT_TLS or any(code in text for code in _NOT_TLS):
        return ServerError(
            f"The server at {host} does not speak https (TLS). If it serves plain http, "
            "change the address to http://."
        )
    return ServerError(
        f"A secure (TLS) connection to {host} failed. Check the address and the server's "
        "TLS setup; details are in the log."
    )


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


def _kept(message: str, *, streaming: bool) -> str:
    """Return ``message``, saying that the text so far is kept when text had arrived."""
    return f"{message} The text written so far is kept." if streaming else message


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

    if isinstance(error, ValueError | openai.APIResponseValidationError):
        return (StreamInterruptedError if streaming else ServerError)(
            _kept(
                f"The server at {host} sent an answer Writer cannot read (a malformed event "
                "stream). Check that it speaks the OpenAI API.",
                streaming=streaming,
            )
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
        tls = _tls_failure(error, host)
        if tls is not None:
            return tls
        if any(isinstance(e, httpx2.ReadError | httpx2.RemoteProtocolError) for e in _chain(error)):
            return ServerError(
                f"The server at {host} closed the connection without answering. Check the "
                "address: a server that uses https needs an address starting with https://."
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
        return ServerError(
            _kept(f"The server at {host} refused the request ({status}).", streaming=streaming)
        )
    if isinstance(error, openai.APIError):
        return ServerError(
            _kept(f"The server at {host} reported an error while writing.", streaming=streaming)
        )
    return ServerError(
        f"The server at {host} sent an answer Writer cannot read. Check that it speaks the "
        "OpenAI API."
    )
