import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskChannel } from '../../src/bridge.ts';
import { DIAGNOSTICS_IDLE_MS, DIAGNOSTICS_LOCK_MS } from '../../src/main/diagnostics.ts';
import {
  createDriverImagePrinter,
  driverPrintPage,
  type PrintWindow,
  type SilentPrintOptions,
} from '../../src/main/driver-print.ts';
import { BridgeRefusedError } from '../../src/main/ipc.ts';
import { createRotatingLog } from '../../src/main/log-file.ts';
import type { PrinterConfig } from '../../src/main/printer/index.ts';
import { loadKioskSettings, withPrinter } from '../../src/main/settings.ts';
import { createKioskBridge } from '../../src/preload/bridge-api.ts';
import { KIOSK_CHANNELS } from '../../src/preload/channels.ts';
import { FakeSpooler } from '../printer/fake-spooler.ts';
import { createTestKioskShell } from './kiosk-shell.ts';

const SERVER = 'http://192.168.1.10:8080';
const topFrame = { url: `${SERVER}/kiosk/`, parent: null };

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'luot-kiosk-diagnostics-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** A kiosk main process as index.ts composes it, with a fake spooler and USB bus at the OS edge. */
function kiosk(options: { managerPin?: string } = {}) {
  const settingsFile = path.join(directory, 'luot-kiosk.json');
  const fileConfig: PrinterConfig = {
    kind: 'file',
    directory: path.join(directory, 'out'),
    paperWidthMm: 80,
  };
  writeFileSync(
    settingsFile,
    `\uFEFF${JSON.stringify({ serverUrl: SERVER, printer: fileConfig, startAtLogin: false, ...(options.managerPin ? { managerPin: options.managerPin } : {}) })}`,
  );
  const spooler = new FakeSpooler()
    .addPrinter('XP-80C')
    .addPrinter('EPSON TM-T82III Receipt', { portName: 'ESDPRT001' });
  spooler.defaultPrinter = 'XP-80C';
  spooler.setPrinter('EPSON TM-T82III Receipt', { status: 0x80 });
  let now = 1_000_000;
  const logs: string[] = [];
  const shell = createTestKioskShell({
    serverUrl: SERVER,
    printer: fileConfig,
    ...(options.managerPin ? { managerPin: options.managerPin } : {}),
    now: () => now,
    settingsFile,
    spooler,
    onPrinterChosen: (config) =>
      writeFileSync(
        settingsFile,
        withPrinter(readFileSync(settingsFile, 'utf8').replace(/^\uFEFF/, ''), config),
      ),
    log: (message) => logs.push(message),
  });
  const invoke = (
    channel: KioskChannel,
    frame: { url: string; parent: unknown } | null,
    ...args: unknown[]
  ) => shell.invokeAs(frame as { url: string; parent: unknown }, channel, ...args);
  const bridge = createKioskBridge((channel, ...args) => invoke(channel, topFrame, ...args));
  return { bridge, ipc: { invoke }, spooler, settingsFile, logs, advance: (ms: number) => (now += ms) };
}

describe('the hidden diagnostics screen, main-process side', () => {
  it('opens with the manager PIN and shows version, server, printer connection and status', async () => {
    const { bridge } = kiosk({ managerPin: '2468' });
    const opened = await bridge.diagnostics!.open('2468');
    expect(opened).toMatchObject({
      ok: true,
      info: {
        kioskVersion: '0.1.0',
        serverUrl: SERVER,
        printerKind: 'file',
        paperWidthMm: 80,
        printerStatus: { state: 'ok', detail: 'ready' },
      },
    });
    if (opened.ok) expect(opened.info.printerDescription).toMatch(/^file /);
  });

  it('without a PIN in the settings it cannot be opened; wrong PINs lock it for five minutes', async () => {
    expect(await kiosk().bridge.diagnostics!.open('0000')).toEqual({ ok: false, reason: 'not_configured' });
    const { bridge, advance, logs } = kiosk({ managerPin: '2468' });
    for (let left = 4; left >= 1; left -= 1) {
      expect(await bridge.diagnostics!.open('1111')).toEqual({
        ok: false,
        reason: 'wrong_pin',
        attemptsLeft: left,
      });
    }
    expect(await bridge.diagnostics!.open('1111')).toEqual({
      ok: false,
      reason: 'locked',
      retryAfterSeconds: 300,
    });
    // Even the right PIN waits out the lock.
    expect(await bridge.diagnostics!.open('2468')).toMatchObject({ ok: false, reason: 'locked' });
    advance(DIAGNOSTICS_LOCK_MS);
    expect(await bridge.diagnostics!.open('2468')).toMatchObject({ ok: true });
    expect(logs.filter((line) => line === 'diagnostics: wrong PIN')).toHaveLength(5);
    expect(await bridge.diagnostics!.open('24680')).toMatchObject({ ok: false, reason: 'wrong_pin' });
  });

  it('every call but open needs the open session, which ends when closed or after ten idle minutes', async () => {
    const { bridge, advance } = kiosk({ managerPin: '2468' });
    await expect(bridge.diagnostics!.testPrint()).rejects.toBeInstanceOf(BridgeRefusedError);
    await expect(bridge.diagnostics!.printers()).rejects.toThrow('the diagnostics screen is not open');
    await bridge.diagnostics!.open('2468');
    await bridge.diagnostics!.info();
    advance(DIAGNOSTICS_IDLE_MS - 1);
    await bridge.diagnostics!.info();
    advance(DIAGNOSTICS_IDLE_MS);
    await expect(bridge.diagnostics!.info()).rejects.toThrow('not open');
    await bridge.diagnostics!.open('2468');
    await bridge.diagnostics!.close();
    await expect(bridge.diagnostics!.info()).rejects.toThrow('not open');
  });

  it('a test print goes through the printer in use and is plainly not a ticket', async () => {
    const { bridge } = kiosk({ managerPin: '2468' });
    await bridge.diagnostics!.open('2468');
    expect(await bridge.diagnostics!.testPrint()).toMatchObject({ ok: true });
    expect(readdirSync(path.join(directory, 'out')).filter((name) => name.endsWith('.png'))).toHaveLength(1);
    // Twice is fine (it is not a ticket: the one-copy rule is for tickets).
    expect(await bridge.diagnostics!.testPrint()).toMatchObject({ ok: true });
  });

  it('lists the installed Windows printers and the USB devices (hex ids), and switches to the chosen one at once', async () => {
    const { bridge, spooler, settingsFile } = kiosk({ managerPin: '2468' });
    await bridge.diagnostics!.open('2468');
    const choices = await bridge.diagnostics!.printers();
    expect(choices.windows.problem).toBeNull();
    expect(
      choices.windows.printers.map((printer) => [printer.name, printer.isDefault, printer.status.state]),
    ).toEqual([
      ['XP-80C', true, 'ok'],
      ['EPSON TM-T82III Receipt', false, 'offline'],
    ]);
    expect(choices.usb).toEqual({
      devices: [{ vendorId: 0x0416, productId: 0x5011, id: '0416:5011', isPrinterClass: true }],
      problem: null,
    });

    const chosen = await bridge.diagnostics!.choosePrinter({
      kind: 'windows',
      printerName: 'XP-80C',
      mode: 'raw',
      paperWidthMm: 80,
    });
    expect(chosen).toMatchObject({
      ok: true,
      info: { printerKind: 'windows', printerDescription: 'windows "XP-80C" (raw)' },
    });
    // The settings file now names it (and still loads), and tickets go to it without a restart.
    const reloaded = loadKioskSettings(settingsFile, (file) => readFileSync(file));
    expect(reloaded).toMatchObject({
      ok: true,
      value: { printer: { kind: 'windows', printerName: 'XP-80C' }, startAtLogin: false },
    });
    expect(await bridge.diagnostics!.testPrint()).toMatchObject({ ok: true });
    expect(spooler.submitted).toHaveLength(1);

    expect(
      await bridge.diagnostics!.choosePrinter({
        kind: 'usb',
        vendorId: 0x0416,
        productId: 0x5011,
        paperWidthMm: 80,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await bridge.diagnostics!.choosePrinter({ kind: 'file', directory: '/tmp', paperWidthMm: 80 } as never),
    ).toEqual({
      ok: false,
      reason: 'not a printer the kiosk can use (windows, usb or tcp)',
    });
    expect(
      await bridge.diagnostics!.choosePrinter({ kind: 'tcp', host: '', port: 9100, paperWidthMm: 80 }),
    ).toMatchObject({ ok: false });
  });

  it('refuses odd arguments and other senders before anything runs', async () => {
    const { ipc } = kiosk({ managerPin: '2468' });
    await expect(ipc.invoke(KIOSK_CHANNELS.diagnosticsOpen, topFrame, 2468)).rejects.toThrow(
      'open takes one PIN',
    );
    await expect(ipc.invoke(KIOSK_CHANNELS.diagnosticsOpen, topFrame, '1'.repeat(17))).rejects.toThrow(
      'open takes one PIN',
    );
    await expect(
      ipc.invoke(KIOSK_CHANNELS.diagnosticsOpen, { url: 'https://evil.example/', parent: null }, '2468'),
    ).rejects.toThrow(/not the hall server/);
    await ipc.invoke(KIOSK_CHANNELS.diagnosticsOpen, topFrame, '2468');
    await expect(ipc.invoke(KIOSK_CHANNELS.diagnosticsChoosePrinter, topFrame, 'XP-80C')).rejects.toThrow(
      'choosePrinter takes one printer',
    );
    await expect(ipc.invoke(KIOSK_CHANNELS.diagnosticsPrinters, topFrame, 'x')).rejects.toThrow(
      'printers takes no arguments',
    );
  });
});

describe('driver printing (Electron silent print to a named printer)', () => {
  const job = {
    printerName: 'POS-80 (Windows driver)',
    documentName: 'Luot ticket A001 abc123',
    png: Buffer.from('png bytes'),
    widthMm: 72,
    lengthMm: 150.5,
  };

  it('prints the picture on a page the ticket’s size, silently, to the printer by name, and closes the window', async () => {
    const loaded: string[] = [];
    const printed: SilentPrintOptions[] = [];
    let destroyed = 0;
    const window: PrintWindow = {
      loadURL: (url) => {
        loaded.push(url);
        return Promise.resolve();
      },
      webContents: {
        print: (options, callback) => {
          printed.push(options);
          callback(true, '');
        },
      },
      destroy: () => void (destroyed += 1),
    };
    await createDriverImagePrinter(() => window)(job);
    expect(printed).toEqual([
      {
        silent: true,
        deviceName: 'POS-80 (Windows driver)',
        printBackground: false,
        color: false,
        copies: 1,
        margins: { marginType: 'none' },
        pageSize: { width: 72_000, height: 150_500 },
      },
    ]);
    const html = decodeURIComponent(loaded[0]!.replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(html).toContain('<title>Luot ticket A001 abc123</title>');
    expect(html).toContain('@page{size:72mm 150.5mm;margin:0}');
    expect(html).toContain(`data:image/png;base64,${job.png.toString('base64')}`);
    expect(destroyed).toBe(1);
    expect(loaded[0]).toBe(driverPrintPage(job));
  });

  it('a refused print rejects with the driver’s reason (and the window is still closed)', async () => {
    let destroyed = 0;
    const window: PrintWindow = {
      loadURL: () => Promise.resolve(),
      webContents: { print: (_options, callback) => callback(false, 'Invalid deviceName provided') },
      destroy: () => void (destroyed += 1),
    };
    await expect(createDriverImagePrinter(() => window)(job)).rejects.toThrow(
      'driver print to "POS-80 (Windows driver)" failed: Invalid deviceName provided',
    );
    expect(destroyed).toBe(1);
  });
});

describe('the kiosk log file', () => {
  it('appends lines and rotates by size, keeping the newest old files', () => {
    const log = createRotatingLog({ dir: path.join(directory, 'logs'), maxBytes: 100, keep: 2 });
    for (let index = 0; index < 12; index += 1) log.write(`line ${index} ${'x'.repeat(30)}`);
    const files = readdirSync(path.join(directory, 'logs')).sort();
    expect(files).toEqual(['kiosk.1.log', 'kiosk.2.log', 'kiosk.log']);
    const current = readFileSync(log.file, 'utf8');
    expect(current.endsWith(`line 11 ${'x'.repeat(30)}\n`)).toBe(true);
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(100);
    expect(readFileSync(path.join(directory, 'logs', 'kiosk.1.log'), 'utf8')).toContain('line 9 ');
  });

  it('picks up an existing file’s size after a restart, and a log it cannot write never throws', () => {
    const dir = path.join(directory, 'logs');
    createRotatingLog({ dir, maxBytes: 60 }).write('a'.repeat(50));
    createRotatingLog({ dir, maxBytes: 60 }).write('b'.repeat(20));
    expect(readdirSync(dir).sort()).toEqual(['kiosk.1.log', 'kiosk.log']);
    writeFileSync(path.join(directory, 'not-a-folder'), 'x');
    const broken = createRotatingLog({ dir: path.join(directory, 'not-a-folder', 'logs') });
    const originalError = console.error;
    console.error = () => undefined;
    try {
      expect(() => broken.write('lost')).not.toThrow();
    } finally {
      console.error = originalError;
    }
  });
});
