"""``writer summarize FILE``: the summary on stdout, progress on stderr, one-line failures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from writer.cli import main

if TYPE_CHECKING:
    from pathlib import Path

PARAGRAPH = (
    "The lighthouse keeper had not spoken to anyone in three weeks. Each morning he climbed "
    "the spiral stairs, wiped the salt from the great lens, and wrote one line in the logbook."
)


def test_summarize_a_short_file(tmp_path: Path, model_path: Path, capsys):
    document = tmp_path / "note.md"
    document.write_text(PARAGRAPH, encoding="utf-8")
    code = main(
        [
            "summarize",
            str(document),
            "--model",
            str(model_path),
            "--max-tokens",
            "24",
            "--seed",
            "3",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert out.strip() and PARAGRAPH not in out
    assert "Loading" in err and "part" not in err


def test_summarize_a_long_file_in_parts(tmp_path: Path, model_path: Path, capsys):
    document = tmp_path / "long.md"
    document.write_text("\n\n".join(f"Day {i}. {PARAGRAPH}" for i in range(64)), encoding="utf-8")
    code = main(
        [
            "summarize",
            str(document),
            "--model",
            str(model_path),
            "--ctx",
            "1024",
            "--max-tokens",
            "16",
            "--seed",
            "3",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert "Summarizing part 1 of" in err and "Combining the part summaries" in err
    assert err.index("part 1 of") < err.index("part 2 of") < err.index("Combining")
    assert out.strip() and "Day 3." not in out


def test_missing_and_empty_files(tmp_path: Path, capsys):
    assert main(["summarize", str(tmp_path / "nope.md")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("writer:") and len(err.strip().splitlines()) == 1
    empty = tmp_path / "empty.md"
    empty.write_text("  \n", encoding="utf-8")
    assert main(["summarize", str(empty)]) == 0
    assert "nothing to summarize" in capsys.readouterr().err
