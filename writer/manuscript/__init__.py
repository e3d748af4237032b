"""Manuscripts: snapshots to go back to, and export to DOCX, EPUB, ODT, HTML and text.

Plain Python with no Qt: the GUI (``writer.gui.snapshots``) and the command
line (``writer export``, ``writer snapshot``) only wire it.
"""
