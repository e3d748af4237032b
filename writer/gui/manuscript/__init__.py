"""Manuscripts in the window: snapshots (take, list, compare, restore) and DOCX/EPUB/ODT export."""
