import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import path from 'node:path';

/**
 * A hall that runs HTTPS with its own CA (`luot tls init`, docs/OPERATIONS.md "HTTPS in the hall"): the
 * kiosk PC may trust that CA through the Windows certificate store (Chromium, and so Electron, uses it),
 * or, when the technician cannot touch the store, through `caFile` in the kiosk's settings. With `caFile`
 * the kiosk accepts, for the hall server's own host name only, a certificate that CA issued and that names
 * that host; everything else is left to Chromium's own verification.
 */

/** Electron's `setCertificateVerifyProc` answers: accept, or use Chromium's own verdict. */
export const CERTIFICATE_ACCEPTED = 0;
export const CHROMIUM_VERDICT = -3;

/** The part of Electron's certificate verification request the verdict needs. */
export type CertificateCheck = {
  readonly hostname: string;
  /** The server's (leaf) certificate, PEM, as Electron's `Certificate.data` gives it. */
  readonly certificate: { readonly data: string };
};

/** The hall CA the kiosk trusts for its server. */
export type HallTrust = {
  /** The hall server's host name or address (from `serverUrl`). */
  readonly serverHost: string;
  readonly ca: X509Certificate;
};

/**
 * The verdict on a server certificate: accepted when the request is for the hall server, the certificate
 * was issued and signed by the hall CA, is valid now and names that host; otherwise Chromium decides (so
 * a certificate the OS trusts still works, and nothing else is accepted on the hall CA's word).
 */
export function hallCertificateVerdict(request: CertificateCheck, trust: HallTrust, now: number): number {
  const host = request.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host !== trust.serverHost) return CHROMIUM_VERDICT;
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(request.certificate.data);
  } catch {
    return CHROMIUM_VERDICT;
  }
  const isIssuedByHallCa = leaf.checkIssued(trust.ca) && leaf.verify(trust.ca.publicKey);
  const isValidNow = Date.parse(leaf.validFrom) <= now && now < Date.parse(leaf.validTo);
  const namesHost = isIP(host) !== 0 ? leaf.checkIP(host) !== undefined : leaf.checkHost(host) !== undefined;
  return isIssuedByHallCa && isValidNow && namesHost && !leaf.ca ? CERTIFICATE_ACCEPTED : CHROMIUM_VERDICT;
}

/** The host of the hall server as certificate checks compare it (no IPv6 brackets, lower case). */
export function serverHostOf(serverOrigin: string): string {
  return new URL(serverOrigin).hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * Read the hall CA named by `caFile` (relative to the settings file's folder); never throws. Refused: a
 * missing file, a file that is not a certificate, or a certificate that is not a CA.
 */
export function loadHallCa(
  caFile: string,
  settingsFile: string,
  readBytes: (file: string) => Uint8Array,
): { ok: true; value: X509Certificate; file: string } | { ok: false; file: string; reason: string } {
  const file = path.resolve(path.dirname(settingsFile), caFile);
  let bytes: Uint8Array;
  try {
    bytes = readBytes(file);
  } catch {
    return { ok: false, file, reason: `caFile: ${file} not found or unreadable` };
  }
  try {
    const certificate = new X509Certificate(bytes);
    return certificate.ca
      ? { ok: true, value: certificate, file }
      : { ok: false, file, reason: `caFile: ${file} is not a CA certificate (use the hall's /ca.crt)` };
  } catch {
    return { ok: false, file, reason: `caFile: ${file} is not a certificate (PEM or DER)` };
  }
}
