// `config:update`: the whole hall configuration is parsed at the edge like every other payload, and a
// real district hall's configuration must fit through the socket.
import { describe, expect, it } from 'vitest';
import {
  MAX_CONFIG_PAYLOAD_BYTES,
  MAX_PAYLOAD_BYTES,
  asHallConfig,
  configUpdateSchema,
  hallConfigSchema,
} from '../../src/contracts/index.ts';
import {
  asClerkId,
  asCounterId,
  asFieldId,
  asProcedureId,
  asServiceId,
  configProblems,
  type HallConfig,
} from '../../src/domain/index.ts';
import { hallConfig } from '../fixtures/hall.ts';

const requestId = 'cfg-2026-03-02-0001';

/** The config as it travels: plain JSON. */
const wire = (config: HallConfig): Record<string, unknown> =>
  JSON.parse(JSON.stringify(config)) as Record<string, unknown>;

type Path = readonly (string | number)[];

/** A JSON copy of the test hall's configuration with one nested value replaced. */
function withValue(path: Path, value: unknown): unknown {
  const config = wire(hallConfig());
  let node: unknown = config;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  (node as Record<string | number, unknown>)[path.at(-1)!] = value;
  return config;
}

describe('hallConfigSchema', () => {
  it('accepts the test hall and gives back the same configuration', () => {
    const config = hallConfig();
    const parsed = hallConfigSchema.parse(wire(config));
    expect(asHallConfig(parsed)).toEqual(config);
  });

  it.each<[string, Path, unknown]>([
    ['an unknown top-level section', ['theme'], 'dark'],
    ['an unknown hall field', ['hall', 'logoUrl'], 'http://cdn.example/logo.png'],
    ['an unknown service field', ['services', 0, 'color'], 'red'],
    ['an unknown announcement field', ['announcement', 'rate'], 1.2],
    ['a recorded word with digits', ['announcement', 'customWords'], ['mời 2 người']],
    [
      'an unknown number reading',
      ['announcement', 'numberReading'],
      { zeroTens: 'lẻ', four: 'tư', thousand: 'k' },
    ],
    ['a weekday 7', ['services', 3, 'openingHours', 0, 'weekdays'], [7]],
    ['a service id with a path', ['services', 0, 'id'], '../x'],
    ['a counter serving "<script>"', ['counters', 0, 'serviceIds'], ['<script>']],
    [
      'a two-level satisfaction scale',
      ['satisfaction', 'levels'],
      hallConfig().satisfaction.levels.slice(0, 2),
    ],
    ['a volume above 1', ['announcement', 'volume'], 1.5],
    ['an unknown voice', ['announcement', 'voice'], 'cloud'],
    ['a time zone as a number', ['hall', 'timeZone'], 7],
    ['a prefix of five letters', ['services', 0, 'prefix'], 'ABCDE'],
    ['an infinite quota', ['services', 0, 'dailyQuota'], 1e308],
    ['a counter number as text', ['counters', 0, 'number'], '1'],
    ['a service name of 201 characters', ['services', 0, 'name', 'vi'], 'đ'.repeat(201)],
  ])('rejects %s', (_what, path, value) => {
    expect(hallConfigSchema.safeParse(withValue(path, value)).success).toBe(false);
  });

  it.each<[string, Path, unknown]>([
    ['Đ as a prefix', ['services', 0, 'prefix'], 'Đ'],
    ['ĐA as a prefix', ['services', 0, 'prefix'], 'ĐA'],
    [
      'the southern number reading',
      ['announcement', 'numberReading'],
      { zeroTens: 'lẻ', four: 'bốn', thousand: 'ngàn' },
    ],
    ['words the hall recorded', ['announcement', 'customWords'], ['mời ông bà', 'để được phục vụ']],
  ])('accepts %s', (_what, path, value) => {
    expect(hallConfigSchema.safeParse(withValue(path, value)).success).toBe(true);
  });

  // What a manager can get wrong by typing passes the shape and is refused by the configuration rules
  // (config-rules.ts), so the console and the server's CONFIG_INVALID say it in the same words.
  it.each<[string, Path, unknown]>([
    ['a lower-case prefix', ['services', 0, 'prefix'], 'a'],
    ['a three-letter prefix', ['services', 0, 'prefix'], 'ABC'],
    ['a Vietnamese letter the announcer has no name for as prefix', ['services', 0, 'prefix'], 'Ư'],
    ['a negative first number', ['services', 0, 'firstNumber'], -1],
    ['a negative quota', ['services', 0, 'dailyQuota'], -1],
    ['a zero expected service time', ['services', 0, 'expectedServiceMinutes'], 0],
    ['an opening time of 24:00', ['services', 3, 'openingHours', 0, 'to'], '24:00'],
    ['an opening time without its leading zero', ['services', 3, 'openingHours', 0, 'from'], '7:30'],
    ['counter number 0', ['counters', 0, 'number'], 0],
    ['rollover hour 24', ['hall', 'rolloverHour'], 24],
    ['a fractional rollover hour', ['hall', 'rolloverHour'], 1.5],
    ['a priority bound of 0', ['policy', 'priorityBound'], 0],
    ['a recall limit of 11', ['policy', 'recallLimit'], 11],
    ['an idle sign-out of 0 minutes', ['terminals', 'idleSignOutMinutes'], 0],
    ['a clerk without a name', ['clerks', 0, 'name'], '   '],
    ['a service without a Vietnamese name', ['services', 0, 'name', 'vi'], ''],
  ])('leaves %s to the configuration rules, which refuse it', (_what, path, value) => {
    const parsed = hallConfigSchema.safeParse(withValue(path, value));
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(configProblems(asHallConfig(parsed.data))).not.toEqual([]);
  });
});

describe('configUpdateSchema', () => {
  it('accepts a request id and a configuration, nothing else', () => {
    const config = wire(hallConfig());
    expect(configUpdateSchema.safeParse({ requestId, config }).success).toBe(true);
    expect(configUpdateSchema.safeParse({ requestId, config, force: true }).success).toBe(false);
    expect(configUpdateSchema.safeParse({ config }).success).toBe(false);
    expect(configUpdateSchema.safeParse({ requestId }).success).toBe(false);
  });
});

/**
 * A district one-stop centre (bộ phận một cửa cấp huyện): 10 fields, 30 services, 10 procedures each,
 * 15 counters, 30 clerks. Vietnamese procedure names are long; halls list hundreds of them.
 */
function districtHall(): HallConfig {
  const base = hallConfig();
  const fields = Array.from({ length: 10 }, (_, index) => ({
    id: asFieldId(`linh-vuc-${index + 1}`),
    name: { vi: `Lĩnh vực số ${index + 1}`, en: `Field ${index + 1}` },
    kioskOrder: index,
  }));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const services = Array.from({ length: 30 }, (_, index) => ({
    ...base.services[0]!,
    id: asServiceId(`dich-vu-${index + 1}`),
    fieldId: fields[index % fields.length]!.id,
    name: { vi: `Dịch vụ hành chính công số ${index + 1}`, en: `Public service ${index + 1}` },
    prefix: index < 26 ? letters[index]! : `A${letters[index - 26]!}`,
    kioskOrder: index,
    procedures: Array.from({ length: 10 }, (_, p) => ({
      id: asProcedureId(`thu-tuc-${index + 1}-${p + 1}`),
      name: {
        vi: `Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở lần đầu (thủ tục ${p + 1})`,
        en: `First certificate of land use rights and house ownership (procedure ${p + 1})`,
      },
    })),
  }));
  const counters = Array.from({ length: 15 }, (_, index) => ({
    id: asCounterId(`quay-${index + 1}`),
    number: index + 1,
    name: { vi: `Quầy ${index + 1}`, en: `Counter ${index + 1}` },
    serviceIds: [services[(2 * index) % 30]!.id, services[(2 * index + 1) % 30]!.id],
    isActive: true,
  }));
  const clerks = Array.from({ length: 30 }, (_, index) => ({
    id: asClerkId(`can-bo-${index + 1}`),
    name: `Nguyễn Thị Cán Bộ ${index + 1}`,
    title: 'Chuyên viên',
    username: `canbo${index + 1}`,
    isActive: true,
  }));
  return { ...base, fields, services, counters, clerks };
}

describe('a district hall configuration', () => {
  it('is coherent and accepted by the schema', () => {
    const config = districtHall();
    expect(configProblems(config)).toEqual([]);
    expect(configUpdateSchema.safeParse({ requestId, config: wire(config) }).success).toBe(true);
  });

  // `config:update` alone may carry up to MAX_CONFIG_PAYLOAD_BYTES: a whole district hall must fit.
  it('fits in one config:update message', () => {
    const payload = { requestId, config: districtHall() };
    expect(JSON.stringify(payload).length).toBeGreaterThan(MAX_PAYLOAD_BYTES);
    expect(JSON.stringify(payload).length).toBeLessThanOrEqual(MAX_CONFIG_PAYLOAD_BYTES);
  });
});
