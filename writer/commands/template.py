"""``writer template list|run``: writing templates, headless.

``writer template list [--json]`` prints the templates (broken template files
are named on stderr with their line). ``writer template run NAME --field
key=value ... [--lang en|zh] [-o FILE]`` writes from a template: the text
streams to stdout, or goes to FILE (a screenplay to ``.html`` is laid out as
a script). Exit codes: 0 done, 1 a failure in one line on stderr, 2 a usage
error (an unknown template, a bad field).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from writer.commands.common import (
    CommandError,
    add_model_arguments,
    add_sampling_arguments,
    load_backend,
    progress,
)
from writer.core.fountain import export_screenplay
from writer.core.presets import template_overrides
from writer.core.sampling import SamplingParams
from writer.core.stage_play import export_stage_play
from writer.core.templates import LANGUAGES, Template, TemplateLibrary, load_templates
from writer.engine.backend import StopFlag
from writer.engine.template_jobs import TemplateJob
from writer.errors import TemplateError

if TYPE_CHECKING:
    import argparse

EXIT_USAGE = 2


class _Sink:
    """Prints the job's text as it streams (unless it goes to a file), notices on stderr."""

    def __init__(self, echo: bool) -> None:
        self.echo = echo

    def text(self, piece: str) -> None:
        """Print one piece."""
        if self.echo:
            sys.stdout.write(piece)
            sys.stdout.flush()

    def progress(self, step: int, total: int, label: str) -> None:
        """Print progress on stderr."""
        progress(f"[{step}/{total}] {label}")

    def notice(self, message: str) -> None:
        """Print a notice on stderr."""
        progress(f"writer: {message}")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``template`` subcommand and its actions."""
    parser = subparsers.add_parser("template", help="list writing templates or write from one")
    actions = parser.add_subparsers(dest="template_command", metavar="{list,run}")
    actions.required = True

    listing = actions.add_parser("list", help="list the templates")
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the names shown (default: en)"
    )
    listing.set_defaults(func=run_list)

    run = actions.add_parser("run", help="write from a template")
    run.add_argument("name", metavar="NAME", help="template id or name (see: writer template list)")
    run.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a field value (repeat for several fields)",
    )
    run.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language to write in (default: en)"
    )
    run.add_argument("-o", "--output", metavar="FILE", help="write the text to FILE")
    add_model_arguments(run)
    add_sampling_arguments(run)
    run.set_defaults(func=run_template)


def _load() -> TemplateLibrary:
    """Load the templates, naming broken files on stderr."""
    library = load_templates()
    for error in library.errors:
        progress(f"writer: skipped broken template {error}")
    return library


def _template_json(template: Template) -> dict[str, Any]:
    """Return what ``list --json`` says about one template."""
    return {
        "id": template.id,
        "name": {lang: template.name_in(lang) for lang in LANGUAGES},
        "description": {lang: template.description_in(lang) for lang in LANGUAGES},
        "kind": template.kind,
        "lines": template.lines,
        "builtin": template.builtin,
        "path": str(template.path) if template.path else None,
        "fields": [
            {
                "key": f.key,
                "type": f.type,
                "label": {lang: f.label_in(lang) for lang in LANGUAGES},
                "default": {lang: f.default_in(lang) for lang in LANGUAGES},
                "options": [
                    {
                        "value": o.value,
                        "label": {lang: o.label_in(lang) for lang in LANGUAGES},
                        "lines": o.lines,
                    }
                    for o in f.options
                ],
            }
            for f in template.fields
        ],
    }


def run_list(args: argparse.Namespace) -> int:
    """Print the templates."""
    library = _load()
    if args.json:
        print(
            json.dumps([_template_json(t) for t in library.templates], ensure_ascii=False, indent=2)
        )
        return 0
    for template in library.templates:
        fields = ", ".join(f.key for f in template.fields)
        print(
            f"{template.id}\t{template.kind}\t{template.name_in(args.lang)}\t[{fields}]\t"
            f"{template.description_in(args.lang)}"
        )
    return 0


def _usage_error(message: str) -> int:
    """Print a usage error in one line on stderr; return exit code 2."""
    print(f"writer: {message}", file=sys.stderr)
    return EXIT_USAGE


def parse_fields(pairs: list[str]) -> dict[str, str]:
    """Return ``--field key=value`` arguments as a dict.

    Raises:
        TemplateError: an argument without "=".
    """
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise TemplateError(f"--field needs KEY=VALUE, not '{pair}'.")
        values[key.strip()] = value
    return values


def run_template(args: argparse.Namespace) -> int:
    """Write from a template to stdout or to a file."""
    library = _load()
    template = library.get(args.name)
    if template is None:
        return _usage_error(
            f"unknown template '{args.name}' (choose one of: {', '.join(library.ids())})"
        )
    try:
        values = parse_fields(args.field)
        resolved = template.resolve(values, args.lang)
    except TemplateError as error:
        return _usage_error(str(error))
    # A Chinese template run (or Chinese fields) loads the Chinese starter when no model is set.
    fields = " ".join(str(value) for value in resolved.values())
    backend = load_backend(args, "中文" if args.lang == "zh" else fields)
    overrides = {
        "max_tokens": args.max_tokens,
        "temperature": args.temperature,
        "top_p": args.top_p,
        "top_k": args.top_k,
        "seed": args.seed,
    }
    chosen = template_overrides() | {k: v for k, v in overrides.items() if v is not None}
    job = TemplateJob(template, values, args.lang, SamplingParams.from_settings(), chosen)
    stats = job.run(backend, _Sink(echo=not args.output), StopFlag())
    if args.output:
        path = Path(args.output)
        try:
            if template.kind == "screenplay":
                export_screenplay(job.text, path, title=template.name_in(args.lang))
            elif template.kind == "stage_play":
                export_stage_play(job.text, path, title=template.name_in(args.lang))
            else:
                path.write_text(job.text + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror or error}") from None
        progress(f"Wrote {path}")
    else:
        sys.stdout.write("\n")
    progress(
        f"{stats.tokens} tokens in {stats.seconds:.2f} s ({stats.tokens_per_s:.1f} tokens/s), "
        f"stop: {stats.stop_reason}"
    )
    return 0
