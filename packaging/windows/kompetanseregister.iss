; Inno Setup script: the Windows installer for Kompetanseregister (Inno Setup 6.3 or newer: the
; file is UTF-8 without a byte order mark).
;
; Built by .github/workflows/windows.yml after PyInstaller has made dist\Kompetanseregister\:
;   ISCC /DAppVersion=0.2.0 /DAppVersionNumeric=0.2.0.0 packaging\windows\kompetanseregister.iss
; gives dist\Kompetanseregister-0.2.0-oppsett.exe. docs/install-windows.md is the guide for IT.
;
; * Per user, no administrator rights: installs in %LOCALAPPDATA%\Programs\Kompetanseregister
;   ({autopf} in non-administrative mode is {userpf}). IT may install for all users with /ALLUSERS
;   from an administrator prompt.
; * Silent for IT: /VERYSILENT /SUPPRESSMSGBOXES /NORESTART (works without anything added here).
; * The user's register is in %LOCALAPPDATA%\Kompetanseregister, outside the program folder, so an
;   upgrade never touches it; the program migrates it on the first start, after a backup copy.
; * The uninstaller keeps the register unless the user answers yes to deleting it; a silent
;   uninstall keeps it too, unless /SLETTDATA is given.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric "0.0.0.0"
#endif
#define AppName "Kompetanseregister"
#define AppExe "Kompetanseregister.exe"
#define CliExe "kompetanse.exe"
#define Bundle "..\..\dist\Kompetanseregister"

[Setup]
; Never change AppId: it is how an upgrade finds the installed version (and its uninstaller).
AppId={{1CBD1A1D-C573-40B6-8DBC-FC4A37986F34}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Kompetanseregister
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=Kompetanseregister-{#AppVersion}-oppsett
SetupIconFile=..\..\resources\icons\kompetanseregister.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; an upgrade while the program is open: Windows' Restart Manager closes it first
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "nb"; MessagesFile: "compiler:Languages\Norwegian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nb.DesktopIcon=Lag en snarvei på &skrivebordet
en.DesktopIcon=Create a &desktop shortcut
nb.CommandLine=Kommandolinjen (kompetanse)
en.CommandLine=Command line (kompetanse)
nb.StartNow=Start Kompetanseregister nå
en.StartNow=Start Kompetanseregister now
nb.DeleteData=Vil du også slette registeret ditt, sikkerhetskopiene og loggene i%n%n%1%n%nVelg Nei for å beholde dem (anbefalt hvis du skal installere programmet på nytt).
en.DeleteData=Do you also want to delete your register, its backups and the logs in%n%n%1%n%nChoose No to keep them (recommended if you will install the program again).

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; the previous version's libraries go before the new ones are copied: no stale file is left behind
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Kompetanse, utviklingsmål og gapanalyse"
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:StartNow}"; Flags: nowait postinstall skipifsilent

[Code]
{ The user's data folder: the program's data_dir() (db/engine.py), where the register, its backups and
  the logs are. The preferences (language, chosen register) are Qt's, in the roaming profile. }
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\Kompetanseregister');
end;

function PreferencesFolder(): String;
begin
  Result := ExpandConstant('{userappdata}\Kompetanseregister');
end;

{ /SLETTDATA on the uninstaller's command line: delete the data without asking (for IT, e.g. when a
  PC changes hands). }
function DeleteDataAsked(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/SLETTDATA') = 0 then
      Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Wipe: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  { an uninstall for all users (by an administrator) never touches one user's data }
  if IsAdminInstallMode() or not DirExists(DataFolder()) then
    Exit;
  Wipe := DeleteDataAsked();
  if not Wipe and not UninstallSilent() then
    Wipe := MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataFolder()]), mbConfirmation,
      MB_YESNO or MB_DEFBUTTON2) = IDYES;
  if Wipe then
  begin
    DelTree(DataFolder(), True, True, True);
    DelTree(PreferencesFolder(), True, True, True);
  end;
end;
