// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '@luot/client';
import type { HallConfig } from '@luot/shared/domain';
import type { BridgePrinterStatus } from '../../src/bridge.ts';
import { KioskFlow, type FlowTimings } from '../../src/renderer/KioskFlow.tsx';
import { FakePrinter } from './fake-printer.ts';
import { DomainHall, MONDAY_9AM, testHall } from './hall-fixture.ts';

afterEach(cleanup);

const fast: Partial<FlowTimings> = { tapGuardMs: 0, resultSeconds: 20, refusalSeconds: 20 };
const sleep = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

function mount(
  options: {
    config?: HallConfig;
    status?: ConnectionStatus;
    printerStatus?: BridgePrinterStatus | null;
    timings?: Partial<FlowTimings>;
  } = {},
) {
  const config = options.config ?? testHall();
  const hall = new DomainHall(config);
  const printer = new FakePrinter();
  const view = () => (
    <KioskFlow
      config={config}
      state={hall.state}
      status={options.status ?? 'online'}
      now={MONDAY_9AM}
      hall={hall}
      printer={printer}
      printerStatus={options.printerStatus ?? null}
      onPrinterStatus={() => undefined}
      origin="http://hall.local:8080"
      timings={options.timings ?? fast}
    />
  );
  const utils = render(view());
  return { hall, printer, rerender: () => utils.rerender(view()) };
}

const step = () => document.querySelector('.kiosk')?.getAttribute('data-step');
const tap = (testId: string) => fireEvent.click(screen.getByTestId(testId));
const settle = () => act(() => Promise.resolve());

describe('KioskFlow', () => {
  it('takes a visitor from the welcome screen to a printed number: field, procedure, ticket type', async () => {
    const { hall, printer } = mount();
    expect(step()).toBe('welcome');
    tap('start');
    expect(step()).toBe('fields');
    // Hộ tịch has one service, so the field goes straight to its procedures.
    tap('field-ho-tich');
    expect(step()).toBe('procedures');
    tap('procedure-khai-sinh');
    expect(step()).toBe('priority');
    tap('regular');
    expect(step()).toBe('issuing');
    await settle();
    expect(step()).toBe('result');
    expect(screen.getByTestId('ticket-number').textContent).toBe('B001');
    expect(hall.ticketCount()).toBe(1);
    expect(printer.printed.map((ticket) => ticket.procedureName)).toEqual(['Đăng ký khai sinh']);
    tap('done');
    expect(step()).toBe('welcome');
  });

  it('issues a priority ticket only after the confirmation', async () => {
    const { hall } = mount();
    tap('start');
    tap('field-dat-dai');
    expect(step()).toBe('services');
    tap('service-dat-dai');
    tap('priority-phu-nu-mang-thai');
    expect(screen.getByRole('dialog').textContent).toContain('Phụ nữ mang thai');
    tap('confirm-no');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(hall.issueCalls).toBe(0);
    tap('priority-nguoi-cao-tuoi');
    tap('confirm-yes');
    await settle();
    expect(screen.getByTestId('ticket-priority').textContent).toBe('Ưu tiên: Người cao tuổi');
    expect(Object.values(hall.state.tickets)[0]?.priorityGroupId).toBe('nguoi-cao-tuoi');
  });

  it('gives one ticket however many times the last button is touched', async () => {
    const { hall } = mount();
    tap('start');
    tap('field-tu-phap');
    const regular = screen.getByTestId('regular');
    for (let index = 0; index < 6; index += 1) fireEvent.click(regular);
    await settle();
    expect(hall.issueCalls).toBe(1);
    expect(hall.ticketCount()).toBe(1);
  });

  it('ignores the second half of a double tap on the next screen', async () => {
    mount({ timings: { ...fast, tapGuardMs: 300 } });
    tap('start');
    expect(step()).toBe('fields');
    expect(document.querySelector('.kiosk')?.getAttribute('data-ready')).toBe('false');
    tap('field-dat-dai');
    expect(step()).toBe('fields');
    await sleep(350);
    expect(document.querySelector('.kiosk')?.getAttribute('data-ready')).toBe('true');
    tap('field-dat-dai');
    expect(step()).toBe('services');
  });

  it('goes back one step, or home, and home speaks Vietnamese again', () => {
    mount();
    tap('language');
    tap('start');
    expect(screen.getByRole('heading').textContent).toBe('Choose a field');
    tap('field-dat-dai');
    tap('back');
    expect(step()).toBe('fields');
    tap('home');
    expect(step()).toBe('welcome');
    expect(screen.getByTestId('start').textContent).toContain('Nhấn vào đây để lấy số thứ tự');
  });

  it('returns to the welcome screen when the visitor walks away', async () => {
    mount({ timings: { ...fast, idleMs: 150 } });
    tap('start');
    tap('field-dat-dai');
    await sleep(250);
    expect(step()).toBe('welcome');
  });

  it("refuses with the printer's reason when it runs out of paper mid-flow, issuing nothing, then goes home", async () => {
    const { hall, printer } = mount({ timings: { ...fast, refusalSeconds: 1 } });
    tap('start');
    tap('field-tu-phap');
    printer.state = 'paper_out';
    tap('regular');
    await settle();
    expect(step()).toBe('refused');
    expect(screen.getByTestId('refusal-reason').textContent).toBe('Máy in đã hết giấy.');
    expect(screen.queryByTestId('retry')).toBeNull();
    expect(hall.ticketCount()).toBe(0);
    await sleep(1_300);
    expect(step()).toBe('welcome');
  });

  it('shows the number with "could not print" when printing fails after the ticket was recorded', async () => {
    const { hall, printer } = mount();
    printer.failPrintsWith = 'write_timeout';
    tap('start');
    tap('field-tu-phap');
    tap('regular');
    await settle();
    expect(screen.getByTestId('ticket-number').textContent).toBe('C001');
    expect(screen.getByTestId('print-failed').textContent).toContain('Không in được phiếu');
    expect(screen.getByText(/sau 60 giây/)).toBeTruthy();
    expect(hall.printResults[0]?.isPrinted).toBe(false);
  });

  it('says on the welcome screen when no ticket can be given: printer or server', () => {
    mount({ printerStatus: { state: 'cover_open', detail: 'cover open' } });
    expect(screen.queryByTestId('start')).toBeNull();
    expect(screen.getByTestId('unavailable').textContent).toContain('Nắp máy in đang mở.');
    cleanup();
    mount({ status: 'offline' });
    expect(screen.getByTestId('unavailable').textContent).toContain(
      'Máy lấy số đang mất kết nối với máy chủ',
    );
  });

  it('refuses with "server unreachable" when the connection drops before the last touch', async () => {
    const { hall } = mount();
    tap('start');
    tap('field-tu-phap');
    hall.online = false;
    tap('regular');
    await settle();
    expect(screen.getByTestId('refusal-reason').textContent).toBe(
      'Không kết nối được máy chủ của Trung tâm.',
    );
    expect(hall.issueCalls).toBe(0);
    hall.online = true;
    tap('retry');
    await settle();
    expect(screen.getByTestId('ticket-number').textContent).toBe('C001');
  });

  it('skips steps a hall does not need: one field, no priority groups', async () => {
    const base = testHall();
    const config: HallConfig = {
      ...base,
      fields: base.fields.filter((field) => field.id === 'dat-dai'),
      priorityGroups: [],
    };
    const { hall } = mount({ config });
    tap('start');
    expect(step()).toBe('services');
    tap('service-dat-dai');
    await settle();
    expect(step()).toBe('result');
    expect(hall.ticketCount()).toBe(1);
  });
});
