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

import threading
from collections import OrderedDict
from collections.abc import Callable

CONTEXT = "Messages"
#: How many made messages are remembered (the latest ones).
REMEMBERED = 2048

_made: OrderedDict[str, tuple[str, tuple[object, ...]]] = OrderedDict()
_lock = threading.Lock()

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:
    """Mark ``source_text`` for translation in ``context``; return it unchanged (for lupdate)."""
    return source_text


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
        translated = translate(CONTEXT, text)
        return translated or text
    template, values = made
    local = translate(CONTEXT, template) or template
    parts = [localize(v, translate) if isinstance(v, str) else v for v in values]
    try:
        return local.format(*parts) if values else local
    except (IndexError, KeyError, ValueError):
        return text
