"""Widgets and display helpers that know no window: editor, status bar, highlighters, themes."""
