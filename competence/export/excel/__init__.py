"""Excel workbooks (openpyxl): competence matrix, gap report, assessment template and its import."""
