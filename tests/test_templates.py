"""Templates as data: the built-in set, user templates, broken files, fields, poem lines."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from writer.config import user_templates_dir
from writer.core.poem_lines import PoemLineFilter, count_lines
from writer.core.templates import LANGUAGES, load_templates
from writer.errors import TemplateError

if TYPE_CHECKING:
    from pathlib import Path

REQUIRED = {
    "poem",
    "screenplay_scene",
    "stage_play_scene",
    "story_opening",
    "character_sketch",
    "dialogue",
    "letter",
    "blog_post",
    "customer_reply",
}


def user_template(name: str, text: str) -> Path:
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD_USER_TEMPLATE = """\
name = { en = "Haiku of the day", zh = "每日俳句" }
description = "A haiku."
kind = "poem"
lines = 3

[[fields]]
key = "topic"
label = { en = "Topic", zh = "主题" }
default = { en = "rain", zh = "雨" }

[prompt.en]
instruction = "Write a haiku about {topic}."

[prompt.zh]
instruction = "写一首关于{topic}的俳句。"
"""


def test_every_builtin_template_loads_and_renders_with_defaults():
    library = load_templates()
    assert library.errors == []
    assert set(library.ids()) >= REQUIRED
    for template in library.templates:
        assert template.builtin and template.path is not None
        for lang in LANGUAGES:
            assert template.name_in(lang) and template.description_in(lang)
            defaults = template.defaults(lang)
            for chat in (True, False):
                prompt = template.render({}, lang, chat=chat)
                assert prompt.text.strip(), (template.id, lang, chat)
                assert not re.search(r"\{\w+\}", prompt.text + prompt.system), template.id
                for spec in template.fields:
                    if spec.type == "text" and chat:
                        assert str(defaults[spec.key]) in prompt.text, (template.id, spec.key)
    # Each language is written in its own language.
    poem = library.get("poem")
    assert "Write" in poem.render({}, "en").text
    assert "写" in poem.render({}, "zh").text


def test_names_in_both_languages_find_a_template():
    library = load_templates()
    assert library.get("Poem").id == "poem"
    assert library.get("诗歌").id == "poem"
    assert library.get("Screenplay scene").kind == "screenplay"
    assert library.get("stage_play_scene").kind == "stage_play"
    assert library.get("no such template") is None


@pytest.mark.parametrize(
    ("form", "lines"),
    [
        ("sonnet", 14),
        ("rhymed_quatrain", 4),
        ("haiku", 3),
        ("七言绝句", 4),
        ("五言律诗", 8),
        ("free_verse", None),
        ("现代诗", None),
    ],
)
def test_poem_forms_set_their_line_count(form: str, lines: int | None):
    poem = load_templates().get("poem")
    values = poem.resolve({"form": form}, "zh")
    assert poem.line_count(values) == lines


def test_field_values_are_checked():
    library = load_templates()
    poem = library.get("poem")
    with pytest.raises(TemplateError, match="no choice 'limerick'"):
        poem.render({"form": "limerick"}, "en")
    with pytest.raises(TemplateError, match="no field 'colour'"):
        poem.render({"colour": "red"}, "en")
    blog = library.get("blog_post")
    with pytest.raises(TemplateError, match="whole number"):
        blog.render({"words": "many"}, "en")
    with pytest.raises(TemplateError, match="at least 100"):
        blog.render({"words": "5"}, "en")
    text = blog.render({"words": "250", "topic": "tea"}, "en").text
    assert "250 words" in text and "tea" in text
    assert "十四行诗" in poem.render({"form": "Sonnet"}, "zh").text


def test_broken_user_template_is_reported_with_file_and_line_and_the_rest_load():
    broken = user_template("broken.toml", 'name = "Broken"\nkind = "poem"\nlines = = 4\n')
    unknown = user_template(
        "unknown_field.toml",
        'name = "Odd"\n\n[prompt.en]\ninstruction = "Write about {missing}."\n',
    )
    user_template("haiku_day.toml", GOOD_USER_TEMPLATE)
    library = load_templates()
    errors = {error.path.name: error for error in library.errors}
    assert set(errors) == {"broken.toml", "unknown_field.toml"}
    assert errors["broken.toml"].path == broken and errors["broken.toml"].line == 3
    assert str(errors["broken.toml"]).startswith(f"{broken}:3: ")
    assert errors["unknown_field.toml"].line == 4
    assert "{missing}" in str(errors["unknown_field.toml"]) and str(unknown) in str(
        errors["unknown_field.toml"]
    )
    assert set(library.ids()) >= REQUIRED
    mine = library.get("haiku_day")
    assert not mine.builtin and mine.lines == 3
    assert mine.render({}, "zh").text == "写一首关于雨的俳句。"
    assert mine.render({}, "en", chat=False).text == "Write a haiku about rain."


def test_a_user_template_overrides_a_builtin_one_by_file_name():
    user_template("letter.toml", GOOD_USER_TEMPLATE)
    library = load_templates()
    letter = library.get("letter")
    assert not letter.builtin and letter.name_in("en") == "Haiku of the day"
    assert library.ids().count("letter") == 1


def test_poem_filter_stops_after_the_nth_line_and_ends_at_its_end():
    stream = (
        "Here is a quatrain about the sea:\n\n**The Sea**\n"
        "Waves fold the light\nover the sleeping stones\n\n"
        "the moon keeps count\nof every tide it owns\nA fifth line\n"
    )
    poem = PoemLineFilter(4)
    out = "".join(poem.feed(ch) for ch in stream) + poem.flush()
    assert out == (
        "Waves fold the light\nover the sleeping stones\n\n"
        "the moon keeps count\nof every tide it owns"
    )
    assert poem.done and poem.count == 4 and count_lines(out) == 4


def test_poem_filter_without_a_limit_keeps_lines_and_one_blank_between_stanzas():
    poem = PoemLineFilter(None)
    out = poem.feed("one\ntwo\n\n\n\nthree\n(This is a poem with three lines.)\nfour")
    out += poem.flush()
    assert out == "one\ntwo\n\nthree\nfour"
    assert not poem.done and poem.missing == 0
