"""Which automatic snapshots to let go, so months of work keep a useful trail.

The rule: every automatic snapshot of the last day is kept; older than a day
and up to a month, the newest of each calendar day; older than a month, the
newest of each ISO week. Named snapshots are never thinned. Calendar days and
weeks are those of the clock's timezone, so "one a day" means the writer's day.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from writer.manuscript.snapshots import SnapshotInfo

KEEP_ALL = timedelta(days=1)
KEEP_DAILY = timedelta(days=30)


def _bucket(time: datetime, now: datetime) -> tuple[object, ...] | None:
    """Return the bucket of a snapshot taken at ``time`` (None: always kept)."""
    age = now - time
    if age < KEEP_ALL:
        return None
    local = time.astimezone(now.tzinfo)
    if age < KEEP_DAILY:
        return ("day", local.date())
    year, week, _ = local.isocalendar()
    return ("week", year, week)


def snapshots_to_remove(snapshots: Sequence[SnapshotInfo], now: datetime) -> list[SnapshotInfo]:
    """Return the automatic snapshots the rule lets go (the newest of each bucket stays)."""
    kept: dict[tuple[object, ...], SnapshotInfo] = {}
    remove: list[SnapshotInfo] = []
    for info in sorted(snapshots, key=lambda item: item.time, reverse=True):
        if not info.auto:
            continue
        bucket = _bucket(info.time, now)
        if bucket is None:
            continue
        if bucket in kept:
            remove.append(info)
        else:
            kept[bucket] = info
    return remove
