"""The heltidskultur report (Excel): the figures of competence/fulltime/figures.py for a unit (with
its sub-units) or the whole municipality, per unit, the people above 100 % and those who want a
larger post, and the trend of the last two years."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from competence.export.cells import safe_cell
from competence.export.excel import styles
from competence.export.excel.sheets import list_sheet
from competence.export.results import FulltimeResult
from competence.export.scope import Scope, record_export, resolve_scope
from competence.files import write_private_bytes
from competence.fulltime.figures import PersonFte
from competence.fulltime.service import FulltimeReport, build_fulltime
from competence.language import format_date, normalise_language, pick
from competence.numbers import format_number, format_percent, round_half_up
from competence.settings import register_settings
from competence.uow import UnitOfWork

ONE_DECIMAL = styles.ONE_DECIMAL


def export_fulltime(
    uow: UnitOfWork, path: Path, *, unit_number: str | None = None, subunits: bool = True, lang: str = "nb"
) -> FulltimeResult:
    """Write the report for a unit number (None: the whole municipality), in one unit of work."""
    lang = normalise_language(lang)
    with uow.snapshot():
        s = uow.session
        scope = resolve_scope(s, unit_number, subunits=subunits, lang=lang)
        report = build_fulltime(s, unit_id=scope.unit_id, subunits=scope.subunits, at=scope.at)
        municipality = register_settings(s).municipality
        data = workbook_bytes(report, scope, municipality, lang)
        write_private_bytes(path, data)
        record_export(s, uow.actor, "fulltime", scope, people=report.figures.people)
        uow.commit()
    return FulltimeResult(path, report.figures.people, len(report.units))


def workbook_bytes(report: FulltimeReport, scope: Scope, municipality: str, lang: str) -> bytes:
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    _summary(summary, report, scope, municipality, lang)
    _units_sheet(wb, report, scope, municipality, lang)
    _people_sheets(wb, report, scope, municipality, lang)
    _trend_sheet(wb, report, scope, municipality, lang)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _units_sheet(wb: Workbook, report: FulltimeReport, scope: Scope, municipality: str, lang: str) -> None:
    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    full = format_percent(100, 0, lang)
    list_sheet(
        wb.create_sheet(t("Per enhet", "Per unit")),
        scope,
        municipality,
        lang,
        t("Heltidskultur per enhet", "Full-time culture per unit"),
        [
            t("Enhetsnr", "Unit no."),
            t("Enhet", "Unit"),
            t("Personer", "People"),
            t("Heltid", "Full time"),
            t("Andel heltid", "Share full time"),
            t("Gj.sn. stillingsstørrelse", "Average post size"),
            t("Deltid", "Part time"),
            t("Ufrivillig deltid", "Involuntary part-time"),
            t("Kun midlertidig", "Temporary only"),
            t("Over {full}", "Above {full}").format(full=full),
        ],
        [10, 34, 10, 10, 12, 14, 10, 12, 12, 10],
        [None, None, "0", "0", styles.percent_format(lang), ONE_DECIMAL, "0", "0", "0", "0"],
        [
            [
                u.number,
                "  " * u.depth + u.name,
                u.figures.people,
                u.figures.full_time,
                u.figures.share_full_time,
                round_half_up(u.figures.mean_fte, 1),
                u.figures.part_time,
                u.figures.involuntary,
                u.figures.temporary,
                u.figures.over_full_time,
            ]
            for u in report.units
        ],
    )


def _people_sheets(wb: Workbook, report: FulltimeReport, scope: Scope, municipality: str, lang: str) -> None:
    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    full = format_percent(100, 0, lang)
    posts_header = t("Stillinger (enhet: stillingsprosent)", "Posts (unit: FTE)")
    list_sheet(
        wb.create_sheet(t("Over {full}", "Above {full}").format(full=full)),
        scope,
        municipality,
        lang,
        t("Personer med mer enn {full} til sammen", "People with more than {full} in all").format(full=full),
        [t("Ansattnr", "Employee no."), t("Navn", "Name"), t("Samlet stilling", "Total FTE"), posts_header],
        [12, 30, 14, 60],
        [None, None, ONE_DECIMAL, None],
        [_person_row(p, lang) for p in report.over_full_time],
    )
    list_sheet(
        wb.create_sheet(t("Ønsker større stilling", "Want a larger post")),
        scope,
        municipality,
        lang,
        t("Ufrivillig deltid: ønsker større stilling", "Involuntary part-time: want a larger post"),
        [
            t("Ansattnr", "Employee no."),
            t("Navn", "Name"),
            t("Samlet stilling", "Total FTE"),
            t("Ønsket stilling", "Desired FTE"),
            posts_header,
        ],
        [12, 30, 14, 14, 50],
        [None, None, ONE_DECIMAL, ONE_DECIMAL, None],
        [[*_person_row(p, lang)[:3], p.desired, _person_row(p, lang)[3]] for p in report.involuntary],
    )


def _trend_sheet(wb: Workbook, report: FulltimeReport, scope: Scope, municipality: str, lang: str) -> None:
    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    list_sheet(
        wb.create_sheet(t("Utvikling", "Trend")),
        scope,
        municipality,
        lang,
        t(
            "Utviklingen de siste to årene (fra stillingshistorikken)",
            "The last two years (from position history)",
        ),
        [
            t("Dato", "Date"),
            t("Personer", "People"),
            t("Andel heltid", "Share full time"),
            t("Gj.sn. stillingsstørrelse", "Average post size"),
            t("Andel kun midlertidig", "Share temporary only"),
        ],
        [14, 10, 14, 14, 14],
        [
            styles.date_format(lang),
            "0",
            styles.percent_format(lang),
            ONE_DECIMAL,
            styles.percent_format(lang),
        ],
        [
            [p.at, p.people, p.share_full_time, round_half_up(p.mean_fte, 1), p.share_temporary]
            for p in report.trend
        ],
    )


def _person_row(person: PersonFte, lang: str) -> list[Any]:
    posts = "; ".join(f"{p.unit_name}: {format_percent(p.fte, 1, lang)}" for p in person.posts)
    return [person.employee_no, person.name, round_half_up(person.total, 1), posts]


def _summary(ws: Worksheet, report: FulltimeReport, scope: Scope, municipality: str, lang: str) -> None:
    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    f = report.figures
    full = format_percent(100, 0, lang)
    ws.title = t("Heltidskultur", "Full-time culture")
    row = styles.title(
        ws,
        t("Heltidskultur · {scope}", "Full-time culture · {scope}").format(scope=scope.label),
        f"{municipality} · {format_date(scope.at, lang)}",
    )
    items = _key_figures(report, lang)
    styles.header_row(ws, row, [t("Nøkkeltall", "Key figure"), t("Verdi", "Value")])
    for label, value, fmt in items:
        row += 1
        safe_cell(ws.cell(row=row, column=1), label)
        cell = safe_cell(ws.cell(row=row, column=2), value)
        if fmt:
            cell.number_format = fmt
    row += 2
    styles.header_row(ws, row, [t("Samlet stillingsprosent", "Total FTE"), t("Personer", "People")])
    bands = {
        "100": t("{full} eller mer", "{full} or more").format(full=full),
        "75-99": f"{format_number(75, 0, lang)}–{format_percent(99, 0, lang)}",
        "50-74": f"{format_number(50, 0, lang)}–{format_percent(74, 0, lang)}",
        "<50": t("under {half}", "under {half}").format(half=format_percent(50, 0, lang)),
    }
    for key, label in bands.items():
        row += 1
        safe_cell(ws.cell(row=row, column=1), label)
        ws.cell(row=row, column=2, value=f.bands.get(key, 0))
    row += 2
    for text in _notes(lang):
        cell = safe_cell(ws.cell(row=row, column=1), text)
        cell.font = styles.font(italic=True, color="595959")
        cell.alignment = styles.WRAP_TOP
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        styles.fit_row(ws, row, [(text, 72)])
        row += 1
    styles.widths(ws, [58, 14])
    styles.print_setup(
        ws, municipality=municipality, scope_label=scope.label, on=scope.at, landscape=False, lang=lang
    )


def _key_figures(report: FulltimeReport, lang: str) -> list[tuple[str, Any, str | None]]:
    """(label, value, number format) of the summary sheet's key figures."""

    def t(nb: str, en: str) -> str:
        return pick(lang, nb, en)

    f = report.figures
    percent = styles.percent_format(lang)
    full = format_percent(100, 0, lang)
    return [
        (t("Personer med stilling i utvalget", "People with a post in the selection"), f.people, "0"),
        (
            t("I heltid ({full} eller mer til sammen)", "Full time ({full} or more in all)").format(
                full=full
            ),
            f.full_time,
            "0",
        ),
        (t("Andel heltid", "Share full time"), f.share_full_time, percent),
        (
            t("Gjennomsnittlig stillingsstørrelse (%)", "Average post size (%)"),
            round_half_up(f.mean_fte, 1),
            ONE_DECIMAL,
        ),
        (
            t("Gjennomsnittlig størrelse på én stilling (%)", "Average size of one post (%)"),
            round_half_up(report.mean_post, 1),
            ONE_DECIMAL,
        ),
        (
            t("Årsverk (samlet stilling / 100)", "Full-time equivalents (total / 100)"),
            round_half_up(f.total_fte / 100, 1),
            ONE_DECIMAL,
        ),
        (t("Over {full} til sammen", "Above {full} in all").format(full=full), f.over_full_time, "0"),
        (t("Med to eller flere stillinger", "With two or more posts"), f.several_posts, "0"),
        (t("Fast ansatt", "Permanent"), f.permanent, "0"),
        (
            t(
                "Kun midlertidig (midlertidig, vikar, engasjement)",
                "Temporary only (temporary, substitute, fixed-term)",
            ),
            f.temporary,
            "0",
        ),
        (t("Ansettelsesform ikke oppgitt", "Employment type not given"), f.unknown_type, "0"),
        (t("I deltid", "Part time"), f.part_time, "0"),
        (t("Ønsket stillingsprosent oppgitt", "Desired FTE given"), f.desired_known, "0"),
        (t("Ufrivillig deltid (ønsker mer)", "Involuntary part-time (want more)"), f.involuntary, "0"),
        (
            t("Andel av deltidsansatte som ønsker mer", "Share of part-timers who want more"),
            f.share_involuntary,
            percent,
        ),
        (
            t("Ønsket økning i årsverk", "Desired increase in full-time equivalents"),
            round_half_up(f.involuntary_missing / 100, 1),
            ONE_DECIMAL,
        ),
    ]


def _notes(lang: str) -> list[str]:
    def p(value: float) -> str:
        return format_percent(value, 0, lang)

    return [
        pick(
            lang,
            "Hver person telles med sin samlede stillingsprosent i alle enheter: {a} her og {b} der er én "
            "person i heltid, i begge enhetene.",
            "Each person counts with their total FTE in all units: {a} here and {b} there is one person in "
            "full time, in both units.",
        ).format(a=p(60), b=p(40)),
        pick(
            lang,
            "Ufrivillig deltid: under {full} og ønsket stillingsprosent høyere enn den samlede stillingen. "
            "Verv på {zero} (verneombud) regnes ikke som stillinger.",
            "Involuntary part-time: below {full} and a desired FTE above the total. Roles of {zero} "
            "(safety representative) are not counted as posts.",
        ).format(full=p(100), zero=p(0)),
    ]
