import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '@luot/shared/contracts';
import { ERROR_CODES } from '@luot/shared/contracts';
import { translateErrorCode } from '@luot/shared/text';
import type { CounterScreenProps } from '../src/CounterScreen.tsx';
import { CounterScreen } from '../src/CounterScreen.tsx';
import type { TerminalCommand } from '../src/terminal-actions.ts';
import { HallScenario, Q1 } from './hall-fixture.ts';

afterEach(cleanup);

function renderScreen(hall: HallScenario, overrides: Partial<CounterScreenProps> = {}) {
  const onCommand = vi.fn<(command: TerminalCommand) => void>();
  const onSignOut = vi.fn<() => void>();
  const props: CounterScreenProps = {
    view: hall.view(Q1),
    counterId: Q1,
    now: hall.now,
    locale: 'vi',
    pending: null,
    flash: null,
    onCommand,
    onSignOut,
    onToggleLocale: vi.fn(),
    onDismissFlash: vi.fn(),
    ...overrides,
  };
  const result = render(<CounterScreen {...props} />);
  return { ...result, onCommand, onSignOut, props };
}

const button = (name: RegExp | string): HTMLButtonElement => screen.getByRole('button', { name });
const action = (name: string): HTMLButtonElement => {
  const found = document.querySelector<HTMLButtonElement>(`button[data-action="${name}"]`);
  if (!found) throw new Error(`no action ${name}`);
  return found;
};
const enabledActions = (): string[] =>
  [...document.querySelectorAll<HTMLButtonElement>('button[data-action]')]
    .filter((element) => !element.disabled)
    .map((element) => element.dataset.action ?? '');

function calledHall(): HallScenario {
  const hall = new HallScenario().signIn(Q1, 'cb1');
  hall.issue('dat-dai', 'nguoi-cao-tuoi');
  hall.issue('ho-tich');
  hall.wait(7 * 60_000);
  hall.act({ type: 'call-next', counterId: Q1 });
  hall.wait(30_000);
  return hall;
}

describe('CounterScreen — idle (signed in, no ticket)', () => {
  it('shows the counter, the clerk, an empty current ticket and the waiting list; "next" works by click and key 1', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    hall.wait(3 * 60_000);
    const { onCommand } = renderScreen(hall);

    expect(screen.getByTestId('counter-number').textContent).toBe('1');
    expect(screen.getByTestId('counter-name').textContent).toBe('Quầy số 1');
    expect(screen.getByTestId('clerk-name').textContent).toContain('Cán bộ: Nguyễn Văn An');
    expect(screen.getByText('Chưa có số nào tại quầy.')).toBeTruthy();
    expect(enabledActions()).toEqual(['next', 'callSpecific', 'pauseOrResume']);
    // Disabled, not hidden: all eight are always there, each with its key printed.
    expect(document.querySelectorAll('button[data-action]')).toHaveLength(8);
    expect(action('noShow').textContent).toContain('5');
    expect(action('next').getAttribute('aria-keyshortcuts')).toBe('1');
    expect(screen.getAllByTestId('waiting-number').map((element) => element.textContent)).toEqual(['A001']);
    expect(document.querySelector('[data-service="dat-dai"]')?.textContent).toContain(
      '1 người chờ · lâu nhất 3 phút',
    );

    fireEvent.click(action('next'));
    fireEvent.keyDown(window, { key: '1' });
    expect(onCommand.mock.calls).toEqual([[{ type: 'next' }], [{ type: 'next' }]]);
  });

  it('ignores shortcut keys that are disabled, repeated or typed with a modifier', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    const { onCommand } = renderScreen(hall);
    fireEvent.keyDown(window, { key: '2' }); // recall: nothing called
    fireEvent.keyDown(window, { key: '1', repeat: true });
    fireEvent.keyDown(window, { key: '1', ctrlKey: true });
    expect(onCommand).not.toHaveBeenCalled();
  });
});

describe('CounterScreen — called', () => {
  it('shows the ticket large with service, priority, wait and calls; next is disabled with the reason', () => {
    const hall = calledHall();
    renderScreen(hall);
    expect(screen.getByTestId('current-number').textContent).toBe('A001');
    expect(screen.getByTestId('current-status').textContent).toBe('Đã gọi');
    expect(document.querySelector('.current__service')?.textContent).toBe('Đất đai');
    expect(screen.getByText(/Người cao tuổi/)).toBeTruthy();
    expect(screen.getByTestId('current-waited').textContent).toBe('7:00');
    expect(screen.getByTestId('current-served').textContent).toBe('Chưa bắt đầu');
    expect(screen.getByTestId('current-calls').textContent).toBe('1');
    expect(enabledActions()).toEqual(['recall', 'start', 'complete', 'noShow', 'transfer', 'pauseOrResume']);
    expect(action('next').title).toContain('Số vừa gọi chưa được phục vụ');
    expect(action('recall').textContent).toContain('Đã gọi lại 0/2');
    expect(action('recall').title).toContain('gọi lại thêm một lần nữa sẽ tự động đánh dấu vắng mặt');
  });

  it('asks before marking a no-show (key 5; the confirm button has focus, so Enter confirms)', () => {
    const { onCommand } = renderScreen(calledHall());
    fireEvent.keyDown(window, { key: '5' });
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Đánh dấu số A001 vắng mặt?');
    // Other shortcuts are off while a dialog is open.
    fireEvent.keyDown(window, { key: '3' });
    expect(onCommand).not.toHaveBeenCalled();
    const confirm = within(dialog).getByRole('button', { name: 'Đồng ý' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(confirm);
    expect(onCommand.mock.calls).toEqual([[{ type: 'noShow' }]]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Escape cancels a confirmation', () => {
    const { onCommand } = renderScreen(calledHall());
    fireEvent.click(action('noShow'));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onCommand).not.toHaveBeenCalled();
  });

  it('recalls directly below the limit; at the limit the button says the next press is a no-show and confirms', () => {
    const hall = calledHall();
    const first = renderScreen(hall);
    fireEvent.keyDown(window, { key: '2' });
    expect(first.onCommand.mock.calls).toEqual([[{ type: 'recall' }]]);
    first.unmount();

    hall.act({ type: 'recall', counterId: Q1 });
    hall.act({ type: 'recall', counterId: Q1 });
    const second = renderScreen(hall);
    expect(action('recall').textContent).toContain('Lần sau: vắng mặt');
    fireEvent.click(action('recall'));
    expect(screen.getByRole('dialog').textContent).toContain('Gọi lại nữa sẽ đánh dấu vắng mặt');
    fireEvent.click(button('Đồng ý'));
    expect(second.onCommand.mock.calls).toEqual([[{ type: 'recall' }]]);
  });

  it('transfers to a service or a counter with an optional note; typing in the note triggers no shortcut', () => {
    const { onCommand } = renderScreen(calledHall());
    fireEvent.keyDown(window, { key: '6' });
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Chuyển số A001');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chuyển số' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Chọn dịch vụ hoặc quầy cần chuyển đến.');
    expect(onCommand).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByLabelText('Chuyển sang dịch vụ'), {
      target: { value: 'chung-thuc' },
    });
    const note = within(dialog).getByLabelText('Ghi chú (không bắt buộc)');
    fireEvent.keyDown(note, { key: '1' });
    fireEvent.change(note, { target: { value: 'Cần chứng thực bản sao 1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chuyển số' }));
    expect(onCommand.mock.calls).toEqual([
      [
        {
          type: 'transfer',
          ticketId: 1,
          toServiceId: 'chung-thuc',
          toCounterId: null,
          note: 'Cần chứng thực bản sao 1',
        },
      ],
    ]);
  });
});

describe('CounterScreen — serving', () => {
  it('counts the service time; next completes first, complete works, start/recall/no-show are off', () => {
    const hall = calledHall();
    hall.act({ type: 'start', counterId: Q1 });
    hall.wait(125_000);
    const { onCommand } = renderScreen(hall);
    expect(screen.getByTestId('current-status').textContent).toBe('Đang phục vụ');
    expect(screen.getByTestId('current-served').textContent).toBe('2:05');
    // Calling a chosen ticket also completes the one being served first, like "next".
    expect(enabledActions()).toEqual(['next', 'complete', 'transfer', 'callSpecific', 'pauseOrResume']);
    expect(action('next').title).toContain('Hoàn thành số đang phục vụ rồi gọi số tiếp theo');
    fireEvent.keyDown(window, { key: '4' });
    expect(onCommand.mock.calls).toEqual([[{ type: 'complete' }]]);
  });

  it('calls a chosen waiting ticket only with a reason; a waiting row preselects its ticket', () => {
    const hall = calledHall();
    hall.issue('dat-dai');
    hall.act({ type: 'start', counterId: Q1 });
    const { onCommand } = renderScreen(hall);
    fireEvent.click(screen.getByRole('button', { name: /A002\. Gọi số A002/ }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Số cần gọi').value).toBe(
      String(hall.ticket('A002').id),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gọi số này' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Vui lòng nhập lý do gọi số này.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Theo yêu cầu của lãnh đạo' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gọi số này' }));
    expect(onCommand.mock.calls).toEqual([
      [{ type: 'callSpecific', ticketId: hall.ticket('A002').id, reason: 'Theo yêu cầu của lãnh đạo' }],
    ]);
  });

  it('will not sign out while a ticket is current (the server would refuse COUNTER_BUSY)', () => {
    renderScreen(calledHall());
    const signOut = button('Đăng xuất');
    expect(signOut.disabled).toBe(true);
    expect(signOut.title).toContain('trước khi đăng xuất');
  });
});

describe('CounterScreen — paused', () => {
  it('pauses with a reason from the list, shows the reason, and resumes with key 8', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    const open = renderScreen(hall);
    fireEvent.keyDown(window, { key: '8' });
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('Họp'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tạm dừng quầy' }));
    expect(open.onCommand.mock.calls).toEqual([[{ type: 'pause', reason: 'Họp' }]]);
    open.unmount();

    hall.act({ type: 'pause-counter', counterId: Q1, reason: 'Họp' });
    const paused = renderScreen(hall);
    expect(screen.getByTestId('counter-note').textContent).toBe('Quầy đang tạm dừng: Họp');
    expect(action('pauseOrResume').textContent).toContain('Tiếp tục');
    expect(enabledActions()).toEqual(['pauseOrResume']);
    fireEvent.keyDown(window, { key: '8' });
    expect(paused.onCommand.mock.calls).toEqual([[{ type: 'resume' }]]);
  });
});

describe('CounterScreen — disconnected, in flight, errors, English', () => {
  it('while offline: a banner, the badge says so, every action and sign-out disabled, keys do nothing', () => {
    const hall = calledHall();
    const { onCommand } = renderScreen(hall, { view: hall.view(Q1, { status: 'offline' }) });
    expect(screen.getByRole('alert').textContent).toContain('Mất kết nối với máy chủ');
    expect(document.querySelector('[data-status="offline"]')?.textContent).toBe('Mất kết nối');
    expect(enabledActions()).toEqual([]);
    for (const key of ['1', '2', '3', '4', '5', '6', '7', '8']) fireEvent.keyDown(window, { key });
    expect(onCommand).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('while an action is in flight every button is disabled and the pressed one says it is working', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    const { onCommand } = renderScreen(hall, { pending: 'next' });
    expect(enabledActions()).toEqual([]);
    expect(action('next').textContent).toContain('Đang xử lý…');
    fireEvent.click(action('next'));
    fireEvent.keyDown(window, { key: '1' });
    expect(onCommand).not.toHaveBeenCalled();
  });

  it('shows a refusal as a Vietnamese sentence, never the raw code', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    const onDismissFlash = vi.fn();
    renderScreen(hall, {
      flash: {
        kind: 'error',
        text: { vi: translateErrorCode('vi', 'COUNTER_BUSY'), en: translateErrorCode('en', 'COUNTER_BUSY') },
      },
      onDismissFlash,
    });
    const flash = screen.getByTestId('flash');
    expect(flash.getAttribute('role')).toBe('alert');
    expect(flash.textContent).toContain('Quầy này đang bận');
    expect(flash.textContent).not.toContain('COUNTER_BUSY');
    fireEvent.click(within(flash).getByRole('button', { name: 'Đóng' }));
    expect(onDismissFlash).toHaveBeenCalledOnce();
  });

  it('every error code the server can send has a sentence without the code in it', () => {
    for (const code of ERROR_CODES satisfies readonly ErrorCode[]) {
      for (const locale of ['vi', 'en'] as const)
        expect(translateErrorCode(locale, code)).not.toContain(code);
    }
  });

  it('speaks English when the clerk chose it', () => {
    renderScreen(calledHall(), { locale: 'en' });
    expect(action('next').textContent).toContain('Call next');
    expect(action('noShow').textContent).toContain('No-show');
    expect(screen.getByTestId('counter-name').textContent).toBe('Counter 1');
    expect(document.querySelector('.current__service')?.textContent).toBe('Land');
    expect(button('Tiếng Việt')).toBeTruthy();
  });
});
