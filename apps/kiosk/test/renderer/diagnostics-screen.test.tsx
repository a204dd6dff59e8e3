// @vitest-environment happy-dom
// The hidden diagnostics screen and the error boundary, in the renderer, with the real preload bridge
// wired to the real main-process handlers (diagnostics service, printer slot on a file printer, a fake
// spooler and USB bus at the OS edge), as the kiosk shell wires them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppErrorBoundary } from '@luot/client/react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DiagnosticsBridge } from '../../src/bridge.ts';
import { createKioskBridge } from '../../src/preload/bridge-api.ts';
import { DiagnosticsGate } from '../../src/renderer/diagnostics/DiagnosticsGate.tsx';
import type { FakeSpooler } from '../printer/fake-spooler.ts';
import { createTestKioskShell } from '../main/kiosk-shell.ts';

// Loopback only: the server-link check is given a fake fetch anyway, but nothing here may reach a LAN address.
const SERVER = 'http://127.0.0.1:18149';
/** How long a test print may take to be confirmed on a loaded machine. */
const PRINT_WAIT = { timeout: 15_000 };
let directory: string;
beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'luot-kiosk-diag-ui-'));
});
afterEach(() => {
  cleanup();
  rmSync(directory, { recursive: true, force: true });
});

function kioskShell(): { bridge: DiagnosticsBridge; spooler: FakeSpooler } {
  const shell = createTestKioskShell({
    serverUrl: SERVER,
    managerPin: '2468',
    printer: { kind: 'file', directory: path.join(directory, 'out'), paperWidthMm: 80 },
    onPrinterChosen: (next) => writeFileSync(path.join(directory, 'chosen.json'), JSON.stringify(next)),
  });
  const bridge = createKioskBridge((channel, ...args) =>
    shell.invokeAs({ url: `${SERVER}/kiosk/`, parent: null }, channel, ...args),
  );
  return { bridge: bridge.diagnostics!, spooler: shell.spooler };
}

const health = (() =>
  Promise.resolve(
    new Response(JSON.stringify({ ok: true, version: '0.1.0' }), { status: 200 }),
  )) as typeof fetch;

function press(x: number, y: number): void {
  fireEvent.pointerDown(window, { clientX: x, clientY: y });
}

describe('the diagnostics screen (long press on the top-left corner + manager PIN)', () => {
  it('opens only after a long press in the corner, and asks for the PIN', () => {
    const { bridge } = kioskShell();
    vi.useFakeTimers();
    try {
      render(
        <DiagnosticsGate bridge={bridge} origin={SERVER} fetcher={health}>
          <p>Chạm vào đây để lấy số thứ tự</p>
        </DiagnosticsGate>,
      );
      // A short touch, or a long one elsewhere, opens nothing.
      press(40, 40);
      act(() => {
        vi.advanceTimersByTime(1_000);
      });
      fireEvent.pointerUp(window);
      act(() => {
        vi.advanceTimersByTime(5_000);
      });
      press(600, 400);
      act(() => {
        vi.advanceTimersByTime(5_000);
      });
      expect(screen.queryByRole('dialog')).toBeNull();
      press(40, 40);
      act(() => {
        vi.advanceTimersByTime(3_000);
      });
      expect(screen.getByRole('dialog')).toBeTruthy();
      expect(screen.getByText('Nhập mã PIN của cán bộ quản lý')).toBeTruthy();
      // The visitor's screen is still there underneath (nothing was laid over it before).
      expect(screen.getByText('Chạm vào đây để lấy số thứ tự')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a wrong PIN says how many tries are left; the right one shows version, server, printer and status; test print; choose a Windows printer', async () => {
    const { bridge, spooler } = kioskShell();
    render(
      <DiagnosticsGate bridge={bridge} origin={SERVER} longPressMs={10} fetcher={health}>
        <p>kiosk</p>
      </DiagnosticsGate>,
    );
    press(10, 10);
    await screen.findByRole('dialog');
    const type = (pin: string): void => {
      for (const digit of pin) fireEvent.click(screen.getByRole('button', { name: digit }));
      fireEvent.click(screen.getByRole('button', { name: /^Mở/ }));
    };
    type('1111');
    expect((await screen.findByRole('alert')).textContent).toContain('Sai mã PIN. Còn 4 lần thử.');
    type('2468');
    await screen.findByText('Phiên bản');
    expect(screen.getByText(/Lượt kiosk 0.1.0 · Electron 45.5.0 · win32/)).toBeTruthy();
    expect(screen.getByText(SERVER)).toBeTruthy();
    expect(screen.getByText(/^file /)).toBeTruthy();
    expect(screen.getByText('80 mm')).toBeTruthy();
    expect(document.querySelector('[data-printer-state="ok"]')).not.toBeNull();
    expect(screen.getByText('C:\\ProgramData\\Luot\\Kiosk\\logs\\kiosk.log')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /^In thử/ }));
    // A test print renders a real raster ticket (fonts, QR): seconds on a loaded CI machine.
    expect(
      (await screen.findByText('Đã in thử. Kiểm tra tờ giấy in ra.', {}, PRINT_WAIT)).textContent,
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /^Chọn máy in/ }));
    expect(await screen.findByText('XP-80C')).toBeTruthy();
    expect(screen.getByText('0416:5011')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '58 mm' }));
    fireEvent.click(screen.getByRole('button', { name: /^Dùng máy in này/ }));
    expect(
      (await screen.findByText(/Đã lưu và đang dùng: windows "XP-80C" \(raw\)/)).textContent,
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Quay lại/ }));
    expect(await screen.findByText('windows "XP-80C" (raw)')).toBeTruthy();
    expect(screen.getByText('58 mm')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^In thử/ }));
    await screen.findByText('Đã in thử. Kiểm tra tờ giấy in ra.', {}, PRINT_WAIT);
    expect(spooler.submitted).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: /^Đóng/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(bridge.info()).rejects.toThrow('not open');
  }, 60_000);

  it('in a plain browser (no kiosk shell) there is no diagnostics screen at all', () => {
    vi.useFakeTimers();
    try {
      render(
        <DiagnosticsGate bridge={null} origin={SERVER}>
          <p>kiosk</p>
        </DiagnosticsGate>,
      );
      press(10, 10);
      act(() => {
        vi.advanceTimersByTime(10_000);
      });
      expect(screen.queryByRole('dialog')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('the server link says when the hall server cannot be reached', async () => {
    const { DiagnosticsScreen } = await import('../../src/renderer/diagnostics/DiagnosticsScreen.tsx');
    const { bridge } = kioskShell();
    render(
      <DiagnosticsScreen
        bridge={bridge}
        origin={SERVER}
        onClose={() => undefined}
        fetcher={() => Promise.reject(new Error('down'))}
      />,
    );
    for (const digit of '2468') fireEvent.click(screen.getByRole('button', { name: digit }));
    fireEvent.click(screen.getByRole('button', { name: /^Mở/ }));
    expect(await screen.findByText('Không kết nối được máy chủ')).toBeTruthy();
    cleanup();
    render(<DiagnosticsScreen bridge={bridge} origin={SERVER} onClose={() => undefined} fetcher={health} />);
    for (const digit of '2468') fireEvent.click(screen.getByRole('button', { name: digit }));
    fireEvent.click(screen.getByRole('button', { name: /^Mở/ }));
    expect(await screen.findByText(/^Kết nối được \(\d+ ms\), phiên bản 0.1.0$/)).toBeTruthy();
  });
});

describe('the kiosk error boundary', () => {
  function Fragile(props: { readonly failures: { count: number } }) {
    const [, setTick] = useState(0);
    if (props.failures.count > 0) {
      props.failures.count -= 1;
      throw new Error('screen bug');
    }
    return (
      <button type="button" onClick={() => setTick((tick) => tick + 1)}>
        Lấy số thường
      </button>
    );
  }

  it('shows a plain apology instead of a blank kiosk, logs the error, and rebuilds the screens', async () => {
    const errors: string[] = [];
    const consoleError = vi
      .spyOn(console, 'error')
      .mockImplementation((...args: unknown[]) => void errors.push(String(args[0])));
    const reload = vi.fn();
    try {
      // React renders a failing tree twice before it gives up on it: fail both times.
      const failures = { count: 2 };
      render(
        <AppErrorBoundary
          app="kiosk"
          reloadAfterSeconds={1}
          environment={{ reload, storage: null, now: () => Date.now() }}
        >
          <Fragile failures={failures} />
        </AppErrorBoundary>,
      );
      expect(screen.getByRole('alert').textContent).toContain('Xin lỗi, màn hình gặp sự cố');
      expect(errors.some((line) => line.startsWith('[kiosk] render error: Error: screen bug'))).toBe(true);
      expect(await screen.findByRole('button', { name: 'Lấy số thường' }, { timeout: 3_000 })).toBeTruthy();
      // Rebuilt in place: the page was not fetched again from a server that may be down.
      expect(reload).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });
});
