import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HallView } from '@luot/client';
import type { DeviceStatus } from '@luot/shared/contracts';
import type { ClerkConfig, QueueState, Ticket } from '@luot/shared/domain';
import { asClerkId, asCounterId, asServiceId, asTicketId, pinProblem } from '@luot/shared/domain';
import { ConfirmDialog } from '../src/ConfirmDialog.tsx';
import { DevicesScreen } from '../src/DevicesScreen.tsx';
import { newClerkPin } from '../src/new-pin.ts';
import { PinResetDialog } from '../src/PinResetDialog.tsx';
import { TicketSearch } from '../src/TicketSearch.tsx';
import { demoHallConfigForTest } from './fixtures.ts';
import { recordingApi } from './recording-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A page with a button that opens a ConfirmDialog, as the console's screens do. */
function DialogHarness(props: { onConfirm: () => void; onCancel: () => void }) {
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Mở</button>
      <button>Nút khác trên trang</button>
      {isOpen && (
        <ConfirmDialog
          title="Thu hồi thiết bị “Kiosk 1”?"
          confirmLabel="Thu hồi"
          isDestructive
          onConfirm={() => {
            props.onConfirm();
            setOpen(false);
          }}
          onCancel={() => {
            props.onCancel();
            setOpen(false);
          }}
        >
          <p>Thiết bị bị ngắt ngay.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

describe('ConfirmDialog', () => {
  it('is a named modal that takes focus, keeps Tab inside, closes on Escape and gives focus back', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(<DialogHarness onConfirm={onConfirm} onCancel={onCancel} />);
    const opener = screen.getByRole('button', { name: 'Mở' });
    opener.focus();
    fireEvent.click(opener);

    const dialog = screen.getByRole('alertdialog', { name: 'Thu hồi thiết bị “Kiosk 1”?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    // The safe choice has focus first: Enter on an opened dialog never destroys anything.
    const back = within(dialog).getByRole('button', { name: 'Quay lại' });
    const revoke = within(dialog).getByRole('button', { name: 'Thu hồi' });
    expect(document.activeElement).toBe(back);
    // Tab from the last control wraps to the first, Shift+Tab from the first wraps to the last.
    revoke.focus();
    fireEvent.keyDown(revoke, { key: 'Tab' });
    expect(document.activeElement).toBe(back);
    fireEvent.keyDown(back, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(revoke);

    fireEvent.keyDown(revoke, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('confirms only on its confirm button, and waits while busy', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    const { rerender } = render(
      <ConfirmDialog
        title="Hủy số A003?"
        confirmLabel="Hủy số"
        onConfirm={onConfirm}
        onCancel={onCancel}
        isBusy
      >
        <p>Không thể hoàn tác.</p>
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Hủy số A003?' });
    expect(within(dialog).getByRole('button', { name: 'Hủy số' })).toHaveProperty('disabled', true);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onCancel).not.toHaveBeenCalled();
    rerender(
      <ConfirmDialog title="Hủy số A003?" confirmLabel="Hủy số" onConfirm={onConfirm} onCancel={onCancel}>
        <p>Không thể hoàn tác.</p>
      </ConfirmDialog>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Hủy số' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });
});

describe('PIN reset', () => {
  const clerk: ClerkConfig = {
    id: asClerkId('cb-an'),
    name: 'Nguyễn Văn An',
    title: 'Chuyên viên',
    username: 'canbo1',
    isActive: true,
  };

  it('asks first, sets a random PIN on the server, shows it once in the dialog, never in a pop-up', async () => {
    // happy-dom has no browser pop-ups; a stand-in records any use of one.
    const prompt = vi.fn();
    vi.stubGlobal('prompt', prompt);
    const { api, requests } = recordingApi({
      'POST /api/admin/clerks/cb-an/pin': () => ({ ok: true, value: { reset: true } }),
    });
    const onClose = vi.fn();
    const { rerender } = render(<PinResetDialog clerk={clerk} api={api} onClose={onClose} />);
    const ask = screen.getByRole('alertdialog', { name: 'Đặt lại mã PIN của Nguyễn Văn An?' });
    expect(ask.textContent).toContain('phải đổi mã PIN mới này khi đăng nhập lần đầu');
    expect(requests).toEqual([]);

    fireEvent.click(within(ask).getByRole('button', { name: 'Đặt lại mã PIN' }));
    const shown = await screen.findByRole('dialog', { name: 'Mã PIN mới của Nguyễn Văn An' });
    const pin = within(shown).getByTestId('new-pin').textContent ?? '';
    expect(pin).toMatch(/^\d{6}$/);
    expect(requests).toEqual([{ method: 'POST', path: '/api/admin/clerks/cb-an/pin', body: { pin } }]);
    expect(shown.textContent).toContain('Mã chỉ hiện một lần');
    expect(shown.textContent).toContain('Cán bộ phải đổi mã PIN khi đăng nhập lần đầu');
    expect(prompt).not.toHaveBeenCalled();

    fireEvent.click(within(shown).getByRole('button', { name: 'Đã ghi lại, đóng' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    // Closed (the screen unmounts it): the PIN is nowhere on the page any more.
    rerender(<></>);
    expect(document.body.textContent).not.toContain(pin);
  });

  it('keeps the question open with the server refusal, and sets nothing when the manager goes back', async () => {
    const { api, requests } = recordingApi({
      'POST /api/admin/clerks/cb-an/pin': () => ({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'no such clerk' },
      }),
    });
    const onClose = vi.fn();
    render(<PinResetDialog clerk={clerk} api={api} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Đặt lại mã PIN' }));
    await screen.findByRole('alert');
    expect(screen.queryByTestId('new-pin')).toBeNull();
    expect(requests).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Quay lại' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(requests).toHaveLength(1);
  });

  it('makes only PINs the server accepts: draws again while the shared PIN rule refuses one', () => {
    // A generator that yields a repeated pattern (121212, which the server refuses as WEAK_PIN), a run,
    // one digit six times, then usable digits: the fourth draw is the PIN.
    const draws = [
      [1, 2, 1, 2, 1, 2],
      [1, 2, 3, 4, 5, 6],
      [7, 7, 7, 7, 7, 7],
      [4, 8, 2, 9, 1, 13],
    ];
    const pin = newClerkPin((bytes) => {
      bytes.set(draws.shift() ?? []);
      return bytes;
    });
    expect(pin).toBe('482913');
    expect(draws).toEqual([]);
    // The real generator, many times over: every PIN is six digits the shared rule accepts.
    for (let attempt = 0; attempt < 2000; attempt += 1) {
      const made = newClerkPin();
      expect(made).toMatch(/^\d{6}$/);
      expect(pinProblem(made)).toBeNull();
    }
  });
});

describe('devices: pairing link with its QR code, revoke after a question', () => {
  const config = {
    ...demoHallConfigForTest(),
    counters: [
      {
        id: asCounterId('q1'),
        number: 1,
        name: { vi: 'Quầy 1', en: 'Counter 1' },
        serviceIds: [asServiceId('dat-dai')],
        isActive: true,
      },
    ],
  };
  const kiosk: DeviceStatus = {
    deviceId: 'dev-kiosk-1' as DeviceStatus['deviceId'],
    kind: 'kiosk',
    name: 'Kiosk sảnh chính',
    counterId: null,
    isOnline: true,
    lastSeenAt: null,
    revokedAt: null,
    printer: null,
  };
  const view: HallView = {
    status: 'online',
    state: null,
    config,
    identity: null,
    clockOffsetMs: 0,
    sessionEnded: null,
    devices: {},
  };

  it('shows the code, a pairing link for the device kind and a QR code of that link; no manager kind', async () => {
    const { api, requests } = recordingApi({
      'GET /api/admin/devices': () => ({ ok: true, value: [] }),
      'POST /api/admin/devices/pair': () => ({ ok: true, value: { code: '482913', expiresAt: Date.now() } }),
    });
    render(<DevicesScreen api={api} view={view} />);
    const kinds = screen.getByLabelText('Loại thiết bị');
    const options = Array.from(kinds.querySelectorAll('option'), (option) => option.value);
    expect(options).toEqual(['kiosk', 'counter', 'feedback', 'display']);
    fireEvent.change(kinds, { target: { value: 'feedback' } });
    fireEvent.change(screen.getByLabelText('Tên thiết bị'), { target: { value: 'Đánh giá quầy 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo mã ghép nối' }));
    const shown = await screen.findByTestId('pair-code');
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      kind: 'feedback',
      name: 'Đánh giá quầy 1',
      counterId: 'q1',
    });
    const link = `${window.location.origin}/counter/feedback/?code=482913`;
    expect(within(shown).getByRole('link', { name: link }).getAttribute('href')).toBe(link);
    const qr = within(shown).getByRole('img', { name: 'Mã QR của liên kết ghép nối cho Đánh giá quầy 1' });
    // A real symbol: version 3 or more for a link this long (29+ modules, plus the 2-module margins).
    const side = Number(qr.getAttribute('viewBox')?.split(' ')[2]);
    expect(side).toBeGreaterThanOrEqual(33);
    expect(qr.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(1000);
  });

  it('revokes only after the in-app question is confirmed; going back revokes nothing', async () => {
    const confirm = vi.fn();
    vi.stubGlobal('confirm', confirm);
    const { api, requests } = recordingApi({
      'GET /api/admin/devices': () => ({ ok: true, value: [kiosk] }),
      'POST /api/admin/devices/dev-kiosk-1/revoke': () => ({ ok: true, value: { revoked: true } }),
    });
    render(<DevicesScreen api={api} view={view} />);
    await screen.findByText('Kiosk sảnh chính');
    const revokes = () => requests.filter((request) => request.path.endsWith('/revoke'));

    fireEvent.click(screen.getByRole('button', { name: 'Thu hồi' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Thu hồi thiết bị “Kiosk sảnh chính”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quay lại' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(revokes()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Thu hồi' }));
    dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thu hồi' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(revokes()).toHaveLength(1);
    expect(confirm).not.toHaveBeenCalled();
  });
});

describe('ticket search: "Hủy số" asks first', () => {
  it('cancels only after confirming, with the reason the manager wrote', async () => {
    const config = demoHallConfigForTest();
    const ticket = {
      id: asTicketId(3),
      number: 'A003',
      sequence: 3,
      issuedServiceId: asServiceId('dat-dai'),
      serviceId: asServiceId('dat-dai'),
      businessDay: '2026-12-07',
      priorityGroupId: null,
      procedureId: null,
      status: 'waiting',
      issuedAt: 0,
      queuedAt: 0,
    } as Ticket;
    const { api } = recordingApi({
      'GET /api/admin/tickets?number=A003&day=2026-12-07': () => ({
        ok: true,
        value: [{ id: 3, businessDay: '2026-12-07', body: ticket, history: [] }],
      }),
    });
    const onAction = vi.fn(() => Promise.resolve(null));
    render(
      <TicketSearch
        api={api}
        config={config}
        state={{ tickets: {} } as unknown as QueueState}
        today="2026-12-07"
        onAction={onAction}
      />,
    );
    fireEvent.change(screen.getByLabelText('Số thứ tự'), { target: { value: 'A003' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tra cứu' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Hủy số' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Hủy số A003?' });
    expect(dialog.textContent).toContain('Đất đai');
    expect(onAction).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quay lại' }));
    expect(onAction).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Hủy số' }));
    fireEvent.change(screen.getByLabelText('Lý do hủy (ghi vào nhật ký)'), {
      target: { value: 'Công dân xin hủy' },
    });
    await act(async () => {
      fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Hủy số' }));
      await Promise.resolve();
    });
    expect(onAction).toHaveBeenCalledWith('ticket:cancel', { ticketId: 3, reason: 'Công dân xin hủy' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });
});
