// The configuration rules a manager cannot get past: the console shows these beside the field, and the
// server refuses a configuration with any error in the same words (decide → CONFIG_INVALID).
import { describe, expect, it } from 'vitest';
import {
  asCounterId,
  asServiceId,
  businessDayOf,
  configIssueKey,
  configIssues,
  decide,
  emptyQueueState,
  isBlockingIssue,
  issuesAt,
  type ConfigIssue,
  type HallConfig,
} from '../../src/domain/index.ts';
import { CLERK, COUNTER, MANAGER, SERVICE, T0, ZONE, hallConfig } from '../fixtures/hall.ts';

const withService = (index: number, change: Partial<HallConfig['services'][number]>): HallConfig => {
  const config = hallConfig();
  return {
    ...config,
    services: config.services.map((service, at) => (at === index ? { ...service, ...change } : service)),
  };
};

const brief = (issues: readonly ConfigIssue[]) =>
  issues.map(({ severity, code, path }) => ({ severity, code, key: configIssueKey(path) }));

describe('configIssues', () => {
  it('finds nothing wrong with a coherent hall', () => {
    expect(configIssues(hallConfig())).toEqual([]);
  });

  it('requires a Vietnamese name and lets an empty English name fall back to it', () => {
    const nameless = withService(0, { name: { vi: '  ', en: '' } });
    expect(brief(configIssues(nameless))).toEqual([
      { severity: 'error', code: 'name-required', key: 'service/dat-dai/name.vi' },
    ]);
    // A service is named by its place while it has no name: never by its internal id.
    expect(configIssues(nameless)[0]!.message).toEqual({
      vi: 'Dịch vụ thứ 1 (chưa có tên): cần nhập tên tiếng Việt.',
      en: 'Service 1 (no name yet): a Vietnamese name is required (an empty English name shows the Vietnamese one).',
    });
    const englishless = withService(0, { name: { vi: 'Đất đai', en: '' } });
    expect(configIssues(englishless)).toEqual([]);
    // The English message uses the Vietnamese name when the English one is empty.
    const duplicate = withService(1, { name: { vi: 'Hộ tịch', en: '' }, prefix: 'A' });
    expect(configIssues(duplicate).map((issue) => issue.message)).toEqual([
      {
        vi: 'Dịch vụ “Hộ tịch”: ký hiệu “A” đã dùng cho Dịch vụ “Đất đai”. Mỗi dịch vụ cần một ký hiệu riêng.',
        en: 'Service “Hộ tịch”: the prefix “A” is already used by Service “Land”. Each service needs its own.',
      },
    ]);
  });

  it('requires names of fields, procedures, counters, clerks and priority groups, and user names', () => {
    const base = hallConfig();
    const config: HallConfig = {
      ...base,
      hall: { ...base.hall, name: '' },
      fields: base.fields.map((field) => ({ ...field, name: { vi: '', en: 'Administration' } })),
      services: base.services.map((service, index) =>
        index === 0
          ? { ...service, procedures: service.procedures.map((p) => ({ ...p, name: { vi: '', en: '' } })) }
          : service,
      ),
      counters: base.counters.map((counter, index) =>
        index === 1 ? { ...counter, name: { vi: '', en: '' } } : counter,
      ),
      clerks: base.clerks.map((clerk, index) =>
        index === 2 ? { ...clerk, name: ' ', username: '' } : clerk,
      ),
      priorityGroups: base.priorityGroups.map((group, index) =>
        index === 0 ? { ...group, name: { vi: '', en: 'Elderly' } } : group,
      ),
    };
    expect(brief(configIssues(config)).map((issue) => issue.key)).toEqual([
      'hall/-/name',
      'field/hanh-chinh/name.vi',
      'procedure/dat-dai/cap-gcn/name.vi',
      'counter/q2/name.vi',
      'clerk/hoa/name',
      'clerk/hoa/username',
      'priorityGroup/elderly/name.vi',
    ]);
    expect(configIssues(config).every(isBlockingIssue)).toBe(true);
  });

  it.each([
    ['a lower-case letter', 'a', 'prefix-format'],
    ['three letters', 'ABC', 'prefix-format'],
    ['nothing', '', 'prefix-format'],
    ['a digit', 'A1', 'prefix-format'],
    ['a Vietnamese letter with no spoken name', 'Ư', 'prefix-format'],
  ])('refuses a prefix of %s', (_what, prefix, code) => {
    expect(brief(configIssues(withService(0, { prefix })))).toEqual([
      { severity: 'error', code, key: 'service/dat-dai/prefix' },
    ]);
  });

  it('accepts Đ and ĐA as prefixes: the announcer says "đê"', () => {
    expect(configIssues(withService(0, { prefix: 'Đ' }))).toEqual([]);
    expect(configIssues(withService(0, { prefix: 'ĐA' }))).toEqual([]);
  });

  it('wants prefixes unique among the active services, an archived one may keep its letter', () => {
    expect(brief(configIssues(withService(1, { prefix: 'A' })))).toEqual([
      { severity: 'error', code: 'duplicate-prefix', key: 'service/ho-tich/prefix' },
    ]);
    // Thuế (index 4) is switched off: its T may repeat.
    expect(configIssues(withService(0, { prefix: 'T' }))).toEqual([]);
  });

  it('wants opening hours that parse and end after they start; a window with no weekday is a warning', () => {
    const windows = (openingHours: HallConfig['services'][number]['openingHours']) =>
      brief(configIssues(withService(3, { openingHours })));
    expect(windows([{ weekdays: [1], from: '7:30', to: '24:00' }])).toEqual([
      { severity: 'error', code: 'time-format', key: 'service/bhxh/openingHours.0.from' },
      { severity: 'error', code: 'time-format', key: 'service/bhxh/openingHours.0.to' },
    ]);
    expect(windows([{ weekdays: [1], from: '11:30', to: '07:30' }])).toEqual([
      { severity: 'error', code: 'window-order', key: 'service/bhxh/openingHours.0.to' },
    ]);
    expect(windows([{ weekdays: [], from: '07:30', to: '11:30' }])).toEqual([
      { severity: 'warning', code: 'window-no-weekday', key: 'service/bhxh/openingHours.0.weekdays' },
    ]);
    const config = hallConfig();
    const hallHours: HallConfig = {
      ...config,
      hall: { ...config.hall, openingHours: [{ weekdays: [1], from: '08:00', to: '8:00' }] },
    };
    expect(brief(configIssues(hallHours))).toEqual([
      { severity: 'error', code: 'time-format', key: 'hall/-/openingHours.0.to' },
    ]);
  });

  it('wants a quota of at least 0, and warns that 0 issues nothing', () => {
    expect(brief(configIssues(withService(0, { dailyQuota: -5 })))).toEqual([
      { severity: 'error', code: 'quota-negative', key: 'service/dat-dai/dailyQuota' },
    ]);
    expect(brief(configIssues(withService(0, { dailyQuota: 0 })))).toEqual([
      { severity: 'warning', code: 'quota-zero', key: 'service/dat-dai/dailyQuota' },
    ]);
    expect(configIssues(withService(0, { dailyQuota: 200 }))).toEqual([]);
  });

  it('wants each active counter to serve a service, and warns about a service no counter serves', () => {
    const base = hallConfig();
    const config: HallConfig = {
      ...base,
      counters: base.counters.map((counter) =>
        counter.id === COUNTER.q5 ? { ...counter, serviceIds: [] } : counter,
      ),
    };
    expect(brief(configIssues(config))).toEqual([
      { severity: 'error', code: 'counter-without-service', key: 'counter/q5/serviceIds' },
      { severity: 'warning', code: 'service-without-counter', key: 'service/bhxh/counters' },
    ]);
    const warning = configIssues(config)[1]!;
    expect(warning.message.vi).toBe(
      'Dịch vụ “Bảo hiểm xã hội”: chưa có quầy nào phục vụ, số đã cấp sẽ không được gọi.',
    );
    // An inactive counter may keep an empty list; it does not count as serving.
    const idle: HallConfig = {
      ...base,
      counters: base.counters.map((counter) =>
        counter.id === COUNTER.q9 ? { ...counter, serviceIds: [] } : counter,
      ),
    };
    expect(configIssues(idle)).toEqual([]);
  });

  it('checks the counters a clerk may work at: unknown ids and an empty list are errors, an archived counter a warning', () => {
    const base = hallConfig({ counters: { q4: { isArchived: true } } });
    const withClerk = (change: Partial<HallConfig['clerks'][number]>, id = CLERK.lan): HallConfig => ({
      ...base,
      clerks: base.clerks.map((clerk) => (clerk.id === id ? { ...clerk, ...change } : clerk)),
    });
    // No list at all (every configuration saved before the list existed): every counter, no issue.
    expect(base.clerks.every((clerk) => clerk.counterIds === undefined)).toBe(true);
    expect(configIssues(base).filter((issue) => issue.path.entity === 'clerk')).toEqual([]);
    expect(configIssues(withClerk({ counterIds: [COUNTER.q1, COUNTER.q2] }))).toEqual(configIssues(base));
    const broken = withClerk({ counterIds: [COUNTER.q1, asCounterId('q77'), COUNTER.q4] });
    expect(brief(configIssues(broken)).filter((issue) => issue.key.startsWith('clerk/'))).toEqual([
      { severity: 'error', code: 'unknown-counter', key: 'clerk/lan/counterIds' },
      { severity: 'warning', code: 'clerk-counter-archived', key: 'clerk/lan/counterIds' },
    ]);
    expect(
      configIssues(broken)
        .filter((issue) => issue.path.entity === 'clerk')
        .map((issue) => issue.message.vi),
    ).toEqual([
      'Cán bộ Nguyễn Thị Lan: được làm việc tại một quầy không còn trong cấu hình (q77).',
      'Cán bộ Nguyễn Thị Lan: Quầy “Quầy 4” đã lưu trữ, cán bộ không đăng nhập được tại quầy này cho đến khi khôi phục.',
    ]);
    // An empty list: a clerk in service who could sign in nowhere is an error, beside the checkboxes.
    const nowhere = configIssues(withClerk({ counterIds: [] }));
    expect(brief(issuesAt(nowhere, { entity: 'clerk', id: CLERK.lan, field: 'counterIds' }))).toEqual([
      { severity: 'error', code: 'clerk-without-counter', key: 'clerk/lan/counterIds' },
    ]);
    expect(nowhere[0]!.message.en).toBe(
      'Clerk Nguyễn Thị Lan: choose at least one counter to work at (or “Every counter”), or the clerk cannot sign in.',
    );
    // An inactive (or archived) clerk may keep an empty list: they sign in nowhere anyway.
    expect(configIssues(withClerk({ counterIds: [] }, CLERK.former))).toEqual(configIssues(base));
  });

  it('keeps the checks of ids, numbers and references', () => {
    const base = hallConfig();
    const config: HallConfig = {
      ...base,
      services: [...base.services, { ...base.services[0]!, prefix: 'X' }],
      counters: base.counters.map((counter) =>
        counter.id === COUNTER.q2
          ? { ...counter, number: 1, serviceIds: [...counter.serviceIds, asServiceId('khong-co')] }
          : counter,
      ),
      clerks: base.clerks.map((clerk, index) => (index === 1 ? { ...clerk, username: 'LAN' } : clerk)),
    };
    expect(brief(configIssues(config))).toEqual([
      { severity: 'error', code: 'duplicate-id', key: 'service/dat-dai/id' },
      { severity: 'error', code: 'unknown-service', key: 'counter/q2/serviceIds' },
      { severity: 'error', code: 'duplicate-counter-number', key: 'counter/q2/number' },
      { severity: 'error', code: 'duplicate-username', key: 'clerk/minh/username' },
    ]);
    expect(configIssues(config)[2]!.message.vi).toBe('Quầy “Quầy 2”: số quầy 1 đã dùng cho Quầy “Quầy 1”.');
  });

  it('checks numbers a manager types against their range, in words', () => {
    const base = hallConfig();
    const config: HallConfig = {
      ...base,
      hall: { ...base.hall, rolloverHour: 24 },
      services: base.services.map((service, index) =>
        index === 0 ? { ...service, expectedServiceMinutes: 0, firstNumber: 1.5 } : service,
      ),
      counters: base.counters.map((counter, index) => (index === 0 ? { ...counter, number: 0 } : counter)),
      policy: { priorityBound: 0, recallLimit: 11, noShowGraceMinutes: -1 },
      terminals: { idleSignOutMinutes: 0, feedbackIdleSeconds: 1 },
    };
    const issues = configIssues(config);
    expect(brief(issues).map((issue) => issue.key)).toEqual([
      'hall/-/rolloverHour',
      'service/dat-dai/firstNumber',
      'service/dat-dai/expectedServiceMinutes',
      'counter/q1/number',
      'policy/-/priorityBound',
      'policy/-/recallLimit',
      'policy/-/noShowGraceMinutes',
      'terminals/-/idleSignOutMinutes',
      'terminals/-/feedbackIdleSeconds',
    ]);
    expect(issues.every((issue) => issue.code === 'out-of-range')).toBe(true);
    expect(issues[4]!.message).toEqual({
      vi: 'Quy tắc gọi số: số lượt ưu tiên liên tiếp tối đa phải là số nguyên từ 1 đến 100.',
      en: 'Calling rules: the most priority calls in a row must be a whole number from 1 to 100.',
    });
  });

  it('keeps the announcement speakable and the satisfaction scale meaningful', () => {
    const base = hallConfig();
    const config: HallConfig = {
      ...base,
      hall: { ...base.hall, timeZone: 'Mars/Olympus' },
      announcement: {
        ...base.announcement,
        template: 'Mời số {ticket} tới ngay',
        quietHours: { from: '22:00', to: '6:00' },
      },
      satisfaction: {
        ...base.satisfaction,
        levels: base.satisfaction.levels.map((level) => ({ ...level, isSatisfied: false })),
      },
    };
    expect(brief(configIssues(config)).map((issue) => issue.code)).toEqual([
      'unknown-time-zone',
      'no-satisfied-level',
      'template-unknown-words',
      'template-placeholders',
      'time-format',
    ]);
  });

  it('puts each issue where the console shows it', () => {
    const config = withService(1, { prefix: 'A', name: { vi: '', en: '' } });
    const issues = configIssues(config);
    expect(
      issuesAt(issues, { entity: 'service', id: 'ho-tich', field: 'prefix' }).map((i) => i.code),
    ).toEqual(['duplicate-prefix']);
    expect(issuesAt(issues, { entity: 'service', id: 'ho-tich', field: 'name' }).map((i) => i.code)).toEqual([
      'name-required',
    ]);
    expect(issuesAt(issues, { entity: 'service', id: 'ho-tich' })).toHaveLength(2);
    expect(issuesAt(issues, { entity: 'service', id: 'dat-dai' })).toEqual([]);
  });
});

describe('configure (the server runs the same rules)', () => {
  const context = { now: T0, config: hallConfig(), actor: MANAGER };

  it('refuses a configuration with an error, with every issue in the same words', () => {
    const config = withService(0, { name: { vi: '', en: '' }, prefix: 'B' });
    const decision = decide(
      emptyQueueState(businessDayOf(T0, ZONE, 0)),
      { type: 'configure', config },
      context,
    );
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.error.code).toBe('CONFIG_INVALID');
    expect(decision.error.configIssues).toEqual(configIssues(config));
    expect(decision.error.configIssues?.map((issue) => issue.code)).toEqual([
      'name-required',
      'duplicate-prefix',
    ]);
  });

  it('publishes a configuration that only has warnings', () => {
    const base = hallConfig();
    const config: HallConfig = {
      ...base,
      counters: base.counters.map((counter) =>
        counter.id === COUNTER.q5
          ? { ...counter, serviceIds: [SERVICE.land], id: asCounterId('q5') }
          : counter,
      ),
    };
    expect(configIssues(config).map((issue) => issue.severity)).toEqual(['warning']);
    const decision = decide(
      emptyQueueState(businessDayOf(T0, ZONE, 0)),
      { type: 'configure', config },
      context,
    );
    expect(decision.ok).toBe(true);
  });
});

describe('archive instead of delete', () => {
  const context = { now: T0, config: hallConfig(), actor: MANAGER };
  const day = () => emptyQueueState(businessDayOf(T0, ZONE, 0));

  it('refuses to remove a published service, counter or clerk, in words that say to archive it', () => {
    const published = hallConfig();
    const draft: HallConfig = {
      ...published,
      services: published.services.filter((service) => service.id !== SERVICE.tax),
      counters: published.counters.filter((counter) => counter.id !== COUNTER.q9),
      clerks: published.clerks.slice(1),
    };
    const issues = configIssues(draft, published);
    expect(brief(issues)).toEqual([
      { severity: 'error', code: 'removed-not-archived', key: 'service/thue/id' },
      { severity: 'error', code: 'removed-not-archived', key: 'counter/q9/id' },
      { severity: 'error', code: 'removed-not-archived', key: 'clerk/lan/id' },
    ]);
    expect(issues[0]!.message.vi).toBe(
      'Dịch vụ “Thuế”: đã dùng trong Trung tâm nên không xóa được, chỉ lưu trữ (để báo cáo và nhật ký vẫn ghi tên).',
    );
    // Without the published configuration (a first check of a draft) removal is not judged.
    expect(configIssues(draft)).toEqual([]);
    const decision = decide(day(), { type: 'configure', config: draft }, context);
    expect(decision.ok || decision.error.code).toBe('CONFIG_INVALID');
  });

  it('accepts archiving, and an archived service neither needs a counter nor blocks its prefix', () => {
    const published = hallConfig();
    const draft: HallConfig = {
      ...published,
      services: published.services.map((service) =>
        service.id === SERVICE.insurance ? { ...service, isArchived: true } : service,
      ),
      // The counter that served only it is archived too; its empty list is no longer a problem.
      counters: published.counters.map((counter) =>
        counter.id === COUNTER.q5 ? { ...counter, isArchived: true, serviceIds: [] } : counter,
      ),
    };
    expect(configIssues(draft, published)).toEqual([]);
    const reused = {
      ...draft,
      services: draft.services.map((service) =>
        service.id === SERVICE.land ? { ...service, prefix: 'D' } : service,
      ),
    };
    expect(configIssues(reused, published)).toEqual([]);
    // Restoring it brings the prefix clash back.
    const restored = {
      ...reused,
      services: reused.services.map((service) =>
        service.id === SERVICE.insurance ? { ...service, isArchived: false } : service,
      ),
    };
    expect(brief(configIssues(restored, published)).map((issue) => issue.code)).toContain('duplicate-prefix');
  });

  it('refuses tickets for an archived service or procedure, sign-in of an archived clerk, calls at an archived counter', () => {
    const base = hallConfig();
    const config: HallConfig = {
      ...base,
      services: base.services.map((service) =>
        service.id === SERVICE.land
          ? { ...service, isArchived: true }
          : service.id === SERVICE.civil
            ? { ...service, procedures: service.procedures.map((p) => ({ ...p, isArchived: true })) }
            : service,
      ),
      counters: base.counters.map((counter) =>
        counter.id === COUNTER.q2 ? { ...counter, isArchived: true } : counter,
      ),
      clerks: base.clerks.map((clerk) => (clerk.id === CLERK.lan ? { ...clerk, isArchived: true } : clerk)),
    };
    const archivedContext = { ...context, config };
    const kiosk = { ...archivedContext, actor: { role: 'kiosk' as const, deviceId: null, clerkId: null } };
    const land = decide(
      day(),
      { type: 'issue', serviceId: SERVICE.land, priorityGroupId: null, procedureId: null },
      kiosk,
    );
    expect(land.ok || land.error.code).toBe('SERVICE_INACTIVE');
    const birth = decide(
      day(),
      {
        type: 'issue',
        serviceId: SERVICE.civil,
        priorityGroupId: null,
        procedureId: base.services[1]!.procedures[0]!.id,
      },
      kiosk,
    );
    expect(birth.ok || birth.error.code).toBe('NOT_FOUND');
    const open = decide(day(), { type: 'open-counter', counterId: COUNTER.q2 }, archivedContext);
    expect(open.ok || open.error.code).toBe('NOT_FOUND');
    const signIn = decide(
      day(),
      { type: 'sign-in', counterId: COUNTER.q1, clerkId: CLERK.lan },
      archivedContext,
    );
    expect(signIn.ok || signIn.error.code).toBe('NOT_FOUND');
    // The same commands pass in the unarchived hall: the refusals are the archive's doing.
    const openBefore = decide(day(), { type: 'open-counter', counterId: COUNTER.q2 }, context);
    expect(openBefore.ok || openBefore.error.code).not.toBe('NOT_FOUND');
    expect(decide(day(), { type: 'sign-in', counterId: COUNTER.q1, clerkId: CLERK.lan }, context).ok).toBe(
      true,
    );
  });
});
