"""PDF reports (reportlab) with DejaVu Sans embedded, so æøå print and survive copy/paste and text
extraction: the individual development plan, the unit competence plan and the batch of plans."""
