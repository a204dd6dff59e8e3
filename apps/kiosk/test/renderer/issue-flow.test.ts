import { describe, expect, it } from 'vitest';
import { asPriorityGroupId, asProcedureId, asServiceId } from '@luot/shared/domain';
import { printableTicketSchema } from '@luot/shared/ticket';
import type { BridgePrinterStatus } from '../../src/bridge.ts';
import { issueAndPrint, type TicketRequest } from '../../src/renderer/issue-flow.ts';
import { FakePrinter } from './fake-printer.ts';
import { DomainHall, testHall } from './hall-fixture.ts';

const config = testHall();
const request: TicketRequest = {
  serviceId: asServiceId('ho-tich'),
  procedureId: asProcedureId('khai-sinh'),
  priorityGroupId: asPriorityGroupId('nguoi-cao-tuoi'),
};

function setUp() {
  const hall = new DomainHall(config);
  const printer = new FakePrinter();
  const statuses: BridgePrinterStatus[] = [];
  const context = {
    hall,
    printer,
    config,
    origin: 'http://hall.local:8080',
    onPrinterStatus: (s: BridgePrinterStatus) => statuses.push(s),
  };
  return { hall, printer, statuses, context };
}

describe('issueAndPrint', () => {
  it('checks the printer, has the ticket recorded, then prints it and reports that it printed', async () => {
    const { hall, printer, context } = setUp();
    const result = await issueAndPrint(request, context);
    expect(result.kind).toBe('issued');
    if (result.kind !== 'issued') return;
    expect(printer.calls).toEqual(['status', 'print B001']);
    expect(hall.ticketCount()).toBe(1);
    expect(result.issued.ticket).toMatchObject({
      number: 'B001',
      priorityGroupId: 'nguoi-cao-tuoi',
      procedureId: 'khai-sinh',
    });
    expect(result.issued.isPrinted).toBe(true);
    expect(hall.printResults).toEqual([
      { ticketId: result.issued.ticket.id, isPrinted: true, failure: null },
    ]);
    // What was printed is exactly what the main process will accept, in Vietnamese.
    const printed = printableTicketSchema.parse(printer.printed[0]);
    expect(printed).toMatchObject({
      hallName: 'UBND Phường Bến Nghé',
      number: 'B001',
      serviceName: 'Hộ tịch: khai sinh, kết hôn',
      procedureName: 'Đăng ký khai sinh',
      priorityLabel: 'Người cao tuổi',
      timeZone: 'Asia/Ho_Chi_Minh',
      peopleAhead: 0,
      statusUrl: 'http://hall.local:8080/t/code000001',
    });
  });

  it("prints the province hub's status page in the QR code when the server gives one", async () => {
    const { hall, printer, context } = setUp();
    hall.hubStatusBase = 'https://hub.lamdong.example.vn';
    expect((await issueAndPrint(request, context)).kind).toBe('issued');
    expect(printableTicketSchema.parse(printer.printed[0]).statusUrl).toBe(
      'https://hub.lamdong.example.vn/t/code000001',
    );
  });

  it('issues nothing when the printer cannot print, and says why', async () => {
    const { hall, printer, statuses, context } = setUp();
    printer.state = 'paper_out';
    const result = await issueAndPrint(request, context);
    expect(result).toEqual({ kind: 'refused', refusal: { kind: 'printer', state: 'paper_out' } });
    expect(hall.issueCalls).toBe(0);
    expect(hall.ticketCount()).toBe(0);
    expect(statuses.map((status) => status.state)).toEqual(['paper_out']);
  });

  it('still prints when the paper is only running low', async () => {
    const { printer, context } = setUp();
    printer.state = 'paper_low';
    expect((await issueAndPrint(request, context)).kind).toBe('issued');
  });

  it('issues nothing while the hall server is unreachable', async () => {
    const { hall, context } = setUp();
    hall.online = false;
    expect(await issueAndPrint(request, context)).toEqual({ kind: 'refused', refusal: { kind: 'offline' } });
    expect(hall.issueCalls).toBe(0);
  });

  it("passes the server's refusal on (quota reached) and prints nothing", async () => {
    const { hall, printer, context } = setUp();
    const copies = { serviceId: asServiceId('chung-thuc'), procedureId: null, priorityGroupId: null };
    expect((await issueAndPrint(copies, context)).kind).toBe('issued');
    expect((await issueAndPrint(copies, context)).kind).toBe('issued');
    const third = await issueAndPrint(copies, context);
    expect(third).toEqual({ kind: 'refused', refusal: { kind: 'server', code: 'QUOTA_REACHED' } });
    expect(hall.ticketCount()).toBe(2);
    expect(printer.printed.map((ticket) => ticket.number)).toEqual(['C001', 'C002']);
  });

  it('keeps a recorded ticket whose printing failed, and tells the server it was not printed', async () => {
    const { hall, printer, statuses, context } = setUp();
    printer.failPrintsWith = 'write_failed';
    const result = await issueAndPrint(request, context);
    expect(result.kind).toBe('issued');
    if (result.kind !== 'issued') return;
    expect(result.issued.isPrinted).toBe(false);
    expect(result.issued.printFailure).toBe('write_failed');
    expect(result.issued.printFailureState).toBe('offline');
    expect(hall.ticketCount()).toBe(1);
    expect(hall.printResults).toEqual([
      {
        ticketId: result.issued.ticket.id,
        isPrinted: false,
        failure: 'write_failed: offline (fake write failed)',
      },
    ]);
    expect(statuses.map((status) => status.state)).toEqual(['ok', 'offline']);
  });
});
