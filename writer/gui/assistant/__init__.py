"""The assistant panel: chat, summaries and selection tools, and their conversations."""
