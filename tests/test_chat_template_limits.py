"""Chat templates that build a huge string inside the sandbox (issue 10, item 9: the size limit).

A template may not build a string or list over ``MAX_OUTPUT_CHARS`` anywhere, not
only in its output: through a filter (``replace``, ``join``, ``format`` ...), a string
method, ``+``, ``~`` or ``%``. Each such template is refused with the template error
before the string exists, and the chat falls back to the plain prompt, as the
engine's chat does with the model's template. No model is needed.
"""

from __future__ import annotations

import pytest

from writer.core.chat_prompt import ChatFormat, ChatMessage, build_prompt
from writer.core.chat_template import (
    MAX_OUTPUT_CHARS,
    ChatTemplate,
    ChatTemplateError,
    forget_broken_templates,
)

#: ``s`` has 3,000,000 characters (within the limit alone, over it three times over);
#: ``w`` is a width over the limit.
BIG = '{% set s = "x" * 3000000 %}{% set w = 9000000 %}'
#: The same builders with a small ``s`` and ``w`` stay within the limit and render.
SMALL = '{% set s = "x" * 1000 %}{% set w = 3000 %}'
#: The template keeps only the length of what it built: its output stays small.
SHOW = "{{ big | length }}{% for m in messages %}{{ m.role }}: {{ m.content }}\n{% endfor %}"
BUILDERS = {
    "replace filter": '{% set big = s | replace("x", "xyz") %}',
    "join filter": "{% set big = [s, s, s] | join %}",
    "join filter separator": '{% set big = ["a", "b"] | join(s ~ s ~ s) %}',
    "format filter": '{% set big = "%s%s%s" | format(s, s, s) %}',
    "center filter": "{% set big = s | center(w) %}",
    "indent filter": '{% set big = ("a\\n" * 3) | indent(s) %}',
    "replace method": '{% set big = s.replace("x", "xyz") %}',
    "join method": "{% set big = s.join([s, s]) %}",
    "format method": '{% set big = "{0}{0}{0}".format(s) %}',
    "ljust method": '{% set big = "x".ljust(w * 10) %}',
    "plus": "{% set big = s + s + s %}",
    "tilde": "{% set big = s ~ s ~ s %}",
    "percent width": '{% set big = ("%" ~ w ~ "s") % "x" %}',
    "tojson indent": "{% set big = messages | tojson(indent=w // 100000) %}",
}
MESSAGES = [ChatMessage("system", "Be brief."), ChatMessage("user", "Hi there")]


@pytest.fixture(autouse=True)
def _fresh_templates():
    forget_broken_templates()
    yield
    forget_broken_templates()


@pytest.mark.parametrize("builder", BUILDERS.values(), ids=BUILDERS.keys())
def test_a_huge_string_built_inside_the_template_is_refused(builder: str):
    template = ChatTemplate(BIG + builder + SHOW)
    with pytest.raises(ChatTemplateError, match="huge") as refused:
        template.render([message.to_dict() for message in MESSAGES])
    assert refused.value.permanent


@pytest.mark.parametrize("builder", BUILDERS.values(), ids=BUILDERS.keys())
def test_the_chat_falls_back_to_the_plain_prompt(builder: str):
    chat_format = ChatFormat(BIG + builder + SHOW, eos="</s>")
    prompt = build_prompt(MESSAGES, chat_format, lambda text: len(text.split()), 1000)
    assert prompt.text == "System: Be brief.\n\nUser: Hi there\n\nAssistant:"
    assert not prompt.templated
    assert "huge string" in prompt.fallback_reason


def test_the_same_builders_within_the_limit_still_render():
    for builder in BUILDERS.values():
        template = ChatTemplate(SMALL + builder + SHOW)
        rendered = template.render([message.to_dict() for message in MESSAGES])
        assert rendered.endswith("user: Hi there\n")
        assert int(rendered.split("system")[0]) < MAX_OUTPUT_CHARS
