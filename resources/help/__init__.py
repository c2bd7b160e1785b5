"""The user guide shown in the app (Hjelp → Brukerveiledning, F1): one Markdown file per topic and
language, ``<topic>.<nb|en>.md``; the topics and their order are in ui/help.py."""
