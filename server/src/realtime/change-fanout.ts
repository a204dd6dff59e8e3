import type { Changes } from '@luot/shared/contracts';

/** Sockets written per turn of the event loop: ≈ 1–2 ms of `write` calls on loopback (BENCHMARKS.md, "Headroom"). */
export const FANOUT_SOCKETS_PER_TURN = 100;

/** Writes one message to the listed sockets, or to every member when `socketIds` is null (encoded once). */
export type WriteChanges = (socketIds: string[] | null, changes: Changes) => void;

interface Behind {
  readonly socketId: string;
  /** The version this socket has been sent up to (what it held when this change was committed). */
  sentUpTo: number;
}

/**
 * Writes each committed change to every queue socket, a slice of sockets per turn of the event loop, so
 * that commands commit and are answered between slices instead of waiting behind a write to a thousand
 * sockets. A change committed while an earlier one is still being written travels with it to the
 * sockets not yet reached, as one `Changes` of both (the shape a group commit of two commands has), and
 * then alone to the sockets already written: every socket still gets every version once, in order, and
 * the newer change reaches the last socket about one pass after its commit instead of two. A hall whose
 * sockets all fit in one slice gets each change in one write to all of them, as a room broadcast.
 */
export class ChangeFanout {
  /** Queue sockets in the order they joined. */
  private readonly members = new Set<string>();
  /** Sockets still owed something, in the order they will be written. */
  private queue: Behind[] = [];
  private readonly queued = new Set<string>();
  /** The changes not yet written to every socket, oldest first. */
  private log: Changes[] = [];
  private isScheduled = false;
  private isClosed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly write: WriteChanges,
    private readonly socketsPerTurn = FANOUT_SOCKETS_PER_TURN,
  ) {
    if (!Number.isInteger(socketsPerTurn) || socketsPerTurn < 1)
      throw new Error(`sockets per turn must be a whole number ≥ 1, got ${socketsPerTurn}`);
  }

  join(socketId: string): void {
    this.members.add(socketId);
  }

  /** A socket gone; a slice that still names it writes nothing to it (Socket.IO skips unknown ids). */
  leave(socketId: string): void {
    this.members.delete(socketId);
  }

  /** Start writing a committed change: the first slice now, the rest on the following turns. */
  publish(changes: Changes): void {
    if (this.isClosed) return;
    // A hall whose sockets all fit in one slice, with nothing still being written: one write to all, the
    // path (and cost) of a plain room broadcast; listing the sockets cost ≈ 50 µs more for 75 of them.
    if (this.queue.length === 0 && this.members.size <= this.socketsPerTurn) {
      this.write(null, changes);
      return;
    }
    this.log.push(changes);
    // Every member not already owed an earlier change held everything before this one (a socket that
    // joined later got a snapshot at least this new, and ignores what it already has).
    for (const socketId of this.members) {
      if (this.queued.has(socketId)) continue;
      this.queued.add(socketId);
      this.queue.push({ socketId, sentUpTo: changes.fromVersion });
    }
    this.forgetDelivered();
    this.writeSlice();
  }

  /**
   * Run after every change published so far has been written to every socket (at once when nothing is
   * being written): a message that must not overtake a change on the same socket waits for this.
   */
  whenDelivered(then: () => void): void {
    if (this.queue.length === 0) then();
    else this.idleWaiters.push(then);
  }

  close(): void {
    this.isClosed = true;
    this.queue = [];
    this.queued.clear();
    this.log = [];
    this.idleWaiters = [];
  }

  private writeSlice(): void {
    const slice = this.queue.splice(0, this.socketsPerTurn);
    // Sockets owed the same versions get one message, encoded once.
    const bySentVersion = new Map<number, string[]>();
    for (const behind of slice) {
      this.queued.delete(behind.socketId);
      const group = bySentVersion.get(behind.sentUpTo);
      if (group) group.push(behind.socketId);
      else bySentVersion.set(behind.sentUpTo, [behind.socketId]);
    }
    for (const [sentUpTo, socketIds] of bySentVersion) {
      for (const changes of this.owedSince(sentUpTo)) this.write(socketIds, changes);
    }
    if (this.queue.length > 0) {
      if (!this.isScheduled) {
        this.isScheduled = true;
        setImmediate(() => {
          this.isScheduled = false;
          if (!this.isClosed && this.queue.length > 0) this.writeSlice();
        });
      }
      return;
    }
    this.log = [];
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const then of waiters) then();
  }

  /**
   * The messages a socket that holds `sentUpTo` is owed: the logged change itself when it is one (the
   * very bytes every other socket got), one `Changes` of all of them when several follow each other.
   */
  private owedSince(sentUpTo: number): Changes[] {
    const owed = this.log.filter((changes) => changes.toVersion > sentUpTo);
    if (owed.length <= 1) return owed;
    const isContiguous = owed.every((changes, index) =>
      index === 0 ? changes.fromVersion === sentUpTo : changes.fromVersion === owed[index - 1]!.toVersion,
    );
    if (!isContiguous) return owed;
    return [
      {
        fromVersion: sentUpTo,
        toVersion: owed.at(-1)!.toVersion,
        events: owed.flatMap((changes) => changes.events),
      },
    ];
  }

  /** Drop logged changes every queued socket already has. */
  private forgetDelivered(): void {
    let oldest = Infinity;
    for (const behind of this.queue) oldest = Math.min(oldest, behind.sentUpTo);
    this.log = this.log.filter((changes) => changes.toVersion > oldest);
  }
}
