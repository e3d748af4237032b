"""PyInstaller hook for llama-cpp-python: llama.cpp's shared libraries, where llama_cpp looks.

llama_cpp loads ``libllama``, ``libggml`` and ``libmtmd`` with ctypes from
``<package>/lib`` (``Path(__file__).parent / "lib"``), and those libraries find
each other through their SONAMEs (``libggml.so.0`` ...) and an ``$ORIGIN``
run path. So every library is collected as a binary into ``llama_cpp/lib``:
the names ctypes opens (``libllama.so``, ``llama.dll``, ``libllama.dylib``)
and the SONAME / install names the libraries link against (``libllama.so.0``,
``libllama.0.dylib``). The fully versioned copies (``libllama.so.0.5.0``),
which a wheel holds as a third identical file because wheels have no
symlinks, are left out. PyInstaller's default, ``collect_dynamic_libs``,
takes only ``*.so`` and would leave the SONAME files to its dependency search,
which may put them elsewhere.

GPU builds add backends the same way (``libggml-cuda.so``, ``ggml-cuda.dll``,
``libggml-metal``); Metal shader sources or libraries (``*.metal``,
``*.metallib``) of builds that do not embed them are collected as data next to
the libraries. The OpenAI-compatible server (``llama_cpp.server``, needing
FastAPI and uvicorn) is not part of the app.
"""

from __future__ import annotations

import re
from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, get_package_paths

_LIB_SUFFIXES = re.compile(r"\.(so(\.\d+)*|dylib|dll)$")
# libX.so.1.2.3 / libX.so.1.2 (Linux) and libX.1.2.3.dylib (macOS): full versions.
_FULL_VERSION = re.compile(r"^(?P<base>.+?)(\.so\.\d+|\.\d+)(\.\d+)+(\.dylib)?$")


def _soname_twin(name: str, present: set[str]) -> bool:
    """Return True if ``name`` is a fully versioned copy of a library present by a shorter name."""
    match = _FULL_VERSION.match(name)
    if match is None:
        return False
    base = match.group("base")
    return any(other != name and other.startswith(base + ".") and len(other) < len(name)
               for other in present)


def _llama_libraries() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Return (binaries, datas) for the files of ``llama_cpp/lib``."""
    _, package_dir = get_package_paths("llama_cpp")
    lib_dir = Path(package_dir) / "lib"
    if not lib_dir.is_dir():
        raise SystemExit(f"hook-llama_cpp: {lib_dir} is missing; is llama-cpp-python installed?")
    names = {path.name for path in lib_dir.iterdir() if path.is_file()}
    binaries, datas = [], []
    for name in sorted(names):
        source = str(lib_dir / name)
        if _LIB_SUFFIXES.search(name) and not _soname_twin(name, names):
            binaries.append((source, "llama_cpp/lib"))
        elif name.endswith((".metal", ".metallib")):
            datas.append((source, "llama_cpp/lib"))
    if not binaries:
        raise SystemExit(f"hook-llama_cpp: no shared libraries in {lib_dir}")
    return binaries, datas


binaries, datas = _llama_libraries()
datas += collect_data_files("llama_cpp", excludes=["lib/**", "server/**", "**/__pycache__"])
excludedimports = ["llama_cpp.server"]
