// The hall simulation's harness (server/bench/hall-simulation.ts), with its kiosks, displays and bare
// receivers in the bench process (`--clients one-process`, the default) and in worker processes
// (`--clients workers`, client-worker.ts): a short real run of each against a real hall server, and the
// IPC schemas both sides parse with. The run's latencies are benchmark figures, not asserted here; what is checked is that the load ran,
// every call and relay was matched to its arrivals, and every client process answered with its figures;
// with --durable-floor (the one-process run), that the durable relay committed and acked beside the load.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromWorkerSchema, toWorkerSchema } from '../bench/client-worker-protocol.ts';
import { tempDataDir } from './helpers.ts';
import { runBenchScript } from './support/bench-script.ts';

interface LoopDelay {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}
interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly max: number;
}
interface Figures {
  readonly issue: { readonly count: number };
  readonly durableFloor: { readonly ack: Summary; readonly commit: Summary } | null;
  readonly call: { readonly count: number };
  readonly bareBroadcast: { readonly count: number };
  readonly clock: { readonly count: number };
  readonly counts: { readonly issued: number; readonly calls: number; readonly commands: number };
  readonly clientProcesses: readonly {
    readonly name: string;
    readonly loopDelayMs: LoopDelay;
    readonly cpuPercent: number;
  }[];
  readonly minutes: readonly unknown[];
  readonly errors: readonly string[];
}

describe.each([
  { clients: 'workers', processes: ['bench client', 'kiosk worker', 'display worker'], durableFloor: false },
  { clients: 'one-process', processes: ['bench client'], durableFloor: true },
])(
  'the hall simulation with --clients $clients',
  { timeout: 180_000 },
  ({ clients, processes, durableFloor }) => {
    it('runs the load, matches every call and relay, and reports every client process', async () => {
      const out = tempDataDir('luot-hall-simulation-test-');
      try {
        const json = path.join(out.dir, 'figures.json');
        const { code, output } = await runBenchScript('hall-simulation.ts', [
          '--seconds',
          '3',
          '--warmup',
          '1',
          '--server-log',
          'silent',
          '--json',
          json,
          '--clients',
          clients,
          ...(durableFloor ? ['--durable-floor'] : []),
        ]);
        expect(code, output).toBe(0);
        const figures = JSON.parse(readFileSync(json, 'utf8')) as Figures;
        expect(figures.errors).toEqual([]);
        // The load ran: the kiosks issued, the counters called.
        expect(figures.counts.issued).toBeGreaterThan(0);
        expect(figures.counts.calls).toBeGreaterThan(0);
        expect(figures.issue.count).toBe(figures.counts.issued);
        // Every measured call was matched to its arrival at all 10 displays (no error says otherwise).
        expect(figures.call.count).toBe(figures.counts.calls);
        expect(figures.bareBroadcast.count).toBeGreaterThan(0);
        // 20 clock pings to each of the two client hosts, and each client process reported its loop and CPU.
        expect(figures.clock.count).toBe(40);
        expect(figures.clientProcesses.map((client) => client.name)).toEqual(processes);
        for (const client of figures.clientProcesses) {
          expect(client.cpuPercent, client.name).toBeGreaterThan(0);
          expect(Number.isFinite(client.loopDelayMs.max), client.name).toBe(true);
        }
        expect(figures.minutes).toHaveLength(1);
        if (durableFloor) {
          // Committed at the kiosks' pace through the measured seconds, each ack after its own commit.
          const floor = figures.durableFloor!;
          expect(floor.ack.count).toBeGreaterThan(10);
          expect(floor.commit.count).toBe(floor.ack.count);
          expect(floor.commit.p50).toBeGreaterThan(0);
          expect(floor.ack.max).toBeGreaterThanOrEqual(floor.commit.max);
          expect(output).toContain('durable floor: commit → ack');
        } else {
          expect(figures.durableFloor).toBeNull();
          expect(output).not.toContain('durable floor');
        }
        for (const label of [
          'issue → ack',
          'call → last display',
          ...processes.map((name) => `${name} loop delay`),
        ])
          expect(output).toContain(label);
      } finally {
        out.remove();
      }
    });
  },
);

describe('the client workers’ IPC messages', () => {
  it('parse what the bench sends and refuse what is malformed', () => {
    const connect = {
      type: 'connect',
      url: 'http://127.0.0.1:1',
      displays: ['d'],
      kiosks: [],
      bareUrl: 'http://127.0.0.1:2',
      bareReceivers: 10,
    };
    expect(toWorkerSchema.parse(connect)).toEqual(connect);
    expect(() => toWorkerSchema.parse({ ...connect, bareReceivers: -1 })).toThrow();
    expect(() => toWorkerSchema.parse({ ...connect, extra: true })).toThrow();
    expect(() => toWorkerSchema.parse({ type: 'connect', url: 'x' })).toThrow();
    const issue = {
      type: 'issue',
      backlog: 120,
      everyMs: 150,
      seed: 1,
      serviceIds: ['ho-tich'],
      priorityGroupIds: ['nguoi-cao-tuoi'],
    };
    expect(toWorkerSchema.parse(issue)).toEqual(issue);
    expect(() => toWorkerSchema.parse({ ...issue, serviceIds: [] })).toThrow();
    expect(() => toWorkerSchema.parse({ ...issue, everyMs: 0 })).toThrow();
    expect(() => toWorkerSchema.parse({ type: 'restart' })).toThrow();
    expect(
      fromWorkerSchema.parse({ type: 'issues', issues: [[12.5, 3.25]], refused: ['QUOTA_REACHED'] }),
    ).toEqual({ type: 'issues', issues: [[12.5, 3.25]], refused: ['QUOTA_REACHED'] });
    expect(() => fromWorkerSchema.parse({ type: 'issues', issues: [[12.5, -1]], refused: [] })).toThrow();
    expect(() => fromWorkerSchema.parse({ type: 'arrivals', calls: [[1.5, 2]], relays: [] })).toThrow();
  });
});
