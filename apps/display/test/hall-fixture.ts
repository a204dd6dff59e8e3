// A small hall driven by the real `decide` and `evolve`, so the display's derivations are tested on
// states the server would really produce. The clock is the only fake.
import type {
  Actor,
  Command,
  CounterId,
  HallConfig,
  QueueState,
  ServiceId,
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
  asServiceId,
  businessDayOf,
  decide,
  emptyQueueState,
  evolveAll,
} from '@luot/shared/domain';

export const ZONE = 'Asia/Ho_Chi_Minh';
/** Monday 2 March 2026, 08:00 in Hà Nội. */
export const T0 = Date.UTC(2026, 2, 2, 1, 0);

export const LAND = asServiceId('dat-dai');
export const CIVIL = asServiceId('ho-tich');
export const BUSINESS = asServiceId('kinh-doanh');
export const Q1 = asCounterId('q1');
export const Q2 = asCounterId('q2');
export const Q3 = asCounterId('q3');
export const Q5 = asCounterId('q5');

const field = asFieldId('hanh-chinh');
const name = (vi: string, en: string) => ({ vi, en });

export function hallConfig(overrides: Partial<HallConfig> = {}): HallConfig {
  const service = (id: ServiceId, prefix: string, vi: string, en: string, kioskOrder: number) => ({
    id,
    fieldId: field,
    name: name(vi, en),
    prefix,
    firstNumber: 1,
    dailyQuota: null,
    openingHours: [],
    expectedServiceMinutes: 10,
    procedures: [],
    isActive: true,
    kioskOrder,
  });
  return {
    hall: {
      name: 'Trung tâm Hành chính công quận Ba Đình',
      address: '1 Đội Cấn',
      phone: '024 0000 0000',
      timeZone: ZONE,
      rolloverHour: 0,
      noticeLine: 'Vui lòng giữ phiếu.',
    },
    fields: [{ id: field, name: name('Hành chính', 'Administration'), kioskOrder: 1 }],
    services: [
      service(LAND, 'A', 'Đất đai', 'Land', 1),
      service(CIVIL, 'B', 'Hộ tịch', 'Civil status', 2),
      service(BUSINESS, 'E', 'Kinh doanh', 'Business', 3),
      { ...service(asServiceId('thue'), 'T', 'Thuế', 'Tax', 4), isActive: false },
    ],
    counters: [
      { id: Q1, number: 1, name: name('Quầy 1', 'Counter 1'), serviceIds: [LAND], isActive: true },
      { id: Q2, number: 2, name: name('Quầy 2', 'Counter 2'), serviceIds: [CIVIL], isActive: true },
      { id: Q3, number: 3, name: name('Quầy 3', 'Counter 3'), serviceIds: [BUSINESS, CIVIL], isActive: true },
      { id: Q5, number: 5, name: name('Quầy 5', 'Counter 5'), serviceIds: [LAND, CIVIL], isActive: true },
      {
        id: asCounterId('q9'),
        number: 9,
        name: name('Quầy 9', 'Counter 9'),
        serviceIds: [LAND],
        isActive: false,
      },
    ],
    clerks: ['lan', 'minh', 'hoa', 'tuan'].map((id) => ({
      id: asClerkId(id),
      name: id,
      title: 'Chuyên viên',
      username: id,
      isActive: true,
    })),
    priorityGroups: [],
    policy: DEFAULT_POLICY,
    satisfaction: { levels: DEFAULT_SATISFACTION_LEVELS, lowRatingReasons: [] },
    announcement: DEFAULT_ANNOUNCEMENT,
    terminals: DEFAULT_TERMINALS,
    ...overrides,
  };
}

const manager: Actor = { role: 'manager', deviceId: asDeviceId('console'), clerkId: null };

/** A hall whose state moves only through real commands; `now` is the test's clock. */
export class TestHall {
  state: QueueState;
  now = T0;
  readonly events: VersionedEvent[] = [];

  constructor(readonly config: HallConfig = hallConfig()) {
    this.state = emptyQueueState(businessDayOf(T0, ZONE, 0));
  }

  run(command: Command): VersionedEvent[] {
    const decision = decide(this.state, command, { now: this.now, config: this.config, actor: manager });
    if (!decision.ok) throw new Error(`${command.type} refused: ${decision.error.code}`);
    const events = decision.value.map((event, index) => ({
      ...event,
      version: this.state.version + index + 1,
    }));
    this.state = evolveAll(this.state, events);
    this.events.push(...events);
    return events;
  }

  issue(serviceId: ServiceId): void {
    this.run({ type: 'issue', serviceId, procedureId: null, priorityGroupId: null });
  }

  open(counterId: CounterId, clerk: string): void {
    this.run({ type: 'sign-in', counterId, clerkId: asClerkId(clerk) });
  }

  callNext(counterId: CounterId): void {
    this.run({ type: 'call-next', counterId });
  }

  recall(counterId: CounterId): void {
    this.run({ type: 'recall', counterId });
  }

  start(counterId: CounterId): void {
    this.run({ type: 'start', counterId });
  }

  noShow(counterId: CounterId): void {
    this.run({ type: 'no-show', counterId });
  }

  /** Move the counter's current ticket to another counter (which must be open and serve it). */
  transfer(counterId: CounterId, toCounterId: CounterId): void {
    const ticketId = this.state.counters[counterId]?.currentTicketId;
    if (ticketId == null) throw new Error(`no ticket at ${counterId}`);
    this.run({
      type: 'transfer',
      ticketId,
      fromCounterId: counterId,
      toServiceId: null,
      toCounterId,
      note: null,
    });
  }

  pause(counterId: CounterId): void {
    this.run({ type: 'pause-counter', counterId, reason: 'Họp' });
  }

  signOutIdle(counterId: CounterId): void {
    this.run({ type: 'sign-out', counterId, reason: 'idle' });
  }

  tick(ms: number): void {
    this.now += ms;
  }
}
