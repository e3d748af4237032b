"""Snapshots: stored whole with the sidecar, listed by time, damaged files skipped, thinned."""

from __future__ import annotations

import errno
import gzip
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from writer.core.sidecar import update_sidecar
from writer.errors import SnapshotError
from writer.manuscript import files
from writer.manuscript.snapshots import SnapshotStore, snapshot_folder
from writer.manuscript.thinning import snapshots_to_remove


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "novel.md"
    path.write_text("# Novel\n\nFirst line.\n", encoding="utf-8")
    return path


def test_snapshot_keeps_text_notes_and_lore(document: Path) -> None:
    """The text comes back byte-identical, with the sidecar (notes, lore) of that moment."""
    lore = [{"title": "长安", "keys": ["长安"], "content": "唐朝的都城。"}]
    update_sidecar(document, notes="Mara is afraid of water.", lore=lore)
    text = "Chapter one.\r\n\n她走进了长安城。\u2028 tabs\there \U0001f600\n"
    store = SnapshotStore(document)
    info = store.take(text, name="Before the rewrite")
    assert info is not None
    update_sidecar(document, notes="changed")

    again = SnapshotStore(document)  # as after a restart
    [listed] = again.list().snapshots
    assert (listed.name, listed.auto) == ("Before the rewrite", False)
    snapshot = again.load(listed)
    assert snapshot.text.encode("utf-8") == text.encode("utf-8")
    assert snapshot.notes == "Mara is afraid of water."
    assert snapshot.sidecar["lore"] == lore
    assert listed.path.parent == snapshot_folder(document)
    assert listed.path.parent.parent == document.parent


def test_snapshot_file_is_plain_gzip(document: Path) -> None:
    """Anyone can read a snapshot with gunzip: a JSON header line, then the data."""
    info = SnapshotStore(document).take("the text", name="x")
    assert info is not None
    data = gzip.decompress(info.path.read_bytes())
    header = json.loads(data.split(b"\n", 1)[0])
    assert header["name"] == "x" and data.endswith(b"the text")


def test_listing_is_newest_first_and_json_shape(document: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    store = SnapshotStore(document, clock=clock)
    store.take("one", name="first")
    clock.advance(minutes=5)
    store.take("two", auto=True, reason="Replace All")
    clock.advance(minutes=5)
    store.take("three", name="third")
    listing = store.list()
    assert [i.name for i in listing.snapshots] == ["third", "", "first"]
    assert listing.snapshots[0].to_json() == {
        "name": "third",
        "time": "2026-03-01T09:10:00+00:00",
        "auto": False,
    }
    assert listing.snapshots[1].reason == "Replace All" and listing.snapshots[1].auto


def test_damaged_snapshots_are_reported_and_skipped(document: Path) -> None:
    """A garbage file and a truncated one are named; the good ones still list."""
    clock = FakeClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    store = SnapshotStore(document, clock=clock)
    good = store.take("good text " * 1000, name="good")
    clock.advance(minutes=1)
    cut = store.take("will be cut " * 5000, name="cut")
    assert good is not None and cut is not None
    data = cut.path.read_bytes()
    cut.path.write_bytes(data[: len(data) // 2])
    (store.folder / "20260101T000000_000000-auto-000000.snapshot.gz").write_bytes(b"garbage")

    listing = store.list()
    assert [i.name for i in listing.snapshots] == ["good"]
    assert len(listing.problems) == 2
    assert any("truncated" in p for p in listing.problems)
    assert all("\n" not in p for p in listing.problems)
    with pytest.raises(SnapshotError, match="damaged"):
        store.load(cut.path)
    assert store.load(good).text == "good text " * 1000


def test_unchanged_text_makes_no_second_automatic_snapshot(document: Path) -> None:
    store = SnapshotStore(document)
    assert store.take("same", auto=True, skip_if_unchanged=True) is not None
    assert store.take("same", auto=True, skip_if_unchanged=True) is None
    assert store.take("different", auto=True, skip_if_unchanged=True) is not None
    assert len(store.list().snapshots) == 2


def test_thinning_keeps_what_it_promises(document: Path) -> None:
    """All of the last day, one a day for a month, one a week after; named ones stay."""
    start = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    clock = FakeClock(start)
    store = SnapshotStore(document, clock=clock)
    named = store.take("named", name="keep me")
    taken = 0
    for hour in range(0, 24 * 100, 6):  # one every 6 hours for 100 days
        clock.now = start + timedelta(hours=hour, minutes=1)
        store.take(f"text {hour}", auto=True)
        taken += 1
    now = clock.now
    autos = [i for i in store.list().snapshots if i.auto]
    ages = [now - i.time for i in autos]
    assert sum(1 for a in ages if a < timedelta(days=1)) == 4  # all of the last day
    days = [i.time.date() for i in autos if timedelta(days=1) <= now - i.time < timedelta(days=30)]
    assert len(days) == len(set(days)) and len(days) >= 28  # one a day
    weeks = [i.time.isocalendar()[:2] for i in autos if now - i.time >= timedelta(days=30)]
    assert len(weeks) == len(set(weeks)) and 9 <= len(weeks) <= 11  # one a week
    assert len(autos) < taken
    assert named in store.list().snapshots  # the named one survives 100 days


def test_thinning_rule_picks_the_newest_of_each_day() -> None:
    from writer.manuscript.snapshots import SnapshotInfo

    now = datetime(2026, 5, 20, 12, 0, tzinfo=UTC)
    day = datetime(2026, 5, 10, tzinfo=UTC)
    infos = [SnapshotInfo(Path(f"{h}"), "", day + timedelta(hours=h), True) for h in (1, 5, 9)]
    infos.append(SnapshotInfo(Path("named"), "n", day, False))
    removed = snapshots_to_remove(infos, now)
    assert sorted(str(i.path) for i in removed) == ["1", "5"]


def test_failed_write_leaves_nothing(document: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk while writing: one clear line, no snapshot and no temp file left."""
    store = SnapshotStore(document)
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle) -> None:
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(bytes(data)[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            pass

    monkeypatch.setattr(files.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    with pytest.raises(SnapshotError) as caught:
        store.take("text " * 1000, name="x")
    assert "disk is full" in str(caught.value) and "\n" not in str(caught.value)
    assert list(store.folder.iterdir()) == []


def test_has_snapshot_on_a_day(document: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 1, 23, 0, tzinfo=UTC))
    store = SnapshotStore(document, clock=clock)
    assert not store.has_snapshot_on(clock.now)
    store.take("x", auto=True, reason="first edit of the day")
    assert store.has_snapshot_on(clock.now)
    clock.advance(hours=2)
    assert not store.has_snapshot_on(clock.now)


def test_a_large_snapshot_from_lines_round_trips_and_is_checked_whole(document: Path) -> None:
    """Several megabytes, given as lines (as the window does): exact, and a cut file is caught."""
    lines = [f"第{i}段 paragraph {i} with some words 😀" for i in range(60_000)]
    store = SnapshotStore(document)
    info = store.take(lines, {}, name="big")
    assert info is not None and info.text_bytes > 2_000_000
    assert store.load(info).text == "\n".join(lines)
    assert info.digest == store.take("\n".join(lines), {}, name="same").digest
    data = info.path.read_bytes()
    info.path.write_bytes(data[:-1000])
    listing = store.list()
    assert [i.name for i in listing.snapshots] == ["same"]
    assert "truncated" in listing.problems[0]
