import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { hallTlsFiles } from './app/hall-tls.ts';
import { REPO_ROOT } from './hall-server.ts';
import { isKnownTimeZone as isKnownTimeZoneHere } from '@luot/shared/domain';

/** A hall's settings file (`luot.config.json` in the data folder, or LUOT_CONFIG). */
const settingsFileSchema = z.strictObject({
  port: z.number().int().min(0).max(65_535).optional(),
  host: z.string().optional(),
  timeZone: z.string().optional(),
  allowedOrigins: z.array(z.string()).optional(),
  // The hall's own host names and addresses (DNS rebinding); none: the machine's own.
  hosts: z.array(z.string().trim().min(1).max(253)).optional(),
  kioskIssueLimit: z
    .strictObject({ burst: z.number().int().min(1), perMinute: z.number().min(1) })
    .optional(),
  // The province hub (docs/HUB.md): the hall ships its events there when both are set.
  hubUrl: z.url({ protocol: /^https?$/ }).optional(),
  hubKey: z.string().min(16).max(200).optional(),
  // HTTPS with the hall's own certificate (docs/OPERATIONS.md, "HTTPS in the hall"); paths absolute or
  // relative to the data folder. Without them, the files `luot tls init` writes are used when present.
  tlsCert: z.string().min(1).optional(),
  tlsKey: z.string().min(1).optional(),
});

/** The settings file: LUOT_CONFIG, else `luot.config.json` in the data folder. */
export function settingsFile(env: NodeJS.ProcessEnv = process.env): string {
  const dataDir = path.resolve(env.LUOT_DATA_DIR ?? path.join(REPO_ROOT, 'data'));
  return env.LUOT_CONFIG ? path.resolve(env.LUOT_CONFIG) : path.join(dataDir, 'luot.config.json');
}

/**
 * Record the province hub in the settings file (`hubUrl`, `hubKey`), keeping what else it says. Written
 * whole or not at all, readable only by its owner (it holds the hall's key).
 */
export function saveHubLink(file: string, link: { url: string; key: string }): void {
  const current = existsSync(file) ? settingsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : {};
  const next = settingsFileSchema.parse({ ...current, hubUrl: link.url, hubKey: link.key });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** Resolved server settings. */
export interface Settings {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly timeZone: string;
  readonly allowedOrigins: readonly string[];
  /** The host names and addresses the hall answers to (LUOT_HOSTS); undefined: the machine's own. */
  readonly hosts?: readonly string[];
  readonly kioskIssueLimit?: { burst: number; perMinute: number };
  /**
   * LUOT_DEMO=1: a new database gets the demo hall (clerks canbo1…8 with PIN 1234, manager admin/admin).
   * Anything else: a new database gets an empty hall and no manager (docs/OPERATIONS.md, "First start").
   */
  readonly isDemo: boolean;
  /** Where and how this hall ships its events (LUOT_HUB_URL + LUOT_HUB_KEY, or hubUrl + hubKey). */
  readonly hubLink?: { readonly url: string; readonly key: string };
  /** The certificate and key the server speaks HTTPS with; undefined: plain HTTP. */
  readonly tls?: TlsSettings;
}

/** Where the hall's HTTPS certificate comes from. */
export interface TlsSettings {
  readonly certFile: string;
  readonly keyFile: string;
  /** `settings`: named by LUOT_TLS_CERT/LUOT_TLS_KEY or the settings file; `tls-init`: `<data>/tls/`. */
  readonly source: 'settings' | 'tls-init';
}

/**
 * The one rule for HTTPS: LUOT_TLS=off means plain HTTP; a certificate named by LUOT_TLS_CERT +
 * LUOT_TLS_KEY (or tlsCert + tlsKey) is used (missing files fail the server's start, they do not fall
 * back to HTTP); else the files of `luot tls init` in `<data>/tls/` when both exist; else plain HTTP.
 */
function resolveTls(
  env: NodeJS.ProcessEnv,
  fromFile: { tlsCert?: string | undefined; tlsKey?: string | undefined },
  dataDir: string,
): TlsSettings | undefined {
  if (env.LUOT_TLS !== undefined && env.LUOT_TLS !== 'off' && env.LUOT_TLS !== '')
    throw new Error(`LUOT_TLS may only be "off" (plain HTTP), got ${env.LUOT_TLS}`);
  if (env.LUOT_TLS === 'off') return undefined;
  const certFile = env.LUOT_TLS_CERT ?? fromFile.tlsCert;
  const keyFile = env.LUOT_TLS_KEY ?? fromFile.tlsKey;
  if ((certFile === undefined) !== (keyFile === undefined))
    throw new Error('set both LUOT_TLS_CERT and LUOT_TLS_KEY (or tlsCert and tlsKey), or neither');
  if (certFile !== undefined && keyFile !== undefined) {
    // Whether the files exist is the server's start to check (readServerCertificate), not every CLI command's.
    return {
      certFile: path.resolve(dataDir, certFile),
      keyFile: path.resolve(dataDir, keyFile),
      source: 'settings',
    };
  }
  const made = hallTlsFiles(dataDir);
  return existsSync(made.serverCert) && existsSync(made.serverKey)
    ? { certFile: made.serverCert, keyFile: made.serverKey, source: 'tls-init' }
    : undefined;
}

/**
 * Settings from the environment over the settings file over defaults: PORT (8080), LUOT_HOST (0.0.0.0),
 * LUOT_DATA_DIR (`data/` in the repository), LUOT_TIME_ZONE (Asia/Ho_Chi_Minh), LUOT_CONFIG, LUOT_HUB_URL and
 * LUOT_HUB_KEY (the province hub; none by default), LUOT_HOSTS (comma-separated host names and addresses
 * of the hall; default the machine's own, plus loopback always), LUOT_DEMO (`1`: a new database gets the
 * demo hall), LUOT_TLS_CERT / LUOT_TLS_KEY / LUOT_TLS=off (HTTPS, see `resolveTls`).
 */
export function loadSettings(
  env: NodeJS.ProcessEnv = process.env,
  /** How the zone is checked; the server's start asks a child process (zone-tables.ts, `preloadZone`). */
  isKnownTimeZone: (zone: string, dataDir: string) => boolean = isKnownTimeZoneHere,
): Settings {
  const dataDir = path.resolve(env.LUOT_DATA_DIR ?? path.join(REPO_ROOT, 'data'));
  const file = settingsFile(env);
  const fromFile = existsSync(file) ? settingsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : {};
  const port = env.PORT !== undefined ? Number(env.PORT) : (fromFile.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be 0–65535, got ${env.PORT}`);
  const timeZone = env.LUOT_TIME_ZONE ?? fromFile.timeZone ?? 'Asia/Ho_Chi_Minh';
  if (!isKnownTimeZone(timeZone, dataDir)) throw new Error(`unknown time zone ${timeZone}`);
  const hubUrl = env.LUOT_HUB_URL ?? fromFile.hubUrl;
  const hubKey = env.LUOT_HUB_KEY ?? fromFile.hubKey;
  if ((hubUrl === undefined) !== (hubKey === undefined))
    throw new Error('set both LUOT_HUB_URL and LUOT_HUB_KEY (or hubUrl and hubKey), or neither');
  if (hubUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(hubUrl))
    throw new Error(`LUOT_HUB_URL must be an http(s) address, got ${hubUrl}`);
  const hosts =
    env.LUOT_HOSTS !== undefined
      ? env.LUOT_HOSTS.split(',')
          .map((name) => name.trim())
          .filter((name) => name !== '')
      : fromFile.hosts;
  const tls = resolveTls(env, fromFile, dataDir);
  return {
    port,
    host: env.LUOT_HOST ?? fromFile.host ?? '0.0.0.0',
    dataDir,
    timeZone,
    allowedOrigins: fromFile.allowedOrigins ?? [],
    isDemo: env.LUOT_DEMO === '1',
    ...(hosts !== undefined && hosts.length > 0 ? { hosts } : {}),
    ...(fromFile.kioskIssueLimit ? { kioskIssueLimit: fromFile.kioskIssueLimit } : {}),
    ...(hubUrl !== undefined && hubKey !== undefined ? { hubLink: { url: hubUrl, key: hubKey } } : {}),
    ...(tls ? { tls } : {}),
  };
}
