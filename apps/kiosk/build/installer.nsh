; Lượt kiosk installer additions (electron-builder `nsis.include`).
; The kiosk keeps its settings and logs in %ProgramData%\Luot\Kiosk, not in Program Files: they survive an
; update or an uninstall, and the kiosk (running as an ordinary user) can write its logs there.
; S-1-5-32-545 is the local Users group, whatever the Windows language ("Users", "Người dùng"…).
!macro customInstall
  CreateDirectory "$COMMONAPPDATA\Luot\Kiosk\logs"
  nsExec::Exec 'icacls "$COMMONAPPDATA\Luot\Kiosk" /grant *S-1-5-32-545:(OI)(CI)M /T /Q'
  ; A first install gets the example settings to edit; an update never touches the hall's own file.
  IfFileExists "$COMMONAPPDATA\Luot\Kiosk\luot-kiosk.json" +2 0
    CopyFiles /SILENT "$INSTDIR\luot-kiosk.example.json" "$COMMONAPPDATA\Luot\Kiosk\luot-kiosk.json"
!macroend

; Uninstalling leaves %ProgramData%\Luot\Kiosk (the hall's settings and logs) where it is.
