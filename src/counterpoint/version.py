"""The release, in a module of its own so that renderers can name it without loading the pipeline."""

__version__ = "0.1.0"
