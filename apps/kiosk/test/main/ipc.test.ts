import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintableTicket } from '@luot/shared/ticket';
import { BridgeRefusedError, registerIpcHandlers } from '../../src/main/ipc.ts';
import { createPrinterFromConfig, type KioskPrinter } from '../../src/main/printer/index.ts';
import { createPrinterService } from '../../src/main/printer-service.ts';
import { KIOSK_CHANNELS } from '../../src/preload/channels.ts';
import { createKioskBridge } from '../../src/preload/bridge-api.ts';
import { FakeIpcMain } from './electron-fakes.ts';

const SERVER = 'http://192.168.1.10:8080';
const topFrame = { url: `${SERVER}/kiosk/`, parent: null };

const ticket: PrintableTicket = {
  hallName: 'Trung tâm Hành chính công huyện An Phú',
  number: 'B012',
  serviceName: 'Hộ tịch: khai sinh, kết hôn, khai tử',
  procedureName: 'Đăng ký khai sinh',
  priorityLabel: null,
  issuedAt: Date.UTC(2026, 2, 2, 2, 0),
  timeZone: 'Asia/Ho_Chi_Minh',
  peopleAhead: 3,
  waitMinutes: { min: 10, max: 20 },
  statusUrl: `${SERVER}/t/k3x9q2w8`,
};

// The real printer stack (layout → raster → ESC/POS → file printer): only the paper is missing.
let directory: string;
let printer: KioskPrinter;
let ipc: FakeIpcMain;
let refusals: string[];

beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'luot-kiosk-ipc-'));
  printer = createPrinterFromConfig({ kind: 'file', directory, paperWidthMm: 80 });
  ipc = new FakeIpcMain();
  refusals = [];
  registerIpcHandlers(ipc, createPrinterService(printer), {
    allowedOrigin: SERVER,
    onRefused: (reason) => refusals.push(reason),
  });
});
afterEach(async () => {
  await printer.close();
  rmSync(directory, { recursive: true, force: true });
});

const previews = () => readdirSync(directory).filter((file) => file.endsWith('.png'));

describe('registerIpcHandlers', () => {
  it("answers the preload bridge from the hall server's page: status, then one printed ticket", async () => {
    // The preload's own bridge object, wired to the fake ipcMain as ipcRenderer.invoke would be.
    const bridge = createKioskBridge((channel, ...args) => ipc.invoke(channel, topFrame, ...args));
    expect(await bridge.printerStatus()).toEqual({ state: 'ok', detail: 'ready' });
    const result = await bridge.print(ticket);
    expect(result).toEqual({ ok: true, status: { state: 'ok', detail: 'ready' } });
    expect(previews()).toHaveLength(1);
  });

  it('never prints the same ticket twice', async () => {
    expect(await ipc.invoke(KIOSK_CHANNELS.print, topFrame, ticket)).toMatchObject({ ok: true });
    expect(await ipc.invoke(KIOSK_CHANNELS.print, topFrame, ticket)).toMatchObject({
      ok: false,
      failure: 'duplicate',
    });
    expect(previews()).toHaveLength(1);
  });

  it("refuses callers that are not the top frame of the hall server's page", async () => {
    const others = [
      { url: 'https://evil.example/kiosk/', parent: null },
      { url: 'http://192.168.1.10:9999/kiosk/', parent: null },
      { url: 'data:text/html,<h1>hi</h1>', parent: null },
      { url: `${SERVER}/kiosk/frame.html`, parent: topFrame },
      null,
    ];
    for (const frame of others) {
      await expect(ipc.invoke(KIOSK_CHANNELS.print, frame, ticket)).rejects.toBeInstanceOf(
        BridgeRefusedError,
      );
      await expect(ipc.invoke(KIOSK_CHANNELS.printerStatus, frame)).rejects.toBeInstanceOf(
        BridgeRefusedError,
      );
    }
    expect(refusals).toHaveLength(10);
    expect(refusals[0]).toBe('sender https://evil.example is not the hall server');
    expect(previews()).toHaveLength(0);
  });

  it('parses every ticket with the shared strict schema before the printer sees it', async () => {
    const bad: unknown[] = [
      undefined,
      'B012',
      { ...ticket, number: 'b12' },
      { ...ticket, statusUrl: 'javascript:alert(1)' },
      { ...ticket, timeZone: 'Mars/Olympus' },
      { ...ticket, peopleAhead: -1 },
      { ...ticket, waitMinutes: { min: 20, max: 10 } },
      { ...ticket, printerCommand: '\x1b@' },
    ];
    for (const payload of bad) {
      await expect(ipc.invoke(KIOSK_CHANNELS.print, topFrame, payload)).rejects.toThrow(/invalid ticket/);
    }
    await expect(ipc.invoke(KIOSK_CHANNELS.print, topFrame, ticket, 'extra')).rejects.toThrow(
      /exactly one ticket/,
    );
    await expect(ipc.invoke(KIOSK_CHANNELS.printerStatus, topFrame, 'extra')).rejects.toThrow(/no arguments/);
    expect(previews()).toHaveLength(0);
  });

  it('reports a printer that cannot print, and sends it nothing', async () => {
    const emptyDirectory = mkdtempSync(path.join(tmpdir(), 'luot-kiosk-ipc-'));
    const noPaper = createPrinterFromConfig({
      kind: 'file',
      directory: emptyDirectory,
      paperWidthMm: 58,
      status: 'paper_out',
    });
    const other = new FakeIpcMain();
    registerIpcHandlers(other, createPrinterService(noPaper), { allowedOrigin: SERVER });
    expect(await other.invoke(KIOSK_CHANNELS.printerStatus, topFrame)).toMatchObject({ state: 'paper_out' });
    expect(await other.invoke(KIOSK_CHANNELS.print, topFrame, ticket)).toMatchObject({
      ok: false,
      failure: 'refused',
      status: { state: 'paper_out' },
    });
    expect(readdirSync(emptyDirectory)).toEqual([]);
    await noPaper.close();
    rmSync(emptyDirectory, { recursive: true, force: true });
  });

  it('removes its handlers', async () => {
    const other = new FakeIpcMain();
    const remove = registerIpcHandlers(other, createPrinterService(printer), { allowedOrigin: SERVER });
    remove();
    expect(other.handlers.size).toBe(0);
    await expect(other.invoke(KIOSK_CHANNELS.printerStatus, topFrame)).rejects.toThrow(/No handler/);
  });
});
