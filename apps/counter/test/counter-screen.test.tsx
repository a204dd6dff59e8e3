import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '@luot/shared/contracts';
import { ERROR_CODES } from '@luot/shared/contracts';
import { translateErrorCode } from '@luot/shared/text';
import type { CounterScreenProps } from '../src/CounterScreen.tsx';
import { CounterScreen } from '../src/CounterScreen.tsx';
import type { Flash } from '../src/session-notice.ts';
import type { TerminalCommand } from '../src/terminal-actions.ts';
import { HallScenario, Q1, Q2, Q3 } from './hall-fixture.ts';

afterEach(cleanup);

function renderScreen(hall: HallScenario, overrides: Partial<CounterScreenProps> = {}) {
  const onCommand = vi.fn<(command: TerminalCommand) => void>();
  const onSignOut = vi.fn<() => void>();
  const onExplain = vi.fn<(flash: Flash) => void>();
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
    onExplain,
    ...overrides,
  };
  const result = render(<CounterScreen {...props} />);
  return { ...result, onCommand, onSignOut, onExplain, props };
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
    expect(screen.getByTestId('current-waited').textContent).toBe('7 phút');
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

  it('lists every counter with its state and services; closed or not serving cannot be chosen, paused warns', () => {
    const hall = calledHall(); // A001 (land) called at q1
    hall.signIn(Q2, 'cb2'); // q2: civil status only, open
    hall.signIn(Q3, 'cb3');
    hall.act({ type: 'pause-counter', counterId: Q3, reason: 'Họp' }); // q3: certification, paused
    renderScreen(hall);
    fireEvent.keyDown(window, { key: '6' });
    const dialog = screen.getByRole('dialog');
    const counterOption = (id: string): HTMLElement => dialog.querySelector(`[data-counter="${id}"]`)!;
    // Keeping the land service: q2 does not serve it, q3 does not either.
    expect(counterOption('q2').textContent).toContain('Quầy số 2 · Đang mở');
    expect(counterOption('q2').textContent).toContain('Phục vụ: B');
    expect(counterOption('q2').textContent).toContain('Không phục vụ dịch vụ này');
    expect(within(counterOption('q2')).getByRole('radio')).toHaveProperty('disabled', true);
    // Moving it to certification: q3 serves it but is paused — allowed, with the warning.
    fireEvent.change(within(dialog).getByLabelText('Chuyển sang dịch vụ'), {
      target: { value: 'chung-thuc' },
    });
    expect(within(counterOption('q3')).getByRole('radio')).toHaveProperty('disabled', false);
    expect(counterOption('q3').textContent).toContain('Đang tạm dừng: công dân sẽ chờ đến khi quầy mở lại');
    expect(counterOption('q2').getAttribute('data-refusal')).toBe('not-serving');
  });

  it('refuses a closed counter in the list (no clerk signed in)', () => {
    const hall = calledHall();
    renderScreen(hall);
    fireEvent.keyDown(window, { key: '6' });
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Chuyển sang dịch vụ'), { target: { value: 'ho-tich' } });
    const q2 = dialog.querySelector('[data-counter="q2"]')!;
    expect(q2.textContent).toContain('Đã đóng: không nhận chuyển');
    expect(within(q2 as HTMLElement).getByRole('radio')).toHaveProperty('disabled', true);
  });

  it('keeps focus inside a dialog: Tab cycles, and Escape closes it even when focus was taken outside', () => {
    renderScreen(calledHall());
    fireEvent.keyDown(window, { key: '6' });
    const dialog = screen.getByRole('dialog');
    const controls = [
      ...dialog.querySelectorAll<HTMLElement>('select, input:not([disabled]), textarea, button'),
    ];
    const last = controls.at(-1)!;
    last.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(document.activeElement).toBe(controls[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    // Something outside takes focus (a click on the page behind): Tab brings it back, Escape still closes.
    action('next').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    action('next').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('CounterScreen — what travels with the ticket', () => {
  it('shows the procedure chosen at the kiosk on the current ticket and in the waiting list', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai', null, 'cap-gcn-lan-dau');
    hall.issue('dat-dai', null, 'cap-gcn-lan-dau');
    renderScreen(hall);
    expect(screen.getAllByTestId('waiting-procedure').map((element) => element.textContent)).toEqual([
      'Cấp Giấy chứng nhận lần đầu',
      'Cấp Giấy chứng nhận lần đầu',
    ]);
    cleanup();
    hall.act({ type: 'call-next', counterId: Q1 });
    renderScreen(hall);
    expect(screen.getByTestId('current-procedure').textContent).toBe('Thủ tục: Cấp Giấy chứng nhận lần đầu');
  });

  it('shows the receiving clerk where the ticket came from and the note, and a fresh recall count', () => {
    const hall = calledHall(); // A001 called at q1
    hall.signIn(Q2, 'cb2');
    hall.act({ type: 'recall', counterId: Q1 });
    hall.act({
      type: 'transfer',
      ticketId: hall.ticket('A001').id,
      fromCounterId: Q1,
      toServiceId: hall.config.services[1]!.id,
      toCounterId: Q2,
      note: 'Cần trích lục khai sinh trước',
    });
    hall.act({ type: 'call-next', counterId: Q2 });
    renderScreen(hall, { view: hall.view(Q2), counterId: Q2 });
    expect(screen.getByTestId('current-number').textContent).toBe('A001');
    expect(screen.getByTestId('current-transfer').textContent).toContain('Chuyển từ quầy 1');
    expect(screen.getByTestId('current-transfer').textContent).toContain(
      'Ghi chú khi chuyển: “Cần trích lục khai sinh trước”',
    );
    // Recalled once at q1; at q2 the count starts again.
    expect(action('recall').textContent).toContain('Đã gọi lại 0/2');
  });
});

describe('CounterScreen — a shortcut that can do nothing says why', () => {
  it('while paused, "next" (key 1) explains that the counter is paused and how to resume', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    hall.act({ type: 'pause-counter', counterId: Q1, reason: 'Họp' });
    const { onCommand, onExplain } = renderScreen(hall);
    fireEvent.keyDown(window, { key: '1' });
    expect(onCommand).not.toHaveBeenCalled();
    expect(onExplain.mock.calls[0]?.[0]).toEqual({
      kind: 'error',
      text: {
        vi: 'Quầy đang tạm dừng. Nhấn “Tiếp tục” (phím 8) để mở lại quầy rồi gọi số.',
        en: 'The counter is paused. Press “Resume” (key 8) to reopen it, then call.',
      },
    });
  });
});

describe('CounterScreen — serving', () => {
  it('counts the service time; next completes first, complete works, start/recall/no-show are off', () => {
    const hall = calledHall();
    hall.act({ type: 'start', counterId: Q1 });
    hall.wait(125_000);
    const { onCommand } = renderScreen(hall);
    expect(screen.getByTestId('current-status').textContent).toBe('Đang phục vụ');
    expect(screen.getByTestId('current-served').textContent).toBe('2 phút');
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
    fireEvent.click(screen.getByTitle('Gọi số A002'));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Số cần gọi').value).toBe(
      String(hall.ticket('A002').id),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gọi số này' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Vui lòng nhập lý do gọi số này.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Theo yêu cầu của cán bộ quản lý' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gọi số này' }));
    expect(onCommand.mock.calls).toEqual([
      [{ type: 'callSpecific', ticketId: hall.ticket('A002').id, reason: 'Theo yêu cầu của cán bộ quản lý' }],
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
    expect(action('next').textContent).toContain('Đang thực hiện…');
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
