"""Copies of the default model with another chat template, for the hostile-template tests.

The template string in the GGUF header is replaced in place by one of the
same byte length (padded with a Jinja comment), so the tensor data and its
offsets stay where they are and the copy loads like the original.
"""

from __future__ import annotations

import shutil
import struct
from typing import TYPE_CHECKING

from writer.core.gguf_info import read_gguf_metadata

if TYPE_CHECKING:
    from pathlib import Path

KEY = b"tokenizer.chat_template"


def with_chat_template(source: Path, target: Path, template: str) -> Path:
    """Copy the model ``source`` to ``target`` with ``template`` as its chat template."""
    original = str(read_gguf_metadata(source)["tokenizer.chat_template"]).encode("utf-8")
    new = template.encode("utf-8")
    padding = len(original) - len(new) - len(b"{##}")
    if padding < 0:
        raise ValueError(f"the template must be shorter than {len(original) - 4} bytes")
    new += b"{#" + b" " * padding + b"#}"
    with source.open("rb") as handle:
        head = handle.read(16 * 1024 * 1024)
    key_at = head.index(struct.pack("<Q", len(KEY)) + KEY)
    value_at = key_at + 8 + len(KEY) + 4  # the key, then the value type (u32)
    length = struct.unpack_from("<Q", head, value_at)[0]
    assert length == len(original) and head[value_at + 8 : value_at + 8 + length] == original
    shutil.copyfile(source, target)
    with target.open("r+b") as handle:
        handle.seek(value_at + 8)
        handle.write(new)
    return target
