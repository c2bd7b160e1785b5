"""Ansattkort: one employee's page (positions, competence profile, goals, certificates, talks)."""
