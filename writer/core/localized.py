"""Messages made in plain Python that the interface shows in its own language.

Plain Python, no Qt. The core, the engine and the hub compose their messages
in English (the command line prints them as they are), but through
:func:`message`, which remembers the template and the values of every message
it made. The GUI passes any text it is about to show through :func:`localize`
with Qt's translate function: a text made by :func:`message` comes back in the
interface language, composed again from its translated template, also after a
language switch. Templates are marked with :func:`QT_TRANSLATE_NOOP` in the
``Messages`` context, so ``python -m writer.i18n update`` extracts them.
"""

from __future__ import annotations

import re
import string
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import cache

from writer.core.message_catalogue import PHRASES, QT_TRANSLATE_NOOP, TEMPLATES, TOML_PHRASES

CONTEXT = "Messages"
#: How many made messages are remembered (the latest ones).
REMEMBERED = 2048

_made: OrderedDict[str, tuple[str, tuple[object, ...]]] = OrderedDict()
_lock = threading.Lock()

Translate = Callable[[str, str], str]
__all__ = ["QT_TRANSLATE_NOOP", "Translate", "localize", "message"]


def message(template: str, *values: object) -> str:
    """Return ``template`` filled with ``values`` ({0}, {1} …), remembered for :func:`localize`."""
    text = template.format(*values) if values else template
    with _lock:
        _made[text] = (template, values)
        _made.move_to_end(text)
        while len(_made) > REMEMBERED:
            _made.popitem(last=False)
    return text


def localize(text: str, translate: Translate) -> str:
    """Return ``text`` in the interface language when it was made by :func:`message`.

    ``translate(context, source)`` is Qt's ``QCoreApplication.translate``. A
    value that is itself a made message is localized too; other texts come back
    as they are (a file name, a library's own words).
    """
    with _lock:
        made = _made.get(text)
    if made is None:
        lines = text.split("\n")
        if len(lines) > 1:
            return "\n".join(localize(line, translate) for line in lines)
        made = _from_catalogue(text)
        if made is None:
            return translate(CONTEXT, text) or text
    template, values = made
    local = translate(CONTEXT, template) or template
    parts = [localize(v, translate) if isinstance(v, str) else v for v in values]
    try:
        return local.format(*parts) if values else local
    except (IndexError, KeyError, ValueError):
        return text


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Return a pattern for each catalogue template with values, the most specific first."""
    found: list[tuple[int, re.Pattern[str], str]] = []
    for template in (*TEMPLATES, *PHRASES, *TOML_PHRASES):
        parts = list(string.Formatter().parse(template))
        if all(name is None for _literal, name, _spec, _conv in parts):
            continue  # a fixed text: translated as it is
        regex = "".join(
            re.escape(literal) + ("(.+?)" if name is not None else "")
            for literal, name, _spec, _conv in parts
        )
        fixed = sum(len(literal) for literal, *_rest in parts)
        found.append((fixed, re.compile(f"^{regex}$", re.DOTALL), template))
    found.sort(key=lambda item: -item[0])
    return tuple((pattern, template) for _fixed, pattern, template in found)


def _from_catalogue(text: str) -> tuple[str, tuple[object, ...]] | None:
    """Return (template, values) of a catalogue message that ``text`` is, if any."""
    for pattern, template in _patterns():
        match = pattern.match(text)
        if match:
            order = [
                int(name)
                for _l, name, _s, _c in string.Formatter().parse(template)
                if name is not None
            ]
            values: list[object] = [""] * (max(order) + 1)
            for index, value in zip(order, match.groups(), strict=True):
                values[index] = value
            return template, tuple(values)
    return None
