"""The lorebook: which entries a story's recent text triggers, the budget, storage, imports."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest

from writer.core.lore import (
    LoreEntry,
    load_lorebook,
    match_entries,
    project_file,
    save_document_lore,
    save_project_lore,
    select_entries,
)
from writer.core.lore_formats import LoreFormatError, parse_lore, read_lore_file

if TYPE_CHECKING:
    from pathlib import Path


def count_words(text: str) -> int:
    """A stand-in tokenizer: one token per word, CJK character or punctuation mark."""
    return len(re.findall(r"[\u4e00-\u9fff]|\w+|[^\w\s]", text))


MARA = LoreEntry("Mara", ("Mara", "keeper's daughter"), "Mara is stubborn and brave.", 5)
SHIP = LoreEntry("The Albatross", ("Albatross",), "A wrecked brig from Hull.", 1)
LIGHT = LoreEntry("灯塔", ("灯塔",), "灯塔建于1850年。", 0)
COAST = LoreEntry("Coast", (), "A storm coast in the 1890s.", 0, always=True)


def titles(triggers) -> list[str]:
    return [t.entry.title for t in triggers]


def test_english_keys_match_whole_words_ignoring_case():
    assert titles(match_entries([MARA], "Then MARA's boat came in.")) == ["Mara"]
    assert titles(match_entries([MARA], "The Marathon of the sea.")) == []
    assert titles(match_entries([MARA], "the keeper's daughter waved")) == ["Mara"]


def test_chinese_keys_match_as_substrings():
    assert titles(match_entries([LIGHT], "他走进灯塔守护人的小屋。")) == ["灯塔"]
    assert titles(match_entries([LIGHT], "他走进小屋。")) == []


def test_regex_keys_and_always_entries():
    ghost = LoreEntry("Ghost", ("/gh?osts?/i",), "The ghost walks at night.")
    found = match_entries([ghost, COAST], "Two GHOSTS stood there.")
    assert titles(found) == ["Ghost", "Coast"]
    assert found[1].why == "always included"
    broken = LoreEntry("Broken", ("/([/",), "never")
    assert match_entries([broken], "([ anything") == []


def test_budget_cuts_by_priority_and_keeps_first_come_order():
    text = "Mara saw the Albatross."
    triggers = match_entries([SHIP, MARA, COAST], text)
    each = {e.title: count_words(f"[{e.title}: {e.content}]\n") for e in (SHIP, MARA, COAST)}
    order: dict[str, int] = {}
    selection = select_entries(triggers, each["Coast"] + each["Mara"], count_words, order=order)
    assert [t.entry.title for t, _ in selection.kept] == ["Coast", "Mara"]
    assert [t.entry.title for t, _ in selection.cut] == ["The Albatross"]
    # More room: the new entry goes after those already in the prompt (their cache stays).
    selection = select_entries(triggers, 1000, count_words, order=order)
    assert [t.entry.title for t, _ in selection.kept] == ["Coast", "Mara", "The Albatross"]


def test_document_and_project_lore_are_stored_and_merged(tmp_path: Path):
    document = tmp_path / "chapter1.md"
    document.write_text("Once.", encoding="utf-8")
    save_project_lore(document, [MARA, SHIP])
    save_document_lore(document, [LoreEntry("Mara", ("Mara",), "Here Mara is nine years old.")])
    book = load_lorebook(document)
    assert [e.title for e in book.entries()] == ["Mara", "The Albatross"]
    assert book.entries()[0].content == "Here Mara is nine years old."
    other = tmp_path / "chapter2.md"
    assert [e.title for e in load_lorebook(other).entries()] == ["Mara", "The Albatross"]
    assert project_file(other).exists()


KOBOLD = [
    {
        "key": "Mara, keeper's daughter",
        "keysecondary": "",
        "content": "Mara is stubborn.",
        "comment": "Mara",
        "folder": None,
        "selective": False,
        "constant": False,
    },
    {
        "key": "coast",
        "keysecondary": "",
        "content": "A storm coast.",
        "comment": "Coast",
        "folder": None,
        "selective": False,
        "constant": True,
    },
    {
        "key": "/gh?osts?/i",
        "keysecondary": "",
        "content": "Ghosts walk.",
        "comment": "",
        "folder": None,
        "selective": False,
        "constant": False,
    },
]
TAVERN = {
    "entries": {
        "0": {
            "uid": 0,
            "key": ["Mara", "keeper's daughter"],
            "keysecondary": [],
            "comment": "Mara",
            "content": "Mara is stubborn.",
            "constant": False,
            "selective": True,
            "order": 100,
            "position": 0,
            "disable": False,
        },
        "1": {
            "uid": 1,
            "key": ["coast"],
            "keysecondary": [],
            "comment": "Coast",
            "content": "A storm coast.",
            "constant": True,
            "selective": True,
            "order": 100,
            "position": 0,
            "disable": False,
        },
        "2": {
            "uid": 2,
            "key": ["/gh?osts?/i"],
            "keysecondary": [],
            "comment": "",
            "content": "Ghosts walk.",
            "constant": False,
            "selective": True,
            "order": 100,
            "position": 0,
            "disable": False,
        },
    }
}


def test_koboldai_and_sillytavern_world_info_give_the_same_entries(tmp_path: Path):
    kobold = tmp_path / "kobold.json"
    kobold.write_text(json.dumps(KOBOLD), encoding="utf-8")
    tavern = tmp_path / "tavern.json"
    tavern.write_text(json.dumps(TAVERN), encoding="utf-8")
    from_kobold = read_lore_file(kobold)
    assert from_kobold == read_lore_file(tavern)
    assert from_kobold[0] == LoreEntry("Mara", ("Mara", "keeper's daughter"), "Mara is stubborn.")
    assert from_kobold[1].always and from_kobold[2].keys == ("/gh?osts?/i",)
    united = {
        "folders": {"root": []},
        "entries": {
            "0": {
                "uid": 0,
                "title": "Mara",
                "key": ["Mara", "keeper's daughter"],
                "content": "Mara is stubborn.",
                "constant": False,
                "type": "wi",
            }
        },
    }
    assert parse_lore(united)[0] == from_kobold[0]


def test_writer_json_round_trips_and_bad_files_say_why(tmp_path: Path):
    from writer.core.lore import write_lore_file

    path = tmp_path / "book.json"
    write_lore_file(path, [MARA, LIGHT, COAST])
    assert read_lore_file(path) == [MARA, LIGHT, COAST]
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LoreFormatError, match="not valid JSON"):
        read_lore_file(path)
    path.write_text('{"entries": []}', encoding="utf-8")
    with pytest.raises(LoreFormatError, match="no lorebook entries"):
        read_lore_file(path)
