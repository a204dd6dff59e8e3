// One worker process of the headroom bench: opens its share of the ~1,000 display sockets and reports,
// for each call, the moment the last of its sockets received it (on the machine's monotonic clock, so
// the parent can subtract the time it sent the call). Started by headroom.ts with an IPC channel.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { HallSocket } from './bench-support.ts';
import { connectHall, monotonicMs } from './bench-support.ts';
import type { FromWorker } from './headroom-protocol.ts';
import { toWorkerSchema } from './headroom-protocol.ts';

/** Sockets opening at once: a hall's devices come up over seconds, not in one burst. */
const CONNECTING_AT_ONCE = 20;
const LOOP_RESOLUTION_MS = 10;

const send = (message: FromWorker): void => {
  process.send?.(message);
};

const sockets: HallSocket[] = [];
/** Per call version: how many of this worker's sockets received it, and when the latest did. */
const received = new Map<number, { count: number; last: number }>();
let ready: [number, number][] = [];
let disconnects = 0;
let isFinishing = false;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loopDelay.enable();

function watch(socket: HallSocket): void {
  socket.on('hall:changes', (changes) => {
    const now = monotonicMs();
    for (const event of changes.events) {
      if (event.type !== 'ticket.called') continue;
      const entry = received.get(event.version) ?? { count: 0, last: 0 };
      entry.count += 1;
      entry.last = now;
      received.set(event.version, entry);
      if (entry.count === sockets.length) {
        ready.push([event.version, entry.last]);
        received.delete(event.version);
      }
    }
  });
  socket.on('disconnect', () => {
    if (!isFinishing) disconnects += 1;
  });
}

async function connectAll(url: string, tokens: readonly string[]): Promise<void> {
  const started = monotonicMs();
  let next = 0;
  const opener = async (): Promise<void> => {
    while (next < tokens.length) {
      const token = tokens[next]!;
      next += 1;
      const { socket } = await connectHall(url, token);
      sockets.push(socket);
    }
  };
  await Promise.all(Array.from({ length: CONNECTING_AT_ONCE }, opener));
  // Listen only once every socket is open, so that "all of this worker's sockets" is a fixed number.
  for (const socket of sockets) watch(socket);
  send({ type: 'connected', sockets: sockets.length, ms: monotonicMs() - started });
}

const flush = setInterval(() => {
  if (ready.length === 0) return;
  send({ type: 'arrivals', calls: ready });
  ready = [];
}, 200);

process.on('message', (raw: unknown) => {
  const message = toWorkerSchema.parse(raw);
  switch (message.type) {
    case 'connect':
      connectAll(message.url, message.tokens).catch((error: unknown) => {
        console.error('headroom worker: could not connect', error);
        process.exit(1);
      });
      break;
    case 'ping': {
      const receivedAt = monotonicMs();
      const cpu = process.cpuUsage();
      send({ type: 'pong', sentAt: message.sentAt, receivedAt, cpuMs: (cpu.user + cpu.system) / 1000 });
      break;
    }
    case 'finish': {
      isFinishing = true;
      clearInterval(flush);
      if (ready.length > 0) send({ type: 'arrivals', calls: ready });
      const beyond = (ns: number): number => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
      const cpu = process.cpuUsage();
      send({
        type: 'finished',
        incomplete: received.size,
        disconnects,
        loopDelayMs: {
          p50: beyond(loopDelay.percentile(50)),
          p99: beyond(loopDelay.percentile(99)),
          max: beyond(loopDelay.max),
        },
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
      for (const socket of sockets) socket.close();
      // Let the IPC message leave before the channel closes.
      setTimeout(() => process.exit(0), 200);
      break;
    }
  }
});
// The parent died: nothing more to do here.
process.on('disconnect', () => process.exit(0));
