// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asPriorityGroupId, asProcedureId, asServiceId, asTicketId, type Ticket } from '@luot/shared/domain';
import type { IssuedTicket } from '../../src/renderer/issue-flow.ts';
import { printableTicket } from '../../src/renderer/issue-flow.ts';
import { PairingScreen } from '../../src/renderer/PairingScreen.tsx';
import { RefusalScreen } from '../../src/renderer/RefusalScreen.tsx';
import { ResultScreen } from '../../src/renderer/ResultScreen.tsx';
import { MONDAY_9AM, testHall } from './hall-fixture.ts';

afterEach(cleanup);

const config = testHall();
const ticket = {
  id: asTicketId(7),
  number: 'B012',
  sequence: 12,
  issuedServiceId: asServiceId('ho-tich'),
  serviceId: asServiceId('ho-tich'),
  businessDay: '2026-03-02',
  priorityGroupId: asPriorityGroupId('nguoi-cao-tuoi'),
  procedureId: asProcedureId('khai-sinh'),
  status: 'waiting',
  issuedAt: MONDAY_9AM,
  queuedAt: MONDAY_9AM,
} as Ticket;

function issued(overrides: Partial<IssuedTicket> = {}): IssuedTicket {
  const wait = { peopleAhead: 4, peopleAheadMax: 4, servingCounters: 2, minutes: { min: 10, max: 20 } };
  return {
    ticket,
    wait,
    printable: printableTicket(config, ticket, wait, 'http://hall.local:8080/t/abcd1234'),
    isPrinted: true,
    printFailure: null,
    printFailureState: null,
    isScreenPrinted: false,
    ...overrides,
  };
}

describe('ResultScreen', () => {
  it('shows the number, the service and procedure, who is ahead, the wait, and to take the ticket', () => {
    const onDone = vi.fn();
    render(<ResultScreen issued={issued()} config={config} locale="vi" secondsLeft={18} onDone={onDone} />);
    expect(screen.getByTestId('ticket-number').textContent).toBe('B012');
    expect(screen.getByTestId('ticket-priority').textContent).toBe('Ưu tiên: Người cao tuổi');
    expect(screen.getByText('Hộ tịch: khai sinh, kết hôn')).toBeTruthy();
    expect(screen.getByText('Đăng ký khai sinh')).toBeTruthy();
    expect(screen.getByTestId('people-ahead').textContent).toBe('Số người chờ trước: 4');
    expect(screen.getByTestId('wait').textContent).toBe('Thời gian chờ dự kiến: 10–20 phút');
    expect(screen.getByTestId('take-ticket').textContent).toContain('Vui lòng nhận phiếu');
    expect(screen.getByText('Màn hình tự quay về trang đầu sau 18 giây')).toBeTruthy();
    expect(screen.queryByTestId('ticket-preview')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Xong' }));
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('keeps the number on screen with the reason and a plain instruction when the printer failed', () => {
    render(
      <ResultScreen
        issued={issued({
          isPrinted: false,
          printFailure: 'write_timeout',
          printFailureState: 'paper_out',
          wait: { peopleAhead: 0, peopleAheadMax: 0, servingCounters: 0, minutes: null },
        })}
        config={config}
        locale="vi"
        secondsLeft={60}
        onDone={vi.fn()}
      />,
    );
    expect(screen.getByTestId('ticket-number').textContent).toBe('B012');
    expect(screen.queryByTestId('take-ticket')).toBeNull();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Không in được phiếu');
    expect(screen.getByTestId('print-failed-reason').textContent).toBe('Máy in đã hết giấy.');
    expect(alert.textContent).toContain('Vui lòng ghi lại số ở trên');
    expect(screen.getByTestId('wait').textContent).toBe(
      'Chưa có quầy nào đang phục vụ dịch vụ này; vui lòng chờ.',
    );
    // The status page's QR code on screen: a phone can still follow the turn without the paper.
    expect(screen.getByTestId('status-qr').textContent).toContain('Quét mã QR bằng điện thoại');
    expect(screen.getByTestId('ticket-preview-qr').getAttribute('aria-label')).toBe(
      'http://hall.local:8080/t/abcd1234',
    );
  });

  it('shows the printed ticket on screen in a browser, QR code included', () => {
    render(
      <ResultScreen
        issued={issued({ isScreenPrinted: true })}
        config={config}
        locale="en"
        secondsLeft={5}
        onDone={vi.fn()}
      />,
    );
    const preview = screen.getByTestId('ticket-preview');
    expect(preview.textContent).toContain('Printed ticket (on-screen preview)');
    expect(screen.getByTestId('ticket-preview-number').textContent).toBe('B012');
    expect(preview.textContent).toContain('UBND PHƯỜNG BẾN NGHÉ');
    expect(preview.textContent).toContain('Ưu tiên: Người cao tuổi');
    expect(screen.getByTestId('ticket-preview-qr').getAttribute('aria-label')).toBe(
      'http://hall.local:8080/t/abcd1234',
    );
    expect(
      screen.getByTestId('ticket-preview-qr').querySelector('path')?.getAttribute('d')?.length,
    ).toBeGreaterThan(100);
    // The screen itself follows the visitor's language; the ticket stays Vietnamese like the printed one.
    expect(screen.getByTestId('people-ahead').textContent).toBe('People ahead of you: 4');
    // No printer: nothing speaks of a printer slot, no box that looks like a button.
    expect(screen.queryByTestId('take-ticket')).toBeNull();
    expect(screen.getByTestId('screen-ticket').textContent).toContain('This machine has no printer');
  });

  it('gives a range of people ahead when counters with different orders may call the ticket', () => {
    const wait = { peopleAhead: 2, peopleAheadMax: 5, servingCounters: 2, minutes: { min: 5, max: 25 } };
    render(
      <ResultScreen issued={issued({ wait })} config={config} locale="vi" secondsLeft={5} onDone={vi.fn()} />,
    );
    expect(screen.getByTestId('people-ahead').textContent).toBe('Số người chờ trước: 2–5');
  });
});

describe('RefusalScreen', () => {
  it('says why in plain words and that no number was issued, never a raw code', () => {
    const onDone = vi.fn();
    render(
      <RefusalScreen
        refusal={{ kind: 'printer', state: 'paper_out' }}
        locale="vi"
        secondsLeft={30}
        onRetry={null}
        onDone={onDone}
      />,
    );
    expect(screen.getByRole('heading').textContent).toBe('Chưa cấp được số');
    expect(screen.getByTestId('refusal-reason').textContent).toBe('Máy in đã hết giấy.');
    expect(screen.getByText(/Chưa có số nào được cấp cho Ông\/Bà/)).toBeTruthy();
    expect(screen.queryByTestId('retry')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Về trang đầu' }));
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('translates server refusals and offers to try again when that can help', () => {
    const onRetry = vi.fn();
    const { rerender } = render(
      <RefusalScreen
        refusal={{ kind: 'server', code: 'QUOTA_REACHED' }}
        locale="vi"
        secondsLeft={30}
        onRetry={null}
        onDone={vi.fn()}
      />,
    );
    expect(screen.getByTestId('refusal-reason').textContent).toBe(
      'Dịch vụ này đã hết số trong ngày hôm nay.',
    );
    expect(document.body.textContent).not.toContain('QUOTA_REACHED');
    rerender(
      <RefusalScreen
        refusal={{ kind: 'offline' }}
        locale="vi"
        secondsLeft={30}
        onRetry={onRetry}
        onDone={vi.fn()}
      />,
    );
    expect(screen.getByTestId('refusal-reason').textContent).toBe(
      'Không kết nối được máy chủ của Trung tâm.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('PairingScreen', () => {
  it('takes six digits on the keypad (or a keyboard) and submits them', () => {
    const onSubmit = vi.fn();
    render(<PairingScreen notice={null} isWorking={false} onSubmit={onSubmit} />);
    expect(screen.getByRole('heading').textContent).toContain('Nhập mã ghép nối');
    const submit = screen.getByTestId<HTMLButtonElement>('key-submit');
    for (const digit of ['1', '2', '3', '4', '5']) fireEvent.click(screen.getByTestId(`key-${digit}`));
    expect(submit.disabled).toBe(true);
    fireEvent.keyDown(window, { key: '9' });
    fireEvent.click(screen.getByTestId('key-7')); // a seventh digit is ignored
    expect(screen.getByTestId('pairing-digits').textContent).toBe('123459');
    fireEvent.click(screen.getByTestId('key-erase'));
    fireEvent.click(screen.getByTestId('key-0'));
    fireEvent.click(submit);
    expect(onSubmit).toHaveBeenCalledWith('123450');
  });

  it('explains a refused code in both languages', () => {
    render(<PairingScreen notice="failed" isWorking={false} onSubmit={vi.fn()} />);
    const notice = screen.getByTestId('pairing-notice');
    expect(notice.textContent).toContain('Mã không đúng hoặc đã hết hạn.');
    expect(notice.textContent).toContain('The code is wrong or has expired.');
  });
});
