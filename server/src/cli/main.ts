import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEVICE_KINDS, pairingLink } from '@luot/shared/contracts';
import type { DeviceKind } from '@luot/shared/contracts';
import { asCounterId, asDeviceId, pinProblem } from '@luot/shared/domain';
import { pinProblemText } from '@luot/shared/text';
import { hashPin } from '../app/credentials.ts';
import { createPairingCode } from '../app/devices.ts';
import { HallStore } from '../db/hall-store.ts';
import { DATABASE_FILE, openDatabase } from '../db/open.ts';
import { enrolWithHub } from '../hub-link/enrol.ts';
import type { Settings } from '../settings.ts';
import { loadSettings, saveHubLink, settingsFile } from '../settings.ts';
import { hallBaseUrls } from '../app/hall-links.ts';
import { AdminStore } from '../db/admin-store.ts';
import { runBackupCommand } from './backups.ts';
import { runTlsCommand } from './tls.ts';
import { runResetPassword, runUnlock } from './sign-in-recovery.ts';
import { recordUnlock } from '../app/account-recovery.ts';
import { clerkAccount } from '../app/limits.ts';
import { initManager } from './init-manager.ts';
import type { ReadSecret } from './read-secret.ts';
import { terminalSecretReader } from './read-secret.ts';

const USAGE = `Lượt hall administration (works while the hall server runs)

  pnpm luot init-manager <username> [--name "Họ và tên"]
      the hall's first manager account (a new hall has none); asks for the password twice
  pnpm luot pair --kind <kiosk|counter|feedback|display> [--counter q1] [--name "Máy quầy 1"]
      one-time pairing code for a new device (valid 24 hours); managers pair nothing: they sign in to
      the console (/admin/) with their own account
  pnpm luot reset-pin <username> [--pin 123456]
      set a clerk's PIN (a random one is printed when --pin is omitted) and lift any lock-out
  pnpm luot unlock <username>
      lift every sign-in lock of a manager or clerk (from every address and terminal)
  pnpm luot reset-password <username> [--password <new password>]
      give a manager a new password (printed when omitted; to be changed at the next sign-in),
      end their sessions and lift their locks
  pnpm luot backup [--to <file>] [--keep-days 30]
      consistent online backup of the hall database (default: <data>/backups/luot-<time>.sqlite);
      with --keep-days, then delete the backups in <data>/backups older than that (the newest is kept)
  pnpm luot prune-backups --keep-days 30
      only delete the backups in <data>/backups older than that
  pnpm luot devices
      list paired devices
  pnpm luot revoke <deviceId>
      revoke a device's token: it can no longer connect, a running server drops it within seconds
      and signs out the clerk of a counter terminal
  pnpm luot tls init [--add-name <name or address>]… [--force]
      HTTPS for the hall: a hall-local CA ("Lượt – <hall> CA", its key stays on this PC) and a server
      certificate for every LUOT_HOSTS name, localhost, 127.0.0.1 and this PC's LAN addresses, in
      <data>/tls/; prints the CA's fingerprint. Refuses to overwrite without --force (which keeps the
      CA and issues a new server certificate). Restart the server, then trust the CA on each device
      (docs/OPERATIONS.md, "HTTPS in the hall"; devices download it from /ca.crt)
  pnpm luot tls renew [--add-name <name or address>]…
      a new server certificate from the same CA (new names, or before it expires); restart the server
  pnpm luot hub-enrol --url <https://hub.example.gov.vn> --code <XXXX-XXXX-XXXX>
      join the province hub with its one-time code: the hall's key goes into the settings file
      (hubUrl, hubKey); restart the server to start shipping (docs/HUB.md)

Settings come from the same environment as the server: LUOT_DATA_DIR, LUOT_CONFIG.
In an installed hall (the offline bundle) the same commands run without pnpm: luot.cmd <command> on
Windows, ./luot <command> on Linux (docs/OPERATIONS.md).`;

/** Run one CLI command; returns the exit code. Output goes through `print` so tests can read it. */
export async function runCli(
  argv: readonly string[],
  print: (line: string) => void = console.log,
  readSecret?: ReadSecret,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      counter: { type: 'string' },
      name: { type: 'string' },
      pin: { type: 'string' },
      password: { type: 'string' },
      to: { type: 'string' },
      url: { type: 'string' },
      code: { type: 'string' },
      'keep-days': { type: 'string' },
      force: { type: 'boolean' },
      'add-name': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, argument] = positionals;
  if (values.help || command === undefined) {
    print(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command === 'hub-enrol') return hubEnrol(values, print);
  const settings = loadSettings();
  mkdirSync(settings.dataDir, { recursive: true });
  const { db } = openDatabase(path.join(settings.dataDir, DATABASE_FILE));
  const store = new HallStore(db);
  try {
    const config = store.loadConfig();
    switch (command) {
      case 'pair': {
        const kind = values.kind as DeviceKind | undefined;
        if (!kind || !DEVICE_KINDS.includes(kind)) {
          print(
            `--kind must be one of ${DEVICE_KINDS.join(', ')} (a manager signs in to /admin/ with an account)`,
          );
          return 2;
        }
        const counterId = values.counter === undefined ? null : asCounterId(values.counter);
        if ((kind === 'counter' || kind === 'feedback') && counterId === null) {
          print(`a ${kind} device belongs to one counter: add --counter <id> (e.g. --counter q1)`);
          return 2;
        }
        if (counterId !== null && !config?.counters.some((counter) => counter.id === counterId)) {
          print(
            `unknown counter ${values.counter}; counters: ${config?.counters.map((c) => c.id).join(', ') ?? 'none'}`,
          );
          return 2;
        }
        const { code, expiresAt } = createPairingCode(
          store,
          { kind, name: values.name ?? `${kind}${counterId ? ` ${counterId}` : ''}`, counterId },
          Date.now(),
        );
        print(`Pairing code: ${code} (valid until ${new Date(expiresAt).toISOString()})`);
        for (const line of pairingLinkLines(store, settings, kind, code)) print(line);
        return 0;
      }
      case 'reset-pin': {
        const clerk = config?.clerks.find(
          (candidate) => candidate.username.toLowerCase() === argument?.toLowerCase(),
        );
        if (!clerk) {
          print(`unknown clerk ${argument ?? '(none)'}`);
          return 2;
        }
        const pin = values.pin ?? randomStrongPin();
        const problem = pinProblem(pin);
        if (problem !== null) {
          print(`${pinProblemText('vi', problem)} / ${pinProblemText('en', problem)}`);
          return 2;
        }
        // The clerk replaces it with their own at the next sign-in (issue 15).
        store.setClerkPin(clerk.id, await hashPin(pin), true);
        recordUnlock(new AdminStore(db), clerkAccount(clerk.username), Date.now());
        print(
          `PIN of ${clerk.username} (${clerk.name}) set to ${pin}; the clerk chooses a new one at the next sign-in`,
        );
        return 0;
      }
      case 'unlock':
        return runUnlock(argument, {
          adminStore: new AdminStore(db),
          hallStore: store,
          now: Date.now,
          print,
        });
      case 'reset-password':
        return await runResetPassword(argument, values.password, {
          adminStore: new AdminStore(db),
          hallStore: store,
          now: Date.now,
          print,
        });
      case 'init-manager': {
        const secrets = readSecret ? { readSecret, close: () => {} } : terminalSecretReader();
        try {
          return await initManager(
            { username: argument, displayName: values.name },
            { store: new AdminStore(db), readSecret: secrets.readSecret, print },
          );
        } finally {
          secrets.close();
        }
      }
      case 'backup':
      case 'prune-backups':
        return await runBackupCommand(
          command,
          { to: values.to, keepDays: values['keep-days'] },
          { dataDir: settings.dataDir, store, now: Date.now, print },
        );
      case 'devices': {
        for (const device of store.listDevices()) {
          print(
            [
              device.id,
              device.kind.padEnd(8),
              (device.counterId ?? '-').padEnd(4),
              device.revokedAt === null ? 'active ' : 'revoked',
              device.lastSeenAt === null ? 'never seen' : new Date(device.lastSeenAt).toISOString(),
              device.name,
            ].join('  '),
          );
        }
        return 0;
      }
      case 'tls':
        return await runTlsCommand(argument, {
          force: values.force === true,
          extraNames: values['add-name'] ?? [],
          settings,
          hallName: config?.hall.name ?? '',
          address: store.serverAddress(),
          print,
        });
      case 'revoke': {
        if (!argument || !store.revokeDevice(asDeviceId(argument), Date.now())) {
          print(`no active device ${argument ?? '(none)'}`);
          return 2;
        }
        print(`Revoked ${argument}; a running hall server drops it within seconds.`);
        return 0;
      }
      default:
        print(`unknown command ${command}\n\n${USAGE}`);
        return 2;
    }
  } finally {
    db.close();
  }
}

/** A random six-digit PIN that the weak-PIN rules accept (a run or repeat is drawn again). */
function randomStrongPin(): string {
  for (;;) {
    const pin = String(randomInt(100_000, 1_000_000));
    if (pinProblem(pin) === null) return pin;
  }
}

/**
 * Where to open a pairing code: on the protocol and port the hall server really listens on (it records
 * them at each start), at the hall's host names or this machine's LAN addresses.
 */
function pairingLinkLines(store: HallStore, settings: Settings, kind: DeviceKind, code: string): string[] {
  const recorded = store.serverAddress();
  const address = recorded ?? { protocol: 'http' as const, port: settings.port };
  const lines = hallBaseUrls(address, settings.hosts).map((base) => `Open ${pairingLink(base, kind, code)}`);
  if (!recorded)
    lines.push("(the hall server has not started on this data folder yet: the port is the settings' one)");
  return lines;
}

/** `hub-enrol`: trade the province's one-time code for this hall's key and keep it in the settings file. */
async function hubEnrol(
  values: { url?: string | undefined; code?: string | undefined },
  print: (line: string) => void,
): Promise<number> {
  if (!values.url || !/^https?:\/\/[^\s/]+/.test(values.url) || !values.code) {
    print('usage: pnpm luot hub-enrol --url <https://hub…> --code <XXXX-XXXX-XXXX>');
    return 2;
  }
  try {
    const { hallId, key } = await enrolWithHub(values.url, values.code);
    const file = settingsFile();
    saveHubLink(file, { url: values.url.replace(/\/+$/, ''), key });
    print(
      `Enrolled as ${hallId}; the hub's address and this hall's key are in ${file}. Restart the server to ship.`,
    );
    return 0;
  } catch (error) {
    print(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  process.exitCode = await runCli(process.argv.slice(2));
}
