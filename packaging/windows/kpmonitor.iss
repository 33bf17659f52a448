; kpmonitor's Windows installer (Inno Setup 6.3 or later).
;
; Per-user by default: no administrator rights, installed in %LOCALAPPDATA%\Programs\kpmonitor, a
; Start-menu entry, .kpbundle files opening in kpmonitor, "Open with kpmonitor" for PDF reports
; (never the default PDF viewer), and an entry in Settings > Apps to uninstall it. The monitor's data
; (%LOCALAPPDATA%\kpmonitor) is never touched by installing, updating or uninstalling.
;
; build.ps1 builds the PyInstaller folder and runs the compiler with the version and application id
; read from the package:
;   ISCC.exe /DAppVersion=<version> /DAppId=<application id> /DSourceDir=<dist\kpmonitor> /DOutputDir=<dir> kpmonitor.iss

#ifndef AppVersion
  #error Pass /DAppVersion=... (build.ps1 reads it from kpmonitor.__version__)
#endif
#ifndef AppId
  #error Pass /DAppId=... (build.ps1 reads it from kpmonitor.APP_ID)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\kpmonitor"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define BundleProgId AppId + ".kpbundle"
#define PdfProgId AppId + ".pdf"

[Setup]
AppId={#AppId}
AppName=kpmonitor
AppVersion={#AppVersion}
AppVerName=kpmonitor {#AppVersion}
AppPublisher=kpmonitor developers
VersionInfoVersion={#AppVersion}
; Per-user install; someone with administrator rights may still choose "for all users" in the dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\kpmonitor
DisableProgramGroupPage=yes
; Qt 6 needs 64-bit Windows 10 1809 or later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
SetupIconFile=kpmonitor.ico
UninstallDisplayIcon={app}\kpmonitor.exe
UninstallDisplayName=kpmonitor
OutputDir={#OutputDir}
OutputBaseFilename=kpmonitor-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; An update closes a running kpmonitor first (every edit is already saved).
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "pt"; MessagesFile: "compiler:Languages\Portuguese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update must not mix the old version's libraries with the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; kpmonitor.exe (the desktop app) and kpmonitor-cli.exe (the same program with a console), with _internal\.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\kpmonitor"; Filename: "{app}\kpmonitor.exe"; AppUserModelID: "{#AppId}"
Name: "{autodesktop}\kpmonitor"; Filename: "{app}\kpmonitor.exe"; AppUserModelID: "{#AppId}"; Tasks: desktopicon

[Registry]
; HKA is HKEY_CURRENT_USER for a per-user install and HKEY_LOCAL_MACHINE for an all-users one.
; .kpbundle: kpmonitor is the program that opens it.
Root: HKA; Subkey: "Software\Classes\.kpbundle"; ValueType: string; ValueName: ""; ValueData: "{#BundleProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.kpbundle"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-kpbundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.kpbundle\OpenWithProgids"; ValueType: none; ValueName: "{#BundleProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#BundleProgId}"; ValueType: string; ValueName: ""; ValueData: "kpmonitor report bundle"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#BundleProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\kpmonitor.exe,0"
Root: HKA; Subkey: "Software\Classes\{#BundleProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\kpmonitor.exe"" gui ""%1"""
; PDF: listed under "Open with" only. Nothing here changes which program opens PDFs by default.
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: none; ValueName: "{#PdfProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#PdfProgId}"; ValueType: string; ValueName: ""; ValueData: "PDF report (verify with kpmonitor)"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#PdfProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\kpmonitor.exe"" gui ""%1"""
; The name and file types shown in the "Open with" list.
Root: HKA; Subkey: "Software\Classes\Applications\kpmonitor.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "kpmonitor"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\kpmonitor.exe\SupportedTypes"; ValueType: string; ValueName: ".kpbundle"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\kpmonitor.exe\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""

[Run]
Filename: "{app}\kpmonitor.exe"; Description: "{cm:LaunchProgram,kpmonitor}"; Flags: nowait postinstall skipifsilent
