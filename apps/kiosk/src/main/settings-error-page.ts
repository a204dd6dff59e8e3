import type { SettingsProblem } from './settings.ts';

/**
 * The page a kiosk shows when its settings file is missing or wrong: what a visitor should do (ask
 * staff) and what the technician must fix (which file, which field). A data: URL, nothing from the network.
 */
export function settingsErrorPageUrl(problem: SettingsProblem): string {
  const escape = (text: string): string => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lượt</title>
<body style="margin:0;height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;font-family:'Be Vietnam Pro',system-ui,sans-serif;background:#f4f6fa;color:#14213d;text-align:center">
<h1 style="font-size:56px;margin:0 40px 24px">Kiosk chưa được cài đặt</h1>
<p style="font-size:32px;margin:0 40px">Vui lòng liên hệ cán bộ hướng dẫn. / Please ask a staff member for help.</p>
<p style="font-size:22px;color:#5b6475;margin:32px 40px;font-family:monospace">${escape(problem.file)}<br>${escape(problem.reason)}</p>
</body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
