import { networkInterfaces } from 'node:os';

/** How the hall server was last reached: what it listened on when it started (`HallStore.serverAddress`). */
export interface ServerAddress {
  readonly protocol: 'http' | 'https';
  readonly port: number;
}

/** The machine's LAN addresses devices in the hall can use (non-internal IPv4), loopback when none. */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) found.push(address.address);
    }
  }
  return found.length > 0 ? found : ['127.0.0.1'];
}

/**
 * The hall server's base addresses for links a person opens on a device: the hall's own host names
 * (LUOT_HOSTS) when it has them, else this machine's LAN addresses; with the protocol and port the server
 * really listens on.
 */
export function hallBaseUrls(address: ServerAddress, hosts: readonly string[] | undefined): string[] {
  const names = hosts !== undefined && hosts.length > 0 ? hosts : lanAddresses();
  return names.map((name) => {
    const host = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
    return `${address.protocol}://${host}:${address.port}`;
  });
}
