"""Qt widgets of Writer. They wire the plain-Python core to the screen."""
