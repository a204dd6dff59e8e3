// `luot tls init` / `luot tls renew`: the hall's own CA and the server certificate it signs, made in pure
// JavaScript (Node's WebCrypto for keys and signatures, @peculiar/x509 for the certificate structure), so
// it runs the same on a Windows hall PC with no openssl. Loaded only by these commands (cli/main.ts
// imports it on demand): the X.509 library needs a Reflect metadata polyfill that nothing else should carry.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, webcrypto, X509Certificate as NodeX509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';
import { normalizeHostName } from '../app/hall-hosts.ts';
import { lanAddresses } from '../app/hall-links.ts';
import type { HallTlsFiles } from '../app/hall-tls.ts';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
// Node's WebCrypto is the standard one the library signs with.
const crypto = webcrypto;
x509.cryptoProvider.set(crypto);

/** RSA with SHA-256: what every browser, Android TV, iPad and Windows version in a hall accepts. */
const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The CA lives as long as the devices that trust it; re-trusting every device is the costly step. */
const CA_VALID_DAYS = 20 * 365;
/**
 * Apple refuses TLS server certificates valid for more than 825 days, even from a CA the user installed;
 * `luot tls renew` issues the next one from the same CA, so no device has to be touched.
 */
export const SERVER_VALID_DAYS = 825;
/** Devices whose clock runs a little behind must not see a certificate "not yet valid". */
const BACKDATE_MS = DAY_MS;
/** X.520's upper bound for a common name. */
const COMMON_NAME_MAX = 64;

/** The names a server certificate is valid for. */
export interface CertificateNames {
  readonly dns: readonly string[];
  readonly ip: readonly string[];
}

const DNS_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Whether a name can stand in a certificate: an IPv4/IPv6 address or a DNS host name. */
export function isCertificateName(name: string): boolean {
  const normalized = normalizeHostName(name);
  return isIP(normalized) !== 0 || DNS_NAME.test(normalized);
}

/**
 * Every name a device may use to reach the hall: the hall's LUOT_HOSTS names (or, without them, this
 * PC's computer name and `<name>.local`), `localhost`, 127.0.0.1 and ::1, this PC's LAN addresses, and
 * the names the technician adds. Names a certificate cannot carry (a computer name with `_`) are left out.
 */
export function certificateNames(
  configuredHosts: readonly string[] | undefined,
  extraNames: readonly string[],
): CertificateNames {
  const machine = hostname().toLowerCase();
  const hallNames =
    configuredHosts !== undefined && configuredHosts.length > 0
      ? configuredHosts
      : [machine, ...(machine.includes('.') ? [] : [`${machine}.local`])];
  const all = [...hallNames, 'localhost', '127.0.0.1', '::1', ...lanAddresses(), ...extraNames]
    .map(normalizeHostName)
    .filter((name) => name !== '' && isCertificateName(name));
  const unique = [...new Set(all)];
  return {
    dns: unique.filter((name) => isIP(name) === 0),
    ip: unique.filter((name) => isIP(name) !== 0),
  };
}

/** The CA's name: "Lượt – <hall name> CA", cut to the 64 characters a common name may have. */
export function hallCaName(hallName: string): string {
  const prefix = 'Lượt – ';
  const suffix = ' CA';
  const room = COMMON_NAME_MAX - prefix.length - suffix.length;
  const name = hallName.trim() === '' ? 'Hall' : hallName.trim();
  return `${prefix}${name.length > room ? name.slice(0, room).trimEnd() : name}${suffix}`;
}

async function newRsaKeys(modulusLength: number): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(
    { ...RSA, modulusLength, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** The hall's CA: its certificate (PEM) and private key (PKCS #8 PEM). */
export interface HallCa {
  readonly certificatePem: string;
  readonly keyPem: string;
}

/** A new hall CA, self-signed, allowed to sign server certificates only (path length 0). */
export async function createHallCa(hallName: string, now: number): Promise<HallCa> {
  const keys = await newRsaKeys(3072);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: [{ CN: [hallCaName(hallName)] }, { O: ['Lượt'] }],
    keys,
    signingAlgorithm: RSA,
    notBefore: new Date(now - BACKDATE_MS),
    notAfter: new Date(now + CA_VALID_DAYS * DAY_MS),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificatePem: certificate.toString('pem'), keyPem: await privateKeyPem(keys.privateKey) };
}

/** A server certificate and its key (PEM), signed by the hall CA. */
export interface ServerCertificatePems {
  readonly certificatePem: string;
  readonly keyPem: string;
}

/** A new server key and certificate for the given names, signed by the hall CA. */
export async function issueServerCertificate(
  ca: HallCa,
  names: CertificateNames,
  now: number,
): Promise<ServerCertificatePems> {
  const caCertificate = new x509.X509Certificate(ca.certificatePem);
  // Any PEM form of the CA key (PKCS #8 as written here, or PKCS #1 from elsewhere) is read by Node.
  const caKeyDer = createPrivateKey(ca.keyPem).export({ format: 'der', type: 'pkcs8' });
  const caKey = await crypto.subtle.importKey('pkcs8', caKeyDer, RSA, false, ['sign']);
  const caKeyId = caCertificate.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  const keys = await newRsaKeys(2048);
  const commonName = names.dns[0] ?? names.ip[0] ?? 'localhost';
  const certificate = await x509.X509CertificateGenerator.create({
    subject: [{ CN: [commonName] }, { O: ['Lượt'] }],
    issuer: caCertificate.subject,
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: RSA,
    notBefore: new Date(now - BACKDATE_MS),
    notAfter: new Date(now + SERVER_VALID_DAYS * DAY_MS),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
        ...names.ip.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ...(caKeyId === undefined ? [] : [new x509.AuthorityKeyIdentifierExtension(caKeyId)]),
    ],
  });
  return { certificatePem: certificate.toString('pem'), keyPem: await privateKeyPem(keys.privateKey) };
}

/** How a key file is shut to everyone but the server PC's administrators (and the service). */
export interface KeyFileLock {
  readonly platform: NodeJS.Platform;
  /** Runs a Windows command (icacls); a fake in tests. */
  readonly run: (command: string, args: readonly string[]) => void;
}

/** The real lock: chmod on POSIX, icacls on Windows. */
export const systemKeyFileLock: KeyFileLock = {
  platform: process.platform,
  run: (command, args) => {
    execFileSync(command, [...args], { stdio: 'ignore', windowsHide: true });
  },
};

/**
 * Make a private key readable by its owner only. POSIX: mode 0600. Windows ignores modes: the data folder
 * under ProgramData is readable by every local user, so icacls drops the inherited rights and grants
 * only SYSTEM (the service) and Administrators, named by their SIDs (the group names are translated on a
 * Vietnamese Windows).
 */
export function lockKeyFile(file: string, lock: KeyFileLock): void {
  if (lock.platform === 'win32') {
    lock.run('icacls', [file, '/inheritance:r', '/grant:r', '*S-1-5-18:F', '*S-1-5-32-544:F']);
  } else {
    chmodSync(file, 0o600);
  }
}

/**
 * Write a private key and shut it to all but its owner. A key that cannot be shut (on Windows, icacls
 * outside an administrator prompt) is deleted again rather than left readable by every local user.
 */
function writeKeyFile(file: string, pem: string, lock: KeyFileLock): void {
  writeWhole(file, pem, 0o600);
  try {
    lockKeyFile(file, lock);
  } catch (error) {
    rmSync(file, { force: true });
    throw new Error(
      `could not make ${file} readable by the administrators only, so it was deleted; run the command ` +
        `from an administrator prompt (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** Write a file whole or not at all (a power cut mid-write must not leave half a key). */
function writeWhole(file: string, text: string, mode: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode });
  renameSync(temporary, file);
}

/** What `tls init` / `tls renew` did, for the CLI to print. */
export interface TlsOutcome {
  readonly isNewCa: boolean;
  readonly caFingerprint256: string;
  /** SHA-1: what Windows' certificate dialog calls the "Thumbprint". */
  readonly caFingerprint1: string;
  readonly caName: string;
  readonly serverValidTo: Date;
  readonly names: CertificateNames;
}

/** Whether any file of `tls init` is already there (init refuses to overwrite without --force). */
export function existingTlsFiles(files: HallTlsFiles): string[] {
  return [files.caCert, files.caKey, files.serverCert, files.serverKey].filter((file) => existsSync(file));
}

/**
 * Write the hall's TLS files: a new CA unless one exists (`reuseCa`), then a new server certificate
 * signed by it. Keys are written 0600 and locked (Windows: icacls); certificates are public.
 */
export async function writeHallTls(
  files: HallTlsFiles,
  options: {
    readonly hallName: string;
    readonly names: CertificateNames;
    readonly reuseCa: boolean;
    readonly now: number;
    readonly lock: KeyFileLock;
  },
): Promise<TlsOutcome> {
  let ca: HallCa;
  if (options.reuseCa) {
    ca = { certificatePem: readFileSync(files.caCert, 'utf8'), keyPem: readFileSync(files.caKey, 'utf8') };
  } else {
    ca = await createHallCa(options.hallName, options.now);
    writeKeyFile(files.caKey, ca.keyPem, options.lock);
    writeWhole(files.caCert, ca.certificatePem, 0o644);
  }
  const server = await issueServerCertificate(ca, options.names, options.now);
  writeKeyFile(files.serverKey, server.keyPem, options.lock);
  writeWhole(files.serverCert, server.certificatePem, 0o644);
  const caCertificate = new NodeX509Certificate(ca.certificatePem);
  return {
    isNewCa: !options.reuseCa,
    caFingerprint256: caCertificate.fingerprint256,
    caFingerprint1: caCertificate.fingerprint,
    caName: /CN=([^\n]*)/.exec(caCertificate.subject)?.[1] ?? '',
    serverValidTo: new Date(new NodeX509Certificate(server.certificatePem).validTo),
    names: options.names,
  };
}
