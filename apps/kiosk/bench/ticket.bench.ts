// Render + encode time per ticket, bytes per ticket and the print time they imply, for both roll widths.
// Plain script (not a test): pnpm --filter @luot/kiosk bench:ticket
import { layoutTicket, type PrintableTicket } from '@luot/shared/ticket';
import {
  encodeTicket,
  PAPER_WIDTH_DOTS,
  renderTicket,
  type PaperWidthMm,
} from '../src/main/printer/index.ts';

const RUNS = 200;
const WARMUP = 10;
const PRINT_SPEED_MM_PER_S = 150;

const ticket: PrintableTicket = {
  hallName: 'Trung tâm Phục vụ hành chính công phường Bến Nghé',
  hallLogo: null,
  number: 'A012',
  serviceName: 'Đất đai – Hộ tịch – Chứng thực',
  procedureName: 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu',
  priorityLabel: 'Người cao tuổi',
  issuedAt: Date.UTC(2026, 10, 29, 7, 5),
  timeZone: 'Asia/Ho_Chi_Minh',
  peopleAhead: 4,
  waitMinutes: { min: 10, max: 20 },
  statusUrl: 'http://hall:8080/t/k3x9',
};

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

for (const widthMm of [58, 80] as const satisfies readonly PaperWidthMm[]) {
  const widthDots = PAPER_WIDTH_DOTS[widthMm];
  const times: number[] = [];
  let bytes = 0;
  let lengthMm = 0;
  let cpuStart = process.cpuUsage();
  for (let run = 0; run < WARMUP + RUNS; run++) {
    if (run === WARMUP) cpuStart = process.cpuUsage();
    const start = performance.now();
    const rendered = renderTicket(layoutTicket(ticket), widthDots);
    const job = encodeTicket(rendered.bitmap);
    const elapsed = performance.now() - start;
    if (run >= WARMUP) times.push(elapsed);
    bytes = job.length;
    lengthMm = rendered.lengthMm;
  }
  // CPU time (user + system) per ticket is steadier than wall time on a shared machine.
  const cpu = process.cpuUsage(cpuStart);
  const cpuMsPerTicket = (cpu.user + cpu.system) / 1000 / RUNS;
  times.sort((a, b) => a - b);
  console.log(
    `${widthMm} mm (${widthDots} dots): render+encode median ${percentile(times, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(times, 95).toFixed(1)} ms over ${RUNS} (CPU ${cpuMsPerTicket.toFixed(1)} ms/ticket); ` +
      `${bytes} bytes/ticket; ` +
      `${lengthMm.toFixed(1)} mm long → ${(lengthMm / PRINT_SPEED_MM_PER_S).toFixed(2)} s at ${PRINT_SPEED_MM_PER_S} mm/s`,
  );
}
