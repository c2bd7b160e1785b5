"""Rammeverk og roller: browse and edit competence frameworks, roles and their required levels."""
