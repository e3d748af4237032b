"""Every retry kept: the takes of a passage follow the document's edits (no model, no Qt)."""

from __future__ import annotations

from writer.core.takes import Passage, TakeHistory


class Doc:
    """A string with edits reported the way a text editor reports them."""

    def __init__(self, text: str, history: TakeHistory) -> None:
        self.text = text
        self.history = history

    def at(self, start: int, end: int) -> str:
        return self.text[start:end]

    def edit(self, position: int, removed: int, added: str) -> None:
        self.text = self.text[:position] + added + self.text[position + removed :]
        self.history.edited(position, removed, len(added), self.at)


def test_edits_before_move_the_passage_and_after_leave_it():
    history = TakeHistory()
    doc = Doc("Intro. Generated text. Outro.", history)
    passage = history.add_passage(7, ["Generated text."])
    doc.edit(0, 0, "An ")
    assert passage.start == 10 and doc.at(passage.start, passage.end) == "Generated text."
    doc.edit(len(doc.text), 0, " More.")
    doc.edit(passage.end, 0, "!")  # typing right after the passage is not inside it
    assert history.passages == [passage]


def test_an_edit_inside_drops_the_history_but_not_the_text():
    history = TakeHistory()
    doc = Doc("Intro. Generated text. Outro.", history)
    history.add_passage(7, ["Generated text.", "Another take."], current=0)
    doc.edit(10, 0, "x")
    assert history.passages == []
    assert doc.text == "Intro. Genxerated text. Outro."


def test_a_swap_and_its_undo_are_recognised():
    history = TakeHistory()
    doc = Doc("Intro. First take.", history)
    passage = history.add_passage(7, ["First take."])
    history.add_take(passage, "Second, longer take.")
    doc.edit(7, len("First take."), "Second, longer take.")  # what Regenerate wrote
    assert passage.label() == "‹ 2/2 ›"
    previous = history.neighbour(passage, -1)
    assert previous == "First take."
    doc.edit(7, len(passage.text), previous)  # the swap
    assert passage.current == 0
    doc.edit(7, len("First take."), "Second, longer take.")  # its undo
    assert history.passages == [passage] and passage.current == 1


def test_history_round_trips_and_drops_what_is_gone():
    history = TakeHistory()
    text = "Intro. First take. Outro."
    passage = history.add_passage(7, ["Old take.", "First take."], current=1)
    data = history.to_json()
    again = TakeHistory.from_json(data, lambda s, e: text[s:e])
    assert [p.to_json() for p in again.passages] == [passage.to_json()]
    changed = "Intro. Edited take. Outro."
    assert TakeHistory.from_json(data, lambda s, e: changed[s:e]).passages == []
    assert Passage.from_json({"start": -1, "takes": ["x"]}) is None
    assert TakeHistory.from_json("junk", lambda s, e: "").passages == []
