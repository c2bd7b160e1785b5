"""Rosters HR systems export as text: CSV/TSV in the encodings they write, HTML tables saved as .xls,
Excel 2003 XML. Each is read into the same rows as a workbook, with the same guards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from competence.roster import ImportOptions, RosterFileError, inspect_roster, preview_import, run_import
from competence.roster.limits import Limits
from competence.uow import UnitOfWork
from db.models import Employee, Position
from tests.roster.builders import national_ids

HEADER = ["Ansattnr", "Navn", "Enhetsnr", "Enhet", "Stilling", "Stillingsprosent", "Startdato"]
ROWS = [
    ["004711", "Ødegård, Åse", "1100", "Hjemmetjenesten", "Sykepleier", "62,5", "01.03.2015"],
    ["4712", "Sæther, Bjørn", "1100", "Hjemmetjenesten", "Helsefagarbeider", "100", "15.01.2020"],
    ["4713", "Aas, Kari", "1200", "Sykehjemmet", "Assistent", "50 %", "2021-05-01"],
]


def _csv(rows: list[list[str]], sep: str) -> str:
    def field(value: str) -> str:
        if sep in value or '"' in value or "\n" in value or "," in value:
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join(sep.join(field(v) for v in row) + "\r\n" for row in rows)


def people(uow: UnitOfWork) -> dict[str, tuple[str, str]]:
    with uow:
        return {e.employee_no: (e.first_name, e.last_name) for e in uow.session.scalars(select(Employee))}


def ftes(uow: UnitOfWork) -> list[float]:
    with uow:
        return sorted(uow.session.scalars(select(Position.fte_percent)))


@pytest.mark.parametrize(
    ("name", "sep", "encoding"),
    [
        ("ansatte.csv", ";", "cp1252"),  # Norwegian Excel: semicolons, Windows-1252
        ("ansatte.csv", ";", "utf-8-sig"),  # with a byte order mark
        ("ansatte.csv", ",", "utf-8"),  # commas, so "Ødegård, Åse" is quoted
        ("ansatte.txt", "\t", "utf-16"),  # Excel's "Unicode text"
        ("ansatte.tsv", "\t", "iso-8859-1"),
        ("eksport.xls", ";", "cp1252"),  # an HR system's "Excel export"
    ],
)
def test_delimited_text_in_every_usual_encoding(
    name: str, sep: str, encoding: str, tmp_path: Path, sqlite_uow: UnitOfWork
) -> None:
    path = tmp_path / name
    path.write_bytes(_csv([HEADER, *ROWS], sep).encode(encoding))
    inspection = inspect_roster(sqlite_uow, path)
    assert inspection.kind == "csv" and inspection.ready
    assert [m.header for m in inspection.mapping if m.field == "fte"] == ["Stillingsprosent"]
    report = run_import(sqlite_uow, path)
    assert (report.created, report.rejected) == (3, ())
    assert people(sqlite_uow) == {
        "4711": ("Åse", "Ødegård"),
        "4712": ("Bjørn", "Sæther"),
        "4713": ("Kari", "Aas"),
    }
    assert ftes(sqlite_uow) == [50.0, 62.5, 100.0]


def test_quoted_fields_with_line_breaks_and_rows_numbered_as_records(
    tmp_path: Path, sqlite_uow: UnitOfWork
) -> None:
    rows = [
        ["Ansattliste per 01.03.2025"],
        [],
        HEADER,
        ["4711", "Hansen, Kari", "1100", "Hjemmetjenesten", "Sykepleier\nnatt", "80", "01.03.2015"],
        ["4712", "Berg, Per", "1100", "Hjemmetjenesten", "Vikar", "150", "01.03.2015"],
    ]
    path = tmp_path / "linjeskift.csv"
    path.write_text("sep=;\n" + _csv(rows, ";"), encoding="utf-8")
    report = preview_import(sqlite_uow, path)
    assert report.header_row == 3 and report.persons == 1
    assert [(r.row, r.reason) for r in report.rejected] == [(5, "fte_range")]  # the record, not the line
    run_import(sqlite_uow, path)
    with sqlite_uow:
        assert sqlite_uow.session.scalar(select(Position.title)) == "Sykepleier natt"


def test_latin1_bytes_windows_1252_leaves_undefined_still_read(
    tmp_path: Path, sqlite_uow: UnitOfWork
) -> None:
    path = tmp_path / "gammel.csv"
    text = _csv([HEADER, [*ROWS[0][:4], "Stilling\x81", *ROWS[0][5:]]], ";")
    path.write_bytes(text.encode("latin-1"))
    report = run_import(sqlite_uow, path)
    assert report.created == 1 and people(sqlite_uow)["4711"] == ("Åse", "Ødegård")


def test_delimited_text_has_the_same_guards(tmp_path: Path, sqlite_uow: UnitOfWork) -> None:
    ids = national_ids(3)
    rows = [[*HEADER, "Personnummer"]] + [[*row, ids[i]] for i, row in enumerate(ROWS)]
    rows[1][4] = '=HYPERLINK("http://example.com")'
    path = tmp_path / "vakter.csv"
    path.write_text(_csv(rows, ";"), encoding="utf-8")
    inspection = inspect_roster(sqlite_uow, path)
    assert [c.header for c in inspection.refused_columns] == ["Personnummer"]
    report = preview_import(sqlite_uow, path)
    assert [(r.row, r.reason) for r in report.rejected] == [(2, "formula")]
    assert {w.code for w in report.warnings} == {"national_id_column"}
    many = tmp_path / "lang.csv"
    many.write_text(_csv([HEADER] + [ROWS[1]] * 60, ";"), encoding="utf-8")
    with pytest.raises(RosterFileError) as info:
        inspect_roster(sqlite_uow, many, limits=Limits(max_rows=50))
    assert info.value.code == "too_many_rows"
    wide = tmp_path / "bred.csv"
    wide.write_text(";".join(["x"] * 1_200) + "\n", encoding="utf-8")
    with pytest.raises(RosterFileError) as info:
        inspect_roster(sqlite_uow, wide)
    assert info.value.code == "too_many_columns"
    unclosed = tmp_path / "uavsluttet.csv"
    unclosed.write_text('Ansattnr;Navn\n1;"Aas, Anne' + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(RosterFileError) as info:
        inspect_roster(sqlite_uow, unclosed)
    assert info.value.code == "damaged" and "anførselstegn" in info.value.message("nb")


HTML = """<!DOCTYPE html>
<html><head><meta charset="windows-1252"><title>Eksport</title>
<style>td {{ mso-number-format: "\\@"; }}</style></head>
<body><table border="1">
<caption>Ansatte</caption>
<tr><th colspan="7">Fjordvik kommune &ndash; ansatte</th></tr>
<tr>{header}</tr>
{rows}
<tr><td>Sum</td><td></td><td></td><td></td><td></td><td>212,5</td><td></td></tr>
</table></body></html>
"""


def _html() -> str:
    header = "".join(f"<th>{h}</th>" for h in HEADER)
    rows = "\n".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in ROWS)
    return HTML.format(header=header, rows=rows)


@pytest.mark.parametrize("name", ["eksport.xls", "eksport.html"])
def test_an_html_table_saved_as_xls(name: str, tmp_path: Path, sqlite_uow: UnitOfWork) -> None:
    path = tmp_path / name
    path.write_bytes(_html().replace("&aring;", "å").encode("cp1252"))
    inspection = inspect_roster(sqlite_uow, path)
    assert (inspection.kind, inspection.sheet, inspection.header_row) == ("html", "Ansatte", 2)
    report = run_import(sqlite_uow, path)
    assert report.created == 3 and report.ignored_rows == (6,)
    assert people(sqlite_uow)["4711"] == ("Åse", "Ødegård")
    assert ftes(sqlite_uow) == [50.0, 62.5, 100.0]


def test_html_entities_are_the_html_ones_only(tmp_path: Path, sqlite_uow: UnitOfWork) -> None:
    page = (
        '<!DOCTYPE html [<!ENTITY x "Ansattnr">]><table><tr><td>&x;</td><td>Navn</td><td>Enhet</td></tr>'
        "<tr><td>1</td><td>&Oslash;deg&aring;rd, &#197;se</td><td>A</td></tr></table>"
    )
    path = tmp_path / "entiteter.html"
    path.write_text(page, encoding="utf-8")
    inspection = inspect_roster(sqlite_uow, path)
    assert [c.header for c in inspection.columns] == ["&x;", "Navn", "Enhet"]  # not expanded
    assert inspection.columns[1].samples == ("Ødegård, Åse",)


SPREADSHEETML = """<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel">
 <Worksheet ss:Name="Info"><Table><Row><Cell><Data ss:Type="String">Eksport</Data></Cell></Row></Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible>
  </WorksheetOptions></Worksheet>
 <Worksheet ss:Name="Ansatte">
  <Table>
   <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">Ansattliste</Data></Cell></Row>
   <Row ss:Index="3">{header}</Row>
   {rows}
  </Table>
 </Worksheet>
</Workbook>
"""


def _spreadsheetml(dtd: str = "") -> str:
    header = "".join(f'<Cell><Data ss:Type="String">{h}</Data></Cell>' for h in HEADER)
    rows = []
    for number, name, unit, unit_name, title, fte, _start in ROWS:
        rows.append(
            "<Row>"
            f'<Cell><Data ss:Type="Number">{int(number)}</Data></Cell>'
            f'<Cell><Data ss:Type="String">{name}</Data></Cell>'
            f'<Cell><Data ss:Type="Number">{unit}</Data></Cell>'
            f'<Cell><Data ss:Type="String">{unit_name}</Data></Cell>'
            f'<Cell><Data ss:Type="String">{title}</Data></Cell>'
            f'<Cell><Data ss:Type="Number">{float(fte.rstrip(" %").replace(",", ".")) / 100}</Data></Cell>'
            '<Cell ss:Index="7"><Data ss:Type="DateTime">2015-03-01T00:00:00.000</Data></Cell>'
            "</Row>"
        )
    return SPREADSHEETML.format(header=header, rows="\n".join(rows)).replace(
        "?>\n<?mso", f"?>{dtd}\n<?mso", 1
    )


@pytest.mark.parametrize("name", ["eksport.xml", "eksport.xls"])
def test_excel_2003_xml(name: str, tmp_path: Path, sqlite_uow: UnitOfWork) -> None:
    path = tmp_path / name
    path.write_text(_spreadsheetml(), encoding="utf-8")
    inspection = inspect_roster(sqlite_uow, path)
    assert inspection.kind == "xml2003"
    assert [(s.name, s.visible) for s in inspection.sheets] == [("Info", False), ("Ansatte", True)]
    assert (inspection.sheet, inspection.header_row) == ("Ansatte", 3)
    run_import(sqlite_uow, path, ImportOptions())
    assert people(sqlite_uow)["4711"] == ("Åse", "Ødegård")
    assert ftes(sqlite_uow) == [50.0, 62.5, 100.0]
    with sqlite_uow:
        assert set(sqlite_uow.session.scalars(select(Position.start_date))) == {dt.date(2015, 3, 1)}


def test_excel_2003_xml_is_parsed_safely(tmp_path: Path, sqlite_uow: UnitOfWork) -> None:
    laughs = tmp_path / "latter.xml"
    laughs.write_text(_spreadsheetml('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'), encoding="utf-8")
    with pytest.raises(RosterFileError) as info:
        inspect_roster(sqlite_uow, laughs)
    assert info.value.code == "xml_attack"
    far = tmp_path / "langt-unna.xml"
    far.write_text(
        _spreadsheetml().replace('<Row ss:Index="3">', '<Row ss:Index="900000">'), encoding="utf-8"
    )
    with pytest.raises(RosterFileError) as info:
        inspect_roster(sqlite_uow, far)
    assert info.value.code == "too_many_rows"
    broken = tmp_path / "brutt.xml"
    broken.write_text(_spreadsheetml()[:-40], encoding="utf-8")
    with pytest.raises(RosterFileError) as info:
        inspect_roster(sqlite_uow, broken)
    assert info.value.code == "damaged"
