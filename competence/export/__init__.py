"""Exports: Excel workbooks (matrix, gap report, assessment template and its import) and
PDF reports (development plan, unit competence plan, batch).

Every export records an audit event (what, which unit, counts; never names) and writes text cells
so that a spreadsheet program can never run them as formulas.
"""
