"""Writing templates: TOML files that describe a form, its fields and its prompt.

Plain Python, no Qt. Built-in templates live in ``resources/templates/``;
users add their own (or override a built-in one by its file name) in
:func:`writer.config.user_templates_dir`. A broken file is reported with its
path and line and the others still load.

A template file holds a name and description in English and Chinese, the
fields it asks for (``text``, ``choice`` or ``number``, with defaults), the
prompt in both languages (``instruction`` for chat models, ``completion`` for
base models, an optional ``system`` line), sampling overrides, the output
kind (prose, poem, screenplay, stage play) and, for poems, an optional fixed
number of lines. Prompts name fields as ``{key}``; ``{{`` and ``}}`` are
literal braces. A choice option may carry its own prompt ``text`` and
``lines``, so "sonnet" can mean fourteen lines.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from writer.errors import TemplateError

if TYPE_CHECKING:
    from pathlib import Path

#: The languages a template is written in.
LANGUAGES: tuple[str, ...] = ("en", "zh")
#: The output kinds a template may produce.
KINDS: tuple[str, ...] = ("prose", "poem", "screenplay", "stage_play")
FIELD_TYPES: tuple[str, ...] = ("text", "choice", "number")

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")
#: Where tomllib says an error is: "(at line 3, column 7)" or "(at end of document)".
_TOML_PLACE = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)")


def localized(value: Any, lang: str) -> str:
    """Return the ``lang`` text of a string or an ``{en = ..., zh = ...}`` table."""
    if isinstance(value, Mapping):
        for key in (lang, "en", *value.keys()):
            if key in value and value[key] is not None:
                return str(value[key])
        return ""
    return "" if value is None else str(value)


def language_of_setting(ui_language: str, system_locale: str = "") -> str:
    """Return "zh" or "en" for an interface language setting (``system``, ``en``, ``zh_CN``)."""
    chosen = system_locale if ui_language in ("", "system") else ui_language
    return "zh" if chosen.lower().startswith("zh") else "en"


@dataclass(frozen=True)
class Option:
    """One value of a choice field."""

    value: str
    label: Mapping[str, str] | str
    text: Mapping[str, str] | str | None = None  # what the prompt says; the label if unset
    lines: int | None = None  # a poem form's fixed number of lines
    characters: int | None = None  # a Chinese form's characters per line (7 for 七言)
    #: Model poems in the form, put ahead of the completion prompt ({example}) for base models.
    example: Mapping[str, str] | str | None = None

    def label_in(self, lang: str) -> str:
        """Return the label shown in ``lang``."""
        return localized(self.label, lang) or self.value

    def prompt_text(self, lang: str) -> str:
        """Return what the prompt says for this option in ``lang``."""
        return localized(self.text, lang) if self.text is not None else self.label_in(lang)


@dataclass(frozen=True)
class Field:
    """One value the user fills in: ``text``, ``choice`` or ``number``."""

    key: str
    type: str
    label: Mapping[str, str] | str
    default: Any = None
    options: tuple[Option, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    multiline: bool = False
    help: Mapping[str, str] | str | None = None

    def label_in(self, lang: str) -> str:
        """Return the label shown in ``lang``."""
        return localized(self.label, lang) or self.key

    def default_in(self, lang: str) -> Any:
        """Return the default value in ``lang`` (a str, an option value or an int)."""
        if self.type == "number":
            return int(self.default) if self.default is not None else (self.minimum or 0)
        if self.type == "choice":
            return self.default if self.default is not None else self.options[0].value
        return localized(self.default, lang)

    def option(self, value: str) -> Option | None:
        """Return the option matching a value or a label in any language."""
        wanted = str(value).strip().casefold()
        for option in self.options:
            names = {option.value, *(localized(option.label, lang) for lang in LANGUAGES)}
            if wanted in {name.casefold() for name in names}:
                return option
        return None

    def coerce(self, value: Any) -> Any:
        """Return ``value`` checked and converted for this field.

        Raises:
            TemplateError: a number that is not one or out of range, an unknown choice.
        """
        if self.type == "number":
            try:
                number = int(str(value).strip())
            except ValueError:
                raise TemplateError(
                    f"Field '{self.key}' needs a whole number, not '{value}'."
                ) from None
            if self.minimum is not None and number < self.minimum:
                raise TemplateError(f"Field '{self.key}' must be at least {self.minimum}.")
            if self.maximum is not None and number > self.maximum:
                raise TemplateError(f"Field '{self.key}' must be at most {self.maximum}.")
            return number
        if self.type == "choice":
            option = self.option(value)
            if option is None:
                choices = ", ".join(o.value for o in self.options)
                raise TemplateError(
                    f"Field '{self.key}' has no choice '{value}' (choose one of: {choices})."
                )
            return option.value
        return str(value)


@dataclass(frozen=True)
class Prompt:
    """The prompt of one language: a chat instruction and a plain completion form."""

    instruction: str
    completion: str
    system: str = ""
    heading: str = ""  # a screenplay's scene heading, built from the fields


@dataclass(frozen=True)
class RenderedPrompt:
    """A prompt with its fields filled in, ready for a model."""

    text: str
    system: str = ""
    chat: bool = True  # True: an instruction for a chat template; False: text to complete


@dataclass(frozen=True)
class Template:
    """One writing template, as loaded from its file."""

    id: str
    name: Mapping[str, str] | str
    description: Mapping[str, str] | str
    kind: str
    fields: tuple[Field, ...]
    prompts: Mapping[str, Prompt]
    sampling: Mapping[str, Any] = field(default_factory=dict)
    lines: int | None = None
    order: int = 100
    path: Path | None = None
    builtin: bool = True

    def name_in(self, lang: str) -> str:
        """Return the template's name in ``lang``."""
        return localized(self.name, lang) or self.id

    def description_in(self, lang: str) -> str:
        """Return the template's description in ``lang``."""
        return localized(self.description, lang)

    def field(self, key: str) -> Field | None:
        """Return the field named ``key``."""
        return next((f for f in self.fields if f.key == key), None)

    def defaults(self, lang: str) -> dict[str, Any]:
        """Return every field's default value in ``lang``."""
        return {f.key: f.default_in(lang) for f in self.fields}

    def resolve(self, values: Mapping[str, Any], lang: str) -> dict[str, Any]:
        """Return the defaults updated with ``values``, each checked.

        Raises:
            TemplateError: an unknown field or a bad value.
        """
        resolved = self.defaults(lang)
        for key, value in values.items():
            found = self.field(key)
            if found is None:
                known = ", ".join(f.key for f in self.fields) or "none"
                raise TemplateError(f"Template '{self.id}' has no field '{key}' (fields: {known}).")
            resolved[key] = found.coerce(value)
        return resolved

    def line_count(self, values: Mapping[str, Any]) -> int | None:
        """Return the fixed number of lines the output must have, if any (poems)."""
        if self.lines:
            return self.lines
        for f in self.fields:
            if f.type == "choice":
                option = f.option(str(values.get(f.key, f.default_in("en"))))
                if option is not None and option.lines:
                    return option.lines
        return None

    def line_characters(self, values: Mapping[str, Any]) -> int | None:
        """Return the characters each line must have (Chinese classical forms), if any."""
        for f in self.fields:
            if f.type == "choice":
                option = f.option(str(values.get(f.key, f.default_in("en"))))
                if option is not None and option.characters:
                    return option.characters
        return None

    def _example(self, values: Mapping[str, Any], lang: str) -> str:
        """Return the chosen option's model poems in ``lang`` ("" when it has none)."""
        for f in self.fields:
            if f.type == "choice":
                option = f.option(str(values.get(f.key, f.default_in(lang))))
                if option is not None and option.example is not None:
                    return localized(option.example, lang)
        return ""

    def render(self, values: Mapping[str, Any], lang: str, *, chat: bool = True) -> RenderedPrompt:
        """Return the prompt in ``lang`` with ``values`` filled in (defaults for the rest).

        Raises:
            TemplateError: an unknown field or a bad value.
        """
        lang = lang if lang in self.prompts else next(iter(self.prompts))
        words = self._words(values, lang)
        prompt = self.prompts[lang]
        if chat:
            return RenderedPrompt(
                _fill(prompt.instruction, words).strip(), _fill(prompt.system, words).strip()
            )
        return RenderedPrompt(_fill(prompt.completion, words).lstrip(), "", chat=False)

    def heading(self, values: Mapping[str, Any], lang: str) -> str:
        """Return the scene heading in ``lang`` built from the fields ("" without one)."""
        lang = lang if lang in self.prompts else next(iter(self.prompts))
        return _fill(self.prompts[lang].heading, self._words(values, lang)).strip()

    def _words(self, values: Mapping[str, Any], lang: str) -> dict[str, str]:
        """Return what each ``{placeholder}`` stands for in ``lang``."""
        resolved = self.resolve(values, lang)
        words: dict[str, str] = {}
        for f in self.fields:
            value = resolved[f.key]
            if f.type == "choice":
                option = f.option(str(value))
                words[f.key] = option.prompt_text(lang) if option else str(value)
            else:
                words[f.key] = str(value)
        words["lines"] = str(self.line_count(resolved) or "")
        words["example"] = _fill(self._example(resolved, lang), words)
        return words


def _fill(text: str, words: Mapping[str, str]) -> str:
    """Replace ``{key}`` with its word and ``{{``/``}}`` with a brace."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        return words.get(match.group(1), token)

    return _PLACEHOLDER.sub(replace, text)


def _placeholders(text: str) -> set[str]:
    """Return the field names a prompt refers to."""
    return {m.group(1) for m in _PLACEHOLDER.finditer(text) if m.group(1)}


# -- loading ---------------------------------------------------------------------


class TemplateFileError(TemplateError):
    """A template file that could not be loaded; ``str()`` reads "path:line: message"."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


class _InvalidError(Exception):
    """A problem in a template file, with the text to look for to find its line."""

    def __init__(self, message: str, needle: str = "") -> None:
        super().__init__(message)
        self.needle = needle


def _line_of(source: str, needle: str) -> int | None:
    """Return the first line (1-based) of ``source`` that contains ``needle``."""
    if not needle:
        return None
    for number, line in enumerate(source.splitlines(), start=1):
        if needle in line:
            return number
    return None


def _check_localized(value: Any, what: str, needle: str) -> Mapping[str, str] | str:
    """Return a name/label that is a string or a table of strings."""
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, Mapping) and value and all(isinstance(v, str) for v in value.values()):
        return dict(value)
    raise _InvalidError(
        f'{what} must be a string or a table like {{ en = "…", zh = "…" }}.', needle
    )


def _parse_option(raw: Any, key: str) -> Option:
    """Return one choice option from its table."""
    if isinstance(raw, str):
        return Option(value=raw, label=raw)
    if not isinstance(raw, Mapping) or "value" not in raw:
        raise _InvalidError(f"Field '{key}': every option needs a value.", key)
    value = str(raw["value"])
    lines = raw.get("lines")
    if lines is not None and (not isinstance(lines, int) or lines < 1):
        raise _InvalidError(f"Option '{value}': lines must be a positive whole number.", value)
    characters = raw.get("characters")
    if characters is not None and (not isinstance(characters, int) or characters < 1):
        raise _InvalidError(f"Option '{value}': characters must be a positive whole number.", value)
    return Option(
        value=value,
        label=_check_localized(raw.get("label", value), f"Option '{value}' label", value),
        text=raw.get("text"),
        lines=lines,
        characters=characters,
        example=raw.get("example"),
    )


def _parse_field(raw: Any) -> Field:
    """Return one field from its ``[[fields]]`` table."""
    if not isinstance(raw, Mapping) or not isinstance(raw.get("key"), str):
        raise _InvalidError("Every [[fields]] entry needs a key.", "[[fields]]")
    key = raw["key"]
    if not key.isidentifier():
        raise _InvalidError(f"Field key '{key}' must be letters, digits and underscores.", key)
    kind = raw.get("type", "text")
    if kind not in FIELD_TYPES:
        raise _InvalidError(
            f"Field '{key}' has unknown type '{kind}' (use text, choice or number).", f'"{kind}"'
        )
    options = tuple(_parse_option(o, key) for o in raw.get("options", ()))
    if kind == "choice" and not options:
        raise _InvalidError(f"Choice field '{key}' has no options.", key)
    result = Field(
        key=key,
        type=kind,
        label=_check_localized(raw.get("label", key), f"Field '{key}' label", key),
        default=raw.get("default"),
        options=options,
        minimum=raw.get("min"),
        maximum=raw.get("max"),
        multiline=bool(raw.get("multiline", False)),
        help=raw.get("help"),
    )
    try:
        for lang in LANGUAGES:
            result.coerce(result.default_in(lang))
    except (TemplateError, IndexError) as error:
        raise _InvalidError(f"Field '{key}': bad default ({error}).", key) from None
    return result


def parse_template(data: Mapping[str, Any], template_id: str) -> Template:
    """Return a template from the parsed TOML of its file.

    Raises:
        TemplateError: something the template needs is missing or wrong.
    """
    try:
        return _parse(data, template_id, None, builtin=True)
    except _InvalidError as error:
        raise TemplateError(str(error)) from None


def _parse(
    data: Mapping[str, Any], template_id: str, path: Path | None, *, builtin: bool
) -> Template:
    """Build a :class:`Template`, raising :class:`_InvalidError` with a line hint."""
    name = _check_localized(data.get("name"), "name", "name")
    description = _check_localized(data.get("description", name), "description", "description")
    kind = str(data.get("kind", "prose")).strip().lower().replace(" ", "_").replace("-", "_")
    if kind not in KINDS:
        raise _InvalidError(
            f"Unknown kind '{kind}' (use prose, poem, screenplay or stage_play).", "kind"
        )
    fields = tuple(_parse_field(f) for f in data.get("fields", ()))
    keys = [f.key for f in fields]
    duplicate = next((k for k in keys if keys.count(k) > 1), None)
    if duplicate:
        raise _InvalidError(f"Field '{duplicate}' is defined twice.", duplicate)
    raw_prompts = data.get("prompt")
    if not isinstance(raw_prompts, Mapping) or not raw_prompts:
        raise _InvalidError("The template has no [prompt.en] / [prompt.zh] table.", "prompt")
    prompts: dict[str, Prompt] = {}
    known = {*keys, "lines", "example"}
    for lang, raw in raw_prompts.items():
        if lang not in LANGUAGES or not isinstance(raw, Mapping):
            raise _InvalidError(
                f"Unknown prompt language '{lang}' (use en or zh).", f"prompt.{lang}"
            )
        instruction = raw.get("instruction") or raw.get("completion")
        completion = raw.get("completion") or raw.get("instruction")
        if not isinstance(instruction, str) or not isinstance(completion, str):
            raise _InvalidError(
                f"[prompt.{lang}] needs an instruction or a completion.", f"prompt.{lang}"
            )
        system = raw.get("system", "")
        heading = raw.get("heading", "")
        for text in (instruction, completion, system, heading):
            unknown = _placeholders(text) - known
            if unknown:
                first = sorted(unknown)[0]
                raise _InvalidError(
                    f"The prompt names an unknown field {{{first}}}.", f"{{{first}}}"
                )
        prompts[lang] = Prompt(instruction, completion, str(system), str(heading))
    sampling = data.get("sampling", {})
    if not isinstance(sampling, Mapping):
        raise _InvalidError("[sampling] must be a table.", "sampling")
    from writer.core.sampling import SamplingParams

    allowed = set(SamplingParams.__dataclass_fields__)
    extra = set(sampling) - allowed
    if extra:
        raise _InvalidError(f"Unknown sampling setting '{sorted(extra)[0]}'.", sorted(extra)[0])
    lines = data.get("lines")
    if lines is not None and (not isinstance(lines, int) or lines < 1):
        raise _InvalidError("lines must be a positive whole number.", "lines")
    order = data.get("order", 100)
    if not isinstance(order, int) or isinstance(order, bool):
        raise _InvalidError("order must be a whole number (templates are listed by it).", "order")
    return Template(
        id=template_id,
        name=name,
        description=description,
        kind=kind,
        fields=fields,
        prompts=prompts,
        sampling=dict(sampling),
        lines=lines,
        order=order,
        path=path,
        builtin=builtin,
    )


def load_template_file(path: Path, *, builtin: bool = False) -> Template:
    """Load one template file.

    Raises:
        TemplateFileError: the file cannot be read or is broken (it names file and line).
    """
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateFileError(path, None, f"cannot read the file ({error}).") from None
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        # tomllib's own words, which the catalogue translates (TOML_PHRASES), without the place
        match = _TOML_PLACE.search(str(error))
        line = len(source.splitlines()) or 1  # at the end of the document: its last line
        if match and match.group(1):
            line = int(match.group(1))
        message = _TOML_PLACE.sub("", str(error)).strip(" .")
        raise TemplateFileError(path, line, message + ".") from None
    except RecursionError:
        raise TemplateFileError(
            path, _deep_nesting_line(source), "arrays or tables are nested too deeply."
        ) from None
    try:
        return _parse(data, path.stem, path, builtin=builtin)
    except _InvalidError as error:
        raise TemplateFileError(path, _line_of(source, error.needle), str(error)) from None
    except (TemplateError, ValueError, TypeError, AttributeError, RecursionError) as error:
        # A value of the wrong kind that no check above names: still this file's fault only.
        raise TemplateFileError(path, None, f"a value has the wrong type ({error}).") from None


def _deep_nesting_line(source: str, limit: int = 64) -> int | None:
    """Return the line (1-based) where brackets in ``source`` nest deeper than ``limit``."""
    depth = 0
    line = 1
    for char in source:
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
    return None


@dataclass
class TemplateLibrary:
    """The templates that loaded, in display order, and the files that did not."""

    templates: list[Template] = field(default_factory=list)
    errors: list[TemplateFileError] = field(default_factory=list)

    def get(self, name: str) -> Template | None:
        """Return the template with id ``name``, or whose name in any language is ``name``."""
        wanted = name.strip().casefold()
        for template in self.templates:
            names = {template.id, *(template.name_in(lang) for lang in LANGUAGES)}
            if wanted in {n.casefold() for n in names}:
                return template
        return None

    def ids(self) -> list[str]:
        """Return the ids of the templates, in display order."""
        return [t.id for t in self.templates]


def builtin_templates_dir() -> Path:
    """Return the folder of the templates shipped with the app."""
    from writer.config import resources_dir

    return resources_dir() / "templates"


def load_templates(
    folders: Iterable[tuple[Path, bool]] | None = None,
) -> TemplateLibrary:
    """Load the built-in templates, then the user's (a user file overrides a built-in one).

    ``folders`` is a list of (folder, builtin) pairs; by default the resources
    folder and :func:`writer.config.user_templates_dir`.
    """
    if folders is None:
        from writer.config import user_templates_dir

        folders = [(builtin_templates_dir(), True), (user_templates_dir(), False)]
    by_id: dict[str, Template] = {}
    library = TemplateLibrary()
    for folder, builtin in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                template = load_template_file(path, builtin=builtin)
            except TemplateFileError as error:
                library.errors.append(error)
                continue
            by_id[template.id] = template
    library.templates = sorted(by_id.values(), key=lambda t: (t.order, t.name_in("en")))
    return library
