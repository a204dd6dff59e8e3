import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Server as TlsServer } from 'node:tls';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeviceKind } from '@luot/shared/contracts';
import type { CounterId, HallConfig } from '@luot/shared/domain';
import { asDeviceId } from '@luot/shared/domain';
import type { Clock } from './app/clock.ts';
import { systemClock } from './app/clock.ts';
import { hashPin } from './app/credentials.ts';
import { DEMO_CLERK_PIN, demoHallConfig, emptyHallConfig } from './app/demo-hall.ts';
import { createPairingCode, pairWithCode, registerDevice } from './app/devices.ts';
import type { HallServiceOptions, RateLimit } from './app/hall-service.ts';
import { HallService } from './app/hall-service.ts';
import { ManagerAccounts, managerDeviceId } from './app/managers.ts';
import { AdminConsole } from './app/admin-console.ts';
import { FirstStart } from './app/first-manager.ts';
import { HubLinkConsole } from './app/hub-link-console.ts';
import { hallHostList } from './app/hall-hosts.ts';
import { hallTlsFiles, publicHallCaCertificate } from './app/hall-tls.ts';
import { unlockSettingKey } from './app/limits.ts';
import { AdminStore } from './db/admin-store.ts';
import { HallStore } from './db/hall-store.ts';
import type { CheckpointReport } from './db/checkpointer.ts';
import { startCheckpoints } from './db/checkpointer.ts';
import { DATABASE_FILE, openDatabase } from './db/open.ts';
import { createHttpApp } from './http/http-app.ts';
import type { Logger } from './log.ts';
import { createLogger } from './log.ts';
import type { RealtimeOptions } from './realtime/socket-server.ts';
import { attachRealtime } from './realtime/socket-server.ts';
import type { HubLinkSettings, ShipperTiming } from './hub-link/hub-shipper.ts';
import { HubShipper } from './hub-link/hub-shipper.ts';
import { AnalysisWorker } from './reports/analysis-worker.ts';
import { reportWorkerEntry } from './worker-files.ts';

/** The repository root, to find the built apps and the default voice clips. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export { DATABASE_FILE };

/** Where an app's built files live. */
const appDist = (appsDir: string, name: string): string => path.join(appsDir, name, 'dist');

/** How to start a hall server. */
export interface HallServerOptions {
  /** Folder for the database, backups and the hall's own voice clips; created if missing. */
  readonly dataDir: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly host?: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /**
   * A new database gets the demo hall and its well-known credentials (clerks' PIN 1234, manager
   * `admin`/`admin` to be changed at once): `LUOT_DEMO=1`, the quick start and tests. Without it a new
   * database gets an empty hall and no manager: the first manager is created on the server PC
   * (`luot init-manager`, or the console from loopback).
   */
  readonly seedDemo?: boolean;
  /** Time zone of a newly seeded hall. */
  readonly timeZone?: string;
  /** Configuration to seed instead of the demo (or empty) hall (tests); with seedDemo its clerks get the demo PIN. */
  readonly initialConfig?: HallConfig;
  readonly kioskIssueLimit?: RateLimit;
  readonly realtime?: RealtimeOptions;
  /**
   * The host names and addresses the hall answers to (LUOT_HOSTS); requests and socket handshakes naming
   * any other host are refused (DNS rebinding). Default: the machine's own names and addresses. Loopback
   * is always accepted.
   */
  readonly allowedHosts?: readonly string[];
  /** How often the business-day clock is checked. */
  readonly tickIntervalMs?: number;
  /** How often the database is checked for devices revoked by the CLI (default 1 s). */
  readonly revocationCheckIntervalMs?: number;
  /** The province hub this hall ships its events to (none: the hall ships nothing). */
  readonly hubLink?: HubLinkSettings & { readonly timing?: Partial<ShipperTiming> };
  /**
   * When WAL checkpoints run: 'after-commit' (default) on the hall's connection after a commit's answers
   * and broadcast (db/checkpointer.ts), or 'in-commit' as SQLite does by itself, inside the commit that
   * crosses 1,000 pages (benchmarks compare).
   */
  readonly checkpoints?: 'after-commit' | 'in-commit';
  /** After-commit checkpoints: the commits of a burst between two (benchmarks compare; default COMMITS_PER_CHECKPOINT). */
  readonly commitsPerCheckpoint?: number;
  /** Each WAL checkpoint the hall ran (tests, benchmarks). */
  readonly onCheckpoint?: (report: CheckpointReport) => void;
  /** Where each committed command's time went (benchmarks). */
  readonly onCommandTiming?: HallServiceOptions['onCommandTiming'];
  /**
   * HTTPS on the same port with this certificate and key (PEM; `readServerCertificate`); none: plain
   * HTTP. The hall CA of `luot tls init`, when the data folder has one, is served at `/ca.crt` either way.
   */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
}

/** A running hall server. */
export interface HallServer {
  /** `http://127.0.0.1:<port>`, or `https://…` when the server speaks HTTPS. */
  readonly url: string;
  readonly port: number;
  readonly service: HallService;
  readonly store: HallStore;
  /** True when this start seeded a new hall. */
  readonly isNewHall: boolean;
  /** True when this start created the demo's first manager account (admin/admin, to be changed). */
  readonly isFirstManagerSeeded: boolean;
  /** True while the hall has no manager account (a new production hall: `luot init-manager`). */
  readonly hasNoManager: () => boolean;
  /** Manager accounts and console sessions. */
  readonly accounts: ManagerAccounts;
  /** The shipper to the province hub, when the hall has one. */
  readonly hubShipper: HubShipper | null;
  /** Register a device directly and get its token (tests, CLI, first start). */
  registerDevice(
    kind: DeviceKind,
    name: string,
    counterId?: CounterId | null,
  ): { deviceId: string; token: string };
  /** Make a one-time pairing code. */
  createPairingCode(
    kind: DeviceKind,
    name: string,
    counterId?: CounterId | null,
  ): { code: string; expiresAt: number };
  close(): Promise<void>;
}

/** The server's version, as its package.json states it (shown on /health). */
function readPackageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'server', 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/**
 * Compose and start one hall: database (WAL, synchronous=FULL, migrated), command service, HTTP and
 * Socket.IO on one port. On a new database, seed the demo hall (or the given configuration).
 */
export async function startHallServer(options: HallServerOptions): Promise<HallServer> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger();
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = path.join(options.dataDir, DATABASE_FILE);
  const { db, state: dbState } = openDatabase(databaseFile);
  // No command's commit waits for a WAL checkpoint: they run after the broadcast (below).
  const checkpoints =
    options.checkpoints === 'in-commit'
      ? null
      : startCheckpoints(db, {
          onCheckpoint: options.onCheckpoint,
          ...(options.commitsPerCheckpoint === undefined
            ? {}
            : { commitsPerCheckpoint: options.commitsPerCheckpoint }),
        });
  const store = new HallStore(db);

  let config = store.loadConfig();
  const isNewHall = config === null;
  const isDemo = options.seedDemo === true;
  if (config === null) {
    config =
      options.initialConfig ??
      (isDemo ? demoHallConfig(options.timeZone) : emptyHallConfig(options.timeZone));
    store.saveConfig(config);
    // Only the demo has known PINs; a real hall's clerks get theirs from the manager (changed at first sign-in).
    if (isDemo) {
      const pinHash = await hashPin(DEMO_CLERK_PIN);
      for (const clerk of config.clerks) store.setClerkPin(clerk.id, pinHash);
    }
  }

  const adminStore = new AdminStore(db);
  const accounts = new ManagerAccounts(adminStore, clock);
  // The demo's manager (admin/admin, changed at first sign-in) only on a demo hall created by this very
  // start: LUOT_DEMO=1 on an existing hall must never add a known password to it.
  const isFirstManagerSeeded = isDemo && isNewHall && (await accounts.ensureFirstManager());

  // Shipping to the province hub reads the committed log beside the hall; commands never wait for it.
  let hubShipper: HubShipper | null = null;
  const service = new HallService({
    store,
    config,
    clock,
    logger,
    kioskIssueLimit: options.kioskIssueLimit,
    statusBaseUrl: () => hubShipper?.publicStatusBase() ?? null,
    // The CLI's unlock and PIN resets reach the running server's sign-in locks through the database.
    signInUnlockMark: (account) => adminStore.getSetting(unlockSettingKey(account)),
    // Manager console sessions connect with their session token.
    extraAuthenticator: (token, slide) => accounts.identityOf(token, slide),
    onCommandTiming: options.onCommandTiming,
  });
  if (options.hubLink) {
    hubShipper = new HubShipper(
      options.hubLink,
      {
        eventsSince: (version, limit) => store.eventsSince(version, limit),
        codeOfTicket: (id) => store.codeOfTicket(id),
        headVersion: () => service.state.version,
        config: () => service.hallConfig,
      },
      logger,
      options.hubLink.timing,
      () => clock.now(),
    );
    const shipper = hubShipper;
    service.onChanges(() => shipper.nudge());
  }
  const startedAt = clock.now();
  const apps: Record<string, string> = {};
  for (const name of ['kiosk', 'counter', 'display', 'admin']) {
    const dist = appDist(path.join(REPO_ROOT, 'apps'), name);
    if (existsSync(dist)) apps[name] = dist;
  }
  // The hall's own recordings first (the console writes them there), then the bundled set.
  const voiceDirs = [
    path.join(options.dataDir, 'voice'),
    path.join(REPO_ROOT, 'apps', 'display', 'voice', 'vi'),
  ];
  // Reports (and the policy simulator) run on their own thread and database connection.
  const analysis = new AnalysisWorker(databaseFile, reportWorkerEntry());
  const allowedHosts = hallHostList(options.allowedHosts);
  const http = await createHttpApp({
    service,
    clock,
    logger,
    startedAt,
    serverVersion: readPackageVersion(),
    database: () => ({
      file: path.basename(databaseFile),
      journalMode: dbState.journalMode,
      synchronous: dbState.synchronous === 2 ? 'FULL' : String(dbState.synchronous),
      schemaVersion: dbState.schemaVersion,
      sizeBytes: existsSync(databaseFile) ? statSync(databaseFile).size : 0,
      walBytes: existsSync(`${databaseFile}-wal`) ? statSync(`${databaseFile}-wal`).size : 0,
    }),
    pair: (code, name) => pairWithCode(store, code, clock.now(), name),
    apps,
    voiceDirs,
    allowedOrigins: options.realtime?.allowedOrigins ?? [],
    allowedHosts,
    admin: {
      accounts,
      console: new AdminConsole({
        service,
        accounts,
        adminStore,
        hallStore: store,
        clock,
        voiceDirs,
        analysis,
      }),
    },
    hubLink: new HubLinkConsole(service, hubShipper),
    firstStart: new FirstStart(adminStore, clock),
    ...(options.tls ? { tls: options.tls } : {}),
    hallCaCertificate: () => publicHallCaCertificate(hallTlsFiles(options.dataDir).caCert),
  });
  const httpServer = http.server;
  const realtime = attachRealtime(httpServer, service, logger, {
    now: () => clock.now(),
    ...options.realtime,
    allowedHosts,
  });
  // Once the change has been written to every socket (a thousand take several turns of the event loop),
  // so the displays have a change before a checkpoint after it runs.
  if (checkpoints) service.onChanges(() => realtime.whenDelivered(() => checkpoints.afterCommit()));
  // A console whose session ended (sign-out, password change, expiry at the next tick) is cut off at once.
  const stopSessionWatch = accounts.onSessionsEnded(
    (managerId) => void realtime.revalidate(asDeviceId(managerDeviceId(managerId))),
  );
  await http.listen({ port: options.port, host: options.host ?? '0.0.0.0' });
  const port = (httpServer.address() as AddressInfo).port;
  // The real port (PORT=0 picks one; a service may set PORT) and protocol (a TLS server is HTTPS), for
  // the links the CLI prints.
  const protocol = httpServer instanceof TlsServer ? 'https' : 'http';
  store.recordServerAddress({ protocol, port });
  const tick = setInterval(() => {
    void service.tick();
    accounts.endExpiredSessions();
  }, options.tickIntervalMs ?? 15_000);
  tick.unref();
  // `pnpm luot revoke` writes the same database from another process: drop such a device within a second.
  const revocationWatch = setInterval(
    () => service.noticeRevocationsElsewhere(),
    options.revocationCheckIntervalMs ?? 1_000,
  );
  revocationWatch.unref();
  // A hall that was off across the rollover starts its new day before anyone connects.
  await service.tick();
  hubShipper?.start();
  logger.info(
    { port, data: options.dataDir, version: service.state.version, day: service.state.businessDay },
    'hall server started',
  );

  let isClosed = false;
  return {
    url: `${protocol}://127.0.0.1:${port}`,
    port,
    service,
    store,
    isNewHall,
    isFirstManagerSeeded,
    hasNoManager: () => adminStore.countManagers() === 0,
    accounts,
    hubShipper,
    registerDevice: (kind, name, counterId = null) =>
      registerDevice(store, { kind, name, counterId }, clock.now()),
    createPairingCode: (kind, name, counterId = null) =>
      createPairingCode(store, { kind, name, counterId }, clock.now()),
    close: async () => {
      if (isClosed) return;
      isClosed = true;
      clearInterval(tick);
      clearInterval(revocationWatch);
      stopSessionWatch();
      await hubShipper?.stop();
      // Both at once. Socket.IO's close disconnects every client, then waits for the HTTP server's own,
      // which Node ends only when every connection has: one carrying a request at this instant stays
      // open once answered, for the keep-alive timeout (72 s) and longer while a reconnecting page keeps
      // sending on it. Fastify's close ends every such connection (`forceCloseConnections`).
      await Promise.all([realtime.close(), http.close()]);
      await analysis.close();
      checkpoints?.close();
      db.close();
    },
  };
}
