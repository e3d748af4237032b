"""The catalogue of core, engine and hub messages stays in step with the code."""

from __future__ import annotations

import ast
import builtins
import string
from pathlib import Path

from writer.core.localized import localize
from writer.core.message_catalogue import PHRASES, TEMPLATES, TOML_PHRASES

WRITER = Path(__file__).resolve().parent.parent / "writer"


def code_strings() -> str:
    """Return every string literal of the code (f-strings with their values as \\0)."""
    texts: list[str] = []
    for path in WRITER.rglob("*.py"):
        if path.name == "message_catalogue.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append(node.value)
            elif isinstance(node, ast.JoinedStr):
                texts.append(
                    "".join(v.value if isinstance(v, ast.Constant) else "\0" for v in node.values)
                )
    return "\n".join(texts)


def test_every_template_is_still_in_the_code():
    """Each fixed piece of each template appears in a string of the code."""
    corpus = code_strings()
    missing = []
    for template in (*TEMPLATES, *PHRASES):
        for literal, *_rest in string.Formatter().parse(template):
            piece = literal.strip(" .:;,")
            if len(piece) > 3 and piece not in corpus:
                missing.append(f"{piece!r} of {template!r}")
    assert not missing, "\n".join(missing)


CHECKED_PACKAGES = ("core", "engine", "hub", "manuscript")
BUILTIN_ERRORS = {name for name in dir(builtins) if name.endswith(("Error", "Exception"))}


def raised_messages() -> list[tuple[str, str]]:
    """Return (place, text) of each error made with a literal or an f-string, values as "Xval".

    An error is a ``raise`` of a call (``raise SnapshotError(f"…")``, ``raise error(f"…")``)
    or any call of a ``…Error`` class (``return HubError(f"…")``); Python's own exceptions
    (``ValueError``) are programmer errors and left out.
    """
    found: list[tuple[str, str]] = []
    for package in CHECKED_PACKAGES:
        for path in sorted((WRITER / package).rglob("*.py")):
            if path.name == "message_catalogue.py":
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            raised = {
                id(node.exc) for node in ast.walk(tree) if isinstance(node, ast.Raise) and node.exc
            }
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name in BUILTIN_ERRORS or not (id(node) in raised or name.endswith("Error")):
                    continue
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    text = first.value
                elif isinstance(first, ast.JoinedStr):
                    text = "".join(
                        v.value if isinstance(v, ast.Constant) else "Xval" for v in first.values
                    )
                else:
                    continue
                found.append((f"{path.relative_to(WRITER.parent)}:{node.lineno}", str(text)))
    return found


def test_every_error_message_of_the_code_has_a_template():
    """Each error the core, engine, hub and manuscript code raise is a catalogue message."""
    catalogue = set(TEMPLATES) | set(PHRASES)

    def translate(_context: str, text: str) -> str:
        return "译" if text in catalogue else text

    messages = raised_messages()
    assert len(messages) > 100  # the walk finds the errors at all
    english = [f"{place}: {text}" for place, text in messages if localize(text, translate) == text]
    assert not english, "errors with no template in message_catalogue.py:\n" + "\n".join(english)


def test_every_message_of_pythons_toml_reader_has_a_phrase():
    """A broken template file is explained in the interface language, whatever tomllib says."""
    import importlib.util

    catalogue = set(TOML_PHRASES)

    def translate(_context: str, text: str) -> str:
        return "译" if text in catalogue else text

    spec = importlib.util.find_spec("tomllib._parser")
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).read_text(encoding="utf-8")
    said = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "suffixed_err":
            text = node.args[2]
            if isinstance(text, ast.Constant):
                said.append(f"{text.value}.")
            elif isinstance(text, ast.JoinedStr):
                said.append(
                    "".join(
                        v.value
                        if isinstance(v, ast.Constant)
                        else ("'Xval'" if v.conversion == ord("r") else "Xval")
                        for v in text.values
                    )
                    + "."
                )
    assert len(said) > 15
    english = [text for text in said if localize(text, translate) == text]
    assert not english, "tomllib messages missing from TOML_PHRASES:\n" + "\n".join(english)
