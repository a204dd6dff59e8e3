// One client worker process of a hall benchmark (headroom.ts, hall-simulation.ts): it hosts some of the
// bench's devices as real socket.io-client sockets, so that their decoding of every change runs in a
// process of its own, as on a hall's separate devices, not behind the bench's other clients.
// - Displays: for each call, the moment the last of this worker's displays received it.
// - Bare relay receivers: the same for each relay of the baseline (bare-broadcast-server.ts).
// - Kiosks: each issues a ticket every `everyMs`; issue → ack is timed here, where the socket lives.
// Times are on the machine's monotonic clock, so the parent can subtract the time it sent a call.
// Started by the parent with an IPC channel (client-workers.ts); messages in client-worker-protocol.ts.
// The same host also runs inside the bench process itself (`createClientHost`, client-workers.ts
// `startInProcessClients`): the hall simulation's one-process harness, the issue's own.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import type { PriorityGroupId, ServiceId } from '@luot/shared/domain';
import { seededRandom } from '../test/support/seeded-random.ts';
import type { HallSocket } from './bench-support.ts';
import { connectBareRelay, connectHall, monotonicMs, send as sendCommand, sleep } from './bench-support.ts';
import type { FromWorker, ToWorker } from './client-worker-protocol.ts';
import { toWorkerSchema } from './client-worker-protocol.ts';

/** Sockets opening at once: a hall's devices come up over seconds, not in one burst. */
const CONNECTING_AT_ONCE = 20;
const LOOP_RESOLUTION_MS = 10;
const FLUSH_EVERY_MS = 200;

/**
 * Items (call versions, relay seqs) that every socket of a group must receive: when the last of them has,
 * the item is ready with that socket's time of receipt.
 */
class ArrivalGroup {
  private readonly received = new Map<number, { count: number; last: number }>();
  ready: [number, number][] = [];
  size = 0;

  receive(item: number, at: number): void {
    const entry = this.received.get(item) ?? { count: 0, last: 0 };
    entry.count += 1;
    entry.last = at;
    this.received.set(item, entry);
    if (entry.count === this.size) {
      this.ready.push([item, entry.last]);
      this.received.delete(item);
    }
  }

  /** Items some socket never received. */
  get incomplete(): number {
    return this.received.size;
  }

  take(): [number, number][] {
    const taken = this.ready;
    this.ready = [];
    return taken;
  }
}

/** What a client host does with the parent's messages, wherever it runs. */
export interface ClientHost {
  receive(message: ToWorker): void;
}

/**
 * The devices of one client host: `post` carries its messages to the bench, `onFinished` runs after its
 * sockets are closed, `onFailure` when a step fails. Its loop delay and CPU are those of the process it
 * runs in (in the bench process: the bench process's).
 */
export function createClientHost(
  post: (message: FromWorker) => void,
  onFinished: () => void,
  onFailure: (what: string, error: unknown) => void,
): ClientHost {
  const sockets: Socket[] = [];
  const kiosks: HallSocket[] = [];
  const calls = new ArrivalGroup();
  const relays = new ArrivalGroup();
  let issues: [number, number][] = [];
  let refused: string[] = [];
  let kioskLoops: Promise<void>[] = [];
  let disconnects = 0;
  let isIssuing = false;
  let isFinishing = false;
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loopDelay.enable();

  function countDisconnects(socket: Socket): void {
    socket.on('disconnect', () => {
      if (!isFinishing) disconnects += 1;
    });
  }

  function watchDisplay(socket: HallSocket): void {
    socket.on('hall:changes', (changes) => {
      const now = monotonicMs();
      for (const event of changes.events)
        if (event.type === 'ticket.called') calls.receive(event.version, now);
    });
  }

  /** Run `open` for each of `count` items, `CONNECTING_AT_ONCE` at a time, in order of index. */
  async function openAll<T>(count: number, open: (index: number) => Promise<T>): Promise<T[]> {
    const opened: T[] = [];
    let next = 0;
    const opener = async (): Promise<void> => {
      while (next < count) {
        const index = next;
        next += 1;
        opened[index] = await open(index);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONNECTING_AT_ONCE, count) }, opener));
    return opened;
  }

  async function connectAll(message: Extract<ToWorker, { type: 'connect' }>): Promise<void> {
    const started = monotonicMs();
    const displays = await openAll(
      message.displays.length,
      async (index) => (await connectHall(message.url, message.displays[index]!)).socket,
    );
    kiosks.push(
      ...(await openAll(
        message.kiosks.length,
        async (index) => (await connectHall(message.url, message.kiosks[index]!)).socket,
      )),
    );
    const bareUrl = message.bareUrl;
    if (message.bareReceivers > 0 && bareUrl === undefined)
      throw new Error('bare receivers need the relay’s bareUrl');
    const receivers = await openAll(message.bareReceivers, () => connectBareRelay(bareUrl!, 'receiver'));
    sockets.push(...displays, ...kiosks, ...receivers);
    // Listen only once every socket is open, so that "all of this worker's displays" is a fixed number.
    calls.size = displays.length;
    relays.size = receivers.length;
    for (const socket of displays) watchDisplay(socket);
    for (const socket of receivers)
      socket.on('message', (relay: { seq: number }) => relays.receive(relay.seq, monotonicMs()));
    for (const socket of sockets) countDisconnects(socket);
    post({
      type: 'connected',
      sockets: displays.length,
      kiosks: kiosks.length,
      receivers: receivers.length,
      ms: monotonicMs() - started,
    });
  }

  async function startIssuing(message: Extract<ToWorker, { type: 'issue' }>): Promise<void> {
    if (kiosks.length === 0) throw new Error('issue: this worker has no kiosks');
    const started = monotonicMs();
    const serviceIds: readonly ServiceId[] = message.serviceIds;
    const priorityIds: readonly PriorityGroupId[] = message.priorityGroupIds;
    for (let index = 0; index < message.backlog; index += 1) {
      const issued = await sendCommand(kiosks[index % kiosks.length]!, 'ticket:issue', {
        serviceId: serviceIds[index % serviceIds.length]!,
      });
      if (!issued.ok) throw new Error(`backlog: ${issued.error.code}`);
    }
    const random = seededRandom(message.seed);
    isIssuing = true;
    const kioskLoop = async (socket: HallSocket, offset: number): Promise<void> => {
      let due = monotonicMs() + offset;
      while (isIssuing) {
        await sleep(Math.max(0, due - monotonicMs()));
        due += message.everyMs;
        const sentAt = monotonicMs();
        const answer = await sendCommand(socket, 'ticket:issue', {
          serviceId: random.pick(serviceIds),
          priorityGroupId: random.next() < 0.1 ? random.pick(priorityIds) : null,
        });
        if (answer.ok) issues.push([sentAt, monotonicMs() - sentAt]);
        else refused.push(answer.error.code);
      }
    };
    kioskLoops = kiosks.map((socket, index) => kioskLoop(socket, (index * message.everyMs) / kiosks.length));
    post({ type: 'issuing', ms: monotonicMs() - started });
  }

  function flush(): void {
    const readyCalls = calls.take();
    const readyRelays = relays.take();
    if (readyCalls.length > 0 || readyRelays.length > 0)
      post({ type: 'arrivals', calls: readyCalls, relays: readyRelays });
    if (issues.length > 0 || refused.length > 0) {
      post({ type: 'issues', issues, refused });
      issues = [];
      refused = [];
    }
  }
  const flushTimer = setInterval(flush, FLUSH_EVERY_MS);

  const cpuMs = (): number => {
    const cpu = process.cpuUsage();
    return (cpu.user + cpu.system) / 1000;
  };

  async function finish(): Promise<void> {
    isIssuing = false;
    await Promise.all(kioskLoops);
    isFinishing = true;
    clearInterval(flushTimer);
    flush();
    const beyond = (ns: number): number => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
    post({
      type: 'finished',
      incomplete: calls.incomplete + relays.incomplete,
      disconnects,
      loopDelayMs: {
        p50: beyond(loopDelay.percentile(50)),
        p99: beyond(loopDelay.percentile(99)),
        max: beyond(loopDelay.max),
      },
      cpuMs: cpuMs(),
    });
    // Its histogram's timer ends with it (in the bench process, the bench goes on).
    loopDelay.disable();
    for (const socket of sockets) socket.close();
    onFinished();
  }

  const failed =
    (what: string) =>
    (error: unknown): void =>
      onFailure(what, error);

  return {
    receive: (message) => {
      switch (message.type) {
        case 'connect':
          connectAll(message).catch(failed('connect'));
          break;
        case 'issue':
          startIssuing(message).catch(failed('issue'));
          break;
        case 'ping':
          post({ type: 'pong', sentAt: message.sentAt, receivedAt: monotonicMs(), cpuMs: cpuMs() });
          break;
        case 'measure':
          loopDelay.reset();
          break;
        case 'finish':
          finish().catch(failed('finish'));
          break;
      }
    },
  };
}

// Run as a process of its own (forked by client-workers.ts `startClientWorker`): the messages come over IPC.
const isForkedWorker = process.send !== undefined && process.argv[1] === fileURLToPath(import.meta.url);
if (isForkedWorker) {
  const host = createClientHost(
    (message) => process.send?.(message),
    // Let the last IPC message leave before the channel closes.
    () => setTimeout(() => process.exit(0), 200),
    (what, error) => {
      console.error(`client worker: ${what} failed`, error);
      process.exit(1);
    },
  );
  process.on('message', (raw: unknown) => host.receive(toWorkerSchema.parse(raw)));
  // The parent died: nothing more to do here.
  process.on('disconnect', () => process.exit(0));
}
