; Galley installer for Windows (NSIS 3, Unicode).
;
; Per-machine install of the PyInstaller bundle (dist\galley) into Program Files:
; Start-menu shortcut, .galley file association, uninstaller registered in Apps & features.
; Silent:   galley-setup.exe /S [/D=C:\Path\To\Galley]      (/D= must be last, no quotes)
; Uninstall silently: "C:\Program Files\Galley\uninstall.exe" /S
;
; Build (see .github/workflows/windows.yml; packaging/windows/check_nsis.sh compiles it on
; Linux against a stand-in payload):
;   makensis /DVERSION=0.1.0 /DPAYLOAD=C:\src\galley\dist\galley /DOUTFILE=C:\out\galley-setup.exe galley.nsi
; makensis runs from this script's folder, so relative paths below are relative to it.

Unicode true
ManifestDPIAware true
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\galley"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\galley-setup-${VERSION}.exe"
!endif
!define APP "Galley"
!define PUBLISHER "Galley"
!define DESK_EXE "galley-desk.exe"
!define PROGID "Galley.Edition"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Galley"
!define ICON "..\icons\galley.ico"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "LegalCopyright" "GPL-3.0-or-later"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${DESK_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start Galley"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "Galley needs 64-bit Windows. / Galley 需要 64 位 Windows。" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ; An upgrade goes where the installed version is, unless /D= names a folder. (Read here,
  ; not with InstallDirRegKey, so that the 64-bit registry view is used.)
  ${If} $INSTDIR == "$PROGRAMFILES64\${APP}"
    ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
    ${If} $0 != ""
      StrCpy $INSTDIR $0
    ${EndIf}
  ${EndIf}
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Galley" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the bundle whole, so no file of an older version lingers.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*.*"
  File "/oname=galley.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${DESK_EXE}" "" "$INSTDIR\galley.ico" 0

  ; .galley files open in Galley (machine-wide association).
  WriteRegStr HKLM "Software\Classes\.galley" "" "${PROGID}"
  WriteRegStr HKLM "Software\Classes\.galley" "Content Type" "application/x-galley"
  WriteRegStr HKLM "Software\Classes\.galley\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKLM "Software\Classes\${PROGID}" "" "Galley edition"
  WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\galley.ico,0"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${DESK_EXE}" "%1"'
  WriteRegStr HKLM "Software\Classes\Applications\${DESK_EXE}\shell\open\command" "" '"$INSTDIR\${DESK_EXE}" "%1"'
  WriteRegStr HKLM "Software\Classes\Applications\${DESK_EXE}\SupportedTypes" ".galley" ""
  ; "galley" on the command line of cmd/PowerShell (App Paths, no PATH edit needed).
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\App Paths\galley.exe" "" "$INSTDIR\galley.exe"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\App Paths\${DESK_EXE}" "" "$INSTDIR\${DESK_EXE}"

  ; Apps & features entry.
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\galley.ico"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}.lnk"

  ; Only remove the association if it is still ours.
  ReadRegStr $0 HKLM "Software\Classes\.galley" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey HKLM "Software\Classes\.galley"
  ${Else}
    DeleteRegValue HKLM "Software\Classes\.galley\OpenWithProgids" "${PROGID}"
  ${EndIf}
  DeleteRegKey HKLM "Software\Classes\${PROGID}"
  DeleteRegKey HKLM "Software\Classes\Applications\${DESK_EXE}"
  DeleteRegKey HKLM "Software\Microsoft\Windows\CurrentVersion\App Paths\galley.exe"
  DeleteRegKey HKLM "Software\Microsoft\Windows\CurrentVersion\App Paths\${DESK_EXE}"
  DeleteRegKey HKLM "${UNINST_KEY}"

  ; Remove the bundle. The folder is removed whole only when it is really Galley's
  ; (guards against /D= pointing at a shared folder such as Program Files itself).
  ${If} ${FileExists} "$INSTDIR\${DESK_EXE}"
  ${AndIf} ${FileExists} "$INSTDIR\_internal\*.*"
    RMDir /r "$INSTDIR\_internal"
    Delete "$INSTDIR\galley.exe"
    Delete "$INSTDIR\${DESK_EXE}"
    Delete "$INSTDIR\galley.ico"
  ${EndIf}
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
