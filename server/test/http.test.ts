import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCounterId } from '@luot/shared/domain';
import { MIGRATIONS } from '../src/db/migrations.ts';
import { resolveInside } from '../src/http/static-files.ts';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall, tempDataDir } from './helpers.ts';

describe('HTTP', () => {
  let hall: Awaited<ReturnType<typeof startTestHall>>;
  let kiosk: TestClient;
  beforeAll(async () => {
    hall = await startTestHall();
    kiosk = await pairAndConnect(hall, 'kiosk');
  });
  afterAll(async () => {
    kiosk.close();
    await hall.dispose();
  });

  it('GET /health reports the database durability settings', async () => {
    const response = await fetch(`${hall.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      ok: true,
      protocolVersion: 1,
      database: { journalMode: 'wal', synchronous: 'FULL', schemaVersion: MIGRATIONS.length },
    });
    expect(typeof body.uptimeSeconds).toBe('number');
  });

  it('the public ticket status shows this ticket and counts only, and follows the call', async () => {
    await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' });
    const ack = await kiosk.send('ticket:issue', { requestId: requestId(), serviceId: 'ho-tich' });
    if (!ack.ok) throw new Error(ack.error.code);
    const url = `${hall.url}/api/tickets/${ack.value.publicCode}`;
    const waiting = (await (await fetch(url)).json()) as { value: Record<string, unknown> };
    expect(waiting.value).toMatchObject({ number: 'B002', status: 'waiting', peopleAhead: 1, counter: null });
    expect(JSON.stringify(waiting.value)).not.toContain('B001');

    const counter = await pairAndConnect(hall, 'counter', asCounterId('q4'));
    await counter.send('clerk:sign-in', { requestId: requestId(), username: 'canbo4', pin: '1234' });
    await counter.send('ticket:call-next', { requestId: requestId() });
    await counter.send('ticket:no-show', { requestId: requestId() });
    await counter.send('ticket:call-next', { requestId: requestId() });
    const called = (await (await fetch(url)).json()) as { value: Record<string, unknown> };
    expect(called.value).toMatchObject({ number: 'B002', status: 'called', counter: { number: 4 } });
    counter.close();

    expect((await fetch(`${hall.url}/api/tickets/not-a-real-code-000`)).status).toBe(404);
    expect((await fetch(`${hall.url}/api/tickets/..%2f..%2fetc`)).status).toBe(404);
  });

  it('serves files only inside their folder', () => {
    const data = tempDataDir();
    mkdirSync(path.join(data.dir, 'app'));
    writeFileSync(path.join(data.dir, 'app', 'index.html'), 'ok');
    writeFileSync(path.join(data.dir, 'secret.txt'), 'no');
    const root = path.join(data.dir, 'app');
    expect(resolveInside(root, 'index.html')).toBe(path.join(root, 'index.html'));
    for (const attack of [
      '../secret.txt',
      '..%2fsecret.txt',
      '%2e%2e/secret.txt',
      '/../../secret.txt',
      'index.html%00.png',
      '%E0%A4%A',
    ]) {
      expect(resolveInside(root, attack)).toBeUndefined();
    }
    data.remove();
  });

  it('answers unknown paths and bad methods with JSON errors, and refuses huge pairing bodies', async () => {
    expect((await fetch(`${hall.url}/nothing-here`)).status).toBe(404);
    expect((await fetch(`${hall.url}/api/pair`)).status).toBe(405);
    const huge = await fetch(`${hall.url}/api/pair`, { method: 'POST', body: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    const landing = await fetch(`${hall.url}/`);
    expect(await landing.text()).toContain('Lượt');
  });

  it('serves the voice clips, the hall’s own recording first', async () => {
    const defaultClip = await fetch(`${hall.url}/voice/chime.wav`);
    expect(defaultClip.status).toBe(200);
    expect(defaultClip.headers.get('content-type')).toBe('audio/wav');
    mkdirSync(path.join(hall.dataDir, 'voice'), { recursive: true });
    writeFileSync(path.join(hall.dataDir, 'voice', 'chime.wav'), 'RIFF-hall-own');
    expect(await (await fetch(`${hall.url}/voice/chime.wav`)).text()).toBe('RIFF-hall-own');
    expect((await fetch(`${hall.url}/voice/..%2f..%2fluot.sqlite`)).status).toBe(404);
  });
});
