// Runs INSIDE a network namespace with no network (`unshare -n`), started by
// e2e/test/offline-bundle.test.ts:
//   unshare -n node --import tsx e2e/support/offline-hall-check.ts <bundle folder> <work folder> <port>
// It brings up the loopback interface (the only one there is), starts the unpacked hall bundle with its own
// start script, times it until /health answers, pairs a kiosk with the bundle's CLI, and takes two tickets
// through the kiosk's real flow over Socket.IO (HallConnection, issueAndPrint, the main process's printer
// service on a file printer). It prints one JSON line with what it saw; the test checks it.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { HallConnection, pairDevice, type TokenStorage } from '@luot/client';
import type { KioskChannel } from '../../apps/kiosk/src/bridge.ts';
import { registerIpcHandlers, type InvokeEvent } from '../../apps/kiosk/src/main/ipc.ts';
import { createPrinterFromConfig } from '../../apps/kiosk/src/main/printer/printer.ts';
import { createPrinterService } from '../../apps/kiosk/src/main/printer-service.ts';
import { createKioskBridge } from '../../apps/kiosk/src/preload/bridge-api.ts';
import { issueAndPrint } from '../../apps/kiosk/src/renderer/issue-flow.ts';
import { bridgePrinter } from '../../apps/kiosk/src/renderer/printer-port.ts';

const [bundleDir, workDir, portText] = process.argv.slice(2);
if (!bundleDir || !workDir || !portText) throw new Error('usage: <bundle folder> <work folder> <port>');
const url = `http://127.0.0.1:${portText}`;

async function until<T>(
  probe: () => Promise<T | null> | T | null,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const lo = spawnSync('ip', ['link', 'set', 'lo', 'up']);
if (lo.status !== 0) throw new Error(`ip link set lo up: ${lo.stderr.toString()}`);
// /proc/net/dev is this namespace's own list (/sys/class/net would still show the host's).
const interfaces = readFileSync('/proc/net/dev', 'utf8')
  .split('\n')
  .slice(2)
  .map((line) => line.split(':')[0]!.trim())
  .filter((name) => name !== '');

// The bundle's environment: nothing of this repository's (no tsx loader, no NODE_OPTIONS).
const serverEnv: NodeJS.ProcessEnv = {
  PATH: '/usr/bin:/bin',
  PORT: portText,
  LUOT_HOST: '127.0.0.1',
  LUOT_DATA_DIR: path.join(workDir, 'data'),
  // The check issues tickets for the demo hall's services; a production start has none.
  LUOT_DEMO: '1',
};
const startedAt = performance.now();
const server = spawn(path.join(bundleDir, 'start.sh'), [], {
  env: serverEnv,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverOutput = '';
server.stdout.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
server.stderr.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));

try {
  const health = await until(
    async () => {
      try {
        const response = await fetch(`${url}/health`);
        return response.ok ? ((await response.json()) as { ok: boolean; version: string }) : null;
      } catch {
        return null;
      }
    },
    30_000,
    'GET /health',
  );
  const startMs = performance.now() - startedAt;

  const pairing = spawnSync(
    path.join(bundleDir, 'luot'),
    ['pair', '--kind', 'kiosk', '--name', 'Kiosk (no network)'],
    {
      env: serverEnv,
      encoding: 'utf8',
    },
  );
  const code = /Pairing code: (\d{6})/.exec(pairing.stdout)?.[1];
  if (!code) throw new Error(`luot pair printed no code: ${pairing.stdout}${pairing.stderr}`);
  const tokens = new Map<string, string>();
  const storage: TokenStorage = {
    getItem: (key) => tokens.get(key) ?? null,
    setItem: (key, value) => void tokens.set(key, value),
    removeItem: (key) => void tokens.delete(key),
  };
  const paired = await pairDevice(url, code, 'kiosk', storage);
  if (!paired.ok) throw new Error(`pairing refused: ${paired.error.code}`);

  // The kiosk PC's main process (printer service behind the IPC handlers) and its renderer's pieces.
  const printer = createPrinterFromConfig({
    kind: 'file',
    directory: path.join(workDir, 'printer'),
    paperWidthMm: 80,
  });
  const handlers = new Map<KioskChannel, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  registerIpcHandlers(
    { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler: () => undefined },
    createPrinterService(printer),
    { allowedOrigin: url },
  );
  const bridge = createKioskBridge((channel, ...args) =>
    handlers.get(channel)!({ senderFrame: { url: `${url}/kiosk/`, parent: null } }, ...structuredClone(args)),
  );
  const connection = new HallConnection({ url, token: paired.value.token });
  await until(() => (connection.current.status === 'online' ? true : null), 10_000, 'the kiosk online');
  const config = connection.current.config!;
  const service = config.services.find((candidate) => candidate.isActive)!;
  const tickets: { number: string; isPrinted: boolean }[] = [];
  for (let visitor = 0; visitor < 2; visitor += 1) {
    const result = await issueAndPrint(
      { serviceId: service.id, procedureId: null, priorityGroupId: null },
      {
        hall: {
          isOnline: () => connection.current.status === 'online',
          issue: (request) => connection.send('ticket:issue', request),
          recordPrint: (printed) => connection.send('ticket:print-result', printed),
        },
        printer: bridgePrinter(bridge),
        config,
        origin: url,
        onPrinterStatus: () => undefined,
      },
    );
    if (result.kind !== 'issued') throw new Error(`ticket refused: ${JSON.stringify(result.refusal)}`);
    tickets.push({ number: result.issued.ticket.number, isPrinted: result.issued.isPrinted });
  }
  await until(
    () => (Object.keys(connection.current.state?.tickets ?? {}).length >= 2 ? true : null),
    5_000,
    'the tickets in the kiosk replica',
  );
  connection.close();
  await printer.close();
  const pages = readdirSync(path.join(workDir, 'printer')).filter((name) => name.endsWith('.png'));

  server.kill('SIGTERM');
  const exitCode = await exited;
  console.log(
    JSON.stringify({
      interfaces,
      startMs: Math.round(startMs),
      health,
      tickets,
      printedPages: pages.length,
      serverExit: exitCode,
      serverOutput: serverOutput.slice(0, 2_000),
    }),
  );
} catch (error) {
  server.kill('SIGKILL');
  console.log(
    JSON.stringify({ error: error instanceof Error ? error.message : String(error), serverOutput }),
  );
  process.exitCode = 1;
}
