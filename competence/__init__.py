"""Kompetanseregister's domain: services, analysis, import and export. Never imports Qt."""

__version__ = "0.1.0"
