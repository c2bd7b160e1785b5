"""10-FAKTOR, KS's employee survey, as the register holds it: unit means per factor and year, with
the number who answered, never a person's answer (docs/planning.md, "10-FAKTOR").

The import (``import-10faktor`` and the Import screen) reads the result files the survey's
reporting exports: one row per unit and factor, or one row per unit with a column per factor. The
modules, in the order a file passes through them:

* :mod:`competence.tenfactor.reading`: the roster import's guards and readers, in a child process;
* :mod:`competence.tenfactor.headers` and :mod:`competence.tenfactor.layout`: the columns;
* :mod:`competence.tenfactor.parse`: the rows, as groups (a unit in a year) with their means;
* :mod:`competence.tenfactor.units`: which unit of the register each group is (saved mapping);
* :mod:`competence.tenfactor.service`: the preview and the import, one transaction;
* :mod:`competence.tenfactor.results`: a unit's factors beside the municipality's, and the trend;
* :mod:`competence.tenfactor.minimum`: the minimum group size (5 unless raised).
"""
