/** The part of a `WebContents` that loads the renderer. */
export interface LoadableContents {
  on(
    event: 'did-fail-load',
    listener: (
      event: unknown,
      errorCode: number,
      errorDescription: string,
      url: string,
      isMainFrame: boolean,
    ) => void,
  ): unknown;
  loadURL(url: string): Promise<void>;
}

/** Chromium's "aborted" error: a newer navigation replaced this one; not a failure. */
const ERR_ABORTED = -3;

/**
 * A page shown while the hall server cannot be reached (the kiosk PC often boots before the server).
 * A data: URL, so it needs nothing from the network; it has no bridge access (wrong origin).
 */
export function waitingPageUrl(serverOrigin: string, detail: string): string {
  const escape = (text: string): string => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lượt</title>
<body style="margin:0;height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;font-family:'Be Vietnam Pro',system-ui,sans-serif;background:#f4f6fa;color:#14213d;text-align:center">
<h1 style="font-size:56px;margin:0 40px 24px">Đang kết nối tới máy chủ của Trung tâm…</h1>
<p style="font-size:32px;margin:0 40px">Kiosk tạm thời chưa cấp số. Vui lòng liên hệ cán bộ hướng dẫn.</p>
<p style="font-size:24px;color:#5b6475;margin:24px 40px">Connecting to the hall server… (${escape(serverOrigin)}: ${escape(detail)})</p>
</body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

/**
 * Load the renderer from the hall server and keep trying: when the main frame fails to load (server
 * down, network cable out), show a local waiting page and retry every `retryMs` until it loads.
 */
export function loadRendererWithRetry(
  contents: LoadableContents,
  rendererUrl: string,
  options: {
    readonly serverOrigin: string;
    readonly retryMs?: number;
    readonly setTimer?: (run: () => void, ms: number) => void;
    readonly log?: (message: string, fields: Record<string, string | number>) => void;
  },
): void {
  const retryMs = options.retryMs ?? 5_000;
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => void setTimeout(run, ms));
  let isRetryPending = false;
  const load = (): void => {
    isRetryPending = false;
    // Failures arrive through did-fail-load; the promise's rejection carries nothing more.
    contents.loadURL(rendererUrl).catch(() => undefined);
  };
  contents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED || !url.startsWith(options.serverOrigin)) return;
    options.log?.('renderer failed to load', { errorCode, errorDescription });
    contents.loadURL(waitingPageUrl(options.serverOrigin, errorDescription)).catch(() => undefined);
    if (isRetryPending) return;
    isRetryPending = true;
    setTimer(load, retryMs);
  });
  load();
}
