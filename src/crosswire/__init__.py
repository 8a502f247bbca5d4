"""Crosswire: turn a pile of news articles about a developing story into a cross-checked dossier."""

__version__ = "0.1.0"
