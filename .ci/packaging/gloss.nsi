; Gloss installer for 64-bit Windows, built by .ci/package.sh with makensis
; (Debian package nsis):
;
;   makensis -DVERSION=1.2.3 -DVIVERSION=1.2.3.0 -DSRCDIR=dir -DOUTFILE=setup.exe gloss.nsi
;
; SRCDIR holds gloss.exe, gloss-cli.exe and gloss.ico. The installer is per
; machine (asks for administrator rights), installs into Program Files\Gloss,
; adds a Start menu entry, opens *.gloss files with Gloss and registers an
; uninstaller under Settings > Apps. Silent: setup.exe /S [/D=C:\path].
; Uninstalling keeps the user's project files and preferences.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !error "define VERSION (see the top of gloss.nsi)"
!endif
!ifndef VIVERSION
  !error "define VIVERSION (see the top of gloss.nsi)"
!endif
!ifndef SRCDIR
  !error "define SRCDIR (see the top of gloss.nsi)"
!endif
!ifndef OUTFILE
  !error "define OUTFILE (see the top of gloss.nsi)"
!endif

!define APPNAME   "Gloss"
!ifndef PUBLISHER
  !define PUBLISHER "The Gloss authors"
!endif
!define PROGID    "Gloss.Project"
!define MIMETYPE  "application/x-gloss-project"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Gloss"
!define APPPATHS  "Software\Microsoft\Windows\CurrentVersion\App Paths\gloss.exe"
!define SHCNE_ASSOCCHANGED 0x08000000

; With -DSIGN=path/to/package.sh, the uninstaller is signed as it is written
; (package.sh sign-file, which reads WIN_SIGN_* from the environment).
!ifdef SIGN
  !uninstfinalize '"${SIGN}" sign-file "%1"' = 0
!endif

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APPNAME}"
RequestExecutionLevel admin
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VIVERSION}"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APPNAME} ${VERSION} setup"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${SRCDIR}\gloss.ico"
!define MUI_UNICON "${SRCDIR}\gloss.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "This installs ${APPNAME} ${VERSION}, the text annotation app, on this computer.$\r$\n$\r$\nIt adds ${APPNAME} to the Start menu and opens .gloss project files with it.$\r$\n$\r$\nClick Next to continue."
!define MUI_FINISHPAGE_RUN "$INSTDIR\gloss.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APPNAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "${APPNAME} needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ; An upgrade goes where the last install went, unless /D= says otherwise.
  ${If} $INSTDIR == "$PROGRAMFILES64\${APPNAME}"
    ReadRegStr $0 HKLM "${UNINSTKEY}" "InstallLocation"
    ${If} $0 != ""
      StrCpy $INSTDIR $0
    ${EndIf}
  ${EndIf}
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Gloss" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${SRCDIR}\gloss.exe"
  File "${SRCDIR}\gloss-cli.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\gloss.exe" "" "$INSTDIR\gloss.exe" 0

  ; *.gloss files open with Gloss.
  WriteRegStr HKLM "Software\Classes\.gloss" "" "${PROGID}"
  WriteRegStr HKLM "Software\Classes\.gloss" "Content Type" "${MIMETYPE}"
  WriteRegStr HKLM "Software\Classes\.gloss\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKLM "Software\Classes\${PROGID}" "" "Gloss project"
  WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\gloss.exe,0"
  WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\gloss.exe" "%1"'
  WriteRegStr HKLM "Software\Classes\Applications\gloss.exe" "FriendlyAppName" "${APPNAME}"
  WriteRegStr HKLM "Software\Classes\Applications\gloss.exe\SupportedTypes" ".gloss" ""
  WriteRegStr HKLM "Software\Classes\Applications\gloss.exe\shell\open\command" "" '"$INSTDIR\gloss.exe" "%1"'
  WriteRegStr HKLM "${APPPATHS}" "" "$INSTDIR\gloss.exe"
  WriteRegStr HKLM "${APPPATHS}" "Path" "$INSTDIR"

  ; Settings > Apps entry.
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\gloss.exe,0"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" "$0"

  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$INSTDIR\gloss.exe"
  Delete "$INSTDIR\gloss-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ; Leave .gloss to another program that has taken it over since.
  ReadRegStr $0 HKLM "Software\Classes\.gloss" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue HKLM "Software\Classes\.gloss" ""
    DeleteRegValue HKLM "Software\Classes\.gloss" "Content Type"
  ${EndIf}
  DeleteRegValue HKLM "Software\Classes\.gloss\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKLM "Software\Classes\.gloss\OpenWithProgids"
  DeleteRegKey /ifempty HKLM "Software\Classes\.gloss"
  DeleteRegKey HKLM "Software\Classes\${PROGID}"
  DeleteRegKey HKLM "Software\Classes\Applications\gloss.exe"
  DeleteRegKey HKLM "${APPPATHS}"
  DeleteRegKey HKLM "${UNINSTKEY}"

  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
SectionEnd
