import type { AnnouncementConfig } from '@luot/shared/domain';
import { DEFAULT_ANNOUNCEMENT, asCounterId, asServiceId, asTicketId } from '@luot/shared/domain';
import { describe, expect, it } from 'vitest';
import type { Announcement, AnnouncerMemory, Speaker } from '../src/announcer.ts';
import { Announcer, MAX_SPOKEN_AGE_MS, isQuietTime } from '../src/announcer.ts';
import type { CallNotice } from '../src/calls.ts';
import { T0, ZONE } from './hall-fixture.ts';

/**
 * The fake at the hardware edge: records what it is asked to say, and fails the test if a play starts
 * before the previous one resolved. Each play takes `playMs` of a clock the test does not wait for
 * (a few macrotask turns), so overlapping would be visible.
 */
class RecordingSpeaker implements Speaker {
  readonly said: Announcement[] = [];
  readonly overlaps: string[] = [];
  private playing: string | null = null;
  failNext = false;

  async play(announcement: Announcement): Promise<void> {
    if (this.playing !== null) this.overlaps.push(`${announcement.key} started during ${this.playing}`);
    this.playing = announcement.key;
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.playing = null;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('speaker unplugged');
    }
    this.said.push(announcement);
  }
}

class MapMemory implements AnnouncerMemory {
  keys: readonly string[] = [];
  load(): readonly string[] {
    return this.keys;
  }
  save(keys: readonly string[]): void {
    this.keys = [...keys];
  }
}

let nextVersion = 10;
function call(ticketNumber: string, counterNumber: number, options: Partial<CallNotice> = {}): CallNotice {
  const ticketId = asTicketId(Number(ticketNumber.replace(/\D/g, '')) + ticketNumber.charCodeAt(0) * 1000);
  const callCount = options.isRecall === true ? 2 : 1;
  return {
    key: `${ticketId}#${callCount}`,
    version: (nextVersion += 1),
    ticketId,
    ticketNumber,
    serviceId: asServiceId('dat-dai'),
    counterId: asCounterId(`q${counterNumber}`),
    counterNumber,
    calledAt: T0,
    isRecall: false,
    ...options,
  };
}

function setup(announcement: Partial<AnnouncementConfig> = {}, memory = new MapMemory()) {
  const speaker = new RecordingSpeaker();
  let now = T0 + 1_000;
  const announcer = new Announcer({ speaker, now: () => now, memory });
  const settings = { announcement: { ...DEFAULT_ANNOUNCEMENT, ...announcement }, timeZone: ZONE };
  return {
    speaker,
    announcer,
    memory,
    offer: (...calls: CallNotice[]) => announcer.offer(calls, settings),
    setNow: (value: number) => (now = value),
  };
}

describe('Announcer', () => {
  it('says calls first in, first out, one at a time, with the hall phrase', async () => {
    const { speaker, announcer, offer } = setup();
    offer(call('A012', 5));
    offer(call('B003', 2));
    await announcer.whenIdle();
    expect(speaker.overlaps).toEqual([]);
    expect(speaker.said.map((said) => said.text)).toEqual([
      'Mời công dân có số thứ tự A, không, một, hai, đến quầy số năm',
      'Mời công dân có số thứ tự B, không, không, ba, đến quầy số hai',
    ]);
    expect(speaker.said[0]?.words).toContain('số thứ tự');
    expect(announcer.records.map((record) => record.outcome)).toEqual(['spoken', 'spoken']);
  });

  it('says a burst of ten calls, all of them, in order, never overlapping', async () => {
    const { speaker, announcer, offer } = setup();
    const burst = Array.from({ length: 10 }, (_, index) =>
      call(`A${String(index + 1).padStart(3, '0')}`, (index % 8) + 1),
    );
    offer(...burst.slice(0, 4));
    offer(...burst.slice(4));
    expect(announcer.pendingCount).toBeGreaterThan(0);
    await announcer.whenIdle();
    expect(speaker.overlaps).toEqual([]);
    expect(speaker.said.map((said) => said.key)).toEqual(burst.map((notice) => notice.key));
  });

  it('never says the same call twice, however often it is offered (deduplicated by its identity)', async () => {
    const { speaker, announcer, offer } = setup();
    const first = call('A012', 5);
    offer(first);
    offer(first, { ...first, version: first.version + 3 });
    await announcer.whenIdle();
    offer(first);
    await announcer.whenIdle();
    expect(speaker.said.map((said) => said.key)).toEqual([first.key]);
    expect(announcer.records).toHaveLength(1);
  });

  it('says a recall again, as a new call', async () => {
    const { speaker, announcer, offer } = setup();
    const first = call('A012', 5);
    offer(first);
    offer(call('A012', 5, { isRecall: true, version: first.version + 1 }));
    await announcer.whenIdle();
    expect(speaker.said.map((said) => said.text)).toEqual([
      'Mời công dân có số thứ tự A, không, một, hai, đến quầy số năm',
      'Mời công dân có số thứ tự A, không, một, hai, đến quầy số năm',
    ]);
    expect(announcer.records.map((record) => record.isRecall)).toEqual([false, true]);
  });

  it('remembers what it said across page loads through its memory', async () => {
    const memory = new MapMemory();
    const first = setup({}, memory);
    const a = call('A001', 1);
    first.offer(a);
    await first.announcer.whenIdle();
    expect(memory.keys).toEqual([a.key]);

    const reloaded = setup({}, memory);
    const b = call('B001', 2);
    reloaded.offer(a, b);
    await reloaded.announcer.whenIdle();
    expect(reloaded.speaker.said.map((said) => said.key)).toEqual([b.key]);
  });

  it('keeps quiet in quiet hours: the call is logged, not spoken', async () => {
    // 21:00–06:00 wraps midnight; T0 is 08:00 local, so move the clock to 22:30 local.
    const { speaker, announcer, offer, setNow } = setup({ quietHours: { from: '21:00', to: '06:00' } });
    const late = T0 + 14.5 * 3_600_000;
    setNow(late);
    offer(call('A020', 3, { calledAt: late }));
    await announcer.whenIdle();
    expect(speaker.said).toEqual([]);
    expect(announcer.records.map((record) => record.outcome)).toEqual(['quiet-hours']);

    setNow(T0 + 1_000);
    offer(call('A021', 3));
    await announcer.whenIdle();
    expect(speaker.said.map((said) => said.text)).toHaveLength(1);
  });

  it('passes the configured repeat count (clamped to 1–3), volume and voice to the speaker', async () => {
    const { speaker, announcer, offer } = setup({ repeat: 3, volume: 0.4, voice: 'browser' });
    offer(call('A001', 1));
    await announcer.whenIdle();
    expect(speaker.said[0]).toMatchObject({ repeat: 3, volume: 0.4, voice: 'browser' });

    const clamped = setup({ repeat: 7 });
    clamped.offer(call('A002', 1));
    await clamped.announcer.whenIdle();
    expect(clamped.speaker.said[0]?.repeat).toBe(3);
  });

  it('reads by whole number with the hall template when configured', async () => {
    const { speaker, announcer, offer } = setup({
      style: 'whole-number',
      template: 'Xin mời quý khách số {ticket} tới quầy {counter}',
    });
    offer(call('A012', 21));
    await announcer.whenIdle();
    expect(speaker.said[0]?.text).toBe('Xin mời quý khách số A mười hai, tới quầy hai mươi mốt');
  });

  it('reads numbers the way the hall chose in its announcement settings (southern: lẻ, bốn, ngàn)', async () => {
    const { speaker, announcer, offer } = setup({
      style: 'whole-number',
      numberReading: { zeroTens: 'lẻ', four: 'bốn', thousand: 'ngàn' },
    });
    offer(call('A1004', 24));
    await announcer.whenIdle();
    expect(speaker.said[0]?.text).toBe(
      'Mời công dân có số thứ tự A một ngàn không trăm lẻ bốn, đến quầy số hai mươi bốn',
    );
    expect(speaker.said[0]?.words).toContain('ngàn');
  });

  it('says the words the hall recorded itself, from their own clips', async () => {
    const { speaker, announcer, offer } = setup({
      template: 'Mời ông bà có số {ticket} đến quầy {counter} để được phục vụ',
      customWords: ['mời ông bà', 'để được phục vụ'],
    });
    offer(call('A012', 5));
    await announcer.whenIdle();
    expect(speaker.said[0]?.words.at(0)).toBe('mời ông bà');
    expect(speaker.said[0]?.words.at(-1)).toBe('để được phục vụ');
  });

  it('falls back to the default phrase when the stored template is broken', async () => {
    const { speaker, announcer, offer } = setup({ template: 'Gọi {ticket} lên bàn {counter}' });
    offer(call('A012', 5));
    await announcer.whenIdle();
    expect(speaker.said[0]?.text).toBe('Mời công dân có số thứ tự A, không, một, hai, đến quầy số năm');
  });

  it('shows but does not speak a call that reaches it more than two minutes late', async () => {
    const { speaker, announcer, offer, setNow } = setup();
    setNow(T0 + MAX_SPOKEN_AGE_MS + 1);
    offer(call('A001', 1, { calledAt: T0 }), call('A002', 2, { calledAt: T0 + 60_000 }));
    await announcer.whenIdle();
    expect(announcer.records.map((record) => [record.ticketNumber, record.outcome])).toEqual([
      ['A001', 'too-old'],
      ['A002', 'spoken'],
    ]);
    expect(speaker.said.map((said) => said.key)).toHaveLength(1);
  });

  it('goes on with the queue when the speaker fails, and marks the failed call', async () => {
    const { speaker, announcer, offer } = setup();
    speaker.failNext = true;
    offer(call('A001', 1), call('A002', 2));
    await announcer.whenIdle();
    expect(announcer.records.map((record) => record.outcome)).toEqual(['failed', 'spoken']);
    expect(speaker.said.map((said) => said.text)).toHaveLength(1);
  });

  it('queues the sound test behind the calls, without remembering it', async () => {
    const { speaker, announcer, offer, memory } = setup();
    const a = call('A001', 1);
    offer(a);
    announcer.sayTest({ key: 'test#1', text: 'thử', words: ['mời'], repeat: 1, volume: 1, voice: 'clips' });
    await announcer.whenIdle();
    expect(speaker.overlaps).toEqual([]);
    expect(speaker.said.map((said) => said.key)).toEqual([a.key, 'test#1']);
    expect(memory.keys).toEqual([a.key]);
  });
});

describe('isQuietTime', () => {
  const at = (hour: number, minute = 0): number => Date.UTC(2026, 2, 2, hour - 7, minute);

  it('handles a same-day window and one that wraps past midnight, `to` exclusive', () => {
    expect(isQuietTime({ from: '12:00', to: '13:30' }, at(12, 0), ZONE)).toBe(true);
    expect(isQuietTime({ from: '12:00', to: '13:30' }, at(13, 30), ZONE)).toBe(false);
    expect(isQuietTime({ from: '21:00', to: '06:00' }, at(23, 0), ZONE)).toBe(true);
    expect(isQuietTime({ from: '21:00', to: '06:00' }, at(5, 59), ZONE)).toBe(true);
    expect(isQuietTime({ from: '21:00', to: '06:00' }, at(6, 0), ZONE)).toBe(false);
    expect(isQuietTime(null, at(23, 0), ZONE)).toBe(false);
  });
});
