"""The Windows workflow and the Inno Setup script, checked as far as this machine allows: the YAML
parses, every file they name exists, and the names, folders and versions agree with the PyInstaller
spec and the program (the Windows build itself runs in .github/workflows/windows.yml)."""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

import pytest
import yaml

from db.engine import APP_NAME

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
ISS = ROOT / "packaging" / "windows" / "kompetanseregister.iss"
SPEC = ROOT / "packaging" / "kompetanseregister.spec"


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if current != "Code" and (not line or line.startswith(";")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections[current] = []
        elif current:
            sections[current].append(line)
    return sections


def iss_defines() -> dict[str, str]:
    return dict(re.findall(r'#define (\w+) "([^"]*)"', ISS.read_text(encoding="utf-8")))


def expand(text: str) -> str:
    defines = iss_defines()
    return re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], text)


def setup() -> dict[str, str]:
    return dict(
        line.split("=", 1) for line in iss_sections()["Setup"] if "=" in line and not line.startswith("#")
    )


def entries(section: str) -> list[dict[str, str]]:
    """``Name: "x"; Filename: "y"`` lines as dicts, with the script's #defines filled in."""
    found = []
    for line in iss_sections()[section]:
        if line.startswith("#"):
            continue
        parts = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]+)', line)
        found.append({key: expand(value.strip().strip('"')) for key, value in parts})
    return found


def spec_names() -> tuple[str, str]:
    """The desktop app's and the command line's program names in the PyInstaller spec."""
    text = SPEC.read_text(encoding="utf-8")
    app = re.search(r'^NAME = "([^"]+)"', text, re.MULTILINE)
    cli = re.search(r'cli = EXE\([^)]*?name="([^"]+)"', text, re.DOTALL)
    assert app is not None and cli is not None
    return app.group(1), cli.group(1)


def from_iss(relative: str) -> Path:
    return (ISS.parent / PureWindowsPath(relative).as_posix()).resolve()


# --- the workflow -----------------------------------------------------------------------------------


def workflow() -> dict[str, object]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps() -> list[dict[str, object]]:
    jobs = workflow()["jobs"]
    assert isinstance(jobs, dict)
    [job] = jobs.values()
    assert str(job["runs-on"]).startswith("windows")
    return list(job["steps"])


def test_workflow_sets_up_python_311_and_installs_the_build_extra() -> None:
    uses = {str(step.get("uses", "")).split("@")[0]: step for step in steps()}
    assert uses["actions/setup-python"]["with"] == {"python-version": "3.11"}  # type: ignore[index]
    commands = "\n".join(str(step.get("run", "")) for step in steps())
    assert 'pip install -e ".[build]"' in commands


def test_every_file_the_workflow_names_exists() -> None:
    commands = "\n".join(str(step.get("run", "")) for step in steps())
    named = set(re.findall(r"packaging[\\/][\w.\\/-]+", commands))
    assert {"packaging\\kompetanseregister.spec", "packaging\\windows\\kompetanseregister.iss"} <= named
    for path in named:
        assert (ROOT / PureWindowsPath(path).as_posix()).is_file(), path


def test_workflow_smoke_tests_the_programs_and_keeps_the_data_on_uninstall() -> None:
    commands = "\n".join(str(step.get("run", "")) for step in steps())
    for command in ("--version", "demo-data", "gap-report --json", "export-plan", "--smoke-test"):
        assert command in commands
    assert '$env:PATH = "$env:SystemRoot\\System32;$env:SystemRoot"' in commands  # no Python
    assert "/VERYSILENT" in commands and "unins000.exe" in commands
    assert "avinstalleringen slettet registeret" in commands
    app, cli = spec_names()
    assert f"{app}.exe" in commands and f"{cli}.exe" in commands
    assert "/DAppVersion=" in commands and "/DAppVersionNumeric=" in commands


# --- the installer script ---------------------------------------------------------------------------


def test_per_user_install_without_administrator_rights() -> None:
    s = setup()
    assert s["PrivilegesRequired"] == "lowest"
    assert s["DefaultDirName"] == "{autopf}\\{#AppName}"  # {userpf}: %LOCALAPPDATA%\Programs
    assert s["PrivilegesRequiredOverridesAllowed"] == "commandline"  # /ALLUSERS for IT


def test_app_id_is_a_fixed_guid() -> None:
    """An upgrade finds the installed version by AppId: it must never change."""
    assert re.fullmatch(
        r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", setup()["AppId"]
    )
    assert setup()["AppId"] == "{{1CBD1A1D-C573-40B6-8DBC-FC4A37986F34}"


def test_files_are_the_bundle_pyinstaller_makes() -> None:
    app, cli = spec_names()
    defines = iss_defines()
    assert defines["AppExe"] == f"{app}.exe" and defines["CliExe"] == f"{cli}.exe"
    assert PureWindowsPath(defines["Bundle"]).name == app
    assert from_iss(defines["Bundle"]) == (ROOT / "dist" / app).resolve()
    sources = [entry["Source"] for entry in entries("Files")]
    assert sources == [
        f"{defines['Bundle']}\\{app}.exe",
        f"{defines['Bundle']}\\{cli}.exe",
        f"{defines['Bundle']}\\_internal\\*",
    ]
    assert entries("InstallDelete") == [{"Type": "filesandordirs", "Name": "{app}\\_internal"}]


def test_icon_and_output_folder_exist() -> None:
    assert from_iss(setup()["SetupIconFile"]).is_file()
    assert from_iss(setup()["OutputDir"]) == (ROOT / "dist").resolve()
    assert setup()["OutputBaseFilename"] == "Kompetanseregister-{#AppVersion}-oppsett"


def test_start_menu_entry_and_the_command_line() -> None:
    icons = {entry["Name"]: entry for entry in entries("Icons")}
    assert icons["{group}\\Kompetanseregister"]["Filename"] == "{app}\\Kompetanseregister.exe"
    assert "{uninstallexe}" in {entry["Filename"] for entry in icons.values()}
    assert icons["{autodesktop}\\Kompetanseregister"]["Tasks"] == "desktopicon"


def test_uninstaller_keeps_the_register_unless_asked() -> None:
    code = "\n".join(iss_sections()["Code"])
    assert f"ExpandConstant('{{localappdata}}\\{APP_NAME}')" in code  # db.engine.user_dirs on Windows
    assert "UninstallSilent()" in code and "MB_DEFBUTTON2" in code  # silent keeps; the default is No
    assert "'/SLETTDATA'" in code
    assert "IsAdminInstallMode()" in code
    assert len(re.findall(r"\bbegin\b", code)) == len(re.findall(r"\bend;", code))


def test_every_custom_message_is_in_both_languages() -> None:
    languages = {entry["Name"] for entry in entries("Languages")}
    assert languages == {"nb", "en"}
    defined = {tuple(line.split("=", 1)[0].split(".")) for line in iss_sections()["CustomMessages"]}
    used = set(re.findall(r"(?:\{cm:|CustomMessage\(')(\w+)", ISS.read_text(encoding="utf-8")))
    for name in used - {"UninstallProgram"}:  # Inno Setup's own
        assert {(lang, name) for lang in languages} <= defined, name


@pytest.mark.parametrize("text", [ISS.read_text(encoding="utf-8")])
def test_every_define_used_is_defined(text: str) -> None:
    used = set(re.findall(r"\{#(\w+)\}", text)) | set(re.findall(r"#ifdef (\w+)", text))
    defined = set(iss_defines()) | {"SignTool"}  # SignTool: given with /DSignTool=... to sign
    assert used <= defined
