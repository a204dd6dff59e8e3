// The baseline for the hall benchmarks: a bare Socket.IO server that does nothing but relay. One sender
// emits `relay`, the server broadcasts it to the `receivers` room at once; `relay-ack` does the same and
// then answers the sender through its ack, as the hall answers a command (the sequential bench). What
// the hall server adds on top of this (validation, decide, the SQLite transaction with its fsync, the
// ack, the broadcast to every client) is what the benchmarks' ratio shows.
//
// With `--durable-dir <dir>` it also answers `relay-durable`: the message is first inserted into a SQLite
// file in that folder (WAL, synchronous=FULL, one transaction and one fsync per message, SQLite's own
// checkpoints), then relayed and acked like `relay-ack`. That is the simplest server that keeps what it
// announces across a crash: the floor under the hall's own path, which commits before it answers too.
// `commit-ack` commits the message the same way and answers with the transaction's time, broadcasting
// nothing: the floor under a command's ack alone (the hall simulation's `--durable-floor`), below
// what the hall does for an issue (its broadcast follows the acks in the same turn).
//
//   node --import tsx server/bench/bare-broadcast-server.ts [--durable-dir <dir>]   → prints `READY <port>`
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { Server } from 'socket.io';

interface RelayEvents {
  relay: (message: unknown) => void;
  'relay-ack': (message: unknown, ack: (answer: { ok: true }) => void) => void;
  'relay-durable': (message: unknown, ack: (answer: { ok: boolean }) => void) => void;
  'commit-ack': (message: unknown, ack: (answer: { ok: boolean; commitMs: number }) => void) => void;
}
interface ReceiverEvents {
  message: (message: unknown) => void;
}

const { values } = parseArgs({ options: { 'durable-dir': { type: 'string' } } });
const durableDir = values['durable-dir'];
const db = durableDir === undefined ? null : new Database(path.join(durableDir, 'relay.db'));
db?.pragma('journal_mode = WAL');
db?.pragma('synchronous = FULL');
db?.exec('CREATE TABLE IF NOT EXISTS relays (seq INTEGER PRIMARY KEY, message TEXT NOT NULL)');
const insertRelay = db?.prepare('INSERT INTO relays (message) VALUES (?)');
/** Commit one message (one transaction, one fsync): its time in ms, or null without `--durable-dir`. */
function commitRelay(message: unknown): number | null {
  if (insertRelay === undefined) return null;
  const started = performance.now();
  insertRelay.run(JSON.stringify(message));
  return performance.now() - started;
}

const httpServer = createServer();
const io = new Server<RelayEvents, ReceiverEvents>(httpServer, {
  serveClient: false,
  transports: ['websocket'],
});
io.on('connection', (socket) => {
  if (socket.handshake.auth.role === 'receiver') void socket.join('receivers');
  socket.on('relay', (message) => {
    io.to('receivers').emit('message', message);
  });
  socket.on('relay-ack', (message, ack) => {
    io.to('receivers').emit('message', message);
    if (typeof ack === 'function') ack({ ok: true });
  });
  socket.on('relay-durable', (message, ack) => {
    if (typeof ack !== 'function') return;
    if (commitRelay(message) === null) {
      ack({ ok: false });
      return;
    }
    io.to('receivers').emit('message', message);
    ack({ ok: true });
  });
  socket.on('commit-ack', (message, ack) => {
    if (typeof ack !== 'function') return;
    const commitMs = commitRelay(message);
    ack(commitMs === null ? { ok: false, commitMs: 0 } : { ok: true, commitMs });
  });
});
httpServer.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY ${(httpServer.address() as AddressInfo).port}\n`);
});
process.on('disconnect', () => {
  void io.close();
  db?.close();
  process.exit(0);
});
