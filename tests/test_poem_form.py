"""Chinese poem forms check their line lengths; core messages follow the interface language."""

from __future__ import annotations

from writer.core.localized import localize, message
from writer.core.poem_form import check_form, han_count
from writer.core.templates import load_templates


def test_line_lengths_count_han_characters_only():
    """Punctuation and Latin do not count; every Han character does."""
    assert han_count("朝辞白帝彩云间，") == 7
    assert han_count("1. 千里 river 江陵") == 4


def test_a_kept_qiyan_jueju_passes_and_a_missed_one_says_where():
    """Seven characters in each of four lines is the form; the report names the lines off."""
    poem = "朝辞白帝彩云间，\n千里江陵一日还。\n两岸猿声啼不住，\n轻舟已过万重山。"
    check = check_form(poem, 7, 4)
    assert check.ok and check.lengths == (7, 7, 7, 7)
    assert "7 7 7 7" in check.report()
    missed = check_form("白日依山尽，\n黄河入海流。\n欲穷千里目，\n更上一层楼。", 7, 4)
    assert not missed.ok and missed.wrong_lines == (1, 2, 3, 4)
    assert "5 5 5 5" in missed.report() and "7" in missed.report()
    short = check_form("朝辞白帝彩云间，\n千里江陵一日还。", 7, 4)
    assert not short.ok and "2 lines instead of 4" in short.report()


def test_poem_template_knows_the_characters_of_its_chinese_forms():
    """七言绝句 has 4 lines of 7, 五言律诗 8 lines of 5; a sonnet has no character count."""
    poem = load_templates().get("poem")
    assert poem is not None
    assert poem.line_characters({"form": "qiyan_jueju"}) == 7
    assert poem.line_count({"form": "qiyan_jueju"}) == 4
    assert poem.line_characters({"form": "wuyan_lushi"}) == 5
    assert poem.line_characters({"form": "sonnet"}) is None


def test_made_messages_come_back_in_the_interface_language():
    """A message made in the core is composed again from its translated template."""
    text = message("Could not load {0}: damaged.", "a.gguf")
    assert text == "Could not load a.gguf: damaged."
    table = {"Could not load {0}: damaged.": "无法加载 {0}：文件已损坏。"}

    def translate(_context: str, source: str) -> str:
        return table.get(source, source)

    assert localize(text, translate) == "无法加载 a.gguf：文件已损坏。"
    assert localize("plain words", translate) == "plain words"


def test_engine_and_hub_messages_come_back_translated_from_the_catalogue():
    """Messages the code composes in English are matched to a template and translated."""
    table = {
        "Could not load {0}: the file is damaged, truncated, or made for a newer llama.cpp. "
        "Download it again or choose another model.": "无法加载 {0}：文件已损坏。",
        "Cannot save {0}: {1}; {2}.": "无法保存 {0}：{1}；{2}。",
        "the disk is full": "磁盘已满",
        "the file on disk is unchanged": "磁盘上的文件未改动",
    }

    def translate(_context: str, source: str) -> str:
        return table.get(source, source)

    damaged = (
        "Could not load x.gguf: the file is damaged, truncated, or made for a newer "
        "llama.cpp. Download it again or choose another model."
    )
    assert localize(damaged, translate) == "无法加载 x.gguf：文件已损坏。"
    saved = "Cannot save a.txt: the disk is full; the file on disk is unchanged."
    assert localize(saved, translate) == "无法保存 a.txt：磁盘已满；磁盘上的文件未改动。"
