"""Data protection for the people in the register (GDPR): innsyn, erasure and retention.

* :mod:`competence.privacy.references`: which tables and columns point at a person, derived from
  the schema so that a new table is never forgotten.
* :mod:`competence.privacy.innsyn`: everything held on one person, as JSON (art. 15).
* :mod:`competence.privacy.erasure`: delete a person and every trace of them (art. 17).
* :mod:`competence.privacy.retention`: anonymise or erase people some months after they left.
* :mod:`competence.privacy.auditlog`: the audit log as a file (CSV or JSON) for the data controller.
"""
