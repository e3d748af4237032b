"""Help: About and the log folder."""
