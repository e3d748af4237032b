"""Chat prompts: the model's template, the plain fallback, dropping old turns; the prompt files."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from writer.core.chat_prompt import (
    ChatFormat,
    ChatMessage,
    ChatTurn,
    build_prompt,
    render_plain,
)
from writer.core.prompt_library import PromptError, PromptLibrary, detect_language, library

if TYPE_CHECKING:
    from pathlib import Path

CHATML = (
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + "
    "message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def words(text: str) -> int:
    """A stand-in tokenizer: one token per word."""
    return len(text.split())


def conversation(turns: int) -> list[ChatMessage]:
    messages = [ChatMessage("system", "Be brief.")]
    for i in range(turns):
        messages.append(ChatMessage("user", f"question {i} " + "word " * 20))
        messages.append(ChatMessage("assistant", f"answer {i} " + "word " * 20))
    messages.append(ChatMessage("user", "last question"))
    return messages


def test_template_renders_chatml():
    chat_format = ChatFormat(CHATML, eos="<|im_end|>")
    text = chat_format.render([ChatMessage("user", "Hi")])
    assert text == "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"
    assert chat_format.templated and chat_format.stop_strings == ("<|im_end|>",)


@pytest.mark.parametrize(
    ("template", "reason"),
    [
        (None, "no chat template"),
        ("{% for m in messages %}{{ m.content ", "broken"),
        ("{{ raise_exception('roles must alternate') }}", "failed"),
        ("{{ messages[0].content | no_such_filter }}", "broken"),
        ("{% for m in messages %}{{ m.__class__.__mro__ }}{% endfor %}", "failed"),
    ],
)
def test_missing_or_broken_template_falls_back_to_plain_text(template, reason):
    chat_format = ChatFormat(template, eos="</s>")
    messages = [ChatMessage("system", "Be brief."), ChatMessage("user", "Hi there")]
    prompt = build_prompt(messages, chat_format, words, 1000)
    assert prompt.text == "System: Be brief.\n\nUser: Hi there\n\nAssistant:"
    assert not prompt.templated and prompt.add_bos
    assert reason in prompt.fallback_reason
    assert "\nUser:" in prompt.stop_strings


def test_everything_fits_nothing_is_dropped():
    prompt = build_prompt(conversation(2), ChatFormat(CHATML), words, 10_000)
    assert prompt.dropped == 0 and "question 0" in prompt.text and "last question" in prompt.text


def test_oldest_turns_are_dropped_first_and_the_system_prompt_kept():
    messages = conversation(10)
    full = words(render_plain(messages))
    prompt = build_prompt(messages, ChatFormat(None), words, full // 2)
    assert prompt.tokens <= full // 2
    assert prompt.text.startswith("System: Be brief.")
    assert "question 0 " not in prompt.text and "question 9 " in prompt.text
    assert prompt.text.rstrip().endswith("User: last question\n\nAssistant:")
    # The prompt never opens with a reply: the first kept message is a question.
    assert prompt.text.split("\n\n")[1].startswith("User: question")


def test_once_dropping_the_start_stays_put_for_the_next_turns():
    messages = conversation(10)
    budget = words(render_plain(messages)) * 2 // 3
    first = build_prompt(messages, ChatFormat(None), words, budget)
    assert first.dropped > 0
    messages += [ChatMessage("assistant", "a short answer"), ChatMessage("user", "and then?")]
    second = build_prompt(messages, ChatFormat(None), words, budget, keep_from=first.dropped)
    assert second.dropped == first.dropped  # same start: llama.cpp reuses the cached prefix
    assert second.tokens <= budget


def test_a_single_message_too_long_is_cut_in_the_middle():
    question = "start " + "filler " * 5000 + "what is the theme?"
    prompt = build_prompt([ChatMessage("user", question)], ChatFormat(None), words, 500)
    assert prompt.shortened and prompt.tokens <= 500
    assert "start" in prompt.text and "what is the theme?" in prompt.text and "[…]" in prompt.text


def test_turns_round_trip_through_the_sidecar_format():
    turns = [
        ChatTurn("Who is Mara?", context="Mara stood at the window.", reply="A woman."),
        ChatTurn("Stopped before a reply"),
    ]
    stored = [item for turn in turns for item in turn.to_dicts()]
    assert stored[0] == {
        "role": "user",
        "content": "Who is Mara?",
        "context": "Mara stood at the window.",
    }
    back = ChatTurn.from_dicts([*stored, "garbage", {"role": "user"}])
    assert back == turns


def test_prompt_files_have_every_prompt_in_english_and_chinese():
    prompts = library()
    for name in (
        "chat",
        "ask",
        "summarize",
        "summarize_part",
        "summarize_combine",
        "rewrite",
        "expand",
        "shorten",
        "tone",
        "new_direction",
    ):
        english, chinese = prompts.get(name, "en"), prompts.get(name, "zh")
        assert english.system or english.user
        assert english.label != chinese.label
    assert {"formal", "friendly", "dramatic", "humorous"} <= set(prompts.tones("en"))
    assert prompts.tones("zh")["humorous"] == "幽默"
    messages = prompts.get("tone", "en").messages(text="It rained.", tone="dramatic")
    assert messages[0].role == "system" and "dramatic" in messages[1].content
    assert "It rained." in messages[1].content
    with pytest.raises(PromptError):
        prompts.get("no_such_prompt")


def test_a_users_prompt_file_overrides_the_shipped_one(tmp_path: Path):
    user = tmp_path / "prompts"
    user.mkdir()
    (user / "mine.toml").write_text(
        '[rewrite]\nuser.en = "Make it rhyme: {text}"\n', encoding="utf-8"
    )
    (user / "broken.toml").write_text("[[[", encoding="utf-8")
    from writer.core.prompt_library import prompt_folders

    prompts = PromptLibrary.load([*prompt_folders()[:1], user])
    assert prompts.get("rewrite").user == "Make it rhyme: {text}"
    assert prompts.get("shorten").user  # the others are still there


def test_language_detection():
    assert detect_language("The rain had not stopped for three days.") == "en"
    assert detect_language("雨已经下了三天，玛拉站在窗前。") == "zh"
    assert detect_language("他说：“OK, fine.” 然后离开了房间，再也没有回来。") == "zh"
