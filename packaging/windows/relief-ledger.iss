; Inno Setup 6 script of the Windows installer. packaging/artifacts.py compiles it after the freeze:
;   iscc /DAppVersion=0.1.0 /DSourceDir=build\dist\relief-ledger /DOutputDir=build\artifacts
;        /DOutputBaseFilename=relief-ledger-0.1.0-windows-x64-setup [/DIconFile=build\icons\relief-ledger.ico]
;        packaging\windows\relief-ledger.iss
;
; Per-user by default (no administrator needed: a command center's laptop often has none at hand), with the
; choice of an all-users install in a dialog. The replicas live in the user's data directory,
; %LOCALAPPDATA%\ReliefLedger\relief-ledger (platformdirs' user_data_dir for appname "relief-ledger", appauthor
; "ReliefLedger"), and the client's settings under HKCU\Software\ReliefLedger. Neither is installed by this
; script, and the uninstaller removes only what [Files] and [Icons] installed: so uninstalling never removes a
; ledger. There is deliberately no [UninstallDelete] section; do not add one that reaches the data directory.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (packaging/artifacts.py does)
#endif
#ifndef SourceDir
  #error Pass the frozen folder: iscc /DSourceDir=build\dist\relief-ledger
#endif
#ifndef OutputDir
  #define OutputDir "..\..\build\artifacts"
#endif
#ifndef OutputBaseFilename
  #define OutputBaseFilename "relief-ledger-" + AppVersion + "-windows-x64-setup"
#endif

#define AppName "Relief Ledger"
#define AppExe "relief-ledger.exe"

[Setup]
; The AppId names this application to Windows' uninstall list and to later installers (an upgrade replaces the
; same entry): it must never change. The doubled brace is Inno's escape for a literal "{".
AppId={{1222DF2A-23EC-484F-874F-58A337E0DC0F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Relief Ledger
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; The frozen program is 64-bit only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBaseFilename}
#ifdef IconFile
SetupIconFile={#IconFile}
#endif
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; A running client holds its replica's lock: Setup offers to close it before replacing its files.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; The client's other languages, each where this Inno Setup ships its translation (the set varies by release).
#if FileExists(AddBackslash(CompilerPath) + "Languages\French.isl")
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
#endif
#if FileExists(AddBackslash(CompilerPath) + "Languages\Portuguese.isl")
Name: "portuguese"; MessagesFile: "compiler:Languages\Portuguese.isl"
#endif
#if FileExists(AddBackslash(CompilerPath) + "Languages\Arabic.isl")
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole frozen folder (the program, _internal\ with Qt, QtWebEngine and the resources, and
; THIRD-PARTY-NOTICES.txt).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
