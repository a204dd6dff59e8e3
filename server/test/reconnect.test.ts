import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Changes, Snapshot } from '@luot/shared/contracts';
import { PROTOCOL_VERSION, applyChanges } from '@luot/shared/contracts';
import { asCounterId } from '@luot/shared/domain';
import { io } from 'socket.io-client';
import type { HallClient, TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall, waitFor } from './helpers.ts';

describe('resync', () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let kiosk: TestClient;
  let counter: TestClient;
  beforeAll(async () => {
    hall = await startTestHall();
    kiosk = await pairAndConnect(hall, 'kiosk');
    counter = await pairAndConnect(hall, 'counter', asCounterId('q1'));
    await counter.send('clerk:sign-in', { requestId: requestId(), username: 'canbo1', pin: '1234' });
  });
  afterAll(async () => {
    kiosk.close();
    counter.close();
    await hall.dispose();
  });

  it('a reconnecting client that missed changes ends with the same state as the server', async () => {
    const { token } = hall.registerDevice('display', 'Màn hình tầng 2');
    const socket: HallClient = io(hall.url, {
      auth: { token, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 100,
    });
    let replica: Snapshot['state'] | undefined;
    let gaps = 0;
    let snapshots = 0;
    socket.on('hall:snapshot', (snapshot) => {
      snapshots += 1;
      replica = snapshot.state;
    });
    socket.on('hall:changes', (changes: Changes) => {
      if (!replica) return;
      const result = applyChanges(replica, changes);
      if (result.outcome === 'gap') {
        gaps += 1;
        socket.emit('sync:snapshot', {}, (ack: Ack<Snapshot>) => {
          if (ack.ok) replica = ack.value.state;
        });
      } else replica = result.state;
    });
    await waitFor(() => replica !== undefined);

    for (let index = 0; index < 3; index += 1)
      await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'dat-dai' });
    await waitFor(() => replica?.version === hall.service.state.version);

    // The link drops; the hall goes on without this display.
    socket.io.engine.close();
    await waitFor(() => !socket.connected);
    for (let index = 0; index < 5; index += 1)
      await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'tai-nguyen' });
    await counter.send('ticket:call-next', { requestId: requestId() });

    await waitFor(() => socket.connected && replica?.version === hall.service.state.version, 5_000, 'resync');
    expect(replica).toEqual(hall.service.state);
    expect(snapshots).toBeGreaterThanOrEqual(2);
    expect(gaps).toBe(0);
    socket.close();
  });

  it('a gap in versions is detected and mended with a snapshot', () => {
    const state = hall.service.state;
    const result = applyChanges(
      { ...state, version: state.version - 3 },
      {
        fromVersion: state.version,
        toVersion: state.version + 1,
        events: [],
      },
    );
    expect(result.outcome).toBe('gap');
    expect(
      applyChanges(state, { fromVersion: state.version - 1, toVersion: state.version, events: [] }).outcome,
    ).toBe('stale');
  });

  it('repeating a requestId returns the first result and changes nothing', async () => {
    const id = requestId();
    const first = await kiosk.send('ticket:issue', { requestId: id, serviceId: 'ho-tich' });
    const version = hall.service.state.version;
    const again = await kiosk.send('ticket:issue', { requestId: id, serviceId: 'ho-tich' });
    expect(again).toEqual(first);
    expect(hall.service.state.version).toBe(version);
    // A requestId reused for another payload (another service) is refused, not given the old ticket
    // (server/test/idempotency.test.ts covers refusals, restarts and the bound).
    const changed = await kiosk.send('ticket:issue', { requestId: id, serviceId: 'dat-dai' });
    expect(changed).toMatchObject({ ok: false, error: { code: 'REQUEST_ID_REUSED' } });
    expect(hall.service.state.version).toBe(version);
    // The answer is stored with the events, for a repeat after a restart.
    const stored = hall.store.findCommandAnswer(kiosk.snapshot.identity.deviceId, id);
    expect(JSON.parse(stored!.result)).toEqual(first);
  });
});
