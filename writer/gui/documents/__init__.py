"""Documents: opening and saving files, autosave and recovery, story notes."""
