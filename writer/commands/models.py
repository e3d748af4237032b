"""``writer models list|search|files|download``: the model hub and local models, headless.

Results go to stdout (``--json``: one JSON document), progress to stderr.
Exit codes: 0 done, 1 a failure explained in one line on stderr, 2 a usage
error. Library noise goes to the log, never to the terminal.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import TYPE_CHECKING, Any

from writer.errors import WriterError
from writer.hub.errors import DownloadCancelledError
from writer.hub.fit import human_size

if TYPE_CHECKING:
    import argparse

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def register(subparsers: Any) -> None:
    """Add the ``models`` command and its subcommands to ``subparsers``."""
    models = subparsers.add_parser("models", help="list, search and download models")
    models.set_defaults(func=lambda args: _usage(models))
    actions = models.add_subparsers(dest="models_command", metavar="{list,search,files,download}")

    listing = actions.add_parser("list", help="list the models on this computer")
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.set_defaults(func=run_list)

    search = actions.add_parser("search", help="search GGUF models on the Hugging Face Hub")
    search.add_argument("query", help="words in the repository name")
    search.add_argument("--sort", choices=("downloads", "likes", "updated"), default="downloads")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true", help="print one JSON document")
    search.set_defaults(func=run_search)

    files = actions.add_parser("files", help="list the GGUF files of a hub repository")
    files.add_argument("repo", help="owner/name")
    files.add_argument("--context", type=int, default=0, help="context size for the fit check")
    files.add_argument("--json", action="store_true", help="print one JSON document")
    files.set_defaults(func=run_files)

    download = actions.add_parser("download", help="download a GGUF file into the models folder")
    download.add_argument("repo", help="owner/name")
    download.add_argument("file", help="file name in the repository (a split model: any part)")
    download.set_defaults(func=run_download)


def _usage(parser: argparse.ArgumentParser) -> int:
    """Print the usage of ``writer models`` and return the usage exit code."""
    parser.print_usage(sys.stderr)
    return EXIT_USAGE


def _fail(message: str) -> int:
    """Print a one-line failure on stderr and return exit code 1."""
    print(f"writer: {message}".splitlines()[0], file=sys.stderr)
    return EXIT_FAILURE


def run_list(args: argparse.Namespace) -> int:
    """Print the models on this computer."""
    from writer.hub.local_models import list_local_models

    try:
        models = list_local_models()
    except WriterError as error:
        return _fail(str(error))
    if args.json:
        print(json.dumps([m.to_json() for m in models], indent=2))
        return EXIT_OK
    if not models:
        print("No models on this computer. Try: writer models search qwen")
    for model in models:
        info = model.info
        facts = (
            f"{info.architecture}, ctx {info.context_length}, {info.quantization}, "
            f"{'chat' if info.has_chat_template else 'no chat template'}"
            if info
            else f"unreadable: {model.error}"
        )
        print(
            f"{model.name}\t{human_size(model.size_bytes)}\t{model.source}\t{facts}\t{model.path}"
        )
    return EXIT_OK


def run_search(args: argparse.Namespace) -> int:
    """Print the hub repositories matching the query."""
    from writer.hub.search import SearchSort, search_models

    sort = {"downloads": SearchSort.DOWNLOADS, "likes": SearchSort.LIKES}.get(
        args.sort, SearchSort.UPDATED
    )
    if args.limit < 1:
        print("writer: --limit must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        results = search_models(args.query, sort=sort, limit=args.limit)
    except WriterError as error:
        return _fail(str(error))
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "repo_id": r.repo_id,
                        "downloads": r.downloads,
                        "likes": r.likes,
                        "last_modified": r.updated_text,
                        "gated": r.gated,
                    }
                    for r in results
                ],
                indent=2,
            )
        )
        return EXIT_OK
    for r in results:
        print(f"{r.repo_id}\t{r.downloads} downloads\t{r.likes} likes\t{r.updated_text}")
    return EXIT_OK


def run_files(args: argparse.Namespace) -> int:
    """Print the GGUF files of a repository with size, quantization and fit."""
    from writer.config import Key, get_setting
    from writer.core.system_memory import memory_budget
    from writer.hub.repo_files import assess_files, list_repo_gguf_files

    try:
        files = list_repo_gguf_files(args.repo)
        n_ctx = args.context or int(get_setting(Key.CONTEXT_SIZE))
        assess_files(files, memory_budget(), n_ctx)
    except WriterError as error:
        return _fail(str(error))
    if args.json:
        rows = [
            {
                "name": f.name,
                "parts": [p.path for p in f.parts],
                "size_bytes": f.size,
                "quantization": f.quant,
                "fit": f.fit.label.value if f.fit else None,
                "needs_bytes": f.fit.need_bytes if f.fit else None,
                "recommended": f.recommended,
            }
            for f in files
        ]
        print(json.dumps(rows, indent=2))
        return EXIT_OK
    for f in files:
        mark = "  (recommended)" if f.recommended else ""
        fit = f.fit.describe() if f.fit else ""
        print(f"{f.name}\t{human_size(f.size)}\t{f.quant}\t{fit}{mark}")
    return EXIT_OK


class _StderrProgress:
    """Prints download progress on stderr: one rewritten line on a terminal, else every 10 %."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last_tenth = -1

    def __call__(self, progress: Any) -> None:
        if progress.notice:  # another Writer holds the file: say so, once, on its own line
            if self.tty:
                print(f"\r{progress.notice}\033[K", file=sys.stderr, flush=True)
            else:
                print(progress.notice, file=sys.stderr, flush=True)
            return
        left = f", {progress.seconds_left:.0f} s left" if progress.seconds_left else ""
        line = (
            f"{progress.filename}: {progress.fraction:6.1%}  {human_size(progress.done_bytes)}"
            f" of {human_size(progress.total_bytes)}, {human_size(progress.bytes_per_s)}/s{left}"
        )
        if self.tty:
            print(f"\r{line}\033[K", end="", file=sys.stderr, flush=True)
            return
        tenth = int(progress.fraction * 10)
        if tenth != self.last_tenth:
            self.last_tenth = tenth
            print(line, file=sys.stderr, flush=True)

    def finish(self) -> None:
        """End the rewritten line."""
        if self.tty:
            print(file=sys.stderr)


def run_download(args: argparse.Namespace) -> int:
    """Download a model file; print its path when it is complete and verified."""
    from writer.hub.download import download_model
    from writer.hub.repo_files import find_model_file

    progress = _StderrProgress()
    cancel = threading.Event()
    try:
        model = find_model_file(args.repo, args.file)
        path = download_model(model, on_progress=progress, cancel=cancel)
    except KeyboardInterrupt:
        cancel.set()
        progress.finish()
        return _fail("Download interrupted. Run the same command again to resume.")
    except DownloadCancelledError as error:
        progress.finish()
        return _fail(str(error))
    except WriterError as error:
        progress.finish()
        return _fail(str(error))
    progress.finish()
    print(path)
    return EXIT_OK
