"""``summarize``, ``chat`` and ``template run`` with a server, against the stand-in (issue 13).

Each command runs as a subprocess, the server named once by ``--server`` /
``--server-model`` and once by ``WRITER_SERVER`` / ``WRITER_SERVER_MODEL``; the
stand-in's words reach stdout. No model is loaded. An ``http://`` server on
another machine gets the unencrypted note once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("openai", reason="pip install -e .[test] brings the openai client")

from tests.server_standin import MODEL, WORDS, StandIn
from writer.cli import main
from writer.engine.server_spec import ServerSpec

ROOT = Path(__file__).resolve().parent.parent
STAND_IN_TEXT = "".join(WORDS).strip()  # "Once upon a time there was a quiet lake."
PARAGRAPH = (
    "The lighthouse keeper had not spoken to anyone in three weeks. Each morning he climbed "
    "the spiral stairs, wiped the salt from the great lens, and wrote one line in the logbook."
)


def run_writer(
    *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess:
    """Run ``writer ARGS`` as a subprocess, with no server named unless ``env`` names one."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("WRITER_SERVER")}
    return subprocess.run(
        [sys.executable, "-m", "writer", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=ROOT,
        env={**base, **(env or {})},
    )


def by_environment(standin: StandIn) -> dict[str, str]:
    """Return the environment naming the stand-in server and its model."""
    return {"WRITER_SERVER": standin.url, "WRITER_SERVER_MODEL": MODEL}


def ok(result: subprocess.CompletedProcess, standin: StandIn) -> None:
    """Check a run that wrote through the stand-in."""
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{MODEL} @ 127.0.0.1" in result.stderr  # where the text went
    assert standin.generation_requests(), "nothing reached the server"


@pytest.mark.parametrize("named_by", ["options", "environment"])
def test_summarize_with_a_server(tmp_path: Path, standin: StandIn, named_by: str):
    document = tmp_path / "note.md"
    document.write_text(PARAGRAPH, encoding="utf-8")
    if named_by == "options":
        result = run_writer(
            "summarize", str(document), "--server", standin.url, "--server-model", MODEL
        )
    else:
        result = run_writer("summarize", str(document), env=by_environment(standin))
    ok(result, standin)
    assert result.stdout.strip() == STAND_IN_TEXT
    assert PARAGRAPH in standin.generation_requests()[-1]["messages"][-1]["content"]


@pytest.mark.parametrize("named_by", ["options", "environment"])
def test_chat_with_a_server(standin: StandIn, named_by: str):
    question = "Who keeps the lighthouse?\n"
    if named_by == "options":
        result = run_writer(
            "chat", "--server", standin.url, "--server-model", MODEL, stdin=question
        )
    else:
        result = run_writer("chat", env=by_environment(standin), stdin=question)
    ok(result, standin)
    assert STAND_IN_TEXT in result.stdout
    asked = standin.generation_requests()[-1]["messages"]
    assert asked[-1]["content"].startswith("Who keeps the lighthouse?")


@pytest.mark.parametrize("named_by", ["options", "environment"])
def test_template_run_with_a_server(standin: StandIn, named_by: str):
    fields = ["story_opening", "--field", "genre=mystery", "--field", "protagonist=a keeper"]
    if named_by == "options":
        result = run_writer(
            "template", "run", *fields, "--server", standin.url, "--server-model", MODEL
        )
    else:
        result = run_writer("template", "run", *fields, env=by_environment(standin))
    ok(result, standin)
    assert STAND_IN_TEXT in result.stdout
    assert "a keeper" in str(standin.generation_requests()[-1])


def test_an_unencrypted_server_is_noted_once(
    tmp_path: Path, standin: StandIn, monkeypatch: pytest.MonkeyPatch, capsys
):
    """A server on another machine over http:// (the stand-in, taken for one) is noted once."""
    monkeypatch.setattr(ServerSpec, "unencrypted", property(lambda _spec: True))
    document = tmp_path / "note.md"
    document.write_text(PARAGRAPH, encoding="utf-8")
    code = main(["summarize", str(document), "--server", standin.url, "--server-model", MODEL])
    out, err = capsys.readouterr()
    assert code == 0 and out.strip() == STAND_IN_TEXT
    notes = [line for line in err.splitlines() if "not encrypted (http://)" in line]
    port = standin.httpd.server_address[1]
    assert notes == [
        f"The connection to 127.0.0.1:{port} is not encrypted (http://): text travels in the clear."
    ]
