"""The schema has no place for a national identity number, an address, health or
absence data: not in the models, and not in the database the migrations build (SQLite and PostgreSQL).

The import's allow-list of columns is tested in test_national_ids_and_minimisation.py.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from sqlalchemy import inspect

from db.models import Base
from db.session import Database

#: Parts of a column name that mean the column holds something the register must never hold.
FORBIDDEN_FRAGMENTS = (
    "fodselsnummer", "foedselsnummer", "fodselsnr", "personnummer", "personnr", "nationalid",
    "identitetsnummer", "socialsecurity", "dnummer",
    "adresse", "address", "postnummer", "postnr", "postcode", "zipcode", "bosted", "street",
    "diagnose", "diagnosis", "helseopplysning", "health", "sykdom", "illness", "sickness", "medical",
    "sykemelding", "sykmelding", "sykefravaer", "sykefravar", "fravaer", "fravar", "absence", "permisjon",
)  # fmt: skip
#: Short abbreviations, matched only as a whole word of the name (``ssn`` but not ``business_no``).
FORBIDDEN_WORDS = ("ssn", "fnr", "pnr", "dnr", "nin", "sykm")


def _normalised(name: str) -> str:
    folded = name.casefold().replace("ø", "o").replace("æ", "ae").replace("å", "a")
    return unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()


def forbidden(name: str) -> str | None:
    """What is wrong with a column name, or None."""
    norm = _normalised(name)
    words = re.split(r"[^a-z0-9]+", norm)
    compact = "".join(words).replace("emailaddress", "email")  # an e-mail address, not a home address
    for fragment in FORBIDDEN_FRAGMENTS:
        if fragment in compact:
            return fragment
    return next((w for w in words if w in FORBIDDEN_WORDS), None)


@pytest.mark.parametrize(
    ("name", "hit"),
    [
        ("fødselsnummer", "fodselsnummer"),
        ("Fodsels_nummer", "fodselsnummer"),
        ("person_nr", "personnr"),
        ("employee_ssn", "ssn"),
        ("home_address", "address"),
        ("postnr", "postnr"),
        ("sykefravær_dager", "sykefravaer"),
        ("fravær", "fravaer"),
        ("diagnose_kode", "diagnose"),
        ("email_address", None),
        ("business_no", None),
        ("assessment_id", None),
        ("employee_no", None),
        ("leader_name", None),
    ],
)
def test_the_check_itself(name: str, hit: str | None) -> None:
    assert forbidden(name) == hit


def test_models_have_no_forbidden_column() -> None:
    offending = [
        (t.name, c.name, why)
        for t in Base.metadata.sorted_tables
        for c in t.columns
        if (why := forbidden(c.name)) or (why := forbidden(t.name))
    ]
    assert offending == []


def test_migrated_database_has_no_forbidden_column(database: Database) -> None:
    inspector = inspect(database.engine)
    offending = [
        (table, col["name"], why)
        for table in inspector.get_table_names()
        for col in inspector.get_columns(table)
        if (why := forbidden(col["name"])) or (why := forbidden(table))
    ]
    assert offending == []
    assert set(inspector.get_table_names()) >= {t.name for t in Base.metadata.sorted_tables}
