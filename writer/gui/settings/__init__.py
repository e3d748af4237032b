"""Settings: the dialog, and applying changes without a restart."""
