"""Plain-Python core of Writer: no Qt widgets here."""
