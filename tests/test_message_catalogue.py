"""The catalogue of core, engine and hub messages stays in step with the code."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from writer.core.message_catalogue import PHRASES, TEMPLATES

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
