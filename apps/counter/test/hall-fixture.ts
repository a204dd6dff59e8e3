import type { HallView } from '@luot/client';
import type { Identity } from '@luot/shared/contracts';
import type {
  Actor,
  Command,
  CounterId,
  HallConfig,
  QueueState,
  ServiceConfig,
  Ticket,
  VersionedEvent,
} from '@luot/shared/domain';
import {
  DEFAULT_ANNOUNCEMENT,
  DEFAULT_POLICY,
  DEFAULT_SATISFACTION_LEVELS,
  DEFAULT_TERMINALS,
  asClerkId,
  asCounterId,
  asDeviceId,
  asFieldId,
  asPriorityGroupId,
  asProcedureId,
  asServiceId,
  decide,
  emptyQueueState,
  evolveAll,
  businessDayOf,
} from '@luot/shared/domain';

const service = (id: string, prefix: string, vi: string, en: string): ServiceConfig => ({
  id: asServiceId(id),
  fieldId: asFieldId(id),
  name: { vi, en },
  prefix,
  firstNumber: 1,
  dailyQuota: null,
  openingHours: [],
  expectedServiceMinutes: 10,
  procedures: [],
  isActive: true,
  kioskOrder: 1,
});

/** A small hall: three services, three counters (q1 serves A then B), two clerks, two priority groups. */
export const CONFIG: HallConfig = {
  hall: {
    name: 'Trung tâm Hành chính công thử nghiệm',
    address: 'Số 1',
    phone: '0',
    timeZone: 'Asia/Ho_Chi_Minh',
    rolloverHour: 0,
    noticeLine: '',
  },
  fields: [],
  services: [
    {
      ...service('dat-dai', 'A', 'Đất đai', 'Land'),
      procedures: [
        {
          id: asProcedureId('cap-gcn-lan-dau'),
          name: { vi: 'Cấp Giấy chứng nhận lần đầu', en: 'First land certificate' },
        },
      ],
    },
    service('ho-tich', 'B', 'Hộ tịch', 'Civil status'),
    service('chung-thuc', 'C', 'Chứng thực', 'Certification'),
  ],
  counters: [
    {
      id: asCounterId('q1'),
      number: 1,
      name: { vi: 'Quầy số 1', en: 'Counter 1' },
      serviceIds: [asServiceId('dat-dai'), asServiceId('ho-tich')],
      isActive: true,
    },
    {
      id: asCounterId('q2'),
      number: 2,
      name: { vi: 'Quầy số 2', en: 'Counter 2' },
      serviceIds: [asServiceId('ho-tich')],
      isActive: true,
    },
    {
      id: asCounterId('q3'),
      number: 3,
      name: { vi: 'Quầy số 3', en: 'Counter 3' },
      serviceIds: [asServiceId('chung-thuc')],
      isActive: true,
    },
  ],
  clerks: [
    {
      id: asClerkId('cb1'),
      name: 'Nguyễn Văn An',
      title: 'Công chức Địa chính',
      username: 'canbo1',
      isActive: true,
    },
    {
      id: asClerkId('cb2'),
      name: 'Trần Thị Bình',
      title: 'Công chức Tư pháp – Hộ tịch',
      username: 'canbo2',
      isActive: true,
    },
    { id: asClerkId('cb3'), name: 'Lê Văn Cường', title: 'Công chức', username: 'canbo3', isActive: true },
  ],
  priorityGroups: [
    { id: asPriorityGroupId('nguoi-cao-tuoi'), name: { vi: 'Người cao tuổi', en: 'Elderly' } },
    { id: asPriorityGroupId('phu-nu-mang-thai'), name: { vi: 'Phụ nữ mang thai', en: 'Pregnant women' } },
  ],
  policy: DEFAULT_POLICY,
  satisfaction: {
    levels: DEFAULT_SATISFACTION_LEVELS,
    lowRatingReasons: [
      { vi: 'Thời gian chờ lâu', en: 'Long wait' },
      { vi: 'Thái độ phục vụ chưa tốt', en: 'Unfriendly service' },
      { vi: 'Lý do khác', en: 'Other' },
    ],
  },
  announcement: DEFAULT_ANNOUNCEMENT,
  terminals: DEFAULT_TERMINALS,
};

export const Q1 = asCounterId('q1');
export const Q2 = asCounterId('q2');
export const Q3 = asCounterId('q3');
/** 2026-11-30 08:00 in Hồ Chí Minh City. */
export const START = Date.UTC(2026, 10, 30, 1, 0, 0);

const actors = {
  kiosk: { role: 'kiosk', deviceId: asDeviceId('kiosk-1'), clerkId: null },
  manager: { role: 'manager', deviceId: asDeviceId('manager-1'), clerkId: null },
} as const satisfies Record<string, Actor>;

/**
 * A hall's queue driven by the real domain core (`decide` then `evolve`), the same code the server runs,
 * so screens are tested against states the hall really reaches. Time is an explicit clock.
 */
export class HallScenario {
  state: QueueState;
  now = START;

  constructor(readonly config: HallConfig = CONFIG) {
    this.state = emptyQueueState(businessDayOf(START, config.hall.timeZone, config.hall.rolloverHour));
  }

  /** Move the clock on. */
  wait(ms: number): this {
    this.now += ms;
    return this;
  }

  /** Run a command as a role; throws when the domain refuses (a broken fixture, not a test result). */
  act(command: Command, actor: Actor = actors.manager): readonly VersionedEvent[] {
    const decision = decide(this.state, command, { now: this.now, config: this.config, actor });
    if (!decision.ok)
      throw new Error(`${command.type} refused: ${decision.error.code} ${decision.error.message}`);
    const events: VersionedEvent[] = decision.value.map((event, index) => ({
      ...event,
      version: this.state.version + index + 1,
    }));
    this.state = evolveAll(this.state, events);
    return events;
  }

  /** Issue a ticket at the kiosk and return it. */
  issue(serviceId: string, priorityGroupId: string | null = null, procedureId: string | null = null): Ticket {
    const events = this.act(
      {
        type: 'issue',
        serviceId: asServiceId(serviceId),
        procedureId: procedureId === null ? null : asProcedureId(procedureId),
        priorityGroupId: priorityGroupId === null ? null : asPriorityGroupId(priorityGroupId),
      },
      actors.kiosk,
    );
    const issued = events.find((event) => event.type === 'ticket.issued');
    if (issued?.type !== 'ticket.issued') throw new Error('no ticket issued');
    return this.ticket(issued.number);
  }

  /** Sign a clerk in at a counter (which opens it). */
  signIn(counterId: CounterId, clerk: 'cb1' | 'cb2' | 'cb3'): this {
    this.act({ type: 'sign-in', counterId, clerkId: asClerkId(clerk) });
    return this;
  }

  /** A ticket by its printed number. */
  ticket(number: string): Ticket {
    const found = Object.values(this.state.tickets).find((ticket) => ticket.number === number);
    if (!found) throw new Error(`no ticket ${number}`);
    return found;
  }

  /** What a counter terminal paired to `counterId` would render from. */
  view(
    counterId: CounterId,
    overrides: Partial<HallView> = {},
  ): HallView & { state: QueueState; config: HallConfig } {
    const identity: Identity = {
      role: 'counter',
      deviceId: asDeviceId(`terminal-${counterId}`),
      deviceName: `terminal ${counterId}`,
      counterId,
      clerkId: this.state.counters[counterId]?.clerkId ?? null,
    };
    return {
      status: 'online',
      state: this.state,
      config: this.config,
      identity,
      clockOffsetMs: 0,
      sessionEnded: null,
      devices: {},
      ...overrides,
    } as HallView & { state: QueueState; config: HallConfig };
  }
}
