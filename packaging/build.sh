#!/usr/bin/env bash
# Build Writer as a standalone folder app with PyInstaller, on the platform it runs on.
#
#   packaging/build.sh [--venv DIR] [--no-install] [--clean]
#
# Run it from anywhere in the checkout (bash: Linux, macOS, or Git Bash on Windows).
#   --venv DIR     the build venv (default: $WRITER_BUILD_VENV, else .venv-build in the checkout);
#                  created with $PYTHON (default python3) if it does not exist
#   --no-install   use the venv as it is (it must hold the project and pyinstaller)
#   --clean        drop PyInstaller's cache and the previous dist/writer first
#
# Steps: install '.[package]' into the venv (editable), compile resources/i18n/*.ts to .qm
# with pyside6-lrelease when both exist, make the macOS .icns (iconutil), run PyInstaller
# with packaging/writer.spec. Output: dist/writer/ (Linux, Windows) and dist/Writer.app
# (macOS). The build time and size are written to build/build-info.txt, which
# packaging/smoke_test.sh prints. A GPU build: install llama-cpp-python with CMAKE_ARGS
# into the venv first (packaging/README.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${WRITER_BUILD_VENV:-$ROOT/.venv-build}"
INSTALL=1
CLEAN=()

die() { echo "build.sh: $*" >&2; exit 1; }
step() { echo "==> $*" >&2; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --venv) [[ $# -ge 2 ]] || die "--venv needs a folder"; VENV="$2"; shift 2 ;;
        --no-install) INSTALL=0; shift ;;
        --clean) CLEAN=(--clean); shift ;;
        -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (try --help)" ;;
    esac
done

cd "$ROOT"
case "$(uname -s)" in
    Linux*) PLATFORM=linux ;;
    Darwin*) PLATFORM=macos ;;
    MINGW*|MSYS*|CYGWIN*) PLATFORM=windows ;;
    *) die "unsupported platform: $(uname -s)" ;;
esac
BIN="$VENV/bin"
[[ $PLATFORM == windows ]] && BIN="$VENV/Scripts"

if [[ ! -d "$VENV" ]]; then
    [[ $INSTALL == 1 ]] || die "no venv at $VENV (drop --no-install to create it)"
    step "creating the build venv $VENV"
    "${PYTHON:-python3}" -m venv "$VENV" || die "cannot create a venv with ${PYTHON:-python3}"
fi
PY="$BIN/python"
[[ -x "$PY" || -x "$PY.exe" ]] || die "no python in $BIN"

if [[ $INSTALL == 1 ]]; then
    step "installing Writer and PyInstaller into $VENV (pip install -e '.[package]')"
    "$PY" -m pip install --quiet -e ".[package]"
fi
"$PY" -c "import PyInstaller, llama_cpp, PySide6" 2>/dev/null \
    || die "the venv lacks pyinstaller, llama-cpp-python or PySide6 (run without --no-install)"

shopt -s nullglob
ts_files=(resources/i18n/*.ts)
shopt -u nullglob
if [[ ${#ts_files[@]} -gt 0 ]]; then
    LRELEASE=""
    if [[ -x "$BIN/pyside6-lrelease" || -x "$BIN/pyside6-lrelease.exe" ]]; then
        LRELEASE="$BIN/pyside6-lrelease"
    elif command -v pyside6-lrelease >/dev/null; then
        LRELEASE="$(command -v pyside6-lrelease)"
    fi
    if [[ -n "$LRELEASE" ]]; then
        step "compiling ${#ts_files[@]} translation(s) with pyside6-lrelease"
        for ts in "${ts_files[@]}"; do
            "$LRELEASE" -silent "$ts" -qm "${ts%.ts}.qm"
        done
    else
        echo "build.sh: WARNING: pyside6-lrelease not found; translations not compiled" >&2
    fi
fi

if [[ $PLATFORM == macos ]]; then
    if command -v iconutil >/dev/null; then
        step "making build/icons/writer.icns with iconutil"
        "$PY" packaging/icons/render_icons.py --only-icns --icns build/icons
    else
        echo "build.sh: WARNING: iconutil not found; the .app gets the default icon" >&2
    fi
fi

if [[ ${#CLEAN[@]} -gt 0 ]]; then
    rm -rf dist/writer dist/Writer.app build/pyinstaller
fi

step "running PyInstaller (packaging/writer.spec); this takes a few minutes"
start=$SECONDS
"$PY" -m PyInstaller --noconfirm "${CLEAN[@]}" --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/writer.spec
seconds=$((SECONDS - start))

OUTPUT="dist/writer"
[[ $PLATFORM == macos ]] && OUTPUT="dist/Writer.app"
[[ -d "$OUTPUT" ]] || die "PyInstaller finished but $OUTPUT is missing"
size="$(du -sh "$OUTPUT" | cut -f1)"
mkdir -p build
{
    echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "platform: $PLATFORM"
    echo "output: $OUTPUT"
    echo "pyinstaller_seconds: $seconds"
    echo "size: $size"
    echo "pyinstaller: $("$PY" -c 'import PyInstaller; print(PyInstaller.__version__)')"
    echo "llama_cpp_python: $("$PY" -c 'import llama_cpp; print(llama_cpp.__version__)')"
} >build/build-info.txt
step "built $OUTPUT ($size) in ${seconds}s; check it with packaging/smoke_test.sh"
