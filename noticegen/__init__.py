"""noticegen: a privacy-notice compiler for GDPR notices in Finnish, English and more."""

__version__ = "0.1.0"
