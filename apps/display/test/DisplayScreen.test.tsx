// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { JSX } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DisplayScreen } from '../src/DisplayScreen.tsx';
import { buildDisplayModel } from '../src/display-model.ts';
import { PairingScreen } from '../src/PairingScreen.tsx';
import { CIVIL, LAND, Q1, Q2, T0, TestHall } from './hall-fixture.ts';

afterEach(cleanup);

function hallWithCalls(): TestHall {
  const hall = new TestHall();
  hall.issue(LAND);
  hall.issue(CIVIL);
  hall.issue(LAND);
  hall.open(Q1, 'lan');
  hall.open(Q2, 'minh');
  hall.callNext(Q1);
  hall.tick(10_000);
  hall.callNext(Q2);
  return hall;
}

/** The display of `hall` at T0, live and with sound unless said otherwise. */
function displayOf(hall: TestHall, { isLive = true, isSoundOff = false } = {}): JSX.Element {
  return (
    <DisplayScreen
      model={buildDisplayModel(hall.state, hall.config, null)}
      now={T0}
      isLive={isLive}
      isSoundOff={isSoundOff}
      onOpenSettings={() => undefined}
    />
  );
}

describe('DisplayScreen', () => {
  it('features the newest call and lists counters, calls and waiting counts, Vietnamese first', () => {
    const hall = hallWithCalls();
    render(displayOf(hall));
    expect(screen.getByTestId('featured-ticket').textContent).toBe('B001');
    expect(screen.getByTestId('featured-counter').textContent).toBe('2');
    expect(screen.getByText('Mời công dân có số')).toBeTruthy();
    expect(screen.getByText('Ticket B001, please go to counter 2')).toBeTruthy();
    expect(screen.getByTestId('counter-1').textContent).toBe('A001');
    expect(screen.getByTestId('waiting-dat-dai').textContent).toBe('1');
    // The date and clock in the hall's zone: 08:00 on Monday 2 March 2026.
    expect(screen.getByText('08:00')).toBeTruthy();
    expect(screen.getByText('Thứ Hai, 02/03/2026')).toBeTruthy();
    expect(screen.queryByText('Mất kết nối — đang kết nối lại')).toBeNull();
    expect(screen.queryByText('Có thể chưa cập nhật')).toBeNull();
  });

  it('while offline shows the badge and labels the "now serving" data as possibly out of date', () => {
    const hall = hallWithCalls();
    const { container } = render(displayOf(hall, { isLive: false, isSoundOff: true }));
    expect(screen.getByRole('status').textContent).toContain('Mất kết nối — đang kết nối lại');
    expect(screen.getAllByText('Có thể chưa cập nhật')).toHaveLength(2);
    expect(container.querySelector('.display')?.getAttribute('data-live')).toBe('false');
    expect(screen.getByText('Âm thanh đang tắt')).toBeTruthy();
  });

  it('flashes a new call and a recall, but not an older call that takes the banner when the newest ends', () => {
    const hall = hallWithCalls(); // A001 → q1, then B001 → q2
    const { rerender } = render(displayOf(hall));
    expect(screen.getByTestId('featured-ticket').textContent).toBe('B001');
    expect(screen.getByTestId('featured').getAttribute('data-fresh')).toBe('true');
    hall.tick(10_000);
    hall.noShow(Q2);
    rerender(displayOf(hall));
    expect(screen.getByTestId('featured-ticket').textContent).toBe('A001');
    expect(screen.getByTestId('featured').getAttribute('data-fresh')).toBe('false');
    expect(screen.getByTestId('featured').className).not.toContain('featured--fresh');
    // The ended call is listed, marked; the closed counters sit on one line.
    expect(screen.getByTestId('recent-call').textContent).toContain('Vắng mặt');
    expect(screen.getByTestId('closed-counters').textContent).toContain('Quầy đang đóng: 3, 5');
    hall.tick(10_000);
    hall.recall(Q1);
    rerender(displayOf(hall));
    expect(screen.getByTestId('featured').getAttribute('data-fresh')).toBe('true');
  });

  it('says so before the first call of the day', () => {
    const hall = new TestHall();
    render(displayOf(hall));
    expect(screen.getByText('Chưa có số nào được gọi')).toBeTruthy();
    expect(screen.queryByTestId('featured-ticket')).toBeNull();
  });

  it('after the day’s calls have ended, asks to wait for the next one instead of saying none was called', () => {
    const hall = hallWithCalls(); // A001 → q1, then B001 → q2
    hall.tick(10_000);
    hall.noShow(Q2);
    hall.tick(10_000);
    hall.noShow(Q1);
    render(displayOf(hall));
    expect(screen.queryByTestId('featured-ticket')).toBeNull();
    expect(screen.getByTestId('featured-empty').textContent).toContain('Mời công dân chờ gọi số tiếp theo');
    expect(screen.getByTestId('featured-empty').textContent).toContain('Please wait for the next call');
    expect(screen.queryByText('Chưa có số nào được gọi')).toBeNull();
    expect(screen.getAllByTestId('recent-call')).toHaveLength(2);
  });
});

describe('PairingScreen', () => {
  it('accepts only six digits and submits them', () => {
    const onSubmit = vi.fn();
    render(<PairingScreen isBusy={false} problem={null} onSubmit={onSubmit} />);
    const input = screen.getByLabelText('Mã ghép nối / Pairing code');
    const button = screen.getByRole('button');
    fireEvent.change(input, { target: { value: '12a34' } });
    expect((input as HTMLInputElement).value).toBe('1234');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { value: '123456' } });
    fireEvent.click(button);
    expect(onSubmit).toHaveBeenCalledWith('123456');
  });
});
