"""The workbook "Lovpålagt opplæring" (docs/compliance.md): per unit, each person lacking a
mandatory course or qualification, with since when and the deadline; and where the units rest on a
dispensation. The same figures as ``python -m competence compliance`` and the panel on Oversikt,
from :func:`competence.compliance.report.compliance_report`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from competence.compliance.report import ComplianceReport, compliance_report
from competence.export import palette
from competence.export.cells import identifier_value, safe_cell
from competence.export.excel import styles
from competence.export.results import ComplianceResult
from competence.export.scope import record_export, resolve_scope
from competence.files import private_output
from competence.language import format_date, pick
from competence.numbers import format_int
from competence.settings import register_settings
from competence.uow import UnitOfWork
from db.codes import RequirementStatus

#: the status cell's fill and text colour, as in the matrix, the heatmap and the app: missing (still
#: in time) orange, overdue dark red (competence/export/palette.py)
STATUS_COLOURS = {RequirementStatus.OVERDUE: palette.OVERDUE, RequirementStatus.MISSING: palette.MISSING}


def sheet_names(lang: str) -> tuple[str, str]:
    return pick(lang, "Lovpålagt opplæring", "Mandatory training"), pick(
        lang, "Dispensasjoner", "Dispensations"
    )


def scope_label(report: ComplianceReport, lang: str) -> str:
    if report.unit_number is None:
        return pick(lang, "Hele kommunen", "The whole municipality")
    return f"{report.unit_number} {report.unit_name or ''}".strip()


def summary_line(report: ComplianceReport, lang: str) -> str:
    """ "12 av 40 ansatte mangler minst ett lovpålagt krav (5 krav er forfalt); 28 oppfyller alle." """
    return pick(
        lang,
        "{lacking} av {people} ansatte mangler minst ett lovpålagt krav ({overdue} krav er forfalt); "
        "{compliant} oppfyller alle lovpålagte krav.",
        "{lacking} of {people} employees lack at least one mandatory requirement ({overdue} "
        "requirements overdue); {compliant} meet every mandatory requirement.",
    ).format(
        lacking=format_int(report.people_lacking, lang),
        people=format_int(report.people, lang),
        overdue=format_int(report.overdue, lang),
        compliant=format_int(report.people_compliant, lang),
    )


def export_compliance(
    uow: UnitOfWork, path: Path, *, unit_number: str | None = None, subunits: bool = True, lang: str = "nb"
) -> ComplianceResult:
    """Write the workbook of a unit (with sub-units unless ``subunits`` is False) or of the whole
    municipality, in ``lang``: one snapshot of the register, one audit event."""
    with uow.snapshot():
        s = uow.session
        scope = resolve_scope(s, unit_number, subunits=subunits, lang=lang)
        report = compliance_report(uow, unit_number=unit_number, subunits=subunits)
        with private_output(path) as tmp:
            write_compliance_workbook(report, tmp, municipality=register_settings(s).municipality, lang=lang)
        result = ComplianceResult(
            path,
            report.people,
            report.people_lacking,
            len(report.lacking),
            report.overdue,
            len(report.dispensations),
        )
        record_export(
            s,
            uow.actor,
            "compliance",
            scope,
            people=result.people,
            lacking=result.people_lacking,
            overdue=result.overdue,
        )
        uow.commit()
        return result


def write_compliance_workbook(report: ComplianceReport, path: Path, *, municipality: str, lang: str) -> None:
    wb = Workbook()
    lacking_ws = wb.active
    assert lacking_ws is not None
    names = sheet_names(lang)
    lacking_ws.title = names[0]
    _lacking_sheet(lacking_ws, report, municipality, lang)
    _dispensation_sheet(wb.create_sheet(names[1]), report, municipality, lang)
    wb.save(path)


def _lacking_sheet(ws: Worksheet, report: ComplianceReport, municipality: str, lang: str) -> None:
    row = styles.title(
        ws,
        pick(
            lang,
            "Lovpålagt opplæring og kvalifikasjoner – {scope}",
            "Mandatory training and qualifications – {scope}",
        ).format(scope=scope_label(report, lang)),
        pick(lang, "Per {date}: {summary}", "On {date}: {summary}").format(
            date=format_date(report.at, lang), summary=summary_line(report, lang)
        ),
    )
    headers = [
        pick(lang, "Enhetsnr.", "Unit no."),
        pick(lang, "Enhet", "Unit"),
        pick(lang, "Ansattnr.", "Employee no."),
        pick(lang, "Navn", "Name"),
        pick(lang, "Krav", "Requirement"),
        pick(lang, "Type", "Kind"),
        pick(lang, "Status", "Status"),
        pick(lang, "Mangler siden", "Missing since"),
        pick(lang, "Frist", "Deadline"),
        pick(lang, "Utløpt", "Expired"),
    ]
    widths = styles.header_widths(headers, [9, 24, 11, 24, 34, 13, 10, 12, 12, 12])
    header = row
    styles.header_row(ws, header, headers)
    styles.fit_row(ws, header, list(zip(headers, widths, strict=True)), bold=True)
    dates = styles.date_format(lang)
    formats: Sequence[str | None] = [None, None, None, None, None, None, None, dates, dates, dates]
    for r in report.lacking:
        row += 1
        values: list[Any] = [
            identifier_value(r.unit_number),
            r.unit_name,
            identifier_value(r.employee_no),
            r.name,
            r.requirement_display(lang),
            r.kind.label(lang),
            r.status.label(lang),
            r.since,
            r.deadline,
            r.expired_on,
        ]
        styles.set_cells(ws, row, values, formats)
        fill, text = STATUS_COLOURS[r.status]
        status = ws.cell(row=row, column=7)
        status.fill = styles.fill(fill)
        status.font = styles.font(color=text, bold=r.status is RequirementStatus.OVERDUE)
        styles.fit_row(ws, row, [(r.unit_name, widths[1]), (r.name, widths[3]), (values[4], widths[4])])
    if not report.lacking:
        safe_cell(
            ws.cell(row=row + 1, column=1),
            pick(lang, "Alle oppfyller alle lovpålagte krav.", "Everyone meets every mandatory requirement."),
        )
    _finish(ws, widths, header, municipality, report, lang)


def _dispensation_sheet(ws: Worksheet, report: ComplianceReport, municipality: str, lang: str) -> None:
    row = styles.title(
        ws,
        pick(lang, "Dispensasjoner – {scope}", "Dispensations – {scope}").format(
            scope=scope_label(report, lang)
        ),
        pick(
            lang,
            "Per {date}: stillinger som bare oppfyller et kvalifikasjonskrav ved dispensasjon, og når den "
            "utløper.",
            "On {date}: posts that meet a qualification requirement only by a dispensation, and when "
            "it ends.",
        ).format(date=format_date(report.at, lang)),
    )
    headers = [
        pick(lang, "Enhetsnr.", "Unit no."),
        pick(lang, "Enhet", "Unit"),
        pick(lang, "Ansattnr.", "Employee no."),
        pick(lang, "Navn", "Name"),
        pick(lang, "Kvalifikasjon", "Qualification"),
        pick(lang, "Gjelder til", "Valid until"),
        pick(lang, "Innvilget av", "Granted by"),
    ]
    widths = styles.header_widths(headers, [9, 24, 11, 24, 34, 12, 30])
    header = row
    styles.header_row(ws, header, headers)
    styles.fit_row(ws, header, list(zip(headers, widths, strict=True)), bold=True)
    formats: Sequence[str | None] = [None, None, None, None, None, styles.date_format(lang), None]
    for d in report.dispensations:
        row += 1
        values: list[Any] = [
            identifier_value(d.unit_number),
            d.unit_name,
            identifier_value(d.employee_no),
            d.name,
            d.qualification_display(lang),
            d.ends_on,
            d.granted_by or "",
        ]
        styles.set_cells(ws, row, values, formats)
        styles.fit_row(ws, row, [(d.unit_name, widths[1]), (values[4], widths[4]), (values[6], widths[6])])
    if not report.dispensations:
        safe_cell(
            ws.cell(row=row + 1, column=1),
            pick(lang, "Ingen stilling hviler på en dispensasjon.", "No post rests on a dispensation."),
        )
    _finish(ws, widths, header, municipality, report, lang)


def _finish(
    ws: Worksheet,
    widths: Sequence[float],
    header: int,
    municipality: str,
    report: ComplianceReport,
    lang: str,
) -> None:
    styles.widths(ws, widths)
    ws.freeze_panes = ws.cell(row=header + 1, column=1).coordinate
    ws.auto_filter.ref = f"A{header}:{ws.cell(row=max(ws.max_row, header), column=len(widths)).coordinate}"
    styles.print_setup(
        ws,
        municipality=municipality,
        scope_label=scope_label(report, lang),
        on=report.at,
        title_rows=f"{header}:{header}",
        lang=lang,
    )
    styles.keep_readable(ws, styles.fitted_scale(widths, styles.LANDSCAPE_WIDTH))
