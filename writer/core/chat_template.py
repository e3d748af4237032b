"""Rendering a model's chat template (foreign Jinja code) with limits on time and size.

A GGUF file carries its chat template as Jinja text, and that text is code
from whoever made the file. It is rendered in Jinja's immutable sandbox (no
attribute tricks, no file or network access), and on top of that:

- a watchdog stops a render that runs longer than :data:`RENDER_SECONDS`
  (an endless loop or an exponential macro), by raising an exception in the
  rendering thread, so the engine thread is never hung;
- strings and lists a template builds are capped at :data:`MAX_OUTPUT_CHARS`,
  so a template cannot eat the memory: repetition (``"x" * 10**9``), ``+``,
  ``%`` and ``~``, the string filters (``replace``, ``join``, ``format``,
  ``center``, ``indent``, ``tojson`` ...) and string methods are checked before
  they build their result where its size can be foreseen, and after otherwise;
  the output is capped too.

Any failure (a syntax error, an overrun, ``raise_exception()``) is a
:class:`ChatTemplateError`; callers fall back to a plain prompt. A template
that failed to compile or overran is remembered, so it costs its time once.
"""

from __future__ import annotations

import ctypes
import functools
import json
import logging
import re
import threading
from datetime import datetime
from typing import TYPE_CHECKING, Any

import jinja2
import jinja2.ext
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import ImmutableSandboxedEnvironment

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence

log = logging.getLogger(__name__)

#: Longest a chat template may take to render one prompt.
RENDER_SECONDS = 2.0
#: Most characters a rendered prompt (or a repeated string or list inside it) may have.
MAX_OUTPUT_CHARS = 8_000_000
#: Most characters of a template's source.
MAX_TEMPLATE_CHARS = 1_000_000

_broken: dict[str, str] = {}
_broken_guard = threading.Lock()


class ChatTemplateError(Exception):
    """The chat template cannot be used: ``str()`` says why, in one line.

    ``permanent`` is True when no other messages would help (it does not compile,
    it overran the limits); False when it refused or failed on these messages.
    """

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class _Overrun(BaseException):
    """Raised inside a render that ran too long (a BaseException: templates cannot catch it)."""


class _IgnoreGenerationTags(jinja2.ext.Extension):
    """Pass-through for Hugging Face's ``{% generation %}`` chat-template tag."""

    tags = {"generation"}  # noqa: RUF012 - Jinja's own class attribute

    def parse(self, parser: Any) -> Any:
        """Return the body of the tag unchanged."""
        parser.stream.skip(1)
        return parser.parse_statements(("name:endgeneration",), drop_needle=True)


def _refuse_huge(size: int) -> None:
    """Raise the template error when something of ``size`` characters or items is too big."""
    if size > MAX_OUTPUT_CHARS:
        raise ChatTemplateError("the chat template builds a huge string", permanent=True)


def _length(value: Any) -> int:
    """Return the size of ``value`` as text (or items), without building anything big."""
    if isinstance(value, (str, list, tuple, dict)):
        return len(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return abs(value)  # a width or a count: as big as it says
    return len(str(value))


def _text_length(value: Any) -> int:
    """Return the length of ``value`` as text."""
    return len(value) if isinstance(value, str) else len(str(value))


#: A printf-style (``%-10s``) or ``str.format`` (``{0:>10}``) field, and the numbers in one.
_FIELD = re.compile(r"%[^a-zA-Z%]*[a-zA-Z%]|\{[^{}]*\}")
_NUMBERS = re.compile(r"\d+")


def _format_size(pattern: Any, *args: Any, **kwargs: Any) -> int:
    """Return the most characters ``pattern`` formatted with ``args`` can have (widths counted)."""
    text = str(pattern)
    values = [*args, *kwargs.values()]
    if len(values) == 1 and isinstance(values[0], (tuple, list, dict)):  # "%s %s" % (a, b)
        items = values[0]
        values = list(items.values() if isinstance(items, dict) else items)
    fields = _FIELD.findall(text)
    widths = sum(int(number[:9]) for field in fields for number in _NUMBERS.findall(field))
    starred = any("*" in field for field in fields)  # "%*s": a width taken from the values
    sizes = (_length(v) if starred else _text_length(v) for v in values)
    return len(text) + widths + sum(sizes)


def _replace_size(text: Any, old: Any = "", new: Any = "", count: Any = -1) -> int:
    """Return the length of ``text.replace(old, new, count)`` without building it."""
    text, old, new = str(text), str(old), str(new)
    times = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    return len(text) + times * (len(new) - len(old))


def _join_size(separator: Any, items: Any) -> int:
    """Return the most characters joining ``items`` with ``separator`` can make."""
    items = list(items) if not isinstance(items, (list, tuple)) else items
    return sum(map(_text_length, items)) + len(str(separator)) * max(len(items) - 1, 0)


def _padded_size(text: Any, width: Any = 0, *_rest: Any, **_options: Any) -> int:
    """Return the most characters ``text`` padded to ``width`` can have."""
    return len(str(text)) + (_length(width) if isinstance(width, int) else 0)


def _indent_size(text: Any, width: Any = 4, *_rest: Any, **_options: Any) -> int:
    """Return the most characters the ``indent`` filter can make of ``text``."""
    text = str(text)
    return len(text) + (text.count("\n") + 1) * _length(width)


def _wrap_size(text: Any, *args: Any, **options: Any) -> int:
    """Return the most characters the ``wordwrap`` filter can make of ``text``."""
    wrap = options.get("wrapstring", args[2] if len(args) > 2 else "\n")
    return len(str(text)) * (1 + len(str(wrap or "")))


def _tabs_size(text: Any, tabsize: Any = 8, *_rest: Any) -> int:
    """Return the most characters ``text.expandtabs(tabsize)`` can have."""
    text = str(text)
    return len(text) + text.count("\t") * _length(tabsize)


#: Filters whose result can be far larger than their input, and how large it can be.
_FILTER_SIZES: dict[str, Callable[..., int]] = {
    "replace": _replace_size,
    "join": lambda value, d="", *_a, **_k: _join_size(d, value),
    "format": _format_size,
    "center": _padded_size,
    "indent": _indent_size,
    "wordwrap": _wrap_size,
}
#: String methods whose result can be far larger than the string, and how large it can be.
_METHOD_SIZES: dict[str, Callable[..., int]] = {
    "replace": _replace_size,
    "join": _join_size,
    "format": _format_size,
    "center": _padded_size,
    "ljust": _padded_size,
    "rjust": _padded_size,
    "zfill": _padded_size,
    "expandtabs": _tabs_size,
}


def _checked(result: Any) -> Any:
    """Return ``result`` unless it is a huge string or list."""
    if isinstance(result, (str, list, tuple)):
        _refuse_huge(len(result))
    return result


def _limited_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Return ``function`` (the filter ``name``) checked against the size limit."""
    estimate = _FILTER_SIZES.get(name)

    @functools.wraps(function)
    def limited(*args: Any, **kwargs: Any) -> Any:
        if estimate is not None:
            values = args[1:] if _takes_environment(function) else args
            _refuse_huge(estimate(*values, **kwargs))
        return _checked(function(*args, **kwargs))

    return limited


def _takes_environment(function: Callable[..., Any]) -> bool:
    """Return whether Jinja passes the environment or context first to ``function``."""
    return getattr(function, "jinja_pass_arg", None) is not None


class _LimitedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` to a concatenation that checks the size limit first."""

    def visit_Concat(self, node: Any, frame: Any) -> None:
        """Write the checked concatenation of the node's parts."""
        self.write("environment.concat_limited((")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")


class _LimitedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, with everything that builds strings or lists checked against the size limit."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _LimitedCodeGenerator

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {
            name: _limited_filter(name, function) for name, function in self.filters.items()
        }

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse repetition, joining, formatting or powers that would build something huge."""
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(count, int):
                    _refuse_huge(len(sequence) * max(count, 0))
        if operator == "+" and isinstance(left, (str, list, tuple)):
            _refuse_huge(_length(left) + _length(right))
        if operator == "%" and isinstance(left, str):
            _refuse_huge(_format_size(left, right))
        if operator == "**" and isinstance(right, int) and abs(right) > 4096:
            raise ChatTemplateError("the chat template computes a huge number", permanent=True)
        return _checked(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """Call ``__obj`` from the template, refusing string methods that would build too much."""
        method = getattr(__obj, "__wrapped__", __obj)  # str.format comes wrapped by the sandbox
        owner = getattr(method, "__self__", None)
        estimate = _METHOD_SIZES.get(getattr(method, "__name__", ""))
        if isinstance(owner, str) and estimate is not None:
            _refuse_huge(estimate(owner, *args, **kwargs))
        return _checked(super().call(__context, __obj, *args, **kwargs))

    def concat_limited(self, parts: Sequence[Any]) -> str:
        """Return ``parts`` joined as text (the ``~`` operator) unless that is too big."""
        texts = [str(part) for part in parts]
        _refuse_huge(sum(map(len, texts)))
        return "".join(texts)


def _tojson(
    value: Any,
    ensure_ascii: bool = False,
    indent: int | None = None,
    separators: tuple[str, str] | None = None,
    sort_keys: bool = False,
) -> str:
    """Return ``value`` as JSON the way Transformers' chat templates expect."""
    if _length(indent or 0) > 64:  # every line indented that much per level
        raise ChatTemplateError("the chat template builds a huge string", permanent=True)
    return json.dumps(
        value, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys
    )


def _raise_exception(message: str) -> None:
    """Let a template refuse its input (``raise_exception('...')``)."""
    raise ChatTemplateError(f"the chat template refused the messages: {message}")


def _strftime_now(pattern: str) -> str:
    """Return the current time formatted with ``pattern``."""
    return datetime.now().strftime(pattern)


class ChatTemplate:
    """One compiled chat template; :meth:`render` turns messages into a prompt.

    Raises:
        ChatTemplateError: the template is too long, does not compile, or failed before.
    """

    def __init__(self, source: str, *, bos: str = "", eos: str = "") -> None:
        self.source = source
        self.bos = bos
        self.eos = eos
        with _broken_guard:
            known = _broken.get(source)
        if known is not None:
            raise ChatTemplateError(known, permanent=True)
        if len(source) > MAX_TEMPLATE_CHARS:
            raise self._remember("the chat template is too long")
        try:
            self._template = _compile(source)
        except Exception as error:  # a template is foreign code: any error means fallback
            raise self._remember(f"the chat template does not compile ({error})") from None

    def _remember(self, reason: str) -> ChatTemplateError:
        """Remember that this template cannot be used, and return the error to raise."""
        with _broken_guard:
            _broken[self.source] = reason
        log.warning("chat template unusable: %s", reason)
        return ChatTemplateError(reason, permanent=True)

    def render(
        self,
        messages: Sequence[Mapping[str, Any]],
        *,
        add_generation_prompt: bool = True,
        timeout: float = RENDER_SECONDS,
    ) -> str:
        """Return the prompt for ``messages`` (within ``timeout`` seconds and the size limit).

        Raises:
            ChatTemplateError: the template failed, refused the messages or overran.
        """
        context = {
            "messages": [dict(message) for message in messages],
            "bos_token": self.bos,
            "eos_token": self.eos,
            "add_generation_prompt": add_generation_prompt,
            "raise_exception": _raise_exception,
            "strftime_now": _strftime_now,
            "tools": None,
            "functions": None,
            "function_call": None,
            "tool_choice": None,
        }
        try:
            return _with_deadline(lambda: _collect(self._template.generate(**context)), timeout)
        except _Overrun:
            raise self._remember(
                f"the chat template took longer than {timeout:g} seconds"
            ) from None
        except ChatTemplateError as error:
            if error.permanent:
                raise self._remember(str(error)) from None
            raise
        except RecursionError:
            raise ChatTemplateError("the chat template recurses without end") from None
        except MemoryError:
            raise self._remember("the chat template ran out of memory") from None
        except Exception as error:  # jinja2 errors, type errors in foreign code ...
            raise ChatTemplateError(f"the chat template failed ({error})") from None


@functools.lru_cache(maxsize=8)
def _compile(source: str) -> jinja2.Template:
    """Return the compiled template (cached: every chat turn renders the same one)."""
    environment = _LimitedEnvironment(
        loader=jinja2.BaseLoader(),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=[_IgnoreGenerationTags, jinja2.ext.loopcontrols],
    )
    environment.filters["tojson"] = _limited_filter("tojson", _tojson)
    return environment.from_string(source)


def _collect(pieces: Iterator[str]) -> str:
    """Join the rendered pieces, stopping at the size limit."""
    parts: list[str] = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > MAX_OUTPUT_CHARS:
            raise ChatTemplateError(
                "the chat template writes a huge prompt (longer than "
                f"{MAX_OUTPUT_CHARS:,} characters)",
                permanent=True,
            )
        parts.append(piece)
    return "".join(parts)


class _Watchdog:
    """Raises :class:`_Overrun` in one thread if it is still rendering at the deadline."""

    def __init__(self, thread_id: int) -> None:
        self.thread_id = thread_id
        self.lock = threading.Lock()
        self.active = True
        self.fired = False

    def fire(self) -> None:
        """Interrupt the rendering thread (at its next Python instruction)."""
        with self.lock:
            if not self.active:
                return
            self.fired = True
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(self.thread_id), ctypes.py_object(_Overrun)
            )

    def finish(self) -> None:
        """The render ended: never interrupt, and drop an interruption not yet delivered."""
        with self.lock:
            self.active = False
            if self.fired:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread_id), None)


def _with_deadline(work: Any, timeout: float) -> str:
    """Run ``work()`` in this thread; raise :class:`_Overrun` if it takes over ``timeout`` s."""
    watchdog = _Watchdog(threading.get_ident())
    timer = threading.Timer(timeout, watchdog.fire)
    timer.daemon = True
    timer.start()
    try:
        try:
            result = work()
        finally:
            timer.cancel()
            watchdog.finish()
    except _Overrun:
        raise
    if watchdog.fired:
        raise _Overrun
    return result


def forget_broken_templates() -> None:
    """Forget which templates failed (for tests and after the user edits a model)."""
    with _broken_guard:
        _broken.clear()
