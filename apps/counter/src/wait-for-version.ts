import type { HallConnection } from '@luot/client';

/** What waiting for the replica needs from a connection. */
export type ReplicaPort = Pick<HallConnection, 'current' | 'subscribe' | 'resync'>;

/**
 * Resolve once the replica has folded the given hall version. A command's ack comes just before its
 * broadcast; holding the button until the screen shows the new state means a second press is judged
 * against the state the clerk can see. If the change never arrives, ask for a snapshot and go on.
 */
export function waitForVersion(port: ReplicaPort, version: number, timeoutMs = 3_000): Promise<void> {
  const hasIt = (): boolean => (port.current.state?.version ?? -1) >= version;
  if (hasIt()) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(() => {
      port.resync();
      finish();
    }, timeoutMs);
    const stop = port.subscribe(() => {
      if (hasIt()) finish();
    });
  });
}
