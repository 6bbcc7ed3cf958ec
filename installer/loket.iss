; Inno Setup 6 script: installs the one-folder bundle (dist\loket, built on Windows with
;   .venv\Scripts\pyinstaller --noconfirm installer\loket.spec
; ) for every user of the PC.
;   Program:  {autopf}\Loket          (C:\Program Files\Loket), read-only for users
;   Data:     {commonappdata}\Loket   (C:\ProgramData\Loket): loket.toml (this PC's
;             configuration) and, on a one-PC office, loket.sqlite3; every user may write
;             it, and uninstalling never deletes it
; Compile: "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\loket.iss
; Output:  installer\Output\loket-setup-0.1.0.exe

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; the AppId identifies Loket for upgrades and the uninstaller: never change it
AppId={{6C0E8F0B-3A57-4B9E-9E61-5B0C2D7A4E21}
AppName=Loket
AppVersion={#AppVersion}
AppVerName=Loket {#AppVersion}
AppPublisher=Loket
DefaultDirName={autopf}\Loket
DefaultGroupName=Loket
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=Output
OutputBaseFilename=loket-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\loket-station.exe
UninstallDisplayName=Loket {#AppVersion}
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.DataKept=The office's data in %1 was kept (configuration loket.toml and any SQLite database). Delete the folder yourself only if this PC will never run Loket again.%n%nData kantor di %1 tidak dihapus (konfigurasi loket.toml dan basis data SQLite bila ada). Hapus sendiri folder itu hanya bila PC ini tidak akan memakai Loket lagi.
english.RunSetup=Set up this PC now (role, office, database, devices) / Siapkan PC ini sekarang
english.StartAtLogon=Start this PC's station when a user logs on (kiosk, TV) / Jalankan stasiun saat masuk Windows
english.DesktopIcon=Desktop shortcut to this PC's station / Pintasan di desktop

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked
Name: "startatlogon"; Description: "{cm:StartAtLogon}"; Flags: unchecked

[Dirs]
; the data folder: users write the configuration and the SQLite database here
Name: "{commonappdata}\Loket"; Permissions: users-modify; Flags: uninsneveruninstall

[Files]
; the whole one-folder bundle: loket.exe (command line), loket-station.exe (stations),
; _internal\ (Python, Qt, resources, migrations)
Source: "..\dist\loket\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\docs\deployment.md"; DestDir: "{app}\docs"; Flags: ignoreversion
Source: "..\docs\devices.md"; DestDir: "{app}\docs"; Flags: ignoreversion
Source: "..\README.md"; DestDir: "{app}\docs"; Flags: ignoreversion

[Icons]
; one shortcut per station role; each starts the set-up wizard first on a PC not set up yet
Name: "{group}\Kiosk"; Filename: "{app}\loket-station.exe"; Parameters: "kiosk"; WorkingDir: "{commonappdata}\Loket"
Name: "{group}\Loket (counter)"; Filename: "{app}\loket-station.exe"; Parameters: "counter"; WorkingDir: "{commonappdata}\Loket"
Name: "{group}\Layar antrian (display)"; Filename: "{app}\loket-station.exe"; Parameters: "display"; WorkingDir: "{commonappdata}\Loket"
Name: "{group}\Supervisor"; Filename: "{app}\loket-station.exe"; Parameters: "supervisor"; WorkingDir: "{commonappdata}\Loket"
Name: "{group}\Survei"; Filename: "{app}\loket-station.exe"; Parameters: "survey"; WorkingDir: "{commonappdata}\Loket"
Name: "{group}\Demo"; Filename: "{app}\loket-station.exe"; Parameters: "demo"; WorkingDir: "{commonappdata}\Loket"
Name: "{group}\Penyiapan PC (setup)"; Filename: "{app}\loket-station.exe"; Parameters: "setup"; WorkingDir: "{commonappdata}\Loket"
Name: "{group}\Loket command prompt"; Filename: "{cmd}"; Parameters: "/k loket.exe --help"; WorkingDir: "{app}"
Name: "{group}\Panduan pemasangan (deployment)"; Filename: "{win}\notepad.exe"; Parameters: """{app}\docs\deployment.md"""
Name: "{group}\{cm:UninstallProgram,Loket}"; Filename: "{uninstallexe}"
; no parameter: the role this PC was set up for
Name: "{autodesktop}\Loket"; Filename: "{app}\loket-station.exe"; WorkingDir: "{commonappdata}\Loket"; Tasks: desktopicon
Name: "{commonstartup}\Loket"; Filename: "{app}\loket-station.exe"; WorkingDir: "{commonappdata}\Loket"; Tasks: startatlogon

[Run]
; runs as the user who started the installer: that user's key store gets the password
Filename: "{app}\loket-station.exe"; Parameters: "setup"; Description: "{cm:RunSetup}"; Flags: postinstall nowait skipifsilent

[UninstallDelete]
; files the programs may leave inside the program folder; nothing in {commonappdata}
Type: filesandordirs; Name: "{app}\_internal\db\migrations\__pycache__"
Type: filesandordirs; Name: "{app}\_internal\db\migrations\versions\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{commonappdata}\Loket');
    if DirExists(DataDir) and not UninstallSilent() then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
