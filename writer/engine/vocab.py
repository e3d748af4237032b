"""Questions about a loaded model's vocabulary, shared by the generation loops."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable


def end_of_generation_test(llama: Any) -> Callable[[int], bool]:
    """Return the test for tokens that end generation (EOS, EOT, <|im_end|> ...).

    Resolved once per generation, so the per-token loop does no lookups.
    """
    import llama_cpp

    vocab = getattr(getattr(llama, "_model", None), "vocab", None)
    is_eog = getattr(llama_cpp, "llama_vocab_is_eog", None)
    if vocab is not None and is_eog is not None:
        return lambda token: bool(is_eog(vocab, token))
    eos = llama.token_eos()
    return lambda token: token == eos
