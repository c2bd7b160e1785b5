"""Innsyn as a readable PDF: the same content as the JSON export, laid out for the person to read.

It draws with the reports' look and embedded DejaVu fonts (:mod:`competence.export.pdf`), so æøå
survive copying and text extraction. Each record is a block of label/value pairs; internal ids are
left out where a readable name stands beside them. It is written in the user's language (bokmål,
or English: ``lang``), as every export is; the words of each table and column are given in both.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, Paragraph, Spacer
from reportlab.platypus.flowables import KeepTogether

from competence.export.pdf import theme
from competence.export.pdf.concat import DocInfo
from competence.export.pdf.fonts import register_fonts
from competence.language import normalise_language, pick
from db.codes import (
    AccountKind,
    ActivityType,
    AppraisalKind,
    AssessmentSource,
    AuditAction,
    Code,
    EmploymentType,
    Funding,
    GoalStatus,
    MeasureKind,
    MeasureStatus,
    QualificationKind,
)

TITLE = "Innsyn: opplysninger registrert om deg"
TITLE_EN = "Access request: the data registered about you"
INTRO = (
    "Dette er alt kompetanseregisteret inneholder om deg (personvernforordningen artikkel 15): opplysningene "
    "om deg, hver rad som gjelder deg, rollene du har overfor andre, hvert sted du er nevnt i andres "
    "opplysninger (med navn, e-postadresse eller ansattnummer), og loggen over hva som er gjort med "
    "opplysningene dine. Det er det samme som ville blitt slettet om du ba om det."
)
INTRO_EN = (
    "This is everything the competence register holds about you (GDPR article 15): the data about you, "
    "every row that concerns you, the roles you hold towards others, every place you are named in others' "
    "data (by name, e-mail address or employee number), and the log of what has been done with your data. "
    "It is the same as would be erased if you asked for it."
)
#: Headings of the sections, by table; a table added later is shown under its own name.
SECTIONS = {
    "position": "Stillinger",
    "assessment": "Kompetansevurderinger",
    "certificate": "Kurs og sertifikater",
    "learning_goal": "Utviklingsmål",
    "appraisal": "Medarbeidersamtaler",
    "employee_qualification": "Formelle kvalifikasjoner",
    "dispensation": "Dispensasjoner fra kvalifikasjonskrav",
    "register_account": "Tilgang til det felles registeret",
}
#: Where a mention is, by table, when it is not one of SECTIONS (register-wide data).
PLACES = {
    "role": "Rollebeskrivelse",
    "framework": "Rammeverk",
    "area": "Strategiområde",
    "competence": "Kompetansebeskrivelse",
    "scale_level": "Nivåbeskrivelse",
    "unit_target": "Kompetansemål for en enhet",
    "unit_measure": "Tiltak i en enhets kompetanseplan",
    "unit_budget": "Kompetansebudsjett for en enhet",
    "qualification": "Kvalifikasjonsbeskrivelse",
}
#: What a mention was found by.
FOUND = {"name": "navn", "email": "e-post", "employee_no": "ansattnummer"}
ROLES = {
    "org_unit.leader_id": "Leder for enheten",
    "employee.manager_id": "Nærmeste leder for andre ansatte",
    "position.manager_id": "Leder for andres stillinger",
    "appraisal.leader_id": "Leder i andres medarbeidersamtaler",
    "unit_measure.responsible_id": "Ansvarlig for tiltak i enheters kompetanseplan",
}
#: Column labels; a column added later is shown under its own name.
LABELS = {
    "employee_no": "Ansattnummer",
    "employee_no_canonical": "Ansattnummer uten innledende nuller (slik registeret kjenner igjen personen)",
    "desired_fte": "Ønsket stillingsprosent",
    "employment_type": "Ansettelsesform",
    "main_position": "Hovedstilling",
    "position_code": "Stillingskode",
    "styrk_code": "STYRK-08",
    "first_name": "Fornavn",
    "last_name": "Etternavn",
    "email": "E-post",
    "manager": "Nærmeste leder",
    "left_on": "Sluttet",
    "anonymised_on": "Anonymisert",
    "created_at": "Registrert",
    "updated_at": "Sist endret",
    "unit": "Enhet",
    "title": "Stillingstittel",
    "role": "Rolle",
    "fte_percent": "Stillingsprosent",
    "start_date": "Startdato",
    "end_date": "Sluttdato",
    "competence": "Kompetanse",
    "level": "Nivå",
    "target_level": "Målnivå",
    "assessed_on": "Vurdert",
    "source": "Kilde",
    "assessor": "Vurdert av",
    "note": "Merknad",
    "is_current": "Gjeldende",
    "name": "Navn",
    "issuer": "Utsteder",
    "completed_on": "Fullført",
    "valid_until": "Gyldig til",
    "leader": "Leder",
    "leader_name": "Leder (navn)",
    "held_on": "Dato",
    "summary": "Sammendrag",
    "agreed": "Avtalt",
    "notes": "Notater",
    "area": "Strategiområde",
    "appraisal": "Medarbeidersamtale",
    "activity_type": "Aktivitet",
    "description": "Beskrivelse",
    "start_on": "Start",
    "due_on": "Frist",
    "year": "År",
    "status": "Status",
    "hours": "Timer",
    "cost_nok": "Kostnad (kr)",
    "result": "Resultat",
    "number": "Nummer",
    "kind": "Type",
    "qualification": "Kvalifikasjon",
    "obtained_on": "Oppnådd",
    "expires_on": "Utløper",
    "document_ref": "Dokumentreferanse",
    "starts_on": "Fra",
    "ends_on": "Til",
    "granted_by": "Innvilget av",
    "reason": "Begrunnelse",
}
#: The same words in English, by the same keys (a test holds the two lists to the same keys).
SECTIONS_EN = {
    "position": "Positions",
    "assessment": "Competence assessments",
    "certificate": "Courses and certificates",
    "learning_goal": "Learning goals",
    "appraisal": "Appraisal talks",
    "employee_qualification": "Formal qualifications",
    "dispensation": "Dispensations from qualification requirements",
    "register_account": "Access to the shared register",
}
PLACES_EN = {
    "role": "Role description",
    "framework": "Framework",
    "area": "Strategy area",
    "competence": "Competence description",
    "scale_level": "Level description",
    "unit_budget": "A unit's competence budget",
    "unit_target": "A unit's competence target",
    "unit_measure": "A measure in a unit's competence plan",
    "qualification": "Qualification description",
}
FOUND_EN = {"name": "name", "email": "e-mail", "employee_no": "employee number"}
ROLES_EN = {
    "org_unit.leader_id": "Leader of the unit",
    "employee.manager_id": "Line manager of other employees",
    "position.manager_id": "Manager of others' positions",
    "appraisal.leader_id": "Leader in others' appraisal talks",
    "unit_measure.responsible_id": "Responsible for measures in units' competence plans",
}
LABELS_EN = {
    "employee_no": "Employee number",
    "employee_no_canonical": "Employee number without leading zeros (as the register recognises the person)",
    "desired_fte": "Desired FTE",
    "employment_type": "Employment type",
    "main_position": "Main position",
    "position_code": "Position code",
    "styrk_code": "STYRK-08",
    "first_name": "First name",
    "last_name": "Last name",
    "email": "E-mail",
    "manager": "Line manager",
    "left_on": "Left",
    "anonymised_on": "Anonymised",
    "created_at": "Registered",
    "updated_at": "Last changed",
    "unit": "Unit",
    "title": "Job title",
    "role": "Role",
    "fte_percent": "FTE",
    "start_date": "Start date",
    "end_date": "End date",
    "competence": "Competence",
    "level": "Level",
    "target_level": "Target level",
    "assessed_on": "Assessed",
    "source": "Source",
    "assessor": "Assessed by",
    "note": "Note",
    "is_current": "Current",
    "name": "Name",
    "issuer": "Issuer",
    "completed_on": "Completed",
    "valid_until": "Valid until",
    "leader": "Leader",
    "leader_name": "Leader (name)",
    "held_on": "Date",
    "summary": "Summary",
    "agreed": "Agreed",
    "notes": "Notes",
    "area": "Strategy area",
    "appraisal": "Appraisal talk",
    "activity_type": "Activity",
    "description": "Description",
    "start_on": "Start",
    "due_on": "Due",
    "status": "Status",
    "hours": "Hours",
    "cost_nok": "Cost (NOK)",
    "result": "Result",
    "number": "Number",
    "year": "Year",
    "kind": "Kind",
    "qualification": "Qualification",
    "obtained_on": "Obtained",
    "expires_on": "Expires",
    "document_ref": "Document reference",
    "starts_on": "From",
    "ends_on": "To",
    "granted_by": "Granted by",
    "reason": "Reason",
}
#: Stored codes shown as words.
#: (a column named "kind" is a login's, a talk's or a qualification's: their codes differ)
VALUES: dict[str, tuple[type[Code], ...]] = {
    "source": (AssessmentSource,),
    "activity_type": (ActivityType,),
    "status": (GoalStatus, MeasureStatus),
    "employment_type": (EmploymentType,),
    "funding": (Funding,),
    "kind": (AccountKind, AppraisalKind, QualificationKind, MeasureKind),
}
_HIDDEN = {"id", "version"}
_WIDTHS = [32 * mm, 58 * mm, 32 * mm, theme.FRAME_WIDTH - 122 * mm]


@dataclass(frozen=True)
class _Words:
    """The words of the document in one language."""

    lang: str

    def t(self, nb: str, en: str) -> str:
        return pick(self.lang, nb, en)

    def of(self, nb: Mapping[str, str], en: Mapping[str, str], key: str, fallback: str) -> str:
        """A table's, column's or role's words; a key neither list knows is shown as ``fallback``."""
        return (en if self.english else nb).get(key, fallback)

    @property
    def english(self) -> bool:
        return self.lang == "en"

    def section(self, table_name: str) -> str:
        return self.of(SECTIONS, SECTIONS_EN, table_name, table_name)

    def label(self, column: str) -> str:
        return self.of(LABELS, LABELS_EN, column, column.replace("_", " "))

    def shown(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return self.t("Ja", "Yes") if value else self.t("Nei", "No")
        if isinstance(value, float):
            return theme.number(value, 0 if value.is_integer() else 1, self.lang)
        if isinstance(value, dict | list):
            return json.dumps(value, ensure_ascii=False)
        if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
            try:
                day = dt.datetime.fromisoformat(value)
            except ValueError:
                return value
            return theme.date_text(day.date(), self.lang) + (f" {day:%H:%M}" if "T" in value else "")
        return str(value)

    def pairs(self, row: Mapping[str, Any]) -> list[tuple[str, str]]:
        """(label, value) of a record: names instead of ids where there are names, empty fields left
        out."""
        pairs = []
        for key, value in row.items():
            base = key.removesuffix("_label").removesuffix("_id")
            if key in _HIDDEN or (key.endswith("_id") and f"{base}_label" in row):
                continue
            text = self.shown(value)
            if key in VALUES and isinstance(value, str):
                known = next((c.known(value) for c in VALUES[key] if c.known(value) is not None), None)
                text = known.label(self.lang) if known is not None else text
            if text:
                pairs.append((self.label(base), text))
        return pairs


def _block(w: _Words, row: Mapping[str, Any]) -> Flowable:
    pairs = w.pairs(row)
    if len(pairs) % 2:
        pairs.append(("", ""))
    cells = [
        [a, theme.wrap(b, _WIDTHS[1], size=9), c, theme.wrap(d, _WIDTHS[3], size=9)]
        for (a, b), (c, d) in zip(pairs[::2], pairs[1::2], strict=True)
    ]
    return KeepTogether([theme.facts(cells, _WIDTHS), Spacer(1, 2 * mm)])


def _records(w: _Words, title: str, rows: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(f"{title} ({len(rows)})", theme.H2)]
    if not rows:
        out.append(Paragraph(w.t("Ingen registrert.", "None registered."), theme.NOTE))
    out += [_block(w, row) for row in rows]
    return out


def _roles(w: _Words, roles: Mapping[str, Mapping[str, Any]]) -> list[Flowable]:
    held = {key: entry for key, entry in roles.items() if entry.get("count")}
    out: list[Flowable] = [Paragraph(w.t("Roller overfor andre", "Roles towards others"), theme.H2)]
    if not held:
        out.append(Paragraph(w.t("Ingen.", "None."), theme.NOTE))
        return out
    rows: list[Sequence[str]] = [(w.t("Rolle", "Role"), w.t("Antall", "Number"), w.t("Hvilke", "Which"))]
    for key, entry in held.items():
        items = "; ".join(" ".join(w.shown(v) for v in item.values()) for item in entry.get("items", []))
        rows.append((w.of(ROLES, ROLES_EN, key, key), str(entry["count"]), theme.wrap(items, 95 * mm)))
    out.append(theme.table(rows, [60 * mm, 20 * mm, theme.FRAME_WIDTH - 80 * mm], right=(1,)))
    out.append(
        Paragraph(
            w.t(
                "Opplysninger om de andre personene er ikke tatt med; de er deres personopplysninger.",
                "Data about the other people is left out; it is their personal data.",
            ),
            theme.SMALL,
        )
    )
    return out


def _mentions(w: _Words, mentions: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    title = w.t("Der du er nevnt i andres opplysninger", "Where you are named in others' data")
    out: list[Flowable] = [Paragraph(f"{title} ({len(mentions)})", theme.H2)]
    if not mentions:
        return [*out, Paragraph(w.t("Ingen steder.", "Nowhere."), theme.NOTE)]
    rows: list[Sequence[Any]] = [
        (
            w.t("Hvor", "Where"),
            w.t("Sammenheng", "Context"),
            w.t("Funnet ved", "Found by"),
            w.t("Utdrag", "Passage"),
        )
    ]
    for m in mentions:
        table = str(m["table"])
        place = w.of(SECTIONS, SECTIONS_EN, table, w.of(PLACES, PLACES_EN, table, table))
        where = f"{place}: {w.label(str(m['column']))}"
        context = "; ".join(f"{label}: {value}" for label, value in w.pairs(m.get("context") or {}))
        found = ", ".join(w.of(FOUND, FOUND_EN, k, k) for k in m.get("found", []))
        rows.append(
            (
                theme.wrap(where, 38 * mm),
                theme.wrap(context, 40 * mm),
                theme.wrap(found, 25 * mm),
                theme.wrap(str(m.get("excerpt", "")), theme.FRAME_WIDTH - 103 * mm),
            )
        )
    out.append(theme.table(rows, [38 * mm, 40 * mm, 25 * mm, theme.FRAME_WIDTH - 103 * mm]))
    out.append(
        Paragraph(
            w.t(
                "Der teksten handler om en kollega, er kollegaens navn, e-post og ansattnummer erstattet med "
                "[kollega]; resten av kollegaens opplysninger er ikke tatt med.",
                "Where the text is about a colleague, the colleague's name, e-mail and employee number are "
                "replaced by [colleague]; the rest of the colleague's data is left out.",
            ),
            theme.SMALL,
        )
    )
    return out


def _log(w: _Words, events: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    title = w.t("Logg over behandlingen ({count} hendelser)", "Log of the processing ({count} events)")
    out: list[Flowable] = [Paragraph(title.format(count=len(events)), theme.H2)]
    if not events:
        return [*out, Paragraph(w.t("Ingen hendelser.", "No events."), theme.NOTE)]
    rows: list[Sequence[str]] = [
        (
            w.t("Tidspunkt (UTC)", "Time (UTC)"),
            w.t("Utført av", "Done by"),
            w.t("Hva", "What"),
            w.t("Detaljer", "Details"),
        )
    ]
    for e in events:
        details = json.dumps(e.get("details") or {}, ensure_ascii=False)
        rows.append(
            (
                w.shown(e["at"]),
                theme.wrap(str(e["actor"]), 30 * mm),
                theme.wrap(
                    f"{AuditAction.label_of(str(e['action']), w.lang)} {e.get('entity') or ''}".strip(),
                    38 * mm,
                ),
                theme.wrap(details, theme.FRAME_WIDTH - 100 * mm),
            )
        )
    return [*out, theme.table(rows, [32 * mm, 30 * mm, 38 * mm, theme.FRAME_WIDTH - 100 * mm])]


def _as_written(person: Mapping[str, Any]) -> dict[str, Any]:
    """The person's number first as the HR system writes it ("015837"), then as the register
    compares it, when the two differ."""
    shown = dict(person)
    written = shown.pop("employee_no_display", None)
    if not written:
        return shown
    canonical = shown.pop("employee_no")
    return {"employee_no": written, "employee_no_canonical": canonical, **shown}


def render_pdf(data: Mapping[str, Any], lang: str = "nb") -> bytes:
    """The data of :func:`competence.privacy.innsyn.collect_person` as PDF bytes, in ``lang``."""
    register_fonts()
    w = _Words(normalise_language(lang))
    person = data["person"]
    name = f"{person.get('first_name', '')} {person.get('last_name', '')}".strip()
    municipality = str(data.get("register") or "")
    buffer = io.BytesIO()
    info = DocInfo(
        w.t("Innsyn – {name}", "Access request – {name}").format(name=name),
        municipality,
        w.t(
            "Alle opplysninger Kompetanseregister har om personen",
            "All data Kompetanseregister holds on the person",
        ),
    )
    doc = theme.document(buffer, info, municipality, None, w.lang)
    made = w.shown(str(data.get("generated_at", "")).rstrip("Z"))
    story: list[Flowable] = [
        NextPageTemplate("later"),
        Spacer(1, 6 * mm),
        Paragraph(w.t(TITLE, TITLE_EN), theme.TITLE),
        Paragraph(
            w.t("{name} · laget {made}", "{name} · made {made}").format(name=name, made=made), theme.SUBTITLE
        ),
        Spacer(1, 2 * mm),
        Paragraph(w.t(INTRO, INTRO_EN), theme.BODY),
        *_records(w, w.t("Personopplysninger", "Personal data"), [_as_written(person)]),
    ]
    records = data["records"]
    order: list[str] = [t for t in SECTIONS if t in records] + sorted(t for t in records if t not in SECTIONS)
    for table_name in order:
        story += _records(w, w.section(table_name), records[table_name])
    story += _roles(w, data.get("roles", {}))
    story += _mentions(w, data.get("mentions", []))
    story += _log(w, data.get("audit_log", []))
    footer = w.t("Innsyn · {name} · {municipality}", "Access request · {name} · {municipality}")
    doc.build(
        story,
        canvasmaker=theme.numbered_canvas([footer.format(name=name, municipality=municipality)], w.lang),
    )
    return buffer.getvalue()
