// The sequential-calls harness (server/bench/sequential-calls.ts): a short real run against a compiled hall
// server and the two relays. The latencies are benchmark figures, not asserted here; what is checked is
// that the warm-up rounds ran the same work and were left out of the figures, that every measured call of
// every arm was counted, and how the host's steal is read from /proc/stat.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCpuTicks } from '../bench/bench-support.ts';
import { tempDataDir } from './helpers.ts';
import { runBenchScript } from './support/bench-script.ts';

interface RoundFigures {
  readonly round: number;
  readonly hall: { readonly count: number };
  readonly bare: { readonly count: number };
  readonly durable: { readonly count: number };
  readonly steal: {
    readonly hall: number | null;
    readonly bare: number | null;
    readonly durable: number | null;
  };
}
interface Figures {
  readonly hall: { readonly count: number };
  readonly bare: { readonly count: number };
  readonly durable: { readonly count: number };
  readonly serverCall: { readonly total: { readonly count: number } };
  readonly warmupRounds: readonly RoundFigures[];
  readonly rounds: readonly RoundFigures[];
}

describe('the sequential-calls bench', { timeout: 180_000 }, () => {
  it('runs whole warm-up rounds of the same work, then measures only the rounds after them', async () => {
    const out = tempDataDir('luot-sequential-bench-test-');
    try {
      const json = path.join(out.dir, 'figures.json');
      const { code, output } = await runBenchScript('sequential-calls.ts', [
        '--calls',
        '15',
        '--rounds',
        '2',
        '--warmup',
        '1',
        '--displays',
        '3',
        '--server-log',
        'silent',
        '--json',
        json,
      ]);
      expect(code, output).toBe(0);
      const figures = JSON.parse(readFileSync(json, 'utf8')) as Figures;
      // At least one warm-up round ran (the loop runs whole rounds until a second is up), numbered before
      // the measured ones, each with every arm's 15 calls.
      expect(figures.warmupRounds.length).toBeGreaterThanOrEqual(1);
      expect(figures.rounds.map((round) => round.round)).toEqual([
        figures.warmupRounds.length + 1,
        figures.warmupRounds.length + 2,
      ]);
      for (const round of [...figures.warmupRounds, ...figures.rounds]) {
        expect([round.hall.count, round.bare.count, round.durable.count]).toEqual([15, 15, 15]);
        // This machine is Linux: /proc/stat tells the host's steal during each arm.
        for (const share of [round.steal.hall, round.steal.bare, round.steal.durable]) {
          expect(share).not.toBeNull();
          expect(share).toBeGreaterThanOrEqual(0);
        }
      }
      // The figures are the measured rounds' alone: 2 × 15 calls an arm, and as many server call-nexts.
      expect([figures.hall.count, figures.bare.count, figures.durable.count]).toEqual([30, 30, 30]);
      expect(figures.serverCall.total.count).toBe(30);
      expect(output).toMatch(/after 1 s of warm-up \(\d+ rounds of the same work, not measured\)/);
      expect(output).toContain('warm-up 1 (');
      expect(output).toContain('round 2 (');
      expect(output).toContain('% of the CPU time while measured');
    } finally {
      out.remove();
    }
  });

  it('reads the host’s steal from the machine’s line of /proc/stat, and nothing from anything else', () => {
    // user nice system idle iowait irq softirq steal guest guest_nice
    const stat =
      'cpu  4177532 61984 708101 4044813 38972 0 77237 268094 0 0\ncpu0 2056239 31360 327074 2101769 7501 0 25974 137507 0 0\n';
    expect(parseCpuTicks(stat)).toEqual({
      steal: 268094,
      total: 4177532 + 61984 + 708101 + 4044813 + 38972 + 0 + 77237 + 268094,
    });
    // A kernel too old to count steal, a per-CPU line first, or garbage: unknown, never a wrong share.
    expect(parseCpuTicks('cpu  4177532 61984 708101 4044813 38972 0 77237\n')).toBeNull();
    expect(parseCpuTicks('cpu0 2056239 31360 327074 2101769 7501 0 25974 137507 0 0\n')).toBeNull();
    expect(parseCpuTicks('cpu  1 2 3 4 5 6 7 x\n')).toBeNull();
    expect(parseCpuTicks('')).toBeNull();
  });
});
