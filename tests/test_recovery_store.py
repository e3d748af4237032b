"""The recovery store: atomic copies of unsaved work that survive a crash."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import pytest

from writer import config
from writer.core import recovery
from writer.core.recovery import RecoveryStore, new_doc_id
from writer.core.text_copy import TextCopy
from writer.errors import DocumentError

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    """A store in a private folder."""
    return RecoveryStore(tmp_path / "recovery")


def test_saved_copy_is_listed_with_what_it_holds(store: RecoveryStore, tmp_path: Path) -> None:
    """A saved copy comes back with its id, title, original path, time, preview and full text."""
    text = "# Chapter One\n\nIt was a dark and stormy night.\n" * 40
    doc_id = new_doc_id()
    assert store.save(doc_id, text, {"title": "Chapter One", "original_path": tmp_path / "c.md",
                                     "encoding": "gb18030"})  # fmt: skip
    (entry,) = store.entries()
    assert entry.doc_id == doc_id
    assert entry.title == "Chapter One"
    assert entry.original_path == tmp_path / "c.md"
    assert entry.text == text
    assert entry.meta["encoding"] == "gb18030"
    assert entry.preview.startswith("# Chapter One It was a dark")
    assert len(entry.preview) <= recovery.PREVIEW_CHARS
    assert entry.saved_at.tzinfo is not None


def test_unsaved_document_gets_a_title_from_its_text(store: RecoveryStore) -> None:
    """A never-saved document is listed under its first line and has no original path."""
    store.save("a1", "\n\n## 山雨欲来\n夜深了。")
    (entry,) = store.entries()
    assert entry.title == "山雨欲来"
    assert entry.original_path is None


def test_newest_first_discard_and_clear(store: RecoveryStore) -> None:
    """Entries are newest first; discard removes one; clear removes all."""
    store.save("old", "old text")
    store.save("new", "new text")
    os.utime(store.path_of("old"), (1, 1))
    record = json.loads(store.path_of("old").read_text(encoding="utf-8"))
    record["saved_at"] = 1.0
    store.path_of("old").write_text(json.dumps(record), encoding="utf-8")
    assert [e.doc_id for e in store.entries()] == ["new", "old"]
    store.discard("new")
    assert [e.doc_id for e in store.entries()] == ["old"]
    store.discard("missing")  # no error
    (store.folder / ".old.dead.tmp").write_text("half")
    store.clear()
    assert store.entries() == []
    assert list(store.folder.iterdir()) == []


def test_latest_save_wins_and_unchanged_is_skipped(store: RecoveryStore) -> None:
    """A second save replaces the copy; saving the same text again writes nothing."""
    assert store.save("doc", "first")
    assert store.save("doc", "first and more")
    assert not store.save("doc", "first and more")
    assert store.load("doc").text == "first and more"


def test_broken_copy_is_skipped_not_fatal(store: RecoveryStore) -> None:
    """A damaged file in the folder is skipped; good copies are still offered."""
    store.save("good", "kept")
    (store.folder / "bad.json").write_text("{not json", encoding="utf-8")
    assert [e.doc_id for e in store.entries()] == ["good"]


def test_failed_write_keeps_previous_copy(store: RecoveryStore, monkeypatch) -> None:
    """If a new copy cannot be written (disk full), the old copy stays; the error is clear."""
    store.save("doc", "safe text")

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery.os, "replace", full_disk)
    with pytest.raises(DocumentError, match="No space left"):
        store.save("doc", "newer text")
    assert store.load("doc").text == "safe text"
    assert [p.name for p in store.folder.iterdir()] == ["doc.json"]


def test_unsafe_ids_are_rejected(store: RecoveryStore) -> None:
    """An id cannot escape the recovery folder."""
    with pytest.raises(ValueError, match="invalid recovery id"):
        store.save("../evil", "x")


def test_default_folder_follows_writer_home(writer_home: Path) -> None:
    """Without a folder the store lives in config.recovery_dir() under WRITER_HOME."""
    store = RecoveryStore()
    store.save("x", "text")
    assert store.folder == config.recovery_dir()
    assert store.path_of("x").is_relative_to(writer_home)
    assert store.path_of("x").exists()


def test_copy_of_the_editor_text_is_written_exactly(store: RecoveryStore) -> None:
    """A text handed over in chunks of lines (a TextCopy) comes back character for character."""
    line = 'He said "stop" \\ 长安 😀 \u2028 tab\there \x01 \u00a0 end'
    text = "\n".join(f"{number} {line}" for number in range(20_000))  # pieces of ~256 KB
    lone = "a lone surrogate \ud800 survives"
    doc_id = new_doc_id()
    assert store.save(doc_id, TextCopy.of(text + "\n" + lone), {"title": "t"})
    (entry,) = store.entries()
    assert entry.text == text + "\n" + lone
    assert not store.save(doc_id, TextCopy.of(text + "\n" + lone), {"title": "t"})  # unchanged


def test_a_discarded_copy_stays_gone_when_a_late_save_arrives(store: RecoveryStore) -> None:
    """A background save of text taken before the document was saved brings no copy back."""
    doc_id = new_doc_id()
    taken = store.generation(doc_id)  # the text is taken for a copy ...
    store.discard(doc_id)  # ... the writer saves the document meanwhile ...
    assert not store.save(doc_id, "old text", generation=taken)  # ... and the copy arrives late
    assert store.entries() == []
    assert not list(store.folder.glob(".*.tmp"))
    assert store.save(doc_id, "new text", generation=store.generation(doc_id))
    assert [entry.text for entry in store.entries()] == ["new text"]
    taken = store.generation(doc_id)
    store.clear()
    assert not store.save(doc_id, "old text", generation=taken)
    assert store.entries() == []
