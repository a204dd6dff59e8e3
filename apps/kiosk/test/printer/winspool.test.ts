// The winspool binding without Windows: koffi (which loads on Linux too) decodes structures that a fake
// of the Win32 calls lays out byte for byte as winspool.h does on x64 (offsets written out below from the
// header, not taken from koffi), and the spooler on top of the calls is driven through Windows' own
// conventions: the two-call buffer size dance, GetLastError codes, handles that must be closed.
import koffi from 'koffi';
import { describe, expect, it } from 'vitest';
import { JOB_STATUS, PRINTER_STATUS } from '../../src/main/printer/spooler.ts';
import {
  createWinspoolSpooler,
  decodeArray,
  winspoolTypes,
  type JobInfo1,
  type PrinterHandle,
  type PrinterInfo2,
  type WinspoolApi,
} from '../../src/main/printer/winspool.ts';

const PRINTER_INFO_2W = {
  size: 136,
  pPrinterName: 8,
  pPortName: 24,
  pDriverName: 32,
  Attributes: 104,
  Status: 124,
  cJobs: 128,
};
const JOB_INFO_1W = {
  size: 96,
  JobId: 0,
  pPrinterName: 8,
  pDocument: 32,
  pDatatype: 40,
  Status: 56,
  Submitted: 76,
};

type FakePrinter = { name: string; port: string; driver: string; status: number; attributes: number };
type FakeJob = { id: number; document: string; status: number; submitted: Date; bytes: Uint8Array };

/** Lays out structures and their UTF-16 strings in one buffer, strings after the structures, as Windows does. */
class Layout {
  #stringsAt: number;
  constructor(
    readonly buffer: Buffer,
    structBytes: number,
  ) {
    this.#stringsAt = structBytes;
  }
  static stringBytes(strings: readonly string[]): number {
    return strings.reduce((sum, text) => sum + (text.length + 1) * 2, 0);
  }
  pointerTo(offset: number, text: string): void {
    const address = koffi.address(this.buffer) + BigInt(this.#stringsAt);
    this.buffer.write(`${text}\0`, this.#stringsAt, 'utf16le');
    this.#stringsAt += (text.length + 1) * 2;
    this.buffer.writeBigUInt64LE(address, offset);
  }
}

/** winspool.drv's behaviour, in memory. */
class FakeWin32 implements WinspoolApi {
  lastError = 0;
  readonly printers: FakePrinter[] = [];
  readonly jobs = new Map<string, FakeJob[]>();
  readonly open = new Set<{ printer: string }>();
  readonly calls: string[] = [];
  defaultPrinter = '';
  /** WritePrinter takes at most this many bytes per call (the spooler may take less than asked). */
  maxWrite = Infinity;
  failWriteAfter = Infinity;
  #doc: { printer: string; id: number; document: string; bytes: number[] } | null = null;
  #nextJob = 40;

  #fail(code: number): false {
    this.lastError = code;
    return false;
  }
  #printer(handle: PrinterHandle): FakePrinter {
    return this.printers.find((printer) => printer.name === (handle as { printer: string }).printer)!;
  }

  OpenPrinterW(name: string, handle: [PrinterHandle | null]): boolean {
    this.calls.push(`OpenPrinterW ${name}`);
    if (!this.printers.some((printer) => printer.name === name)) return this.#fail(1801);
    const opened = { printer: name };
    this.open.add(opened);
    handle[0] = opened;
    return true;
  }
  ClosePrinter(handle: PrinterHandle): boolean {
    this.calls.push('ClosePrinter');
    return this.open.delete(handle as { printer: string });
  }
  StartDocPrinterW(
    handle: PrinterHandle,
    _level: 1,
    docInfo: { pDocName: string; pDatatype: string },
  ): number {
    this.calls.push(`StartDocPrinterW ${docInfo.pDatatype}`);
    this.#doc = {
      printer: this.#printer(handle).name,
      id: this.#nextJob++,
      document: docInfo.pDocName,
      bytes: [],
    };
    return this.#doc.id;
  }
  StartPagePrinter(): boolean {
    this.calls.push('StartPagePrinter');
    return true;
  }
  writePrinter(
    _handle: PrinterHandle,
    bytes: Uint8Array,
  ): Promise<{ ok: boolean; written: number; error: number }> {
    this.calls.push(`WritePrinter ${bytes.length}`);
    if (this.#doc!.bytes.length >= this.failWriteAfter)
      return Promise.resolve({ ok: false, written: 0, error: 0 });
    const taken = bytes.subarray(0, Math.min(bytes.length, this.maxWrite));
    this.#doc!.bytes.push(...taken);
    return Promise.resolve({ ok: true, written: taken.length, error: 0 });
  }
  EndPagePrinter(): boolean {
    this.calls.push('EndPagePrinter');
    return true;
  }
  EndDocPrinter(): boolean {
    this.calls.push('EndDocPrinter');
    const doc = this.#doc!;
    const queue = this.jobs.get(doc.printer) ?? [];
    queue.push({
      id: doc.id,
      document: doc.document,
      status: JOB_STATUS.SPOOLING,
      submitted: new Date(Date.UTC(2026, 11, 6, 1, 2, 3, 456)),
      bytes: Uint8Array.from(doc.bytes),
    });
    this.jobs.set(doc.printer, queue);
    this.#doc = null;
    return true;
  }
  AbortPrinter(): boolean {
    this.calls.push('AbortPrinter');
    this.#doc = null;
    return true;
  }
  GetPrinterW(
    handle: PrinterHandle,
    _level: 2,
    buffer: Buffer | null,
    size: number,
    needed: [number],
  ): boolean {
    const printer = this.#printer(handle);
    const required = PRINTER_INFO_2W.size + Layout.stringBytes([printer.name, printer.port, printer.driver]);
    needed[0] = required;
    if (!buffer || size < required) return this.#fail(122);
    this.#writePrinter(new Layout(buffer, PRINTER_INFO_2W.size), 0, printer);
    return true;
  }
  EnumPrintersW(
    _flags: number,
    _name: null,
    _level: 2,
    buffer: Buffer | null,
    size: number,
    needed: [number],
    returned: [number],
  ): boolean {
    const strings = this.printers.flatMap((printer) => [printer.name, printer.port, printer.driver]);
    const required = this.printers.length * PRINTER_INFO_2W.size + Layout.stringBytes(strings);
    needed[0] = required;
    if (!buffer || size < required) return this.#fail(122);
    const layout = new Layout(buffer, this.printers.length * PRINTER_INFO_2W.size);
    this.printers.forEach((printer, index) =>
      this.#writePrinter(layout, index * PRINTER_INFO_2W.size, printer),
    );
    returned[0] = this.printers.length;
    return true;
  }
  EnumJobsW(
    handle: PrinterHandle,
    _first: number,
    _count: number,
    _level: 1,
    buffer: Buffer | null,
    size: number,
    needed: [number],
    returned: [number],
  ): boolean {
    const jobs = this.jobs.get(this.#printer(handle).name) ?? [];
    returned[0] = 0;
    if (jobs.length === 0) {
      needed[0] = 0;
      return true;
    }
    const required =
      jobs.length * JOB_INFO_1W.size + Layout.stringBytes(jobs.flatMap((job) => [job.document, 'RAW']));
    needed[0] = required;
    if (!buffer || size < required) return this.#fail(122);
    const layout = new Layout(buffer, jobs.length * JOB_INFO_1W.size);
    jobs.forEach((job, index) => this.#writeJob(layout, index * JOB_INFO_1W.size, job));
    returned[0] = jobs.length;
    return true;
  }
  GetJobW(
    handle: PrinterHandle,
    jobId: number,
    _level: 1,
    buffer: Buffer | null,
    size: number,
    needed: [number],
  ): boolean {
    const job = (this.jobs.get(this.#printer(handle).name) ?? []).find((candidate) => candidate.id === jobId);
    if (!job) return this.#fail(87);
    const required = JOB_INFO_1W.size + Layout.stringBytes([job.document, 'RAW']);
    needed[0] = required;
    if (!buffer || size < required) return this.#fail(122);
    this.#writeJob(new Layout(buffer, JOB_INFO_1W.size), 0, job);
    return true;
  }
  SetJobW(handle: PrinterHandle, jobId: number, _level: 0, _job: null, command: number): boolean {
    this.calls.push(`SetJobW ${jobId} ${command}`);
    const queue = this.jobs.get(this.#printer(handle).name) ?? [];
    const index = queue.findIndex((job) => job.id === jobId);
    if (index < 0) return this.#fail(87);
    queue.splice(index, 1);
    return true;
  }
  GetDefaultPrinterW(buffer: Buffer | null, size: [number]): boolean {
    const required = this.defaultPrinter.length + 1;
    if (!buffer || size[0] < required) {
      size[0] = required;
      return this.#fail(122);
    }
    buffer.write(`${this.defaultPrinter}\0`, 0, 'utf16le');
    return true;
  }
  GetLastError(): number {
    return this.lastError;
  }
  decodePrinterInfo2(buffer: Buffer, count: number): PrinterInfo2[] {
    return decodeArray<PrinterInfo2>(koffi, buffer, winspoolTypes(koffi).printerInfo2, count);
  }
  decodeJobInfo1(buffer: Buffer, count: number): JobInfo1[] {
    return decodeArray<JobInfo1>(koffi, buffer, winspoolTypes(koffi).jobInfo1, count);
  }

  #writePrinter(layout: Layout, at: number, printer: FakePrinter): void {
    layout.buffer.fill(0, at, at + PRINTER_INFO_2W.size);
    layout.pointerTo(at + PRINTER_INFO_2W.pPrinterName, printer.name);
    layout.pointerTo(at + PRINTER_INFO_2W.pPortName, printer.port);
    layout.pointerTo(at + PRINTER_INFO_2W.pDriverName, printer.driver);
    layout.buffer.writeUInt32LE(printer.attributes, at + PRINTER_INFO_2W.Attributes);
    layout.buffer.writeUInt32LE(printer.status, at + PRINTER_INFO_2W.Status);
    layout.buffer.writeUInt32LE((this.jobs.get(printer.name) ?? []).length, at + PRINTER_INFO_2W.cJobs);
  }
  #writeJob(layout: Layout, at: number, job: FakeJob): void {
    layout.buffer.fill(0, at, at + JOB_INFO_1W.size);
    layout.buffer.writeUInt32LE(job.id, at + JOB_INFO_1W.JobId);
    layout.pointerTo(at + JOB_INFO_1W.pDocument, job.document);
    layout.pointerTo(at + JOB_INFO_1W.pDatatype, 'RAW');
    layout.buffer.writeUInt32LE(job.status, at + JOB_INFO_1W.Status);
    const t = job.submitted;
    const words = [
      t.getUTCFullYear(),
      t.getUTCMonth() + 1,
      t.getUTCDay(),
      t.getUTCDate(),
      t.getUTCHours(),
      t.getUTCMinutes(),
      t.getUTCSeconds(),
      t.getUTCMilliseconds(),
    ];
    words.forEach((word, index) => layout.buffer.writeUInt16LE(word, at + JOB_INFO_1W.Submitted + index * 2));
  }
}

function hall(): FakeWin32 {
  const api = new FakeWin32();
  api.printers.push(
    { name: 'XP-80C', port: 'USB001', driver: 'XP-80', status: 0, attributes: 0 },
    {
      name: 'EPSON TM-T82III Receipt',
      port: 'ESDPRT001',
      driver: 'EPSON TM-T82III Receipt5',
      status: PRINTER_STATUS.OFFLINE,
      attributes: 0x400,
    },
  );
  api.defaultPrinter = 'EPSON TM-T82III Receipt';
  return api;
}

describe('winspool structures (koffi)', () => {
  it('are laid out as winspool.h lays them out on x64', () => {
    const { printerInfo2, jobInfo1, docInfo1 } = winspoolTypes(koffi);
    expect(printerInfo2.size).toBe(PRINTER_INFO_2W.size);
    expect(jobInfo1.size).toBe(JOB_INFO_1W.size);
    expect(docInfo1.size).toBe(24);
    expect(printerInfo2.members!.Status!.offset).toBe(PRINTER_INFO_2W.Status);
    expect(jobInfo1.members!.Submitted!.offset).toBe(JOB_INFO_1W.Submitted);
  });
});

describe('the spooler over the Win32 calls', () => {
  it('lists the installed printers with their port, driver, state and the default one (Vietnamese names too)', async () => {
    const api = hall();
    api.printers.push({
      name: 'Máy in phiếu quầy 1',
      port: '192.168.1.50',
      driver: 'Generic / Text Only',
      status: 0,
      attributes: 0,
    });
    const printers = await createWinspoolSpooler(api).listPrinters();
    expect(printers).toEqual([
      {
        name: 'XP-80C',
        portName: 'USB001',
        driverName: 'XP-80',
        isDefault: false,
        status: 0,
        attributes: 0,
        jobCount: 0,
      },
      {
        name: 'EPSON TM-T82III Receipt',
        portName: 'ESDPRT001',
        driverName: 'EPSON TM-T82III Receipt5',
        isDefault: true,
        status: PRINTER_STATUS.OFFLINE,
        attributes: 0x400,
        jobCount: 0,
      },
      {
        name: 'Máy in phiếu quầy 1',
        portName: '192.168.1.50',
        driverName: 'Generic / Text Only',
        isDefault: false,
        status: 0,
        attributes: 0,
        jobCount: 0,
      },
    ]);
  });

  it('sends a RAW document in the documented order, resuming partial writes, and closes the handle', async () => {
    const api = hall();
    api.maxWrite = 1000;
    const spooler = createWinspoolSpooler(api);
    const bytes = Uint8Array.from({ length: 2500 }, (_, index) => index % 251);
    const jobId = await spooler.submitRaw('XP-80C', 'Luot ticket A001 abc123', bytes);
    expect(api.calls).toEqual([
      'OpenPrinterW XP-80C',
      'StartDocPrinterW RAW',
      'StartPagePrinter',
      'WritePrinter 2500',
      'WritePrinter 1500',
      'WritePrinter 500',
      'EndPagePrinter',
      'EndDocPrinter',
      'ClosePrinter',
    ]);
    expect(api.open.size).toBe(0);
    expect(api.jobs.get('XP-80C')![0]!.bytes).toEqual(bytes);
    expect(await spooler.job('XP-80C', jobId)).toEqual({
      id: jobId,
      document: 'Luot ticket A001 abc123',
      status: JOB_STATUS.SPOOLING,
      submittedAt: Date.UTC(2026, 11, 6, 1, 2, 3, 456),
    });
    expect(await spooler.jobs('XP-80C')).toHaveLength(1);
    await spooler.cancel('XP-80C', jobId);
    expect(await spooler.job('XP-80C', jobId)).toBeNull();
    expect(await spooler.jobs('XP-80C')).toEqual([]);
    expect(api.open.size).toBe(0);
  });

  it('a failed write aborts the document (nothing of it prints) and still closes the handle', async () => {
    const api = hall();
    api.maxWrite = 100;
    api.failWriteAfter = 200;
    await expect(
      createWinspoolSpooler(api).submitRaw('XP-80C', 'Luot ticket A001 x', new Uint8Array(500)),
    ).rejects.toThrow('WritePrinter failed');
    expect(api.calls.slice(-2)).toEqual(['AbortPrinter', 'ClosePrinter']);
    expect(api.jobs.get('XP-80C')).toBeUndefined();
    expect(api.open.size).toBe(0);
  });

  it('an unknown printer is null for status and an error with Windows’ reason for printing', async () => {
    const spooler = createWinspoolSpooler(hall());
    expect(await spooler.printer('Gone')).toBeNull();
    expect(await spooler.jobs('Gone')).toEqual([]);
    await expect(spooler.submitRaw('Gone', 'x', new Uint8Array(1))).rejects.toThrow(
      'no Windows printer named "Gone" (Windows error 1801: no printer by that name)',
    );
  });

  it('reads a printer’s status bits and attributes through GetPrinterW level 2', async () => {
    const printer = await createWinspoolSpooler(hall()).printer('EPSON TM-T82III Receipt');
    expect(printer).toMatchObject({
      status: PRINTER_STATUS.OFFLINE,
      attributes: 0x400,
      isDefault: true,
      portName: 'ESDPRT001',
    });
  });
});
