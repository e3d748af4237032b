"""Templates: New from Template, and screenplay highlighting and export."""
