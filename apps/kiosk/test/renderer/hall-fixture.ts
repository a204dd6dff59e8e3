// A small hall for the renderer's tests, and a hall port driven by the real domain core (`decide`,
// `evolve`, `estimateWait`): the flow is tested against the real queue rules, with no transport.
import type { Ack, CommandOutcome, IssueOutcome } from '@luot/shared/contracts';
import {
  DEFAULT_ANNOUNCEMENT,
  DEFAULT_POLICY,
  DEFAULT_SATISFACTION_LEVELS,
  DEFAULT_TERMINALS,
  asCounterId,
  asDeviceId,
  asFieldId,
  asPriorityGroupId,
  asProcedureId,
  asServiceId,
  decide,
  emptyQueueState,
  estimateWait,
  evolveAll,
  type FieldConfig,
  type HallConfig,
  type QueueState,
  type ServiceConfig,
  type VersionedEvent,
} from '@luot/shared/domain';
import type { HallPort, TicketRequest } from '../../src/renderer/issue-flow.ts';

export const ZONE = 'Asia/Ho_Chi_Minh';
/** Monday 2 March 2026, 09:00 in Hà Nội. */
export const MONDAY_9AM = Date.UTC(2026, 2, 2, 2, 0);
/** The same Monday at 20:00, after office hours. */
export const MONDAY_8PM = Date.UTC(2026, 2, 2, 13, 0);

const text = (vi: string, en: string) => ({ vi, en });

function service(
  id: string,
  fieldId: string,
  name: [string, string],
  prefix: string,
  extra: Partial<ServiceConfig> = {},
): ServiceConfig {
  return {
    id: asServiceId(id),
    fieldId: asFieldId(fieldId),
    name: text(...name),
    prefix,
    firstNumber: 1,
    dailyQuota: null,
    openingHours: [],
    expectedServiceMinutes: 10,
    procedures: [],
    isActive: true,
    kioskOrder: 0,
    ...extra,
  };
}

/** Fields: land (two services), civil status (one service with procedures), justice (quota 2), tax (inactive). */
export function testHall(
  extraFields: readonly FieldConfig[] = [],
  extraServices: readonly ServiceConfig[] = [],
): HallConfig {
  const services = [
    service('dat-dai', 'dat-dai', ['Cấp Giấy chứng nhận quyền sử dụng đất', 'Land certificates'], 'A'),
    service('do-dac', 'dat-dai', ['Trích đo địa chính', 'Cadastral survey'], 'AB', {
      openingHours: [{ weekdays: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' }],
    }),
    service('ho-tich', 'ho-tich', ['Hộ tịch: khai sinh, kết hôn', 'Civil status'], 'B', {
      procedures: [
        { id: asProcedureId('khai-sinh'), name: text('Đăng ký khai sinh', 'Birth registration') },
        { id: asProcedureId('ket-hon'), name: text('Đăng ký kết hôn', 'Marriage registration') },
      ],
    }),
    service('chung-thuc', 'tu-phap', ['Chứng thực bản sao', 'Certified copies'], 'C', { dailyQuota: 2 }),
    service('thue', 'thue', ['Kê khai thuế', 'Tax returns'], 'T', { isActive: false }),
    ...extraServices,
  ].map((entry, index) => ({ ...entry, kioskOrder: index + 1 }));
  const fields: FieldConfig[] = [
    { id: asFieldId('dat-dai'), name: text('Đất đai', 'Land'), kioskOrder: 1 },
    { id: asFieldId('ho-tich'), name: text('Hộ tịch', 'Civil status'), kioskOrder: 2 },
    { id: asFieldId('tu-phap'), name: text('Tư pháp', 'Justice'), kioskOrder: 3 },
    { id: asFieldId('thue'), name: text('Thuế', 'Tax'), kioskOrder: 4 },
    { id: asFieldId('trong'), name: text('Lĩnh vực chưa có dịch vụ', 'Empty field'), kioskOrder: 5 },
    ...extraFields,
  ];
  return {
    hall: {
      name: 'UBND Phường Bến Nghé',
      address: '',
      phone: '',
      timeZone: ZONE,
      rolloverHour: 0,
      noticeLine: '',
    },
    fields,
    services,
    counters: [
      {
        id: asCounterId('q1'),
        number: 1,
        name: text('Quầy 1', 'Counter 1'),
        serviceIds: services.map((s) => s.id),
        isActive: true,
      },
    ],
    clerks: [],
    priorityGroups: [
      { id: asPriorityGroupId('nguoi-cao-tuoi'), name: text('Người cao tuổi', 'Elderly') },
      { id: asPriorityGroupId('phu-nu-mang-thai'), name: text('Phụ nữ mang thai', 'Pregnant women') },
    ],
    policy: DEFAULT_POLICY,
    satisfaction: { levels: DEFAULT_SATISFACTION_LEVELS, lowRatingReasons: [] },
    announcement: DEFAULT_ANNOUNCEMENT,
    terminals: DEFAULT_TERMINALS,
  };
}

/** A hall with `count` extra fields of one service each (for paging). */
export function bigHall(count: number): HallConfig {
  const fields: FieldConfig[] = [];
  const services: ServiceConfig[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = `linh-vuc-${index + 1}`;
    fields.push({
      id: asFieldId(id),
      name: text(`Lĩnh vực số ${index + 1}`, `Field ${index + 1}`),
      kioskOrder: 10 + index,
    });
    services.push(
      service(
        id,
        id,
        [`Dịch vụ số ${index + 1}`, `Service ${index + 1}`],
        `X${String.fromCharCode(65 + (index % 26))}`,
      ),
    );
  }
  return testHall(fields, services);
}

/**
 * The server's side of the kiosk as the real domain core decides it: a ticket is recorded (evolved into
 * the state) before the ack resolves, exactly as the hall server does, minus the socket.
 */
export class DomainHall implements HallPort {
  state: QueueState;
  online = true;
  readonly printResults: { ticketId: number; isPrinted: boolean; failure: string | null }[] = [];
  issueCalls = 0;
  private codes = 0;
  /** The province hub's public address the server names for status pages (null: the hall's own page). */
  hubStatusBase: string | null = null;

  constructor(
    readonly config: HallConfig,
    private readonly now: () => number = () => MONDAY_9AM,
  ) {
    this.state = emptyQueueState('2026-03-02');
  }

  isOnline(): boolean {
    return this.online;
  }

  issue(request: TicketRequest): Promise<Ack<IssueOutcome>> {
    this.issueCalls += 1;
    const decision = decide(
      this.state,
      { type: 'issue', ...request },
      {
        now: this.now(),
        config: this.config,
        actor: { role: 'kiosk', deviceId: asDeviceId('kiosk-1'), clerkId: null },
      },
    );
    if (!decision.ok) return Promise.resolve({ ok: false, error: decision.error });
    const events: VersionedEvent[] = decision.value.map((event, index) => ({
      ...event,
      version: this.state.version + index + 1,
    }));
    this.state = evolveAll(this.state, events);
    const issued = events.find((event) => event.type === 'ticket.issued');
    if (issued?.type !== 'ticket.issued') throw new Error('no ticket issued');
    const ticket = this.state.tickets[issued.ticketId]!;
    this.codes += 1;
    return Promise.resolve({
      ok: true,
      value: {
        version: this.state.version,
        events,
        ticket,
        publicCode: `code${String(this.codes).padStart(6, '0')}`,
        ...(this.hubStatusBase === null
          ? {}
          : { statusUrl: `${this.hubStatusBase}/t/code${String(this.codes).padStart(6, '0')}` }),
        wait: estimateWait(this.state, this.config, ticket.serviceId, ticket.id),
      },
    });
  }

  recordPrint(result: {
    ticketId: number;
    isPrinted: boolean;
    failure: string | null;
  }): Promise<Ack<CommandOutcome>> {
    this.printResults.push(result);
    return Promise.resolve({ ok: true, value: { version: this.state.version, events: [] } });
  }

  ticketCount(): number {
    return Object.keys(this.state.tickets).length;
  }
}
