// The two restores docs/OPERATIONS.md tells a hall to do when its server PC dies, done as written:
// 1. the disk is gone: last night's backup (`pnpm luot backup`) copied to a new data folder on the spare PC;
//    devices reconnect with the tokens they have, the hall is exactly as it was at the backup;
// 2. the PC died but its disk can be read: `luot.sqlite` copied together with `luot.sqlite-wal` after the
//    server was killed (SIGKILL: nothing was checkpointed or closed): nothing acknowledged is lost — and
//    the same copy without the WAL would have lost it, which is why the docs insist on the WAL.
import { copyFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Ack, IssueOutcome } from '@luot/shared/contracts';
import type { Ticket } from '@luot/shared/domain';
import { runCli } from '../../src/cli/main.ts';
import { DATABASE_FILE } from '../../src/hall-server.ts';
import { connectClient, requestId, startTestHall, tempDataDir } from '../helpers.ts';
import { startHallChild } from '../support/hall-child-process.ts';

type IssueAck = Ack<IssueOutcome>;

/** The tickets of a database file, read directly (no server): id → number. */
function ticketsIn(file: string): Map<number, string> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // A copy without its WAL may not even have the tables yet: they too were created after the last checkpoint.
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tickets'")
      .get();
    if (hasTable === undefined) return new Map();
    const rows = db.prepare('SELECT id, number FROM tickets').all() as { id: number; number: string }[];
    return new Map(rows.map((row) => [row.id, row.number]));
  } finally {
    db.close();
  }
}

describe('restore drills (docs/OPERATIONS.md "When the server PC dies")', { timeout: 60_000 }, () => {
  it('from last night’s backup on a spare PC: devices reconnect with their tokens, the hall is as it was at the backup', async () => {
    const oldPc = tempDataDir('luot-old-pc-');
    const sparePc = tempDataDir('luot-spare-pc-');
    const backupFile = path.join(oldPc.dir, 'backups', 'nightly.sqlite');
    const hall = await startTestHall({ dataDir: oldPc.dir });
    const { token } = hall.registerDevice('kiosk', 'Kiosk sảnh', null);
    const kiosk = await connectClient(hall.url, token);
    const issue = async (): Promise<Ticket> => {
      const ack = (await kiosk.send('ticket:issue', {
        requestId: requestId(),
        serviceId: 'ho-tich',
      })) as IssueAck;
      if (!ack.ok) throw new Error(ack.error.code);
      return ack.value.ticket;
    };
    const beforeBackup = [await issue(), await issue(), await issue()];
    const previous = process.env.LUOT_DATA_DIR;
    process.env.LUOT_DATA_DIR = oldPc.dir;
    try {
      expect(await runCli(['backup', '--to', backupFile], () => undefined)).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.LUOT_DATA_DIR;
      else process.env.LUOT_DATA_DIR = previous;
    }
    const backupVersion = hall.service.state.version;
    await issue(); // after the backup: lost with the old disk, as the docs say
    kiosk.close();
    await hall.close();

    // On the spare PC: the backup becomes the database; the kiosk keeps its token.
    copyFileSync(backupFile, path.join(sparePc.dir, DATABASE_FILE));
    const spare = await startTestHall({ dataDir: sparePc.dir });
    try {
      const back = await connectClient(spare.url, token);
      expect(back.snapshot.identity.role).toBe('kiosk');
      expect(back.snapshot.state.version).toBe(backupVersion);
      expect(
        Object.values(back.snapshot.state.tickets)
          .map((ticket) => ticket.number)
          .sort(),
      ).toEqual(beforeBackup.map((ticket) => ticket.number).sort());
      // The hall goes on from the backup: the next number follows the last one the backup holds.
      const next = (await back.send('ticket:issue', {
        requestId: requestId(),
        serviceId: 'ho-tich',
      })) as IssueAck;
      expect(next.ok && next.value.ticket.sequence).toBe(beforeBackup.at(-1)!.sequence + 1);
      back.close();
    } finally {
      await spare.close();
      oldPc.remove();
      sparePc.remove();
    }
  });

  it('from the dead PC’s disk after kill -9: the database copied with its WAL loses nothing acknowledged', async () => {
    const deadPc = tempDataDir('luot-dead-pc-');
    const sparePc = tempDataDir('luot-spare-pc-');
    const withoutWal = tempDataDir('luot-no-wal-');
    const child = await startHallChild({ dataDir: deadPc.dir, hall: 'demo', kiosks: 1, terminals: [] });
    const kiosk = await connectClient(child.url, child.devices.kiosks[0]!.token);
    const acked = new Map<number, string>();
    try {
      // Twenty tickets at once (one group commit or a few); every answer means "on disk".
      const answers = await Promise.all(
        Array.from(
          { length: 20 },
          async () =>
            (await kiosk.send('ticket:issue', {
              requestId: requestId(),
              serviceId: 'chung-thuc',
            })) as IssueAck,
        ),
      );
      for (const answer of answers)
        if (answer.ok) acked.set(answer.value.ticket.id, answer.value.ticket.number);
      expect(acked.size).toBe(20);
    } finally {
      kiosk.close();
      child.process.kill('SIGKILL');
      await child.exited;
    }

    const source = path.join(deadPc.dir, DATABASE_FILE);
    expect(existsSync(`${source}-wal`) && statSync(`${source}-wal`).size).toBeGreaterThan(0);
    copyFileSync(source, path.join(sparePc.dir, DATABASE_FILE));
    copyFileSync(`${source}-wal`, path.join(sparePc.dir, `${DATABASE_FILE}-wal`));
    copyFileSync(source, path.join(withoutWal.dir, DATABASE_FILE));

    // The copy without its WAL misses what was committed since the last checkpoint.
    const mainFileOnly = ticketsIn(path.join(withoutWal.dir, DATABASE_FILE));
    expect(mainFileOnly.size).toBeLessThan(acked.size);

    const spare = await startTestHall({ dataDir: sparePc.dir });
    try {
      const restored = new Map(
        Object.values(spare.service.state.tickets).map((ticket) => [ticket.id as number, ticket.number]),
      );
      expect(restored).toEqual(acked);
    } finally {
      await spare.close();
    }
    expect(ticketsIn(path.join(sparePc.dir, DATABASE_FILE))).toEqual(acked);
    deadPc.remove();
    sparePc.remove();
    withoutWal.remove();
  });
});
