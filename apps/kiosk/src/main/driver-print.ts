import type { DriverImageJob, PrintImage } from './printer/spooler-printer.ts';

/** Electron's print options, the part used (WebContentsPrintOptions). */
export type SilentPrintOptions = {
  readonly silent: true;
  readonly deviceName: string;
  readonly printBackground: boolean;
  readonly color: boolean;
  readonly copies: number;
  readonly margins: { readonly marginType: 'none' };
  /** In microns. */
  readonly pageSize: { readonly width: number; readonly height: number };
};

/** The hidden window the ticket picture is printed from (a BrowserWindow with `show: false`). */
export type PrintWindow = {
  loadURL(url: string): Promise<void>;
  readonly webContents: {
    print(options: SilentPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  };
  destroy(): void;
};

/** The page that holds one ticket picture at its printed size, titled so the spooler job has its name. */
export function driverPrintPage(job: DriverImageJob): string {
  const escape = (text: string): string => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  const png = Buffer.from(job.png.buffer, job.png.byteOffset, job.png.byteLength).toString('base64');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(job.documentName)}</title>
<style>@page{size:${job.widthMm}mm ${job.lengthMm}mm;margin:0}html,body{margin:0;padding:0;background:#fff}
img{display:block;width:${job.widthMm}mm;height:${job.lengthMm}mm;image-rendering:pixelated}</style></head>
<body><img alt="" src="data:image/png;base64,${png}"></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

/**
 * The last resort for a printer without ESC/POS raster support: print the rendered ticket (the same
 * 203-dpi picture the raster carries) through the printer's own Windows driver, with Electron's silent
 * print to the printer by its name, on a page exactly the ticket's size. Resolves once Chromium has
 * handed the job to the spooler (the spooler printer then watches the job by its document name).
 */
export function createDriverImagePrinter(createWindow: () => PrintWindow): PrintImage {
  return async (job) => {
    const window = createWindow();
    try {
      await window.loadURL(driverPrintPage(job));
      await new Promise<void>((resolve, reject) => {
        window.webContents.print(
          {
            silent: true,
            deviceName: job.printerName,
            printBackground: false,
            color: false,
            copies: 1,
            margins: { marginType: 'none' },
            pageSize: { width: Math.round(job.widthMm * 1000), height: Math.round(job.lengthMm * 1000) },
          },
          (success, failureReason) =>
            success
              ? resolve()
              : reject(
                  new Error(
                    `driver print to "${job.printerName}" failed: ${failureReason || 'no reason given'}`,
                  ),
                ),
        );
      });
    } finally {
      window.destroy();
    }
  };
}
