import { hostname, networkInterfaces } from 'node:os';

/**
 * The names a hall server answers to, against DNS rebinding: a page on `evil.example` whose name the
 * attacker re-points at the hall's address reaches the server with `Host: evil.example` and an Origin
 * that matches it, so "Origin equals Host" proves nothing. The server therefore accepts only requests
 * (HTTP and the websocket handshake) whose Host, and Origin when a browser sends one, name the hall
 * itself: the names and addresses in `LUOT_HOSTS` / `hosts`, or by default the machine's own addresses,
 * its computer name (and `<name>.local`), `localhost` and the loopback addresses.
 */

/** Loopback names and addresses, always accepted (the server PC itself). */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'] as const;

/** The machine's own names and addresses plus loopback: the default when the hall names none. */
export function defaultHallHosts(): string[] {
  const names = new Set<string>(LOOPBACK_HOSTS);
  const machine = hostname().toLowerCase();
  if (machine !== '') {
    names.add(machine);
    if (!machine.includes('.')) names.add(`${machine}.local`);
  }
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) names.add(normalizeHostName(address.address));
  }
  return [...names];
}

/** A host name as compared: lower case, IPv6 without brackets or zone, no trailing dot. */
export function normalizeHostName(name: string): string {
  let host = name.trim().toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  const zone = host.indexOf('%');
  if (zone !== -1) host = host.slice(0, zone);
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/** The host name of a `Host` header (`name`, `name:port`, `[v6]:port`), or undefined when malformed. */
export function hostNameOfHeader(header: string | undefined): string | undefined {
  if (header === undefined || header.length > 255) return undefined;
  const match = /^(\[[0-9A-Fa-f:.%a-zA-Z]+\]|[A-Za-z0-9._-]+)(?::[0-9]{1,5})?$/.exec(header.trim());
  return match?.[1] === undefined ? undefined : normalizeHostName(match[1]);
}

/** Whether a host name is loopback: `localhost`, 127.0.0.0/8 or ::1. */
export const isLoopbackHost = (name: string): boolean =>
  name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);

/**
 * The hall's accepted host names: the configured ones (loopback always added, so the server PC keeps
 * working), or the machine's defaults when none are configured.
 */
export function hallHostList(configured: readonly string[] | undefined): readonly string[] {
  const names =
    configured === undefined || configured.length === 0
      ? defaultHallHosts()
      : configured.map(normalizeHostName);
  return [...new Set([...names, ...LOOPBACK_HOSTS])];
}

/** Whether a request's `Host` header names the hall. */
export function isHallHost(header: string | undefined, hosts: readonly string[]): boolean {
  const name = hostNameOfHeader(header);
  return name !== undefined && (isLoopbackHost(name) || hosts.includes(name));
}

/**
 * Whether a browser's Origin may act on the hall: listed in `allowedOrigins` exactly, or the same
 * host and port as the request and that host one of the hall's names.
 */
export function isHallOrigin(
  origin: string,
  hostHeader: string | undefined,
  hosts: readonly string[],
  allowedOrigins: readonly string[],
): boolean {
  if (allowedOrigins.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return hostHeader !== undefined && url.host === hostHeader.toLowerCase() && isHallHost(url.host, hosts);
  } catch {
    return false;
  }
}
