"""Models: the hub browser, the model manager, switching models, the first-run banner."""
