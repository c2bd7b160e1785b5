"""Kompetanseregister's domain: services, analysis, import and export. Never imports Qt."""

#: The program's version: the one place it is written (pyproject.toml reads it from here, and so do
#: ``kompetanse --version``, Hjelp → Om, the register's record of the versions that wrote it, and the
#: Windows installer). Released versions are listed in CHANGELOG.md.
__version__ = "0.2.0.dev0"
