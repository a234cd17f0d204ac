"""noticegen: a privacy-notice compiler for GDPR notices in Finnish, English and more."""

__version__ = "0.1.0"
"""The one place the version is written: pyproject.toml reads it from here (docs/releasing.md)."""
