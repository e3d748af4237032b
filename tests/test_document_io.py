"""Reading and safe saving of documents: encodings, line endings, refusals and failures."""

from __future__ import annotations

import errno
import locale
import os
import stat
import sys
from typing import TYPE_CHECKING

import pytest

from writer.core import document_io
from writer.core.document_io import (
    changed_on_disk,
    encoding_label,
    read_document,
    save_document,
)
from writer.errors import (
    BinaryFileError,
    DocumentError,
    UndecodableError,
    UnencodableTextError,
)

if TYPE_CHECKING:
    from pathlib import Path

CHINESE = (
    "第一章 山雨欲来\n\n夜深了，城里的灯一盏一盏地熄灭。李明站在窗前，望着远处的山影，"
    "心里想着明天要去见的那个人。他已经三年没有回家了，母亲的信一封接一封地寄来。\n"
)
TRADITIONAL = (
    "第一章 山雨欲來\n\n夜深了，城裡的燈一盞一盞地熄滅。李明站在窗前，望著遠處的山影，"
    "心裡想著明天要去見的那個人。他已經三年沒有回家了，母親的信一封接一封地寄來。\n"
)
JAPANESE = (
    "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。"
    "何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。\n"
)
WESTERN = (
    "Café au lait — a naïve “quote” from the señor, déjà vu.\n"
    "The résumé cost 50 € and the crème brûlée was fine.\n"
)


@pytest.fixture
def docs(tmp_path) -> Path:
    """Return an empty folder for the documents of one test."""
    folder = tmp_path / "docs"
    folder.mkdir()
    return folder


@pytest.fixture(autouse=True)
def utf8_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the system encoding UTF-8 unless a test says otherwise."""
    monkeypatch.setattr(locale, "getpreferredencoding", lambda do_setlocale=True: "UTF-8")


@pytest.mark.parametrize(
    ("raw", "text", "encoding", "newline", "bom"),
    [
        (CHINESE.encode("gb18030"), CHINESE, "gb18030", "\n", False),
        (CHINESE.encode("gbk"), CHINESE, "gb18030", "\n", False),
        (TRADITIONAL.encode("big5"), TRADITIONAL, "big5", "\n", False),
        (b"\xff\xfe" + CHINESE.replace("\n", "\r\n").encode("utf-16-le"), CHINESE, "utf-16-le",
         "\r\n", True),
        (b"\xfe\xff" + WESTERN.encode("utf-16-be"), WESTERN, "utf-16-be", "\n", True),
        (WESTERN.replace("\n", "\r\n").encode("cp1252"), WESTERN, "cp1252", "\r\n", False),
        (b"\xef\xbb\xbf" + CHINESE.encode("utf-8"), CHINESE, "utf-8", "\n", True),
        (CHINESE.replace("\n", "\r\n").encode("utf-8"), CHINESE, "utf-8", "\r\n", False),
        (WESTERN.replace("\n", "\r").encode("utf-8"), WESTERN, "utf-8", "\r", False),
    ],
    ids=["gb18030", "gbk", "big5", "utf16le-bom-crlf", "utf16be-bom", "cp1252-crlf",
         "utf8-bom", "utf8-crlf", "utf8-cr"],
)  # fmt: skip
def test_round_trip_is_byte_identical(docs, raw, text, encoding, newline, bom) -> None:
    """Opening and saving an unchanged file writes back exactly the same bytes."""
    path = docs / "chapter.txt"
    path.write_bytes(raw)
    doc = read_document(path)
    assert doc.text == text
    assert (doc.encoding, doc.newline, doc.bom) == (encoding, newline, bom)
    assert not doc.needs_confirmation
    save_document(path, doc.text, encoding=doc.encoding, newline=doc.newline, bom=doc.bom)
    assert path.read_bytes() == raw


def test_shift_jis_is_detected(docs) -> None:
    """A Shift-JIS file opens with the right Japanese text and saves back unchanged."""
    path = docs / "neko.txt"
    raw = JAPANESE.encode("shift_jis")
    path.write_bytes(raw)
    doc = read_document(path)
    assert doc.text == JAPANESE
    assert doc.encoding in ("shift_jis", "cp932")
    save_document(path, doc.text, encoding=doc.encoding, newline=doc.newline, bom=doc.bom)
    assert path.read_bytes() == raw


@pytest.mark.parametrize(
    "text",
    ["Café\n", "naïve résumé café\n", "Größere Übungen für Mädchen.\n", WESTERN],
)
def test_latin_text_prefers_windows_1252(docs, text) -> None:
    """Ordinary Western text is read as Windows-1252, not as a Baltic or Central European page."""
    path = docs / "note.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = read_document(path)
    assert doc.encoding == "cp1252"
    assert doc.text == text


def test_system_code_page_wins_among_equals(docs, monkeypatch) -> None:
    """On a Central European system, ambiguous single-byte text is read with its code page."""
    monkeypatch.setattr(locale, "getpreferredencoding", lambda do_setlocale=True: "cp1250")
    path = docs / "note.txt"
    text = "Größere Übungen für Mädchen.\n"
    path.write_bytes(text.encode("cp1250"))
    doc = read_document(path)
    assert doc.encoding == "cp1250"
    assert doc.text == text


def test_cyrillic_is_not_read_as_western(docs) -> None:
    """A Windows-1251 Russian text is not turned into Western mojibake."""
    text = "Привет, как дела? Это обычный русский текст для проверки кодировки.\n"
    path = docs / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    doc = read_document(path)
    assert doc.text == text


def test_short_ambiguous_text_asks(docs) -> None:
    """Five GB18030 characters are too few to be sure: the result asks and offers GB18030."""
    path = docs / "hello.txt"
    path.write_bytes("你好，世界".encode("gb18030"))
    doc = read_document(path)
    assert doc.needs_confirmation
    assert "gb18030" in doc.candidates


def test_damaged_utf8_asks_instead_of_corrupting(docs) -> None:
    """A UTF-8 file with one broken byte raises with candidates; nothing becomes U+FFFD."""
    path = docs / "broken.txt"
    raw = CHINESE.encode("utf-8")
    raw = raw[:30] + b"\xff" + raw[30:]
    path.write_bytes(raw)
    with pytest.raises(UndecodableError) as caught:
        read_document(path)
    assert isinstance(caught.value, DocumentError)
    assert "utf-8" in caught.value.candidates
    assert caught.value.offset == 30
    assert "broken.txt" in str(caught.value) and "\n" not in str(caught.value)
    assert path.read_bytes() == raw


def test_explicit_wrong_encoding_raises(docs) -> None:
    """Reopening with an encoding that cannot decode the bytes raises instead of replacing."""
    path = docs / "big5.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    with pytest.raises(UndecodableError) as caught:
        read_document(path, encoding="utf-8")
    assert caught.value.offset >= 0
    assert read_document(path, encoding="big5").text == TRADITIONAL


@pytest.mark.parametrize(
    "raw",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), bytes(range(0, 32)) * 20],
    ids=["png", "control-codes"],
)
def test_binary_file_is_refused(docs, raw) -> None:
    """A binary file is refused with a message that names it."""
    path = docs / "picture.png"
    path.write_bytes(raw)
    with pytest.raises(BinaryFileError, match=r"picture\.png"):
        read_document(path)


def test_missing_file_has_clear_message(docs) -> None:
    """Opening a file that does not exist says so in one line."""
    with pytest.raises(DocumentError, match=r"nothing\.txt: it does not exist"):
        read_document(docs / "nothing.txt")


def test_unencodable_text_writes_nothing(docs) -> None:
    """Saving Chinese text as Windows-1252 fails before touching the file."""
    path = docs / "note.txt"
    path.write_bytes(b"old")
    with pytest.raises(UnencodableTextError) as caught:
        save_document(path, "Hello\n世界", encoding="cp1252")
    assert caught.value.character == "世"
    assert caught.value.line == 2
    assert "Windows-1252" in str(caught.value)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in docs.iterdir()) == ["note.txt"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores modes")
def test_read_only_folder_leaves_original(docs) -> None:
    """In a read-only folder the save fails with a message and the original is untouched."""
    folder = docs / "locked"
    folder.mkdir()
    path = folder / "story.md"
    path.write_bytes(b"original text\n")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(DocumentError, match=r"story\.md.*not writable.*unchanged"):
            save_document(path, "new text\n", encoding="utf-8")
        assert path.read_bytes() == b"original text\n"
    finally:
        folder.chmod(stat.S_IRWXU)


def test_unwritable_folder_leaves_original(docs, monkeypatch) -> None:
    """When the folder refuses new files (as a read-only folder does), the original stays."""
    path = docs / "story.md"
    path.write_bytes(b"original text\n")
    real_open = os.open

    def refuse_temp(name, flags, mode=0o777, **kwargs):
        if str(name).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, flags, mode, **kwargs)

    monkeypatch.setattr(document_io.os, "open", refuse_temp)
    with pytest.raises(DocumentError, match=r"story\.md: the folder .* is not writable"):
        save_document(path, "new text\n")
    assert path.read_bytes() == b"original text\n"


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
def test_write_failing_midway_leaves_original(docs, monkeypatch, code) -> None:
    """A write that dies half-way (disk full, I/O error) keeps the original and cleans up."""
    path = docs / "story.md"
    original = "原来的文字\n".encode("gb18030")
    path.write_bytes(original)
    real_open = os.fdopen

    class HalfWriter:
        """Writes half the data, then fails like a full disk."""

        def __init__(self, handle) -> None:
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(code, os.strerror(code))

    monkeypatch.setattr(document_io.os, "fdopen", lambda fd, mode: HalfWriter(real_open(fd, mode)))
    with pytest.raises(DocumentError) as caught:
        save_document(path, "新的文字" * 1000, encoding="gb18030")
    message = str(caught.value)
    assert "story.md" in message and "unchanged" in message and "\n" not in message
    if code == errno.ENOSPC:
        assert "disk is full" in message
    assert path.read_bytes() == original
    assert [p.name for p in docs.iterdir()] == ["story.md"]


def test_failed_rename_leaves_original(docs, monkeypatch) -> None:
    """If the final rename fails (file locked by another program), the original stays."""
    path = docs / "story.md"
    path.write_bytes(b"keep me\n")

    def refuse(*_args) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(document_io.os, "replace", refuse)
    with pytest.raises(DocumentError, match="permission denied"):
        save_document(path, "replacement\n")
    assert path.read_bytes() == b"keep me\n"
    assert [p.name for p in docs.iterdir()] == ["story.md"]


def test_crash_during_save_leaves_original(docs, monkeypatch) -> None:
    """An exception that is not an OSError (a crash in the middle) also keeps the original."""
    path = docs / "story.md"
    path.write_bytes(b"keep me\n")
    monkeypatch.setattr(
        document_io.os, "fsync", lambda fd: (_ for _ in ()).throw(KeyboardInterrupt)
    )
    with pytest.raises(KeyboardInterrupt):
        save_document(path, "replacement\n")
    assert path.read_bytes() == b"keep me\n"
    assert [p.name for p in docs.iterdir()] == ["story.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_save_keeps_permissions_and_symlinks(docs) -> None:
    """Saving keeps the file's mode, and saving through a link updates the link's target."""
    target = docs / "real.md"
    target.write_text("one\n")
    target.chmod(0o640)
    link = docs / "link.md"
    link.symlink_to(target)
    save_document(link, "two\n")
    assert link.is_symlink()
    assert target.read_text() == "two\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_file_is_created(docs) -> None:
    """Save As to a new name creates the file with the chosen encoding, newline and BOM."""
    path = docs / "new.txt"
    save_document(path, "a\nb", encoding="utf-16-le", newline="\r\n", bom=True)
    assert path.read_bytes() == b"\xff\xfe" + "a\r\nb".encode("utf-16-le")


def test_changed_on_disk(docs) -> None:
    """A file edited by another program is noticed; touching it without changes is not."""
    path = docs / "story.md"
    path.write_text("first\n")
    doc = read_document(path)
    assert not changed_on_disk(path, doc.stamp)
    os.utime(path, ns=(doc.stamp.mtime_ns + 5_000_000_000,) * 2)
    assert not changed_on_disk(path, doc.stamp)
    path.write_text("second\n")
    assert changed_on_disk(path, doc.stamp)
    stamp = save_document(path, "third\n")
    assert not changed_on_disk(path, stamp)
    path.unlink()
    assert changed_on_disk(path, stamp)


def test_labels_for_status_bar(docs) -> None:
    """The status bar label names the encoding and the line ending."""
    path = docs / "x.txt"
    path.write_bytes(CHINESE.replace("\n", "\r\n").encode("gb18030"))
    assert read_document(path).label == "GB18030 · CRLF"
    assert encoding_label("utf-8", bom=True) == "UTF-8 with BOM"
    assert encoding_label("cp1252") == "Windows-1252"
