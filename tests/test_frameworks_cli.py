"""``python -m competence frameworks ...``: list, show, export, import, load-builtin."""

from __future__ import annotations

import io
import json
from pathlib import Path

from competence.cli import main
from competence.frameworks.builtin import BUILTIN_DIR


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_list_show_and_load_builtin(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    code, out, _ = run("--db", db, "frameworks", "list", "--json")
    assert code == 0
    listed = {f["key"]: f for f in json.loads(out)}
    assert listed["digcomp-2.2"]["competences"] == 21 and listed["ostre-toten-agp"]["areas"] == 10
    code, out, _ = run("frameworks", "show", "ostre-toten-agp", "--db", db)
    assert code == 0
    assert "§15 Digital transformasjon" in out and "§13.1 Risikovurdering i arbeidsmiljøet  [kritisk]" in out
    assert "1 Kjenner til (25\u00a0%)" in out  # the number format of competence.numbers
    code, out, _ = run("frameworks", "show", "digcomp-2.2", "--json", "--db", db)
    tree = json.loads(out)
    assert sum(len(a["competences"]) for a in tree["areas"]) == 21
    assert [lv["band"] for lv in tree["scales"][0]["levels"]][::2] == [
        "Grunnleggende",
        "Middels",
        "Avansert",
        "Høyt spesialisert",
    ]
    code, out, _ = run("frameworks", "load-builtin", "--json", "--db", db)
    assert code == 0 and {r["action"] for r in json.loads(out)} == {"unchanged"}
    code, out, _ = run("--lang", "en", "frameworks", "load-builtin", "--db", db)
    assert "up to date (version 1)" in out


def test_export_then_import_into_another_register(tmp_path: Path) -> None:
    first, second = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    out_file = tmp_path / "digcomp.json"
    code, out, _ = run("frameworks", "export", "digcomp-2.2", str(out_file), "--db", first)
    assert code == 0 and "21 kompetanser" in out
    assert out_file.read_text(encoding="utf-8") == (BUILTIN_DIR / "digcomp-2.2.json").read_text(
        encoding="utf-8"
    )

    doc = json.loads(out_file.read_text(encoding="utf-8"))
    doc["key"], doc["name"] = "digcomp-toten", "DigComp i Toten"
    own = tmp_path / "eget.json"
    own.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run("frameworks", "import", str(own), "--json", "--db", second)
    assert code == 0
    result = json.loads(out)
    assert (result["action"], result["key"], len(result["added"])) == ("inserted", "digcomp-toten", 21)
    code, out, _ = run("frameworks", "list", "--db", second)
    assert "digcomp-toten" in out and "eget" in out


def test_refused_input_and_usage_errors(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "kompetanseregister-framework", "format_version": 1}', encoding="utf-8")
    code, _, err = run("frameworks", "import", str(bad), "--db", db)
    assert code == 1 and "Feil i rammeverksfilen: mangler feltet «key»" in err
    code, _, err = run("--lang", "en", "frameworks", "import", str(bad), "--db", db)
    assert code == 1 and "the field 'key' is missing" in err
    code, _, err = run("frameworks", "show", "finnes-ikke", "--db", db)
    assert code == 1 and "Fant ikke rammeverket «finnes-ikke»" in err
    assert run("frameworks", "--db", db)[0] == 2
    assert run("frameworks", "export", "digcomp-2.2", "--db", db)[0] == 2
