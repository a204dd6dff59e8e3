import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulationRequest } from '@luot/shared/contracts';
import type { HallConfig } from '@luot/shared/domain';
import type { SimulationComparison, WaitFigures } from '@luot/shared/simulation';
import { AdminApi } from '../src/api.ts';
import type { ApiResult } from '../src/api.ts';
import { SimulatorScreen } from '../src/SimulatorScreen.tsx';
import { demoHallConfigForTest, testCounter, withCivilStatusService } from './fixtures.ts';

// The policy simulator's screen ("Thử nghiệm cách bố trí"): the candidate setup the form sends, the
// waiting state, the comparison it shows, and a refusal. The server side (replay, figures) has its own
// tests; here the console's REST client runs unchanged over a fetch the test answers when it chooses.

afterEach(cleanup);

const MINUTE = 60_000;

/** Two active counters (q1: land; q2: civil status, land) and an inactive third. */
function hall(): HallConfig {
  const demo = withCivilStatusService(demoHallConfigForTest());
  return {
    ...demo,
    counters: [
      testCounter(1, ['dat-dai']),
      testCounter(2, ['ho-tich', 'dat-dai']),
      testCounter(3, ['dat-dai'], false),
    ],
    policy: { ...demo.policy, priorityBound: 3 },
  };
}

const figures = (
  visitors: number,
  p50: number,
  p90: number,
  max: number,
  pastTarget: number,
): WaitFigures => ({
  visitors,
  called: visitors,
  p50Ms: p50 * MINUTE,
  p90Ms: p90 * MINUTE,
  maxMs: max * MINUTE,
  pastTarget,
});

const COMPARISON: SimulationComparison = {
  days: ['2026-11-30', '2026-12-01'],
  targetWaitMinutes: 20,
  real: {
    waits: figures(120, 6, 15, 42, 9),
    longestQueue: 17,
    longestQueueAt: null,
    openMs: 16 * 60 * MINUTE,
    idleMs: 3.5 * 60 * MINUTE,
    counters: [],
  },
  simulated: {
    waits: figures(120, 4.5, 11, 30, 2),
    longestQueue: 9,
    longestQueueAt: null,
    openMs: 8 * 60 * MINUTE,
    idleMs: 0.5 * 60 * MINUTE,
    counters: [],
  },
  byService: [
    {
      key: 'dat-dai',
      label: { vi: 'Đất đai', en: 'Land' },
      real: figures(80, 7, 16, 42, 8),
      simulated: figures(80, 5, 12, 30, 2),
    },
  ],
  byPriority: [
    {
      key: 'normal',
      label: { vi: 'Công dân không ưu tiên', en: 'Not priority' },
      real: figures(110, 6, 15, 42, 9),
      simulated: figures(110, 4.5, 11, 30, 2),
    },
  ],
  byHour: [
    {
      hour: 8,
      arrivals: 40,
      real: { averageWaitMs: 9 * MINUTE, longestQueue: 17 },
      simulated: { averageWaitMs: 5 * MINUTE, longestQueue: 9 },
    },
  ],
  notReplayed: 2,
};

/** The console's client over a fetch whose answer the test releases: the request, and a way to answer it. */
function pendingApi() {
  const requests: { path: string; body: SimulationRequest }[] = [];
  let release: (answer: ApiResult<SimulationComparison>) => void = () => {};
  const fetcher: typeof fetch = (input, init) => {
    // The console's client sends a path and a JSON string body.
    requests.push({
      path: typeof input === 'string' ? input : '',
      body: JSON.parse(typeof init?.body === 'string' ? init.body : 'null') as SimulationRequest,
    });
    return new Promise((resolve) => {
      release = (answer) => resolve(new Response(JSON.stringify(answer), { status: answer.ok ? 200 : 400 }));
    });
  };
  return {
    api: new AdminApi('phien', () => {}, fetcher),
    requests,
    answer: (a: ApiResult<SimulationComparison>) => release(a),
  };
}

const change = (label: string | RegExp, value: string, within_: HTMLElement = document.body): void => {
  fireEvent.change(within(within_).getByLabelText(label), { target: { value } });
};

describe('policy simulator screen', () => {
  it('sends the candidate setup as the form reads, says it is running, then shows the comparison', async () => {
    const { api, requests, answer } = pendingApi();
    render(<SimulatorScreen api={api} config={hall()} />);
    // The form starts from the hall's setup: its bound, its active counters with their services.
    expect(screen.getByLabelText(/Sau bao nhiêu lượt ưu tiên/)).toHaveProperty('value', '3');
    expect(screen.queryByRole('group', { name: 'Quầy 3' })).toBeNull();

    change('Từ ngày', '2026-11-30');
    change('Đến ngày', '2026-12-01');
    change('Chờ mục tiêu (phút)', '20');
    change(/Sau bao nhiêu lượt ưu tiên/, '2');
    // Quầy 1 also serves Hộ tịch; Quầy 2 is left closed.
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Quầy 1' })).getByRole('checkbox', { name: 'Hộ tịch' }),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Quầy 2 — Mở quầy này' }));
    expect(
      within(screen.getByRole('group', { name: 'Quầy 2' }))
        .getAllByRole('checkbox')
        .every((box) => (box as HTMLInputElement).disabled),
    ).toBe(true);
    // One counter at 08:00 instead of the two the plan starts with.
    expect(screen.getByLabelText('Giờ 08:00')).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('radio', { name: 'Theo số quầy mỗi giờ dưới đây' }));
    change('Giờ 08:00', '1');
    fireEvent.click(screen.getByRole('radio', { name: 'Đúng thời gian của từng công dân hôm đó' }));
    // Minutes as Vietnamese write them (4,5); what is not a number is left out.
    change('Đất đai', '4,5', screen.getByText('Thời gian phục vụ', { selector: 'legend' }).parentElement!);
    change('Hộ tịch', 'nhanh', screen.getByText('Thời gian phục vụ', { selector: 'legend' }).parentElement!);
    change('Số khởi tạo ngẫu nhiên', '7');

    fireEvent.click(screen.getByRole('button', { name: 'Chạy thử nghiệm' }));
    expect(screen.getByRole('status').textContent).toBe('Đang chạy thử nghiệm…');
    expect(screen.getByRole('button', { name: 'Chạy thử nghiệm' })).toHaveProperty('disabled', true);
    const plan: number[] = Array.from({ length: 24 }, (_, hour) => (hour >= 7 && hour < 17 ? 2 : 0));
    plan[8] = 1;
    expect(requests).toEqual([
      {
        path: '/api/admin/simulations',
        body: {
          from: '2026-11-30',
          to: '2026-12-01',
          targetWaitMinutes: 20,
          setup: {
            priorityBound: 2,
            counters: [{ counterId: 'q1', serviceIds: ['dat-dai', 'ho-tich'] }],
            openPerHour: plan,
            serviceMinutes: { 'dat-dai': 4.5 },
            serviceTimes: 'recorded',
            seed: 7,
          },
        },
      },
    ]);

    answer({ ok: true, value: COMPARISON });
    const result = await screen.findByTestId('simulation-result');
    expect(screen.queryByRole('status')).toBeNull();
    expect(result.textContent).toContain('Các ngày đã chạy lại: 2026-11-30, 2026-12-01');
    expect(result.textContent).toContain('2 lượt không chạy lại được');
    const summary = within(result).getByRole('table', { name: 'Toàn Trung tâm' });
    const row = (label: string) =>
      within(summary).getByRole('rowheader', { name: label }).parentElement!.querySelectorAll('td');
    expect([...row('Chờ trung vị')].map((cell) => cell.textContent)).toEqual(['6 phút', '4,5 phút']);
    expect([...row('90% lượt chờ không quá')].map((cell) => cell.textContent)).toEqual([
      '15 phút',
      '11 phút',
    ]);
    expect([...row('Hàng chờ dài nhất (người)')].map((cell) => cell.textContent)).toEqual(['17', '9']);
    expect([...row('Thời gian quầy mở mà không có ai')].map((cell) => cell.textContent)).toEqual([
      '3,5 giờ',
      '0,5 giờ',
    ]);
    const byService = within(result).getByRole('table', { name: 'Theo dịch vụ' });
    expect(within(byService).getByRole('rowheader', { name: 'Đất đai' }).parentElement!.textContent).toBe(
      'Đất đai807 phút5 phút16 phút12 phút42 phút30 phút82',
    );
    expect(within(result).getByRole('table', { name: 'Theo nhóm ưu tiên' }).textContent).toContain(
      'Công dân không ưu tiên',
    );
    expect(within(result).getByRole('img', { name: 'Chờ trung bình theo giờ đến (phút)' })).toBeTruthy();
    expect(within(result).getByRole('img', { name: 'Hàng chờ dài nhất theo giờ (người)' })).toBeTruthy();
    expect(result.textContent).toContain('Giới hạn: công dân được cho đến đúng giờ như thực tế');
  });

  it('says so when the range has no day with tickets, shows a refusal as a sentence, and resets the form', async () => {
    const { api, answer } = pendingApi();
    render(<SimulatorScreen api={api} config={hall()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Chạy thử nghiệm' }));
    answer({ ok: true, value: { ...COMPARISON, days: [] } });
    expect((await screen.findByTestId('simulation-result')).textContent).toContain(
      'Không có ngày nào có số đã cấp trong khoảng này.',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Chạy thử nghiệm' }));
    answer({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'to: at most 31 days' } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Thông tin gửi lên chưa hợp lệ. Vui lòng kiểm tra lại.',
    );
    expect(screen.queryByTestId('simulation-result')).toBeNull();

    change(/Sau bao nhiêu lượt ưu tiên/, '9');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Quầy 2 — Mở quầy này' }));
    fireEvent.click(screen.getByRole('button', { name: 'Đặt lại như cấu hình hiện tại' }));
    expect(screen.getByLabelText(/Sau bao nhiêu lượt ưu tiên/)).toHaveProperty('value', '3');
    expect(screen.getByRole('checkbox', { name: 'Quầy 2 — Mở quầy này' })).toHaveProperty('checked', true);
  });
});
