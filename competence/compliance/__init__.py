"""Compliance (docs/compliance.md): mandatory requirements proven by a document (a course
certificate, a formal qualification) that people lack, with since when and their deadline."""
