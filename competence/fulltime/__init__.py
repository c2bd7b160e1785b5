"""Heltidskultur that counts: FTE per person summed over all their posts (docs/planning.md).

:func:`competence.fulltime.service.fulltime_report` is the user action (the Oversikt panel, the
Planlegging screen, ``heltid`` and the Excel report); :mod:`competence.fulltime.figures` holds the
session-level queries it is made of.
"""
