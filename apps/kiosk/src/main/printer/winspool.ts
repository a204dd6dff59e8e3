// The Windows print spooler through winspool.drv, called with koffi (a maintained FFI: prebuilt binaries
// in @koromix/koffi-<platform>, nothing to compile on the hall PC). Windows only; loaded on first use,
// so Linux kiosks and tests never load it. The calls are the documented RAW printing sequence:
// OpenPrinterW → StartDocPrinterW (DOC_INFO_1, datatype "RAW") → StartPagePrinter → WritePrinter →
// EndPagePrinter → EndDocPrinter → ClosePrinter; status from GetPrinterW (PRINTER_INFO_2) and
// EnumJobsW/GetJobW (JOB_INFO_1); SetJobW(JOB_CONTROL_DELETE) to drop an abandoned ticket.
import type koffiModule from 'koffi';
import type { TypeObject } from 'koffi';
import { SpoolerError, type Spooler, type SpoolerJob, type SpoolerPrinterInfo } from './spooler.ts';

/** An open printer handle (HANDLE): opaque to us (koffi gives a pointer value). */
export type PrinterHandle = object | bigint;
/** A one-element array koffi fills for a `_Out_` pointer parameter. */
type Out<T> = [T];

/** PRINTER_INFO_2W as koffi decodes it (only the fields we read are typed). */
export type PrinterInfo2 = {
  readonly pPrinterName: string | null;
  readonly pPortName: string | null;
  readonly pDriverName: string | null;
  readonly Attributes: number;
  readonly Status: number;
  readonly cJobs: number;
};

/** JOB_INFO_1W as koffi decodes it. */
export type JobInfo1 = {
  readonly JobId: number;
  readonly pDocument: string | null;
  readonly Status: number;
  readonly Submitted: {
    readonly wYear: number;
    readonly wMonth: number;
    readonly wDay: number;
    readonly wHour: number;
    readonly wMinute: number;
    readonly wSecond: number;
    readonly wMilliseconds: number;
  };
};

/**
 * The raw Win32 calls, as plain functions: the real ones are koffi bindings (`bindWinspool`), tests use a
 * fake that behaves like the spooler (buffer sizes, last error). Names and argument order are Win32's.
 */
export interface WinspoolApi {
  OpenPrinterW(name: string, handle: Out<PrinterHandle | null>, defaults: null): boolean;
  ClosePrinter(handle: PrinterHandle): boolean;
  StartDocPrinterW(
    handle: PrinterHandle,
    level: 1,
    docInfo: { pDocName: string; pOutputFile: null; pDatatype: string },
  ): number;
  StartPagePrinter(handle: PrinterHandle): boolean;
  /** WritePrinter, run off the main thread (a printer set to "print directly" blocks while it takes bytes). */
  writePrinter(
    handle: PrinterHandle,
    bytes: Uint8Array,
  ): Promise<{ ok: boolean; written: number; error: number }>;
  EndPagePrinter(handle: PrinterHandle): boolean;
  EndDocPrinter(handle: PrinterHandle): boolean;
  AbortPrinter(handle: PrinterHandle): boolean;
  GetPrinterW(
    handle: PrinterHandle,
    level: 2,
    buffer: Buffer | null,
    size: number,
    needed: Out<number>,
  ): boolean;
  EnumPrintersW(
    flags: number,
    name: null,
    level: 2,
    buffer: Buffer | null,
    size: number,
    needed: Out<number>,
    returned: Out<number>,
  ): boolean;
  EnumJobsW(
    handle: PrinterHandle,
    firstJob: number,
    jobCount: number,
    level: 1,
    buffer: Buffer | null,
    size: number,
    needed: Out<number>,
    returned: Out<number>,
  ): boolean;
  GetJobW(
    handle: PrinterHandle,
    jobId: number,
    level: 1,
    buffer: Buffer | null,
    size: number,
    needed: Out<number>,
  ): boolean;
  SetJobW(handle: PrinterHandle, jobId: number, level: 0, job: null, command: number): boolean;
  GetDefaultPrinterW(buffer: Buffer | null, size: Out<number>): boolean;
  GetLastError(): number;
  decodePrinterInfo2(buffer: Buffer, count: number): PrinterInfo2[];
  decodeJobInfo1(buffer: Buffer, count: number): JobInfo1[];
}

const ERROR_INSUFFICIENT_BUFFER = 122;
const ERROR_INVALID_PARAMETER = 87;
const ERROR_INVALID_PRINTER_NAME = 1801;
const PRINTER_ENUM_LOCAL = 0x2;
const PRINTER_ENUM_CONNECTIONS = 0x4;
const JOB_CONTROL_DELETE = 5;

/** The spooler port on top of the raw calls. Every handle opened here is closed again, on every path. */
export function createWinspoolSpooler(api: WinspoolApi): Spooler {
  const fail = (call: string): SpoolerError => new SpoolerError(`${call} failed`, api.GetLastError());

  /** Win32's two-call pattern: ask for the size, then fill a buffer of that size. */
  const fill = (
    call: string,
    attempt: (buffer: Buffer | null, size: number, needed: Out<number>) => boolean,
  ): Buffer | null => {
    const needed: Out<number> = [0];
    if (attempt(null, 0, needed)) return null;
    const error = api.GetLastError();
    if (error !== ERROR_INSUFFICIENT_BUFFER) throw new SpoolerError(`${call} failed`, error);
    // The answer can grow between the two calls (a job was added): retry a few times.
    for (let tries = 0; tries < 4; tries += 1) {
      const buffer = Buffer.alloc(needed[0]);
      if (attempt(buffer, buffer.length, needed)) return buffer;
      if (api.GetLastError() !== ERROR_INSUFFICIENT_BUFFER) throw fail(call);
    }
    throw new SpoolerError(`${call} kept needing a bigger buffer`);
  };

  const open = (name: string): PrinterHandle | null => {
    const handle: Out<PrinterHandle | null> = [null];
    if (api.OpenPrinterW(name, handle, null) && handle[0] !== null) return handle[0];
    const error = api.GetLastError();
    if (error === ERROR_INVALID_PRINTER_NAME) return null;
    throw new SpoolerError(`OpenPrinterW("${name}") failed`, error);
  };
  async function withPrinter<T>(
    name: string,
    use: (handle: PrinterHandle) => T | Promise<T>,
  ): Promise<T | null> {
    const handle = open(name);
    if (handle === null) return null;
    try {
      return await use(handle);
    } finally {
      api.ClosePrinter(handle);
    }
  }

  const defaultPrinter = (): string | null => {
    const size: Out<number> = [0];
    if (api.GetDefaultPrinterW(null, size) || size[0] === 0) return null;
    const buffer = Buffer.alloc(size[0] * 2);
    return api.GetDefaultPrinterW(buffer, size) ? buffer.toString('utf16le').replace(/\0.*$/s, '') : null;
  };
  const toInfo = (raw: PrinterInfo2, defaultName: string | null): SpoolerPrinterInfo => ({
    name: raw.pPrinterName ?? '',
    portName: raw.pPortName ?? '',
    driverName: raw.pDriverName ?? '',
    isDefault: raw.pPrinterName !== null && raw.pPrinterName === defaultName,
    status: raw.Status,
    attributes: raw.Attributes,
    jobCount: raw.cJobs,
  });
  const toJob = (raw: JobInfo1): SpoolerJob => {
    const t = raw.Submitted;
    return {
      id: raw.JobId,
      document: raw.pDocument ?? '',
      status: raw.Status,
      submittedAt: Date.UTC(t.wYear, t.wMonth - 1, t.wDay, t.wHour, t.wMinute, t.wSecond, t.wMilliseconds),
    };
  };
  const jobsOf = (handle: PrinterHandle): SpoolerJob[] => {
    const returned: Out<number> = [0];
    const buffer = fill('EnumJobsW', (buf, size, needed) =>
      api.EnumJobsW(handle, 0, 0xffff, 1, buf, size, needed, returned),
    );
    return buffer === null ? [] : api.decodeJobInfo1(buffer, returned[0]).map(toJob);
  };

  return {
    listPrinters() {
      const returned: Out<number> = [0];
      const flags = PRINTER_ENUM_LOCAL | PRINTER_ENUM_CONNECTIONS;
      const buffer = fill('EnumPrintersW', (buf, size, needed) =>
        api.EnumPrintersW(flags, null, 2, buf, size, needed, returned),
      );
      const defaultName = defaultPrinter();
      const printers = buffer === null ? [] : api.decodePrinterInfo2(buffer, returned[0]);
      return Promise.resolve(printers.map((raw) => toInfo(raw, defaultName)));
    },
    async printer(name) {
      return withPrinter(name, (handle) => {
        const buffer = fill('GetPrinterW', (buf, size, needed) =>
          api.GetPrinterW(handle, 2, buf, size, needed),
        );
        const [raw] = buffer === null ? [] : api.decodePrinterInfo2(buffer, 1);
        if (!raw) throw new SpoolerError('GetPrinterW returned nothing');
        return toInfo(raw, defaultPrinter());
      });
    },
    async jobs(printerName) {
      return (await withPrinter(printerName, jobsOf)) ?? [];
    },
    async job(printerName, jobId) {
      return withPrinter(printerName, (handle) => {
        const needed: Out<number> = [0];
        if (!api.GetJobW(handle, jobId, 1, null, 0, needed)) {
          const error = api.GetLastError();
          // The job has left the queue.
          if (error === ERROR_INVALID_PARAMETER) return null;
          if (error !== ERROR_INSUFFICIENT_BUFFER) throw new SpoolerError('GetJobW failed', error);
        }
        const buffer = Buffer.alloc(needed[0]);
        if (!api.GetJobW(handle, jobId, 1, buffer, buffer.length, needed)) {
          if (api.GetLastError() === ERROR_INVALID_PARAMETER) return null;
          throw fail('GetJobW');
        }
        const [raw] = api.decodeJobInfo1(buffer, 1);
        return raw ? toJob(raw) : null;
      });
    },
    async submitRaw(printerName, documentName, bytes) {
      const jobId = await withPrinter(printerName, async (handle) => {
        const id = api.StartDocPrinterW(handle, 1, {
          pDocName: documentName,
          pOutputFile: null,
          pDatatype: 'RAW',
        });
        if (id === 0) throw fail('StartDocPrinterW');
        try {
          if (!api.StartPagePrinter(handle)) throw fail('StartPagePrinter');
          let offset = 0;
          while (offset < bytes.length) {
            const { ok, written, error } = await api.writePrinter(handle, bytes.subarray(offset));
            if (!ok) throw new SpoolerError('WritePrinter failed', error);
            if (written === 0) throw new SpoolerError('WritePrinter took no bytes');
            offset += written;
          }
          if (!api.EndPagePrinter(handle)) throw fail('EndPagePrinter');
          if (!api.EndDocPrinter(handle)) throw fail('EndDocPrinter');
          return id;
        } catch (error) {
          // Delete the half-made document, so nothing of it is printed.
          api.AbortPrinter(handle);
          throw error;
        }
      });
      if (jobId === null)
        throw new SpoolerError(`no Windows printer named "${printerName}"`, ERROR_INVALID_PRINTER_NAME);
      return jobId;
    },
    async cancel(printerName, jobId) {
      await withPrinter(printerName, (handle) => {
        if (
          !api.SetJobW(handle, jobId, 0, null, JOB_CONTROL_DELETE) &&
          api.GetLastError() !== ERROR_INVALID_PARAMETER
        ) {
          throw fail('SetJobW');
        }
      });
    },
  };
}

/** The koffi module (its default export, as `import koffi from 'koffi'` gives it). */
type Koffi = typeof koffiModule;
/** A parameter type for `lib.func` (koffi does not export its name for it). */
type TypeSpec = Parameters<Koffi['out']>[0];

let types: { printerInfo2: TypeObject; jobInfo1: TypeObject; docInfo1: TypeObject } | null = null;

/**
 * The winspool structures for koffi, laid out as Windows lays them out (x64: PRINTER_INFO_2W 136 bytes,
 * JOB_INFO_1W 96, DOC_INFO_1W 24; checked in the tests). Strings are UTF-16 (`str16`); DWORD is uint32.
 */
export function winspoolTypes(koffi: Koffi): NonNullable<typeof types> {
  if (types) return types;
  const systemTime = koffi.struct({
    wYear: 'uint16',
    wMonth: 'uint16',
    wDayOfWeek: 'uint16',
    wDay: 'uint16',
    wHour: 'uint16',
    wMinute: 'uint16',
    wSecond: 'uint16',
    wMilliseconds: 'uint16',
  });
  types = {
    printerInfo2: koffi.struct({
      pServerName: 'str16',
      pPrinterName: 'str16',
      pShareName: 'str16',
      pPortName: 'str16',
      pDriverName: 'str16',
      pComment: 'str16',
      pLocation: 'str16',
      pDevMode: 'void *',
      pSepFile: 'str16',
      pPrintProcessor: 'str16',
      pDatatype: 'str16',
      pParameters: 'str16',
      pSecurityDescriptor: 'void *',
      Attributes: 'uint32',
      Priority: 'uint32',
      DefaultPriority: 'uint32',
      StartTime: 'uint32',
      UntilTime: 'uint32',
      Status: 'uint32',
      cJobs: 'uint32',
      AveragePPM: 'uint32',
    }),
    jobInfo1: koffi.struct({
      JobId: 'uint32',
      pPrinterName: 'str16',
      pMachineName: 'str16',
      pUserName: 'str16',
      pDocument: 'str16',
      pDatatype: 'str16',
      pStatus: 'str16',
      Status: 'uint32',
      Priority: 'uint32',
      Position: 'uint32',
      TotalPages: 'uint32',
      PagesPrinted: 'uint32',
      Submitted: systemTime,
    }),
    docInfo1: koffi.struct({ pDocName: 'str16', pOutputFile: 'str16', pDatatype: 'str16' }),
  };
  return types;
}

/** Decode `count` consecutive structures from a buffer the spooler filled (strings point inside it). */
export function decodeArray<T>(koffi: Koffi, buffer: Buffer, type: TypeObject, count: number): T[] {
  const items: T[] = [];
  for (let index = 0; index < count; index += 1) {
    items.push(koffi.decode(buffer, index * type.size, type) as T);
  }
  return items;
}

/** The real calls: winspool.drv and kernel32.dll through koffi. */
export function bindWinspool(koffi: Koffi): WinspoolApi {
  const { printerInfo2, jobInfo1, docInfo1 } = winspoolTypes(koffi);
  const winspool = koffi.load('winspool.drv');
  const kernel32 = koffi.load('kernel32.dll');
  const fn = (name: string, result: string, params: TypeSpec[]) =>
    winspool.func('__stdcall', name, result, params);
  const OpenPrinterW = fn('OpenPrinterW', 'bool', ['str16', koffi.out(koffi.pointer('void *')), 'void *']);
  const ClosePrinter = fn('ClosePrinter', 'bool', ['void *']);
  const StartDocPrinterW = fn('StartDocPrinterW', 'uint32', ['void *', 'uint32', koffi.pointer(docInfo1)]);
  const StartPagePrinter = fn('StartPagePrinter', 'bool', ['void *']);
  const WritePrinter = fn('WritePrinter', 'bool', [
    'void *',
    'void *',
    'uint32',
    koffi.out(koffi.pointer('uint32')),
  ]);
  const EndPagePrinter = fn('EndPagePrinter', 'bool', ['void *']);
  const EndDocPrinter = fn('EndDocPrinter', 'bool', ['void *']);
  const AbortPrinter = fn('AbortPrinter', 'bool', ['void *']);
  const outDword = koffi.out(koffi.pointer('uint32'));
  const GetPrinterW = fn('GetPrinterW', 'bool', ['void *', 'uint32', 'void *', 'uint32', outDword]);
  const EnumPrintersW = fn('EnumPrintersW', 'bool', [
    'uint32',
    'str16',
    'uint32',
    'void *',
    'uint32',
    outDword,
    outDword,
  ]);
  const EnumJobsW = fn('EnumJobsW', 'bool', [
    'void *',
    'uint32',
    'uint32',
    'uint32',
    'void *',
    'uint32',
    outDword,
    outDword,
  ]);
  const GetJobW = fn('GetJobW', 'bool', ['void *', 'uint32', 'uint32', 'void *', 'uint32', outDword]);
  const SetJobW = fn('SetJobW', 'bool', ['void *', 'uint32', 'uint32', 'void *', 'uint32']);
  const GetDefaultPrinterW = fn('GetDefaultPrinterW', 'bool', [
    'void *',
    koffi.inout(koffi.pointer('uint32')),
  ]);
  const GetLastError = kernel32.func('__stdcall', 'GetLastError', 'uint32', []);
  return {
    OpenPrinterW: (name, handle, defaults) => OpenPrinterW(name, handle, defaults) as boolean,
    ClosePrinter: (handle) => ClosePrinter(handle) as boolean,
    StartDocPrinterW: (handle, level, docInfo) => StartDocPrinterW(handle, level, docInfo) as number,
    StartPagePrinter: (handle) => StartPagePrinter(handle) as boolean,
    writePrinter: (handle, bytes) =>
      new Promise((resolve, reject) => {
        const written: Out<number> = [0];
        const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        // Off the main thread: the last error of a worker thread is not ours to read, so a failed
        // write is reported without its code (error 0).
        WritePrinter.async(handle, data, data.length, written, (error: unknown, ok: boolean) => {
          if (error) reject(error instanceof Error ? error : new Error('WritePrinter call failed'));
          else resolve({ ok, written: written[0], error: 0 });
        });
      }),
    EndPagePrinter: (handle) => EndPagePrinter(handle) as boolean,
    EndDocPrinter: (handle) => EndDocPrinter(handle) as boolean,
    AbortPrinter: (handle) => AbortPrinter(handle) as boolean,
    GetPrinterW: (handle, level, buffer, size, needed) =>
      GetPrinterW(handle, level, buffer, size, needed) as boolean,
    EnumPrintersW: (flags, name, level, buffer, size, needed, returned) =>
      EnumPrintersW(flags, name, level, buffer, size, needed, returned) as boolean,
    EnumJobsW: (handle, first, count, level, buffer, size, needed, returned) =>
      EnumJobsW(handle, first, count, level, buffer, size, needed, returned) as boolean,
    GetJobW: (handle, jobId, level, buffer, size, needed) =>
      GetJobW(handle, jobId, level, buffer, size, needed) as boolean,
    SetJobW: (handle, jobId, level, job, command) => SetJobW(handle, jobId, level, job, command) as boolean,
    GetDefaultPrinterW: (buffer, size) => GetDefaultPrinterW(buffer, size) as boolean,
    GetLastError: () => GetLastError() as number,
    decodePrinterInfo2: (buffer, count) => decodeArray<PrinterInfo2>(koffi, buffer, printerInfo2, count),
    decodeJobInfo1: (buffer, count) => decodeArray<JobInfo1>(koffi, buffer, jobInfo1, count),
  };
}

let loaded: Promise<Spooler> | null = null;

/** The real spooler (bound once per process); rejects anywhere but Windows. koffi is loaded only here. */
export function loadWinspool(): Promise<Spooler> {
  if (process.platform !== 'win32') {
    return Promise.reject(new SpoolerError('Windows printers can only be used on Windows'));
  }
  loaded ??= import('koffi').then(({ default: koffi }) => createWinspoolSpooler(bindWinspool(koffi)));
  return loaded;
}
