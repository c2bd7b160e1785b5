"""The unit's strategic competence planning (docs/planning.md), following KS's method: from the
strategy's goals to required competence, status and gaps, targets, measures and their budget, and
the evaluation of last year's measures.

* :mod:`competence.planning.targets`: "we need N people at level L or above in competence C";
* :mod:`competence.planning.holders`: who in a unit holds a competence at a level, on a date;
* :mod:`competence.planning.measures`: the unit's measures (tiltak) per year;
* :mod:`competence.planning.budget`: the competence budget, planned against used;
* :mod:`competence.planning.overview`: the user actions that load what a screen shows.
"""
