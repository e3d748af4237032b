"""llama-cpp-python is touched only inside writer/engine: everything else goes through it."""

from __future__ import annotations

import ast
from pathlib import Path

WRITER = Path(__file__).resolve().parent.parent / "writer"


def llama_imports(path: Path) -> list[int]:
    """Return the lines of ``path`` that import llama_cpp (at any depth of the code)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        if any(name == "llama_cpp" or name.startswith("llama_cpp.") for name in names):
            lines.append(node.lineno)
    return lines


def test_only_the_engine_imports_llama_cpp():
    engine = WRITER / "engine"
    outside = {
        f"{path.relative_to(WRITER)}:{line}"
        for path in WRITER.rglob("*.py")
        if engine not in path.parents
        for line in llama_imports(path)
    }
    assert not outside, sorted(outside)


def test_the_check_sees_an_import_inside_a_function(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from llama_cpp import Llama\n    return Llama\n")
    assert llama_imports(sample) == [2]
