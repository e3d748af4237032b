"""The view around the editor: preview, find/replace, outline, counts."""
