"""Entry point of the frozen app: the same command line as the ``writer`` command.

PyInstaller needs a script; this one runs :func:`writer.cli.main`, so the
built ``writer`` executable opens the window, and ``writer continue FILE`` and
the other subcommands run headless, exactly as in a source install.
"""

import multiprocessing
import sys

from writer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless; needed if a subprocess is ever spawned
    sys.exit(main())
