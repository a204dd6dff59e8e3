import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * HTTPS on the hall's own port. The rule (docs/OPERATIONS.md, "HTTPS in the hall"): the server speaks
 * HTTPS when it has a certificate — `LUOT_TLS_CERT` + `LUOT_TLS_KEY` (or `tlsCert` / `tlsKey` in the
 * settings file) name one, else the files `luot tls init` writes into `<data>/tls/` are used when both
 * exist — and plain HTTP otherwise, or when `LUOT_TLS=off`.
 */

/** The folder of the data folder where `luot tls init` keeps the hall's CA and server certificate. */
export const TLS_FOLDER = 'tls';

/** The files `luot tls init` writes. The two keys never leave the server PC. */
export interface HallTlsFiles {
  /** The hall CA's certificate: public, installed on every device (also served at `/ca.crt`). */
  readonly caCert: string;
  /** The hall CA's private key: signs server certificates, readable only by the server PC's admins. */
  readonly caKey: string;
  readonly serverCert: string;
  readonly serverKey: string;
}

/** Where `luot tls init` keeps its files in a data folder. */
export function hallTlsFiles(dataDir: string): HallTlsFiles {
  const folder = path.join(dataDir, TLS_FOLDER);
  return {
    caCert: path.join(folder, 'hall-ca.crt'),
    caKey: path.join(folder, 'hall-ca.key'),
    serverCert: path.join(folder, 'server.crt'),
    serverKey: path.join(folder, 'server.key'),
  };
}

/** The path a device downloads the hall CA's certificate from (public part only). */
export const HALL_CA_PATH = '/ca.crt';

/** The certificate and key the server listens with, and what the start banner says about them. */
export interface ServerCertificate {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly certFile: string;
  /** SHA-256 fingerprint, `AB:CD:…`. */
  readonly fingerprint256: string;
  readonly validTo: Date;
  /** `DNS:hall-pc.local, IP Address:192.168.1.10, …` as Node prints it. */
  readonly subjectAltName: string;
}

/**
 * Read the server's certificate and key, refusing at start (with the file named) what would fail later
 * on every device: an unreadable file, a key that is not the certificate's, an expired certificate.
 */
export function readServerCertificate(
  files: { readonly certFile: string; readonly keyFile: string },
  now: number,
): ServerCertificate {
  const readOrExplain = (file: string): Buffer => {
    try {
      return readFileSync(file);
    } catch {
      throw new Error(
        `HTTPS: ${file} does not exist or cannot be read (LUOT_TLS_CERT / LUOT_TLS_KEY, or luot tls init)`,
      );
    }
  };
  const cert = readOrExplain(files.certFile);
  const key = readOrExplain(files.keyFile);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new Error(`${files.certFile} is not a PEM or DER certificate`);
  }
  let isKeyOfCertificate = false;
  try {
    isKeyOfCertificate = x509.checkPrivateKey(createPrivateKey(key));
  } catch {
    throw new Error(`${files.keyFile} is not a private key (PEM)`);
  }
  if (!isKeyOfCertificate) throw new Error(`${files.keyFile} is not the key of ${files.certFile}`);
  const validTo = new Date(x509.validTo);
  if (validTo.getTime() <= now) {
    throw new Error(
      `${files.certFile} expired on ${validTo.toISOString()}: issue a new one (luot tls renew)`,
    );
  }
  return {
    cert,
    key,
    certFile: files.certFile,
    fingerprint256: x509.fingerprint256,
    validTo,
    subjectAltName: x509.subjectAltName ?? '',
  };
}

/**
 * The hall CA's certificate as devices download it: re-encoded from the parsed certificate, so nothing
 * else in the file (a private key pasted after it by mistake) can ever be served. Undefined when the
 * file is missing, unreadable or not a CA certificate.
 */
export function publicHallCaCertificate(caFile: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(caFile);
  } catch {
    return undefined;
  }
  // The first PEM certificate block (Node refuses a file where a key follows it), else DER as is.
  const pem = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/.exec(
    bytes.toString('latin1'),
  );
  try {
    const certificate = new X509Certificate(pem === null ? bytes : pem[0]);
    return certificate.ca ? certificate.toString() : undefined;
  } catch {
    return undefined;
  }
}
