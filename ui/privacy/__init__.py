"""Data protection in the desktop app: innsyn, erasure, retention, the audit log, and the start-up
checks that keep the register safe (a damaged file, a file on a network drive)."""
