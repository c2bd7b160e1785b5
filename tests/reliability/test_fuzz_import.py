"""For the roster import: header matching on any text, and the whole import on
generated and on mutated workbooks, for a bounded number of examples. The only failure allowed is a
clear refusal (a LocalizedError, bilingual); never a crash, and never a formula stored as a name.

The import's own property tests of the cell normalisers are in tests/roster/test_cells.py.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import select

from competence.roster import preview_import, run_import
from competence.roster.headers import header_data, header_key, is_national_id_header, match_header
from competence.uow import UnitOfWork
from competence.validation import looks_like_formula
from db.errors import LocalizedError
from db.models import Employee
from db.session import Database
from tests.roster.builders import STANDARD_HEADER, RosterSpec, simple_rows, write_roster

MEMBERS = ("xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml")
FIELDS = {spec.key for spec in header_data().fields}
BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.sampled_from(STANDARD_HEADER).map(lambda h: h + "\u0301 x%#&")))
def test_header_matching_takes_any_text(text: str) -> None:
    match = match_header(text)
    assert match is None or (match.field in FIELDS and 0 < match.confidence <= 1)
    assert isinstance(is_national_id_header(text), bool)
    assert header_key(header_key(text)) == header_key(text)


def _mangle(header: str, rng: random.Random) -> str:
    """A header as a person might type it: other case, other spacing, punctuation, a stray word."""
    text = rng.choice([header, header.upper(), header.lower(), header.title()])
    text = text.replace(" ", rng.choice([" ", "  ", "\u00a0", "_", ""]))
    return rng.choice(["", " ", "*"]) + text + rng.choice(["", ".", ":", " (HR)", " "])


def _printable(value: object) -> object:
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


CELL = st.one_of(
    st.none(),
    st.text(max_size=40).map(_printable),
    st.sampled_from(["=1+1", "+47", "-12", "@SUM(A1)", "\t=cmd", '=HYPERLINK("x")', "Aas, Anne", "004711"]),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
)


@st.composite
def rosters(draw: st.DrawFn) -> RosterSpec:
    rng = random.Random(draw(st.integers(0, 2**32)))
    columns = draw(
        st.lists(st.sampled_from(range(len(STANDARD_HEADER))), min_size=1, max_size=9, unique=True)
    )
    header = [_mangle(STANDARD_HEADER[c], rng) for c in columns]
    header += draw(st.lists(st.text(max_size=12).map(_printable), max_size=2))
    base = simple_rows(draw(st.integers(0, 12)))
    rows = []
    for row in base:
        values = [row[c] for c in columns] + [None] * (len(header) - len(columns))
        for i in range(len(values)):
            if draw(st.integers(0, 4)) == 0:  # about one cell in five replaced by anything at all
                values[i] = draw(CELL)
        rows.append(values)
    return RosterSpec(header=header, rows=rows, title=draw(st.sampled_from([None, "Ansattliste"])))


def _refusal_is_clear(exc: LocalizedError) -> None:
    event(f"refused: {exc.code}")
    assert exc.message("nb").strip() and exc.message("en").strip()
    assert "Traceback" not in exc.message("en")


def _no_formula_stored(database: Database) -> None:
    with database.engine.connect() as conn:
        names = conn.execute(select(Employee.first_name, Employee.last_name, Employee.employee_no)).all()
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert not [n for row in names for n in row if n and looks_like_formula(n)]


@pytest.mark.slow
@BOUNDED
@given(spec=rosters())
def test_generated_rosters_import_or_are_refused_clearly(
    spec: RosterSpec, sqlite_database: Database, tmp_path: Path
) -> None:
    path = write_roster(tmp_path / "generert.xlsx", spec)
    uow = UnitOfWork(sqlite_database, "fuzz")
    try:
        preview_import(uow, path)
        event(f"imported: {run_import(uow, path).created > 0}")
    except LocalizedError as exc:
        _refusal_is_clear(exc)
    _no_formula_stored(sqlite_database)


@pytest.fixture(scope="module")
def valid_roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_roster(tmp_path_factory.mktemp("fuzz") / "gyldig.xlsx", RosterSpec(rows=simple_rows(25)))


def _mutate_member(source: Path, target: Path, member: str, edits: list[tuple[int, int]]) -> None:
    """Copy the workbook with bytes of one member changed, the zip itself intact."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = bytearray(src.read(info))
            if info.filename == member and data:
                for position, value in edits:
                    data[position % len(data)] = value
            dst.writestr(info.filename, bytes(data))


@pytest.mark.slow
@BOUNDED
@given(
    where=st.sampled_from(["file", *MEMBERS]),
    edits=st.lists(st.tuples(st.integers(0, 2**31), st.integers(0, 255)), min_size=1, max_size=12),
    cut=st.one_of(st.none(), st.floats(0.0, 1.0)),
)  # fmt: skip
def test_mutated_workbooks_import_or_are_refused_clearly(
    where: str,
    edits: list[tuple[int, int]],
    cut: float | None,
    valid_roster: Path,
    sqlite_database: Database,
    tmp_path: Path,
) -> None:
    path = tmp_path / "mutert.xlsx"
    if where == "file":
        data = bytearray(valid_roster.read_bytes())
        for position, value in edits:
            data[position % len(data)] = value
        if cut is not None:
            data = data[: int(len(data) * cut)]
        path.write_bytes(bytes(data))
    else:
        _mutate_member(valid_roster, path, where, edits)
    uow = UnitOfWork(sqlite_database, "fuzz")
    try:
        run_import(uow, path)
        event("imported")
    except LocalizedError as exc:
        _refusal_is_clear(exc)
    _no_formula_stored(sqlite_database)


def test_the_valid_roster_does_import(valid_roster: Path, sqlite_database: Database, tmp_path: Path) -> None:
    """The mutations start from a file that imports: what they break is theirs."""
    copy = tmp_path / "kopi.xlsx"
    shutil.copyfile(valid_roster, copy)
    assert run_import(UnitOfWork(sqlite_database, "fuzz"), copy).created == 25
    with zipfile.ZipFile(io.BytesIO(copy.read_bytes())) as z:
        assert "xl/worksheets/sheet2.xml" in z.namelist()
