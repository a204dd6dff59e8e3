// The reports screen says it is working while a report is computed (a year takes a moment on the
// server's worker), never shows a stale answer over a newer one, and speaks plain Vietnamese (no P90, TB).
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallReport, ReportRow } from '@luot/shared/contracts';
import { DEFAULT_SATISFACTION_LEVELS } from '@luot/shared/domain';
import { AdminApi } from '../src/api.ts';
import { ReportsScreen } from '../src/ReportsScreen.tsx';
import { demoHallConfigForTest } from './fixtures.ts';

afterEach(cleanup);

const stats = { count: 3, averageMs: 300_000, medianMs: 240_000, p90Ms: 600_000 };
const row = (key: string, vi: string, issued: number): ReportRow => ({
  key,
  label: { vi, en: vi },
  issued,
  served: issued,
  noShow: 0,
  transferred: 0,
  cancelled: 0,
  expired: 0,
  open: 0,
  wait: stats,
  service: stats,
  withinTarget: issued,
  withinTargetPercent: 100,
  satisfaction: { total: 0, byLevel: {}, satisfied: 0, percentSatisfied: null },
});
const report = (issued: number): HallReport => ({
  from: '2026-01-01',
  to: '2026-12-31',
  timeZone: 'Asia/Ho_Chi_Minh',
  targetWaitMinutes: 30,
  generatedAt: 0,
  levels: DEFAULT_SATISFACTION_LEVELS,
  total: row('total', 'Tổng cộng', issued),
  by: {
    day: [],
    hour: [],
    field: [],
    service: [row('dat-dai', 'Đất đai', issued)],
    counter: [],
    clerk: [],
  },
});

/** The console's real REST client over a fetch whose answers the test releases one by one. */
function slowApi() {
  const pending: ((body: unknown) => void)[] = [];
  const fetcher: typeof fetch = () =>
    new Promise((resolve) => {
      pending.push((body) =>
        resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })),
      );
    });
  return { api: new AdminApi('token', () => {}, fetcher), pending };
}

describe('ReportsScreen', () => {
  it('shows that a report is being computed, then the figures, and keeps only the latest answer', async () => {
    const { api, pending } = slowApi();
    render(<ReportsScreen api={api} config={demoHallConfigForTest()} />);
    const status = screen.getByTestId('report-status');
    await waitFor(() => expect(status.textContent).toMatch(/^Đang tính báo cáo từ \d\d\/\d\d\/\d{4} đến/));
    expect(screen.getByRole('button', { name: 'Xem báo cáo' })).toHaveProperty('disabled', true);
    act(() => pending[0]!({ ok: true, value: report(7) }));
    await waitFor(() => expect(status.textContent).toBe(''));
    expect(document.querySelector('.cards .card strong')?.textContent).toBe('7');

    // A second range: the earlier figures stay, dimmed, until the new ones arrive.
    fireEvent.submit(screen.getByRole('button', { name: 'Xem báo cáo' }).closest('form')!);
    await waitFor(() => expect(status.textContent).toMatch(/^Đang tính báo cáo/));
    expect(document.querySelector('.stale')).not.toBeNull();
    act(() => pending[1]!({ ok: true, value: report(9) }));
    await waitFor(() => expect(document.querySelector('.cards .card strong')?.textContent).toBe('9'));
    expect(document.querySelector('.stale')).toBeNull();
  });

  it('labels figures without jargon', async () => {
    const { api, pending } = slowApi();
    render(<ReportsScreen api={api} config={demoHallConfigForTest()} />);
    act(() => pending[0]!({ ok: true, value: report(3) }));
    await waitFor(() => expect(screen.getAllByText('90% lượt chờ không quá').length).toBeGreaterThan(0));
    const text = document.body.textContent ?? '';
    for (const jargon of ['P90', 'TB', 'trung vị', 'phân vị', ' min'])
      expect(text, `no “${jargon}” on the screen`).not.toContain(jargon);
    expect(text).toContain('Một nửa số lượt chờ không quá');
  });
});
