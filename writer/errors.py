"""The exceptions of Writer: one tree, each carrying a message a person can act on."""

from __future__ import annotations


class WriterError(Exception):
    """Base class; ``str(error)`` is a one-line message fit to show a user."""


class ModelError(WriterError):
    """A model file is missing, unreadable, or not a usable GGUF file."""


class NoModelError(ModelError):
    """No model is loaded or could be found."""


class GenerationError(WriterError):
    """llama.cpp failed while generating."""


class DocumentError(WriterError):
    """A document could not be read or written."""


class UndecodableError(DocumentError):
    """A file's bytes are not valid in any encoding Writer could trust; ask the user.

    ``candidates`` lists encodings worth offering (best first), ``offset`` is the
    first byte that failed in the encoding that came closest.
    """

    def __init__(
        self, message: str, *, path: str = "", candidates: tuple[str, ...] = (), offset: int = -1
    ) -> None:
        super().__init__(message)
        self.path = path
        self.candidates = candidates
        self.offset = offset


class BinaryFileError(DocumentError):
    """The file holds binary data (NUL bytes, control codes), not text."""


class UnencodableTextError(DocumentError):
    """The text holds characters the chosen encoding cannot store; nothing was written."""

    def __init__(
        self, message: str, *, encoding: str = "", character: str = "", line: int = 0
    ) -> None:
        super().__init__(message)
        self.encoding = encoding
        self.character = character
        self.line = line


class HubError(WriterError):
    """The model hub could not be searched or a download failed."""


class TemplateError(WriterError):
    """A template file is broken or a field value is invalid."""


class ServerError(WriterError):
    """A model server could not be reached, refused a request, or answered with an error."""


class StreamInterruptedError(ServerError):
    """A server's stream broke off in the middle of a passage; the text so far was kept."""


class ExportError(WriterError):
    """A document could not be exported; no partial file was left behind."""


class SnapshotError(WriterError):
    """A snapshot could not be taken, read or restored."""
