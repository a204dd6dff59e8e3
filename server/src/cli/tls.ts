import type { ServerAddress } from '../app/hall-links.ts';
import { hallBaseUrls } from '../app/hall-links.ts';
import { HALL_CA_PATH, hallTlsFiles } from '../app/hall-tls.ts';
import type { Settings } from '../settings.ts';
import type { KeyFileLock } from './tls-certificates.ts';

/** What `luot tls init|renew` needs from the CLI around it. */
export interface TlsCommandContext {
  readonly force: boolean;
  readonly extraNames: readonly string[];
  readonly settings: Settings;
  readonly hallName: string;
  /** Where the server last listened (its port), if it ever started on this data folder. */
  readonly address: ServerAddress | undefined;
  readonly print: (line: string) => void;
  /** How key files are shut (tests pass a fake Windows); the system's by default. */
  readonly lock?: KeyFileLock;
}

/**
 * `luot tls init [--force]` makes the hall CA and a server certificate; `luot tls renew` issues a new
 * server certificate from the existing CA (so no device has to trust anything new). Returns the exit code.
 */
export async function runTlsCommand(
  subcommand: string | undefined,
  context: TlsCommandContext,
): Promise<number> {
  const { print, settings } = context;
  if (subcommand !== 'init' && subcommand !== 'renew') {
    print('usage: luot tls init [--add-name <name>]… [--force]  |  luot tls renew [--add-name <name>]…');
    return 2;
  }
  // The certificate code (and its X.509 library) loads only for these commands.
  const tls = await import('./tls-certificates.ts');
  const badNames = context.extraNames.filter((name) => !tls.isCertificateName(name));
  if (badNames.length > 0) {
    print(`--add-name takes a host name or an IP address, not ${badNames.join(', ')}`);
    return 2;
  }
  const files = hallTlsFiles(settings.dataDir);
  const existing = tls.existingTlsFiles(files);
  const hasCa = existing.includes(files.caCert) && existing.includes(files.caKey);
  if (subcommand === 'init' && existing.length > 0 && !context.force) {
    print(`The hall already has TLS files: ${existing.join(', ')}. Nothing was changed.`);
    print('A new server certificate from the same CA: luot tls renew (or tls init --force).');
    print(`A new CA (every device must trust it again): delete ${files.caCert} and ${files.caKey} first.`);
    return 2;
  }
  if (subcommand === 'renew' && !hasCa) {
    print(`No hall CA in ${settings.dataDir}: run luot tls init first.`);
    return 2;
  }
  let outcome: Awaited<ReturnType<typeof tls.writeHallTls>>;
  try {
    outcome = await tls.writeHallTls(files, {
      hallName: context.hallName,
      names: tls.certificateNames(settings.hosts, context.extraNames),
      reuseCa: hasCa,
      now: Date.now(),
      lock: context.lock ?? tls.systemKeyFileLock,
    });
  } catch (error) {
    print(`luot tls ${subcommand}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const port = context.address?.port ?? settings.port;
  const [base] = hallBaseUrls({ protocol: 'https', port }, settings.hosts);
  print(`${outcome.isNewCa ? 'New hall CA' : 'Hall CA (kept)'}: ${outcome.caName}`);
  print(`  certificate for the devices: ${files.caCert}`);
  print(
    `  also served at ${base ?? `https://<server>:${port}`}${HALL_CA_PATH} (and over http until HTTPS is on)`,
  );
  print(`  SHA-256 fingerprint (compare it on each device): ${outcome.caFingerprint256}`);
  print(`  SHA-1 fingerprint (Windows calls it the thumbprint): ${outcome.caFingerprint1}`);
  print(`  private key, never leaves this PC (keep a copy with the backups): ${files.caKey}`);
  print(
    `Server certificate: ${files.serverCert}, valid until ${outcome.serverValidTo.toISOString().slice(0, 10)}, for`,
  );
  print(`  ${[...outcome.names.dns, ...outcome.names.ip].join(', ')}`);
  if (settings.tls?.source === 'settings') {
    print(
      `Note: the settings name another certificate (${settings.tls.certFile}); the server keeps using it until LUOT_TLS_CERT / tlsCert is removed.`,
    );
  } else {
    print(
      'Restart the hall server: it then speaks HTTPS on its port. Trust the CA on each device and pair it',
    );
    print('again on its https:// link (docs/OPERATIONS.md, "HTTPS in the hall").');
  }
  return 0;
}
