"""The data/*.yml registries, loaded once with line marks; their errors are problems."""
