"""Planlegging: the unit's targets, measures and budget, 10-FAKTOR and heltidskultur."""
