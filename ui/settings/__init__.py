"""Innstillinger: the user's own preferences, the register's settings, backups and the database."""
