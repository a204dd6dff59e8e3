import { afterEach, describe, expect, it } from 'vitest';
import {
  businessDayOf,
  computeZoneTransitions,
  forgetZoneTransitions,
  isKnownTimeZone,
  localClock,
  localFields,
  useZoneTransitions,
  zoneOffsetMs,
} from '../../src/domain/index.ts';

const HOUR = 3_600_000;
const FROM = Date.UTC(2010, 0, 1);
const TO = Date.UTC(2031, 0, 1);

// Zones with every kind of rule a hall might have: none (Vietnam, UTC), daylight saving in both
// hemispheres, half-hour and 45-minute offsets, a half-hour daylight shift (Lord Howe), a negative
// "winter time" (Dublin), DST suspended for Ramadan (Casablanca), DST abolished (Tehran, 2022) and a day
// skipped (Apia, 2011).
const ZONES = [
  'Asia/Ho_Chi_Minh',
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Europe/Dublin',
  'Africa/Casablanca',
  'Asia/Tehran',
  'Pacific/Apia',
];

/** A seeded generator, so a failure names instants that can be asked again. */
function randomInstants(seed: number, count: number): number[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return Array.from({ length: count }, () => Math.floor(FROM + next() * (TO - FROM)));
}

/** Every answer that depends on the offset, asked through Intl (no table) and through the table. */
function answersAt(instant: number, zone: string) {
  return {
    offset: zoneOffsetMs(instant, zone),
    fields: localFields(instant, zone),
    clock: localClock(instant, zone),
    day: businessDayOf(instant, zone, 3),
  };
}

afterEach(() => {
  for (const zone of ZONES) forgetZoneTransitions(zone);
});

describe('zone offsets through Intl', () => {
  it('match known offsets', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1), 'Asia/Ho_Chi_Minh')).toBe(7 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15), 'Europe/Berlin')).toBe(HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15), 'Europe/Berlin')).toBe(2 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15), 'America/New_York')).toBe(-4 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15), 'Asia/Kathmandu')).toBe(5.75 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15), 'Australia/Lord_Howe')).toBe(11 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15), 'Australia/Lord_Howe')).toBe(10.5 * HOUR);
  });

  it('give the local fields of an instant, at any millisecond of its second', () => {
    // 2026-03-29 01:59:59.999 UTC is 03:59:59 in Berlin (summer time began at 01:00 UTC).
    expect(localFields(Date.UTC(2026, 2, 29, 1, 59, 59, 999), 'Europe/Berlin')).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      weekday: 0,
      hour: 3,
      minute: 59,
    });
    expect(localFields(Date.UTC(2026, 2, 29, 0, 59, 59, 999), 'Europe/Berlin').hour).toBe(1);
  });

  it('refuse an unknown zone as Intl does', () => {
    expect(() => zoneOffsetMs(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('a zone transition table', () => {
  it('holds each change of offset once, at the second it happens', () => {
    const berlin = computeZoneTransitions('Europe/Berlin', FROM, TO);
    // Two changes a year for 21 years, each an hour, at 01:00 UTC.
    expect(berlin.startsMs).toHaveLength(1 + 2 * 21);
    for (let index = 1; index < berlin.startsMs.length; index += 1) {
      const start = berlin.startsMs[index]!;
      expect(new Date(start).getUTCHours()).toBe(1);
      expect(Math.abs(berlin.offsetsMs[index]! - berlin.offsetsMs[index - 1]!)).toBe(HOUR);
    }
    const vietnam = computeZoneTransitions('Asia/Ho_Chi_Minh', FROM, TO);
    expect(vietnam.startsMs).toEqual([FROM]);
    expect(vietnam.offsetsMs).toEqual([7 * HOUR]);
  });

  it.each(ZONES)('answers as Intl does around every transition and at 2,000 instants: %s', (zone) => {
    const table = computeZoneTransitions(zone, FROM, TO);
    const instants = [...randomInstants(zone.length * 7_919, 2_000), FROM, TO - 1];
    for (const start of table.startsMs)
      for (const delta of [-HOUR, -1001, -1000, -1, 0, 1, 999, 1000, HOUR]) instants.push(start + delta);
    const inRange = instants.filter((instant) => instant >= FROM && instant < TO);
    const throughIntl = inRange.map((instant) => answersAt(instant, zone));
    useZoneTransitions(table);
    const throughTable = inRange.map((instant) => answersAt(instant, zone));
    for (let index = 0; index < inRange.length; index += 1) {
      if (throughTable[index]!.offset !== throughIntl[index]!.offset)
        throw new Error(`${zone} at ${new Date(inRange[index]!).toISOString()}: the table differs from Intl`);
    }
    expect(throughTable).toEqual(throughIntl);
  });

  it('answers through Intl outside its span', () => {
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2026, 1, 1);
    // A wrong table would be caught if it were used: it says UTC+1 for Vietnam.
    useZoneTransitions({
      timeZone: 'Asia/Ho_Chi_Minh',
      fromMs: from,
      toMs: to,
      startsMs: [from],
      offsetsMs: [HOUR],
    });
    expect(zoneOffsetMs(from, 'Asia/Ho_Chi_Minh')).toBe(HOUR);
    expect(zoneOffsetMs(to - 1, 'Asia/Ho_Chi_Minh')).toBe(HOUR);
    expect(zoneOffsetMs(to, 'Asia/Ho_Chi_Minh')).toBe(7 * HOUR);
    expect(zoneOffsetMs(from - 1, 'Asia/Ho_Chi_Minh')).toBe(7 * HOUR);
    expect(zoneOffsetMs(from, 'Europe/Berlin')).toBe(HOUR);
    forgetZoneTransitions('Asia/Ho_Chi_Minh');
    expect(zoneOffsetMs(from, 'Asia/Ho_Chi_Minh')).toBe(7 * HOUR);
  });

  it('makes its zone known without asking Intl (a configuration saved with the hall zone builds none)', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    // A name Intl refuses is known once a table stands for it: the table is asked first.
    const from = Date.UTC(2026, 0, 1);
    useZoneTransitions({
      timeZone: 'Mars/Olympus_Mons',
      fromMs: from,
      toMs: from + HOUR,
      startsMs: [from],
      offsetsMs: [0],
    });
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(true);
    forgetZoneTransitions('Mars/Olympus_Mons');
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
