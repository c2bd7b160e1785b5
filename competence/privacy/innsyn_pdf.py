"""Innsyn as a readable PDF: the same content as the JSON export, laid out for the person to read.

It draws with the reports' look and embedded DejaVu fonts (:mod:`competence.export.pdf`), so æøå
survive copying and text extraction. Each record is a block of label/value pairs; internal ids are
left out where a readable name stands beside them.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, Paragraph, Spacer
from reportlab.platypus.flowables import KeepTogether

from competence.export.pdf import theme
from competence.export.pdf.concat import DocInfo
from competence.export.pdf.fonts import register_fonts
from db.codes import (
    AccountKind,
    ActivityType,
    AppraisalKind,
    AssessmentSource,
    Code,
    EmploymentType,
    GoalStatus,
    QualificationKind,
)

TITLE = "Innsyn: opplysninger registrert om deg"
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
    "qualification": "Kvalifikasjonsbeskrivelse",
}
#: What a mention was found by.
FOUND = {"name": "navn", "email": "e-post", "employee_no": "ansattnummer"}
ROLES = {
    "org_unit.leader_id": "Leder for enheten",
    "employee.manager_id": "Nærmeste leder for andre ansatte",
    "position.manager_id": "Leder for andres stillinger",
    "appraisal.leader_id": "Leder i andres medarbeidersamtaler",
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
#: Stored codes shown as words.
#: (a column named "kind" is a login's, a talk's or a qualification's: their codes differ)
VALUES: dict[str, tuple[type[Code], ...]] = {
    "source": (AssessmentSource,),
    "activity_type": (ActivityType,),
    "status": (GoalStatus,),
    "employment_type": (EmploymentType,),
    "kind": (AccountKind, AppraisalKind, QualificationKind),
}
_HIDDEN = {"id", "version"}
_WIDTHS = [32 * mm, 58 * mm, 32 * mm, theme.FRAME_WIDTH - 122 * mm]


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nei"
    if isinstance(value, float):
        return theme.number(value, 0 if value.is_integer() else 1)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            day = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
        return theme.norwegian_date(day.date()) + (f" {day:%H:%M}" if "T" in value else "")
    return str(value)


def _pairs(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, value) of a record: names instead of ids where there are names, empty fields left out."""
    pairs = []
    for key, value in row.items():
        base = key.removesuffix("_label").removesuffix("_id")
        if key in _HIDDEN or (key.endswith("_id") and f"{base}_label" in row):
            continue
        text = _shown(value)
        if key in VALUES and isinstance(value, str):
            known = next((c.known(value) for c in VALUES[key] if c.known(value) is not None), None)
            text = known.label("nb") if known is not None else text
        if text:
            pairs.append((LABELS.get(base, base.replace("_", " ")), text))
    return pairs


def _block(row: Mapping[str, Any]) -> Flowable:
    pairs = _pairs(row)
    if len(pairs) % 2:
        pairs.append(("", ""))
    cells = [
        [a, theme.wrap(b, _WIDTHS[1], size=9), c, theme.wrap(d, _WIDTHS[3], size=9)]
        for (a, b), (c, d) in zip(pairs[::2], pairs[1::2], strict=True)
    ]
    return KeepTogether([theme.facts(cells, _WIDTHS), Spacer(1, 2 * mm)])


def _records(title: str, rows: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(f"{title} ({len(rows)})", theme.H2)]
    if not rows:
        out.append(Paragraph("Ingen registrert.", theme.NOTE))
    out += [_block(row) for row in rows]
    return out


def _roles(roles: Mapping[str, Mapping[str, Any]]) -> list[Flowable]:
    held = {key: entry for key, entry in roles.items() if entry.get("count")}
    out: list[Flowable] = [Paragraph("Roller overfor andre", theme.H2)]
    if not held:
        out.append(Paragraph("Ingen.", theme.NOTE))
        return out
    rows: list[Sequence[str]] = [("Rolle", "Antall", "Hvilke")]
    for key, entry in held.items():
        items = "; ".join(" ".join(_shown(v) for v in item.values()) for item in entry.get("items", []))
        rows.append((ROLES.get(key, key), str(entry["count"]), theme.wrap(items, 95 * mm)))
    out.append(theme.table(rows, [60 * mm, 20 * mm, theme.FRAME_WIDTH - 80 * mm], right=(1,)))
    out.append(
        Paragraph(
            "Opplysninger om de andre personene er ikke tatt med; de er deres personopplysninger.",
            theme.SMALL,
        )
    )
    return out


def _mentions(mentions: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(f"Der du er nevnt i andres opplysninger ({len(mentions)})", theme.H2)]
    if not mentions:
        return [*out, Paragraph("Ingen steder.", theme.NOTE)]
    rows: list[Sequence[Any]] = [("Hvor", "Sammenheng", "Funnet ved", "Utdrag")]
    for m in mentions:
        table = str(m["table"])
        where = f"{SECTIONS.get(table, PLACES.get(table, table))}: {LABELS.get(m['column'], m['column'])}"
        context = "; ".join(f"{label}: {value}" for label, value in _pairs(m.get("context") or {}))
        found = ", ".join(FOUND.get(k, k) for k in m.get("found", []))
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
            "Der teksten handler om en kollega, er kollegaens navn, e-post og ansattnummer erstattet med "
            "[kollega]; resten av kollegaens opplysninger er ikke tatt med.",
            theme.SMALL,
        )
    )
    return out


def _log(events: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(f"Logg over behandlingen ({len(events)} hendelser)", theme.H2)]
    if not events:
        return [*out, Paragraph("Ingen hendelser.", theme.NOTE)]
    rows: list[Sequence[str]] = [("Tidspunkt (UTC)", "Utført av", "Hva", "Detaljer")]
    for e in events:
        details = json.dumps(e.get("details") or {}, ensure_ascii=False)
        rows.append(
            (
                _shown(e["at"]),
                theme.wrap(str(e["actor"]), 30 * mm),
                f"{e['action']} {e.get('entity') or ''}".strip(),
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


def render_pdf(data: Mapping[str, Any]) -> bytes:
    """The data of :func:`competence.privacy.innsyn.collect_person` as PDF bytes."""
    register_fonts()
    person = data["person"]
    name = f"{person.get('first_name', '')} {person.get('last_name', '')}".strip()
    municipality = str(data.get("register") or "")
    buffer = io.BytesIO()
    info = DocInfo(f"Innsyn – {name}", municipality, "Alle opplysninger Kompetanseregister har om personen")
    doc = theme.document(buffer, info, municipality, None)
    story: list[Flowable] = [
        NextPageTemplate("later"),
        Spacer(1, 6 * mm),
        Paragraph(TITLE, theme.TITLE),
        Paragraph(f"{name} · laget {_shown(data.get('generated_at', '').rstrip('Z'))}", theme.SUBTITLE),
        Spacer(1, 2 * mm),
        Paragraph(
            "Dette er alt kompetanseregisteret inneholder om deg (personvernforordningen artikkel 15): "
            "opplysningene om deg, hver rad som gjelder deg, rollene du har overfor andre, hvert sted du er "
            "nevnt i andres opplysninger (med navn, e-postadresse eller ansattnummer), og loggen over hva "
            "som er gjort med opplysningene dine. Det er det samme som ville blitt slettet om du ba om det.",
            theme.BODY,
        ),
        *_records("Personopplysninger", [_as_written(person)]),
    ]
    records = data["records"]
    order: list[str] = [t for t in SECTIONS if t in records] + sorted(t for t in records if t not in SECTIONS)
    for table_name in order:
        story += _records(SECTIONS.get(table_name, table_name), records[table_name])
    story += _roles(data.get("roles", {}))
    story += _mentions(data.get("mentions", []))
    story += _log(data.get("audit_log", []))
    doc.build(story, canvasmaker=theme.numbered_canvas([f"Innsyn · {name} · {municipality}"]))
    return buffer.getvalue()
