"""Writer: a desktop writing assistant that runs a language model locally."""

__version__ = "0.1.0"
APP_NAME = "Writer"
