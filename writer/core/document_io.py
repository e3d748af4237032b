"""Reading and saving documents: encoding detection, line endings and safe saves.

:func:`read_document` detects the encoding (BOMs, strict UTF-8, then
charset-normalizer with Writer's own preferences), refuses binary files and
never turns undecodable bytes into silent U+FFFD. :func:`save_document` writes
a temp file beside the target, fsyncs it and renames it over the original, so a
failure at any point leaves the original byte-identical.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
import locale
import os
import re
import secrets
import stat
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from charset_normalizer import from_bytes

from writer.errors import BinaryFileError, DocumentError, UndecodableError, UnencodableTextError

if TYPE_CHECKING:
    from collections.abc import Mapping

#: Encodings offered in "Reopen with encoding" / "Save with encoding": (codec, label).
COMMON_ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", "UTF-8"),
    ("utf-16-le", "UTF-16 LE"),
    ("utf-16-be", "UTF-16 BE"),
    ("gb18030", "GB18030 (Simplified Chinese)"),
    ("big5", "Big5 (Traditional Chinese)"),
    ("shift_jis", "Shift-JIS (Japanese)"),
    ("euc_jp", "EUC-JP (Japanese)"),
    ("cp949", "Korean (CP949)"),
    ("cp1252", "Windows-1252 (Western)"),
    ("cp1250", "Windows-1250 (Central European)"),
    ("cp1251", "Windows-1251 (Cyrillic)"),
    ("cp1253", "Windows-1253 (Greek)"),
    ("cp1254", "Windows-1254 (Turkish)"),
    ("iso8859-1", "ISO-8859-1 (Latin-1)"),
    ("koi8-r", "KOI8-R (Cyrillic)"),
)

_LABELS = {codec: label.split(" (")[0] for codec, label in COMMON_ENCODINGS}
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_OF = {name: bom for bom, name in _BOMS}
#: Double-byte and multi-byte encodings Writer will pick without a BOM.
_MULTI_BYTE = {"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "shift_jis", "cp932", "euc_jp"}
_MULTI_BYTE |= {"euc_kr", "cp949", "johab"}
#: Single-byte encodings of ordinary text; anything else charset-normalizer suggests is ignored.
_SINGLE_BYTE = {f"cp{n}" for n in range(1250, 1259)} | {"cp874", "cp866", "cp437", "cp850"}
_SINGLE_BYTE |= {f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16)}
_SINGLE_BYTE |= {"koi8-r", "koi8-u", "mac-roman", "tis-620"}
#: How close two candidates' "chaos" must be to count as equally plausible.
_CHAOS_TOLERANCE = 0.1
_COHERENCE_TOLERANCE = 0.2
_SAMPLE = 64 * 1024
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BROKEN_UTF8 = re.compile(r"[\udc80-\udcff]")
_VALID_NON_ASCII = re.compile(r"[^\x00-\x7f\udc80-\udcff]")
_LINE_END = re.compile(r"\r\n|\r|\n")
#: A save's temp file beside its target: ``.<name>.<8 hex digits>.tmp``.
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.[0-9a-f]{8}\.tmp$")
#: A temp file of Writer's naming older than this was left by a killed save.
STALE_TEMP_SECONDS = 30.0


@dataclass(frozen=True)
class FileStamp:
    """What a file looked like when it was read or saved, to notice outside changes."""

    size: int
    mtime_ns: int
    digest: str


@dataclass(frozen=True)
class LoadedDocument:
    """A document read from disk: its text (with "\\n" line ends) and how to write it back."""

    path: Path
    text: str
    encoding: str
    newline: str = "\n"
    bom: bool = False
    stamp: FileStamp | None = None
    needs_confirmation: bool = False
    candidates: tuple[str, ...] = field(default_factory=tuple)
    mixed_newlines: bool = False
    #: Lines (0-based) whose ending differs from ``newline``, when the file mixes them.
    line_ends: Mapping[int, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """Return the text for the status bar, for example ``GB18030 · CRLF``."""
        return f"{encoding_label(self.encoding, self.bom)} · {newline_label(self.newline)}"


def canonical_encoding(name: str) -> str:
    """Return Python's canonical codec name for ``name`` (``UTF8`` -> ``utf-8``)."""
    try:
        canonical = codecs.lookup(name).name
    except LookupError as error:
        raise DocumentError(f"Unknown encoding “{name}”; choose one from the list.") from error
    return {"mbcs": "cp1252"}.get(canonical, canonical)


def encoding_label(encoding: str, bom: bool = False) -> str:
    """Return a short human name for ``encoding`` (``cp1252`` -> ``Windows-1252``)."""
    name = canonical_encoding(encoding)
    label = _LABELS.get(name)
    if label is None:
        label = f"Windows-{name[2:]}" if re.fullmatch(r"cp12\d\d", name) else name.upper()
    if name.startswith("utf-8"):
        return "UTF-8 with BOM" if bom else "UTF-8"
    return label


def newline_label(newline: str) -> str:
    """Return ``LF``, ``CRLF`` or ``CR`` for a newline string."""
    return {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}.get(newline, "LF")


def file_stamp(path: str | os.PathLike[str], data: bytes | None = None) -> FileStamp:
    """Return the stamp of the file at ``path`` (its bytes may be passed to save a read)."""
    info = os.stat(path)
    if data is None:
        data = Path(path).read_bytes()
    return FileStamp(info.st_size, info.st_mtime_ns, hashlib.blake2b(data).hexdigest())


def changed_on_disk(path: str | os.PathLike[str], stamp: FileStamp | None) -> bool:
    """Return True when the file differs from ``stamp`` (changed, replaced or deleted)."""
    if stamp is None:
        return False
    try:
        info = os.stat(path)
    except OSError:
        return True
    if info.st_size != stamp.size:
        return True
    if info.st_mtime_ns == stamp.mtime_ns:
        return False
    try:
        return hashlib.blake2b(Path(path).read_bytes()).hexdigest() != stamp.digest
    except OSError:
        return True


def system_encoding() -> str:
    """Return the canonical name of the system's preferred (code page) encoding."""
    try:
        return canonical_encoding(locale.getpreferredencoding(False) or "utf-8")
    except DocumentError:
        return "utf-8"


def read_document(path: str | os.PathLike[str], encoding: str | None = None) -> LoadedDocument:
    """Read a text file, detecting its encoding unless ``encoding`` is given.

    Raises:
        DocumentError: the file cannot be read.
        BinaryFileError: the file is not text.
        UndecodableError: its bytes are invalid in every encoding worth trusting.
    """
    path = Path(path)
    remove_stale_temps(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError as error:
        raise DocumentError(f"Cannot open {path.name}: it is a folder, not a file.") from error
    except OSError as error:
        raise DocumentError(f"Cannot open {path.name}: {_reason(error)}.") from error
    stamp = file_stamp(path, data)
    if encoding:
        text, name, bom = _decode_as(path, data, canonical_encoding(encoding))
        return _loaded(path, text, name, bom, stamp)
    for mark, name in _BOMS:
        if data.startswith(mark):
            text, name, bom = _decode_as(path, data, name)
            return _loaded(path, text, name, bom, stamp)
    _refuse_utf16_without_bom(path, data)
    _refuse_binary(path, data)
    try:
        return _loaded(path, data.decode("utf-8"), "utf-8", False, stamp)
    except UnicodeDecodeError as error:
        utf8_error = error
    name, candidates, unsure = _detect(data)
    if name is None or _looks_like_damaged_utf8(data):
        offset = utf8_error.start
        raise UndecodableError(
            f"{path.name} has bytes that are not valid text (first at byte {offset}); "
            "choose an encoding to open it with.",
            path=str(path),
            candidates=tuple(dict.fromkeys(["utf-8", *candidates])),
            offset=offset,
        )
    text = data.decode(name)
    doc = _loaded(path, text, name, False, stamp)
    return replace(doc, needs_confirmation=unsure, candidates=tuple(candidates))


def _loaded(path: Path, text: str, encoding: str, bom: bool, stamp: FileStamp) -> LoadedDocument:
    """Build a LoadedDocument, detecting and normalising the line endings."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    counts = {"\r\n": crlf, "\n": lf, "\r": cr}
    newline = max(counts, key=lambda key: (counts[key], key == "\n")) if crlf + cr + lf else "\n"
    mixed = sum(1 for value in counts.values() if value) > 1
    line_ends: dict[int, str] = {}
    if mixed:
        for line, match in enumerate(_LINE_END.finditer(text)):
            if match.group() != newline:
                line_ends[line] = match.group()
    if crlf or cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return LoadedDocument(
        path=path,
        text=text,
        encoding=encoding,
        newline=newline,
        bom=bom,
        stamp=stamp,
        candidates=(encoding,),
        mixed_newlines=mixed,
        line_ends=line_ends,
    )


def _decode_as(path: Path, data: bytes, name: str) -> tuple[str, str, bool]:
    """Decode ``data`` strictly as ``name``, stripping a matching BOM."""
    if name in ("utf-16", "utf-32"):
        name += "-be" if data.startswith((codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)) else "-le"
    mark = _BOM_OF.get(name, b"")
    if name == "utf-8-sig":
        name, mark = "utf-8", codecs.BOM_UTF8
    bom = bool(mark) and data.startswith(mark)
    try:
        return data[len(mark) if bom else 0 :].decode(name), name, bom
    except UnicodeDecodeError as error:
        offset = error.start + (len(mark) if bom else 0)
        raise UndecodableError(
            f"{path.name} is not valid {encoding_label(name)} (bad byte at {offset}); "
            "choose another encoding.",
            path=str(path),
            candidates=tuple(c for c in _guess_names(data) if c != name),
            offset=offset,
        ) from error


def _utf16_without_bom(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when ``data`` reads as BOM-less UTF-16 text, else None.

    Text in UTF-16 has a NUL in every other byte for ASCII (and most Latin)
    characters, always on the same side: that pattern, and a strict decode that
    yields printable text, tell it apart from a binary file.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if max(even_nuls, odd_nuls) < 0.3 or min(even_nuls, odd_nuls) > 0.02:
        return None
    name = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
    try:
        text = data[: len(data) - len(data) % 2].decode(name)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for char in text[:4096] if char.isprintable() or char in "\r\n\t")
    return name if printable >= 0.95 * min(len(text), 4096) else None


def _refuse_utf16_without_bom(path: Path, data: bytes) -> None:
    """Ask for the encoding of UTF-16 text that has no byte-order mark (never call it binary)."""
    name = _utf16_without_bom(data)
    if name is None:
        return
    other = "utf-16-be" if name == "utf-16-le" else "utf-16-le"
    raise UndecodableError(
        f"{path.name} looks like {encoding_label(name)} text without a byte-order mark; "
        "choose the encoding to open it with.",
        path=str(path),
        candidates=(name, other, "utf-8"),
        offset=0,
    )


def _refuse_binary(path: Path, data: bytes) -> None:
    """Raise BinaryFileError when ``data`` looks like a binary file, not text."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        raise BinaryFileError(
            f"{path.name} looks like a binary file (it contains NUL bytes); "
            "Writer opens only text files."
        )
    controls = len(_CONTROL_BYTES.findall(sample))
    if sample and controls / len(sample) > 0.05:
        raise BinaryFileError(
            f"{path.name} looks like a binary file (it is full of control codes); "
            "Writer opens only text files."
        )


def _looks_like_damaged_utf8(data: bytes) -> bool:
    """Return True when ``data`` is mostly valid UTF-8 with a few broken bytes."""
    text = data.decode("utf-8", errors="surrogateescape")
    broken = _BROKEN_UTF8.subn("", text)[1]
    valid_non_ascii = _VALID_NON_ASCII.subn("", text)[1]
    return valid_non_ascii > 0 and broken <= valid_non_ascii


def _is_usable(name: str) -> bool:
    """Return True for encodings Writer picks without a BOM."""
    return name in _MULTI_BYTE or name in _SINGLE_BYTE


def _guess_names(data: bytes) -> list[str]:
    """Return charset-normalizer's usable suggestions for ``data``, best first."""
    names = []
    for match in from_bytes(data[: 4 * _SAMPLE]):
        name = canonical_encoding(match.encoding)
        if _is_usable(name) and name not in names:
            names.append(name)
    return names


def _decodes(data: bytes, name: str) -> bool:
    """Return True when ``data`` decodes strictly as ``name``."""
    try:
        data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _score(data: bytes, name: str) -> tuple[float, float]:
    """Return charset-normalizer's (chaos, coherence) for ``data`` read as ``name``."""
    result = from_bytes(data[: 4 * _SAMPLE], cp_isolation=[name], threshold=1.0).best()
    if result is None:
        return 1.0, 0.0
    return result.chaos, result.coherence


def _detect(data: bytes) -> tuple[str | None, list[str], bool]:
    """Pick an encoding for non-UTF-8 ``data``: (name or None, candidates, unsure)."""
    system = system_encoding()
    preferred = [name for name in (system, "cp1252") if name in _SINGLE_BYTE]
    if system in _MULTI_BYTE or system in ("gbk", "gb2312", "cp936"):
        preferred.insert(0, "gb18030" if system in ("gbk", "gb2312", "cp936") else system)
    names = [n for n in dict.fromkeys(_guess_names(data) + preferred) if _decodes(data, n)]
    if not names:
        return None, _guess_names(data) or ["cp1252"], True
    scores = {name: _score(data, name) for name in names}
    best = min(names, key=lambda n: (scores[n][0] - scores[n][1] / 10, names.index(n)))
    best_chaos, best_coherence = scores[best]

    def plausible(name: str) -> bool:
        chaos, coherence = scores[name]
        return (
            chaos <= best_chaos + _CHAOS_TOLERANCE
            and coherence >= best_coherence - _COHERENCE_TOLERANCE
        )

    same_kind = _MULTI_BYTE if best in _MULTI_BYTE else _SINGLE_BYTE
    choice = next((n for n in preferred if n in scores and n in same_kind and plausible(n)), best)
    text = data.decode(choice)
    rivals = [n for n in names if n != choice and plausible(n) and data.decode(n) != text]
    unsure = best_chaos > 0.2
    if rivals:
        # Rivals that read differently but are as plausible: settled by preference, else ask.
        unsure = unsure or choice not in preferred or any(r in _MULTI_BYTE for r in rivals)
    ordered = [choice, *sorted((n for n in names if n != choice), key=lambda n: scores[n][0])]
    return choice, ordered, unsure


def _reason(error: OSError) -> str:
    """Return a short human reason for an OSError."""
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.EROFS:
        return "the disk is read-only"
    if error.errno == errno.ENOENT:
        return "it does not exist"
    return (error.strerror or str(error)).rstrip(".").lower()


def join_lines(text: str, newline: str, line_ends: Mapping[int, str] | None = None) -> str:
    """Return ``text`` ("\\n" line ends) with ``newline``, except the lines in ``line_ends``.

    ``line_ends`` maps a line's 0-based number to its own ending ("\\r\\n", "\\n" or
    "\\r"), so a file that mixes line endings keeps each line's ending.
    """
    if not line_ends:
        return text if newline == "\n" else text.replace("\n", newline)
    lines = text.split("\n")
    ends = [line_ends.get(number, newline) for number in range(len(lines) - 1)]
    return "".join(line + end for line, end in zip(lines, ends, strict=False)) + lines[-1]


def encode_text(
    text: str,
    *,
    encoding: str,
    newline: str = "\n",
    bom: bool = False,
    line_ends: Mapping[int, str] | None = None,
) -> bytes:
    """Return the bytes of ``text`` as saved with ``encoding``, ``newline`` and ``bom``.

    Lines listed in ``line_ends`` keep their own ending (see :func:`join_lines`).

    Raises:
        UnencodableTextError: a character cannot be stored in ``encoding``.
    """
    name = canonical_encoding(encoding)
    if name in ("utf-16", "utf-32"):
        name, bom = name + "-le", True
    if newline not in ("\n", "\r\n", "\r"):
        raise DocumentError(f"Unknown line ending {newline!r}; use LF, CRLF or CR.")
    text = join_lines(text, newline, line_ends)
    try:
        body = text.encode(name)
    except UnicodeEncodeError as error:
        char = error.object[error.start]
        before = error.object[: error.start]
        line = before.count(newline) + 1
        raise UnencodableTextError(
            f"{encoding_label(name)} cannot store “{char}” (U+{ord(char):04X}, line {line}); "
            "nothing was saved: save with UTF-8 or remove the character.",
            encoding=name,
            character=char,
            line=line,
        ) from error
    mark = _BOM_OF.get(name, b"") if bom else b""
    return mark + body


def save_document(
    path: str | os.PathLike[str],
    text: str,
    *,
    encoding: str = "utf-8",
    newline: str = "\n",
    bom: bool = False,
    line_ends: Mapping[int, str] | None = None,
) -> FileStamp:
    """Save ``text`` safely (temp file, fsync, rename) and return the new file stamp.

    Temp files that an earlier save left behind (killed mid-save) are removed.

    Raises:
        UnencodableTextError: the encoding cannot hold the text (nothing written).
        DocumentError: the file could not be written; the original is unchanged.
    """
    data = encode_text(text, encoding=encoding, newline=newline, bom=bom, line_ends=line_ends)
    target = Path(os.path.realpath(path))
    remove_stale_temps(target)
    name = Path(path).name
    unchanged = "the file on disk is unchanged"
    try:
        original = target.stat()
    except FileNotFoundError:
        original = None
    except OSError as error:
        raise DocumentError(f"Cannot save {name}: {_reason(error)}; {unchanged}.") from error
    if original is not None and not os.access(target, os.W_OK):
        raise DocumentError(
            f"Cannot save {name}: the file is read-only; {unchanged}. Use Save As to save a copy."
        )
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(temp, flags, 0o666)
    except OSError as error:
        where = f"the folder {target.parent}" if error.errno in (errno.EACCES, errno.EPERM) else ""
        reason = f"{where} is not writable" if where else _reason(error)
        raise DocumentError(
            f"Cannot save {name}: {reason}; {unchanged}. Use Save As to choose another folder."
        ) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if original is not None:
            os.chmod(temp, stat.S_IMODE(original.st_mode))
        os.replace(temp, target)
    except OSError as error:
        _remove_quietly(temp)
        if error.errno == errno.ENOSPC:
            raise DocumentError(
                f"Cannot save {name}: {_reason(error)}; {unchanged}. "
                "Free some space or save to another drive."
            ) from error
        raise DocumentError(f"Cannot save {name}: {_reason(error)}; {unchanged}.") from error
    except BaseException:
        _remove_quietly(temp)
        raise
    _sync_folder(target.parent)
    return file_stamp(target, data)


def remove_stale_temps(path: str | os.PathLike[str]) -> int:
    """Remove the temp files an interrupted save of ``path`` left beside it; return how many.

    Only files of Writer's own naming (``.<name>.<8 hex>.tmp``) for this file,
    older than :data:`STALE_TEMP_SECONDS`, so a save running right now is left alone.
    """
    target = Path(os.path.realpath(path))
    removed = 0
    try:
        candidates = list(target.parent.glob(f".{glob_escape(target.name)}.*.tmp"))
    except OSError:
        return 0
    now = time.time()
    for candidate in candidates:
        match = _TEMP_NAME.match(candidate.name)
        if match is None or match.group("name") != target.name:
            continue
        try:
            if now - candidate.lstat().st_mtime < STALE_TEMP_SECONDS or candidate.is_symlink():
                continue
            candidate.unlink()
            removed += 1
        except OSError:
            continue
    return removed


def glob_escape(name: str) -> str:
    """Return ``name`` with glob wildcards escaped."""
    return re.sub(r"([*?\[])", r"[\1]", name)


def _remove_quietly(path: Path) -> None:
    """Remove a leftover temp file, ignoring errors."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of a rename to disk where the OS allows it (POSIX)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
