"""Words for what the privacy services return: tables, audit actions, retention outcomes.

The services speak in table names and action codes; these are the texts a unit leader reads,
marked for translation here and translated when shown (so they follow the UI language). A table or
action added later is shown under its own name rather than not at all.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db.codes import AuditAction
from ui.i18n import current_language

CONTEXT = "Personvern"

# Rows about the person, by table (the keys of ``ErasureResult.rows_deleted``).
TABLES = {
    "employee": QT_TRANSLATE_NOOP("Personvern", "Personen selv (navn, e-post, ansattnummer)"),
    "position": QT_TRANSLATE_NOOP("Personvern", "Stillinger"),
    "assessment": QT_TRANSLATE_NOOP("Personvern", "Kompetansevurderinger (med historikk)"),
    "certificate": QT_TRANSLATE_NOOP("Personvern", "Kurs og sertifikater"),
    "learning_goal": QT_TRANSLATE_NOOP("Personvern", "Utviklingsmål"),
    "appraisal": QT_TRANSLATE_NOOP("Personvern", "Medarbeidersamtaler"),
    "register_account": QT_TRANSLATE_NOOP("Personvern", "Tilgang til det felles registeret"),
}

# Roles the person holds in other people's rows (the keys of ``ErasureResult.references_cleared``).
ROLES = {
    "org_unit.leader_id": QT_TRANSLATE_NOOP("Personvern", "Leder for enheter"),
    "employee.manager_id": QT_TRANSLATE_NOOP("Personvern", "Nærmeste leder for andre ansatte"),
    "position.manager_id": QT_TRANSLATE_NOOP("Personvern", "Leder for andres stillinger"),
    "appraisal.leader_id": QT_TRANSLATE_NOOP("Personvern", "Leder i andres medarbeidersamtaler"),
}

# What an audit event is about (``AuditEntry.entity``).
ENTITIES = {
    "employee": QT_TRANSLATE_NOOP("Personvern", "ansatt"),
    "position": QT_TRANSLATE_NOOP("Personvern", "stilling"),
    "assessment": QT_TRANSLATE_NOOP("Personvern", "kompetansevurdering"),
    "assessment_template": QT_TRANSLATE_NOOP("Personvern", "vurderingsskjema"),
    "certificate": QT_TRANSLATE_NOOP("Personvern", "kurs eller sertifikat"),
    "learning_goal": QT_TRANSLATE_NOOP("Personvern", "utviklingsmål"),
    "appraisal": QT_TRANSLATE_NOOP("Personvern", "medarbeidersamtale"),
    "org_unit": QT_TRANSLATE_NOOP("Personvern", "enhet"),
    "role": QT_TRANSLATE_NOOP("Personvern", "rolle"),
    "requirement": QT_TRANSLATE_NOOP("Personvern", "krav"),
    "framework": QT_TRANSLATE_NOOP("Personvern", "rammeverk"),
    "area": QT_TRANSLATE_NOOP("Personvern", "strategiområde"),
    "competence": QT_TRANSLATE_NOOP("Personvern", "kompetanse"),
    "scale": QT_TRANSLATE_NOOP("Personvern", "nivåskala"),
    "matrix": QT_TRANSLATE_NOOP("Personvern", "kompetansematrise"),
    "gap_report": QT_TRANSLATE_NOOP("Personvern", "avviksrapport"),
    "unit_plan": QT_TRANSLATE_NOOP("Personvern", "enhetsplan"),
    "development_plan": QT_TRANSLATE_NOOP("Personvern", "utviklingsplan"),
    "development_plans": QT_TRANSLATE_NOOP("Personvern", "utviklingsplaner for en enhet"),
    "import_run": QT_TRANSLATE_NOOP("Personvern", "import"),
    "import_mapping": QT_TRANSLATE_NOOP("Personvern", "kolonneoppsett for import"),
    "setting": QT_TRANSLATE_NOOP("Personvern", "innstillinger"),
    "audit_event": QT_TRANSLATE_NOOP("Personvern", "revisjonsloggen"),
    "register_account": QT_TRANSLATE_NOOP("Personvern", "tilgang til det felles registeret"),
    "demo": QT_TRANSLATE_NOOP("Personvern", "demodata"),
}


def translate(marked: object) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP`` (typed ``object`` by Qt's stubs), translated."""
    return QCoreApplication.translate(CONTEXT, str(marked))


def table_label(table: str) -> str:
    return translate(TABLES[table]) if table in TABLES else table


def role_label(key: str) -> str:
    return translate(ROLES[key]) if key in ROLES else key


def entity_label(entity: str | None) -> str:
    if not entity:
        return ""
    return translate(ENTITIES[entity]) if entity in ENTITIES else entity


def action_label(action: str) -> str:
    """The audit action in words (:class:`db.codes.AuditAction`), in the UI's language."""
    return AuditAction.label_of(action, current_language())


def months_text(months: int) -> str:
    if months == 1:
        return QCoreApplication.translate("Personvern", "1 måned")
    return QCoreApplication.translate("Personvern", "{n} måneder").format(n=months)


def people_text(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("Personvern", "1 person")
    return QCoreApplication.translate("Personvern", "{n} personer").format(n=count)


def retention_due_text(count: int, months: int, action: str) -> str:
    """ "3 personer som sluttet for mer enn 12 måneder siden skal anonymiseres"."""
    if action == "erase":
        text = QCoreApplication.translate(
            "Personvern", "{people} som sluttet for mer enn {months} siden skal slettes"
        )
    else:
        text = QCoreApplication.translate(
            "Personvern", "{people} som sluttet for mer enn {months} siden skal anonymiseres"
        )
    return text.format(people=people_text(count), months=months_text(months))


def retention_action_text(action: str) -> str:
    """What happens to each person, for the dialog's explanation."""
    if action == "erase":
        return QCoreApplication.translate(
            "Personvern",
            "Alt om personene slettes, som ved sletting etter krav: stillinger, vurderinger, "
            "sertifikater, mål og samtaler. Revisjonsloggen beholder bare at en sletting fant sted.",
        )
    return QCoreApplication.translate(
        "Personvern",
        "Navn, e-post og fritekst fjernes, og ansattnummeret erstattes av en tilfeldig kode som ikke "
        "kan spores tilbake. Nivåer, datoer, stillinger og timer blir stående, så enhetens historikk "
        "og statistikk fortsatt stemmer.",
    )
