"""The engine: llama.cpp behind a plain-Python backend, and the thread that owns it."""
