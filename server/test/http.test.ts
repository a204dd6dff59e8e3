import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCounterId } from '@luot/shared/domain';
import { MIGRATIONS } from '../src/db/migrations.ts';
import type { TestClient } from './helpers.ts';
import { pairAndConnect, requestId, startTestHall } from './helpers.ts';

/** A GET through node:http: the status, headers and raw (undecoded) body. */
function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
  });
}

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

  it('serves files only inside their folder', async () => {
    writeFileSync(path.join(hall.dataDir, 'secret.txt'), 'secret-of-the-hall');
    mkdirSync(path.join(hall.dataDir, 'voice'), { recursive: true });
    writeFileSync(path.join(hall.dataDir, 'voice', 'own.wav'), 'RIFF-own');
    expect(await (await fetch(`${hall.url}/voice/own.wav`)).text()).toBe('RIFF-own');
    for (const attack of [
      '../secret.txt',
      '..%2fsecret.txt',
      '%2e%2e/secret.txt',
      '%2e%2e%2fsecret.txt',
      'own.wav%00.png',
      '%E0%A4%A',
    ]) {
      const response = await fetch(`${hall.url}/voice/${attack}`);
      const body = await response.text();
      expect({ attack, status: response.status >= 400 && response.status < 500 }).toEqual({
        attack,
        status: true,
      });
      expect(body).not.toContain('secret-of-the-hall');
    }
  });

  it('files carry an ETag (a second load is a 304), HTML is revalidated, assets cached for good, text compressed', async () => {
    // node:http, not fetch: fetch adds `cache-control: no-cache` to a conditional request and decompresses.
    const page = await rawGet(`${hall.url}/display/`);
    expect(page.status).toBe(200);
    const etag = page.headers.etag;
    expect(typeof etag).toBe('string');
    expect(page.headers['cache-control']).toBe('no-cache');
    const again = await rawGet(`${hall.url}/display/`, { 'if-none-match': String(etag) });
    expect(again.status).toBe(304);
    const script = /src="(\/display\/assets\/[^"]+\.js)"/.exec(page.body.toString('utf8'))?.[1];
    expect(script).toBeDefined();
    const asset = await rawGet(`${hall.url}${script!}`, { 'accept-encoding': 'gzip' });
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(asset.body).length).toBeGreaterThan(asset.body.length);
  });

  it('every page carries the security headers: CSP, no framing, no referrer', async () => {
    for (const target of [
      '/',
      '/kiosk/',
      '/counter/',
      '/counter/feedback/',
      '/display/',
      '/admin/',
      '/t/abcdefghijkl',
    ]) {
      const response = await fetch(`${hall.url}${target}`);
      await response.arrayBuffer();
      expect({ target, status: response.status }).toEqual({ target, status: 200 });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain(`ws://127.0.0.1:${hall.port}`);
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
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
