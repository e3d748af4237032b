"""``writer bench``: print speed ratios of the app against raw llama-cpp-python."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING

from writer.commands.common import progress

if TYPE_CHECKING:
    import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``bench`` subcommand."""
    parser = subparsers.add_parser("bench", help="measure the app against raw llama-cpp-python")
    parser.add_argument("--model", metavar="PATH", help="GGUF model (default: the bundled one)")
    parser.add_argument("--only", action="append", metavar="SECTION", help="run one section")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the benchmark and print its figures."""
    from writer.bench.sections import SECTIONS, run_bench
    from writer.core.model_files import check_gguf, choose_model

    model = choose_model(args.model)
    check_gguf(model)
    unknown = set(args.only or []) - set(SECTIONS)
    if unknown:
        print(
            f"writer bench: unknown section {', '.join(sorted(unknown))}; "
            f"sections: {', '.join(SECTIONS)}",
            file=sys.stderr,
        )
        return 2
    progress(f"Benchmarking on {model.name}…")
    figures = run_bench(model, args.only)
    if args.json:
        print(json.dumps([asdict(f) for f in figures], indent=1))
        return 0
    width = max(len(f.name) for f in figures) if figures else 0
    for f in figures:
        mark = "ok " if f.ok else "MISS"
        print(
            f"{mark} [{f.section}] {f.name:<{width}}  {f.value:8.3f}  (target {f.target})"
            f"  {f.detail}"
        )
    return 0
