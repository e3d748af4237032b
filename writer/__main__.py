"""`python -m writer` runs the same command line as `writer`."""

import sys

from writer.cli import main

sys.exit(main())
