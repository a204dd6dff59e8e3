import { copyFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { CounterId, QueueState, ServiceId } from '@luot/shared/domain';
import { asCounterId, asDeviceId, asServiceId } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from '../src/app/demo-hall.ts';
import { DATABASE_FILE } from '../src/hall-server.ts';
import { startTestHall, tempDataDir } from './helpers.ts';
import type { AuditFacts } from './support/database-audit.ts';
import { auditDatabase, sequenceKey } from './support/database-audit.ts';
import type { HallChild } from './support/hall-child-process.ts';
import { startHallChild } from './support/hall-child-process.ts';
import type { Operation } from './support/recording-client.ts';
import { RecordingClient } from './support/recording-client.ts';
import type { SeededRandom } from './support/seeded-random.ts';
import { seedFrom, seededRandom } from './support/seeded-random.ts';

// The hall server runs as a child process and is SIGKILLed at random points of a busy
// issue / call / start / complete loop, then restarted on the same data folder, many times in one run.
// After each kill the database file is audited against what the clients were told (support/database-audit.ts).
// Replay a failure with LUOT_CRASH_SEED=<seed printed on failure>.
//
// What it proves and what it does not: a SIGKILLed process leaves its writes in the OS page cache, so
// this checks atomicity (one transaction per command), ack-after-commit, recovery of the in-memory state
// and numbering on restart. It cannot show that synchronous=FULL survives a power cut; that is the
// pragma's job and openDatabase asserts it.

/**
 * Each life costs about a second of CPU (mostly `node --import tsx` starting the child), so CI runs the
 * 20 the brief asks for; LUOT_CRASH_KILLS=200 makes a soak run.
 */
const KILLS = Math.max(20, Number(process.env.LUOT_CRASH_KILLS ?? 20) || 20);
/** 90 s for the default run; a soak run gets 4 s a life. */
const TIMEOUT_MS = Math.max(90_000, KILLS * 4_000);
const KILL_DELAY_MS = { min: 20, max: 300 } as const;

/** q3 serves ho-tich and chung-thuc, q4 ho-tich; dat-dai is issued but nobody here calls it. */
const COUNTERS = [
  { counterId: 'q3', clerkId: 'cb3' },
  { counterId: 'q4', clerkId: 'cb4' },
] as const;
const KIOSK_SERVICES: readonly ServiceId[] = ['ho-tich', 'chung-thuc', 'dat-dai'].map(asServiceId);
/** Refusals the loop expects; any other refusal is a finding. */
const EXPECTED_REFUSALS = new Set(['QUEUE_EMPTY', 'QUOTA_REACHED']);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Step = 'call' | 'start' | 'complete';

/** Where a counter is in its call → start → complete round, from a state the server sent. */
function stepOf(state: QueueState, counterId: CounterId): Step {
  const current = state.counters[counterId]?.currentTicketId;
  const ticket = current == null ? undefined : state.tickets[current];
  if (ticket?.status === 'called') return 'start';
  if (ticket?.status === 'serving') return 'complete';
  return 'call';
}

async function kioskLoop(kiosk: RecordingClient, random: SeededRandom, life: number): Promise<void> {
  while (kiosk.isConnected) {
    const outcome = await kiosk.run(
      'ticket:issue',
      {
        serviceId: random.pick(KIOSK_SERVICES),
        priorityGroupId: random.next() < 0.15 ? 'nguoi-cao-tuoi' : null,
      },
      life,
    );
    if (outcome.kind === 'unknown') return;
    if (outcome.kind === 'failed' && !EXPECTED_REFUSALS.has(outcome.error.code)) return;
    await sleep(random.int(0, 6));
  }
}

async function counterLoop(
  counter: RecordingClient,
  counterId: CounterId,
  random: SeededRandom,
  life: number,
): Promise<void> {
  let step = stepOf(counter.snapshot.state, counterId);
  while (counter.isConnected) {
    const event =
      step === 'call' ? 'ticket:call-next' : step === 'start' ? 'ticket:start' : 'ticket:complete';
    const outcome = await counter.run(event, {}, life);
    if (outcome.kind === 'unknown') return;
    if (outcome.kind === 'failed') {
      if (!EXPECTED_REFUSALS.has(outcome.error.code)) return;
      await sleep(random.int(2, 10));
      continue;
    }
    if (step === 'call')
      step = outcome.value.events.some((e) => e.type === 'ticket.called') ? 'start' : 'call';
    else step = step === 'start' ? 'complete' : 'call';
    await sleep(random.int(0, 4));
  }
}

describe('crash safety', () => {
  let data: ReturnType<typeof tempDataDir> | undefined;
  let child: HallChild | undefined;
  afterAll(async () => {
    await child?.kill();
    data?.remove();
  });

  it(
    `keeps every acknowledged command and nothing else across ${KILLS} SIGKILLs`,
    async ({ onTestFailed }) => {
      const seed = seedFrom(process.env, 'LUOT_CRASH_SEED');
      const random = seededRandom(seed);
      onTestFailed(() => {
        console.error(`crash-safety failed with seed ${seed}: replay with LUOT_CRASH_SEED=${seed}`);
      });
      data = tempDataDir('luot-crash-');
      const dataDir = data.dir;
      const databaseFile = path.join(dataDir, DATABASE_FILE);
      const history: Operation[] = [];
      const startedAt = Date.now();
      let previous: AuditFacts | undefined;
      let kills = 0;
      let counterActsAfterRestart = 0;

      for (let life = 0; ; life += 1) {
        child = await startHallChild({
          dataDir,
          hall: 'demo',
          terminals: ['q3', 'q4'],
          kiosks: 1,
        });
        const { devices } = child;
        const prefix = `s${seed}-l${life}`;
        const kiosk = await RecordingClient.connect(child.url, devices.kiosks[0]!, 'kiosk', history, prefix);
        const counters = await Promise.all(
          COUNTERS.map(async ({ counterId }) => {
            const device = devices.counters.find((candidate) => candidate.counterId === counterId)!;
            return {
              device,
              client: await RecordingClient.connect(child!.url, device, counterId, history, prefix),
            };
          }),
        );

        if (life === 0) {
          for (const { device, client } of counters) {
            const signIn = await client.run(
              'clerk:sign-in',
              { username: device.username, pin: DEMO_CLERK_PIN },
              life,
            );
            expect(signIn.kind, `${device.counterId} signs in`).toBe('ok');
          }
        } else {
          // A restarted server has no session map; the clerks stay signed in through the stored state.
          for (const [index, { client }] of counters.entries()) {
            const { counterId, clerkId } = COUNTERS[index]!;
            expect(client.snapshot.identity.clerkId, `${counterId}'s clerk after restart ${life}`).toBe(
              clerkId,
            );
            expect(client.snapshot.state.counters[counterId]).toMatchObject({ clerkId, status: 'open' });
          }
          // The restarted server's memory is exactly what the log folds to.
          const state = kiosk.snapshot.state;
          const expected = previous!.folded;
          expect(state.version, `version after restart ${life}`).toBe(previous!.version);
          expect(state.nextTicketId).toBe(previous!.maxTicketId + 1);
          expect(state.counters, `counters after restart ${life}`).toEqual(expected.counters);
          if (state.businessDay === expected.businessDay) {
            expect(state.tickets, `tickets after restart ${life}`).toEqual(expected.tickets);
            expect(state.lastSequence).toEqual(expected.lastSequence);
          }
        }

        const loops = [
          kioskLoop(kiosk, random, life),
          ...counters.map(({ device, client }) => counterLoop(client, device.counterId, random, life)),
        ];
        await sleep(random.int(KILL_DELAY_MS.min, KILL_DELAY_MS.max));
        await child.kill();
        kills += 1;
        await Promise.all(loops);
        kiosk.close();
        for (const { client } of counters) client.close();

        const mine = history.filter((operation) => operation.life === life);
        const surprises = mine.filter(
          (operation) =>
            operation.outcome !== 'pending' &&
            operation.outcome.kind === 'failed' &&
            !EXPECTED_REFUSALS.has(operation.outcome.error.code),
        );
        expect(
          surprises.map(
            (operation) => `${operation.actor} ${operation.event}: ${JSON.stringify(operation.outcome)}`,
          ),
          `unexpected refusals in life ${life}`,
        ).toEqual([]);
        if (life > 0) {
          counterActsAfterRestart += mine.filter(
            (operation) =>
              operation.actor !== 'kiosk' &&
              operation.outcome !== 'pending' &&
              operation.outcome.kind === 'ok',
          ).length;
        }

        const { violations, facts } = auditDatabase(databaseFile, history);
        expect(violations.slice(0, 20), `audit after kill ${kills} (life ${life}, seed ${seed})`).toEqual([]);

        // Numbering goes on after a restart: the first ticket of each service is the next number, and
        // the first ticket of the life takes the next global id; nothing is reused.
        if (previous) {
          const firstOfService = new Map<string, number>();
          let firstId: number | undefined;
          for (const operation of mine) {
            if (
              operation.event !== 'ticket:issue' ||
              operation.outcome === 'pending' ||
              operation.outcome.kind !== 'ok'
            ) {
              continue;
            }
            const { ticket } = operation.outcome.value;
            firstId ??= ticket.id;
            const key = sequenceKey(ticket.issuedServiceId, ticket.businessDay);
            if (!firstOfService.has(key)) firstOfService.set(key, ticket.sequence);
          }
          if (firstId !== undefined)
            expect(firstId, `first ticket id of life ${life}`).toBe(previous.maxTicketId + 1);
          for (const [key, sequence] of firstOfService) {
            const serviceId = key.split('|')[0];
            const firstNumber =
              facts.config.services.find((service) => service.id === serviceId)?.firstNumber ?? 1;
            expect(sequence, `first number of ${key} in life ${life}`).toBe(
              (previous.lastSequence.get(key) ?? firstNumber - 1) + 1,
            );
          }
        }
        previous = facts;

        if (kills >= KILLS) break;
      }

      const settled = history.map((operation) =>
        operation.outcome === 'pending' ? 'pending' : operation.outcome.kind,
      );
      const count = (kind: string): number => settled.filter((value) => value === kind).length;
      console.info(
        `crash-safety: seed ${seed}, ${kills} kills in ${Date.now() - startedAt} ms, ${history.length} commands ` +
          `(${count('ok')} ok, ${count('failed')} refused, ${count('unknown')} unknown), ` +
          `${previous?.ticketCount ?? 0} tickets, ${previous?.eventCount ?? 0} events`,
      );
      expect(kills).toBe(KILLS);
      expect(count('pending')).toBe(0);
      // The run must have exercised what it claims: tickets issued, counters acting after restarts.
      expect(previous.ticketCount).toBeGreaterThan(kills);
      expect(counterActsAfterRestart).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});

// The audit must fail when something is wrong, or the crash test proves nothing: a small real hall's
// database is copied and damaged in the ways a crash-unsafe server would damage it.
describe('the crash audit', () => {
  it('passes a sound database and names each kind of damage', async () => {
    const hall = await startTestHall();
    const history: Operation[] = [];
    const register = (...args: Parameters<typeof hall.registerDevice>) => {
      const { deviceId, token } = hall.registerDevice(...args);
      return { deviceId: asDeviceId(deviceId), token };
    };
    const kioskDevice = register('kiosk', 'Kiosk 1');
    const counterDevice = register('counter', 'Máy quầy 3', asCounterId('q3'));
    const kiosk = await RecordingClient.connect(hall.url, kioskDevice, 'kiosk', history, 'audit');
    const counter = await RecordingClient.connect(hall.url, counterDevice, 'q3', history, 'audit');
    await counter.run('clerk:sign-in', { username: 'canbo3', pin: DEMO_CLERK_PIN }, 0);
    for (let index = 0; index < 3; index += 1)
      await kiosk.run('ticket:issue', { serviceId: asServiceId('ho-tich') }, 0);
    await counter.run('ticket:call-next', {}, 0);
    await counter.run('ticket:start', {}, 0);
    await counter.run('ticket:complete', {}, 0);
    const refused = await kiosk.run('ticket:issue', { serviceId: asServiceId('khong-co') }, 0);
    expect(refused.kind).toBe('failed');
    kiosk.close();
    counter.close();
    await hall.close();
    const copies = tempDataDir('luot-audit-');
    try {
      const original = path.join(hall.dataDir, DATABASE_FILE);
      expect(auditDatabase(original, history).violations).toEqual([]);

      const damaged = (name: string, sql: string): string[] => {
        const file = path.join(copies.dir, `${name}.sqlite`);
        copyFileSync(original, file);
        const db = new BetterSqlite3(file);
        db.exec(sql);
        db.close();
        return auditDatabase(file, history).violations;
      };
      // An acknowledged command lost with its whole transaction (the last one: complete).
      expect(
        damaged(
          'lost',
          `DELETE FROM events WHERE version = (SELECT MAX(version) FROM events);
           DELETE FROM command_results WHERE request_id = 'audit-q3-4';`,
        ).join('\n'),
      ).toMatch(/acknowledged ticket:complete .* is not stored/);
      // A command nobody sent.
      expect(
        damaged(
          'phantom',
          `INSERT INTO command_results VALUES ('dev_x', 'phantom-1', 0, '{"ok":true,"value":{"version":0,"events":[]}}');`,
        ).join('\n'),
      ).toMatch(/stored command dev_x:phantom-1 was never invoked/);
      // A hole in the log.
      expect(damaged('gap', 'DELETE FROM events WHERE version = 2;').join('\n')).toMatch(/not gap-free/);
      // A number skipped (or reused elsewhere): B001, B002, B004.
      expect(
        damaged('numbers', "UPDATE tickets SET sequence = 4, number = 'B004' WHERE sequence = 3;").join('\n'),
      ).toMatch(/numbers of ho-tich\|.* are not contiguous/);
      // A projection that no longer matches its events.
      expect(
        damaged(
          'projection',
          "UPDATE tickets SET body = json_set(body, '$.status', 'cancelled') WHERE sequence = 3;",
        ).join('\n'),
      ).toMatch(/differs from the folded log/);
      // A refused command that was written anyway.
      const refusedOperation = history.find((operation) => operation.requestId === 'audit-kiosk-4')!;
      expect(refusedOperation.outcome).toMatchObject({ kind: 'failed' });
      const [device, request] = [refusedOperation.deviceId, refusedOperation.requestId];
      expect(
        damaged(
          'refused',
          `INSERT INTO command_results VALUES ('${device}', '${request}', 0, '{"ok":true,"value":{"version":0,"events":[]}}');`,
        ).join('\n'),
      ).toMatch(/was refused with NOT_FOUND/);
    } finally {
      copies.remove();
      await hall.dispose();
    }
  });
});
