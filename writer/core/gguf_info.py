"""What a GGUF file says about its model, read from the header without loading the model.

The key/value section of the header is read sequentially with the value types
of the ``gguf`` package; long arrays (the tokenizer's vocabulary) are skipped
rather than decoded, so a 7B model's header takes milliseconds, not seconds.
Split models (``-00001-of-00003.gguf``) are summed over all their parts.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import gguf

from writer.errors import ModelError

GGUF_MAGIC = b"GGUF"
#: Arrays longer than this are skipped, only their length is kept.
MAX_ARRAY_ITEMS_KEPT = 64
#: A string value longer than this in the header is taken as damage, not data.
MAX_STRING_BYTES = 64 * 1024 * 1024
SPLIT_PATTERN = re.compile(r"^(?P<stem>.+)-(?P<index>\d{5})-of-(?P<count>\d{5})\.gguf$", re.I)

_SCALAR_FORMATS: dict[gguf.GGUFValueType, str] = {
    gguf.GGUFValueType.UINT8: "<B",
    gguf.GGUFValueType.INT8: "<b",
    gguf.GGUFValueType.UINT16: "<H",
    gguf.GGUFValueType.INT16: "<h",
    gguf.GGUFValueType.UINT32: "<I",
    gguf.GGUFValueType.INT32: "<i",
    gguf.GGUFValueType.FLOAT32: "<f",
    gguf.GGUFValueType.BOOL: "<?",
    gguf.GGUFValueType.UINT64: "<Q",
    gguf.GGUFValueType.INT64: "<q",
    gguf.GGUFValueType.FLOAT64: "<d",
}


@dataclass(frozen=True)
class GgufInfo:
    """The facts about a model file that the model manager and the fit check show."""

    path: Path
    name: str
    size_bytes: int
    architecture: str
    context_length: int
    quantization: str
    has_chat_template: bool
    block_count: int
    head_count_kv: int
    key_length: int
    value_length: int
    split_count: int = 1

    @property
    def kv_bytes_per_token(self) -> int:
        """Return the bytes of f16 KV cache one token of context takes (0 when unknown)."""
        return 2 * self.block_count * self.head_count_kv * (self.key_length + self.value_length)


class _HeaderReader:
    """Reads the little-endian values of a GGUF header from a binary file."""

    def __init__(self, handle: BinaryIO, name: str) -> None:
        self.handle = handle
        self.name = name

    def take(self, size: int) -> bytes:
        """Read exactly ``size`` bytes or raise a truncated-file error."""
        data = self.handle.read(size)
        if len(data) != size:
            raise ModelError(f"The model file {self.name} is truncated. Download it again.")
        return data

    def unpack(self, fmt: str) -> object:
        """Read one struct value."""
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]

    def string(self, keep: bool = True) -> str:
        """Read one length-prefixed UTF-8 string (skipped when ``keep`` is false)."""
        length = int(self.unpack("<Q"))  # type: ignore[arg-type]
        if length > MAX_STRING_BYTES:
            raise ModelError(f"The model file {self.name} has a damaged header.")
        if not keep:
            self.handle.seek(length, 1)
            return ""
        return self.take(length).decode("utf-8", errors="replace")

    def value(self, kind: gguf.GGUFValueType) -> object:
        """Read one value of type ``kind``; a long array becomes its length."""
        if kind == gguf.GGUFValueType.STRING:
            return self.string()
        if kind == gguf.GGUFValueType.ARRAY:
            item_kind = gguf.GGUFValueType(int(self.unpack("<I")))  # type: ignore[arg-type]
            count = int(self.unpack("<Q"))  # type: ignore[arg-type]
            if count > MAX_ARRAY_ITEMS_KEPT:
                self.skip_array(item_kind, count)
                return count
            return [self.value(item_kind) for _ in range(count)]
        return self.unpack(_SCALAR_FORMATS[kind])

    def skip_array(self, kind: gguf.GGUFValueType, count: int) -> None:
        """Move past an array without decoding it."""
        if kind == gguf.GGUFValueType.STRING:
            for _ in range(count):
                self.string(keep=False)
        elif kind == gguf.GGUFValueType.ARRAY:
            for _ in range(count):
                self.value(kind)
        else:
            self.handle.seek(struct.calcsize(_SCALAR_FORMATS[kind]) * count, 1)


def read_gguf_metadata(path: Path) -> dict[str, object]:
    """Return the key/value metadata of a GGUF file (long arrays as their lengths).

    Raises:
        ModelError: the file is missing, not GGUF, truncated or damaged.
    """
    path = Path(path)
    try:
        with path.open("rb") as raw:
            reader = _HeaderReader(raw, path.name)
            if reader.take(4) != GGUF_MAGIC:
                raise ModelError(f"{path.name} is not a GGUF model file.")
            version = reader.unpack("<I")
            if version not in (2, 3):
                raise ModelError(
                    f"{path.name} uses GGUF version {version}, which is not supported."
                )
            reader.unpack("<Q")  # tensor count
            kv_count = int(reader.unpack("<Q"))  # type: ignore[arg-type]
            if kv_count > 100_000:
                raise ModelError(f"The model file {path.name} has a damaged header.")
            metadata: dict[str, object] = {}
            for _ in range(kv_count):
                key = reader.string()
                try:
                    kind = gguf.GGUFValueType(int(reader.unpack("<I")))  # type: ignore[arg-type]
                except ValueError as error:
                    raise ModelError(f"The model file {path.name} has a damaged header.") from error
                metadata[key] = reader.value(kind)
            return metadata
    except FileNotFoundError as error:
        raise ModelError(f"Model file not found: {path}") from error
    except OSError as error:
        raise ModelError(f"Cannot read the model file {path.name}: {error.strerror}") from error


def quantization_name(file_type: object) -> str:
    """Return a quantization label such as ``Q4_K_M`` for a ``general.file_type`` value."""
    try:
        name = gguf.LlamaFileType(int(file_type)).name  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return "unknown"
    return name.removeprefix("MOSTLY_").removeprefix("ALL_")


def split_parts(path: Path) -> list[Path]:
    """Return every part of a split model given any part, or ``[path]`` for a single file."""
    match = SPLIT_PATTERN.match(path.name)
    if not match:
        return [path]
    count = int(match["count"])
    width = len(match["index"])
    return [
        path.with_name(f"{match['stem']}-{index:0{width}d}-of-{match['count']}.gguf")
        for index in range(1, count + 1)
    ]


def read_gguf_info(path: Path) -> GgufInfo:
    """Return what the model manager shows about a GGUF file, from its header only.

    Raises:
        ModelError: the file is missing, not GGUF, truncated or damaged.
    """
    path = Path(path)
    metadata = read_gguf_metadata(path)
    arch = str(metadata.get("general.architecture", "unknown"))

    def number(key: str) -> int:
        value = metadata.get(f"{arch}.{key}", 0)
        if isinstance(value, list):  # per-layer values: take the largest
            value = max((int(v) for v in value), default=0)  # type: ignore[call-overload]
        try:
            return int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return 0

    heads = number("attention.head_count")
    head_dim = number("embedding_length") // heads if heads else 0
    parts = split_parts(path)
    size = sum(part.stat().st_size for part in parts if part.is_file())
    # Shown by file name, as the engine does: Hub files are named for what they are, while
    # general.name is often a training-run label ("Smollm2 135M 8k Lc100K Mix1 Ep2").
    generic = path.stem.lower() in ("model", "ggml-model", "")
    name = (str(metadata.get("general.name") or "").strip() if generic else "") or path.stem
    return GgufInfo(
        path=path,
        name=name,
        size_bytes=size,
        architecture=arch,
        context_length=number("context_length"),
        quantization=quantization_name(metadata.get("general.file_type")),
        has_chat_template=bool(metadata.get("tokenizer.chat_template")),
        block_count=number("block_count"),
        head_count_kv=number("attention.head_count_kv") or heads,
        key_length=number("attention.key_length") or head_dim,
        value_length=number("attention.value_length") or head_dim,
        split_count=len(parts),
    )
