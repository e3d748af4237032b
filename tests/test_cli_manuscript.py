"""`writer export` and `writer snapshot`: files, JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import docx

if TYPE_CHECKING:
    from pathlib import Path


def run_writer(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "writer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


def test_export_docx(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("# One\n\nFirst.\n\n# Two\n\nSecond.\n", encoding="utf-8")
    out = tmp_path / "story.docx"
    result = run_writer("export", str(story), "--to", "docx", "-o", str(out), "--author", "Ann")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    document = docx.Document(str(out))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == ["One", "Two"]
    assert document.core_properties.title == "story"


def test_export_format_from_the_name_and_usage_errors(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("Text.\n", encoding="utf-8")
    assert run_writer("export", str(story), "-o", str(tmp_path / "s.epub")).returncode == 0
    assert (tmp_path / "s.epub").is_file()
    result = run_writer("export", str(story), "-o", str(tmp_path / "s.xyz"))
    assert result.returncode == 2 and "--to" in result.stderr
    assert run_writer("export", str(story), "--to", "pdf").returncode == 2


def test_export_failure_is_one_line(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("Text.\n", encoding="utf-8")
    result = run_writer("export", str(story), "-o", str(tmp_path / "missing" / "s.docx"))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "does not exist" in result.stderr


def test_snapshot_take_and_list(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("第一稿。\n", encoding="utf-8")
    assert run_writer("snapshot", str(story), "--name", "初稿").returncode == 0
    story.write_text("第二稿。\n", encoding="utf-8")
    assert run_writer("snapshot", str(story)).returncode == 0
    result = run_writer("snapshot", "list", str(story), "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [set(item) for item in listed] == [{"name", "time", "auto"}] * 2
    assert [item["name"] for item in listed] == ["", "初稿"]
    assert listed[0]["auto"] is False
    shown = run_writer("snapshot", "show", str(story), "初稿")
    assert shown.stdout == "第一稿。\n"


def test_a_snapshot_from_the_command_line_keeps_each_lines_ending(tmp_path: Path) -> None:
    from writer.manuscript.snapshots import SnapshotStore

    story = tmp_path / "mixed.txt"
    story.write_bytes(b"one\ntwo\r\nthree\n")
    assert run_writer("snapshot", str(story)).returncode == 0
    [info] = SnapshotStore(story).list().snapshots
    snapshot = SnapshotStore(story).load(info)
    assert snapshot.text == "one\ntwo\nthree\n" and snapshot.line_ends == {1: "\r\n"}


def test_snapshot_list_skips_a_damaged_file(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("Text.\n", encoding="utf-8")
    assert run_writer("snapshot", str(story), "--name", "good").returncode == 0
    folder = tmp_path / ".story.md.snapshots"
    (folder / "20200101T000000_000000-auto-abcdef.snapshot.gz").write_bytes(b"\x1f\x8b broken")
    result = run_writer("snapshot", "list", str(story), "--json")
    assert result.returncode == 0
    assert [item["name"] for item in json.loads(result.stdout)] == ["good"]
    assert "damaged" in result.stderr and "Traceback" not in result.stderr


def test_snapshot_of_a_missing_file_exits_1(tmp_path: Path) -> None:
    result = run_writer("snapshot", str(tmp_path / "nope.md"))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1


def test_bench_has_snapshot_and_export_sections() -> None:
    from writer.bench.sections import SECTIONS

    assert {"snapshot", "export"} <= set(SECTIONS)
