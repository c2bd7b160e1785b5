"""A small register in which one person (the *subject*) appears in every place a person can.

The subject has rows of their own in every table that is about a person, and holds every role
towards a colleague (unit leader, manager, leader of the colleague's appraisal talk, assessor by
name). She is mentioned in a colleague's note by name, by e-mail address and by employee number as
the HR system writes it (with leading zeros), and by name in register-wide text (a role's
description). The privacy tests check, place by place, that innsyn shows it and erasure removes it;
a new table referring to people makes them fail until this builder (and so the code) covers it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from competence import appraisals, assessments, certificates, employees, goals, qualifications, roles, units
from competence.planning import measures
from competence.uow import UnitOfWork
from db.codes import MeasureKind
from db.models import RegisterAccount
from tests.support.factories import make_mini_framework

SUBJECT_NO = "770011"
SUBJECT_FIRST = "Åsebjørg"
SUBJECT_LAST = "Quistgaard-Ødegård"
SUBJECT_EMAIL = "asebjorg.quistgaard@example.no"
SUBJECT_NAME = f"{SUBJECT_FIRST} {SUBJECT_LAST}"
#: Her login on a shared register (competence.access).
SUBJECT_LOGIN = "aqo770"
#: Strings that must not survive an erasure anywhere in the database file.
SUBJECT_TRACES = (SUBJECT_FIRST, SUBJECT_LAST, SUBJECT_EMAIL, "Quistgaard")
#: Her note in a colleague's appraisal talk, as the erasure must leave it.
COLLEAGUE_TALK_NOTES_AFTER = "Kari sender rapporten til [slettet] (ansattnr [slettet]) innen fredag."
COLLEAGUE_NO = "770022"
MANAGER_NO = "770033"


@dataclass(frozen=True)
class Register:
    subject_id: int
    colleague_id: int
    manager_id: int
    unit_id: int
    led_unit_id: int
    subject_appraisal_id: int
    colleague_appraisal_id: int
    colleague_assessment_id: int


def build_register(uow: UnitOfWork) -> Register:
    fw = make_mini_framework(uow)
    home = units.create_unit(uow, "100", "Hjemmetjenesten")
    led = units.create_unit(uow, "200", "Rehabilitering")
    role = roles.create_role(uow, "Sykepleier", f"Fagansvarlig: {SUBJECT_NAME}")
    roles.set_requirement(uow, role.id, fw.competence_ids["dig-1"], 3)
    manager = employees.create_employee(uow, MANAGER_NO, "Mona", "Leder", email="mona@example.no")
    subject = employees.create_employee(
        uow, SUBJECT_NO, SUBJECT_FIRST, SUBJECT_LAST, email=SUBJECT_EMAIL, manager_id=manager.id
    )
    colleague = employees.create_employee(
        uow, COLLEAGUE_NO, "Kari", "Kollega", email="kari@example.no", manager_id=subject.id
    )
    units.update_unit(uow, led.id, expected_version=led.version, leader_id=subject.id)
    employees.add_position(
        uow, subject.id, employees.PositionInput(home.id, "Sykepleier", role.id, 80.0, manager_id=manager.id)
    )
    employees.add_position(
        uow,
        colleague.id,
        employees.PositionInput(led.id, "Fysioterapeut", None, 100.0, manager_id=subject.id),
    )
    new = assessments.NewAssessment
    comp = fw.competence_ids["dig-1"]
    assessments.record_assessment(
        uow, new(subject.id, comp, 2, dt.date(2024, 5, 1), "self", note="Trenger mer øving, sa Åsebjørg")
    )
    assessments.record_assessment(uow, new(subject.id, comp, 3, dt.date(2024, 9, 1), "leader", "Mona Leder"))
    colleague_assessment = assessments.record_assessment(
        uow, new(colleague.id, comp, 4, dt.date(2024, 9, 2), "leader", SUBJECT_NAME, note="Godt arbeid")
    )
    certificates.add_certificate(
        uow,
        subject.id,
        certificates.CertificateInput(
            "", dt.date(2024, 2, 1), competence_id=fw.competence_ids["hms-cert"], note="Bestått med glans"
        ),
    )
    certificates.add_certificate(
        uow,
        colleague.id,
        certificates.CertificateInput(
            "Førstehjelp", dt.date(2024, 3, 1), note=f"Kurset holdt av {SUBJECT_LAST}, {SUBJECT_FIRST}"
        ),
    )
    goal = goals.add_goal(
        uow,
        subject.id,
        goals.GoalInput(
            "Kurs i informasjonssikkerhet",
            "e_learning",
            fw.competence_ids["dig-2"],
            target_level=5,
            hours=6,
            cost_nok=1500,
            result="Ønsker å bli superbruker",
        ),
    )
    subject_talk = appraisals.record_appraisal(
        uow,
        subject.id,
        appraisals.AppraisalInput(
            dt.date(2025, 3, 1),
            leader_id=manager.id,
            summary="Åsebjørg trives, men er sliten",
            agreed="Mindre kveldsvakter",
            notes="Privat: flytter kanskje",
            goal_ids=(goal.id,),
        ),
    )
    colleague_talk = appraisals.record_appraisal(
        uow,
        colleague.id,
        appraisals.AppraisalInput(
            dt.date(2025, 3, 2),
            leader_id=subject.id,
            summary=f"Samtale ledet av {SUBJECT_NAME}.",
            notes=f"Kari sender rapporten til {SUBJECT_EMAIL} (ansattnr 0{SUBJECT_NO}) innen fredag.",
        ),
    )
    # she is responsible for a measure of the unit she leads (a role reference: the unit's, not hers)
    measures.add_measure(
        uow,
        led.id,
        measures.MeasureInput(
            2025,
            MeasureKind.DEVELOP,
            "Veiledning i rehabilitering",
            competence_id=comp,
            responsible_id=subject.id,
        ),
    )
    fagbrev = qualifications.create_qualification(
        uow, qualifications.QualificationInput("trade_certificate", "Fagbrev i helsearbeiderfaget")
    )
    qualifications.add_held_qualification(
        uow,
        subject.id,
        qualifications.HeldInput(
            fagbrev.id, dt.date(2012, 6, 20), document_ref="Personalmappen", note="Kopi levert av Åsebjørg"
        ),
    )
    qualifications.add_dispensation(
        uow,
        subject.id,
        qualifications.DispensationInput(
            fagbrev.id, dt.date(2025, 1, 1), dt.date(2025, 12, 31), granted_by="Kommunedirektøren"
        ),
    )
    qualifications.add_dispensation(
        uow,
        colleague.id,
        qualifications.DispensationInput(
            fagbrev.id, dt.date(2025, 1, 1), dt.date(2025, 12, 31), granted_by=f"{SUBJECT_NAME}, kommunalsjef"
        ),
    )
    with uow:  # a login on a shared register (competence.access works on PostgreSQL only)
        uow.session.add(RegisterAccount(login=SUBJECT_LOGIN, kind="leader", employee_id=subject.id))
        uow.commit()
    return Register(
        subject.id,
        colleague.id,
        manager.id,
        home.id,
        led.id,
        subject_talk.id,
        colleague_talk.id,
        colleague_assessment.id,
    )
