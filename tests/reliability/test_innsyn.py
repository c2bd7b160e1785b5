"""Innsyn exports everything held on one person, from every table that refers to them."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import Column, ForeignKey, Integer, MetaData, Text, func, select

from competence import audit
from competence.cli import main
from competence.errors import NotFoundError
from competence.privacy.erasure import erase_person
from competence.privacy.innsyn import MENTION_CONTEXT, ROLE_FIELDS, collect_person, export_person
from competence.privacy.references import person_references, role_references, subject_references, table
from competence.progress import Cancelled, CancelToken
from competence.uow import UnitOfWork
from db.models import Base
from db.session import Database
from tests.reliability.people import (
    COLLEAGUE_NO,
    SUBJECT_EMAIL,
    SUBJECT_FIRST,
    SUBJECT_NAME,
    SUBJECT_NO,
    Register,
    build_register,
)


def _rows_referring(uow: UnitOfWork, table_name: str, column: str, person_id: int) -> int:
    t = table(table_name)
    where = [t.c[column] == person_id]
    if table_name == "employee":
        where.append(t.c.id != person_id)
    with uow:
        return int(uow.session.scalar(select(func.count()).select_from(t).where(*where)) or 0)


def test_references_are_derived_from_the_schema() -> None:
    keys = {r.key for r in person_references()}
    assert {
        "position.employee_id",
        "position.manager_id",
        "assessment.employee_id",
        "certificate.employee_id",
        "appraisal.employee_id",
        "appraisal.leader_id",
        "learning_goal.employee_id",
        "org_unit.leader_id",
        "employee.manager_id",
    } <= keys
    # A table added later is picked up without anyone updating a list.
    metadata = MetaData()
    for t in Base.metadata.sorted_tables:
        t.to_metadata(metadata)
    from sqlalchemy import Table

    Table(
        "mentoring",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("mentee_id", ForeignKey("employee.id", ondelete="CASCADE")),
        Column("note", Text),
    )
    assert "mentoring.mentee_id" in {r.key for r in subject_references(metadata)}


def test_every_role_reference_declares_what_may_be_shown() -> None:
    assert set(ROLE_FIELDS) == {r.key for r in role_references()}


def test_export_covers_every_reference(uow: UnitOfWork) -> None:
    reg = build_register(uow)
    data = collect_person(uow, SUBJECT_NO)
    for ref in person_references():
        held = _rows_referring(uow, ref.table, ref.column, reg.subject_id)
        assert held >= 1, f"the test register has no row in {ref.key}: extend tests/reliability/people.py"
        if ref.is_subject:
            assert len(data["records"][ref.table]) == held, ref.key
        else:
            assert data["roles"][ref.key]["count"] == held, ref.key


def test_export_content_is_readable_and_complete(uow: UnitOfWork) -> None:
    build_register(uow)
    data = collect_person(uow, "0770011")  # any spelling of the number
    assert data["format"] == "kompetanseregister-innsyn"
    person = data["person"]
    assert (person["employee_no"], person["first_name"], person["email"]) == (
        SUBJECT_NO,
        SUBJECT_FIRST,
        SUBJECT_EMAIL,
    )
    assert person["manager_label"] == "Mona Leder"
    assert {p["unit_label"] for p in data["records"]["position"]} == {"100 Hjemmetjenesten"}
    assert {a["competence_label"] for a in data["records"]["assessment"]} == {"Digitale verktøy"}
    assert any(a["note"] == "Trenger mer øving, sa Åsebjørg" for a in data["records"]["assessment"])
    assert data["records"]["appraisal"][0]["notes"] == "Privat: flytter kanskje"
    assert data["records"]["learning_goal"][0]["target_level_label"] == "Nivå 5"
    assert data["roles"]["org_unit.leader_id"]["items"] == [{"number": "200", "name": "Rehabilitering"}]
    assert {e["action"] for e in data["audit_log"]} >= {"create", "assess"}
    json.dumps(data)  # JSON-ready as it is


def test_export_does_not_leak_colleagues(uow: UnitOfWork) -> None:
    build_register(uow)
    text = json.dumps(collect_person(uow, SUBJECT_NO), ensure_ascii=False)
    for colleague_data in (
        "Kari",
        "Kollega",
        "kari@example.no",
        "Fysioterapeut",
        "Godt arbeid",
        COLLEAGUE_NO,
    ):
        assert colleague_data not in text


def _innsyn_events(uow: UnitOfWork) -> list[tuple[str | None, object, object]]:
    return [
        (e.employee_no, e.details.get("what"), e.details.get("format"))
        for e in audit.list_events(uow, action="export")
    ]


def test_export_is_audited_once_the_file_is_written(uow: UnitOfWork, tmp_path: Path) -> None:
    build_register(uow)
    assert not _innsyn_events(uow)
    collect_person(uow, SUBJECT_NO)  # reading alone is not an export
    assert not _innsyn_events(uow)
    written = export_person(uow, SUBJECT_NO, tmp_path / "innsyn.json", as_pdf=False)
    assert written.path.exists() and written.records >= 5
    assert _innsyn_events(uow) == [(SUBJECT_NO, "innsyn", "json")]


def test_a_failed_or_cancelled_export_is_not_in_the_log_and_leaves_no_file(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    build_register(uow)
    out = tmp_path / "ut"
    out.mkdir()
    blocker = out / "fil"
    blocker.write_text("en fil, ikke en mappe", encoding="utf-8")
    with pytest.raises(OSError):
        export_person(uow, SUBJECT_NO, blocker / "innsyn.json", as_pdf=False)
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        export_person(uow, SUBJECT_NO, out / "innsyn.pdf", as_pdf=True, cancel=cancel)
    late = CancelledWhileWriting()
    with pytest.raises(Cancelled):
        export_person(uow, SUBJECT_NO, out / "innsyn.pdf", as_pdf=True, cancel=late)
    assert late.checks == 2  # the second check, after the PDF was written, cancelled it
    assert not _innsyn_events(uow)
    assert sorted(p.name for p in out.iterdir()) == ["fil"]


class CancelledWhileWriting(CancelToken):
    """A user who presses Avbryt while the file is being written (after the first check)."""

    def __init__(self) -> None:
        super().__init__()
        self.checks = 0

    def raise_if_cancelled(self) -> None:
        self.checks += 1
        if self.checks == 2:
            self.cancel()
        super().raise_if_cancelled()


def test_unknown_person_is_a_clear_refusal(uow: UnitOfWork, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError) as info:
        export_person(uow, "999999", tmp_path / "innsyn.json", as_pdf=False)
    assert "999999" in info.value.message("nb")
    assert not (tmp_path / "innsyn.json").exists()


def test_written_file_is_private(sqlite_uow: UnitOfWork, tmp_path: Path) -> None:
    build_register(sqlite_uow)
    path = export_person(sqlite_uow, SUBJECT_NO, tmp_path / "innsyn.json", as_pdf=False).path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text(encoding="utf-8"))["person"]["last_name"] == "Quistgaard-Ødegård"
    assert not list(tmp_path.glob("*.part"))


def test_cli_export_person(
    sqlite_database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg: Register = build_register(UnitOfWork(sqlite_database, "hr"))
    assert reg.subject_id
    out = tmp_path / "ut" / "innsyn.json"
    assert main(["export-person", SUBJECT_NO, str(out), "--db", sqlite_database.url]) == 0
    assert "Innsyn skrevet til" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["person"]["employee_no"] == SUBJECT_NO
    assert main(["--lang", "en", "export-person", "424242", str(out), "--db", sqlite_database.url]) == 1
    assert "Employee number '424242' was not found" in capsys.readouterr().err


def _pdf_text(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def _font_names(path: Path) -> set[str]:
    import pypdf

    names = set()
    for page in pypdf.PdfReader(str(path)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            names.add(f"{font['/BaseFont']}{'' if embedded else ' (not embedded)'}")
    return names


def test_readable_pdf(sqlite_database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_register(UnitOfWork(sqlite_database, "hr"))
    out = tmp_path / "innsyn.pdf"
    assert main(["export-person", SUBJECT_NO, str(out), "--db", sqlite_database.url]) == 0
    assert "Innsyn skrevet til" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"%PDF") and stat.S_IMODE(out.stat().st_mode) == 0o600
    text = _pdf_text(out)
    for expected in (
        "Innsyn: opplysninger registrert om deg",
        "Åsebjørg Quistgaard-Ødegård",  # æøå survive text extraction: the fonts are embedded
        SUBJECT_EMAIL,
        "Stillinger (1)",
        "Kompetansevurderinger (2)",
        "Trenger mer øving, sa Åsebjørg",
        "Egenvurdering",  # codes shown as words
        "Privat: flytter kanskje",
        "Leder for enheten",
        "Der du er nevnt i andres opplysninger (7)",
        "Formelle kvalifikasjoner (1)",
        "Dispensasjoner fra kvalifikasjonskrav (1)",
        "[kollega] sender rapporten til",
        "hvert sted du er nevnt i andres opplysninger",
        "Logg over behandlingen",
    ):
        assert expected in " ".join(text.split()), expected
    for colleague_data in ("Kari", "Kollega", "Fysioterapeut", "Godt arbeid"):
        assert colleague_data not in text
    fonts = _font_names(out)
    assert fonts and all("DejaVu" in f and "not embedded" not in f for f in fonts), fonts


def test_readable_pdf_in_english(
    sqlite_database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --lang en (or English chosen in the app) the document is English throughout: headings,
    labels, stored codes, dates, the placeholder for a colleague and the log's actions."""
    build_register(UnitOfWork(sqlite_database, "hr"))
    out = tmp_path / "access.pdf"
    assert main(["--lang", "en", "export-person", SUBJECT_NO, str(out), "--db", sqlite_database.url]) == 0
    assert "Access report written to" in capsys.readouterr().out
    text = " ".join(_pdf_text(out).split())
    for expected in (
        "Access request: the data registered about you",
        "Positions (1)",
        "Competence assessments (2)",
        "Self-assessment",
        "Leader of the unit",
        "Where you are named in others' data (7)",
        "[colleague] sender rapporten til",  # the colleague's note itself stays as written
        "every place you are named in others' data",
        "Log of the processing",
        "02/09/2024",
    ):
        assert expected in text, expected
    for norwegian in (
        "Stillinger",
        "Kompetansevurderinger",
        "Egenvurdering",
        "[kollega]",
        "Logg over",
        "Ja",
        "Nei",
    ):
        assert f" {norwegian} " not in f" {text} ", norwegian


def test_both_languages_name_the_same_tables_and_columns() -> None:
    from competence.privacy import innsyn_pdf as words

    assert words.SECTIONS.keys() == words.SECTIONS_EN.keys()
    assert words.PLACES.keys() == words.PLACES_EN.keys()
    assert words.FOUND.keys() == words.FOUND_EN.keys()
    assert words.ROLES.keys() == words.ROLES_EN.keys()
    assert words.LABELS.keys() == words.LABELS_EN.keys()


def test_every_table_with_text_declares_what_is_shown_beside_a_mention() -> None:
    from competence.privacy.traces import free_text_columns, name_columns

    with_text = {
        t.name
        for t in Base.metadata.sorted_tables
        if t.name != "employee" and (free_text_columns(t) or name_columns(t))
    }
    assert with_text <= set(MENTION_CONTEXT), with_text - set(MENTION_CONTEXT)


def test_export_shows_where_she_is_named_in_others_rows(uow: UnitOfWork) -> None:
    """The assessments she made as assessor, the talks she led, and mentions of her by name, e-mail
    address or employee number in colleagues' notes and in register-wide text."""
    build_register(uow)
    data = collect_person(uow, SUBJECT_NO)
    places = {(m["table"], m["column"]): m for m in data["mentions"]}
    assert set(places) == {
        ("assessment", "assessor"),
        ("appraisal", "leader_name"),
        ("appraisal", "summary"),
        ("appraisal", "notes"),
        ("certificate", "note"),
        ("role", "description"),
        ("dispensation", "granted_by"),
    }
    assessed = places[("assessment", "assessor")]
    assert assessed["excerpt"] == SUBJECT_NAME
    assert (assessed["context"]["assessed_on"], assessed["context"]["competence_label"]) == (
        "2024-09-02",
        "Digitale verktøy",
    )
    notes = places[("appraisal", "notes")]
    assert notes["found"] == ["email", "employee_no"]
    assert (
        notes["excerpt"]
        == f"[kollega] sender rapporten til {SUBJECT_EMAIL} (ansattnr 0{SUBJECT_NO}) innen fredag."
    )
    assert places[("role", "description")]["context"] == {"name": "Sykepleier"}
    assert data["roles"]["appraisal.leader_id"]["items"] == [
        {"held_on": "2025-03-02", "leader_name": SUBJECT_NAME}
    ]


def test_innsyn_shows_exactly_what_erasure_removes(uow: UnitOfWork) -> None:
    """One definition of where a person appears: innsyn lists every place the erasure would change."""
    build_register(uow)
    data = collect_person(uow, SUBJECT_NO)
    preview = erase_person(uow, SUBJECT_NO, dry_run=True)
    assert {t: len(rows) for t, rows in data["records"].items()} == {
        t: n for t, n in preview.rows_deleted.items() if t != "employee"
    }
    assert {k: r["count"] for k, r in data["roles"].items()} == preview.references_cleared
    assert len(data["mentions"]) == preview.mentions_removed
    assert len(data["audit_log"]) == preview.audit_events_removed


def test_in_a_real_register_every_assessment_and_talk_of_a_leader_is_shown(sqlite_database: Database) -> None:
    """A demo municipality: the leader who assessed most colleagues sees every one of those
    assessments, and every talk she led, with its date."""
    from competence.demo import generate_demo
    from db.models import Appraisal, Assessment, Employee

    generate_demo(sqlite_database, employees=200, seed=2019)
    uow = UnitOfWork(sqlite_database)
    with uow:
        s = uow.session
        name = Employee.first_name + " " + Employee.last_name
        top = s.execute(
            select(Employee.employee_no, Employee.id, func.count(Assessment.id))
            .join(Assessment, Assessment.assessor == name)
            .where(Assessment.employee_id != Employee.id)
            .group_by(Employee.id)
            .order_by(func.count(Assessment.id).desc())
            .limit(1)
        ).one()
        talks = s.scalars(select(Appraisal.held_on).where(Appraisal.leader_id == top[1])).all()
    number, _, assessed = top
    assert assessed >= 5, "the demo municipality has no leader who assesses others"
    data = collect_person(uow, number)
    mine = [m for m in data["mentions"] if (m["table"], m["column"]) == ("assessment", "assessor")]
    assert len(mine) == assessed
    shown = data["roles"]["appraisal.leader_id"]
    assert shown["count"] == len(talks) and sorted(i["held_on"] for i in shown["items"]) == sorted(
        d.isoformat() for d in talks
    )
