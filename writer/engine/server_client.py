"""What the server backend needs around the ``openai`` client: clients, tokenize endpoints,
counting chat prompts, and turning failures into one line.

Plain Python, no Qt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from writer.core.chat_prompt import ChatFormat, ChatMessage, render_plain
from writer.core.trusted_certificates import LOAD_ERRORS, load_failure_message
from writer.engine import server_errors

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from writer.engine.server_spec import ServerSpec
    from writer.errors import ServerError

log = logging.getLogger(__name__)

#: Tokens a chat message costs beyond its text (role markers), for counting.
MESSAGE_OVERHEAD = 8


def make_client(spec: ServerSpec, *, timeout: float | None = None) -> Any:
    """Return an ``openai`` client for the server (no retries: 429 is handled by the caller)."""
    import httpx2
    import openai

    quiet_client_logs()
    seconds = spec.timeout if timeout is None else timeout
    try:
        return openai.OpenAI(
            base_url=spec.url,
            api_key=spec.api_key or "no-key",
            timeout=httpx2.Timeout(seconds, connect=min(10.0, seconds)),
            max_retries=0,
        )
    except LOAD_ERRORS as error:
        # The client reads the trusted certificates as it is made (SSL_CERT_FILE, SSL_CERT_DIR
        # or the system's store); a broken or missing file must not be a traceback.
        log.warning("could not load the trusted certificates: %r", error)
        raise certificate_store_failure(error) from error


def certificate_store_failure(error: BaseException) -> ServerError:
    """Return the one-line error for trusted certificates that could not be read."""
    from writer.errors import ServerError

    return ServerError(load_failure_message(error, then="connect again"))


@dataclass
class Tokenizer:
    """How a server tokenizes: endpoint path, request shape, and where the answer's tokens are."""

    path: str
    body: Callable[[str, str], dict[str, Any]]
    detokenize_path: str = ""
    bos_tokens: int = 0  # tokens the endpoint adds to every text (BOS)


TOKENIZERS = (
    # llama-server
    Tokenizer("/tokenize", lambda text, _m: {"content": text, "add_special": False}, "/detokenize"),
    # llama-cpp-python's llama_cpp.server
    Tokenizer(
        "/extras/tokenize", lambda text, m: {"input": text, "model": m}, "/extras/detokenize"
    ),
    # vLLM
    Tokenizer(
        "/tokenize", lambda text, m: {"prompt": text, "model": m, "add_special_tokens": False}
    ),
)


class ServerChatFormat(ChatFormat):
    """The server applies the model's chat template; here messages are only counted."""

    def __init__(self) -> None:
        super().__init__(None)
        self.fallback_reason = ""

    @property
    def templated(self) -> bool:
        """Return True: the server renders the messages with the model's template."""
        return True

    def render(self, messages: Sequence[ChatMessage]) -> str:
        """Return a transcript of ``messages`` as long as the server's rendering (for counting)."""
        return render_plain(messages) + " ." * (MESSAGE_OVERHEAD * len(messages) // 2)

    @property
    def stop_strings(self) -> tuple[str, ...]:
        """Return no stop strings: the server ends the reply itself."""
        return ()


def list_models(spec: ServerSpec) -> list[str]:
    """Return the ids of the models the server lists (``GET /v1/models``).

    Raises:
        ServerError: the server cannot be reached or refuses the key.
    """
    client = make_client(spec, timeout=min(spec.timeout, 15.0))
    try:
        return [model.id for model in client.models.list().data]
    except Exception as error:
        raise failure(error, spec) from error
    finally:
        client.close()


def is_rate_limit(error: BaseException) -> bool:
    """Return whether ``error`` is a 429 answer."""
    return getattr(error, "status_code", 0) == 429


def failure(error: BaseException, spec: ServerSpec, *, streaming: bool = False) -> ServerError:
    """Return the one-line error for ``error``, logging the details without the key."""
    log.warning(
        "server %s: %s",
        spec.host,
        server_errors.scrub(f"{type(error).__name__}: {error}", spec.api_key),
    )
    return server_errors.describe(error, spec.host, spec.model, streaming=streaming)


def quiet_client_logs() -> None:
    """Keep the HTTP client's request lines (and any headers) out of the app's log."""
    for name in ("openai", "httpx", "httpx2", "httpcore", "httpcore2"):
        logging.getLogger(name).setLevel(logging.WARNING)
