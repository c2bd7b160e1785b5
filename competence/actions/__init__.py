"""The use cases: one function per user action, each in ONE unit of work.

A use case opens the action's unit of work (``uow.reading()`` for a screen that shows something,
``uow.snapshot()`` for an export, ``with uow:`` for a change) and calls the services inside it; each
service's own block joins the action's transaction instead of opening one of its own, so that
everything one screen shows comes from one snapshot and a change commits once or not at all
(competence/uow.py, docs/architecture.md). The desktop app and the command line call these, never a
string of services one after the other.

The exports (:mod:`competence.export`, listed in :mod:`competence.export.registry`), the imports
(:func:`competence.roster.service.run_import`,
:func:`competence.export.excel.template_import.import_assessments`) and the edits of the services
are use cases of their own: each opens one unit of work.
"""
