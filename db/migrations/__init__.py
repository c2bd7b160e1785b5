"""Alembic migrations (``versions/``), run through :mod:`db.migrate`.

``HEAD`` names the newest revision so that opening a database that is already current needs no
Alembic import at all; ``tests/test_migrations.py`` checks it against the scripts.
"""

HEAD = "0012"
