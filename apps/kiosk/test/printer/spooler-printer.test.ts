import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { layoutTicket } from '@luot/shared/ticket';
import { createPrinterService } from '../../src/main/printer-service.ts';
import { decodeEscPos, rasterOf } from '../../src/main/printer/escpos-decoder.ts';
import { encodeTicket, resyncBytes } from '../../src/main/printer/escpos.ts';
import {
  createPrinterFromConfig,
  type KioskPrinter,
  type PrinterEdges,
} from '../../src/main/printer/printer.ts';
import { renderTicket } from '../../src/main/printer/render-ticket.ts';
import type { DriverImageJob } from '../../src/main/printer/spooler-printer.ts';
import {
  JOB_STATUS,
  PRINTER_ATTRIBUTE_WORK_OFFLINE,
  PRINTER_STATUS,
  SpoolerError,
  spoolerStatus,
  type SpoolerPrinterInfo,
} from '../../src/main/printer/spooler.ts';
import { FakeSpooler } from './fake-spooler.ts';
import { goldenTicket } from './ticket-fixtures.ts';

const NAME = 'XP-80C';
const ticket = (number: string) => ({ ...goldenTicket, number, statusUrl: `http://hall:8080/t/${number}` });

function setUp(options: { mode?: 'raw' | 'driver'; edges?: PrinterEdges; writeTimeoutMs?: number } = {}) {
  const spooler = new FakeSpooler().addPrinter(NAME);
  const printer: KioskPrinter = createPrinterFromConfig(
    {
      kind: 'windows',
      printerName: NAME,
      mode: options.mode ?? 'raw',
      paperWidthMm: 80,
      writeTimeoutMs: options.writeTimeoutMs ?? 600,
      stuckAfterMs: 30_000,
    },
    { loadSpooler: () => Promise.resolve(spooler), ...options.edges },
  );
  return { spooler, printer };
}

describe('Windows printer through the spooler (RAW ESC/POS)', () => {
  it('sends the same ESC/POS job as USB and TCP, as one RAW document, and counts it printed once it left the queue', async () => {
    const { spooler, printer } = setUp();
    expect(printer.description).toBe('windows "XP-80C" (raw)');
    expect(printer.transport).toBeNull();
    expect(await printer.printTicket(goldenTicket)).toEqual({
      ok: true,
      status: { state: 'ok', detail: 'windows printer "XP-80C" on USB001: ready' },
    });
    const [job] = spooler.submitted;
    expect(job!.document).toMatch(/^Luot ticket A012 [0-9a-f]{6}$/);
    const expected = encodeTicket(renderTicket(layoutTicket(goldenTicket), 576).bitmap);
    expect(job!.bytes).toEqual(expected);
    expect(spooler.printed.get(NAME)).toEqual([expected]);
    const { commands, consumed } = decodeEscPos(job!.bytes);
    expect(consumed).toBe(job!.bytes.length);
    expect(rasterOf(commands).width).toBe(576);
    // The first ticket of the file loads the fonts and renders a real raster: seconds on a loaded machine.
  }, 30_000);

  it('refuses, sending nothing, when the spooler says the printer cannot print', async () => {
    const { spooler, printer } = setUp();
    spooler.setPrinter(NAME, { status: PRINTER_STATUS.OFFLINE });
    expect(await printer.printTicket(goldenTicket)).toMatchObject({
      ok: false,
      failure: 'refused',
      status: { state: 'offline' },
    });
    spooler.setPrinter(NAME, { status: PRINTER_STATUS.PAPER_OUT });
    expect(await printer.printTicket(goldenTicket)).toMatchObject({
      ok: false,
      failure: 'refused',
      status: { state: 'paper_out' },
    });
    expect(spooler.submitted).toEqual([]);
  });

  it('a printer that is not installed is offline, and says how to choose one', async () => {
    const spooler = new FakeSpooler();
    const printer = createPrinterFromConfig(
      { kind: 'windows', printerName: 'Gone', paperWidthMm: 58 },
      { loadSpooler: () => Promise.resolve(spooler) },
    );
    expect(await printer.status()).toEqual({
      state: 'offline',
      detail: 'no Windows printer named "Gone" (choose one in the kiosk\'s diagnostics screen)',
    });
  });

  it('a job the port reports paper out on is deleted from the queue; the next job starts with the band resync', async () => {
    const { spooler, printer } = setUp();
    spooler.behaviour = { kind: 'fault', status: JOB_STATUS.PAPEROUT | JOB_STATUS.ERROR };
    const failed = await printer.printTicket(ticket('A001'));
    expect(failed).toMatchObject({ ok: false, failure: 'write_failed', status: { state: 'paper_out' } });
    expect(failed.status.detail).toMatch(/PAPEROUT/);
    const [first] = spooler.submitted;
    expect(spooler.cancelled).toHaveLength(1);
    expect(spooler.queues.get(NAME)).toEqual([]);
    expect(spooler.printed.get(NAME)).toEqual([]);

    spooler.behaviour = { kind: 'print' };
    expect(await printer.printTicket(ticket('A002'))).toMatchObject({ ok: true });
    const second = spooler.submitted[1]!.bytes;
    const zeros = resyncBytes(576);
    expect(second.subarray(0, zeros).every((byte) => byte === 0)).toBe(true);
    expect(second.length).toBe(
      zeros + encodeTicket(renderTicket(layoutTicket(ticket('A002')), 576).bitmap).length,
    );
    expect(first!.bytes[0]).not.toBe(0);
    // The job after a good one has no zeros again.
    expect(await printer.printTicket(ticket('A003'))).toMatchObject({ ok: true });
    expect(spooler.submitted[2]!.bytes[0]).not.toBe(0);
  });

  it('a job that never leaves the queue is abandoned (deleted) after the write timeout', async () => {
    const { spooler, printer } = setUp({ writeTimeoutMs: 300 });
    spooler.behaviour = { kind: 'hold' };
    const started = Date.now();
    const result = await printer.printTicket(goldenTicket);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ ok: false, failure: 'write_timeout', status: { state: 'offline' } });
    expect(result.status.detail).toMatch(/not printed within 0.3 s; deleted from the queue/);
    expect(spooler.queues.get(NAME)).toEqual([]);
    expect(spooler.cancelled).toHaveLength(1);
  });

  it('a spooler that fails to take the job is write_failed with Windows’ reason', async () => {
    const { spooler, printer } = setUp();
    spooler.failNextSubmit = new SpoolerError('StartDocPrinterW failed', 1804);
    expect(await printer.printTicket(goldenTicket)).toEqual({
      ok: false,
      failure: 'write_failed',
      status: {
        state: 'offline',
        detail: 'StartDocPrinterW failed (Windows error 1804: the driver does not accept this data type)',
      },
    });
  });

  it('a job that printed while the printer went offline right after is unconfirmed', async () => {
    const { spooler, printer } = setUp();
    const original = spooler.job.bind(spooler);
    spooler.job = async (name, id) => {
      const job = await original(name, id);
      if (job === null) spooler.setPrinter(NAME, { status: PRINTER_STATUS.DOOR_OPEN });
      return job;
    };
    expect(await printer.printTicket(goldenTicket)).toMatchObject({
      ok: false,
      failure: 'unconfirmed',
      status: { state: 'cover_open' },
    });
  });

  it('jobs stuck in the queue: our own abandoned tickets are deleted, anyone else’s make the printer offline', async () => {
    const { spooler, printer } = setUp();
    spooler.addStuckJob(NAME, 'Luot ticket A007 abcdef', 60_000);
    expect(await printer.status()).toEqual({
      state: 'ok',
      detail: 'windows printer "XP-80C" on USB001: ready',
    });
    expect(spooler.cancelled).toHaveLength(1);
    spooler.addStuckJob(NAME, 'Microsoft Word - Báo cáo.docx', 45_000);
    const status = await printer.status();
    expect(status.state).toBe('offline');
    expect(status.detail).toMatch(/1 job\(s\) stuck in the Windows queue, oldest 45 s/);
    expect(await printer.printTicket(goldenTicket)).toMatchObject({ ok: false, failure: 'refused' });
  });

  it('behind the printer service: a ticket comes out at most once, as over USB', async () => {
    const { spooler, printer } = setUp();
    const service = createPrinterService(printer);
    expect(await service.print(goldenTicket)).toMatchObject({ ok: true });
    expect(await service.print(goldenTicket)).toMatchObject({ ok: false, failure: 'duplicate' });
    expect(spooler.submitted).toHaveLength(1);
  });
});

describe('Windows printer through its driver (the last resort: the ticket as a picture)', () => {
  it('hands the rendered ticket to the driver as a PNG on the paper’s printable width, and watches its job', async () => {
    const images: DriverImageJob[] = [];
    let spooler: FakeSpooler | null = null;
    const { spooler: fake, printer } = setUp({
      mode: 'driver',
      edges: {
        printImage: (job) => {
          images.push(job);
          spooler!.addDriverJob(NAME, job.documentName);
          return Promise.resolve();
        },
      },
    });
    spooler = fake;
    expect(await printer.printTicket(goldenTicket)).toMatchObject({ ok: true });
    expect(images).toHaveLength(1);
    const [image] = images;
    expect(image).toMatchObject({ printerName: NAME, widthMm: 72 });
    expect(image!.documentName).toMatch(/^Luot ticket A012 /);
    const png = PNG.sync.read(Buffer.from(image!.png));
    expect(png.width).toBe(576);
    expect(image!.lengthMm).toBeCloseTo(png.height / (203 / 25.4), 0);
    expect(fake.queues.get(NAME)).toEqual([]);
    expect(fake.submitted).toEqual([]);
  });

  it('without the kiosk app’s window (plain Node) the driver mode cannot print, and says so', async () => {
    const { printer } = setUp({ mode: 'driver' });
    expect(await printer.printTicket(goldenTicket)).toMatchObject({
      ok: false,
      failure: 'write_failed',
      status: { state: 'offline', detail: 'driver printing is only available in the kiosk app' },
    });
  });
});

describe('what the spooler says, as our printer state', () => {
  const printer = (fields: Partial<SpoolerPrinterInfo>): SpoolerPrinterInfo => ({
    name: NAME,
    portName: 'USB001',
    driverName: 'XP-80',
    isDefault: true,
    status: 0,
    attributes: 0,
    jobCount: 0,
    ...fields,
  });
  const NOW = 1_000_000;
  const state = (fields: Partial<SpoolerPrinterInfo>, jobs = [] as Parameters<typeof spoolerStatus>[1]) =>
    spoolerStatus(printer(fields), jobs, NOW, 30_000).state;

  it.each([
    ['ready', 'ok', {}],
    [
      'printing, busy, warming up, power save: still fine',
      'ok',
      {
        status:
          PRINTER_STATUS.PRINTING |
          PRINTER_STATUS.BUSY |
          PRINTER_STATUS.WARMING_UP |
          PRINTER_STATUS.POWER_SAVE,
      },
    ],
    ['paper out', 'paper_out', { status: PRINTER_STATUS.PAPER_OUT }],
    ['door open', 'cover_open', { status: PRINTER_STATUS.DOOR_OPEN }],
    [
      'paper out outranks door open',
      'paper_out',
      { status: PRINTER_STATUS.PAPER_OUT | PRINTER_STATUS.DOOR_OPEN },
    ],
    ['offline (unplugged or off)', 'offline', { status: PRINTER_STATUS.OFFLINE }],
    ['not available', 'offline', { status: PRINTER_STATUS.NOT_AVAILABLE }],
    ['error', 'offline', { status: PRINTER_STATUS.ERROR }],
    ['queue paused', 'offline', { status: PRINTER_STATUS.PAUSED }],
    ['paper jam', 'offline', { status: PRINTER_STATUS.PAPER_JAM }],
    ['user intervention', 'offline', { status: PRINTER_STATUS.USER_INTERVENTION }],
    ['"Use printer offline" ticked', 'offline', { attributes: PRINTER_ATTRIBUTE_WORK_OFFLINE }],
  ] as const)('%s → %s', (_name, expected, fields) => {
    expect(state(fields)).toBe(expected);
  });

  it('a faulted job says why; a job older than the bound is stuck; a fresh one is not', () => {
    const job = (status: number, ageMs: number) => ({
      id: 3,
      document: 'x',
      status,
      submittedAt: NOW - ageMs,
    });
    expect(state({}, [job(JOB_STATUS.PAPEROUT, 1_000)])).toBe('paper_out');
    expect(state({}, [job(JOB_STATUS.ERROR | JOB_STATUS.PRINTING, 1_000)])).toBe('offline');
    expect(state({}, [job(JOB_STATUS.BLOCKED_DEVQ, 1_000)])).toBe('offline');
    expect(state({}, [job(JOB_STATUS.PRINTING, 31_000)])).toBe('offline');
    expect(state({}, [job(JOB_STATUS.SPOOLING, 5_000)])).toBe('ok');
  });

  it('names every finding in the detail, for the manager and the diagnostics screen', () => {
    const status = spoolerStatus(
      printer({
        status: PRINTER_STATUS.OFFLINE | PRINTER_STATUS.PAUSED,
        attributes: PRINTER_ATTRIBUTE_WORK_OFFLINE,
      }),
      [],
      NOW,
      30_000,
    );
    expect(status.detail).toBe('windows printer "XP-80C" on USB001: PAUSED; OFFLINE; USE_PRINTER_OFFLINE');
  });
});
