// Ack, then broadcast, in one turn (ARCHITECTURE.md; issue #17): after a commit the senders' acks go out,
// then the change, before the event loop turns to read any other socket's command. The broadcast used to
// wait a whole turn (`setImmediate`), and in that turn the commands other sockets had sent were read and
// decided first: 0.24 ms more for the slowest tenth of sequential calls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Changes } from '@luot/shared/contracts';
import { afterPendingMicrotasks } from '../src/app/after-microtasks.ts';
import { handleClientEvent } from '../src/app/command-router.ts';
import type { RecordingDisplay, TestClient } from './helpers.ts';
import { connectClient, connectDisplays, requestId, startTestHall, waitFor } from './helpers.ts';

describe('afterPendingMicrotasks', () => {
  it('runs after every promise chain already moving, however deep, and before the next turn', async () => {
    const order: string[] = [];
    const deep = async (depth: number): Promise<number> => (depth === 0 ? 0 : 1 + (await deep(depth - 1)));
    const chain = deep(20).then(() => order.push('chain of 20 awaits'));
    setImmediate(() => order.push('setImmediate'));
    setTimeout(() => order.push('setTimeout 0'), 0);
    afterPendingMicrotasks(() => order.push('after the microtasks'));
    order.push('synchronous');
    await chain;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order.slice(0, 3)).toEqual(['synchronous', 'chain of 20 awaits', 'after the microtasks']);
    expect(order.slice(3).sort()).toEqual(['setImmediate', 'setTimeout 0']);
  });
});

describe('a command’s ack, then its change, in one turn', () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    hall = await startTestHall();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await hall.dispose();
  });

  it('the server acks the sender and broadcasts the change before it reads the next socket', async () => {
    const kiosk = hall.registerDevice('kiosk', 'Ki-ốt 1');
    const identity = hall.service.authenticate(kiosk.token);
    if (identity === undefined) throw new Error('the kiosk token was refused');
    const order: string[] = [];
    const stop = hall.service.onChanges((changes: Changes) => order.push(`change v${changes.toVersion}`));
    try {
      // As the socket server does with an incoming event: the handler's promise, then the ack.
      const handled = handleClientEvent(hall.service, identity, 'ticket:issue', {
        requestId: requestId(),
        serviceId: 'chung-thuc',
      }).then((ack) => order.push(ack.ok ? `ack v${(ack.value as { version: number }).version}` : 'refused'));
      // Queued after the group commit's own callback: the next thing the loop would run.
      setImmediate(() => order.push('next callback of the loop'));
      await handled;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const version = hall.service.snapshot(identity).version;
      expect(order).toEqual([`ack v${version}`, `change v${version}`, 'next callback of the loop']);
    } finally {
      stop();
    }
  });

  it('over real sockets the sender gets its ack before the change it caused, and every display gets it', async () => {
    const kiosk = await connectClient(hall.url, hall.registerDevice('kiosk', 'Ki-ốt 1').token);
    clients.push(kiosk);
    const displays: RecordingDisplay[] = await connectDisplays(hall, 3);
    clients.push(...displays.map((display) => display.client));
    const atKiosk: string[] = [];
    kiosk.socket.on('hall:changes', (changes) => atKiosk.push(`change v${changes.toVersion}`));
    for (let index = 0; index < 5; index += 1) {
      // Recorded in the ack callback itself: the client decodes packets in the order they came.
      const version = await new Promise<number>((resolve, reject) => {
        kiosk.socket.emit('ticket:issue', { requestId: requestId(), serviceId: 'chung-thuc' }, (ack) => {
          if (!ack.ok) return reject(new Error(ack.error.message));
          atKiosk.push(`ack v${ack.value.version}`);
          resolve(ack.value.version);
        });
      });
      await waitFor(() => atKiosk.at(-1) === `change v${version}`, 5_000, 'the change at the kiosk');
      expect(atKiosk.slice(-2)).toEqual([`ack v${version}`, `change v${version}`]);
      await waitFor(
        () => displays.every((display) => display.received.at(-1)?.toVersion === version),
        5_000,
        'the change at every display',
      );
    }
  });
});
