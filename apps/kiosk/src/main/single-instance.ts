/** The part of Electron's `app` the single-instance rule needs. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

/**
 * One kiosk process per PC: two would fight over the USB printer. A second start (a double-click, the
 * autostart racing a technician) quits at once and brings the running kiosk's window to the front.
 * Returns whether this process is the one that runs.
 */
export function claimSingleInstance(app: SingleInstanceApp, focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focusExisting);
  return true;
}
