import { describe, expect, it } from 'vitest';
import type { PrintableTicket } from '@luot/shared/ticket';
import type { KioskBridge } from '../../src/bridge.ts';
import { bridgePrinter, canPrintIn, printerFor, screenPrinter } from '../../src/renderer/printer-port.ts';

const ticket: PrintableTicket = {
  hallName: 'UBND Phường Bến Nghé',
  number: 'A001',
  serviceName: 'Đất đai',
  issuedAt: 0,
  timeZone: 'Asia/Ho_Chi_Minh',
  peopleAhead: 0,
  waitMinutes: null,
  statusUrl: 'http://hall.local:8080/t/abcd1234',
};

describe('printer ports', () => {
  it('only ok and paper_low can print', () => {
    expect(
      ['ok', 'paper_low', 'paper_out', 'cover_open', 'offline', 'no_answer'].filter((state) =>
        canPrintIn(state as never),
      ),
    ).toEqual(['ok', 'paper_low']);
  });

  it('uses the screen in a browser, which checks the ticket like the main process does', async () => {
    const printer = printerFor(undefined);
    expect(printer.isScreen).toBe(true);
    expect((await printer.printerStatus()).state).toBe('ok');
    expect((await printer.print(ticket)).ok).toBe(true);
    expect(await screenPrinter().print({ ...ticket, number: 'a1' })).toMatchObject({
      ok: false,
      failure: 'write_failed',
    });
  });

  it('turns a refused or broken bridge call into "offline", never a thrown error', async () => {
    const broken: KioskBridge = {
      printerStatus: () => Promise.reject(new Error('sender is not the hall server')),
      print: () => Promise.reject(new Error('ipc closed')),
    };
    const printer = printerFor(broken);
    expect(printer.isScreen).toBe(false);
    expect(await printer.printerStatus()).toEqual({
      state: 'offline',
      detail: 'bridge: sender is not the hall server',
    });
    expect(await bridgePrinter(broken).print(ticket)).toMatchObject({
      ok: false,
      failure: 'write_failed',
      status: { state: 'offline' },
    });
  });
});
