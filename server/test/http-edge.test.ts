// Issue #15, "The HTTP edge on a maintained framework": checks of what that section asks that no other
// test held — pino levels from LOG_LEVEL, the start banner kept out of the JSON log stream (the real
// start script, as `pnpm start` runs it), and the per-address rate limit over every route.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, logLevelFrom } from '../src/log.ts';
import { REPO_ROOT } from '../src/hall-server.ts';
import { startTestHall, tempDataDir, waitFor } from './helpers.ts';

describe('logs through pino', () => {
  it('take their level from LOG_LEVEL, refuse an unknown one, and drop lines below it', () => {
    expect(logLevelFrom({})).toBe('info');
    expect(logLevelFrom({ LOG_LEVEL: ' WARN ' })).toBe('warn');
    expect(() => logLevelFrom({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of/);
    const lines: string[] = [];
    const logger = createLogger({
      level: logLevelFrom({ LOG_LEVEL: 'warn' }),
      destination: { write: (line) => lines.push(line) },
    });
    logger.info({ device: 'k1' }, 'command');
    logger.warn({ device: 'k1' }, 'printer status');
    expect(lines.map((line) => JSON.parse(line) as { level: string; msg: string })).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'printer status' }),
    ]);
  });
});

describe('the start script', { timeout: 120_000 }, () => {
  it('writes only JSON log lines to stdout and its banner, with the real port, to stderr', async () => {
    const data = tempDataDir();
    const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        LUOT_DATA_DIR: data.dir,
        PORT: '0',
        LUOT_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        LUOT_DEMO: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitFor(() => /"msg":"hall server started"/.test(stdout), 90_000, 'the server to start');
      const started = stdout
        .split('\n')
        .map((line) =>
          line.trim() === '' ? undefined : (JSON.parse(line) as { msg?: string; port?: number }),
        )
        .find((line) => line?.msg === 'hall server started');
      const port = started?.port;
      expect(port).toBeGreaterThan(0);
      await waitFor(() => stderr.includes(`:${port}`), 10_000, 'the banner');
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited;
      data.remove();
    }
    const lines = stdout.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    expect(stdout).not.toContain('Lượt —');
    expect(stderr).toContain('Lượt —');
  });
});

describe('the HTTP edge', { timeout: 120_000 }, () => {
  it('limits requests per address over every route: a flood gets 429 RATE_LIMITED with Retry-After', async () => {
    const hall = await startTestHall();
    try {
      let refused: Response | undefined;
      let answered = 0;
      for (let round = 0; round < 40 && refused === undefined; round += 1) {
        const replies = await Promise.all(Array.from({ length: 100 }, () => fetch(`${hall.url}/health`)));
        for (const reply of replies) {
          if (reply.status === 429) refused ??= reply;
          else {
            expect(reply.status).toBe(200);
            answered += 1;
            await reply.arrayBuffer();
          }
        }
      }
      expect(refused, 'a 429 within 4,000 requests').toBeDefined();
      expect(answered).toBeGreaterThanOrEqual(1_000); // generous for a device loading an app
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused!.json()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    } finally {
      await hall.dispose();
    }
  });
});
