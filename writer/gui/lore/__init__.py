"""The lorebook, author's note, story so far and context inspector in the window."""
