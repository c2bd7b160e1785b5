"""Formal qualifications (docs/compliance.md): the municipality's catalogue (education, fag-/
svennebrev, authorisations, licences), what each person holds, dispensations from a qualification
a post requires, and where each person stands with the qualifications their roles require.

A qualification is proven by a document the municipality keeps elsewhere: the register holds only
a reference to it (where it is filed), never a copy and never a national identity number.
"""

from competence.qualifications.builtin import ensure_builtin_qualifications
from competence.qualifications.catalogue import (
    QualificationInput,
    QualificationView,
    create_qualification,
    delete_qualification,
    list_qualifications,
    qualification_catalogue,
    update_qualification,
)
from competence.qualifications.dispensations import (
    DispensationInput,
    DispensationView,
    add_dispensation,
    delete_dispensation,
    dispensations_of,
    update_dispensation,
)
from competence.qualifications.held import (
    HeldInput,
    HeldQualification,
    add_held_qualification,
    delete_held_qualification,
    held_qualifications,
    update_held_qualification,
)

__all__ = [
    "DispensationInput",
    "DispensationView",
    "HeldInput",
    "HeldQualification",
    "QualificationInput",
    "QualificationView",
    "add_dispensation",
    "add_held_qualification",
    "create_qualification",
    "delete_dispensation",
    "delete_held_qualification",
    "delete_qualification",
    "dispensations_of",
    "ensure_builtin_qualifications",
    "held_qualifications",
    "list_qualifications",
    "qualification_catalogue",
    "update_dispensation",
    "update_held_qualification",
    "update_qualification",
]
