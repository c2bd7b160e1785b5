"""Enheter: the unit × competence heatmap, strategy areas, vulnerability and trend."""
