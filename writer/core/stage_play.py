"""Stage plays: a model's scene cleaned into one consistent play layout, and laid out as HTML.

Plain Python, no Qt. Small models write a scene as "NAME: words" lines mixed
with bracketed, bare or Markdown-decorated stage directions.
:class:`StagePlayCleaner` turns that, as it streams, one whole line at a time,
into a play script in Fountain form, so the editor's highlighter, the
``.fountain`` export and :func:`writer.core.fountain.parse_fountain` read it
as they read a screenplay:

- a character's name in capitals on a line of its own (a Chinese name is
  forced with ``@``), the words on the lines below it, and a delivery note
  such as ``(quietly)`` between the two;
- every stage direction in parentheses, as a paragraph of its own, apart from
  the speeches (``（…）`` in a Chinese play);
- "ACT ONE", "Scene 2", "第一幕" as headings (forced with ``.``);
- a chat model's "Here is the scene:" and "I hope you enjoy it!" left out.

:func:`stage_play_to_html` lays such a script out as a play (names centred in
capitals, directions in italics) and :func:`export_stage_play` writes it as
Fountain or as that HTML.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from writer.core.fountain import (
    LineCleaner,
    export_script,
    parse_fountain,
    script_page,
    unquote,
)
from writer.core.poem_lines import is_preamble

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

_NUMBER = r"(?:\d+|[IVXLC]+|one|two|three|four|five|six|seven|eight|nine|ten)"
_ACT = re.compile(
    rf"^(?P<head>(?:act|scene)\s+{_NUMBER})\b\s*[:.,\-–—]?\s*(?P<rest>.*)$", re.IGNORECASE
)
_ZH_ACT = re.compile(
    r"^(?P<head>第[一二三四五六七八九十百零\d]+[幕场])\s*[:：.、，,]?\s*(?P<rest>.*)$"
)
#: "Setting: …", "人物：…": a label whose text is a stage direction, not a speech.
_LABEL = re.compile(
    r"^(?:setting|scene|place|time|location|characters?|cast|stage directions?|at rise"
    r"|场景|地点|时间|人物|布景|舞台提示|幕启)\s*[:：]\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_TITLE = re.compile(r"^(?:title|剧名|标题)\s*[:：]\s*(?P<rest>\S.*)$", re.IGNORECASE)
#: "NAME: words", "NAME (aside): words" (a colon between digits, as in 08:52, is no cue's).
_INLINE = re.compile(
    r"^(?P<name>[^:：()（）\[\]【】\"“]{1,32}?)\s*(?P<note>[(（][^)）]{1,40}[)）])?\s*"
    r"(?:：|:(?!\d))\s*(?P<speech>.*)$"
)
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'.\-]*(?: [A-Z][A-Za-z'.\-]*){0,3}$")
_CJK_NAME = re.compile(r"^[\u3400-\u9fff·]{1,6}$")
_UPPER_CUE = re.compile(r"^(?P<name>[A-Z][A-Z'.\- ]{0,30}?)\s*(?:\((?P<note>[^)]{1,40})\))?$")
_BRACKETED = re.compile(r"^[(（\[【](?P<inner>.*)[)）\]】]$")
_LEADING_NOTE = re.compile(r"^[(（\[](?P<note>[^)）\]]{1,60})[)）\]]\s*(?P<rest>.*)$")
_BUSINESS = re.compile(r"(?<![\w*])\*(?P<act>[^*\n]{1,60})\*(?![\w*])")
_CHATTER = re.compile(
    r"^(i hope\b|hope you\b|let me know\b|feel free\b|this scene\b|in this scene\b|希望你|希望这)",
    re.IGNORECASE,
)
#: Words that end or break a scene: directions, never character names.
_STAGE_WORDS = {
    "curtain",
    "blackout",
    "the end",
    "end",
    "end of scene",
    "end of act",
    "end of play",
    "lights up",
    "lights down",
    "lights fade",
    "darkness",
    "silence",
    "pause",
    "fade out",
    "fade in",
    "intermission",
    "幕落",
    "落幕",
    "剧终",
    "全剧终",
    "灯暗",
    "暗场",
    "停顿",
    "沉默",
    "静场",
}
_NOT_NAMES = {
    "note",
    "notes",
    "title",
    "scene",
    "setting",
    "time",
    "place",
    "location",
    "characters",
    "cast",
    "summary",
    "description",
    "act",
    "author",
    "注",
    "标题",
    "背景",
    "剧名",
    "角色",
    "场景",
    "时间",
    "地点",
    "人物",
}


def _has_latin(text: str) -> bool:
    """Return whether ``text`` has a Latin letter (else it is written in Chinese)."""
    return bool(re.search(r"[A-Za-z]", text))


def _tidy(raw: str) -> str:
    """Return a line without Markdown decoration: bold, headings, quote marks, list bullets."""
    text = raw.replace("**", "").replace("__", "").strip()
    text = re.sub(r"^(?:#+|>)\s*", "", text)
    text = re.sub(r"^[-•]\s+(?=\S)", "", text)
    wrapped = re.fullmatch(r"([*_])(.+)\1", text)
    return (wrapped.group(2) if wrapped else text).strip()


def _cue(name: str) -> str | None:
    """Return the character cue for ``name`` (capitals, or ``@`` + a Chinese name), or None."""
    name = name.strip().strip("*_ ")
    if not name or name.casefold() in _NOT_NAMES or name.casefold() in _STAGE_WORDS:
        return None
    if _CJK_NAME.match(name):
        return "@" + name
    if _LATIN_NAME.match(name) or _UPPER_CUE.match(name):
        return name.upper()
    return None


def _direction(inner: str) -> str:
    """Return a stage direction in parentheses (full-width ones in a Chinese play)."""
    inner = inner.strip().strip("()（）[]【】").strip()
    if inner.isupper():
        inner = inner.capitalize()  # "BLACKOUT." reads as a direction, not a shout
    return f"({inner})" if _has_latin(inner) else f"（{inner}）"


def _note(text: str) -> str:
    """Return a delivery note ("quietly") in round ASCII brackets, as Fountain reads them."""
    return "(" + text.strip().strip("()（）[]").strip() + ")"


class StagePlayCleaner(LineCleaner):
    """Cleans streamed stage-play text into the play layout, one whole line at a time."""

    def __init__(self) -> None:
        super().__init__()
        self._elements = 0
        self._in_speech = False  # inside a character's block (name, note, words)
        self._spoken = False  # the block has words already
        self._names: set[str] = set()  # Chinese names seen, so one alone on a line is a cue
        self._cue = ""  # a name waiting for its words (a name with nothing to say is left out)
        self._gap = False  # the line before this one was blank

    def _emit(self, kind: str, text: str) -> str:
        """Return ``text`` after the line breaks its ``kind`` needs (one inside a block).

        A cue is held until its first words or note arrive, so every name in the
        play has something under it.
        """
        if kind == "cue":
            self._cue = text
            self._in_speech, self._spoken = True, False
            return ""
        out = ""
        if self._cue:
            cue, self._cue = self._cue, ""
            if kind in ("note", "speech"):
                out = self._emit("held", cue)
        if not self._elements:
            separator = ""
        elif kind in ("note", "speech") and self._in_speech:
            separator = "\n"
        else:
            separator = "\n\n"
        self._elements += 1
        if kind == "speech":
            self._spoken = True
        elif kind not in ("note", "held"):
            self._in_speech = False
        return out + separator + text

    def _line(self, raw: str) -> str:
        """Clean one line; return what to insert for it."""
        gap, self._gap = self._gap, False
        text = _tidy(raw)
        if not text or text.startswith("```") or re.fullmatch(r"[-*_=]{3,}", text):
            if self._spoken:  # "NAME:", a blank line, then the words: still one speech
                self._in_speech = False
            self._gap = True
            return ""
        if _CHATTER.match(text):
            return ""
        title = _TITLE.match(text)
        if title and not self._elements:
            return self._emit("title", "Title: " + title.group("rest").strip())
        act = _ACT.match(text) or _ZH_ACT.match(text)
        if act:
            out = self._emit("heading", "." + act.group("head").upper())
            rest = act.group("rest").strip()
            return out + (self._emit("direction", _direction(rest)) if rest else "")
        label = _LABEL.match(text)
        if label:
            return self._emit("direction", _direction(label.group("rest")))
        bracketed = _BRACKETED.match(text)
        if bracketed:
            if self._in_speech and not self._spoken and not gap and len(text) <= 42:
                return self._emit("note", _note(bracketed.group("inner")))
            return self._emit("direction", _direction(bracketed.group("inner")))
        spoken = self._speech_line(text)
        if spoken is not None:
            return spoken
        if not self._elements and is_preamble(text):
            return ""
        if self._in_speech and text.strip(".!?。！？").casefold() not in _STAGE_WORDS:
            return self._speech(text)
        return self._emit("direction", _direction(text))

    def _speech_line(self, text: str) -> str | None:
        """Return a character's cue (and words) for "NAME: words" or a name alone, else None."""
        inline = _INLINE.match(text)
        name = inline.group("name").strip() if inline else ""
        cue = _cue(name) if inline else None
        out = ""
        if inline is not None and cue is None and re.search(r"[,，]", name):
            # "MARGARET, a retired teacher: words": who she is goes first, as a direction.
            cue = _cue(re.split(r"[,，]", name, maxsplit=1)[0])
            out = self._emit("direction", _direction(name + ".")) if cue is not None else ""
        if inline is not None and cue is not None:
            if cue.startswith("@"):
                self._names.add(cue[1:])
            out += self._emit("cue", cue)
            if inline.group("note"):
                out += self._emit("note", _note(inline.group("note")))
            speech = inline.group("speech").strip()
            if speech:
                out += self._speech(speech)
                self._in_speech = False  # a "NAME: words" line is a whole speech
            return out
        alone = _UPPER_CUE.match(text)
        if alone and not text.endswith((".", "!", "?")):
            cue = _cue(alone.group("name"))
            if cue is not None:
                out = self._emit("cue", cue)
                return out + (
                    self._emit("note", _note(alone.group("note"))) if alone["note"] else ""
                )
        if text in self._names:
            return self._emit("cue", "@" + text)
        return None

    def _speech(self, text: str) -> str:
        """Return a line of a speech: a leading "(sighs)" on its own line, *business* bracketed."""
        out = ""
        lead = _LEADING_NOTE.match(text)
        if lead and not self._spoken:
            out = self._emit("note", _note(lead.group("note")))
            text = lead.group("rest")
        text = _BUSINESS.sub(lambda match: f"({match.group('act').strip()})", unquote(text))
        return out + (self._emit("speech", text) if text else "")


def stage_play_opening(values: Mapping[str, Any]) -> tuple[str, str]:
    """Return the opening direction and the first speaker's cue for a scene's field values.

    From ``setting`` ("a railway waiting room at midnight") and ``characters``
    ("MARGARET, a retired teacher; LEO, …"): ``("(A railway waiting room at
    midnight.)", "MARGARET:")``. The model's reply starts with them, so even a
    small model goes on with the characters' lines; either is empty when its
    field is missing or names no one.
    """
    setting = str(values.get("setting") or "").strip().rstrip(".。")
    direction = ""
    if setting:
        direction = _direction(
            setting[0].upper() + setting[1:] + ("." if _has_latin(setting) else "。")
        )
    first = re.split(r"[;；\n]", str(values.get("characters") or ""), maxsplit=1)[0]
    name = re.split(r"[,，(（:：]", first, maxsplit=1)[0].strip()
    cue = _cue(name) if name else None
    if cue is None:
        return direction, ""
    return direction, (name + "：") if cue.startswith("@") else (cue + ":")


def clean_stage_play(text: str) -> str:
    """Return a model's stage-play text cleaned into the play layout."""
    return StagePlayCleaner().clean(text)


# -- HTML ---------------------------------------------------------------------------

_CSS = """
body { background: #f4f4f0; margin: 0; }
.play { font-family: Georgia, "Times New Roman", "Songti SC", SimSun, serif; font-size: 12pt;
  line-height: 1.4; max-width: 6.5in; margin: 0.5in auto; padding: 1in;
  background: #fff; box-shadow: 0 0 6px rgba(0,0,0,.2); }
.play p { margin: 0 0 12pt 0; white-space: pre-wrap; }
.title-page { text-align: center; margin-bottom: 1in; font-size: 16pt; }
.act { text-align: center; text-transform: uppercase; font-weight: bold;
  margin-top: 24pt !important; }
.character { text-align: center; text-transform: uppercase; letter-spacing: .05em;
  margin: 12pt 0 0 0 !important; }
.delivery { text-align: center; font-style: italic; margin: 0 !important; }
.speech { margin: 0 0.75in 12pt 0.75in !important; }
.direction { font-style: italic; margin-left: 2in !important; }
@media print { body { background: none; } .play { box-shadow: none; margin: 0; } }
"""

#: The play's class for each Fountain element (anything else is a direction).
_CLASSES = {
    "scene_heading": "act",
    "character": "character",
    "parenthetical": "delivery",
    "dialogue": "speech",
}


def stage_play_to_html(text: str, title: str = "Stage play") -> str:
    """Return a standalone HTML page that lays out a play script (names, speeches, directions)."""
    body: list[str] = []
    titles: list[str] = []
    for element in parse_fountain(text):
        shown = html.escape(element.text, quote=False).replace("\n", "<br>")
        if element.kind == "title":
            key, _, value = element.text.partition(":")
            titles.append(f"<p>{html.escape(value.strip(), quote=False)}</p>")
            if key.strip().lower() == "title" and value.strip():
                title = value.strip()
        elif element.kind == "page_break":
            body.append('<div class="page-break"></div>')
        elif element.kind not in _CLASSES:  # each stage direction is a paragraph of its own
            for line in element.text.split("\n"):
                body.append(f'<p class="direction">{html.escape(line, quote=False)}</p>')
        else:
            body.append(f'<p class="{_CLASSES.get(element.kind, "direction")}">{shown}</p>')
    return script_page(title, _CSS, "play", titles, body)


def export_stage_play(text: str, path: Path, *, title: str = "Stage play") -> None:
    """Write ``text`` to ``path`` whole: HTML laid out as a play for .html/.htm, else Fountain.

    Raises:
        OSError: the file cannot be written (nothing half-written is left).
    """
    export_script(text, path, stage_play_to_html, title)
