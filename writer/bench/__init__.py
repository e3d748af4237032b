"""``writer bench``: speed figures of the app against raw llama-cpp-python, in sections.

One module per section (``continue_writing``, ``assistant``, ``documents``,
``download``), each a function that takes the model path and returns
:class:`~writer.bench.common.Figure` rows; :mod:`writer.bench.sections` lists
them by name and runs them. Adding a section is a module here and one line in
``SECTIONS``.
"""

from writer.bench.common import Figure, on_engine_thread

__all__ = ["Figure", "on_engine_thread"]
