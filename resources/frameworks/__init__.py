"""The built-in competence frameworks, as data files (``*.json``; format in docs/frameworks.md)."""
