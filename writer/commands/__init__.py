"""Headless subcommands of ``writer``; each module has ``register(subparsers)``."""
