import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** The file operations the log needs (Node's fs by default; tests may count them). */
export type LogFiles = {
  appendFileSync(file: string, text: string): void;
  mkdirSync(dir: string, options: { recursive: true }): unknown;
  renameSync(from: string, to: string): void;
  rmSync(file: string, options: { force: true }): void;
  statSync(file: string, options: { throwIfNoEntry: false }): { size: number } | undefined;
};

export type RotatingLogOptions = {
  readonly dir: string;
  /** `kiosk.log`; older files are `kiosk.1.log` (the newest old one) … `kiosk.<keep>.log`. */
  readonly fileName?: string;
  /** Rotate when the current file would pass this size (1 MB). */
  readonly maxBytes?: number;
  /** Old files kept besides the current one (5: at most 6 MB of logs). */
  readonly keep?: number;
  readonly files?: LogFiles;
};

/** A log that writes whole lines to a file and rotates it by size. */
export type RotatingLog = {
  readonly file: string;
  /** Append one line (a newline is added). Never throws: a full disk must not stop the kiosk. */
  write(line: string): void;
};

const nodeFiles: LogFiles = { appendFileSync, mkdirSync, renameSync, rmSync, statSync };

/**
 * The kiosk's log file: a packaged Windows app has no console to read, so every line also goes here
 * (in the kiosk's data folder, see settings.ts), for the technician and for a support call. Lines are
 * appended synchronously, so the line written just before a crash is on disk.
 */
export function createRotatingLog(options: RotatingLogOptions): RotatingLog {
  const files = options.files ?? nodeFiles;
  const fileName = options.fileName ?? 'kiosk.log';
  const maxBytes = options.maxBytes ?? 1_000_000;
  const keep = options.keep ?? 5;
  const file = path.join(options.dir, fileName);
  const extension = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  const numbered = (index: number): string => path.join(options.dir, `${stem}.${index}${extension}`);
  let size: number | null = null;
  let isBroken = false;

  const rotate = (): void => {
    files.rmSync(numbered(keep), { force: true });
    for (let index = keep - 1; index >= 1; index -= 1) {
      if (files.statSync(numbered(index), { throwIfNoEntry: false }))
        files.renameSync(numbered(index), numbered(index + 1));
    }
    files.renameSync(file, numbered(1));
    size = 0;
  };

  return {
    file,
    write(line) {
      const text = `${line}\n`;
      const bytes = Buffer.byteLength(text);
      try {
        if (size === null) {
          files.mkdirSync(options.dir, { recursive: true });
          size = files.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
        }
        if (size > 0 && size + bytes > maxBytes) rotate();
        files.appendFileSync(file, text);
        size += bytes;
        isBroken = false;
      } catch (error) {
        // Say it once on the console (development), then keep trying quietly: the disk may come back.
        if (!isBroken)
          console.error(`kiosk log ${file}: ${error instanceof Error ? error.message : String(error)}`);
        isBroken = true;
        size = null;
      }
    },
  };
}
