"""Continue finishes its sentence within a small allowance (issue 11, item 5), core part."""

from __future__ import annotations

from writer.core.passage_end import PassageEnd, allowance_for, ends_cleanly


def run(pieces: list[str], length: int, *, model_ended: bool = False) -> tuple[str, bool]:
    out: list[str] = []
    end = PassageEnd(out.append, length)
    for piece in pieces:
        if end.feed(piece):
            break
    else:
        end.finish(model_ended=model_ended)
    return "".join(out), end.done


def test_past_the_length_it_stops_at_the_sentence_end():
    pieces = ["She", " put", " his", " hand", " on", " his", " shoulder", ".", " Then", " she"]
    text, done = run(pieces, 5)
    assert text == "She put his hand on his shoulder." and done


def test_closing_quotes_stay_with_the_sentence():
    text, done = run(["He", " said", ",", ' "Go', '."', " She", " went"], 3)
    assert text == 'He said, "Go."' and done


def test_a_line_break_ends_a_line_of_verse():
    text, done = run(["The", " moon", " rose", " high", "\n", "And"], 3)
    assert text == "The moon rose high" and done


def test_when_the_allowance_runs_out_no_word_is_cut():
    text, done = run(["An", " endless", " run", " on", " and", " on", " wit"], 3)
    assert text == "An endless run on and on " and not done


def test_chinese_ends_at_its_full_stop():
    text, done = run(["她", "走", "进", "房间", "。", "然后"], 2)
    assert text == "她走进房间。" and done


def test_already_clean_at_the_length_stops_there():
    text, done = run(["It", " rained", ".", " Then"], 3)
    assert text == "It rained." and done


def test_helpers():
    assert allowance_for(200) == 50 and allowance_for(10) == 16 and allowance_for(2000) == 64
    assert ends_cleanly("Hello.") and ends_cleanly("line\n") and not ends_cleanly("on his")
